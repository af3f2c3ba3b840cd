/*
 * xlsx.c — xlsx_book for output scripts (xlsx.h).  The workbook is written
 * by libxlsxwriter into a private temporary folder (its own temporary
 * files too), read back and removed before the function returns: what the
 * script gets is a string.  libxlsxwriter's memory is not the sandbox's,
 * so the sizes are capped here, and constant-memory mode keeps it small.
 */
#include "xlsx.h"
#include "util.h"

#include <lauxlib.h>
#include <lua.h>
#include <xlsxwriter.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_SHEETS 16
#define MAX_COLUMNS 256
#define MAX_CELLS 500000L
#define MAX_TEXT 32767          /* bytes kept of one string, as Excel's cap */
/* the workbook read back: 500,000 cells of at most MAX_TEXT bytes is far
 * less than this, zipped */
#define GJ_XLSX_MAX ((size_t)1024 * 1024 * 1024)

/* a string cut to at most MAX_TEXT bytes, at a code point's start */
static const char *cut_text(const char *s, size_t len, char *buf)
{
	if (len <= MAX_TEXT)
		return s;
	size_t n = MAX_TEXT;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* Write the sheet on top of the stack.  Returns NULL or a message. */
static const char *write_sheet(lua_State *L, lxw_workbook *wb, lxw_format *bold,
			       long *cells, char *buf)
{
	/* stack: …, sheet */
	if (lua_getfield(L, -1, "name") != LUA_TSTRING)
		return "a sheet needs a name";
	const char *name = lua_tostring(L, -1);
	if (workbook_validate_sheet_name(wb, name) != LXW_NO_ERROR)
		return "a sheet's name must be 1 to 31 characters, none of []:*?/\\, and not used twice";
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	lua_pop(L, 1);
	if (!ws)
		return "cannot add a sheet";
	if (lua_getfield(L, -1, "columns") != LUA_TTABLE)
		return "a sheet needs its columns";
	lua_Integer ncol = luaL_len(L, -1);
	if (ncol < 1 || ncol > MAX_COLUMNS)
		return "a sheet has 1 to 256 columns";
	for (lua_Integer c = 1; c <= ncol; c++) {
		luaL_checkstack(L, 4, "xlsx_book");
		if (lua_geti(L, -1, c) != LUA_TTABLE)
			return "each column is a table { header = …, width = … }";
		/* stack: …, sheet, columns, column */
		double width = lua_getfield(L, -1, "width") == LUA_TNUMBER ? lua_tonumber(L, -1) : 12;
		lua_pop(L, 1);
		if (width < 1 || width > 255)
			width = 12;
		worksheet_set_column(ws, (lxw_col_t)(c - 1), (lxw_col_t)(c - 1), width, NULL);
		size_t len = 0;
		const char *h = lua_getfield(L, -1, "header") == LUA_TSTRING ? lua_tolstring(L, -1, &len) : "";
		worksheet_write_string(ws, 0, (lxw_col_t)(c - 1), cut_text(h, len, buf), bold);
		lua_pop(L, 2);
	}
	lua_pop(L, 1);
	worksheet_freeze_panes(ws, 1, 0);
	if (lua_getfield(L, -1, "rows") != LUA_TTABLE) {
		lua_pop(L, 1);
		return NULL;    /* the headers only */
	}
	lua_Integer nrow = luaL_len(L, -1);
	if (nrow > 1048575)
		return "too many rows for a sheet";
	for (lua_Integer r = 1; r <= nrow; r++) {
		luaL_checkstack(L, 4, "xlsx_book");
		if (lua_geti(L, -1, r) != LUA_TTABLE)
			return "each row is a table of cells";
		/* stack: …, sheet, rows, row */
		for (lua_Integer c = 1; c <= ncol; c++) {
			if (++*cells > MAX_CELLS)
				return "more than 500000 cells";
			lxw_row_t row = (lxw_row_t)r;
			lxw_col_t col = (lxw_col_t)(c - 1);
			switch (lua_geti(L, -1, c)) {
			case LUA_TNUMBER:
				worksheet_write_number(ws, row, col, lua_tonumber(L, -1), NULL);
				break;
			case LUA_TSTRING: {
				size_t len;
				const char *s = lua_tolstring(L, -1, &len);
				worksheet_write_string(ws, row, col, cut_text(s, len, buf), NULL);
				break;
			}
			case LUA_TBOOLEAN:
				worksheet_write_boolean(ws, row, col, lua_toboolean(L, -1), NULL);
				break;
			case LUA_TNIL:
				break;
			default:
				return "a cell is a number, a string, a boolean or nil";
			}
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	return NULL;
}

/* Remove the private folder and what is left in it. */
static void remove_dir(const char *dir, const char *file)
{
	unlink(file);
	rmdir(dir);
}

int gj_xlsx_book(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	if (lua_getfield(L, 1, "sheets") != LUA_TTABLE)
		return luaL_error(L, "xlsx_book: 'sheets' must be a list of sheets");
	lua_Integer nsheet = luaL_len(L, 2);
	if (nsheet < 1 || nsheet > MAX_SHEETS)
		return luaL_error(L, "xlsx_book: 1 to %d sheets", MAX_SHEETS);

	const char *tmp = getenv("TMPDIR");
	char dir[512], file[600];
	snprintf(dir, sizeof dir, "%s/gouji-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return luaL_error(L, "xlsx_book: cannot make a temporary folder");
	snprintf(file, sizeof file, "%s/book.xlsx", dir);
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = dir, .use_zip64 = LXW_FALSE };
	lxw_workbook *wb = workbook_new_opt(file, &opt);
	if (!wb) {
		remove_dir(dir, file);
		return luaL_error(L, "xlsx_book: cannot start a workbook");
	}
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_bg_color(bold, 0xEEF3F8);
	char *buf = gj_xmalloc(MAX_TEXT + 1);
	long cells = 0;
	const char *problem = NULL;
	for (lua_Integer i = 1; i <= nsheet && !problem; i++) {
		/* stack: spec, sheets */
		if (lua_geti(L, 2, i) != LUA_TTABLE)
			problem = "each sheet is a table";
		else
			problem = write_sheet(L, wb, bold, &cells, buf);
		lua_settop(L, 2);
	}
	free(buf);
	lxw_error rc = workbook_close(wb);
	if (problem || rc != LXW_NO_ERROR) {
		remove_dir(dir, file);
		return luaL_error(L, "xlsx_book: %s", problem ? problem : lxw_strerror(rc));
	}
	size_t len;
	gj_diag why;
	memset(&why, 0, sizeof why);
	char *bytes = gj_read_file(file, GJ_XLSX_MAX, &len, &why);
	remove_dir(dir, file);
	if (!bytes)
		return luaL_error(L, "xlsx_book: cannot read the workbook back");
	lua_pushlstring(L, bytes, len);
	free(bytes);
	return 1;
}
