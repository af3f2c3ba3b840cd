/*
 * xlsx.h — Excel workbooks for output scripts (scripts/xlsx.lua), through
 * libxlsxwriter.  A script describes the whole workbook as one Lua table
 * and gets the .xlsx file's bytes back to emit; it never holds a workbook
 * object, a file or a handle, so the sandbox has nothing new to guard.
 * Tables are read with their metamethods: a module's read-only lists work.
 * Stage: Lua → output.
 */
#ifndef GJ_XLSX_H
#define GJ_XLSX_H

struct lua_State;

/* xlsx_book{ sheets = { sheet, … } } → the workbook's bytes, or raises.
 *   sheet = { name = "报告",                        -- ≤ 31 characters
 *             columns = { { header = "文件", width = 40 }, … },
 *             rows = { { "a.pdf", 95, true, nil, … }, … } }
 * The first row holds the headers, bold, and stays in view (frozen) when
 * the sheet scrolls.  A row's cells follow the columns: a number is
 * written as a number, a string as text, a boolean as TRUE/FALSE, nil as
 * an empty cell.  At most 16 sheets, 256 columns and 500,000 cells in all;
 * a string longer than Excel's 32,767 characters is cut. */
int gj_xlsx_book(struct lua_State *L);

#endif
