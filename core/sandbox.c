/*
 * sandbox.c — a Lua 5.4 state fit for untrusted rules and scripts: the last
 * stage of the pipeline (… → model → Lua).  What each defence answers is
 * listed in docs/engine.md, one test per hole in tests/unit/test_sandbox.c.
 *
 * The state holds, in its registry, the safe environment (library tables
 * copied, wrapped where needed, and frozen).  Every chunk gets a fresh
 * globals table that reads through to it and raises on an undefined name.
 */
#include "sandbox.h"
#include "luaview.h"
#include "patcost.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_MEMORY (64u * 1024 * 1024)
#define DEFAULT_INSTRUCTIONS 50000000L
#define DEFAULT_SECONDS 60L
#define RANDOM_SEED 20211
#define HOOK_EVERY 1000             /* instructions between budget checks */
#define FREE_RUN_NS 10000000L       /* a call runs this long before counting */
#define WATCH_NS 2000000L           /* how often the watchdog looks */
#define ARM_SIGNAL SIGURG
#define MAX_SUBJECT (4u * 1024 * 1024)
#define MAX_BACKTRACK 5e8           /* bound on a pattern's steps: under a second */
#define MAX_COUNT 16777216          /* items one C call of the libraries may loop over */
#define SCAN_BYTES 16               /* bytes a C scan reads for one instruction's cost */

struct gj_sandbox {
	lua_State *L;
	size_t used, limit, peak;
	long budget;       /* instructions per call */
	long left;         /* instructions left in this call */
	long seconds;      /* wall-clock time per call */
	int spent;         /* a limit was hit: sticky until the state goes */
	int in_call;       /* untrusted code is running: the memory cap holds
	                    * (between calls, gouji's own pushes are let through:
	                    * an error there would have no pcall to catch it) */
	const char *why;   /* which one */
	char why_time[64]; /* "time limit exceeded (N seconds)" */
	int env_ref;       /* registry: the frozen safe environment */
	/* the budget's hook is armed only for a call that runs long */
	lua_State *volatile running;   /* the thread running now */
	volatile sig_atomic_t armed;   /* the hook is on for this call */
	long long deadline;            /* when the watchdog arms it (ns) */
	long long stop_at;             /* when the call's time is up (ns) */
	volatile sig_atomic_t timed;   /* it is: the hook stops the call */
	pthread_t thread;              /* the thread making the call */
	int active;                    /* in the watchdog's list */
	gj_patcost *plans;             /* pattern plans kept (patcost.h) */
};

static gj_sandbox *sandbox_of(lua_State *L)
{
	return *(gj_sandbox **)lua_getextraspace(L);
}

/* ---- memory: a counting allocator ---- */

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	gj_sandbox *sb = ud;
	/* when ptr is NULL, osize is a type tag, not a size */
	size_t old = ptr ? osize : 0;
	if (nsize == 0) {
		free(ptr);
		sb->used -= old;
		return NULL;
	}
	if (sb->in_call && nsize > old && sb->used - old + nsize > sb->limit) {
		if (!sb->spent) {
			sb->spent = 1;
			sb->why = "memory limit exceeded";
		}
		return NULL;   /* Lua raises "not enough memory" */
	}
	void *p = realloc(ptr, nsize);
	if (!p)
		return NULL;
	sb->used = sb->used - old + nsize;
	if (sb->used > sb->peak)
		sb->peak = sb->used;
	return p;
}

/* ---- time: an instruction budget no pcall can swallow ---- */

static void budget_hook(lua_State *L, lua_Debug *ar)
{
	(void)ar;
	gj_sandbox *sb = sandbox_of(L);
	if (!sb->spent && sb->timed) {
		sb->spent = 1;
		sb->why = sb->why_time;
	} else if (!sb->spent) {
		sb->left -= HOOK_EVERY;   /* one counter for every coroutine */
		if (sb->left > 0)
			return;
		sb->spent = 1;
		sb->why = "instruction budget exceeded";
	}
	/* Sticky: from now on this thread fails on every instruction, so a
	 * pcall that caught the error cannot go on running. */
	lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
	luaL_error(L, "%s", sb->why);
}

/* The count hook costs every Lua instruction (a tight loop runs at half
 * speed with any hook set), so a call starts without it.  A watchdog
 * thread looks at the calls in progress every WATCH_NS; one that has run
 * FREE_RUN_NS gets the hook, set by a signal handler on the call's own
 * thread (lua_sethook is safe there, as lua.c does for Ctrl-C), on
 * whichever thread of the state is running: coroutine.resume and wrap
 * keep sb->running up to date and hook a coroutine they enter once the
 * call is armed.  From then on the instruction budget counts as before,
 * so a runaway call still ends with "instruction budget exceeded".
 *
 * The watchdog also keeps the wall clock: a call that has run its
 * seconds (limits.seconds) is stopped at its next instruction, whatever
 * its budget, with "time limit exceeded".  Work done inside one C call of
 * the libraries is bounded (MAX_COUNT, the pattern bound) and counted
 * against the budget (charge), since no hook runs until it returns. */

static pthread_mutex_t watch_mu = PTHREAD_MUTEX_INITIALIZER;
static gj_sandbox **watched;        /* calls in progress */
static int nwatched, capwatched;
static _Thread_local gj_sandbox *this_call;

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void arm_thread(lua_State *t)
{
	if (t && lua_gethook(t) != budget_hook)
		lua_sethook(t, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
}

static void on_arm_signal(int sig)
{
	(void)sig;
	gj_sandbox *sb = this_call;
	if (sb && sb->timed) {
		/* the next instruction stops the call */
		lua_sethook(sb->L, budget_hook, LUA_MASKCOUNT, 1);
		if (sb->running)
			lua_sethook(sb->running, budget_hook, LUA_MASKCOUNT, 1);
	} else if (sb && sb->armed) {
		arm_thread(sb->L);
		arm_thread(sb->running);
	}
}

static volatile sig_atomic_t watch_stop;
static pthread_t watch_thread;

static void *watchdog(void *arg)
{
	(void)arg;
	struct timespec pause = { 0, WATCH_NS };
	while (!watch_stop) {
		nanosleep(&pause, NULL);
		long long t = now_ns();
		pthread_mutex_lock(&watch_mu);
		for (int i = 0; i < nwatched; i++) {
			gj_sandbox *sb = watched[i];
			if (!sb->timed && t > sb->stop_at) {
				sb->timed = 1;
				sb->armed = 1;
				pthread_kill(sb->thread, ARM_SIGNAL);
			} else if (!sb->armed && t > sb->deadline) {
				sb->armed = 1;
				pthread_kill(sb->thread, ARM_SIGNAL);
			}
		}
		pthread_mutex_unlock(&watch_mu);
	}
	return NULL;
}

static pthread_once_t watch_once = PTHREAD_ONCE_INIT;
static int watch_ok;

/* At exit: the watchdog ends and is joined, so nothing of it is left. */
static void stop_watchdog(void)
{
	watch_stop = 1;
	pthread_join(watch_thread, NULL);
}

static void start_watchdog(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_arm_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	/* the watchdog itself takes no signals */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	watch_ok = sigaction(ARM_SIGNAL, &sa, NULL) == 0 &&
		   pthread_create(&watch_thread, NULL, watchdog, NULL) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (watch_ok)
		atexit(stop_watchdog);
}

/* Start a call: watched until watch_end; without a watchdog the hook is
 * armed at once, as it always was. */
static void watch_begin(gj_sandbox *sb)
{
	pthread_once(&watch_once, start_watchdog);
	sb->running = sb->L;
	sb->armed = 0;
	if (!watch_ok) {
		sb->armed = 1;
		arm_thread(sb->L);
		return;
	}
	sb->thread = pthread_self();
	sb->timed = 0;
	sb->deadline = now_ns() + FREE_RUN_NS;
	sb->stop_at = sb->deadline - FREE_RUN_NS + (long long)sb->seconds * 1000000000LL;
	pthread_mutex_lock(&watch_mu);
	if (nwatched == capwatched) {
		capwatched = capwatched ? 2 * capwatched : 16;
		watched = gj_xrealloc(watched, (size_t)capwatched * sizeof *watched);
	}
	watched[nwatched++] = sb;
	sb->active = 1;
	pthread_mutex_unlock(&watch_mu);
	this_call = sb;
}

static void watch_end(gj_sandbox *sb)
{
	this_call = NULL;
	if (!sb->active)
		return;
	pthread_mutex_lock(&watch_mu);
	for (int i = 0; i < nwatched; i++)
		if (watched[i] == sb) {
			watched[i] = watched[--nwatched];
			break;
		}
	sb->active = 0;
	pthread_mutex_unlock(&watch_mu);
}

/* The thread now running; hooked at once when the call is armed. */
static void set_running(gj_sandbox *sb, lua_State *t)
{
	sb->running = t;
	if (sb->armed)
		arm_thread(t);
}

/* coroutine.resume(co, …) with sb->running kept (upvalue 1: the real one) */
static int safe_resume(lua_State *L)
{
	lua_State *co = lua_tothread(L, 1);
	luaL_argexpected(L, co != NULL, 1, "coroutine");
	gj_sandbox *sb = sandbox_of(L);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	set_running(sb, co);
	int rc = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
	set_running(sb, L);
	if (rc != LUA_OK)
		return lua_error(L);
	return lua_gettop(L);
}

/* coroutine.close(co) with sb->running kept (upvalue 1: the real one):
 * closing runs the coroutine's pending __close handlers on its own
 * thread, which must then be hooked as a resumed one is */
static int safe_close(lua_State *L)
{
	lua_State *co = lua_tothread(L, 1);
	luaL_argexpected(L, co != NULL, 1, "coroutine");
	gj_sandbox *sb = sandbox_of(L);
	lua_settop(L, 1);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);                     /* stack: close, co */
	set_running(sb, co);
	int rc = lua_pcall(L, 1, LUA_MULTRET, 0);
	set_running(sb, L);
	if (rc != LUA_OK)
		return lua_error(L);
	return lua_gettop(L);
}

/* the function coroutine.wrap returns (upvalues: the real one, its
 * coroutine) */
static int wrapped_call(lua_State *L)
{
	gj_sandbox *sb = sandbox_of(L);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	set_running(sb, lua_tothread(L, lua_upvalueindex(2)));
	int rc = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
	set_running(sb, L);
	if (rc != LUA_OK)
		return lua_error(L);
	return lua_gettop(L);
}

/* coroutine.wrap(f) (upvalue 1: the real one) */
static int safe_wrap(lua_State *L)
{
	lua_settop(L, 1);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, 1, 1);                    /* stack: fn */
	lua_getupvalue(L, 1, 1);              /* stack: fn, co */
	if (!lua_isthread(L, -1))
		return luaL_error(L, "coroutine.wrap: unexpected");
	lua_pushcclosure(L, wrapped_call, 2);
	return 1;
}

/* ---- wrapped functions ---- */

static int safe_setmetatable(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	if (lua_type(L, 2) == LUA_TTABLE &&
	    lua_getfield(L, 2, "__gc") != LUA_TNIL)
		return luaL_error(L, "__gc metamethods are not allowed");
	lua_settop(L, 2);
	/* upvalue 1: the real setmetatable (it refuses protected ones) */
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, 2, 1);
	return 1;
}

static int safe_collectgarbage(lua_State *L)
{
	const char *opt = luaL_optstring(L, 1, "collect");
	if (strcmp(opt, "count") != 0)
		return luaL_error(L, "collectgarbage: only \"count\" is allowed");
	int kb = lua_gc(L, LUA_GCCOUNT, 0), b = lua_gc(L, LUA_GCCOUNTB, 0);
	lua_pushnumber(L, (lua_Number)kb + (lua_Number)b / 1024.0);
	return 1;
}

/* A fresh globals table reading through to the safe environment; an
 * undefined name is an error, not nil. */
static int env_index(lua_State *L)
{
	/* upvalue 1: the safe environment; arg 2: the name */
	lua_pushvalue(L, 2);
	if (lua_gettable(L, lua_upvalueindex(1)) != LUA_TNIL)
		return 1;
	if (lua_type(L, 2) == LUA_TSTRING)
		return luaL_error(L, "undefined global '%s'", lua_tostring(L, 2));
	return luaL_error(L, "undefined global");
}

static void push_fresh_env(lua_State *L, int env_ref)
{
	lua_newtable(L);                                   /* stack: env */
	lua_createtable(L, 0, 2);                          /* stack: env, mt */
	lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref);
	lua_pushcclosure(L, env_index, 1);
	lua_setfield(L, -2, "__index");
	lua_pushliteral(L, "sandbox");
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);                           /* stack: env */
}

/* load(chunk [, chunkname [, mode [, env]]]): text only; without env the
 * chunk gets a fresh sandbox environment, never the real globals. */
static int safe_load(lua_State *L)
{
	size_t len;
	const char *s = lua_tolstring(L, 1, &len);
	if (!s)
		return luaL_error(L, "load: the chunk must be a string");
	const char *name = luaL_optstring(L, 2, s);
	const char *mode = luaL_optstring(L, 3, "t");
	if (strchr(mode, 'b')) {
		lua_pushnil(L);
		lua_pushliteral(L, "load: binary chunks are not allowed");
		return 2;
	}
	int has_env = !lua_isnone(L, 4);
	if (luaL_loadbufferx(L, s, len, name, "t") != LUA_OK) {
		lua_pushnil(L);
		lua_insert(L, -2);
		return 2;   /* nil, message */
	}
	if (has_env)
		lua_pushvalue(L, 4);
	else
		push_fresh_env(L, sandbox_of(L)->env_ref);
	if (!lua_setupvalue(L, -2, 1))
		lua_pop(L, 1);
	return 1;
}

/* xpcall's message handler runs with hooks off when the error came from
 * the budget hook: a handler that loops would never be stopped.  Such an
 * error means the budget is spent, so the handler is skipped then. */
static int xpcall_handler(lua_State *L)
{
	if (sandbox_of(L)->spent)
		return 1;   /* the error as it is */
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static int safe_xpcall(lua_State *L)
{
	/* upvalue 1: the real xpcall; args: f, handler, … */
	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushvalue(L, 2);
	lua_pushcclosure(L, xpcall_handler, 1);
	lua_replace(L, 2);
	int n = lua_gettop(L);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, n, LUA_MULTRET);
	return lua_gettop(L);
}

/* ---- bounded string patterns ---- */

/* Scratch memory for the bound of a long pattern: a userdata, so the
 * memory cap counts it; the caller pops it. */
static void *scratch(void *ud, size_t size)
{
	return lua_newuserdatauv(ud, size, 0);
}

/* Count work done inside one C call against the call's budget, in units
 * of about one VM instruction: no hook runs until the call returns.  The
 * budget is spent as it is by the hook, and as stickily. */
static void charge(lua_State *L, double units)
{
	gj_sandbox *sb = sandbox_of(L);
	if (!sb->spent && sb->timed) {
		sb->spent = 1;
		sb->why = sb->why_time;
	} else if (!sb->spent) {
		if (units < (double)sb->left) {
			sb->left -= (long)units;
			return;
		}
		sb->spent = 1;
		sb->why = "instruction budget exceeded";
	}
	lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
	luaL_error(L, "%s", sb->why);
}

/* Refuse a subject and pattern whose backtracking could run for minutes
 * inside one C call.  anchors: whether a leading '^' anchors (not in
 * gmatch). */
static void check_pattern(lua_State *L, int subject, int pattern, int plain,
			  int anchors)
{
	size_t n, m;
	const unsigned char *s = (const unsigned char *)luaL_checklstring(L, subject, &n);
	const char *p = luaL_checklstring(L, pattern, &m);
	if (n > MAX_SUBJECT)
		luaL_error(L, "string too long for a pattern search (%d bytes, limit %d)",
			   (int)n, (int)MAX_SUBJECT);
	charge(L, (double)n / SCAN_BYTES);
	if (plain) {
		if (gj_patcost_plain(n, m) > MAX_BACKTRACK)
			luaL_error(L, "plain search too costly: a %d-byte string in a %d-byte one",
				   (int)m, (int)n);
		return;
	}
	int repeats, top = lua_gettop(L);
	double cost = gj_patcost_bound(sandbox_of(L)->plans, p, m,
				       anchors && m > 0 && p[0] == '^', s, n, &repeats,
				       scratch, L);
	lua_settop(L, top);
	if (cost > MAX_BACKTRACK)
		luaL_error(L, "pattern too costly for a %d-byte string (%d open-ended repeats)",
			   (int)n, repeats);
}

static int call_upvalue(lua_State *L)
{
	int n = lua_gettop(L);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, n, LUA_MULTRET);
	return lua_gettop(L);
}

static int bounded_find(lua_State *L)
{
	check_pattern(L, 1, 2, lua_toboolean(L, 4), 1);
	return call_upvalue(L);
}

/* string.match and string.gsub: a leading '^' anchors */
static int bounded_match(lua_State *L)
{
	check_pattern(L, 1, 2, 0, 1);
	return call_upvalue(L);
}

/* string.gmatch: a leading '^' is a plain character */
static int bounded_gmatch(lua_State *L)
{
	check_pattern(L, 1, 2, 0, 0);
	return call_upvalue(L);
}

/* ---- other C loops of the libraries, bounded ----
 *
 * Each of these loops in C for as many items as its arguments say, with
 * no hook running: string.rep("", math.maxinteger) or table.move over
 * math.maxinteger slots would never return.  The wrappers refuse more
 * than MAX_COUNT items and charge the budget for the items; the real
 * function is upvalue 1. */

static void check_count(lua_State *L, const char *fn, lua_Unsigned count)
{
	if (count > MAX_COUNT)
		luaL_error(L, "%s: more than %d items", fn, MAX_COUNT);
	charge(L, (double)count);
}

/* string.rep(s, n [, sep]): an empty string repeated is empty, however
 * often (the real one would loop n times for it); a longer one is
 * bounded by the memory cap, as its result is made before the loop */
static int bounded_rep(lua_State *L)
{
	size_t len, lsep = 0;
	luaL_checklstring(L, 1, &len);
	lua_Integer n = luaL_checkinteger(L, 2);
	luaL_optlstring(L, 3, "", &lsep);
	if (n <= 0 || len + lsep == 0) {
		lua_pushliteral(L, "");
		return 1;
	}
	return call_upvalue(L);
}

/* table.concat(t [, sep [, i [, j]]]): the length is asked once, and the
 * real function given i and j, so a __len cannot answer twice */
static int bounded_concat(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 4);
	lua_Integer i = luaL_optinteger(L, 3, 1);
	lua_Integer j = lua_isnil(L, 4) ? luaL_len(L, 1) : luaL_checkinteger(L, 4);
	if (i <= j)
		check_count(L, "table.concat", (lua_Unsigned)j - (lua_Unsigned)i + 1);
	lua_pushinteger(L, i);
	lua_replace(L, 3);
	lua_pushinteger(L, j);
	lua_replace(L, 4);
	return call_upvalue(L);
}

/* table.move(a1, f, e, t [, a2]) */
static int bounded_move(lua_State *L)
{
	lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
	if (e >= f)
		check_count(L, "table.move", (lua_Unsigned)e - (lua_Unsigned)f + 1);
	return call_upvalue(L);
}

/* table.insert, table.remove, table.sort: the real functions ask the
 * table's length themselves, perhaps more than once, so a __len of the
 * script's own is refused; a read-only view's is its table's real one.
 * shifts: the call moves items (insert or remove at a position, not at
 * the end) */
static int bounded_by_len(lua_State *L, const char *fn, int shifts, int sort)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_Integer n;
	if (luaL_getmetafield(L, 1, "__len") != LUA_TNIL) {
		lua_pop(L, 1);
		if (!gj_luaview_is_view(L, 1))
			return luaL_error(L, "%s: a table with a __len metamethod is not allowed", fn);
		n = (lua_Integer)gj_luaview_len(L, 1);
	} else {
		n = (lua_Integer)lua_rawlen(L, 1);
	}
	if (n > MAX_COUNT)
		return luaL_error(L, "%s: more than %d items", fn, MAX_COUNT);
	if (shifts)
		charge(L, (double)n);
	if (sort && n > 1) {
		double log2n = 0;
		for (lua_Integer k = n; k > 1; k /= 2)
			log2n++;
		charge(L, 2 * (double)n * log2n);
	}
	return call_upvalue(L);
}

static int bounded_insert(lua_State *L)
{
	return bounded_by_len(L, "table.insert", lua_gettop(L) >= 3, 0);
}

static int bounded_remove(lua_State *L)
{
	return bounded_by_len(L, "table.remove", lua_gettop(L) >= 2, 0);
}

static int bounded_sort(lua_State *L)
{
	return bounded_by_len(L, "table.sort", 0, 1);
}

/* ---- building the environment ---- */

static const char *const base_names[] = {
	"assert", "error", "ipairs", "next", "pairs", "pcall",
	"select", "tonumber", "tostring", "type", "rawequal", "rawlen", "rawget",
	"getmetatable", "_VERSION", NULL
};

/* stack: …, lib -> …, copy (functions named in wrap[] wrapped) */
static void copy_table(lua_State *L, const char *const *skip)
{
	lua_newtable(L);                      /* stack: lib, copy */
	lua_pushnil(L);
	while (lua_next(L, -3) != 0) {        /* stack: lib, copy, k, v */
		int drop = 0;
		if (lua_type(L, -2) == LUA_TSTRING)
			for (int i = 0; skip && skip[i]; i++)
				drop |= strcmp(lua_tostring(L, -2), skip[i]) == 0;
		if (drop) {
			lua_pop(L, 1);
			continue;
		}
		lua_pushvalue(L, -2);
		lua_insert(L, -2);            /* stack: lib, copy, k, k, v */
		lua_rawset(L, -4);            /* stack: lib, copy, k */
	}
	lua_remove(L, -2);                    /* stack: copy */
}

/* stack: …, table; replace table[name] by a closure of fn over it */
static void wrap_field(lua_State *L, const char *name, lua_CFunction fn)
{
	lua_getfield(L, -1, name);
	lua_pushcclosure(L, fn, 1);
	lua_setfield(L, -2, name);
}

static void build_env(gj_sandbox *sb)
{
	lua_State *L = sb->L;
	static const luaL_Reg libs[] = {
		{ LUA_GNAME, luaopen_base },
		{ LUA_STRLIBNAME, luaopen_string },
		{ LUA_TABLIBNAME, luaopen_table },
		{ LUA_MATHLIBNAME, luaopen_math },
		{ LUA_UTF8LIBNAME, luaopen_utf8 },
		{ LUA_COLIBNAME, luaopen_coroutine },
		{ LUA_OSLIBNAME, luaopen_os },
		{ NULL, NULL }
	};
	for (const luaL_Reg *l = libs; l->func; l++) {
		luaL_requiref(L, l->name, l->func, 1);
		lua_pop(L, 1);
	}
	/* a fixed seed: the same input gives the same output; kept to seed
	 * again before each report (gj_sandbox_reseed) */
	lua_getglobal(L, "math");
	lua_getfield(L, -1, "randomseed");
	lua_pushvalue(L, -1);
	lua_setfield(L, LUA_REGISTRYINDEX, "gouji.randomseed");
	lua_pushinteger(L, RANDOM_SEED);
	lua_call(L, 1, 0);
	lua_pop(L, 1);

	lua_newtable(L);                                   /* stack: env */
	int env = lua_gettop(L);
	for (int i = 0; base_names[i]; i++) {
		lua_getglobal(L, base_names[i]);
		lua_setfield(L, env, base_names[i]);
	}
	lua_getglobal(L, "setmetatable");
	lua_pushcclosure(L, safe_setmetatable, 1);
	lua_setfield(L, env, "setmetatable");
	lua_getglobal(L, "xpcall");
	lua_pushcclosure(L, safe_xpcall, 1);
	lua_setfield(L, env, "xpcall");
	lua_pushcfunction(L, safe_collectgarbage);
	lua_setfield(L, env, "collectgarbage");
	lua_pushcfunction(L, safe_load);
	lua_setfield(L, env, "load");

	static const char *const no_string[] = { "dump", NULL };
	lua_getglobal(L, "string");
	copy_table(L, no_string);                          /* stack: env, str */
	wrap_field(L, "find", bounded_find);
	wrap_field(L, "match", bounded_match);
	wrap_field(L, "gmatch", bounded_gmatch);
	wrap_field(L, "gsub", bounded_match);
	wrap_field(L, "rep", bounded_rep);
	lua_setfield(L, env, "string");

	static const char *const no_math[] = { "randomseed", NULL };
	lua_getglobal(L, "math");
	copy_table(L, no_math);
	lua_setfield(L, env, "math");
	static const char *const whole[] = { "table", "utf8", "coroutine", NULL };
	for (int i = 0; whole[i]; i++) {
		lua_getglobal(L, whole[i]);
		copy_table(L, NULL);
		lua_setfield(L, env, whole[i]);
	}
	lua_getfield(L, env, "table");
	wrap_field(L, "concat", bounded_concat);
	wrap_field(L, "move", bounded_move);
	wrap_field(L, "insert", bounded_insert);
	wrap_field(L, "remove", bounded_remove);
	wrap_field(L, "sort", bounded_sort);
	lua_pop(L, 1);
	lua_getfield(L, env, "coroutine");
	wrap_field(L, "resume", safe_resume);
	wrap_field(L, "wrap", safe_wrap);
	wrap_field(L, "close", safe_close);
	lua_pop(L, 1);
	lua_newtable(L);                                   /* stack: env, os */
	lua_getglobal(L, "os");
	static const char *const os_keep[] = { "time", "date", "clock", NULL };
	for (int i = 0; os_keep[i]; i++) {
		lua_getfield(L, -1, os_keep[i]);
		lua_setfield(L, -3, os_keep[i]);
	}
	lua_pop(L, 1);
	lua_setfield(L, env, "os");
	gj_luaview_freeze(L);                              /* stack: view */
	/* the string metatable: methods go through the bounded, frozen copy,
	 * and getmetatable("") no longer reaches the metatable */
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1);                           /* stack: view, "", mt */
	lua_getfield(L, -3, "string");
	lua_setfield(L, -2, "__index");
	lua_pushliteral(L, "string");
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 2);                                     /* stack: view */
	sb->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);

	/* the real globals are out of reach: chunks never see _G */
	lua_pushglobaltable(L);
	lua_pushnil(L);
	while (lua_next(L, -2) != 0) {
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_pushnil(L);
		lua_rawset(L, -4);
	}
	lua_pop(L, 1);
}

gj_sandbox *gj_sandbox_new(const gj_limits *lim)
{
	gj_sandbox *sb = gj_xcalloc(1, sizeof *sb);
	sb->limit = lim && lim->memory ? lim->memory : DEFAULT_MEMORY;
	sb->budget = lim && lim->instructions ? lim->instructions : DEFAULT_INSTRUCTIONS;
	sb->seconds = lim && lim->seconds ? lim->seconds : DEFAULT_SECONDS;
	snprintf(sb->why_time, sizeof sb->why_time, "time limit exceeded (%ld s)", sb->seconds);
	sb->L = lua_newstate(counting_alloc, sb);
	if (!sb->L) {
		free(sb);
		return NULL;
	}
	*(gj_sandbox **)lua_getextraspace(sb->L) = sb;
	sb->plans = gj_patcost_new();
	build_env(sb);
	return sb;
}

void gj_sandbox_free(gj_sandbox *sb)
{
	if (!sb)
		return;
	/* no script can reach a __gc, so closing runs no untrusted code */
	lua_close(sb->L);
	gj_patcost_free(sb->plans);
	free(sb);
}

lua_State *gj_sandbox_lua(gj_sandbox *sb)
{
	return sb->L;
}

int gj_sandbox_spent(const gj_sandbox *sb)
{
	return sb->spent;
}

void gj_sandbox_define(gj_sandbox *sb, const char *name)
{
	lua_State *L = sb->L;
	luaL_checkstack(L, 2, "defining a global");
	if (lua_type(L, -1) == LUA_TTABLE)
		gj_luaview_freeze(L);                     /* stack: value */
	lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_ref);   /* stack: value, view */
	gj_luaview_target(L, -1);                         /* stack: value, view, env */
	lua_rotate(L, -3, -1);                            /* stack: view, env, value */
	lua_setfield(L, -2, name);                        /* stack: view, env */
	lua_pop(L, 2);
}

size_t gj_sandbox_memory(const gj_sandbox *sb)
{
	return sb->used;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void gj_sandbox_globals(gj_sandbox *sb, gj_buf *out)
{
	lua_State *L = sb->L;
	int top = lua_gettop(L);
	char *names[512];
	int n = 0;
	lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_ref);   /* stack: view */
	gj_luaview_target(L, top + 1);                    /* stack: view, env */
	lua_pushnil(L);
	while (lua_next(L, top + 2) != 0) {               /* stack: …, k, v */
		const char *k = lua_tostring(L, -2);
		if (lua_type(L, -1) == LUA_TTABLE) {
			gj_luaview_target(L, lua_gettop(L));   /* stack: …, k, v, lib */
			lua_pushnil(L);
			while (lua_next(L, -2) != 0) {
				if (n < 512) {
					gj_buf b;
					gj_buf_init(&b);
					gj_buf_addf(&b, "%s.%s", k, lua_tostring(L, -2));
					names[n++] = gj_buf_detach(&b, NULL);
				}
				lua_pop(L, 1);
			}
			lua_pop(L, 1);
		} else if (n < 512) {
			names[n++] = gj_xstrdup(k);
		}
		lua_pop(L, 1);
	}
	lua_settop(L, top);
	qsort(names, (size_t)n, sizeof names[0], cmp_names);
	for (int i = 0; i < n; i++) {
		gj_buf_adds(out, names[i]);
		gj_buf_addc(out, '\n');
		free(names[i]);
	}
}

int gj_sandbox_load(gj_sandbox *sb, const char *code, size_t len,
		    const char *chunkname, gj_diag *d)
{
	return gj_sandbox_load_on(sb, sb->L, code, len, chunkname, d);
}

void gj_sandbox_fresh_env(gj_sandbox *sb, lua_State *L)
{
	push_fresh_env(L, sb->env_ref);     /* stack: fn, env */
	if (!lua_setupvalue(L, -2, 1))      /* _ENV */
		lua_pop(L, 1);
}

void gj_sandbox_reseed(gj_sandbox *sb)
{
	lua_State *L = sb->L;
	lua_getfield(L, LUA_REGISTRYINDEX, "gouji.randomseed");
	lua_pushinteger(L, RANDOM_SEED);
	lua_call(L, 1, 0);
}

int gj_sandbox_load_on(gj_sandbox *sb, lua_State *L, const char *code, size_t len,
		       const char *chunkname, gj_diag *d)
{
	if (luaL_loadbufferx(L, code, len, chunkname, "t") != LUA_OK) {
		const char *msg = lua_tostring(L, -1);
		gj_diag_set(d, 0, 0, "%s", msg ? msg : "cannot load chunk");
		lua_pop(L, 1);
		return -1;
	}
	push_fresh_env(L, sb->env_ref);     /* stack: fn, env */
	lua_setupvalue(L, -2, 1);           /* _ENV */
	return 0;
}

/* Message handler: the error as text (never calling a metamethod of an
 * error object) with a traceback. */
static int message_handler(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);
	if (!msg)
		msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
	luaL_traceback(L, L, msg, 1);
	return 1;
}

/* "chunk:12: message" -> 12 */
static int line_of(const char *msg)
{
	const char *p = strchr(msg, ':');
	while (p) {
		char *end;
		long n = strtol(p + 1, &end, 10);
		if (end != p + 1 && *end == ':' && n > 0)
			return (int)n;
		p = strchr(p + 1, ':');
	}
	return 0;
}

static void set_spent_message(const gj_sandbox *sb, gj_diag *d)
{
	if (sb->why[0] == 'm')
		gj_diag_set(d, 0, 0, "memory limit exceeded (%zu bytes)", sb->limit);
	else
		gj_diag_set(d, 0, 0, "%s", sb->why);
}

/* Memory in use after a full collection. */
static size_t live_memory(gj_sandbox *sb)
{
	lua_gc(sb->L, LUA_GCCOLLECT, 0);
	return sb->used;
}

int gj_sandbox_call(gj_sandbox *sb, int nargs, int nresults, gj_diag *d)
{
	lua_State *L = sb->L;
	if (sb->spent) {
		lua_pop(L, nargs + 1);
		set_spent_message(sb, d);
		return -1;
	}
	luaL_checkstack(L, 2, "calling a rule");
	/* over half the limit in use: is it kept, or garbage? */
	size_t half = sb->limit / 2;
	int was_under = sb->used <= half || live_memory(sb) <= half;
	int base = lua_gettop(L) - nargs;
	lua_pushcfunction(L, message_handler);
	lua_insert(L, base);
	sb->left = sb->budget;
	sb->in_call = 1;
	watch_begin(sb);
	int rc = lua_pcall(L, nargs, nresults, base);
	watch_end(sb);
	sb->in_call = 0;
	lua_sethook(L, NULL, 0, 0);
	lua_remove(L, base);
	if (rc == LUA_OK && !sb->spent && was_under && sb->used > half &&
	    live_memory(sb) > half) {
		/* a chunk that keeps memory from one call to the next (in its
		 * upvalues or globals) would leave the next chunk to hit the
		 * limit and be blamed: the one that took the state over half
		 * the limit fails instead */
		sb->spent = 1;
		sb->why = "memory kept";
		lua_settop(L, base - 1);
		gj_diag_set(d, 0, 0, "memory limit exceeded: over half the limit of %zu bytes "
			    "kept after returning", sb->limit);
		return -1;
	}
	if (rc == LUA_OK && sb->spent) {
		/* the chunk caught a memory error with pcall and returned: the
		 * limit was still hit, by this chunk, not the next one to run */
		lua_settop(L, base - 1);
		set_spent_message(sb, d);
		return -1;
	}
	if (rc == LUA_OK)
		return 0;
	const char *msg = lua_tostring(L, -1);
	if (rc == LUA_ERRMEM || (sb->spent && sb->why[0] == 'm'))
		gj_diag_set(d, 0, 0, "memory limit exceeded (%zu bytes)", sb->limit);
	else
		gj_diag_set(d, msg ? line_of(msg) : 0, 0, "%s", msg ? msg : "error");
	lua_pop(L, 1);
	return -1;
}
