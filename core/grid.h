/*
 * grid.h — the rows of a table whose cells its markup gives: a pipe
 * table's bars, a tab-separated line's tabs, a web page's <td>s.  The
 * table reader (tables.c) reads such a row by position: the n-th field
 * after the row's label is the n-th column, and an empty field is a cell
 * printed blank.  Rows given by markup (web pages) are found by their
 * reader and handed over here; pipe and tab rows are lines of the text,
 * looked at when asked.  Stage: beside normalise, used by find tables.
 *
 * Ownership: gj_grid_release frees what gj_grid_add filled.
 */
#ifndef GJ_GRID_H
#define GJ_GRID_H

#include <stddef.h>
#include "norm.h"

#define GJ_ROW_MAX_FIELDS 64

typedef struct {
	size_t start, end;   /* bytes of the text; start == end: empty */
	int col;             /* the table's column it starts in (merged cells
	                      * above and to the left counted) */
} gj_span;

typedef enum { GJ_ROW_PIPE, GJ_ROW_TAB, GJ_ROW_MARKUP } gj_row_kind;

/* One row: its fields, spaces trimmed, in order. */
typedef struct {
	int nfields;
	gj_span field[GJ_ROW_MAX_FIELDS];
	size_t start, end;   /* the whole row */
	gj_row_kind kind;
	int table;           /* rows of one table share it (markup rows: the
	                      * <table>; text rows: the first line of their
	                      * run of rows) */
} gj_row;

/* Rows given by markup, in text order (offsets of the text they were
 * found in; gj_grid_to_text moves them into the normalised text). */
typedef struct {
	size_t nrows;
	size_t *row_start, *row_end;   /* per row */
	size_t *first;                 /* per row: its first field in fields */
	int *table;                    /* per row: which table it is in */
	size_t nfields, cap_rows, cap_fields;
	gj_span *fields;
	int markup_only;   /* a web page: its lines are no rows, only its <tr>s */
} gj_grid;

void gj_grid_init(gj_grid *g);
void gj_grid_release(gj_grid *g);

/* Start a row of table at start; its fields follow with
 * gj_grid_add_field (col: the table's column the cell starts in); end it
 * with gj_grid_end_row.  Rows must come in text order, not overlapping. */
void gj_grid_begin_row(gj_grid *g, size_t start, int table);
void gj_grid_add_field(gj_grid *g, size_t start, size_t end, int col);
void gj_grid_end_row(gj_grid *g, size_t end);

/* The grid's offsets are offsets of t->orig: make them offsets of t->s
 * (the two texts go code point for code point). */
void gj_grid_to_text(gj_grid *g, const gj_text *t);

/* The first markup row of g that starts at or after off: its index, or
 * g->nrows. */
size_t gj_grid_row_from(const gj_grid *g, size_t off);

/* The row that holds byte off of t->s: a markup row of g (may be NULL),
 * else off's line when it is a pipe row ('|' first) or holds a tab.
 * Fields are trimmed of spaces.  Returns 1 and fills out, or 0. */
int gj_grid_row_at(const gj_text *t, const gj_grid *g, size_t off, gj_row *out);

/* The index of the field of row that holds off, or -1. */
int gj_row_field_at(const gj_row *row, size_t off);

/* The row of the same table before row, or 0 at the table's first. */
int gj_grid_row_before(const gj_text *t, const gj_grid *g, const gj_row *row, gj_row *out);

#endif
