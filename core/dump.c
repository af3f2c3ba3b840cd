/*
 * dump.c — print the data model.  The report is first turned into a tree
 * of values (value.h: objects keep their key order, so output is
 * deterministic), then written as JSON or as block YAML, or its cells one
 * per line.
 */
#include "dump.h"

#include <string.h>

typedef gj_vtype vtype;
#define V_NULL GJ_V_NULL
#define V_BOOL GJ_V_BOOL
#define V_NUM GJ_V_NUM
#define V_STR GJ_V_STR
#define V_ARR GJ_V_ARR
#define V_OBJ GJ_V_OBJ

/* Short names for building the tree (value.h): the tree is dump.c's own
 * until it is handed out, so v_get may give a member to change. */
typedef gj_value value;
static value *v_new(vtype t) { return gj_value_new(t); }
static value *v_str(const char *s) { return gj_value_new_str(s); }
static value *v_num(double d) { return gj_value_new_num(d); }
static value *v_bool(int b) { return gj_value_new_bool(b); }
static void v_push(value *v, const char *key, value *item) { gj_value_push(v, key, item); }
static void v_free(value *v) { gj_value_free(v); }
static value *v_get(value *v, const char *key) { return (value *)gj_value_get(v, key); }

static value *v_int_or_null(int i)
{
	return i ? v_num(i) : v_new(V_NULL);
}

/* full: 0 the summary, 1 everything, 2 everything but the cells' details
 * (Lua makes those as rules read them) */
static value *build(const gj_report *r, int full)
{
	value *root = v_new(V_OBJ);
	v_push(root, "title", v_str(r->title));
	v_push(root, "agency", v_str(r->agency));
	v_push(root, "year", v_int_or_null(r->year));
	v_push(root, "format", v_str(gj_format_name(r->format)));
	v_push(root, "published", v_str(r->published));
	if (r->preamble) {
		value *pre = v_new(V_OBJ);
		v_push(pre, "line", v_num(r->preamble_line));
		v_push(pre, "text", v_str(r->preamble));
		v_push(root, "preamble", pre);
	} else {
		v_push(root, "preamble", v_new(V_NULL));
	}

	value *src = v_new(V_OBJ);
	v_push(src, "path", v_str(r->source_path));
	v_push(src, "kind", v_str(r->source_kind));
	v_push(src, "encoding", v_str(r->encoding));
	v_push(root, "source", src);

	value *secs = full ? v_new(V_ARR) : NULL;
	for (int i = 0; full && i < r->nsections; i++) {
		const gj_section *s = &r->sections[i];
		value *o = v_new(V_OBJ);
		v_push(o, "number", v_num(s->number));
		v_push(o, "title", v_str(s->title));
		v_push(o, "exact", v_bool(s->exact));
		v_push(o, "line", v_num(s->line));
		v_push(o, "end_line", v_num(s->end_line));
		v_push(o, "text", v_str(s->text ? s->text : ""));
		value *ps = v_new(V_ARR);
		for (int k = 0; k < s->nparagraphs; k++) {
			value *p = v_new(V_OBJ);
			v_push(p, "line", v_num(s->paragraph_lines[k]));
			v_push(p, "text", v_str(s->paragraphs[k]));
			v_push(ps, NULL, p);
		}
		v_push(o, "paragraphs", ps);
		/* the tables in the part's text: [start, stop] as Lua's
		 * string.sub counts, so text:sub(start, stop) is the table */
		static const char *const tname[3] = { "active", "requests", "appeals" };
		value *ts = v_new(V_ARR);
		for (int k = 0; k < s->ntables; k++) {
			value *tv = v_new(V_OBJ);
			v_push(tv, "table", v_str(tname[s->tables[k].table]));
			v_push(tv, "start", v_num((double)s->tables[k].start + 1));
			v_push(tv, "stop", v_num((double)s->tables[k].end));
			v_push(ts, NULL, tv);
		}
		v_push(o, "tables", ts);
		v_push(secs, NULL, o);
	}
	if (full)
		v_push(root, "sections", secs);

	/* tables: rows and columns in catalogue order */
	static const char *const tnames[3] = { "active", "requests", "appeals" };
	value *tables = v_new(V_OBJ);
	value *tv[3];
	for (int k = 0; k < 3; k++) {
		tv[k] = v_new(V_OBJ);
		v_push(tables, tnames[k], tv[k]);
	}
	/* the cells printed blank, shaped like tables (their values are null
	 * there): scripts show them as 空白, not 不可读 */
	value *blanks = v_new(V_OBJ);
	value *bv[3] = { NULL, NULL, NULL };
	value *cells = v_new(V_OBJ);
	int unreadable = 0, blank = 0;
	for (int i = 0; i < gj_ncell_specs; i++) {
		const gj_cell_spec *sp = &gj_cell_specs[i];
		const gj_cell *c = &r->cells[i];
		if (c->status == GJ_ABSENT)
			continue;
		value *row = v_get(tv[sp->table], sp->row);
		if (!row) {
			row = v_new(V_OBJ);
			v_push(tv[sp->table], sp->row, row);
		}
		int has = c->status == GJ_OK || c->status == GJ_INFERRED;
		v_push(row, sp->column, has ? v_num(c->value) : v_new(V_NULL));
		blank += c->status == GJ_BLANK;
		if (c->status == GJ_BLANK) {
			if (!bv[sp->table]) {
				bv[sp->table] = v_new(V_OBJ);
				v_push(blanks, tnames[sp->table], bv[sp->table]);
			}
			value *brow = v_get(bv[sp->table], sp->row);
			if (!brow) {
				brow = v_new(V_OBJ);
				v_push(bv[sp->table], sp->row, brow);
			}
			v_push(brow, sp->column, v_bool(1));
		}
		unreadable += !has && c->status != GJ_BLANK;
		if (full != 1)
			continue;

		value *cv = v_new(V_OBJ);
		v_push(cv, "status", v_str(gj_status_name(c->status)));
		v_push(cv, "line", v_num(c->line));
		v_push(cv, "column", v_num(c->column));
		v_push(cv, "raw", v_str(c->raw));
		value *cand = v_new(V_ARR);
		for (int k = 0; k < c->ncandidates; k++)
			v_push(cand, NULL, v_num(c->candidates[k]));
		v_push(cv, "candidates", cand);
		if (c->why)
			v_push(cv, "why", v_str(c->why));
		if (c->code)
			v_push(cv, "code", v_str(c->code));
		v_push(cells, sp->path, cv);
	}
	v_push(root, "tables", tables);
	v_push(root, "unreadable", v_num(unreadable));
	v_push(root, "blank", v_num(blank));
	v_push(root, "blanks", blanks);
	if (full != 1)
		v_free(cells);
	if (!full)
		return root;
	if (full == 1)
		v_push(root, "cells", cells);

	value *notes = v_new(V_ARR);
	for (int i = 0; i < r->nnotes; i++) {
		value *o = v_new(V_OBJ);
		v_push(o, "line", v_num(r->notes[i].line));
		v_push(o, "message", v_str(r->notes[i].message));
		v_push(notes, NULL, o);
	}
	v_push(root, "notes", notes);
	return root;
}

static void dump_cells(const gj_report *r, gj_buf *out)
{
	for (int i = 0; i < gj_ncell_specs; i++) {
		const gj_cell *c = &r->cells[i];
		if (c->status == GJ_ABSENT)
			continue;
		gj_buf_adds(out, gj_cell_specs[i].path);
		gj_buf_addc(out, '\t');
		gj_buf_adds(out, gj_status_name(c->status));
		gj_buf_addc(out, '\t');
		if (c->status == GJ_OK || c->status == GJ_INFERRED)
			gj_number(out, c->value);
		else
			gj_buf_addc(out, '-');
		gj_buf_addf(out, "\t%d:%d\t", c->line, c->column);
		if (c->raw) {
			for (const char *p = c->raw; *p; p++)
				gj_buf_addc(out, *p == '\n' || *p == '\t' ? ' ' : *p);
		} else {
			gj_buf_addc(out, '-');
		}
		gj_buf_addc(out, '\t');
		for (int k = 0; k < c->ncandidates; k++) {
			if (k)
				gj_buf_addc(out, ',');
			gj_number(out, c->candidates[k]);
		}
		if (c->ncandidates == 0)
			gj_buf_addc(out, '-');
		gj_buf_addc(out, '\n');
	}
}

gj_value *gj_report_value(const gj_report *r)
{
	return build(r, 1);
}

gj_value *gj_report_value_nocells(const gj_report *r)
{
	return build(r, 2);
}

gj_value *gj_report_summary(const gj_report *r)
{
	return build(r, 0);
}

void gj_dump_report(const gj_report *r, gj_dump_format f, gj_buf *out)
{
	if (f == GJ_DUMP_CELLS) {
		dump_cells(r, out);
		return;
	}
	value *root = build(r, 1);
	if (f == GJ_DUMP_JSON) {
		gj_value_write_json(root, out);
		gj_buf_addc(out, '\n');
	} else {
		gj_buf_adds(out, "---\n");
		gj_value_write_yaml(root, out);
	}
	v_free(root);
}
