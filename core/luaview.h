/*
 * luaview.h — read-only views of Lua tables: what untrusted rules and
 * scripts are given of anything they share (the safe libraries, the
 * report, a module's value, the run of an output script) so that no one
 * of them can change what the next one reads.  Lua 5.4 has no read-only
 * flag; a view is an empty table whose metatable reads through to the
 * table behind it, raises on a write ("attempt to change a read-only
 * table") and hides itself (__metatable).  pairs, ipairs and # work.
 *
 * The sandbox freezes its libraries with it, the Lua bridge the report and
 * its cells, the engine the run and modules, textcore its lists.  Part of
 * the Lua side of the core (… → model → Lua): it knows nothing of reports.
 */
#ifndef GJ_LUAVIEW_H
#define GJ_LUAVIEW_H

#include <stddef.h>

struct lua_State;

/* Replace the table on top of the stack with a read-only view of it,
 * nested tables included (a table met twice, or in a cycle, gets one
 * view; below 64 levels nested tables are left as they are).  The table
 * itself becomes the view's private copy: only the view reaches it. */
void gj_luaview_freeze(struct lua_State *L);

/* The same for a table whose values are no tables, or views already:
 * only the table itself gets a view (no walk, no cycle check). */
void gj_luaview_freeze_shallow(struct lua_State *L);

/* Finish the metatable on top of the stack as a read-only object's: a
 * write raises, getmetatable answers "read-only" and setmetatable is
 * refused.  For objects made in C (report.cells, a cell) whose __index
 * and __pairs are their own. */
void gj_luaview_protect(struct lua_State *L);

/* The __newindex of every view: "attempt to change a read-only table". */
int gj_luaview_refuse(struct lua_State *L);

/* Push the table behind the view at idx (C sees through __metatable). */
void gj_luaview_target(struct lua_State *L, int idx);

/* 1 when the value at idx is a view made here. */
int gj_luaview_is_view(struct lua_State *L, int idx);

/* The real length of the table at idx, calling no metamethod: of the
 * table behind it for a view, its own raw length otherwise.  What C may
 * loop to over a table a script gave it. */
size_t gj_luaview_len(struct lua_State *L, int idx);

#endif
