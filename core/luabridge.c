/*
 * luabridge.c — push a report into Lua from the same value tree the dump
 * prints (dump.c), then freeze it, so rules read exactly what users see in
 * `gouji dump` and no rule can change what the next one reads.
 */
#include "luabridge.h"
#include "dump.h"

#include <lauxlib.h>
#include <lua.h>

static void push_value(lua_State *L, const gj_value *v, int depth)
{
	luaL_checkstack(L, 4, "pushing a report");
	switch (gj_value_type(v)) {
	case GJ_V_NULL:
		lua_pushnil(L);
		break;
	case GJ_V_BOOL:
		lua_pushboolean(L, gj_value_bool(v));
		break;
	case GJ_V_NUM: {
		double d = gj_value_num(v);
		/* whole numbers are integers in Lua: 3, not 3.0, in messages;
		 * the range is tested first: casting .inf is undefined */
		if (d > -9.0e15 && d < 9.0e15 && d == (double)(lua_Integer)d)
			lua_pushinteger(L, (lua_Integer)d);
		else
			lua_pushnumber(L, d);
		break;
	}
	case GJ_V_STR:
		lua_pushstring(L, gj_value_str(v));
		break;
	case GJ_V_ARR:
	case GJ_V_OBJ: {
		int n = gj_value_len(v);
		int is_obj = gj_value_type(v) == GJ_V_OBJ;
		lua_createtable(L, is_obj ? 0 : n, is_obj ? n : 0);
		for (int i = 0; i < n && depth < 32; i++) {
			push_value(L, gj_value_item(v, i), depth + 1);
			if (is_obj)
				lua_setfield(L, -2, gj_value_key(v, i));
			else
				lua_rawseti(L, -2, i + 1);
		}
		break;
	}
	}
}

void gj_lua_push_value(gj_sandbox *sb, const gj_value *v)
{
	push_value(gj_sandbox_lua(sb), v, 0);
}

void gj_lua_push_report(gj_sandbox *sb, const gj_report *r)
{
	lua_State *L = gj_sandbox_lua(sb);
	gj_value *v = gj_report_value(r);
	push_value(L, v, 0);
	gj_value_free(v);
	gj_sandbox_freeze(sb);
}
