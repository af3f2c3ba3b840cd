/*
 * engine.c — the Lua bridge's rule side: loads rule packs into the sandbox,
 * runs every rule on every report, collects findings with their place in
 * the report, and runs output scripts.  A rule that errors or runs away
 * is a failure of that rule only; after a limit hit the sandbox is thrown
 * away and the packs are loaded again into a fresh one.
 */
#include "engine.h"
#include "dump.h"
#include "luabridge.h"
#include "luaview.h"
#include "textcore.h"
#include "md.h"
#include "yamlrd.h"

#include <dirent.h>
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OUTPUT ((size_t)256 * 1024 * 1024)
/* What rules may hand to C, which the sandbox's memory cap does not see:
 * findings per rule call and in all, rules, and a rule's texts. */
#define MAX_CALL_FINDINGS ((size_t)1024 * 1024)
#define MAX_ALL_FINDINGS ((size_t)256 * 1024 * 1024)
#define MAX_RULES 4096
#define MAX_RULE_TEXT ((size_t)64 * 1024)

typedef struct {
	char *name;
	char *code;
	size_t len;
} source;

struct gj_engine {
	gj_limits lim;
	gj_sandbox *sb;
	source *src;            /* rule files, in load order */
	int nsrc;
	source *lib;            /* lib/NAME.lua of the packs, for require */
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
	/* while checking */
	const gj_report *report;
	gj_results *res;
	size_t call_bytes;      /* held by the findings of this rule call */
	size_t all_bytes;       /* and of every call: of the run, or of this
	                         * report when per_report */
	int per_report;         /* findings are handed on after each report */
	/* while rendering */
	gj_buf *out;
	size_t emitted;         /* bytes emitted by this run's output script */
	int whole_run;          /* the script read run.findings at its top level */
	int stream_ref;         /* registry: a streaming script's handlers */
	int out_over;           /* the output cap was hit (sticky) */
};

const char *gj_severity_name(gj_severity s)
{
	return s == GJ_SEV_ERROR ? "error" : s == GJ_SEV_WARNING ? "warning" : "info";
}

static int parse_severity(const char *s, gj_severity *out)
{
	static const gj_severity all[] = { GJ_SEV_ERROR, GJ_SEV_WARNING, GJ_SEV_INFO };
	for (int i = 0; i < 3; i++)
		if (strcmp(s, gj_severity_name(all[i])) == 0) {
			*out = all[i];
			return 0;
		}
	return -1;
}

/* ---- registering rules ---- */

static gj_engine *engine_of(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

static char *opt_string_field(lua_State *L, const char *key)
{
	char *s = NULL;
	if (lua_getfield(L, 1, key) == LUA_TSTRING) {
		if (lua_rawlen(L, -1) > MAX_RULE_TEXT)
			luaL_error(L, "rule: '%s' longer than %d bytes", key, (int)MAX_RULE_TEXT);
		s = gj_xstrdup(lua_tostring(L, -1));
	} else if (!lua_isnil(L, -1))
		luaL_error(L, "rule: '%s' must be a string", key);
	lua_pop(L, 1);
	return s;
}

/* rule{ id = "T3-IDENT", severity = "error", title = "…",
 *       description = "…", check = function(report, add) … end } */
static int register_rule(lua_State *L)
{
	gj_engine *e = engine_of(L);
	luaL_checktype(L, 1, LUA_TTABLE);
	if (lua_getfield(L, 1, "id") != LUA_TSTRING || lua_rawlen(L, -1) == 0)
		return luaL_error(L, "rule: 'id' must be a non-empty string");
	if (lua_rawlen(L, -1) > 256)
		return luaL_error(L, "rule: 'id' longer than 256 bytes");
	if (e->nrules >= MAX_RULES)
		return luaL_error(L, "rule: more than %d rules", MAX_RULES);
	const char *id = lua_tostring(L, -1);
	if (gj_engine_find(e, id))
		return luaL_error(L, "rule: duplicate id '%s'", id);
	gj_severity sev;
	if (lua_getfield(L, 1, "severity") != LUA_TSTRING ||
	    parse_severity(lua_tostring(L, -1), &sev) != 0)
		return luaL_error(L, "rule '%s': 'severity' must be \"error\", \"warning\" or \"info\"", id);
	if (lua_getfield(L, 1, "check") != LUA_TFUNCTION)
		return luaL_error(L, "rule '%s': 'check' must be a function", id);
	/* the function itself is kept: reading t.check again later would run
	 * the table's __index outside any budget */
	lua_replace(L, 3);                              /* stack: t, id, check */
	char *title = opt_string_field(L, "title");
	char *desc = opt_string_field(L, "description");
	lua_Debug ar;
	int line = 0;
	char file[256] = "";
	if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
		line = ar.currentline;
		snprintf(file, sizeof file, "%s", ar.short_src);
	}
	e->rules = gj_xrealloc(e->rules, (size_t)(e->nrules + 1) * sizeof *e->rules);
	gj_rule *r = &e->rules[e->nrules++];
	r->id = gj_xstrdup(id);
	r->severity = sev;
	r->title = title ? title : gj_xstrdup("");
	r->description = desc ? desc : gj_xstrdup("");
	r->file = gj_xstrdup(file);
	r->line = line;
	r->enabled = 1;
	lua_rawgeti(L, LUA_REGISTRYINDEX, e->rules_ref);  /* stack: t, id, check, rules */
	lua_pushvalue(L, 3);
	lua_rawseti(L, -2, e->nrules);
	return 0;
}

static void free_rules(gj_engine *e)
{
	for (int i = 0; i < e->nrules; i++) {
		free(e->rules[i].id);
		free(e->rules[i].title);
		free(e->rules[i].description);
		free(e->rules[i].file);
	}
	free(e->rules);
	e->rules = NULL;
	e->nrules = 0;
}

/* require("name"): a module from a pack's lib/ folder, nothing else (no
 * paths, no C modules).  Each is run once; its value is shared, frozen. */
static int pack_require(lua_State *L)
{
	gj_engine *e = engine_of(L);
	const char *name = luaL_checkstring(L, 1);
	lua_rawgeti(L, LUA_REGISTRYINDEX, e->loaded_ref);   /* stack: name, cache */
	if (lua_getfield(L, -1, name) != LUA_TNIL)
		return 1;
	lua_pop(L, 1);
	const source *m = NULL;
	for (int i = 0; i < e->nlib; i++)
		if (strcmp(e->lib[i].name, name) == 0)
			m = &e->lib[i];
	if (!m)
		return luaL_error(L, "require: no module '%s'", name);
	char chunk[300];
	snprintf(chunk, sizeof chunk, "@lib/%s.lua", name);
	gj_diag d;
	if (gj_sandbox_load(e->sb, m->code, m->len, chunk, &d) != 0)
		return luaL_error(L, "%s", d.message);
	lua_getupvalue(L, -1, 1);                            /* a module may require too */
	lua_pushlightuserdata(L, e);
	lua_pushcclosure(L, pack_require, 1);
	lua_setfield(L, -2, "require");
	lua_pop(L, 1);
	lua_call(L, 0, 1);                                   /* stack: name, cache, value */
	if (lua_type(L, -1) == LUA_TTABLE)
		gj_luaview_freeze(L);
	lua_pushvalue(L, -1);
	lua_setfield(L, -3, name);
	return 1;
}

/* Run one pack file in the sandbox with rule() in its globals. */
static int run_source(gj_engine *e, const source *s, gj_diag *d)
{
	lua_State *L = gj_sandbox_lua(e->sb);
	char chunk[300];
	/* a bundled pack's files are named from the project's folder
	 * (rules/national/t4_sum.lua), wherever gouji is installed */
	const char *name = s->name;
	size_t hl = strlen(e->home);
	if (strncmp(name, e->home, hl) == 0 && name[hl] == '/' && strcmp(e->home, ".") != 0)
		name += hl + 1;
	snprintf(chunk, sizeof chunk, "@%s", name);
	if (gj_sandbox_load(e->sb, s->code, s->len, chunk, d) != 0)
		return -1;
	lua_getupvalue(L, -1, 1);                 /* stack: fn, env */
	lua_pushlightuserdata(L, e);
	lua_pushcclosure(L, register_rule, 1);
	lua_setfield(L, -2, "rule");              /* the chunk's own globals */
	lua_pushlightuserdata(L, e);
	lua_pushcclosure(L, pack_require, 1);
	lua_setfield(L, -2, "require");
	lua_pop(L, 1);
	return gj_sandbox_call(e->sb, 0, 0, d);
}

/* "off" / "on" / a severity for rule id; -1 when the value is unknown. */
static int apply_override(gj_engine *e, const char *id, const char *value)
{
	gj_rule *r = NULL;
	for (int i = 0; i < e->nrules; i++)
		if (strcmp(e->rules[i].id, id) == 0)
			r = &e->rules[i];
	if (!r)
		return -2;
	gj_severity sev;
	if (strcmp(value, "off") == 0 || strcmp(value, "false") == 0)
		r->enabled = 0;
	else if (strcmp(value, "on") == 0 || strcmp(value, "true") == 0)
		r->enabled = 1;
	else if (parse_severity(value, &sev) == 0) {
		r->severity = sev;
		r->enabled = 1;
	} else
		return -1;
	return 0;
}

/* Record and apply each "ID: setting" of a rules map. */
static int override_rules(gj_engine *e, const gj_value *rules, const char *file,
			  gj_diag *d)
{
	if (!rules)
		return 0;
	if (gj_value_type(rules) != GJ_V_OBJ) {
		gj_diag_file(d, file);
		gj_diag_set(d, 0, 0, "'rules' must be a mapping of rule ids to off, on, error, warning or info");
		return -1;
	}
	for (int i = 0; i < gj_value_len(rules); i++) {
		const char *id = gj_value_key(rules, i);
		const gj_value *v = gj_value_item(rules, i);
		const char *setting = gj_value_type(v) == GJ_V_STR ? gj_value_str(v)
				    : gj_value_type(v) == GJ_V_BOOL ? (gj_value_bool(v) ? "on" : "off")
				    : "?";
		int rc = apply_override(e, id, setting);
		if (rc != 0) {
			gj_diag_file(d, file);
			if (rc == -2)
				gj_diag_set(d, 0, 0, "unknown rule '%s'", id);
			else
				gj_diag_set(d, 0, 0, "rule '%s': use off, on, error, warning or info", id);
			return -1;
		}
		e->ov_id = gj_xrealloc(e->ov_id, (size_t)(e->nov + 1) * sizeof *e->ov_id);
		e->ov_value = gj_xrealloc(e->ov_value, (size_t)(e->nov + 1) * sizeof *e->ov_value);
		e->ov_id[e->nov] = gj_xstrdup(id);
		e->ov_value[e->nov] = gj_xstrdup(setting);
		e->nov++;
	}
	return 0;
}

static gj_value *copy_scalar(const gj_value *v)
{
	switch (gj_value_type(v)) {
	case GJ_V_NUM: return gj_value_new_num(gj_value_num(v));
	case GJ_V_STR: return gj_value_new_str(gj_value_str(v));
	case GJ_V_BOOL: return gj_value_new_bool(gj_value_bool(v));
	default: return gj_value_new(GJ_V_NULL);
	}
}

/* Copy v (a scalar) into the parameters under key. */
static void set_param(gj_engine *e, const char *key, const gj_value *v)
{
	gj_value *copy = copy_scalar(v);
	/* a later setting replaces an earlier one: rebuild without the key */
	gj_value *next = gj_value_new(GJ_V_OBJ);
	for (int i = 0; i < gj_value_len(e->params); i++) {
		const char *k = gj_value_key(e->params, i);
		if (strcmp(k, key) == 0)
			continue;
		gj_value_push(next, k, copy_scalar(gj_value_item(e->params, i)));
	}
	gj_value_push(next, key, copy);
	gj_value_free(e->params);
	e->params = next;
}

static int set_params(gj_engine *e, const gj_value *params, const char *file,
		      int must_exist, gj_diag *d)
{
	if (!params)
		return 0;
	if (gj_value_type(params) != GJ_V_OBJ) {
		gj_diag_file(d, file);
		gj_diag_set(d, 0, 0, "'parameters' must be a mapping");
		return -1;
	}
	for (int i = 0; i < gj_value_len(params); i++) {
		const char *k = gj_value_key(params, i);
		const gj_value *v = gj_value_item(params, i);
		if (gj_value_type(v) == GJ_V_ARR || gj_value_type(v) == GJ_V_OBJ) {
			gj_diag_file(d, file);
			gj_diag_set(d, 0, 0, "parameter '%s' must be a number, a string or true/false", k);
			return -1;
		}
		if (must_exist && !gj_value_get(e->params, k)) {
			gj_diag_file(d, file);
			gj_diag_set(d, 0, 0, "unknown parameter '%s'", k);
			return -1;
		}
		set_param(e, k, v);
	}
	return 0;
}

/* A fresh sandbox with every pack file loaded again. */
static int reset(gj_engine *e, gj_diag *d)
{
	gj_sandbox_free(e->sb);
	e->sb = gj_sandbox_new(&e->lim);
	if (!e->sb) {
		gj_diag_set(d, 0, 0, "cannot create a Lua state");
		return -1;
	}
	lua_State *L = gj_sandbox_lua(e->sb);
	/* the domain's globals: text.lua's inner loops */
	gj_textcore_open(L);
	gj_sandbox_define(e->sb, "textcore");
	lua_newtable(L);
	e->rules_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	lua_newtable(L);
	e->loaded_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	free_rules(e);
	for (int i = 0; i < e->nsrc; i++)
		if (run_source(e, &e->src[i], d) != 0)
			return -1;
	for (int i = 0; i < e->nov; i++)
		apply_override(e, e->ov_id[i], e->ov_value[i]);
	return 0;
}

gj_engine *gj_engine_new(const gj_limits *lim)
{
	gj_engine *e = gj_xcalloc(1, sizeof *e);
	e->params = gj_value_new(GJ_V_OBJ);
	e->home = gj_xstrdup(".");
	if (lim)
		e->lim = *lim;
	gj_diag d;
	if (reset(e, &d) != 0) {
		gj_engine_free(e);
		return NULL;
	}
	return e;
}

void gj_engine_free(gj_engine *e)
{
	if (!e)
		return;
	gj_sandbox_free(e->sb);
	free_rules(e);
	for (int i = 0; i < e->nsrc; i++) {
		free(e->src[i].name);
		free(e->src[i].code);
	}
	free(e->src);
	for (int i = 0; i < e->nlib; i++) {
		free(e->lib[i].name);
		free(e->lib[i].code);
	}
	free(e->lib);
	for (int i = 0; i < e->npacks; i++)
		free(e->packs[i]);
	free(e->packs);
	for (int i = 0; i < e->nov; i++) {
		free(e->ov_id[i]);
		free(e->ov_value[i]);
	}
	free(e->ov_id);
	free(e->ov_value);
	gj_value_free(e->params);
	free(e->home);
	free(e);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}


/* The pack's lib folder of Lua modules, kept for require. */
static void load_libs(gj_engine *e, const char *dir, const char *sub)
{
	gj_buf p;
	gj_buf_init(&p);
	gj_buf_addf(&p, "%s%s", dir, sub);
	DIR *dp = opendir(p.data);
	if (dp) {
		struct dirent *de;
		while ((de = readdir(dp)) != NULL) {
			size_t l = strlen(de->d_name);
			if (l <= 4 || strcmp(de->d_name + l - 4, ".lua") != 0)
				continue;
			gj_buf f;
			gj_buf_init(&f);
			gj_buf_addf(&f, "%s/%s", p.data, de->d_name);
			source m;
			m.code = gj_read_file(f.data, &m.len);
			gj_buf_release(&f);
			if (!m.code)
				continue;
			m.name = gj_xstrndup(de->d_name, l - 4);
			e->lib = gj_xrealloc(e->lib, (size_t)(e->nlib + 1) * sizeof *e->lib);
			e->lib[e->nlib++] = m;
		}
		closedir(dp);
	}
	gj_buf_release(&p);
}

static int load_rule_files(gj_engine *e, const char *dir, gj_diag *d)
{
	load_libs(e, dir, "/lib");
	DIR *dp = opendir(dir);
	if (!dp) {
		gj_diag_set(d, 0, 0, "cannot open rule pack '%s'", dir);
		return -1;
	}
	char **names = NULL;
	int n = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".lua") == 0) {
			names = gj_xrealloc(names, (size_t)(n + 1) * sizeof *names);
			names[n++] = gj_xstrdup(de->d_name);
		}
	}
	closedir(dp);
	qsort(names, (size_t)n, sizeof *names, cmp_str);
	int rc = 0;
	for (int i = 0; i < n; i++) {
		gj_buf path;
		gj_buf_init(&path);
		gj_buf_addf(&path, "%s/%s", dir, names[i]);
		source s;
		s.code = gj_read_file(path.data, &s.len);
		s.name = gj_buf_detach(&path, NULL);
		if (!s.code) {
			gj_diag_set(d, 0, 0, "cannot read '%s'", s.name);
			free(s.name);
			rc = -1;
			break;
		}
		e->src = gj_xrealloc(e->src, (size_t)(e->nsrc + 1) * sizeof *e->src);
		e->src[e->nsrc++] = s;
		if (run_source(e, &s, d) != 0) {
			rc = -1;
			break;
		}
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

void gj_engine_set_per_report(gj_engine *e, int on)
{
	e->per_report = on;
}

void gj_engine_set_home(gj_engine *e, const char *home)
{
	free(e->home);
	e->home = gj_xstrdup(home);
	/* modules every pack and script may require: rules/lib */
	load_libs(e, home, "/rules/lib");
}

static int load_pack_at(gj_engine *e, const char *spec, const char *from, int depth,
			gj_diag *d)
{
	char dir[4096];
	if (!strchr(spec, '/') && strcmp(spec, ".") != 0)
		snprintf(dir, sizeof dir, "%s/rules/%s", e->home, spec);
	else if (spec[0] != '/' && from)
		snprintf(dir, sizeof dir, "%s/%s", from, spec);
	else
		snprintf(dir, sizeof dir, "%s", spec);
	for (int i = 0; i < e->npacks; i++)
		if (strcmp(e->packs[i], dir) == 0)
			return 0;   /* already loaded (a diamond, or a cycle) */
	if (depth > 8) {
		gj_diag_set(d, 0, 0, "packs extend each other more than 8 deep at '%s'", dir);
		return -1;
	}
	e->packs = gj_xrealloc(e->packs, (size_t)(e->npacks + 1) * sizeof *e->packs);
	e->packs[e->npacks++] = gj_xstrdup(dir);

	char mpath[4200];
	snprintf(mpath, sizeof mpath, "%s/pack.yaml", dir);
	size_t mlen;
	char *mtext = gj_read_file(mpath, &mlen);
	gj_value *m = NULL;
	if (mtext) {
		m = gj_yaml_parse(mtext, mlen, d);
		free(mtext);
		if (!m) {
			gj_diag_file(d, mpath);
			return -1;
		}
		static const char *const keys[] = { "name", "version", "description",
						    "extends", "parameters", "rules", NULL };
		for (int i = 0; gj_value_type(m) == GJ_V_OBJ && i < gj_value_len(m); i++) {
			int known = 0;
			for (int k = 0; keys[k]; k++)
				known |= strcmp(gj_value_key(m, i), keys[k]) == 0;
			if (!known) {
				gj_diag_file(d, mpath);
				gj_diag_set(d, 0, 0, "unknown key '%s'", gj_value_key(m, i));
				gj_value_free(m);
				return -1;
			}
		}
		const gj_value *ext = gj_value_get(m, "extends");
		if (ext && gj_value_type(ext) == GJ_V_STR &&
		    load_pack_at(e, gj_value_str(ext), dir, depth + 1, d) != 0) {
			gj_value_free(m);
			return -1;
		}
		/* a pack's own parameters are defaults; an extending pack may
		 * change its base's and add its own */
		if (set_params(e, gj_value_get(m, "parameters"), mpath, 0, d) != 0) {
			gj_value_free(m);
			return -1;
		}
	}
	int rc = load_rule_files(e, dir, d);
	if (rc == 0 && m)
		rc = override_rules(e, gj_value_get(m, "rules"), mpath, d);
	gj_value_free(m);
	return rc;
}

int gj_engine_load_pack(gj_engine *e, const char *pack, gj_diag *d)
{
	return load_pack_at(e, pack, NULL, 0, d);
}

int gj_engine_configure(gj_engine *e, const gj_value *rules, const gj_value *params,
			const char *file, gj_diag *d)
{
	if (set_params(e, params, file, 1, d) != 0)
		return -1;
	return override_rules(e, rules, file, d);
}

int gj_engine_nrules(const gj_engine *e)
{
	return e->nrules;
}

const gj_rule *gj_engine_rule(const gj_engine *e, int i)
{
	return &e->rules[i];
}

const gj_rule *gj_engine_find(const gj_engine *e, const char *id)
{
	for (int i = 0; i < e->nrules; i++)
		if (strcmp(e->rules[i].id, id) == 0)
			return &e->rules[i];
	return NULL;
}

/* ---- checking ---- */

/* Where a data path is in the report: a cell's own place, a section's
 * heading ("sections.5"), or the table's first line. */
/* Where the first occurrence of span is in section n's paragraphs: the
 * paragraph's line plus the newlines before it; the column counts code
 * points from that line's start (paragraphs are trimmed, so it is a
 * lower bound on an indented line).  0 when not found. */
static void locate_span(const gj_report *r, int n, const char *span, int *line, int *col)
{
	for (int k = 0; k < r->nsections; k++) {
		const gj_section *s = &r->sections[k];
		if (s->number != n)
			continue;
		for (int p = 0; p < s->nparagraphs; p++) {
			const char *text = s->paragraphs[p];
			const char *at = strstr(text, span);
			if (!at)
				continue;
			size_t m = (size_t)(at - text);
			const gj_piece *pc = NULL;
			for (int k2 = 0; s->pieces && k2 < s->npieces[p]; k2++)
				if (s->pieces[p][k2].off <= m)
					pc = &s->pieces[p][k2];
			if (!pc) {   /* a paragraph with no pieces (YAML) */
				*line = s->paragraph_lines[p];
				return;
			}
			int c = pc->column;
			for (const char *q = text + pc->off; q < at; q++)
				c += ((unsigned char)*q & 0xC0) != 0x80;
			*line = pc->line;
			*col = c;
			return;
		}
	}
}

static void locate(const gj_report *r, const char *path, int *line, int *col)
{
	int i = gj_cell_index(path);
	if (i >= 0 && r->cells[i].line > 0) {
		*line = r->cells[i].line;
		*col = r->cells[i].column;
		return;
	}
	if (i >= 0) {
		*line = r->table_line[gj_cell_specs[i].table];
		return;
	}
	int n;
	if (sscanf(path, "sections.%d", &n) == 1)
		for (int k = 0; k < r->nsections; k++)
			if (r->sections[k].number == n)
				*line = r->sections[k].line;
}

/* add{ message = "…", path = "tables.requests.total.natural" }, or a
 * text span: add{ message = "…", path = "sections.1", text = "204条" },
 * or add{ message = "…", line = 12 } */
static int add_finding(lua_State *L)
{
	gj_engine *e = engine_of(L);
	int ri = (int)lua_tointeger(L, lua_upvalueindex(2));
	luaL_checktype(L, 1, LUA_TTABLE);
	if (lua_getfield(L, 1, "message") != LUA_TSTRING)
		return luaL_error(L, "add: 'message' must be a string");
	const char *msg = lua_tostring(L, -1);
	const char *path = NULL;
	if (lua_getfield(L, 1, "path") == LUA_TSTRING)
		path = lua_tostring(L, -1);
	else if (!lua_isnil(L, -1))
		return luaL_error(L, "add: 'path' must be a string");
	int line = 0, col = 0;
	if (lua_getfield(L, 1, "line") == LUA_TNUMBER)
		line = (int)lua_tointeger(L, -1);
	gj_severity sev = e->rules[ri].severity;
	if (lua_getfield(L, 1, "severity") == LUA_TSTRING &&
	    parse_severity(lua_tostring(L, -1), &sev) != 0)
		return luaL_error(L, "add: unknown severity '%s'", lua_tostring(L, -1));
	const char *span = NULL;
	if (lua_getfield(L, 1, "text") == LUA_TSTRING)
		span = lua_tostring(L, -1);
	int n;
	if (path && span && !line && sscanf(path, "sections.%d", &n) == 1 && *span)
		locate_span(e->report, n, span, &line, &col);
	if (path && !line)
		locate(e->report, path, &line, &col);
	gj_results *res = e->res;
	if (res->nfindings >= 100000)
		return luaL_error(L, "add: too many findings");
	size_t bytes = strlen(msg) + (path ? strlen(path) : 0) + sizeof(gj_finding);
	if (e->call_bytes + bytes > MAX_CALL_FINDINGS)
		return luaL_error(L, "add: findings of one rule on one report larger than %d bytes",
				  (int)MAX_CALL_FINDINGS);
	if (e->all_bytes + bytes > MAX_ALL_FINDINGS)
		return luaL_error(L, e->per_report ? "add: findings of one report larger than %d bytes"
						   : "add: findings larger than %d bytes in all",
				  (int)MAX_ALL_FINDINGS);
	e->call_bytes += bytes;
	e->all_bytes += bytes;
	res->findings = gj_xrealloc(res->findings,
		(size_t)(res->nfindings + 1) * sizeof *res->findings);
	gj_finding *f = &res->findings[res->nfindings++];
	f->report = gj_xstrdup(e->report->source_path ? e->report->source_path : "-");
	f->rule = gj_xstrdup(e->rules[ri].id);
	f->severity = sev;
	f->message = gj_xstrdup(msg);
	f->path = path ? gj_xstrdup(path) : NULL;
	f->line = line;
	f->column = col;
	return 0;
}

/* Free the findings from index from on. */
static void drop_findings(gj_results *res, int from)
{
	for (int i = from; i < res->nfindings; i++) {
		free(res->findings[i].report);
		free(res->findings[i].rule);
		free(res->findings[i].message);
		free(res->findings[i].path);
	}
	res->nfindings = from;
}

static void add_failure(gj_results *res, const char *report, const char *rule,
			const char *message)
{
	res->failures = gj_xrealloc(res->failures,
		(size_t)(res->nfailures + 1) * sizeof *res->failures);
	gj_failure *f = &res->failures[res->nfailures++];
	f->report = gj_xstrdup(report ? report : "-");
	f->rule = rule ? gj_xstrdup(rule) : NULL;
	f->message = gj_xstrdup(message);
}

/* Push a report (frozen) or nil; return a registry reference.  *h: the
 * handle that ends its cells' access to r (NULL for nil). */
static int ref_report(gj_engine *e, const gj_report *r, gj_lua_report **h)
{
	lua_State *L = gj_sandbox_lua(e->sb);
	*h = NULL;
	if (r)
		*h = gj_lua_push_report(e->sb, r);
	else
		lua_pushnil(L);
	return luaL_ref(L, LUA_REGISTRYINDEX);
}

void gj_engine_check(gj_engine *e, const gj_report *r, const gj_report *prev,
		     gj_results *res)
{
	e->report = r;
	e->res = res;
	if (e->per_report)
		e->all_bytes = 0;
	lua_State *L = gj_sandbox_lua(e->sb);
	gj_lua_report *report_h, *prev_h;
	int report_ref = ref_report(e, r, &report_h);
	int prev_ref = ref_report(e, prev, &prev_h);
	gj_lua_push_frozen(e->sb, e->params);
	int params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	for (int i = 0; i < e->nrules; i++) {
		gj_diag d;
		memset(&d, 0, sizeof d);
		if (!e->rules[i].enabled)
			continue;
		lua_rawgeti(L, LUA_REGISTRYINDEX, e->rules_ref);
		lua_rawgeti(L, -1, i + 1);            /* stack: rules, check */
		lua_remove(L, -2);                    /* stack: check */
		lua_rawgeti(L, LUA_REGISTRYINDEX, report_ref);
		lua_pushlightuserdata(L, e);
		lua_pushinteger(L, i);
		lua_pushcclosure(L, add_finding, 2);  /* stack: check, report, add */
		lua_rawgeti(L, LUA_REGISTRYINDEX, params_ref);
		lua_rawgeti(L, LUA_REGISTRYINDEX, prev_ref);
		e->call_bytes = 0;
		int before = res->nfindings;
		if (gj_sandbox_call(e->sb, 4, 0, &d) == 0)
			continue;
		/* a rule that failed did not finish: what it found so far is
		 * not kept (a flood of findings would be kept otherwise) */
		drop_findings(res, before);
		e->all_bytes -= e->call_bytes;
		add_failure(res, r->source_path, e->rules[i].id, d.message);
		if (gj_sandbox_spent(e->sb)) {
			/* a limit was hit: this state is done; go on in a new one */
			gj_diag rd;
			char *id_keep = gj_xstrdup(e->rules[i].id);
			if (reset(e, &rd) != 0) {
				add_failure(res, r->source_path, id_keep, rd.message);
				free(id_keep);
				return;
			}
			free(id_keep);
			L = gj_sandbox_lua(e->sb);
			report_ref = ref_report(e, r, &report_h);
			prev_ref = ref_report(e, prev, &prev_h);
			gj_lua_push_frozen(e->sb, e->params);
			params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
		}
	}
	gj_lua_report_done(report_h);
	gj_lua_report_done(prev_h);
	luaL_unref(L, LUA_REGISTRYINDEX, report_ref);
	luaL_unref(L, LUA_REGISTRYINDEX, prev_ref);
	luaL_unref(L, LUA_REGISTRYINDEX, params_ref);
	res->reports = gj_xrealloc(res->reports,
		(size_t)(res->nreports + 1) * sizeof *res->reports);
	res->reports[res->nreports++] = gj_report_summary(r);
	e->report = NULL;
	e->res = NULL;
}

void gj_results_release(gj_results *res)
{
	for (int i = 0; i < res->nfindings; i++) {
		free(res->findings[i].report);
		free(res->findings[i].rule);
		free(res->findings[i].message);
		free(res->findings[i].path);
	}
	free(res->findings);
	for (int i = 0; i < res->nfailures; i++) {
		free(res->failures[i].report);
		free(res->failures[i].rule);
		free(res->failures[i].message);
	}
	free(res->failures);
	for (int i = 0; i < res->nreports; i++)
		gj_value_free(res->reports[i]);
	free(res->reports);
	memset(res, 0, sizeof *res);
}

static int cmp_finding(const void *pa, const void *pb)
{
	const gj_finding *a = pa, *b = pb;
	int c = strcmp(a->report, b->report);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	if ((c = strcmp(a->rule, b->rule)) != 0)
		return c;
	return strcmp(a->message, b->message);
}

void gj_results_sort(gj_results *res)
{
	if (res->nfindings > 1)
		qsort(res->findings, (size_t)res->nfindings, sizeof *res->findings, cmp_finding);
}

/* ---- output scripts ---- */

static int emit(lua_State *L)
{
	gj_engine *e = engine_of(L);
	int n = lua_gettop(L);
	for (int i = 1; i <= n; i++) {
		size_t len;
		const char *s = luaL_checklstring(L, i, &len);
		if (e->out_over || e->emitted + len > MAX_OUTPUT) {
			e->out_over = 1;
			return luaL_error(L, "emit: output larger than %d bytes", (int)MAX_OUTPUT);
		}
		e->emitted += len;
		gj_buf_add(e->out, s, len);
	}
	return 0;
}

static void set_str(lua_State *L, const char *k, const char *v)
{
	if (!v)
		return;
	lua_pushstring(L, v);
	lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, int v)
{
	lua_pushinteger(L, v);
	lua_setfield(L, -2, k);
}

/* the list of findings (not frozen) */
static void push_findings(lua_State *L, const gj_results *res)
{
	luaL_checkstack(L, 8, "building the run");
	lua_createtable(L, res->nfindings, 0);
	for (int i = 0; i < res->nfindings; i++) {
		const gj_finding *f = &res->findings[i];
		lua_createtable(L, 0, 7);
		set_str(L, "report", f->report);
		set_str(L, "rule", f->rule);
		set_str(L, "severity", gj_severity_name(f->severity));
		set_str(L, "message", f->message);
		set_str(L, "path", f->path);
		set_int(L, "line", f->line);
		set_int(L, "column", f->column);
		lua_rawseti(L, -2, i + 1);
	}
}

static void push_failures(lua_State *L, const gj_results *res)
{
	luaL_checkstack(L, 8, "building the run");
	lua_createtable(L, res->nfailures, 0);
	for (int i = 0; i < res->nfailures; i++) {
		const gj_failure *f = &res->failures[i];
		lua_createtable(L, 0, 3);
		set_str(L, "report", f->report);
		set_str(L, "rule", f->rule);
		set_str(L, "message", f->message);
		lua_rawseti(L, -2, i + 1);
	}
}

/* run.rules and run.color into the table on top */
static void set_rules(gj_engine *e, lua_State *L)
{
	luaL_checkstack(L, 8, "building the run");
	lua_createtable(L, 0, e->nrules);
	for (int i = 0; i < e->nrules; i++) {
		const gj_rule *r = &e->rules[i];
		lua_createtable(L, 0, 5);
		set_str(L, "id", r->id);
		set_str(L, "severity", gj_severity_name(r->severity));
		set_str(L, "title", r->title);
		set_str(L, "description", r->description);
		set_str(L, "file", r->file);
		lua_setfield(L, -2, r->id);
	}
	lua_setfield(L, -2, "rules");
	lua_pushboolean(L, e->color);
	lua_setfield(L, -2, "color");
	lua_pushboolean(L, e->html);
	lua_setfield(L, -2, "html");
}

/* run = { findings = {…}, failures = {…}, rules = { [id] = {…} },
 *         reports = {…}, color = … } */
static void push_run(gj_engine *e, const gj_results *res)
{
	lua_State *L = gj_sandbox_lua(e->sb);
	luaL_checkstack(L, 8, "building the run");
	lua_createtable(L, 0, 5);
	push_findings(L, res);
	lua_setfield(L, -2, "findings");
	push_failures(L, res);
	lua_setfield(L, -2, "failures");
	set_rules(e, L);
	lua_createtable(L, res->nreports, 0);
	for (int i = 0; i < res->nreports; i++) {
		gj_lua_push_value(e->sb, res->reports[i]);
		lua_rawseti(L, -2, i + 1);
	}
	lua_setfield(L, -2, "reports");
	gj_luaview_freeze(L);
}

void gj_engine_set_color(gj_engine *e, int color)
{
	e->color = color;
}

/* markdown_html(text): Markdown rendered by cmark, raw HTML dropped */
static int markdown_html(lua_State *L)
{
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len);
	char *html = gj_md_to_html(s, len);
	if (!html)
		return luaL_error(L, "markdown_html: out of memory");
	lua_pushstring(L, html);
	free(html);
	return 1;
}

/* Compile an output script and give its globals require and
 * markdown_html.  Pushes the chunk. */
static int load_script(gj_engine *e, const char *script, size_t len,
		       const char *name, const char *lib_dir, gj_diag *d)
{
	/* a fresh state: the rules may have left this one spent or full */
	if (reset(e, d) != 0)
		return -1;
	if (lib_dir)
		load_libs(e, lib_dir, "");
	char chunk[300];
	snprintf(chunk, sizeof chunk, "@%s", name);
	if (gj_sandbox_load(e->sb, script, len, chunk, d) != 0)
		return -1;
	lua_State *L = gj_sandbox_lua(e->sb);
	lua_getupvalue(L, -1, 1);                 /* stack: script, env */
	lua_pushlightuserdata(L, e);
	lua_pushcclosure(L, pack_require, 1);
	lua_setfield(L, -2, "require");
	lua_pushcfunction(L, markdown_html);
	lua_setfield(L, -2, "markdown_html");
	lua_pop(L, 1);
	return 0;
}

void gj_engine_output_written(gj_engine *e)
{
	if (!e->out_over)
		e->emitted = 0;
}

/* Call the function below nargs arguments with emit writing to out.  A
 * script that caught the output cap's error and ended normally still
 * fails: its output is cut short. */
static int call_emitting(gj_engine *e, int nargs, gj_buf *out, gj_diag *d)
{
	e->out = out;
	int rc = gj_sandbox_call(e->sb, nargs, 0, d);
	e->out = NULL;
	if (rc == 0 && e->out_over) {
		gj_diag_set(d, 0, 0, "emit: output larger than %d bytes", (int)MAX_OUTPUT);
		rc = -1;
	}
	return rc;
}

/* Call the loaded script with the run on top and emit; what it emits
 * goes to out. */
static int call_script(gj_engine *e, lua_State *L, gj_buf *out, gj_diag *d)
{
	lua_pushlightuserdata(L, e);
	lua_pushcclosure(L, emit, 1);             /* stack: script, run, emit */
	e->emitted = 0;
	e->out_over = 0;
	return call_emitting(e, 2, out, d);
}

int gj_engine_render(gj_engine *e, const char *script, size_t len,
		     const char *name, const char *lib_dir, const gj_results *res,
		     gj_buf *out, gj_diag *d)
{
	if (load_script(e, script, len, name, lib_dir, d) != 0)
		return -1;
	lua_State *L = gj_sandbox_lua(e->sb);
	push_run(e, res);
	return call_script(e, L, out, d);
}

/* ---- streaming output scripts ---- */

/* run.findings, run.failures, run.reports at a streaming script's top
 * level: nothing is checked yet, so the script is a whole-run one. */
static int whole_run_needed(lua_State *L)
{
	gj_engine *e = engine_of(L);
	const char *k = lua_tostring(L, 2);
	if (k && (strcmp(k, "findings") == 0 || strcmp(k, "failures") == 0 ||
		  strcmp(k, "reports") == 0)) {
		e->whole_run = 1;
		return luaL_error(L, "run.%s is only there at the end of the run", k);
	}
	return 0;
}

int gj_engine_stream_begin(gj_engine *e, const char *script, size_t len,
			   const char *name, const char *lib_dir, gj_buf *out,
			   gj_diag *d)
{
	if (load_script(e, script, len, name, lib_dir, d) != 0)
		return -1;
	lua_State *L = gj_sandbox_lua(e->sb);
	lua_createtable(L, 0, 2);                 /* stack: script, run */
	set_rules(e, L);
	lua_createtable(L, 0, 1);
	lua_pushlightuserdata(L, e);
	lua_pushcclosure(L, whole_run_needed, 1);
	lua_setfield(L, -2, "__index");
	lua_setmetatable(L, -2);
	gj_luaview_freeze(L);
	lua_pushlightuserdata(L, e);
	lua_pushcclosure(L, emit, 1);             /* stack: script, run, emit */
	gj_buf scratch;
	gj_buf_init(&scratch);
	e->out = &scratch;
	e->emitted = 0;
	e->out_over = 0;
	e->whole_run = 0;
	int rc = gj_sandbox_call(e->sb, 2, 1, d);
	e->out = NULL;
	if (rc != 0) {
		gj_buf_release(&scratch);
		if (e->whole_run && !gj_sandbox_spent(e->sb)) {
			memset(d, 0, sizeof *d);
			return 0;
		}
		return -1;
	}
	/* streaming: the chunk returned { report = function … end } */
	int streams = lua_type(L, -1) == LUA_TTABLE &&
		      lua_getfield(L, -1, "report") == LUA_TFUNCTION;
	if (!streams) {
		lua_settop(L, 0);
		gj_buf_release(&scratch);
		return 0;
	}
	lua_pop(L, 1);
	e->stream_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	lua_settop(L, 0);
	/* what the top level emitted comes first */
	gj_buf_add(out, scratch.data ? scratch.data : "", scratch.len);
	gj_buf_release(&scratch);
	return 1;
}

/* Call handlers[name](args…) pushed above it; nargs arguments. */
static int call_handler(gj_engine *e, const char *name, int nargs, gj_buf *out,
			gj_diag *d)
{
	lua_State *L = gj_sandbox_lua(e->sb);
	lua_rawgeti(L, LUA_REGISTRYINDEX, e->stream_ref);
	lua_getfield(L, -1, name);
	lua_remove(L, -2);
	lua_insert(L, -1 - nargs);
	return call_emitting(e, nargs, out, d);
}

int gj_engine_stream_report(gj_engine *e, const gj_results *one, gj_buf *out,
			    gj_diag *d)
{
	lua_State *L = gj_sandbox_lua(e->sb);
	luaL_checkstack(L, 8, "streaming a report");
	if (one->nreports > 0) {
		gj_lua_push_frozen(e->sb, one->reports[0]);
	} else {
		lua_newtable(L);
		gj_luaview_freeze(L);
	}
	push_findings(L, one);
	gj_luaview_freeze(L);
	push_failures(L, one);
	gj_luaview_freeze(L);
	return call_handler(e, "report", 3, out, d);
}

int gj_engine_stream_end(gj_engine *e, const gj_results *res, gj_buf *out,
			 gj_diag *d)
{
	lua_State *L = gj_sandbox_lua(e->sb);
	lua_rawgeti(L, LUA_REGISTRYINDEX, e->stream_ref);
	int has = lua_getfield(L, -1, "finish") == LUA_TFUNCTION;
	lua_pop(L, 2);
	if (!has)
		return 0;
	lua_createtable(L, 0, 3);
	push_failures(L, res);
	lua_setfield(L, -2, "failures");
	set_rules(e, L);
	gj_luaview_freeze(L);
	return call_handler(e, "finish", 1, out, d);
}
/* Run an output script over a value tree of its own (gouji diff's run)
 * instead of a check's findings: the same sandbox, require, emit and
 * markdown_html as gj_engine_render; run is pushed read-only. */
int gj_engine_render_value(gj_engine *e, const char *script, size_t len,
			   const char *name, const char *lib_dir,
			   const struct gj_value *run, gj_buf *out, gj_diag *d)
{
	if (load_script(e, script, len, name, lib_dir, d) != 0)
		return -1;
	lua_State *L = gj_sandbox_lua(e->sb);
	gj_lua_push_frozen(e->sb, run);          /* stack: script, run */
	return call_script(e, L, out, d);
}

void gj_engine_set_html(gj_engine *e, int html)
{
	e->html = html;
}
