/*
 * engine_int.h — the engine's insides, shared by its three parts and by
 * nothing else: engine.c (the engine's life, its packs and their rules),
 * engine_check.c (running the rules on a report) and engine_script.c
 * (output scripts).  Each part's Lua functions find the engine through
 * their first upvalue.
 */
#ifndef GJ_ENGINE_INT_H
#define GJ_ENGINE_INT_H

#include "engine.h"

#include <lua.h>

/* What rules and scripts may hand to C, which the sandbox's memory cap
 * does not see: output, findings per rule call and in all, rules, and a
 * rule's texts. */
#define GJ_MAX_OUTPUT ((size_t)256 * 1024 * 1024)
#define GJ_MAX_CALL_FINDINGS ((size_t)1024 * 1024)
#define GJ_MAX_ALL_FINDINGS ((size_t)256 * 1024 * 1024)
#define GJ_MAX_RULES 4096
#define GJ_MAX_RULE_TEXT ((size_t)64 * 1024)
#define GJ_MAX_PACK_TEXT ((size_t)4 * 1024 * 1024)   /* all titles and descriptions */
#define GJ_MAX_PACK_FILE ((size_t)4 * 1024 * 1024)   /* a pack's or script's Lua file */

/* A Lua file of a pack, of rules/lib or of an output script's lib folder.
 * scope: 0 rules/lib (shared), k >= 1 the k-th pack loaded, -1 an output
 * script's modules.  A chunk's require looks in its own scope first. */
typedef struct {
	char *name;             /* its path */
	char *modname;          /* a module's name (NAME of lib/NAME.lua), or NULL */
	char *code;
	size_t len;
	int scope;
	int trusted;            /* bundled with gouji (under HOME/rules) */
	int rule_first, rule_count;   /* a pack file's rules, in e->rules */
} gj_source;

struct gj_engine {
	gj_limits lim;
	gj_sandbox *sb;
	gj_source *src;         /* rule files, in load order */
	int nsrc;
	gj_source *lib;         /* lib/NAME.lua of the packs, for require */
	int nlib;
	int loaded_ref;         /* registry: module values of this report, by
	                         * lib index + 1 */
	int chunks_ref;         /* registry: pack files compiled, by src index + 1 */
	int mods_ref;           /* registry: modules compiled, by lib index + 1 */
	int fresh;              /* no report was checked in this state since the
	                         * packs ran: nothing of one report is left */
	char *broken;           /* the packs could not run again: why, or NULL */
	int rerunning;          /* refresh is running the pack files again */
	int rerun_next;         /* the rule the next rule{} gives anew */
	int rerun_end;          /* past the file's last rule */
	int untrusted;          /* some pack file or module is not bundled */
	int texts;              /* keep rules' titles and descriptions */
	size_t text_bytes;      /* of all rules' titles and descriptions */
	char *home;             /* where bundled packs are */
	int color;              /* run.color for output scripts */
	int html;               /* run.html: check --html */
	gj_value *params;       /* parameters, defaults then overrides */
	char **packs;           /* packs loaded, to skip repeats and cycles */
	int npacks;
	/* overrides, kept to apply again after a reset */
	char **ov_id;
	char **ov_value;
	int nov;
	gj_rule *rules;
	int nrules;
	int rules_ref;          /* registry: rules' check functions, 1..nrules */
	/* while checking (engine_check.c) */
	const gj_report *report;
	gj_results *res;
	size_t call_bytes;      /* held by the findings of this rule call */
	size_t all_bytes;       /* and of every call: of the run, or of this
	                         * report when per_report */
	int per_report;         /* findings are handed on after each report */
	int detail;             /* keep each report in full (detail.c) */
	/* while rendering (engine_script.c) */
	gj_buf *out;
	size_t emitted;         /* bytes emitted by this run's output script */
	int whole_run;          /* the script read run.findings at its top level */
	int stream_ref;         /* registry: a streaming script's handlers */
	int out_over;           /* the output cap was hit (sticky) */
};

/* The engine of a C function given it as upvalue 1. */
gj_engine *gj_engine_of(lua_State *L);

/* A fresh sandbox with every pack file run again and the overrides
 * applied: after a limit was hit, and before an output script.  -1 with d
 * set when a pack file fails now: the engine is then broken (e->broken)
 * until a reset succeeds. */
int gj_engine_reset(gj_engine *e, gj_diag *d);

/* Before a report: unless the state is fresh, run every pack file not
 * bundled with gouji again (compiled once) in new environments, with its
 * modules run again when required, and math.random seeded again, so that
 * no upvalue, global or module of such a rule carries anything from one
 * report to the next.  When that fails, a reset; -1 when that fails too
 * (the engine is broken). */
int gj_engine_refresh(gj_engine *e, gj_diag *d);

/* Keep every NAME.lua of the folder dir as a module of scope (see
 * gj_source) for require; files must lie inside the folder within.  A
 * pack's module may not have the name of another pack's or of rules/lib's
 * (-1 with d set); an output script's replace the last script's. */
int gj_engine_load_libs(gj_engine *e, const char *within, const char *dir, int scope,
			gj_diag *d);

/* require("name") (upvalues: the engine, the requiring chunk's scope). */
int gj_engine_require(lua_State *L);

#endif
