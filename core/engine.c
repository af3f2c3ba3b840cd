/*
 * engine.c — the engine's life and its rule packs: a fresh sandbox with
 * the domain's globals, the packs' files read once and run in it (each
 * calls rule{…}), their lib/ modules for require, the manifests'
 * parameters and overrides, and the project config's.  After a limit hit
 * the sandbox is thrown away and the packs run again in a fresh one
 * (gj_engine_reset).  The other parts: engine_check.c runs the rules on a
 * report, engine_script.c runs output scripts.
 */
#include "engine_int.h"
#include "catalogue.h"
#include "luabridge.h"
#include "luaview.h"
#include "textcore.h"
#include "walk.h"
#include "yamlrd.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

gj_engine *gj_engine_of(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

/* A title or description: a string of at most GJ_MAX_RULE_TEXT bytes, all
 * of them together at most GJ_MAX_PACK_TEXT; copied when the engine keeps
 * texts, else "" (workers never show them). */
static char *opt_string_field(lua_State *L, gj_engine *e, const char *key)
{
	char *s = NULL;
	if (lua_getfield(L, 1, key) == LUA_TSTRING) {
		size_t n = lua_rawlen(L, -1);
		if (n > GJ_MAX_RULE_TEXT)
			luaL_error(L, "rule: '%s' longer than %d bytes", key, (int)GJ_MAX_RULE_TEXT);
		if (e->text_bytes + n > GJ_MAX_PACK_TEXT)
			luaL_error(L, "rule: titles and descriptions longer than %d bytes in all",
				   (int)GJ_MAX_PACK_TEXT);
		e->text_bytes += n;
		s = gj_xstrdup(e->texts ? lua_tostring(L, -1) : "");
	} else if (!lua_isnil(L, -1))
		luaL_error(L, "rule: '%s' must be a string", key);
	lua_pop(L, 1);
	return s;
}

/* The pack files run again for a report (refresh): the k-th rule{} of
 * this run must be the k-th of the first, whose check function it gives
 * anew; its texts are kept from the first run. */
static int register_again(lua_State *L, gj_engine *e, const char *id)
{
	int k = e->rerun_next++;
	if (k >= e->rerun_end || strcmp(e->rules[k].id, id) != 0)
		return luaL_error(L, "rule: '%s' was not registered here when the pack was loaded", id);
	if (lua_getfield(L, 1, "check") != LUA_TFUNCTION)
		return luaL_error(L, "rule '%s': 'check' must be a function", id);
	lua_rawgeti(L, LUA_REGISTRYINDEX, e->rules_ref);  /* stack: t, id, check, rules */
	lua_insert(L, -2);
	lua_rawseti(L, -2, k + 1);
	return 0;
}

/* rule{ id = "T3-IDENT", severity = "error", title = "…",
 *       description = "…", check = function(report, add) … end } */
static int register_rule(lua_State *L)
{
	gj_engine *e = gj_engine_of(L);
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	if (lua_getfield(L, 1, "id") != LUA_TSTRING || lua_rawlen(L, -1) == 0)
		return luaL_error(L, "rule: 'id' must be a non-empty string");
	if (lua_rawlen(L, -1) > 256)
		return luaL_error(L, "rule: 'id' longer than 256 bytes");
	const char *id = lua_tostring(L, -1);
	if (e->rerunning)
		return register_again(L, e, id);
	if (e->nrules >= GJ_MAX_RULES)
		return luaL_error(L, "rule: more than %d rules", GJ_MAX_RULES);
	if (gj_engine_find(e, id))
		return luaL_error(L, "rule: duplicate id '%s'", id);
	gj_severity sev;
	if (lua_getfield(L, 1, "severity") != LUA_TSTRING ||
	    gj_severity_parse(lua_tostring(L, -1), &sev) != 0)
		return luaL_error(L, "rule '%s': 'severity' must be \"error\", \"warning\" or \"info\"", id);
	if (lua_getfield(L, 1, "check") != LUA_TFUNCTION)
		return luaL_error(L, "rule '%s': 'check' must be a function", id);
	/* the function itself is kept: reading t.check again later would run
	 * the table's __index outside any budget */
	lua_replace(L, 3);                              /* stack: t, id, check */
	lua_settop(L, 3);
	char *title = opt_string_field(L, e, "title");
	char *desc = opt_string_field(L, e, "description");
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
	e->text_bytes = 0;
}

/* ---- modules: require ---- */

/* The module name for a chunk of scope: its own scope's first, then the
 * shared ones (rules/lib), then another pack's.  Names are unique across
 * packs and rules/lib (load_libs refuses a second), so the order matters
 * only for an output script's modules, which come first for it.  -1:
 * none. */
static int resolve(const gj_engine *e, int scope, const char *name)
{
	int shared = -1, other = -1;
	for (int i = 0; i < e->nlib; i++) {
		if (strcmp(e->lib[i].modname, name) != 0)
			continue;
		if (e->lib[i].scope == scope)
			return i;
		if (e->lib[i].scope == 0 && shared < 0)
			shared = i;
		else if (e->lib[i].scope > 0 && other < 0)
			other = i;
	}
	return shared >= 0 ? shared : other;
}

/* A file as messages name it: a bundled pack's from the project's folder
 * (rules/national/t4_sum.lua), wherever gouji is installed. */
static const char *shown(const gj_engine *e, const char *path)
{
	size_t hl = strlen(e->home);
	if (strncmp(path, e->home, hl) == 0 && path[hl] == '/' && strcmp(e->home, ".") != 0)
		return path + hl + 1;
	return path;
}

/* Push require for chunks of scope. */
static void push_require(lua_State *L, gj_engine *e, int scope)
{
	lua_pushlightuserdata(L, e);
	lua_pushinteger(L, scope);
	lua_pushcclosure(L, gj_engine_require, 2);
}

/* The compiled chunk of a source, kept in the registry table at ref
 * (index i + 1); compiled the first time.  Pushes it with a fresh
 * environment holding require (and rule, when rules); 0, or -1 with d
 * set.  L may be a coroutine's thread. */
static int push_chunk(lua_State *L, gj_engine *e, int ref, int i, const gj_source *s,
		      int rules, gj_diag *d)
{
	lua_rawgeti(L, LUA_REGISTRYINDEX, ref);            /* stack: chunks */
	if (lua_rawgeti(L, -1, i + 1) == LUA_TFUNCTION) {
		lua_remove(L, -2);                         /* stack: fn */
		gj_sandbox_fresh_env(e->sb, L);
	} else {
		lua_pop(L, 2);
		char chunk[300];
		snprintf(chunk, sizeof chunk, "@%s", shown(e, s->name));
		if (gj_sandbox_load_on(e->sb, L, s->code, s->len, chunk, d) != 0)
			return -1;
		lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
		lua_pushvalue(L, -2);
		lua_rawseti(L, -2, i + 1);
		lua_pop(L, 1);                             /* stack: fn */
	}
	lua_getupvalue(L, -1, 1);                          /* stack: fn, env */
	if (rules) {
		lua_pushlightuserdata(L, e);
		lua_pushcclosure(L, register_rule, 1);
		lua_setfield(L, -2, "rule");               /* the chunk's own globals */
	}
	push_require(L, e, s->scope);
	lua_setfield(L, -2, "require");
	lua_pop(L, 1);
	return 0;
}

/* require("name"): a module from a pack's lib/ folder, rules/lib, or an
 * output script's lib folder, nothing else (no paths, no C modules).  Each
 * runs once for a report (the cache is emptied by refresh); its value is
 * shared, frozen.  Upvalues: the engine, the requiring chunk's scope. */
int gj_engine_require(lua_State *L)
{
	gj_engine *e = gj_engine_of(L);
	int scope = (int)lua_tointeger(L, lua_upvalueindex(2));
	const char *name = luaL_checkstring(L, 1);
	int i = resolve(e, scope, name);
	if (i < 0)
		return luaL_error(L, "require: no module '%s'", name);
	luaL_checkstack(L, 8, "require");
	lua_rawgeti(L, LUA_REGISTRYINDEX, e->loaded_ref);   /* stack: name, cache */
	if (lua_rawgeti(L, -1, i + 1) != LUA_TNIL)
		return 1;
	lua_pop(L, 1);
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (push_chunk(L, e, e->mods_ref, i, &e->lib[i], 0, &d) != 0)
		return luaL_error(L, "%s", d.message);
	lua_call(L, 0, 1);                                   /* stack: name, cache, value */
	if (lua_type(L, -1) == LUA_TTABLE)
		gj_luaview_freeze(L);
	lua_pushvalue(L, -1);
	lua_rawseti(L, -3, i + 1);
	return 1;
}

/* Run pack file i in the sandbox with rule() in its globals. */
static int run_source(gj_engine *e, int i, gj_diag *d)
{
	lua_State *L = gj_sandbox_lua(e->sb);
	gj_source *s = &e->src[i];
	if (push_chunk(L, e, e->chunks_ref, i, s, 1, d) != 0)
		return -1;
	if (e->rerunning) {
		/* its rules again, in the order it gave them first */
		e->rerun_next = s->rule_first;
		e->rerun_end = s->rule_first + s->rule_count;
		if (gj_sandbox_call(e->sb, 0, 0, d) != 0)
			return -1;
		if (e->rerun_next != s->rule_first + s->rule_count) {
			gj_diag_set(d, 0, 0, "%s registered %d rules when run again, not %d", s->name,
				    e->rerun_next - s->rule_first, s->rule_count);
			return -1;
		}
		return 0;
	}
	s->rule_first = e->nrules;
	int rc = gj_sandbox_call(e->sb, 0, 0, d);
	s->rule_count = e->nrules - s->rule_first;
	return rc;
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
	else if (gj_severity_parse(value, &sev) == 0) {
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

/* The catalogue as a value tree, made once for every engine of the run
 * (it never changes; it lives until the process ends). */
static gj_value *catalogue_tree;
static pthread_once_t catalogue_once = PTHREAD_ONCE_INIT;

static void make_catalogue(void)
{
	catalogue_tree = gj_catalogue_value();
}

static const gj_value *catalogue(void)
{
	pthread_once(&catalogue_once, make_catalogue);
	return catalogue_tree;
}

/* Remember why the engine broke (d's message) and fail: from now on it
 * runs no rule, and each report checked says so. */
static int engine_break(gj_engine *e, const gj_diag *d)
{
	free(e->broken);
	e->broken = gj_xstrdup(d->message);
	return -1;
}

/* Registry tables of a fresh state: rules' check functions, compiled
 * pack files and modules, module values. */
static void new_tables(gj_engine *e, lua_State *L)
{
	int *refs[] = { &e->rules_ref, &e->chunks_ref, &e->mods_ref, &e->loaded_ref };
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
		lua_newtable(L);
		*refs[i] = luaL_ref(L, LUA_REGISTRYINDEX);
	}
}

/* A fresh sandbox with every pack file loaded again.  On failure the
 * engine is broken: it runs no rule any more, and says so. */
int gj_engine_reset(gj_engine *e, gj_diag *d)
{
	gj_sandbox_free(e->sb);
	e->sb = gj_sandbox_new(&e->lim);
	if (!e->sb) {
		gj_diag_set(d, 0, 0, "cannot create a Lua state");
		return engine_break(e, d);
	}
	lua_State *L = gj_sandbox_lua(e->sb);
	/* the domain's globals: text.lua's inner loops, and the national
	 * format's tables (core/catalogue.inc), read-only */
	gj_textcore_open(L);
	gj_sandbox_define(e->sb, "textcore");
	gj_lua_push_frozen(e->sb, catalogue());
	gj_sandbox_define(e->sb, "catalogue");
	new_tables(e, L);
	free_rules(e);
	for (int i = 0; i < e->nsrc; i++)
		if (run_source(e, i, d) != 0)
			return engine_break(e, d);
	for (int i = 0; i < e->nov; i++)
		apply_override(e, e->ov_id[i], e->ov_value[i]);
	free(e->broken);
	e->broken = NULL;
	e->fresh = 1;
	return 0;
}

int gj_engine_refresh(gj_engine *e, gj_diag *d)
{
	if (e->fresh || !e->untrusted)
		return 0;
	lua_State *L = gj_sandbox_lua(e->sb);
	/* the modules of packs not bundled are made again when required */
	lua_rawgeti(L, LUA_REGISTRYINDEX, e->loaded_ref);
	for (int i = 0; i < e->nlib; i++)
		if (!e->lib[i].trusted) {
			lua_pushnil(L);
			lua_rawseti(L, -2, i + 1);
		}
	lua_pop(L, 1);
	e->rerunning = 1;
	int rc = 0;
	for (int i = 0; i < e->nsrc && rc == 0; i++)
		if (!e->src[i].trusted)
			rc = run_source(e, i, d);
	e->rerunning = 0;
	if (rc != 0) {
		/* a state the packs could not all run in again: start afresh */
		gj_diag rd;
		memset(&rd, 0, sizeof rd);
		if (gj_engine_reset(e, &rd) != 0) {
			*d = rd;
			return -1;
		}
		return 0;
	}
	gj_sandbox_reseed(e->sb);
	e->fresh = 1;
	return 0;
}

gj_engine *gj_engine_new(const gj_limits *lim)
{
	gj_engine *e = gj_xcalloc(1, sizeof *e);
	e->params = gj_value_new(GJ_V_OBJ);
	e->home = gj_xstrdup(".");
	e->texts = 1;
	if (lim)
		e->lim = *lim;
	gj_diag d;
	if (gj_engine_reset(e, &d) != 0) {
		gj_engine_free(e);
		return NULL;
	}
	return e;
}

static void free_sources(gj_source *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].modname);
		free(v[i].code);
	}
}

void gj_engine_free(gj_engine *e)
{
	if (!e)
		return;
	gj_sandbox_free(e->sb);
	free_rules(e);
	free_sources(e->src, e->nsrc);
	free(e->src);
	free_sources(e->lib, e->nlib);
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
	free(e->broken);
	free(e);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The NAME.lua files of the folder dir, sorted; NULL when it cannot be
 * opened.  The caller frees each and the list. */
static char **lua_files(const char *dir, int *n)
{
	DIR *dp = opendir(dir);
	*n = 0;
	if (!dp)
		return NULL;
	char **names = gj_xmalloc(sizeof *names);
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".lua") == 0) {
			names = gj_xrealloc(names, (size_t)(*n + 1) * sizeof *names);
			names[(*n)++] = gj_xstrdup(de->d_name);
		}
	}
	closedir(dp);
	qsort(names, (size_t)*n, sizeof *names, cmp_str);
	return names;
}

/* Read file name of folder dir (which it must not lead out of: within)
 * into s; 0, or -1 with d set. */
/* Is path a file bundled with gouji (under HOME/rules)?  Bundled packs
 * keep no state from one report to the next (their tests compare -j1,
 * -j2 and -j4), so only the others are run again for each report. */
static int bundled(const gj_engine *e, const char *path)
{
	gj_buf rules;
	gj_buf_init(&rules);
	gj_buf_addf(&rules, "%s/rules", e->home);
	int yes = gj_walk_within(rules.data, path);
	gj_buf_release(&rules);
	return yes;
}

static int read_source(gj_engine *e, const char *within, const char *dir, const char *name,
		       gj_source *s, gj_diag *d)
{
	memset(s, 0, sizeof *s);
	gj_buf path;
	gj_buf_init(&path);
	gj_buf_addf(&path, "%s/%s", dir, name);
	s->name = gj_buf_detach(&path, NULL);
	gj_diag why;
	memset(&why, 0, sizeof why);
	s->code = gj_read_file_in(within, s->name, GJ_MAX_PACK_FILE, &s->len, &why);
	if (!s->code) {
		gj_diag_set(d, 0, 0, "cannot read '%s': %s", s->name, why.message);
		free(s->name);
		return -1;
	}
	s->trusted = bundled(e, s->name);
	e->untrusted |= !s->trusted;
	return 0;
}

int gj_engine_load_libs(gj_engine *e, const char *within, const char *dir, int scope,
			gj_diag *d)
{
	if (scope < 0) {
		/* an output script's modules replace the last script's */
		int kept = 0;
		for (int i = 0; i < e->nlib; i++)
			if (e->lib[i].scope < 0)
				free_sources(&e->lib[i], 1);
			else
				e->lib[kept++] = e->lib[i];
		e->nlib = kept;
	}
	int n, rc = 0;
	char **names = lua_files(dir, &n);
	for (int i = 0; i < n && rc == 0; i++) {
		gj_source m;
		if (read_source(e, within, dir, names[i], &m, d) != 0) {
			rc = -1;
			break;
		}
		m.modname = gj_xstrndup(names[i], strlen(names[i]) - 4);
		m.scope = scope;
		for (int k = 0; k < e->nlib && scope >= 0; k++)
			if (e->lib[k].scope >= 0 && strcmp(e->lib[k].modname, m.modname) == 0) {
				gj_diag_set(d, 0, 0, "module '%s' of '%s' has the name of '%s': "
					    "modules of two packs must have different names",
					    m.modname, shown(e, m.name), shown(e, e->lib[k].name));
				free_sources(&m, 1);
				rc = -1;
				break;
			}
		if (rc == 0) {
			e->lib = gj_xrealloc(e->lib, (size_t)(e->nlib + 1) * sizeof *e->lib);
			e->lib[e->nlib++] = m;
		}
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* The pack in folder dir: its lib/ modules, then its rule files, in name
 * order, each run as it is read. */
static int load_rule_files(gj_engine *e, const char *dir, int scope, gj_diag *d)
{
	gj_buf lib;
	gj_buf_init(&lib);
	gj_buf_addf(&lib, "%s/lib", dir);
	int rc = gj_engine_load_libs(e, dir, lib.data, scope, d);
	gj_buf_release(&lib);
	if (rc != 0)
		return -1;
	int n;
	char **names = lua_files(dir, &n);
	if (!names) {
		gj_diag_set(d, 0, 0, "cannot open rule pack '%s'", dir);
		return -1;
	}
	for (int i = 0; i < n && rc == 0; i++) {
		gj_source s;
		if (read_source(e, dir, dir, names[i], &s, d) != 0) {
			rc = -1;
			break;
		}
		s.scope = scope;
		e->src = gj_xrealloc(e->src, (size_t)(e->nsrc + 1) * sizeof *e->src);
		e->src[e->nsrc++] = s;
		rc = run_source(e, e->nsrc - 1, d);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

void gj_engine_set_detail(gj_engine *e, int on)
{
	e->detail = on;
}

void gj_engine_set_per_report(gj_engine *e, int on)
{
	e->per_report = on;
}

void gj_engine_set_texts(gj_engine *e, int keep)
{
	e->texts = keep;
}

int gj_engine_set_home(gj_engine *e, const char *home, gj_diag *d)
{
	free(e->home);
	e->home = gj_xstrdup(home);
	/* modules every pack and script may require: rules/lib */
	gj_buf lib;
	gj_buf_init(&lib);
	gj_buf_addf(&lib, "%s/rules/lib", home);
	int rc = gj_engine_load_libs(e, lib.data, lib.data, 0, d);
	gj_buf_release(&lib);
	return rc;
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

	int scope = e->npacks;              /* this pack's modules and files */
	char mpath[4200];
	snprintf(mpath, sizeof mpath, "%s/pack.yaml", dir);
	size_t mlen;
	gj_diag why;
	memset(&why, 0, sizeof why);
	char *mtext = gj_read_file_in(dir, mpath, GJ_MAX_PACK_FILE, &mlen, &why);
	if (!mtext && errno != ENOENT) {
		gj_diag_set(d, 0, 0, "cannot read '%s': %s", mpath, why.message);
		return -1;
	}
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
	int rc = load_rule_files(e, dir, scope, d);
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

int gj_engine_reads(const gj_engine *e, const char *target)
{
	for (int i = 0; i < e->npacks; i++)
		if (gj_walk_within(e->packs[i], target))
			return 1;
	gj_buf lib;
	gj_buf_init(&lib);
	gj_buf_addf(&lib, "%s/rules/lib", e->home);
	int hit = gj_walk_within(lib.data, target);
	gj_buf_release(&lib);
	return hit;
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

