/*
 * model.c — the cell catalogue of the two national formats and the report's
 * lifecycle.  The catalogue is the contract with rules and scripts: its data
 * paths are the names of BRIEF's data model and must not change.
 */
#include "model.h"
#include "catalogue.inc"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>

/* One cell spec a cell: 表二's as catalogue.inc lists them, then 表三's
 * rows by its columns, then 表四's blocks by theirs. */
#define ACTIVE_CELL(row, col, f, dec, name, name_2019) \
	{ "tables.active." row "." col, GJ_TABLE_ACTIVE, row, col, f, dec },
#define REQUEST_CELL(row, f, col, name) \
	{ "tables.requests." row "." col, GJ_TABLE_REQUESTS, row, col, f, 0 },
#define REQUEST_ROW(key, f, label, official, name, ordinal, group, layout) \
	GJ_REQUEST_COLUMNS(REQUEST_CELL, key, f)
#define APPEAL_CELL(blk, col, name) \
	{ "tables.appeals." blk "." col, GJ_TABLE_APPEALS, blk, col, GJ_FBOTH, 0 },
#define APPEAL_BLOCK(key, name) GJ_APPEAL_COLUMNS(APPEAL_CELL, key)

const gj_cell_spec gj_cell_specs[] = {
	GJ_ACTIVE_CELLS(ACTIVE_CELL)
	GJ_REQUEST_ROWS(REQUEST_ROW)
	GJ_APPEAL_BLOCKS(APPEAL_BLOCK)
};

const int gj_ncell_specs = (int)(sizeof gj_cell_specs / sizeof gj_cell_specs[0]);

#define KEY_OF_COLUMN(unused, key, name) key,
const char *const gj_request_columns[] = { GJ_REQUEST_COLUMNS(KEY_OF_COLUMN, 0) NULL };
const char *const gj_appeal_columns[] = { GJ_APPEAL_COLUMNS(KEY_OF_COLUMN, 0) NULL };
#define KEY_OF_BLOCK(key, name) key,
const char *const gj_appeal_blocks[] = { GJ_APPEAL_BLOCKS(KEY_OF_BLOCK) NULL };

/* Two hash tables over the catalogue, made once: by path, and by table,
 * row and column.  Open addressing; slots hold index + 1. */
#define CELL_SLOTS 2048

static unsigned short by_path[CELL_SLOTS], by_place[CELL_SLOTS];
static pthread_once_t cells_once = PTHREAD_ONCE_INIT;

static unsigned hash_place(gj_table table, const char *row, const char *column)
{
	unsigned h = gj_hash_str(GJ_HASH_SEED ^ (unsigned)table, row);
	return gj_hash_str(h * 16777619u, column);
}

static void index_cells(void)
{
	for (int i = 0; i < gj_ncell_specs; i++) {
		const gj_cell_spec *s = &gj_cell_specs[i];
		unsigned h = gj_hash_str(GJ_HASH_SEED, s->path) % CELL_SLOTS;
		while (by_path[h])
			h = (h + 1) % CELL_SLOTS;
		by_path[h] = (unsigned short)(i + 1);
		h = hash_place(s->table, s->row, s->column) % CELL_SLOTS;
		while (by_place[h])
			h = (h + 1) % CELL_SLOTS;
		by_place[h] = (unsigned short)(i + 1);
	}
}

int gj_cell_index(const char *path)
{
	pthread_once(&cells_once, index_cells);
	for (unsigned h = gj_hash_str(GJ_HASH_SEED, path) % CELL_SLOTS; by_path[h];
	     h = (h + 1) % CELL_SLOTS)
		if (strcmp(gj_cell_specs[by_path[h] - 1].path, path) == 0)
			return by_path[h] - 1;
	return -1;
}

int gj_cell_find(gj_table table, const char *row, const char *column)
{
	pthread_once(&cells_once, index_cells);
	for (unsigned h = hash_place(table, row, column) % CELL_SLOTS; by_place[h];
	     h = (h + 1) % CELL_SLOTS) {
		const gj_cell_spec *s = &gj_cell_specs[by_place[h] - 1];
		if (s->table == table && strcmp(s->row, row) == 0 &&
		    strcmp(s->column, column) == 0)
			return by_place[h] - 1;
	}
	return -1;
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

const char *gj_format_name(gj_format f)
{
	switch (f) {
	case GJ_FORMAT_2021: return "2021";
	case GJ_FORMAT_2019: return "2019";
	case GJ_FORMAT_LEGACY: return "legacy";
	default: return "unknown";
	}
}

int gj_format_parse(const char *s, gj_format *out)
{
	static const gj_format all[] = { GJ_FORMAT_2021, GJ_FORMAT_2019,
					 GJ_FORMAT_LEGACY, GJ_FORMAT_UNKNOWN };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		if (strcmp(s, gj_format_name(all[i])) == 0) {
			*out = all[i];
			return 0;
		}
	}
	return -1;
}

void gj_section_add_paragraph(gj_section *s, char *text, int line, gj_piece *pieces,
			      int npieces)
{
	/* The arrays hold the next power of two of entries (they are grown
	 * here only): one more each time made reading a 50 MB file quadratic
	 * where realloc copies. */
	size_t have = (size_t)s->nparagraphs;
	if ((have & (have - 1)) == 0) {
		size_t n = have ? 2 * have : 1;
		s->paragraphs = gj_xrealloc(s->paragraphs, n * sizeof *s->paragraphs);
		s->paragraph_lines = gj_xrealloc(s->paragraph_lines, n * sizeof *s->paragraph_lines);
		s->pieces = gj_xrealloc(s->pieces, n * sizeof *s->pieces);
		s->npieces = gj_xrealloc(s->npieces, n * sizeof *s->npieces);
	}
	s->paragraphs[s->nparagraphs] = text;
	s->paragraph_lines[s->nparagraphs] = line;
	s->pieces[s->nparagraphs] = pieces;
	s->npieces[s->nparagraphs] = pieces ? npieces : 0;
	s->nparagraphs++;
}

void gj_section_join(gj_section *s)
{
	gj_buf b;
	gj_buf_init(&b);
	for (int i = 0; i < s->nparagraphs; i++) {
		if (i)
			gj_buf_addc(&b, '\n');
		gj_buf_adds(&b, s->paragraphs[i]);
	}
	free(s->text);
	s->text = gj_buf_detach(&b, NULL);
}

gj_report *gj_report_new(void)
{
	gj_report *r = gj_xcalloc(1, sizeof *r);
	r->cells = gj_xcalloc((size_t)gj_ncell_specs, sizeof *r->cells);
	return r;
}

static void free_section(gj_section *s)
{
	free(s->title);
	free(s->text);
	for (int i = 0; i < s->nparagraphs; i++) {
		free(s->paragraphs[i]);
		if (s->pieces)
			free(s->pieces[i]);
	}
	free(s->paragraphs);
	free(s->paragraph_lines);
	free(s->pieces);
	free(s->npieces);
}

void gj_report_free(gj_report *r)
{
	if (!r)
		return;
	free(r->title);
	free(r->agency);
	free(r->published);
	free(r->preamble);
	free(r->page_lines);
	free(r->source_path);
	free(r->source_kind);
	free(r->encoding);
	for (int i = 0; i < r->nsections; i++)
		free_section(&r->sections[i]);
	for (int i = 0; i < gj_ncell_specs; i++) {
		free(r->cells[i].raw);
		free(r->cells[i].why);
	}
	free(r->cells);
	for (int i = 0; i < r->nnotes; i++)
		free(r->notes[i].message);
	free(r->notes);
	free(r);
}

void gj_report_set_format(gj_report *r, gj_format f)
{
	int bit = f == GJ_FORMAT_2019 ? GJ_F2019 : f == GJ_FORMAT_2021 ? GJ_F2021 : 0;
	r->format = f;
	for (int i = 0; i < gj_ncell_specs; i++) {
		gj_cell *c = &r->cells[i];
		free(c->raw);
		free(c->why);
		memset(c, 0, sizeof *c);
		c->status = (gj_cell_specs[i].formats & bit) ? GJ_MISSING : GJ_ABSENT;
		if (c->status == GJ_MISSING)
			gj_cell_why(c, "not_in_document", "not found in the document");
	}
}

void gj_report_note(gj_report *r, int line, const char *fmt, ...)
{
	gj_buf b;
	gj_buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	char tmp[1024];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	gj_buf_adds(&b, tmp);
	r->notes = gj_xrealloc(r->notes, (size_t)(r->nnotes + 1) * sizeof *r->notes);
	r->notes[r->nnotes].line = line;
	r->notes[r->nnotes].message = gj_buf_detach(&b, NULL);
	r->nnotes++;
}

void gj_cell_set(gj_cell *c, gj_status st, double value, int line, int column,
		 const char *raw, size_t rawlen)
{
	free(c->raw);
	c->raw = raw ? gj_xstrndup(raw, rawlen) : NULL;
	c->status = st;
	c->value = value;
	c->line = line;
	c->column = column;
	c->ncandidates = 0;
	gj_cell_why(c, NULL, NULL);
}

/* Every reason a cell may give, as rules test it (docs/data-model.md
 * says what each means). */
static const char *const cell_codes[] = {
	/* not read */
	"not_in_document", "row_not_found", "no_numbers", "too_many_numbers",
	"not_a_number", "unplaced", "unsplit", "unfilled", "given_null",
	"merged_other", "not_found",
	/* read, with a word on how */
	"printed_blank", "several_readings", "many_readings", "no_split_adds_up",
	"digit_each",
	"placed_by_sums", "split_by_sums", "split_by_columns", "filled_by_sums",
	"placed_by_order",
	NULL
};

const char *gj_cell_code(const char *s)
{
	for (int i = 0; cell_codes[i]; i++)
		if (strcmp(s, cell_codes[i]) == 0)
			return cell_codes[i];
	return NULL;
}

void gj_cell_why(gj_cell *c, const char *code, const char *why)
{
	free(c->why);
	c->why = why ? gj_xstrdup(why) : NULL;
	c->code = code;
}

/* ---- labels as the official tables print them ---- */

typedef struct {
	const char *key;
	const char *label;
	const char *label_2019;   /* when the 2019 format words it otherwise */
} key_label;

#define ACTIVE_ROW_LABEL(key, f, label, name, name_2019) { key, name, name_2019 },
#define REQUEST_ROW_LABEL(key, f, label, official, name, ordinal, group, layout) \
	{ key, official, NULL },
#define BLOCK_LABEL(key, name) { key, name, NULL },
static const key_label row_labels[3][32] = {
	[GJ_TABLE_ACTIVE] = { GJ_ACTIVE_ROWS(ACTIVE_ROW_LABEL) { NULL, NULL, NULL } },
	[GJ_TABLE_REQUESTS] = { GJ_REQUEST_ROWS(REQUEST_ROW_LABEL) { NULL, NULL, NULL } },
	[GJ_TABLE_APPEALS] = { GJ_APPEAL_BLOCKS(BLOCK_LABEL) { NULL, NULL, NULL } },
};

#define COLUMN_LABEL(unused, key, name) { key, name, NULL },
static const key_label column_labels[2][8] = {
	{ GJ_REQUEST_COLUMNS(COLUMN_LABEL, 0) { NULL, NULL, NULL } },
	{ GJ_APPEAL_COLUMNS(COLUMN_LABEL, 0) { NULL, NULL, NULL } },
};

/* 表二's column names are its cells' own (a column's name differs by row:
 * procurement's amount is the purchase total, not a fee) */
#define ACTIVE_CELL_LABEL(row, col, f, dec, name, name_2019) { row "." col, name, name_2019 },
static const key_label active_cell_labels[] = {
	GJ_ACTIVE_CELLS(ACTIVE_CELL_LABEL) { NULL, NULL, NULL }
};

static const char *find_label(const key_label *list, const char *key, gj_format f)
{
	for (; list->key; list++)
		if (strcmp(list->key, key) == 0)
			return f == GJ_FORMAT_2019 && list->label_2019 ? list->label_2019
								     : list->label;
	return key;
}

void gj_cell_labels(int i, gj_format f, const char **row, const char **column)
{
	const gj_cell_spec *s = &gj_cell_specs[i];
	*row = find_label(row_labels[s->table], s->row, f);
	if (s->table == GJ_TABLE_ACTIVE)
		*column = find_label(active_cell_labels, s->path + strlen("tables.active."), f);
	else
		*column = find_label(column_labels[s->table == GJ_TABLE_APPEALS], s->column, f);
}
