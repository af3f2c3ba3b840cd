/*
 * model.h — gouji's data model of one report: metadata, the six sections
 * and the three tables, every table cell with its provenance.  Readers
 * (doc.c with tables.c, yamlrd.c) fill it; dump.c prints it; the Lua
 * bridge (luabridge.c) exposes it.
 *
 * Cells live in a fixed catalogue (gj_cell_specs): one entry per data path
 * of both national formats, e.g. "tables.requests.new.total".  A report
 * holds one gj_cell per catalogue entry; cells that do not belong to the
 * report's format have status GJ_ABSENT and are never printed.
 *
 * Ownership: a gj_report owns every string and array hanging from it;
 * gj_report_free releases them all.
 */
#ifndef GJ_MODEL_H
#define GJ_MODEL_H

#include <stddef.h>

typedef enum {
	GJ_ABSENT = 0,  /* not part of this report's format */
	GJ_OK,          /* read from the document as printed */
	GJ_INFERRED,    /* filled by the table's arithmetic */
	GJ_MISSING,     /* expected but not printed, or unreadable */
	GJ_AMBIGUOUS,   /* several readings fit; see candidates */
	GJ_BLANK        /* printed blank: empty, "/" or "-" */
} gj_status;

#define GJ_MAX_CANDIDATES 16

typedef struct {
	gj_status status;
	double value;          /* valid for GJ_OK and GJ_INFERRED */
	int line, column;      /* 1-based source position; 0 = unknown */
	char *raw;             /* the text it was read from, or NULL */
	int ncandidates;
	double candidates[GJ_MAX_CANDIDATES];
	char *why;             /* why missing, ambiguous or inferred, or NULL */
	const char *code;      /* the same reason as a stable word rules can
	                        * test ("printed_blank", "row_not_found" …;
	                        * docs/data-model.md lists them), or NULL */
} gj_cell;

typedef enum { GJ_TABLE_ACTIVE, GJ_TABLE_REQUESTS, GJ_TABLE_APPEALS } gj_table;

/* Which formats a catalogue entry belongs to (bit set). */
#define GJ_F2021 1
#define GJ_F2019 2
#define GJ_FBOTH (GJ_F2021 | GJ_F2019)

typedef struct {
	const char *path;     /* "tables.requests.new.total" */
	gj_table table;
	const char *row;      /* "new" */
	const char *column;   /* "total" */
	int formats;          /* GJ_F2021 | GJ_F2019 */
	int decimal;          /* 1 when the value may have a fraction (fees) */
} gj_cell_spec;

extern const gj_cell_spec gj_cell_specs[];
extern const int gj_ncell_specs;

/* Catalogue index of a data path, or -1. */
int gj_cell_index(const char *path);

/* "ok", "inferred", "missing", "ambiguous", "blank", "absent" */
const char *gj_status_name(gj_status s);
/* Index of (table, row, column), or -1. */
int gj_cell_find(gj_table table, const char *row, const char *column);

/* The keys of 表三's columns and 表四's blocks and columns, in table order
 * (NULL-terminated; core/catalogue.inc has the whole format). */
extern const char *const gj_request_columns[];   /* 7 */
extern const char *const gj_appeal_blocks[];     /* 3 */
extern const char *const gj_appeal_columns[];    /* 5 */

typedef enum {
	GJ_FORMAT_UNKNOWN = 0,
	GJ_FORMAT_2021,
	GJ_FORMAT_2019,
	GJ_FORMAT_LEGACY
} gj_format;

const char *gj_format_name(gj_format f);  /* "2021", "2019", "legacy", "unknown" */
int gj_format_parse(const char *s, gj_format *out);

/* Where a piece of a paragraph came from: the paragraph's bytes from off
 * on were printed at line, starting at code-point column (PDF paragraphs
 * join wrapped lines, so one paragraph has a piece per line). */
typedef struct {
	size_t off;
	int line;
	int column;
} gj_piece;

typedef struct {
	int number;        /* 1..6 */
	char *title;       /* the heading as printed, e.g. "一、总体情况" */
	int exact;         /* 1 when the heading matches the official text */
	int line;          /* line of the heading */
	int end_line;      /* last line of the section */
	char *text;        /* body text (heading excluded), lines joined by \n */
	int nparagraphs;
	char **paragraphs;
	int *paragraph_lines;
	gj_piece **pieces;   /* per paragraph; NULL entries (YAML reports) */
	int *npieces;
	/* the tables printed in this part, as byte ranges of text (a rule
	 * that reads the text for sentences leaves them out) */
	int ntables;
	struct {
		gj_table table;
		size_t start, end;   /* [start, end) of text */
	} tables[3];
} gj_section;

/* A note from the reader that is not fatal: a table it could not find, a
 * label it matched fuzzily, a legacy report.  Rules see these too. */
typedef struct {
	int line;
	char *message;
} gj_note;

typedef struct {
	char *title;
	char *agency;
	int year;           /* 0 = unknown */
	gj_format format;
	char *published;    /* "YYYY-MM-DD" or NULL */
	char *preamble;     /* text before part 一 (title, basis, 统计期限), or NULL */
	int preamble_line;
	char *source_path;
	char *source_kind;  /* "markdown", "text", "pdf", "yaml" */
	char *encoding;     /* "utf-8", "gb18030" */

	int nsections;
	gj_section sections[6];   /* in document order; number says which */

	int has_table[3];   /* indexed by gj_table: 1 when the table was found */
	int table_line[3];
	/* where each table was printed, from its first label to its last
	 * number (line 0: not known) */
	int table_column[3], table_end_line[3], table_end_column[3];

	gj_cell *cells;     /* gj_ncell_specs entries */

	int nnotes;
	gj_note *notes;

	int npages;         /* PDF: pages, each starting at page_lines[i] */
	int *page_lines;    /* (detail.c) */
} gj_report;

/* Append a paragraph to s, for every reader alike: text (s takes it),
 * the line it starts on, and where its bytes were printed (pieces, taken;
 * NULL when the reader knows no more than the line). */
void gj_section_add_paragraph(gj_section *s, char *text, int line, gj_piece *pieces,
			      int npieces);

/* Set s->text to its paragraphs joined by newlines (replacing any text). */
void gj_section_join(gj_section *s);

gj_report *gj_report_new(void);
void gj_report_free(gj_report *r);

/* Set the cells of the report's format to GJ_MISSING (others GJ_ABSENT). */
void gj_report_set_format(gj_report *r, gj_format f);

void gj_report_note(gj_report *r, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The row and column of catalogue entry i as the official table prints
 * them ("（三）1.属于国家秘密", "自然人"), worded as format f words them
 * (the 2019 format says "规范性文件", "处理决定数量"). */
void gj_cell_labels(int i, gj_format f, const char **row, const char **column);

/* The static word of the list of codes that equals s, or NULL. */
const char *gj_cell_code(const char *s);

/* Set the reason a cell is not plainly ok: code is a static word from the
 * list in docs/data-model.md, why (copied) says it for people.  NULLs
 * clear them. */
void gj_cell_why(gj_cell *c, const char *code, const char *why);

/* Set a cell by catalogue index.  raw may be NULL; it is copied. */
void gj_cell_set(gj_cell *c, gj_status st, double value, int line, int column,
		 const char *raw, size_t rawlen);

#endif
