/*
 * detail.h — a report in full for output scripts that draw the report
 * itself (scripts/annotated.lua): everything `gouji dump` gives, plus where
 * each piece of a paragraph was printed, each cell's official labels and
 * page, where each table starts, and the pages of a PDF.  Stage: model →
 * Lua, beside the summary that other output scripts get (dump.c).
 *
 * Ownership: the caller frees the tree with gj_value_free.
 */
#ifndef GJ_DETAIL_H
#define GJ_DETAIL_H

#include "dump.h"
#include "model.h"

/* The report as gj_report_value gives it, with these additions:
 *   sections[i].paragraphs[k].pieces = { {offset, line, column}, … }:
 *       the paragraph's text from byte offset (1-based, for string.sub)
 *       on was printed at line, starting at code-point column;
 *   cells[path] also has table, row, column, row_label, column_label
 *       (as the official table words them), value (nil unless read) and
 *       page (PDF; nil otherwise);
 *   cell_paths = { "tables.active.regulations.issued", … }: the cells
 *       of the report's format in the official tables' order;
 *   table_lines = { active = 39, requests = 54, appeals = 87 } (0: not
 *       found);
 *   pages = { 1, 52, 110, … }: the first line of each page (PDF only;
 *       an empty list otherwise). */
gj_value *gj_report_detail(const gj_report *r);

/* Note the pages of text (pdftotext ends each page with '\f'): the first
 * line of each in r->page_lines. */
void gj_report_find_pages(gj_report *r, const char *text, size_t len);

/* The page of line (1-based), or 0 when the report has no pages. */
int gj_report_page_of(const gj_report *r, int line);

#endif
