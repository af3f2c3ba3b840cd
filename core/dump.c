/*
 * dump.c — print the data model.  The report is first turned into a small
 * tree of values (objects keep their key order, so output is deterministic),
 * then written as JSON or as block YAML.  Strings in YAML are always
 * double-quoted: a title like "2024: 年度报告" or "no" stays a string.
 */
#include "dump.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef gj_vtype vtype;
#define V_NULL GJ_V_NULL
#define V_BOOL GJ_V_BOOL
#define V_NUM GJ_V_NUM
#define V_STR GJ_V_STR
#define V_ARR GJ_V_ARR
#define V_OBJ GJ_V_OBJ

typedef struct gj_value value;
struct gj_value {
	vtype type;
	int b;
	double num;
	char *str;        /* V_STR: owned */
	int n, cap;
	char **keys;      /* V_OBJ: owned */
	value **items;    /* V_ARR, V_OBJ: owned */
};

static value *v_new(vtype t)
{
	value *v = gj_xcalloc(1, sizeof *v);
	v->type = t;
	return v;
}

static value *v_str(const char *s)
{
	if (!s)
		return v_new(V_NULL);
	value *v = v_new(V_STR);
	v->str = gj_xstrdup(s);
	return v;
}

static value *v_num(double d)
{
	value *v = v_new(V_NUM);
	v->num = d;
	return v;
}

static value *v_int_or_null(int i)
{
	return i ? v_num(i) : v_new(V_NULL);
}

static value *v_bool(int b)
{
	value *v = v_new(V_BOOL);
	v->b = b;
	return v;
}

static void v_push(value *v, const char *key, value *item)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->items = gj_xrealloc(v->items, (size_t)v->cap * sizeof *v->items);
		if (v->type == V_OBJ)
			v->keys = gj_xrealloc(v->keys, (size_t)v->cap * sizeof *v->keys);
	}
	if (v->type == V_OBJ)
		v->keys[v->n] = gj_xstrdup(key);
	v->items[v->n++] = item;
}

/* The member of object v named key, or NULL. */
static value *v_get(value *v, const char *key)
{
	for (int i = 0; i < v->n; i++)
		if (strcmp(v->keys[i], key) == 0)
			return v->items[i];
	return NULL;
}

static void v_free(value *v)
{
	if (!v)
		return;
	for (int i = 0; i < v->n; i++) {
		v_free(v->items[i]);
		if (v->type == V_OBJ)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->str);
	free(v);
}

const char *gj_status_name(gj_status s)
{
	switch (s) {
	case GJ_OK: return "ok";
	case GJ_INFERRED: return "inferred";
	case GJ_MISSING: return "missing";
	case GJ_AMBIGUOUS: return "ambiguous";
	case GJ_BLANK: return "blank";
	default: return "absent";
	}
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

void gj_json_string(gj_buf *out, const char *s, size_t len)
{
	gj_buf_addc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': gj_buf_adds(out, "\\\""); break;
		case '\\': gj_buf_adds(out, "\\\\"); break;
		case '\n': gj_buf_adds(out, "\\n"); break;
		case '\t': gj_buf_adds(out, "\\t"); break;
		case '\r': gj_buf_adds(out, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7F)
				gj_buf_addf(out, "\\u%04x", c);
			else
				gj_buf_addc(out, (char)c);
		}
	}
	gj_buf_addc(out, '"');
}

void gj_number(gj_buf *out, double v)
{
	if (isnan(v) || isinf(v)) {
		gj_buf_adds(out, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15)
		gj_buf_addf(out, "%.0f", v);
	else
		gj_buf_addf(out, "%.15g", v);
}

static void indent(gj_buf *out, int n)
{
	for (int i = 0; i < n; i++)
		gj_buf_adds(out, "  ");
}

static void write_json(const value *v, gj_buf *out, int depth)
{
	switch (v->type) {
	case V_NULL: gj_buf_adds(out, "null"); break;
	case V_BOOL: gj_buf_adds(out, v->b ? "true" : "false"); break;
	case V_NUM: gj_number(out, v->num); break;
	case V_STR: gj_json_string(out, v->str, strlen(v->str)); break;
	case V_ARR:
	case V_OBJ:
		if (v->n == 0) {
			gj_buf_adds(out, v->type == V_ARR ? "[]" : "{}");
			break;
		}
		gj_buf_addc(out, v->type == V_ARR ? '[' : '{');
		for (int i = 0; i < v->n; i++) {
			gj_buf_adds(out, i ? ",\n" : "\n");
			indent(out, depth + 1);
			if (v->type == V_OBJ) {
				gj_json_string(out, v->keys[i], strlen(v->keys[i]));
				gj_buf_adds(out, ": ");
			}
			write_json(v->items[i], out, depth + 1);
		}
		gj_buf_addc(out, '\n');
		indent(out, depth);
		gj_buf_addc(out, v->type == V_ARR ? ']' : '}');
		break;
	}
}

static int plain_key(const char *k)
{
	if (!*k)
		return 0;
	for (const char *p = k; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '_' || *p == '.'))
			return 0;
	return 1;
}

static int is_scalar(const value *v)
{
	return v->type != V_ARR && v->type != V_OBJ ? 1 : v->n == 0;
}

static void write_yaml_scalar(const value *v, gj_buf *out)
{
	if (v->type == V_STR)
		gj_json_string(out, v->str, strlen(v->str));  /* JSON strings are YAML */
	else
		write_json(v, out, 0);
}

static void write_yaml(const value *v, gj_buf *out, int depth)
{
	for (int i = 0; i < v->n; i++) {
		const value *it = v->items[i];
		indent(out, depth);
		if (v->type == V_OBJ) {
			if (plain_key(v->keys[i]))
				gj_buf_adds(out, v->keys[i]);
			else
				gj_json_string(out, v->keys[i], strlen(v->keys[i]));
			gj_buf_addc(out, ':');
			if (is_scalar(it)) {
				gj_buf_addc(out, ' ');
				write_yaml_scalar(it, out);
				gj_buf_addc(out, '\n');
			} else {
				gj_buf_addc(out, '\n');
				write_yaml(it, out, depth + 1);
			}
		} else {
			gj_buf_adds(out, "-");
			if (is_scalar(it)) {
				gj_buf_addc(out, ' ');
				write_yaml_scalar(it, out);
				gj_buf_addc(out, '\n');
			} else if (it->type == V_OBJ) {
				/* "- key: value" with the rest aligned under it */
				gj_buf_addc(out, '\n');
				write_yaml(it, out, depth + 1);
			} else {
				gj_buf_addc(out, '\n');
				write_yaml(it, out, depth + 1);
			}
		}
	}
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

gj_value *gj_value_new(gj_vtype t)
{
	return v_new(t);
}

gj_value *gj_value_new_num(double d)
{
	return v_num(d);
}

gj_value *gj_value_new_str(const char *s)
{
	return v_str(s);
}

gj_value *gj_value_new_bool(int b)
{
	return v_bool(b);
}

void gj_value_push(gj_value *v, const char *key, gj_value *item)
{
	v_push(v, key, item);
}

const gj_value *gj_value_get(const gj_value *v, const char *key)
{
	if (!v || v->type != V_OBJ)
		return NULL;
	return v_get((value *)v, key);
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

void gj_value_free(gj_value *v)
{
	v_free(v);
}

gj_vtype gj_value_type(const gj_value *v)
{
	return v->type;
}

int gj_value_bool(const gj_value *v)
{
	return v->b;
}

double gj_value_num(const gj_value *v)
{
	return v->num;
}

const char *gj_value_str(const gj_value *v)
{
	return v->str;
}

int gj_value_len(const gj_value *v)
{
	return v->n;
}

const char *gj_value_key(const gj_value *v, int i)
{
	return v->type == V_OBJ ? v->keys[i] : NULL;
}

const gj_value *gj_value_item(const gj_value *v, int i)
{
	return v->items[i];
}

void gj_dump_report(const gj_report *r, gj_dump_format f, gj_buf *out)
{
	if (f == GJ_DUMP_CELLS) {
		dump_cells(r, out);
		return;
	}
	value *root = build(r, 1);
	if (f == GJ_DUMP_JSON) {
		write_json(root, out, 0);
		gj_buf_addc(out, '\n');
	} else {
		gj_buf_adds(out, "---\n");
		write_yaml(root, out, 0);
	}
	v_free(root);
}
