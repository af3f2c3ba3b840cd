/*
 * tables.h — the fourth stage: find 表二, 表三 and 表四 inside their
 * sections and read every cell, whatever the layout: cells given by the
 * markup (grid.h: tab-separated, pipe tables, web pages), space-aligned
 * (pdftotext -layout), or digits run together
 * (split with the table's own arithmetic, split.c).  Cells that cannot be
 * established are missing or ambiguous, never guessed.
 */
#ifndef GJ_TABLES_H
#define GJ_TABLES_H

#include <stddef.h>
#include "grid.h"
#include "model.h"
#include "norm.h"

/* Where to look for each table: byte ranges of t->s, indexed by gj_table
 * (start == end: not known, the table is searched after the previous one). */
typedef struct {
	size_t start[3];
	size_t end[3];
} gj_table_regions;

/* Read the tables of r's format (r->format must be set: 2021 or 2019).
 * g: the rows whose cells the document's markup gives (NULL: none but
 * the text's pipe and tab rows). */
void gj_tables_read(const gj_text *t, const gj_grid *g, const gj_table_regions *reg,
		    gj_report *r);

#endif
