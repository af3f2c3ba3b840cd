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

typedef struct {
	char *name;
	char *code;
	size_t len;
} gj_source;

struct gj_engine {
	gj_limits lim;
	gj_sandbox *sb;
	gj_source *src;         /* rule files, in load order */
	int nsrc;
	gj_source *lib;         /* lib/NAME.lua of the packs, for require */
	int nlib;
	int loaded_ref;         /* registry: require's cache */
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
 * applied: after a limit was hit, and before an output script. */
int gj_engine_reset(gj_engine *e, gj_diag *d);

/* Keep every NAME.lua of the folder dir+sub as a module for require. */
void gj_engine_load_libs(gj_engine *e, const char *dir, const char *sub);

/* require("name") of a pack's or script's module (upvalue 1: the engine). */
int gj_engine_require(lua_State *L);

#endif
