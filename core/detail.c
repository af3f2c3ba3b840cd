/*
 * detail.c — the report in full for output scripts that draw it
 * (detail.h).  The tree is the dump's (gj_report_value), copied with the
 * additions put in place, so a key the model gains reaches the scripts
 * without a change here.
 */
#include "detail.h"

#include <stdlib.h>
#include <string.h>

void gj_report_find_pages(gj_report *r, const char *text, size_t len)
{
	int line = 1, cap = 16;
	free(r->page_lines);
	r->page_lines = gj_xmalloc((size_t)cap * sizeof *r->page_lines);
	r->page_lines[0] = 1;
	r->npages = 1;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n') {
			line++;
			continue;
		}
		/* a form feed starts a page, unless nothing follows it */
		if (text[i] != '\f' || i + 1 >= len || (i + 2 >= len && text[i + 1] == '\n'))
			continue;
		if (r->page_lines[r->npages - 1] == line)
			continue;       /* an empty page: the same line */
		if (r->npages == cap) {
			cap *= 2;
			r->page_lines = gj_xrealloc(r->page_lines, (size_t)cap * sizeof *r->page_lines);
		}
		r->page_lines[r->npages++] = line;
	}
}

int gj_report_page_of(const gj_report *r, int line)
{
	int page = 0;
	for (int i = 0; i < r->npages && r->page_lines[i] <= line; i++)
		page = i + 1;
	return line > 0 ? page : 0;
}

static gj_value *num(double d)
{
	return gj_value_new_num(d);
}

static gj_value *str_or_null(const char *s)
{
	return s ? gj_value_new_str(s) : gj_value_new(GJ_V_NULL);
}

static gj_value *copy(const gj_value *v);

/* the members of an object or the items of an array, appended to out */
static void copy_members(gj_value *out, const gj_value *v)
{
	int is_obj = gj_value_type(v) == GJ_V_OBJ;
	for (int i = 0; i < gj_value_len(v); i++)
		gj_value_push(out, is_obj ? gj_value_key(v, i) : NULL, copy(gj_value_item(v, i)));
}

static gj_value *copy(const gj_value *v)
{
	switch (gj_value_type(v)) {
	case GJ_V_BOOL: return gj_value_new_bool(gj_value_bool(v));
	case GJ_V_NUM: return num(gj_value_num(v));
	case GJ_V_STR: return gj_value_new_str(gj_value_str(v));
	case GJ_V_ARR:
	case GJ_V_OBJ: {
		gj_value *out = gj_value_new(gj_value_type(v));
		copy_members(out, v);
		return out;
	}
	default: return gj_value_new(GJ_V_NULL);
	}
}

/* one paragraph with its pieces */
static gj_value *paragraph(const gj_value *p, const gj_section *s, int k)
{
	gj_value *out = gj_value_new(GJ_V_OBJ);
	copy_members(out, p);
	gj_value *pieces = gj_value_new(GJ_V_ARR);
	for (int i = 0; s->pieces && s->pieces[k] && i < s->npieces[k]; i++) {
		const gj_piece *pc = &s->pieces[k][i];
		gj_value *o = gj_value_new(GJ_V_OBJ);
		gj_value_push(o, "offset", num((double)pc->off + 1));
		gj_value_push(o, "line", num(pc->line));
		gj_value_push(o, "column", num(pc->column));
		gj_value_push(pieces, NULL, o);
	}
	gj_value_push(out, "pieces", pieces);
	return out;
}

static gj_value *section(const gj_value *sv, const gj_section *s)
{
	gj_value *out = gj_value_new(GJ_V_OBJ);
	for (int i = 0; i < gj_value_len(sv); i++) {
		const char *key = gj_value_key(sv, i);
		const gj_value *item = gj_value_item(sv, i);
		if (strcmp(key, "paragraphs") != 0 || gj_value_type(item) != GJ_V_ARR) {
			gj_value_push(out, key, copy(item));
			continue;
		}
		gj_value *ps = gj_value_new(GJ_V_ARR);
		for (int k = 0; k < gj_value_len(item); k++)
			gj_value_push(ps, NULL, k < s->nparagraphs
				      ? paragraph(gj_value_item(item, k), s, k)
				      : copy(gj_value_item(item, k)));
		gj_value_push(out, key, ps);
	}
	return out;
}

static const char *const table_names[3] = { "active", "requests", "appeals" };

static gj_value *cell(const gj_value *cv, const gj_report *r, const char *path)
{
	gj_value *out = gj_value_new(GJ_V_OBJ);
	copy_members(out, cv);
	int i = gj_cell_index(path);
	if (i < 0)
		return out;
	const gj_cell_spec *sp = &gj_cell_specs[i];
	const gj_cell *c = &r->cells[i];
	const char *row_label = NULL, *column_label = NULL;
	gj_cell_labels(i, r->format, &row_label, &column_label);
	gj_value_push(out, "table", gj_value_new_str(table_names[sp->table]));
	gj_value_push(out, "row", gj_value_new_str(sp->row));
	gj_value_push(out, "column_key", gj_value_new_str(sp->column));
	gj_value_push(out, "row_label", str_or_null(row_label));
	gj_value_push(out, "column_label", str_or_null(column_label));
	if (c->status == GJ_OK || c->status == GJ_INFERRED)
		gj_value_push(out, "value", num(c->value));
	int page = gj_report_page_of(r, c->line);
	if (page > 0)
		gj_value_push(out, "page", num(page));
	return out;
}

gj_value *gj_report_detail(const gj_report *r)
{
	gj_value *full = gj_report_value(r);
	gj_value *out = gj_value_new(GJ_V_OBJ);
	for (int i = 0; i < gj_value_len(full); i++) {
		const char *key = gj_value_key(full, i);
		const gj_value *item = gj_value_item(full, i);
		gj_value *v;
		if (strcmp(key, "sections") == 0 && gj_value_type(item) == GJ_V_ARR) {
			v = gj_value_new(GJ_V_ARR);
			for (int k = 0; k < gj_value_len(item); k++)
				gj_value_push(v, NULL, k < r->nsections
					      ? section(gj_value_item(item, k), &r->sections[k])
					      : copy(gj_value_item(item, k)));
		} else if (strcmp(key, "cells") == 0 && gj_value_type(item) == GJ_V_OBJ) {
			v = gj_value_new(GJ_V_OBJ);
			for (int k = 0; k < gj_value_len(item); k++)
				gj_value_push(v, gj_value_key(item, k),
					      cell(gj_value_item(item, k), r, gj_value_key(item, k)));
		} else {
			v = copy(item);
		}
		gj_value_push(out, key, v);
	}
	gj_value_free(full);
	/* the cells' paths in the official tables' order (Lua's pairs has none) */
	gj_value *order = gj_value_new(GJ_V_ARR);
	for (int i = 0; i < gj_ncell_specs; i++)
		if (r->cells[i].status != GJ_ABSENT)
			gj_value_push(order, NULL, gj_value_new_str(gj_cell_specs[i].path));
	gj_value_push(out, "cell_paths", order);
	gj_value *lines = gj_value_new(GJ_V_OBJ);
	for (int t = 0; t < 3; t++)
		gj_value_push(lines, table_names[t], num(r->has_table[t] ? r->table_line[t] : 0));
	gj_value_push(out, "table_lines", lines);
	gj_value *pages = gj_value_new(GJ_V_ARR);
	for (int i = 0; i < r->npages; i++)
		gj_value_push(pages, NULL, num(r->page_lines[i]));
	gj_value_push(out, "pages", pages);
	return out;
}
