/*
 * engine_script.c — output scripts: a script runs in a fresh sandbox (the
 * rules may have left theirs spent or full) with emit, require and
 * markdown_html, over the run: every finding at the end of a check
 * (gj_engine_render), one report at a time (streaming scripts), or a value
 * tree of its own (gouji diff).  What it emits is capped and the cap is
 * sticky: a script that catches the cap's error still fails.
 */
#include "engine_int.h"
#include "luabridge.h"
#include "luaview.h"
#include "md.h"
#include "version.h"
#include "xlsx.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int emit(lua_State *L)
{
	gj_engine *e = gj_engine_of(L);
	int n = lua_gettop(L);
	for (int i = 1; i <= n; i++) {
		size_t len;
		const char *s = luaL_checklstring(L, i, &len);
		if (e->out_over || e->emitted + len > GJ_MAX_OUTPUT) {
			e->out_over = 1;
			return luaL_error(L, "emit: output larger than %d bytes", (int)GJ_MAX_OUTPUT);
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

/* run.rules, run.color, run.html and run.version into the table on top */
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
	lua_pushliteral(L, GJ_VERSION);
	lua_setfield(L, -2, "version");
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
	if (gj_engine_reset(e, d) != 0)
		return -1;
	if (lib_dir && gj_engine_load_libs(e, lib_dir, lib_dir, -1, d) != 0)
		return -1;
	char chunk[300];
	snprintf(chunk, sizeof chunk, "@%s", name);
	if (gj_sandbox_load(e->sb, script, len, chunk, d) != 0)
		return -1;
	lua_State *L = gj_sandbox_lua(e->sb);
	lua_getupvalue(L, -1, 1);                 /* stack: script, env */
	lua_pushlightuserdata(L, e);
	lua_pushinteger(L, -1);                   /* the script's modules first */
	lua_pushcclosure(L, gj_engine_require, 2);
	lua_setfield(L, -2, "require");
	lua_pushcfunction(L, markdown_html);
	lua_setfield(L, -2, "markdown_html");
	lua_pushcfunction(L, gj_xlsx_book);
	lua_setfield(L, -2, "xlsx_book");
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
		gj_diag_set(d, 0, 0, "emit: output larger than %d bytes", (int)GJ_MAX_OUTPUT);
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
	gj_engine *e = gj_engine_of(L);
	const char *k = lua_tostring(L, 2);
	if (k && (strcmp(k, "findings") == 0 || strcmp(k, "failures") == 0 ||
		  strcmp(k, "reports") == 0)) {
		e->whole_run = 1;
		return luaL_error(L, "run.%s is only there at the end of the run", k);
	}
	return 0;
}

/* value.report, value.finish and value.detail of what a streaming
 * script's chunk returned (nils for anything but a table) */
static int read_handlers(lua_State *L)
{
	if (lua_type(L, 1) != LUA_TTABLE) {
		lua_pushnil(L);
		lua_pushnil(L);
		lua_pushnil(L);
		return 3;
	}
	lua_getfield(L, 1, "report");
	lua_getfield(L, 1, "finish");
	lua_getfield(L, 1, "detail");
	lua_pushboolean(L, lua_toboolean(L, -1));   /* a boolean, whatever it was */
	lua_replace(L, -2);
	return 3;
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
	/* streaming: the chunk returned { report = function … end }.  Its
	 * table is the script's: reading it may run its metamethods, so it
	 * is read once, in a budgeted call, and only the functions kept */
	lua_pushcfunction(L, read_handlers);
	lua_insert(L, -2);                        /* stack: read_handlers, value */
	if (gj_sandbox_call(e->sb, 1, 3, d) != 0) {
		lua_settop(L, 0);
		gj_buf_release(&scratch);
		return -1;
	}                                         /* stack: report, finish, detail */
	if (lua_type(L, -3) != LUA_TFUNCTION) {
		lua_settop(L, 0);
		gj_buf_release(&scratch);
		return 0;
	}
	lua_createtable(L, 0, 3);
	lua_insert(L, -4);                        /* stack: handlers, report, finish, detail */
	lua_setfield(L, -4, "detail");            /* stack: handlers, report, finish */
	if (lua_type(L, -1) != LUA_TFUNCTION) {
		lua_pushnil(L);
		lua_replace(L, -2);
	}
	lua_setfield(L, -3, "finish");
	lua_setfield(L, -2, "report");
	e->stream_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	lua_settop(L, 0);
	/* what the top level emitted comes first */
	gj_buf_add(out, scratch.data ? scratch.data : "", scratch.len);
	gj_buf_release(&scratch);
	return 1;
}

/* Call handlers[name](args…) pushed above it; nargs arguments.  The
 * handlers table is gouji's own: reading it runs nothing of the script. */
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

int gj_engine_stream_detail(gj_engine *e)
{
	if (!e->stream_ref)
		return 0;
	lua_State *L = gj_sandbox_lua(e->sb);
	lua_rawgeti(L, LUA_REGISTRYINDEX, e->stream_ref);    /* stream */
	int on = lua_getfield(L, -1, "detail") != LUA_TNIL && lua_toboolean(L, -1);
	lua_pop(L, 2);
	return on;
}

