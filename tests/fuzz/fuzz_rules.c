/* fuzz_rules.c — libFuzzer harness for the sandbox against hostile rule
 * code.  The fuzz input is read as a program in a small grammar: each
 * statement calls a library function (string, table, math, utf8,
 * coroutine, textcore, the base functions) with arguments from a pool of
 * extreme values — math.maxinteger and mininteger, NaN, huge and empty
 * strings, malformed patterns, tables whose __index, __len or __close is
 * a C function or a runaway Lua one, read-only views, coroutines — in a
 * pcall, alone or in a loop.  The program runs in a fresh sandbox with the
 * engine's globals, under small limits.
 *
 * Any Lua error is a fine outcome (that is what the limits give).  A
 * crash, a leak, or a run longer than its time limit plus a margin is
 * not: that is work in C that no limit stops.  GOUJI_FUZZ_SHOW=1 prints
 * each program. */
#include "sandbox.h"
#include "textcore.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SECONDS 1           /* the sandbox's time limit per call */
#define MARGIN 4.0          /* seconds past it that mean a hang */
#define MAX_STATEMENTS 48

/* The pool: values every statement's arguments are taken from. */
static const char *const values[] = {
	"0", "1", "-1", "3", "math.maxinteger", "math.mininteger", "2^31", "2^53",
	"16777217", "1e308", "0/0", "-math.huge", "0.5",
	"''", "'a'", "'%'", "'(.-)'", "'[a'", "'%b()'", "'%f[%w]'", "'(a*)%1'",
	"'a*a*a*b'", "'.-.-.-b'", "'\\0'", "'共24条。'", "big", "huge",
	"{}", "{1, 2, 3}", "{'a', 'b', 'c'}", "cyclic",
	"setmetatable({}, {__index = os.clock})",
	"setmetatable({}, {__index = tostring})",
	"setmetatable({}, {__index = string.rep})",
	"setmetatable({}, {__len = function() return math.maxinteger end})",
	"setmetatable({}, {__len = rawlen})",
	"setmetatable({}, {__index = function() while true do end end})",
	"setmetatable({}, {__index = function(t, k) return k end})",
	"setmetatable({}, {__lt = rawequal, __le = rawequal, __concat = tostring})",
	"setmetatable({}, {__close = function() while true do end end})",
	"string", "math", "textcore", "view",
	"co", "wrapped", "tostring", "os.clock", "rawlen", "pcall", "error",
	"function() while true do end end", "function(...) return ... end",
	"nil", "true",
};
#define NVALUES (sizeof values / sizeof values[0])

static const char *const functions[] = {
	"string.rep", "string.find", "string.match", "string.gmatch", "string.gsub",
	"string.format", "string.byte", "string.char", "string.sub", "string.upper",
	"string.reverse", "string.pack", "string.unpack", "string.len",
	"table.concat", "table.insert", "table.remove", "table.sort", "table.move",
	"table.unpack", "table.pack",
	"math.floor", "math.fmod", "math.random", "math.tointeger", "math.abs",
	"utf8.char", "utf8.len", "utf8.codepoint", "utf8.offset",
	"coroutine.create", "coroutine.resume", "coroutine.wrap", "coroutine.close",
	"coroutine.status",
	"textcore.normalize", "textcore.sentences", "textcore.numbers", "textcore.cn_number",
	"textcore.similarity", "textcore.count_chars", "textcore.has_any",
	"textcore.strip_words",
	"select", "tostring", "tonumber", "setmetatable", "getmetatable", "rawlen",
	"rawget", "rawequal", "next", "ipairs", "pairs", "load", "collectgarbage",
	"pcall", "error", "assert", "type",
};
#define NFUNCTIONS (sizeof functions / sizeof functions[0])

static const char prelude[] =
	"local big = string.rep('a', 4096)\n"
	"local huge = string.rep('ab', 1 << 17)\n"
	"local cyclic = {} cyclic[1] = cyclic cyclic.self = cyclic\n"
	"local view = textcore.sentences('一。二。三')\n"
	"local co = coroutine.create(function(...) coroutine.yield(...) "
	"while true do coroutine.yield() end end)\n"
	"local wrapped = coroutine.wrap(function() while true do coroutine.yield(1) end end)\n";

/* The program the bytes describe: each statement is a byte for its
 * shape, one for the function and one per argument. */
static void program(const uint8_t *data, size_t size, gj_buf *out)
{
	gj_buf_adds(out, prelude);
	size_t i = 0;
	for (int n = 0; n < MAX_STATEMENTS && i + 2 <= size; n++) {
		uint8_t shape = data[i++];
		const char *fn = functions[data[i++] % NFUNCTIONS];
		int nargs = shape % 5;
		int loop = (shape >> 3) % 4 == 0;   /* a quarter of them loop */
		if (loop)
			gj_buf_adds(out, "for i = 1, 1000 do ");
		gj_buf_addf(out, "pcall(%s", fn);
		for (int a = 0; a < nargs; a++) {
			const char *v = i < size ? values[data[i++] % NVALUES] : "nil";
			gj_buf_addf(out, ", %s", v);
		}
		gj_buf_adds(out, loop ? ") end\n" : ")\n");
	}
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gj_buf code;
	gj_buf_init(&code);
	program(data, size, &code);
	if (getenv("GOUJI_FUZZ_SHOW"))
		fprintf(stderr, "%s\n", code.data);
	gj_limits lim = { 16u * 1024 * 1024, 1000000L, SECONDS };
	gj_sandbox *sb = gj_sandbox_new(&lim);
	if (!sb)
		abort();
	/* textcore as the engine gives it */
	gj_textcore_open(gj_sandbox_lua(sb));
	gj_sandbox_define(sb, "textcore");
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_sandbox_load(sb, code.data, code.len, "=fuzz", &d) != 0) {
		fprintf(stderr, "fuzz_rules: the program does not compile: %s\n%s\n", d.message,
			code.data);
		abort();
	}
	double t0 = now();
	gj_sandbox_call(sb, 0, 0, &d);
	double took = now() - t0;
	if (took > SECONDS + MARGIN) {
		fprintf(stderr, "fuzz_rules: ran %.1f s, over its %d s limit:\n%s\n", took,
			SECONDS, code.data);
		abort();
	}
	gj_sandbox_free(sb);
	gj_buf_release(&code);
	return 0;
}
