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
#include "yamlrd.h"

#include <dirent.h>
#include <pthread.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

gj_engine *gj_engine_of(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

static char *opt_string_field(lua_State *L, const char *key)
{
	char *s = NULL;
	if (lua_getfield(L, 1, key) == LUA_TSTRING) {
		if (lua_rawlen(L, -1) > GJ_MAX_RULE_TEXT)
			luaL_error(L, "rule: '%s' longer than %d bytes", key, (int)GJ_MAX_RULE_TEXT);
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
	gj_engine *e = gj_engine_of(L);
	luaL_checktype(L, 1, LUA_TTABLE);
	if (lua_getfield(L, 1, "id") != LUA_TSTRING || lua_rawlen(L, -1) == 0)
		return luaL_error(L, "rule: 'id' must be a non-empty string");
	if (lua_rawlen(L, -1) > 256)
		return luaL_error(L, "rule: 'id' longer than 256 bytes");
	if (e->nrules >= GJ_MAX_RULES)
		return luaL_error(L, "rule: more than %d rules", GJ_MAX_RULES);
	const char *id = lua_tostring(L, -1);
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
int gj_engine_require(lua_State *L)
{
	gj_engine *e = gj_engine_of(L);
	const char *name = luaL_checkstring(L, 1);
	lua_rawgeti(L, LUA_REGISTRYINDEX, e->loaded_ref);   /* stack: name, cache */
	if (lua_getfield(L, -1, name) != LUA_TNIL)
		return 1;
	lua_pop(L, 1);
	const gj_source *m = NULL;
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
	lua_pushcclosure(L, gj_engine_require, 1);
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
static int run_source(gj_engine *e, const gj_source *s, gj_diag *d)
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
	lua_pushcclosure(L, gj_engine_require, 1);
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

/* A fresh sandbox with every pack file loaded again. */
int gj_engine_reset(gj_engine *e, gj_diag *d)
{
	gj_sandbox_free(e->sb);
	e->sb = gj_sandbox_new(&e->lim);
	if (!e->sb) {
		gj_diag_set(d, 0, 0, "cannot create a Lua state");
		return -1;
	}
	lua_State *L = gj_sandbox_lua(e->sb);
	/* the domain's globals: text.lua's inner loops, and the national
	 * format's tables (core/catalogue.inc), read-only */
	gj_textcore_open(L);
	gj_sandbox_define(e->sb, "textcore");
	gj_lua_push_frozen(e->sb, catalogue());
	gj_sandbox_define(e->sb, "catalogue");
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
	if (gj_engine_reset(e, &d) != 0) {
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
void gj_engine_load_libs(gj_engine *e, const char *dir, const char *sub)
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
			gj_source m;
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
	gj_engine_load_libs(e, dir, "/lib");
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
		gj_source s;
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

void gj_engine_set_detail(gj_engine *e, int on)
{
	e->detail = on;
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
	gj_engine_load_libs(e, home, "/rules/lib");
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

