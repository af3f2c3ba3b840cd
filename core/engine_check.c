/*
 * engine_check.c — running the rules on a report: each enabled rule's
 * check(report, add, params, previous) in the sandbox, one failing rule
 * never stopping the others; add{…} turns a data path or a span of text
 * into the finding's place in the report (file:line:column).
 */
#include "engine_int.h"
#include "detail.h"
#include "dump.h"
#include "luabridge.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Where a data path is in the report: a cell's own place, a section's
 * heading ("sections.5"), or the table's first line. */
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
	gj_engine *e = gj_engine_of(L);
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
	    gj_severity_parse(lua_tostring(L, -1), &sev) != 0)
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
	if (e->call_bytes + bytes > GJ_MAX_CALL_FINDINGS)
		return luaL_error(L, "add: findings of one rule on one report larger than %d bytes",
				  (int)GJ_MAX_CALL_FINDINGS);
	if (e->all_bytes + bytes > GJ_MAX_ALL_FINDINGS)
		return luaL_error(L, e->per_report ? "add: findings of one report larger than %d bytes"
						   : "add: findings larger than %d bytes in all",
				  (int)GJ_MAX_ALL_FINDINGS);
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

/* The report's failure when no rule can run on it. */
static void fail_all(gj_engine *e, const gj_report *r, gj_results *res)
{
	gj_buf msg;
	gj_buf_init(&msg);
	gj_buf_addf(&msg, "no rule ran: the rule packs could not be run again: %s", e->broken);
	gj_results_fail(res, r->source_path, "*", msg.data);
	gj_buf_release(&msg);
}

void gj_engine_check(gj_engine *e, const gj_report *r, const gj_report *prev,
		     gj_results *res)
{
	e->report = r;
	e->res = res;
	if (e->per_report)
		e->all_bytes = 0;
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (e->broken || gj_engine_refresh(e, &d) != 0) {
		fail_all(e, r, res);
		goto done;
	}
	lua_State *L = gj_sandbox_lua(e->sb);
	gj_lua_report *report_h, *prev_h;
	int report_ref = ref_report(e, r, &report_h);
	int prev_ref = ref_report(e, prev, &prev_h);
	gj_lua_push_frozen(e->sb, e->params);
	int params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	for (int i = 0; i < e->nrules; i++) {
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
		gj_results_drop(res, before);
		e->all_bytes -= e->call_bytes;
		gj_results_fail(res, r->source_path, e->rules[i].id, d.message);
		if (gj_sandbox_spent(e->sb)) {
			/* a limit was hit: this state is done; go on in a new one
			 * (the old state, and the report's handles in it, are gone) */
			int more = i + 1 < e->nrules;   /* rules still to run */
			if (gj_engine_reset(e, &d) != 0) {
				if (more)
					fail_all(e, r, res);
				goto done;
			}
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
done:
	res->reports = gj_xrealloc(res->reports,
		(size_t)(res->nreports + 1) * sizeof *res->reports);
	res->reports[res->nreports++] = e->detail ? gj_report_detail(r) : gj_report_summary(r);
	e->fresh = 0;
	e->report = NULL;
	e->res = NULL;
}

