/*
 * luabridge.c — push a report into Lua from the same value tree the dump
 * prints (dump.c), then freeze it, so rules read exactly what users see in
 * `gouji dump` and no rule can change what the next one reads.
 */
#include "luabridge.h"
#include "dump.h"
#include "luaview.h"

#include <lauxlib.h>
#include <lua.h>

#include <string.h>

/* Whole numbers are integers in Lua: 3, not 3.0, in messages.  The range
 * is tested first: casting .inf or 1e300 is undefined. */
static void push_number(lua_State *L, double d)
{
	if (d > -9.0e15 && d < 9.0e15 && d == (double)(lua_Integer)d)
		lua_pushinteger(L, (lua_Integer)d);
	else
		lua_pushnumber(L, d);
}

/* frozen: each table becomes a read-only view once its values are in
 * (its nested tables are views already, so no walk over it is needed) */
static void push_value(lua_State *L, const gj_value *v, int depth, int frozen)
{
	luaL_checkstack(L, 4, "pushing a report");
	switch (gj_value_type(v)) {
	case GJ_V_NULL:
		lua_pushnil(L);
		break;
	case GJ_V_BOOL:
		lua_pushboolean(L, gj_value_bool(v));
		break;
	case GJ_V_NUM:
		push_number(L, gj_value_num(v));
		break;
	case GJ_V_STR:
		lua_pushstring(L, gj_value_str(v));
		break;
	case GJ_V_ARR:
	case GJ_V_OBJ: {
		int n = gj_value_len(v);
		int is_obj = gj_value_type(v) == GJ_V_OBJ;
		lua_createtable(L, is_obj ? 0 : n, is_obj ? n : 0);
		for (int i = 0; i < n && depth < 32; i++) {
			push_value(L, gj_value_item(v, i), depth + 1, frozen);
			if (is_obj)
				lua_setfield(L, -2, gj_value_key(v, i));
			else
				lua_rawseti(L, -2, i + 1);
		}
		if (frozen)
			gj_luaview_freeze_shallow(L);
		break;
	}
	}
}

void gj_lua_push_value(gj_sandbox *sb, const gj_value *v)
{
	push_value(gj_sandbox_lua(sb), v, 0, 0);
}

void gj_lua_push_frozen(gj_sandbox *sb, const gj_value *v)
{
	push_value(gj_sandbox_lua(sb), v, 0, 1);
}

/* ---- report.cells, built cell by cell as rules read them ----
 *
 * A report has some 400 cells and most rules read a few or none, so
 * report.cells is a read-only view whose cells are made on first use (and
 * kept for the other rules).  pairs() goes through them in catalogue
 * order.  The view holds the report only while it is being checked: after
 * that (gj_lua_report_done) it is empty, so a rule that kept it in a
 * module cannot reach freed memory. */

struct gj_lua_report {
	const gj_report *r;
};

/* registry["gouji.cell_index"]: path -> catalogue index, and index + 1 ->
 * path (one string per path for every report, so pairs() makes none and
 * its hash is worked out once), made once */
static void push_cell_index(lua_State *L)
{
	if (lua_getfield(L, LUA_REGISTRYINDEX, "gouji.cell_index") == LUA_TTABLE)
		return;
	lua_pop(L, 1);
	lua_createtable(L, gj_ncell_specs, gj_ncell_specs);
	for (int i = 0; i < gj_ncell_specs; i++) {
		lua_pushstring(L, gj_cell_specs[i].path);
		lua_pushvalue(L, -1);
		lua_rawseti(L, -3, i + 1);
		lua_pushinteger(L, i);
		lua_rawset(L, -3);
	}
	lua_pushvalue(L, -1);
	lua_setfield(L, LUA_REGISTRYINDEX, "gouji.cell_index");
}


/* A cell is a small userdata read through one shared metatable: its
 * fields come from the report when asked (a rule that looks at the status
 * of 400 cells makes 400 small objects, not 400 frozen tables).  It holds
 * the report's handle (user value 1), so it too is empty once the report
 * has been checked; its candidates are made on first read (user value 2). */
struct gj_lua_cell {
	struct gj_lua_report *h;
	int i;
};

static const gj_cell *cell_of(lua_State *L)
{
	struct gj_lua_cell *c = luaL_checkudata(L, 1, "gouji.cell");
	return c->h->r ? &c->h->r->cells[c->i] : NULL;
}

static const char *const cell_fields[] = {
	"status", "line", "column", "raw", "candidates", "why", "code", NULL
};

/* push field k of cell c (nothing for a cell without a why) */
static int push_cell_field(lua_State *L, const gj_cell *c, int k)
{
	switch (k) {
	case 0: lua_pushstring(L, gj_status_name(c->status)); return 1;
	case 1: lua_pushinteger(L, c->line); return 1;
	case 2: lua_pushinteger(L, c->column); return 1;
	case 3: lua_pushstring(L, c->raw ? c->raw : ""); return 1;
	case 4:
		if (lua_getiuservalue(L, 1, 2) == LUA_TTABLE)
			return 1;
		lua_pop(L, 1);
		lua_createtable(L, c->ncandidates, 0);
		for (int n = 0; n < c->ncandidates; n++) {
			push_number(L, c->candidates[n]);
			lua_rawseti(L, -2, n + 1);
		}
		gj_luaview_freeze_shallow(L);
		lua_pushvalue(L, -1);
		lua_setiuservalue(L, 1, 2);
		return 1;
	case 5:
		if (!c->why)
			return 0;
		lua_pushstring(L, c->why);
		return 1;
	case 6:
		if (!c->code)
			return 0;
		lua_pushstring(L, c->code);
		return 1;
	}
	return 0;
}

static int cell_index(lua_State *L)
{
	const gj_cell *c = cell_of(L);
	if (!c || lua_type(L, 2) != LUA_TSTRING)
		return 0;
	const char *key = lua_tostring(L, 2);
	for (int k = 0; cell_fields[k]; k++)
		if (strcmp(key, cell_fields[k]) == 0)
			return push_cell_field(L, c, k);
	return 0;
}

/* pairs(cell): the fields in dump's order */
static int cell_next(lua_State *L)
{
	const gj_cell *c = cell_of(L);
	if (!c)
		return 0;
	int k = 0;
	if (!lua_isnil(L, 2)) {
		const char *key = lua_tostring(L, 2);
		while (cell_fields[k] && (!key || strcmp(key, cell_fields[k]) != 0))
			k++;
		if (!cell_fields[k])
			return luaL_error(L, "invalid key to 'next'");
		k++;
	}
	for (; cell_fields[k]; k++) {
		lua_pushstring(L, cell_fields[k]);
		if (push_cell_field(L, c, k))
			return 2;
		lua_pop(L, 1);
	}
	return 0;
}

static int cell_pairs(lua_State *L)
{
	luaL_checkudata(L, 1, "gouji.cell");
	lua_pushcfunction(L, cell_next);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

static int cell_tostring(lua_State *L)
{
	const gj_cell *c = cell_of(L);
	if (!c)
		lua_pushliteral(L, "cell");
	else
		lua_pushfstring(L, "cell (%s, %d:%d)", gj_status_name(c->status), c->line, c->column);
	return 1;
}

static void push_cell_meta(lua_State *L)
{
	if (luaL_newmetatable(L, "gouji.cell")) {
		const luaL_Reg fns[] = {
			{ "__index", cell_index }, { "__pairs", cell_pairs },
			{ "__tostring", cell_tostring }, { NULL, NULL }
		};
		luaL_setfuncs(L, fns, 0);
		gj_luaview_protect(L);
		lua_pushliteral(L, "cell");
		lua_setfield(L, -2, "__name");
	}
}

/* Push cell i of the report; cached in the table at upvalue 2, so a cell
 * read twice is the same value. */
static void push_cell(lua_State *L, struct gj_lua_report *h, int i)
{
	lua_rawgeti(L, lua_upvalueindex(2), i + 1);
	if (!lua_isnil(L, -1))
		return;
	lua_pop(L, 1);
	luaL_checkstack(L, 4, "building a cell");
	struct gj_lua_cell *c = lua_newuserdatauv(L, sizeof *c, 2);
	c->h = h;
	c->i = i;
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_setiuservalue(L, -2, 1);
	push_cell_meta(L);
	lua_setmetatable(L, -2);
	lua_pushvalue(L, -1);
	lua_rawseti(L, lua_upvalueindex(2), i + 1);
}

/* the catalogue index of a present cell named by the value at idx, or -1 */
static int cell_at(lua_State *L, struct gj_lua_report *h, int idx)
{
	if (!h->r || lua_type(L, idx) != LUA_TSTRING)
		return -1;
	lua_pushvalue(L, idx);
	int i = lua_rawget(L, lua_upvalueindex(3)) == LUA_TNUMBER ? (int)lua_tointeger(L, -1) : -1;
	lua_pop(L, 1);
	if (i < 0 || i >= gj_ncell_specs || h->r->cells[i].status == GJ_ABSENT)
		return -1;
	return i;
}

/* upvalues: 1 the handle, 2 the cache, 3 the index */
static int cells_index(lua_State *L)
{
	struct gj_lua_report *h = lua_touserdata(L, lua_upvalueindex(1));
	int i = cell_at(L, h, 2);
	if (i < 0)
		return 0;
	push_cell(L, h, i);
	return 1;
}

static int cells_next(lua_State *L)
{
	struct gj_lua_report *h = lua_touserdata(L, lua_upvalueindex(1));
	if (!h->r)
		return 0;
	int i = lua_isnil(L, 2) ? 0 : cell_at(L, h, 2) + 1;
	if (!lua_isnil(L, 2) && i == 0)
		return luaL_error(L, "invalid key to 'next'");
	while (i < gj_ncell_specs && h->r->cells[i].status == GJ_ABSENT)
		i++;
	if (i >= gj_ncell_specs)
		return 0;
	lua_rawgeti(L, lua_upvalueindex(3), i + 1);
	push_cell(L, h, i);
	return 2;
}

static int cells_pairs(lua_State *L)
{
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_pushvalue(L, lua_upvalueindex(2));
	lua_pushvalue(L, lua_upvalueindex(3));
	lua_pushcclosure(L, cells_next, 3);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

static int cells_len(lua_State *L)
{
	lua_pushinteger(L, 0);
	return 1;
}

/* Push the lazy view of r's cells; *out gets its handle. */
static void push_cells(lua_State *L, const gj_report *r,
		       struct gj_lua_report **out)
{
	luaL_checkstack(L, 8, "pushing cells");
	lua_newtable(L);                                   /* view */
	struct gj_lua_report *h = lua_newuserdatauv(L, sizeof *h, 0);
	h->r = r;
	*out = h;
	lua_createtable(L, gj_ncell_specs, 0);             /* cache */
	push_cell_index(L);                                /* view, h, cache, index */
	lua_createtable(L, 0, 5);                          /* …, mt */
	const lua_CFunction fns[] = { cells_index, cells_pairs };
	const char *const names[] = { "__index", "__pairs" };
	for (int k = 0; k < 2; k++) {
		lua_pushvalue(L, -4);
		lua_pushvalue(L, -4);
		lua_pushvalue(L, -4);
		lua_pushcclosure(L, fns[k], 3);
		lua_setfield(L, -2, names[k]);
	}
	lua_pushcfunction(L, cells_len);
	lua_setfield(L, -2, "__len");
	gj_luaview_protect(L);
	lua_setmetatable(L, -5);                           /* view, h, cache, index */
	lua_pop(L, 3);                                     /* view */
}

gj_lua_report *gj_lua_push_report(gj_sandbox *sb, const gj_report *r)
{
	lua_State *L = gj_sandbox_lua(sb);
	gj_value *v = gj_report_value_nocells(r);
	push_value(L, v, 0, 1);                            /* stack: view */
	gj_value_free(v);
	/* the cells go into the frozen view's private table */
	gj_luaview_target(L, -1);                          /* view, target */
	struct gj_lua_report *h;
	push_cells(L, r, &h);
	lua_setfield(L, -2, "cells");
	lua_pop(L, 1);
	return h;
}

void gj_lua_report_done(gj_lua_report *h)
{
	if (h)
		h->r = NULL;
}
