/*
 * catalogue.c — core/catalogue.inc as a value tree (see catalogue.h).
 */
#include "catalogue.h"
#include "model.h"
#include "catalogue.inc"

#include <string.h>

static gj_value *str(const char *s)
{
	return gj_value_new_str(s);
}

static gj_value *formats(int f)
{
	gj_value *v = gj_value_new(GJ_V_ARR);
	if (f & GJ_F2021)
		gj_value_push(v, NULL, str("2021"));
	if (f & GJ_F2019)
		gj_value_push(v, NULL, str("2019"));
	return v;
}

static gj_value *keyed(const char *key, const char *name)
{
	gj_value *v = gj_value_new(GJ_V_OBJ);
	gj_value_push(v, "key", str(key));
	gj_value_push(v, "name", str(name));
	return v;
}

typedef struct {
	const char *key, *label, *official, *name, *group;
	int formats, ordinal, layout;
} request_row;

#define REQUEST_ROW(key, f, label, official, name, ordinal, group, layout) \
	{ key, label, official, name, group, f, ordinal, layout },
static const request_row request_rows[] = { GJ_REQUEST_ROWS(REQUEST_ROW) };

typedef struct {
	const char *row, *key, *name, *name_2019;
	int formats, decimal;
} active_cell;

#define ACTIVE_CELL(row, col, f, dec, name, name_2019) { row, col, name, name_2019, f, dec },
static const active_cell active_cells[] = { GJ_ACTIVE_CELLS(ACTIVE_CELL) };

static gj_value *active_row(const char *key, int f, const char *label, const char *name,
			    const char *name_2019)
{
	gj_value *v = keyed(key, name);
	gj_value_push(v, "label", str(label));
	gj_value_push(v, "name_2019", str(name_2019 ? name_2019 : name));
	gj_value_push(v, "formats", formats(f));
	gj_value *cells = gj_value_new(GJ_V_ARR);
	for (size_t i = 0; i < sizeof active_cells / sizeof active_cells[0]; i++) {
		const active_cell *c = &active_cells[i];
		if (strcmp(c->row, key) != 0)
			continue;
		gj_value *cv = keyed(c->key, c->name);
		gj_value_push(cv, "name_2019", str(c->name_2019 ? c->name_2019 : c->name));
		gj_value_push(cv, "formats", formats(c->formats));
		gj_value_push(cv, "decimal", gj_value_new_bool(c->decimal));
		gj_value_push(cells, NULL, cv);
	}
	gj_value_push(v, "cells", cells);
	return v;
}

/* A group with its parts (the rows of the group that are not the one row
 * standing for them all) and that one row, if the format has it. */
static void add_group(gj_value *groups, const char *key, const char *name,
		      const char *short_name)
{
	gj_value *g = keyed(key, name);
	gj_value_push(g, "short", str(short_name));
	gj_value *parts = gj_value_new(GJ_V_ARR);
	const char *single = NULL;
	for (size_t i = 0; i < sizeof request_rows / sizeof request_rows[0]; i++) {
		const request_row *r = &request_rows[i];
		if (!r->group || strcmp(r->group, key) != 0)
			continue;
		if (r->layout == 2)
			single = r->key;
		else
			gj_value_push(parts, NULL, str(r->key));
	}
	gj_value_push(g, "rows", parts);
	gj_value_push(g, "single", str(single));
	gj_value_push(groups, NULL, g);
}

static gj_value *requests(void)
{
	static const char *const layouts[] = { "row", "subrow", "single" };
	gj_value *t = gj_value_new(GJ_V_OBJ);
	gj_value *rows = gj_value_new(GJ_V_ARR);
	size_t n = sizeof request_rows / sizeof request_rows[0];
	for (size_t i = 0; i < n; i++) {
		const request_row *r = &request_rows[i];
		gj_value *v = keyed(r->key, r->name);
		gj_value_push(v, "label", str(r->label));
		gj_value_push(v, "official", str(r->official));
		gj_value_push(v, "ordinal", gj_value_new_num(r->ordinal));
		gj_value_push(v, "group", str(r->group));
		gj_value_push(v, "formats", formats(r->formats));
		gj_value_push(v, "layout", str(layouts[r->layout]));
		gj_value_push(rows, NULL, v);
	}
	gj_value_push(t, "rows", rows);
#define COLUMN(unused, key, name) gj_value_push(columns, NULL, keyed(key, name));
	gj_value *columns = gj_value_new(GJ_V_ARR);
	GJ_REQUEST_COLUMNS(COLUMN, 0)
	gj_value_push(t, "columns", columns);
	gj_value *groups = gj_value_new(GJ_V_ARR);
#define GROUP(key, name, short_name) add_group(groups, key, name, short_name);
	GJ_REQUEST_GROUPS(GROUP)
	gj_value_push(t, "groups", groups);
	return t;
}

gj_value *gj_catalogue_value(void)
{
	gj_value *root = gj_value_new(GJ_V_OBJ);
	gj_value *active = gj_value_new(GJ_V_OBJ);
	gj_value *arows = gj_value_new(GJ_V_ARR);
#define ACTIVE_ROW(key, f, label, name, name_2019) \
	gj_value_push(arows, NULL, active_row(key, f, label, name, name_2019));
	GJ_ACTIVE_ROWS(ACTIVE_ROW)
	gj_value_push(active, "rows", arows);
	gj_value_push(root, "active", active);
	gj_value_push(root, "requests", requests());
	gj_value *appeals = gj_value_new(GJ_V_OBJ);
	gj_value *blocks = gj_value_new(GJ_V_ARR);
#define BLOCK(key, name) gj_value_push(blocks, NULL, keyed(key, name));
	GJ_APPEAL_BLOCKS(BLOCK)
	gj_value_push(appeals, "blocks", blocks);
	gj_value *columns = gj_value_new(GJ_V_ARR);
	GJ_APPEAL_COLUMNS(COLUMN, 0)
	gj_value_push(appeals, "columns", columns);
	gj_value_push(root, "appeals", appeals);
	return root;
}
