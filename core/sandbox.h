/*
 * sandbox.h — the Lua state that rules and scripts run in, the last stage
 * of the pipeline (… → model → Lua).  Untrusted code sees an allow-list of
 * globals (no io, os beyond time/date/clock, no debug, package, dofile,
 * loadfile, string.dump), loads text chunks only, cannot change the shared
 * libraries (read-only views: luaview.h) or the string metatable, cannot
 * set __gc, and runs under a memory cap and an instruction budget that
 * pcall cannot swallow and coroutines cannot multiply; pattern searches
 * are bounded first (patcost.h).  ../docs/engine.md lists each hole and
 * its test.  The sandbox knows nothing of reports: the engine adds the
 * domain's globals (gj_sandbox_define).
 *
 * Ownership: gj_sandbox_free closes the state and frees everything.
 */
#ifndef GJ_SANDBOX_H
#define GJ_SANDBOX_H

#include <stddef.h>
#include "util.h"

typedef struct gj_sandbox gj_sandbox;
struct lua_State;

typedef struct {
	size_t memory;        /* bytes the whole state may hold; 0: 64 MiB */
	long instructions;    /* VM instructions per call; 0: 50 million */
	long seconds;         /* wall-clock seconds per call; 0: 60 */
} gj_limits;

gj_sandbox *gj_sandbox_new(const gj_limits *lim);
void gj_sandbox_free(gj_sandbox *sb);
struct lua_State *gj_sandbox_lua(gj_sandbox *sb);

/* Compile text (never bytecode) as a chunk whose globals are a fresh
 * table reading through to the frozen safe environment.  Pushes the
 * function and returns 0, or returns -1 with d set. */
int gj_sandbox_load(gj_sandbox *sb, const char *code, size_t len,
		    const char *chunkname, gj_diag *d);

/* The same onto the stack of L, one of the state's threads (a C function
 * called from a coroutine loads on its own thread's stack). */
int gj_sandbox_load_on(gj_sandbox *sb, struct lua_State *L, const char *code,
		       size_t len, const char *chunkname, gj_diag *d);

/* Give the function on top of L's stack (a chunk loaded before) a fresh
 * globals table, as gj_sandbox_load does: to run it again with nothing
 * left of its last run. */
void gj_sandbox_fresh_env(gj_sandbox *sb, struct lua_State *L);

/* Seed math.random again as a new state is, so that what a chunk draws
 * does not depend on what ran before it. */
void gj_sandbox_reseed(gj_sandbox *sb);

/* Call the function below nargs arguments on the stack, with a fresh
 * instruction budget.  Returns 0 with nresults pushed, or -1 with d set to
 * the error and a traceback (d->line: the failing chunk's line when known).
 * After a limit was hit (memory or instructions) gj_sandbox_spent says so:
 * the state must then be thrown away. */
int gj_sandbox_call(gj_sandbox *sb, int nargs, int nresults, gj_diag *d);
int gj_sandbox_spent(const gj_sandbox *sb);

/* Add the value on top of the stack (popped; a table is frozen first)
 * to the safe environment as the global name: what the engine gives rules
 * and scripts beyond Lua's libraries (textcore).  Every chunk sees it,
 * read-only, including chunks loaded before. */
void gj_sandbox_define(gj_sandbox *sb, const char *name);

/* Bytes in use now. */
size_t gj_sandbox_memory(const gj_sandbox *sb);

/* Append every name a chunk can see, sorted, one per line ("string.find"
 * for library members): the exact-globals test reads it. */
void gj_sandbox_globals(gj_sandbox *sb, gj_buf *out);

#endif
