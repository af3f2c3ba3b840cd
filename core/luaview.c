/*
 * luaview.c — read-only views (luaview.h).  Every view shares the shape of
 * its metatable: __index is the table behind it, __newindex refuses,
 * __len and __pairs answer for that table (a view itself is empty, and
 * pairs must never hand out the table behind it), __metatable hides it.
 */
#include "luaview.h"

#include <lauxlib.h>
#include <lua.h>

#define FREEZE_DEPTH 64

int gj_luaview_refuse(lua_State *L)
{
	return luaL_error(L, "attempt to change a read-only table");
}

void gj_luaview_target(lua_State *L, int idx)
{
	lua_getmetatable(L, idx);             /* stack: mt */
	lua_getfield(L, -1, "__index");       /* stack: mt, target */
	lua_remove(L, -2);                    /* stack: target */
}

static int view_len(lua_State *L)
{
	gj_luaview_target(L, 1);
	lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
	return 1;
}

static int view_next(lua_State *L)
{
	/* upvalue 1: the target; arg 2: the previous key */
	lua_settop(L, 2);
	if (lua_next(L, lua_upvalueindex(1)) == 0) {
		lua_pushnil(L);
		return 1;
	}
	return 2;
}

static int view_pairs(lua_State *L)
{
	/* never hand out the target itself: iterate it from a closure */
	gj_luaview_target(L, 1);
	lua_pushcclosure(L, view_next, 1);
	lua_pushnil(L);
	lua_pushnil(L);
	return 3;
}

int gj_luaview_is_view(lua_State *L, int idx)
{
	if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
		return 0;
	lua_getfield(L, -1, "__len");                    /* stack: mt, len */
	int yes = lua_tocfunction(L, -1) == view_len;
	lua_pop(L, 2);
	return yes;
}

size_t gj_luaview_len(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	if (!gj_luaview_is_view(L, idx))
		return lua_type(L, idx) == LUA_TTABLE ? lua_rawlen(L, idx) : 0;
	gj_luaview_target(L, idx);
	size_t n = lua_rawlen(L, -1);
	lua_pop(L, 1);
	return n;
}

void gj_luaview_protect(lua_State *L)
{
	lua_pushcfunction(L, gj_luaview_refuse);
	lua_setfield(L, -2, "__newindex");
	lua_pushliteral(L, "read-only");
	lua_setfield(L, -2, "__metatable");
}

/* Give the table at view the metatable that makes it a read-only view of
 * the table at t. */
static void set_view_meta(lua_State *L, int t, int view)
{
	lua_createtable(L, 0, 5);
	lua_pushvalue(L, t);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, view_len);
	lua_setfield(L, -2, "__len");
	lua_pushcfunction(L, view_pairs);
	lua_setfield(L, -2, "__pairs");
	gj_luaview_protect(L);
	lua_setmetatable(L, view);
}

/* stack: seen, table -> seen, view.  Nested tables are replaced by their
 * views inside the (now private) table; seen maps tables to views so
 * shared and cyclic tables are viewed once. */
static void freeze_at(lua_State *L, int depth)
{
	luaL_checkstack(L, 8, "freezing a table");
	int t = lua_gettop(L), seen = t - 1;
	lua_pushvalue(L, t);
	if (lua_rawget(L, seen) == LUA_TTABLE) {   /* stack: seen, t, view */
		lua_remove(L, t);
		return;
	}
	lua_pop(L, 1);
	lua_newtable(L);                           /* stack: seen, t, view */
	int view = t + 1;
	lua_pushvalue(L, t);
	lua_pushvalue(L, view);
	lua_rawset(L, seen);
	if (depth < FREEZE_DEPTH) {
		/* replacing the value of a key lua_next is at is allowed */
		lua_pushnil(L);
		while (lua_next(L, t) != 0) {      /* stack: …, key, value */
			if (lua_type(L, -1) == LUA_TTABLE) {
				lua_pushvalue(L, seen);
				lua_insert(L, -2);          /* …, key, seen, value */
				freeze_at(L, depth + 1);    /* …, key, seen, vview */
				lua_remove(L, -2);          /* …, key, vview */
				lua_pushvalue(L, -2);
				lua_insert(L, -2);          /* …, key, key, vview */
				lua_rawset(L, t);           /* …, key */
			} else {
				lua_pop(L, 1);
			}
		}
	}
	set_view_meta(L, t, view);                 /* stack: seen, t, view */
	lua_remove(L, t);                          /* stack: seen, view */
}

void gj_luaview_freeze(lua_State *L)
{
	luaL_checkstack(L, 2, "freezing a table");
	lua_newtable(L);          /* stack: t, seen */
	lua_insert(L, -2);        /* stack: seen, t */
	freeze_at(L, 0);          /* stack: seen, view */
	lua_remove(L, -2);        /* stack: view */
}

void gj_luaview_freeze_shallow(lua_State *L)
{
	luaL_checkstack(L, 4, "freezing a table");
	int t = lua_gettop(L);
	lua_newtable(L);
	set_view_meta(L, t, t + 1);
	lua_remove(L, t);
}
