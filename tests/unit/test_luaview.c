/* test_luaview.c — read-only views: reads go through, writes raise, #,
 * pairs and ipairs work, shared and cyclic tables get one view, and the
 * table behind a view is never handed out. */
#include "luaview.h"
#include "unit.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

/* Run code (the frozen value as its ...) in L; the first result as text. */
static char got[256];
static int probe(lua_State *L, const char *code)
{
	got[0] = '\0';
	if (luaL_loadbuffer(L, code, strlen(code), "=probe") != LUA_OK) {
		snprintf(got, sizeof got, "%s", lua_tostring(L, -1));
		lua_pop(L, 1);
		return -1;
	}
	lua_pushvalue(L, 1);                  /* stack: view, fn, view */
	int rc = lua_pcall(L, 1, 1, 0);
	const char *s = lua_tostring(L, -1);
	snprintf(got, sizeof got, "%s", s ? s : luaL_typename(L, -1));
	lua_pop(L, 1);
	return rc == LUA_OK ? 0 : -1;
}

static void test_deep(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	CHECK_INT(luaL_dostring(L, "local r = {title = '报告', tables = {requests = {new = {total = 218}}},"
				  " list = {1, 2, 3}} r.self = r r.again = r.tables return r"), 0);
	gj_luaview_freeze(L);                 /* stack: view */
	CHECK_INT(lua_gettop(L), 1);
	CHECK_INT(probe(L, "local r = ... return r.tables.requests.new.total"), 0);
	CHECK_STR(got, "218");
	CHECK_INT(probe(L, "local r = ... r.tables.requests.new.total = 0"), -1);
	CHECK_STR(got, "probe:1: attempt to change a read-only table");
	CHECK_INT(probe(L, "local r = ... r.extra = 1"), -1);
	CHECK_STR(got, "probe:1: attempt to change a read-only table");
	CHECK_INT(probe(L, "local r = ... return #r.list .. ' ' .. select('#', table.unpack(r.list))"), 0);
	CHECK_STR(got, "3 3");
	CHECK_INT(probe(L, "local r = ... local n = 0 for _ in pairs(r) do n = n + 1 end return n"), 0);
	CHECK_STR(got, "5");
	CHECK_INT(probe(L, "local r = ... local s = 0 for _, v in ipairs(r.list) do s = s + v end return s"), 0);
	CHECK_STR(got, "6");
	/* a cycle and a shared table: one view each */
	CHECK_INT(probe(L, "local r = ... return tostring(r.self == r and r.again == r.tables)"), 0);
	CHECK_STR(got, "true");
	/* the metatable is hidden, and cannot be changed */
	CHECK_INT(probe(L, "local r = ... return getmetatable(r)"), 0);
	CHECK_STR(got, "read-only");
	CHECK_INT(probe(L, "local r = ... setmetatable(r, nil)"), -1);
	CHECK_STR(got, "probe:1: cannot change a protected metatable");
	/* pairs never hands out the table behind the view */
	CHECK_INT(probe(L, "local r = ... local f, s = pairs(r) return type(s)"), 0);
	CHECK_STR(got, "nil");
	/* C sees through it */
	gj_luaview_target(L, 1);
	CHECK_INT(lua_getfield(L, -1, "title"), LUA_TSTRING);
	CHECK_STR(lua_tostring(L, -1), "报告");
	lua_settop(L, 0);
	lua_close(L);
}

static void test_shallow_and_protect(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	CHECK_INT(luaL_dostring(L, "return {1, 2, inner = {x = 1}}"), 0);
	gj_luaview_freeze_shallow(L);         /* stack: view */
	CHECK_INT(probe(L, "local t = ... t[3] = 3"), -1);
	CHECK_STR(got, "probe:1: attempt to change a read-only table");
	/* shallow: a table inside is left as it is */
	CHECK_INT(probe(L, "local t = ... t.inner.x = 2 return t.inner.x"), 0);
	CHECK_STR(got, "2");
	lua_settop(L, 0);
	/* an object of C's own: its __index, made read-only */
	lua_newtable(L);
	lua_newtable(L);
	CHECK_INT(luaL_dostring(L, "return function(t, k) return k .. '!' end"), 0);
	lua_setfield(L, -2, "__index");
	gj_luaview_protect(L);
	lua_setmetatable(L, -2);              /* stack: object */
	CHECK_INT(probe(L, "local o = ... return o.hello"), 0);
	CHECK_STR(got, "hello!");
	CHECK_INT(probe(L, "local o = ... o.hello = 1"), -1);
	CHECK_STR(got, "probe:1: attempt to change a read-only table");
	CHECK_INT(probe(L, "local o = ... return getmetatable(o)"), 0);
	CHECK_STR(got, "read-only");
	lua_settop(L, 0);
	lua_close(L);
}

/* Tables nested deeper than the walk goes are left as they are: the
 * walk must end on any input. */
static void test_depth(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	CHECK_INT(luaL_dostring(L, "local t = {} local top = t for i = 1, 100 do t.n = {} t = t.n end "
				  "t.leaf = 1 return top"), 0);
	gj_luaview_freeze(L);
	CHECK_INT(probe(L, "local t = ... for i = 1, 63 do t = t.n end "
			"return tostring(pcall(function() t.x = 1 end))"), 0);
	CHECK_STR(got, "false");
	CHECK_INT(probe(L, "local t = ... for i = 1, 65 do t = t.n end t.x = 1 return t.x"), 0);
	CHECK_STR(got, "1");
	lua_settop(L, 0);
	lua_close(L);
}

int main(void)
{
	test_deep();
	test_shallow_and_protect();
	test_depth();
	return unit_done("luaview");
}
