/*
 * yamlrd.c — read a report written in YAML with the keys `gouji dump`
 * prints.  An event pass first refuses syntax errors, aliases (no alias
 * bombs) and a second document; libyaml's document API then gives a tree
 * with node marks.  A first walk decides the format (from `format`, else
 * from the table keys, else from the year), a second fills the report:
 * tables before `cells`, which may restore statuses, raw text and
 * candidates.  Plain scalars are resolved as in YAML 1.2's core schema;
 * quoted scalars are always strings; tags are ignored.
 */
#include "yamlrd.h"
#include "value.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct {
	yaml_document_t doc;
	gj_report *r;
	gj_diag *d;
	int bit;                   /* GJ_F2021, GJ_F2019 or 0 */
	int *given;                /* per cell: G_* from `tables` */
	int *value_node;           /* per cell: the node of its table value */
	unsigned char *seen;       /* per cell: mentioned in `cells` */
} reader;

enum { G_NONE, G_NUMBER, G_MISSING };

/* What a scalar (or node) is once resolved. */
typedef enum { V_NULL, V_BOOL, V_INT, V_FLOAT, V_STR, V_LIST, V_MAP } vkind;

static const char *const top_keys[] = {
	"title", "agency", "year", "format", "published", "source",
	"sections", "tables", "cells", "notes", "preamble", "unreadable", "blank", "blanks",
	NULL
};
/* unreadable, blank and blanks (what gouji dump prints of the cells) are
 * accepted and not read: they follow from the cells */
enum { K_TITLE, K_AGENCY, K_YEAR, K_FORMAT, K_PUBLISHED, K_SOURCE,
       K_SECTIONS, K_TABLES, K_CELLS, K_NOTES, K_PREAMBLE, K_UNREADABLE, K_BLANK,
       K_BLANKS, K_NTOP };

static const char *const source_keys[] = { "path", "kind", "encoding", NULL };
static const char *const section_keys[] = {
	"number", "title", "exact", "line", "end_line", "text", "paragraphs", "tables", NULL
};
enum { S_NUMBER, S_TITLE, S_EXACT, S_LINE, S_END_LINE, S_TEXT, S_PARAGRAPHS, S_TABLES };
static const char *const span_keys[] = { "table", "start", "stop", NULL };
static const char *const line_text_keys[] = { "line", "text", NULL };
static const char *const note_keys[] = { "line", "message", NULL };
static const char *const table_keys[] = { "active", "requests", "appeals", NULL };
static const char *const cell_keys[] = {
	"status", "line", "column", "raw", "candidates", "why", "code", NULL
};
enum { C_STATUS, C_LINE, C_COLUMN, C_RAW, C_CANDIDATES, C_WHY, C_CODE };
static const char *const status_names[] = {
	"absent", "ok", "inferred", "missing", "ambiguous", "blank", NULL
};

#define MAX_LINE 2147483647L

/* ---- diagnostics ---- */

static int fail_at(reader *x, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail_at(reader *x, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	gj_diag_set(x->d, (int)n->start_mark.line + 1, (int)n->start_mark.column + 1,
		    "%s", msg);
	return -1;
}

/* Bytes of s to print in a message: at most 64, cut at a UTF-8 boundary,
 * and never past an embedded NUL. */
static int shown_len(const char *s, size_t len)
{
	size_t n = strnlen(s, len);
	if (n > 64) {
		n = 64;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return (int)n;
}

/* 1-based line and column (in code points) of byte offset off, counting
 * line breaks as libyaml does (\n, \r\n, \r). */
static void locate_offset(const char *text, size_t len, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		unsigned char b = (unsigned char)text[i];
		if (b == '\n' || (b == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if (b != '\r' && (b & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static void report_parser_error(const yaml_parser_t *p, const char *text, size_t len,
				gj_diag *d)
{
	const char *problem = p->problem ? p->problem : "invalid YAML";
	int line, col;
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		gj_diag_set(d, 0, 0, "out of memory while reading YAML");
		break;
	case YAML_READER_ERROR:
		locate_offset(text, len, p->problem_offset, &line, &col);
		gj_diag_set(d, line, col, "%s", problem);
		break;
	default:
		gj_diag_set(d, (int)p->problem_mark.line + 1,
			    (int)p->problem_mark.column + 1, "%s", problem);
		break;
	}
}

/* A report nests four levels deep; libyaml's scanner takes time quadratic
 * in the depth of flow collections, so deeper input is refused early. */
#define MAX_DEPTH 32

/* The event pass: syntax errors, aliases, nesting and extra documents.
 * what names the document in messages ("a report"). */
static int check_events(const char *text, size_t len, const char *what, gj_diag *d)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int rc = 0, docs = 0, depth = 0;
	if (!yaml_parser_initialize(&p)) {
		gj_diag_set(d, 0, 0, "out of memory while reading YAML");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev)) {
			report_parser_error(&p, text, len, d);
			rc = -1;
			break;
		}
		yaml_event_type_t t = ev.type;
		if (t == YAML_ALIAS_EVENT) {
			gj_diag_set(d, (int)ev.start_mark.line + 1,
				    (int)ev.start_mark.column + 1,
				    "aliases are not allowed in %s", what);
			rc = -1;
		} else if ((t == YAML_SEQUENCE_START_EVENT ||
			    t == YAML_MAPPING_START_EVENT) && ++depth > MAX_DEPTH) {
			gj_diag_set(d, (int)ev.start_mark.line + 1,
				    (int)ev.start_mark.column + 1,
				    "the YAML nests deeper than %d levels", MAX_DEPTH);
			rc = -1;
		} else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) {
			depth--;
		} else if (t == YAML_DOCUMENT_START_EVENT && ++docs > 1) {
			gj_diag_set(d, (int)ev.start_mark.line + 1,
				    (int)ev.start_mark.column + 1,
				    "%s must be a single YAML document", what);
			rc = -1;
		}
		yaml_event_delete(&ev);
		if (rc != 0 || t == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&p);
	return rc;
}

/* ---- scalars ---- */

static yaml_node_t *node(reader *x, int i)
{
	return yaml_document_get_node(&x->doc, i);
}

static const char *stext(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static size_t slen(const yaml_node_t *n)
{
	return n->data.scalar.length;
}

static int text_is(const yaml_node_t *n, const char *s)
{
	return n->type == YAML_SCALAR_NODE && slen(n) == strlen(s) &&
	       memcmp(stext(n), s, slen(n)) == 0;
}

static int match_digits(const char *s, size_t *i, size_t len)
{
	size_t a = *i;
	while (*i < len && s[*i] >= '0' && s[*i] <= '9')
		(*i)++;
	return *i > a;
}

/* YAML 1.2 core schema: [-+]?[0-9]+ is an int; with a fraction or an
 * exponent it is a float (.inf and .nan are not numbers here). */
static vkind number_kind(const char *s, size_t len)
{
	size_t i = 0;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	int whole = match_digits(s, &i, len), frac = 0, dot = 0;
	if (i < len && s[i] == '.') {
		dot = 1;
		i++;
		frac = match_digits(s, &i, len);
	}
	if (!whole && !frac)
		return V_STR;
	int expo = 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		if (!match_digits(s, &i, len))
			return V_STR;
		expo = 1;
	}
	if (i != len)
		return V_STR;
	return dot || expo ? V_FLOAT : V_INT;
}

static vkind kind_of(const yaml_node_t *n)
{
	if (n->type == YAML_SEQUENCE_NODE)
		return V_LIST;
	if (n->type == YAML_MAPPING_NODE)
		return V_MAP;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return V_STR;
	const char *s = stext(n);
	size_t len = slen(n);
	if (len == 0 || text_is(n, "~") || text_is(n, "null") || text_is(n, "Null") ||
	    text_is(n, "NULL"))
		return V_NULL;
	if (text_is(n, "true") || text_is(n, "True") || text_is(n, "TRUE") ||
	    text_is(n, "false") || text_is(n, "False") || text_is(n, "FALSE"))
		return V_BOOL;
	return number_kind(s, len);
}

/* The value of an int or float scalar; -1 when it does not fit a double. */
static int scalar_number(const yaml_node_t *n, double *out)
{
	errno = 0;
	double v = strtod(stext(n), NULL);
	if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL))
		return -1;
	if (!isfinite(v))
		return -1;
	*out = v;
	return 0;
}

static int get_string(reader *x, const yaml_node_t *v, const char *name,
		      int nullable, char **out)
{
	vkind k = kind_of(v);
	if (k == V_NULL && nullable) {
		free(*out);
		*out = NULL;
		return 0;
	}
	if (k != V_STR)
		return fail_at(x, v, nullable ? "'%s' must be a string or null"
					      : "'%s' must be a string", name);
	if (strlen(stext(v)) != slen(v))
		return fail_at(x, v, "'%s' must not contain a NUL character", name);
	free(*out);
	*out = gj_xstrndup(stext(v), slen(v));
	return 0;
}

static int get_int(reader *x, const yaml_node_t *v, const char *name,
		   long lo, long hi, long *out)
{
	if (kind_of(v) != V_INT)
		return fail_at(x, v, "'%s' must be an integer", name);
	errno = 0;
	long long n = strtoll(stext(v), NULL, 10);
	if (errno == ERANGE || n < lo || n > hi)
		return fail_at(x, v, "'%s' must be from %ld to %ld", name, lo, hi);
	*out = (long)n;
	return 0;
}

static int get_line(reader *x, const yaml_node_t *v, const char *name, int *out)
{
	long n;
	if (get_int(x, v, name, 0, MAX_LINE, &n) != 0)
		return -1;
	*out = (int)n;
	return 0;
}

static int get_bool(reader *x, const yaml_node_t *v, const char *name, int *out)
{
	if (kind_of(v) != V_BOOL)
		return fail_at(x, v, "'%s' must be true or false", name);
	*out = stext(v)[0] == 't' || stext(v)[0] == 'T';
	return 0;
}

/* ---- mappings ---- */

static int need_map(reader *x, const yaml_node_t *n, const char *name)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail_at(x, n, "'%s' must be a mapping", name);
	return 0;
}

static int need_list(reader *x, const yaml_node_t *n, const char *name)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return fail_at(x, n, "'%s' must be a list", name);
	return 0;
}

/* The text of a key node, or NULL (error set) when it is no plain name. */
static const char *key_text(reader *x, const yaml_node_t *k)
{
	if (k->type != YAML_SCALAR_NODE) {
		fail_at(x, k, "a key must be a name, not a %s",
			k->type == YAML_MAPPING_NODE ? "mapping" : "list");
		return NULL;
	}
	if (strlen(stext(k)) != slen(k)) {
		fail_at(x, k, "unknown key '%.*s'", shown_len(stext(k), slen(k)), stext(k));
		return NULL;
	}
	return stext(k);
}

static int fail_unknown(reader *x, const yaml_node_t *k)
{
	return fail_at(x, k, "unknown key '%.*s'", shown_len(stext(k), slen(k)), stext(k));
}

static int fail_duplicate(reader *x, const yaml_node_t *k)
{
	return fail_at(x, k, "duplicate key '%.*s'", shown_len(stext(k), slen(k)), stext(k));
}

/* Index of key k in names, marking it in seen; -1 with an error for an
 * unknown or repeated key. */
static int find_key(reader *x, const yaml_node_t *k, const char *const *names,
		    unsigned char *seen)
{
	const char *s = key_text(x, k);
	if (!s)
		return -1;
	for (int i = 0; names[i]; i++) {
		if (strcmp(s, names[i]) != 0)
			continue;
		if (seen[i]) {
			fail_duplicate(x, k);
			return -1;
		}
		seen[i] = 1;
		return i;
	}
	fail_unknown(x, k);
	return -1;
}

#define FOR_PAIRS(p, n) \
	for (yaml_node_pair_t *p = (n)->data.mapping.pairs.start; \
	     p < (n)->data.mapping.pairs.top; p++)
#define FOR_ITEMS(it, n) \
	for (yaml_node_item_t *it = (n)->data.sequence.items.start; \
	     it < (n)->data.sequence.items.top; it++)

/* ---- format ---- */

/* The formats a table key names: the union over the catalogue entries of
 * (table, row) or (table, row, column); 0 when none. */
static int key_formats(gj_table t, const char *row, const char *col)
{
	int f = 0;
	for (int i = 0; i < gj_ncell_specs; i++) {
		const gj_cell_spec *s = &gj_cell_specs[i];
		if (s->table == t && strcmp(s->row, row) == 0 &&
		    (!col || strcmp(s->column, col) == 0))
			f |= s->formats;
	}
	return f;
}

/* Votes for a format: [0] 2019-only keys, [1] 2021-only keys, [2] 表三's
 * row "other" (2019's, but kept by a 2021 report that prints it as one). */
static void vote(int f, gj_table t, const char *row, int *v)
{
	if (f == GJ_F2019 && t == GJ_TABLE_REQUESTS && strcmp(row, "other") == 0)
		v[2] = 1;
	else if (f == GJ_F2019)
		v[0] = 1;
	else if (f == GJ_F2021)
		v[1] = 1;
}

/* No `format` key: keys that belong to one format only decide, then the
 * row "other" (2019), then the year (as the text reader does), else 2021.
 * Malformed parts are skipped here; the second walk reports them. */
static gj_format infer_format(reader *x, yaml_node_t *tables, yaml_node_t *cells, long year)
{
	int v[3] = { 0, 0, 0 };
	if (tables && tables->type == YAML_MAPPING_NODE) {
		FOR_PAIRS(tp, tables) {
			yaml_node_t *tk = node(x, tp->key), *tv = node(x, tp->value);
			int t = -1;
			for (int i = 0; table_keys[i]; i++)
				if (text_is(tk, table_keys[i]))
					t = i;
			if (t < 0 || tv->type != YAML_MAPPING_NODE)
				continue;
			FOR_PAIRS(rp, tv) {
				yaml_node_t *rk = node(x, rp->key), *rv = node(x, rp->value);
				if (rk->type != YAML_SCALAR_NODE)
					continue;
				vote(key_formats((gj_table)t, stext(rk), NULL), (gj_table)t,
				     stext(rk), v);
				if (rv->type != YAML_MAPPING_NODE)
					continue;
				FOR_PAIRS(cp, rv) {
					yaml_node_t *ck = node(x, cp->key);
					if (ck->type == YAML_SCALAR_NODE)
						vote(key_formats((gj_table)t, stext(rk), stext(ck)),
						     (gj_table)t, stext(rk), v);
				}
			}
		}
	}
	if (cells && cells->type == YAML_MAPPING_NODE) {
		FOR_PAIRS(p, cells) {
			yaml_node_t *k = node(x, p->key);
			int i = k->type == YAML_SCALAR_NODE ? gj_cell_index(stext(k)) : -1;
			if (i >= 0)
				vote(gj_cell_specs[i].formats, gj_cell_specs[i].table,
				     gj_cell_specs[i].row, v);
		}
	}
	if (v[0])
		return GJ_FORMAT_2019;
	if (v[1])
		return GJ_FORMAT_2021;
	if (v[2])
		return GJ_FORMAT_2019;
	if (year >= 2019 && year <= 2020)
		return GJ_FORMAT_2019;
	return GJ_FORMAT_2021;
}

static int read_format(reader *x, const yaml_node_t *v, gj_format *out)
{
	vkind k = kind_of(v);
	if ((k == V_STR || k == V_INT) && strlen(stext(v)) == slen(v) &&
	    gj_format_parse(stext(v), out) == 0)
		return 0;
	return fail_at(x, v, "'format' must be '2021', '2019', 'legacy' or 'unknown'");
}

/* ---- metadata ---- */

static int valid_date(const char *s, size_t len)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (size_t i = 0; i < len; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

static int read_published(reader *x, const yaml_node_t *v)
{
	if (kind_of(v) == V_NULL) {
		free(x->r->published);
		x->r->published = NULL;
		return 0;
	}
	if (kind_of(v) != V_STR || !valid_date(stext(v), slen(v)))
		return fail_at(x, v, "'published' must be a date written YYYY-MM-DD, or null");
	return get_string(x, v, "published", 1, &x->r->published);
}

static int read_source(reader *x, const yaml_node_t *v)
{
	if (kind_of(v) == V_NULL)
		return 0;
	if (need_map(x, v, "source") != 0)
		return -1;
	unsigned char seen[3] = { 0 };
	FOR_PAIRS(p, v) {
		int k = find_key(x, node(x, p->key), source_keys, seen);
		if (k < 0)
			return -1;
		char *s = NULL;
		if (get_string(x, node(x, p->value), source_keys[k], 1, &s) != 0)
			return -1;
		/* the caller names the file it read; keep these only if it did not */
		char **dst = k == 0 ? &x->r->source_path
			   : k == 1 ? &x->r->source_kind : &x->r->encoding;
		if (!*dst)
			*dst = s;
		else
			free(s);
	}
	return 0;
}

/* ---- sections ---- */

static int read_paragraphs(reader *x, const yaml_node_t *v, gj_section *s)
{
	if (need_list(x, v, "paragraphs") != 0)
		return -1;
	FOR_ITEMS(it, v) {
		yaml_node_t *pn = node(x, *it);
		char *text = NULL;
		int line = (int)pn->start_mark.line + 1;
		if (kind_of(pn) == V_STR) {
			if (get_string(x, pn, "paragraphs", 0, &text) != 0)
				return -1;
		} else if (pn->type == YAML_MAPPING_NODE) {
			unsigned char seen[2] = { 0 };
			FOR_PAIRS(p, pn) {
				int k = find_key(x, node(x, p->key), line_text_keys, seen);
				yaml_node_t *pv = node(x, p->value);
				if (k < 0 ||
				    (k == 0 && get_line(x, pv, "line", &line) != 0) ||
				    (k == 1 && get_string(x, pv, "text", 0, &text) != 0)) {
					free(text);
					return -1;
				}
			}
			if (!text)
				return fail_at(x, pn, "a paragraph needs a 'text'");
		} else {
			return fail_at(x, pn, "a paragraph must be a string or a mapping "
					      "with 'line' and 'text'");
		}
		gj_section_add_paragraph(s, text, line, NULL, 0);
	}
	return 0;
}

/* tables: [{table, start, stop}] — where the part's text holds a table,
 * as string.sub counts (1-based, stop inclusive) */
static int read_spans(reader *x, const yaml_node_t *v, gj_section *s)
{
	if (kind_of(v) == V_NULL)
		return 0;
	if (need_list(x, v, "tables") != 0)
		return -1;
	FOR_ITEMS(it, v) {
		yaml_node_t *sv = node(x, *it);
		if (need_map(x, sv, "a table's place") != 0)
			return -1;
		if (s->ntables == 3)
			return fail_at(x, sv, "a section holds at most three tables");
		unsigned char seen[3] = { 0 };
		long start = 0, stop = -1;
		int table = -1;
		FOR_PAIRS(p, sv) {
			yaml_node_t *pv = node(x, p->value);
			int rc = 0;
			switch (find_key(x, node(x, p->key), span_keys, seen)) {
			case 0:
				for (int t = 0; table_keys[t]; t++)
					if (kind_of(pv) == V_STR && text_is(pv, table_keys[t]))
						table = t;
				if (table < 0)
					return fail_at(x, pv, "'table' must be active, requests or appeals");
				break;
			case 1: rc = get_int(x, pv, "start", 1, MAX_LINE, &start); break;
			case 2: rc = get_int(x, pv, "stop", 0, MAX_LINE, &stop); break;
			default: return -1;
			}
			if (rc != 0)
				return -1;
		}
		if (table < 0 || !seen[1] || !seen[2] || stop < start - 1)
			return fail_at(x, sv, "a table's place needs 'table', 'start' and 'stop' (stop >= start - 1)");
		s->tables[s->ntables].table = (gj_table)table;
		s->tables[s->ntables].start = (size_t)start - 1;
		s->tables[s->ntables].end = (size_t)stop;
		s->ntables++;
	}
	return 0;
}

static int read_section(reader *x, const yaml_node_t *v, int *numbers_seen)
{
	gj_report *r = x->r;
	if (v->type != YAML_MAPPING_NODE)
		return fail_at(x, v, "a section must be a mapping");
	if (r->nsections == 6)
		return fail_at(x, v, "a report has at most six sections");
	/* the slot is counted at once so gj_report_free releases it on error */
	gj_section *s = &r->sections[r->nsections++];
	memset(s, 0, sizeof *s);
	s->exact = 1;
	s->line = (int)v->start_mark.line + 1;
	unsigned char seen[8] = { 0 };
	int has_end = 0;
	FOR_PAIRS(p, v) {
		yaml_node_t *pv = node(x, p->value);
		long n;
		int rc = 0;
		switch (find_key(x, node(x, p->key), section_keys, seen)) {
		case S_NUMBER:
			rc = get_int(x, pv, "number", 1, 6, &n);
			if (rc == 0 && numbers_seen[n])
				return fail_at(x, pv, "section %ld appears twice", n);
			if (rc == 0) {
				numbers_seen[n] = 1;
				s->number = (int)n;
			}
			break;
		case S_TITLE: rc = get_string(x, pv, "title", 1, &s->title); break;
		case S_EXACT: rc = get_bool(x, pv, "exact", &s->exact); break;
		case S_LINE: rc = get_line(x, pv, "line", &s->line); break;
		case S_END_LINE:
			rc = get_line(x, pv, "end_line", &s->end_line);
			has_end = 1;
			break;
		case S_TEXT: rc = get_string(x, pv, "text", 0, &s->text); break;
		case S_PARAGRAPHS: rc = read_paragraphs(x, pv, s); break;
		case S_TABLES: rc = read_spans(x, pv, s); break;
		default: return -1;
		}
		if (rc != 0)
			return -1;
	}
	if (!seen[S_NUMBER])
		return fail_at(x, v, "a section needs a 'number'");
	if (!has_end)
		s->end_line = s->line;
	if (!seen[S_TEXT]) {
		/* the body is its paragraphs joined by \n, as the text reader does */
		gj_section_join(s);
	} else if (!seen[S_PARAGRAPHS] && s->text[0]) {
		/* a body given as text only is one paragraph */
		gj_section_add_paragraph(s, gj_xstrdup(s->text), s->line, NULL, 0);
	}
	return 0;
}

static int read_sections(reader *x, const yaml_node_t *v)
{
	if (kind_of(v) == V_NULL)
		return 0;
	if (need_list(x, v, "sections") != 0)
		return -1;
	int numbers_seen[7] = { 0 };
	FOR_ITEMS(it, v)
		if (read_section(x, node(x, *it), numbers_seen) != 0)
			return -1;
	return 0;
}

/* ---- notes ---- */

static int read_notes(reader *x, const yaml_node_t *v)
{
	if (kind_of(v) == V_NULL)
		return 0;
	if (need_list(x, v, "notes") != 0)
		return -1;
	FOR_ITEMS(it, v) {
		yaml_node_t *nn = node(x, *it);
		char *msg = NULL;
		int line = 0;
		if (kind_of(nn) == V_STR) {
			if (get_string(x, nn, "notes", 0, &msg) != 0)
				return -1;
		} else if (nn->type == YAML_MAPPING_NODE) {
			unsigned char seen[2] = { 0 };
			FOR_PAIRS(p, nn) {
				int k = find_key(x, node(x, p->key), note_keys, seen);
				yaml_node_t *pv = node(x, p->value);
				if (k < 0 ||
				    (k == 0 && get_line(x, pv, "line", &line) != 0) ||
				    (k == 1 && get_string(x, pv, "message", 0, &msg) != 0)) {
					free(msg);
					return -1;
				}
			}
			if (!msg)
				return fail_at(x, nn, "a note needs a 'message'");
		} else {
			return fail_at(x, nn, "a note must be a mapping with 'line' and 'message'");
		}
		gj_report_note(x->r, line, "%s", msg);
		free(msg);
	}
	return 0;
}

/* ---- tables ---- */

/* 1 when catalogue entry i may be given in this report: it belongs to the
 * report's format, or it is 表三's 2019 row "other", which the text reader
 * keeps in a 2021 report that prints （六）其他处理 as one row. */
static int allowed(const reader *x, int i)
{
	const gj_cell_spec *s = &gj_cell_specs[i];
	return (s->formats & x->bit) ||
	       (x->bit == GJ_F2021 && s->table == GJ_TABLE_REQUESTS &&
		strcmp(s->row, "other") == 0);
}

/* Catalogue index of (t, row, col) allowed in the report, or -1; col NULL
 * finds the row's first entry. */
static int find_cell(reader *x, gj_table t, const char *row, const char *col)
{
	for (int i = 0; i < gj_ncell_specs; i++) {
		const gj_cell_spec *s = &gj_cell_specs[i];
		if (s->table == t && allowed(x, i) && strcmp(s->row, row) == 0 &&
		    (!col || strcmp(s->column, col) == 0))
			return i;
	}
	return -1;
}

static int read_value(reader *x, int i, yaml_node_t *v)
{
	const gj_cell_spec *sp = &gj_cell_specs[i];
	gj_cell *c = &x->r->cells[i];
	int line = (int)v->start_mark.line + 1, col = (int)v->start_mark.column + 1;
	vkind k = kind_of(v);
	double num;
	x->value_node[i] = (int)(v - x->doc.nodes.start) + 1;
	if (k == V_INT || k == V_FLOAT) {
		if (scalar_number(v, &num) != 0)
			return fail_at(x, v, "'%s' is too large", sp->path);
		if (!sp->decimal && num != floor(num))
			return fail_at(x, v, "'%s' must be a whole number", sp->path);
		gj_cell_set(c, GJ_OK, num, line, col, stext(v), slen(v));
		x->given[i] = G_NUMBER;
	} else if (k == V_NULL && !(slen(v) == 0 || text_is(v, "~"))) {
		/* null: not printed, or unreadable */
		gj_cell_set(c, GJ_MISSING, 0, line, col, NULL, 0);
		gj_cell_why(c, "given_null", "given as null");
		x->given[i] = G_MISSING;
	} else if (k == V_NULL ||
		   (k == V_STR && (text_is(v, "/") || text_is(v, "-") || text_is(v, "")))) {
		/* ~, nothing, "/", "-": a cell printed blank */
		gj_cell_set(c, GJ_BLANK, 0, line, col, stext(v), slen(v));
		gj_cell_why(c, "printed_blank", "printed blank");
		x->given[i] = G_MISSING;
	} else {
		return fail_at(x, v, "'%s' must be a number or null", sp->path);
	}
	return 0;
}

static int read_row(reader *x, gj_table t, const char *tname, yaml_node_t *rk,
		    yaml_node_t *rv, unsigned char *rows_seen)
{
	const char *row = key_text(x, rk);
	if (!row)
		return -1;
	int first = find_cell(x, t, row, NULL);
	if (first < 0)
		return fail_unknown(x, rk);
	if (rows_seen[first])
		return fail_duplicate(x, rk);
	rows_seen[first] = 1;
	if (rv->type != YAML_MAPPING_NODE)
		return fail_at(x, rv, "'tables.%s.%s' must be a mapping", tname, row);
	FOR_PAIRS(p, rv) {
		yaml_node_t *ck = node(x, p->key);
		const char *col = key_text(x, ck);
		if (!col)
			return -1;
		int i = find_cell(x, t, row, col);
		if (i < 0)
			return fail_unknown(x, ck);
		if (x->value_node[i])
			return fail_duplicate(x, ck);
		if (read_value(x, i, node(x, p->value)) != 0)
			return -1;
	}
	return 0;
}

static int read_tables(reader *x, const yaml_node_t *v)
{
	if (kind_of(v) == V_NULL)
		return 0;
	if (need_map(x, v, "tables") != 0)
		return -1;
	unsigned char seen[3] = { 0 };
	unsigned char *rows_seen = gj_xcalloc((size_t)gj_ncell_specs, 1);
	int rc = 0;
	FOR_PAIRS(tp, v) {
		int t = find_key(x, node(x, tp->key), table_keys, seen);
		if (t < 0) {
			rc = -1;
			break;
		}
		yaml_node_t *tv = node(x, tp->value);
		if (kind_of(tv) == V_NULL)
			continue;
		char name[32];
		snprintf(name, sizeof name, "tables.%s", table_keys[t]);
		if (need_map(x, tv, name) != 0) {
			rc = -1;
			break;
		}
		FOR_PAIRS(rp, tv) {
			rc = read_row(x, (gj_table)t, table_keys[t], node(x, rp->key),
				      node(x, rp->value), rows_seen);
			if (rc != 0)
				break;
		}
		if (rc != 0)
			break;
	}
	free(rows_seen);
	return rc;
}

/* ---- cells ---- */

static int read_candidates(reader *x, const yaml_node_t *v, const char *path,
			   gj_cell *c)
{
	if (need_list(x, v, "candidates") != 0)
		return -1;
	int n = 0;
	FOR_ITEMS(it, v) {
		yaml_node_t *cn = node(x, *it);
		vkind k = kind_of(cn);
		double num;
		if (n == GJ_MAX_CANDIDATES)
			return fail_at(x, cn, "'%s' has more than %d candidates", path,
				       GJ_MAX_CANDIDATES);
		if ((k != V_INT && k != V_FLOAT) || scalar_number(cn, &num) != 0)
			return fail_at(x, cn, "a candidate of '%s' must be a number", path);
		c->candidates[n++] = num;
	}
	c->ncandidates = n;
	return 0;
}


static int read_cell(reader *x, yaml_node_t *k, yaml_node_t *v)
{
	const char *path = key_text(x, k);
	if (!path)
		return -1;
	int i = gj_cell_index(path);
	if (i < 0 || !allowed(x, i))
		return fail_unknown(x, k);
	if (x->seen[i])
		return fail_duplicate(x, k);
	x->seen[i] = 1;
	if (need_map(x, v, path) != 0)
		return -1;
	gj_cell *c = &x->r->cells[i];
	if (c->status == GJ_ABSENT)   /* the row "other" of a 2021 report */
		c->status = GJ_MISSING;
	unsigned char seen[7] = { 0 };
	FOR_PAIRS(p, v) {
		yaml_node_t *pv = node(x, p->value);
		int rc = 0;
		switch (find_key(x, node(x, p->key), cell_keys, seen)) {
		case C_STATUS: {
			int st = -1;
			for (int s = GJ_OK; status_names[s]; s++)
				if (kind_of(pv) == V_STR && text_is(pv, status_names[s]))
					st = s;
			if (st < 0)
				return fail_at(x, pv, "'status' must be ok, inferred, missing, "
						      "ambiguous or blank");
			int has_value = x->given[i] == G_NUMBER;
			if (has_value && (st == GJ_MISSING || st == GJ_AMBIGUOUS || st == GJ_BLANK))
				return fail_at(x, node(x, x->value_node[i]),
					       "'%s' has a value but its cell says %s",
					       path, status_names[st]);
			if (!has_value && (st == GJ_OK || st == GJ_INFERRED))
				return fail_at(x, pv, "'%s' has no value in 'tables' "
						      "but its cell says %s",
					       path, status_names[st]);
			c->status = (gj_status)st;
			break;
		}
		case C_LINE: rc = get_line(x, pv, "line", &c->line); break;
		case C_COLUMN: rc = get_line(x, pv, "column", &c->column); break;
		case C_RAW: rc = get_string(x, pv, "raw", 1, &c->raw); break;
		case C_CANDIDATES: rc = read_candidates(x, pv, path, c); break;
		case C_WHY: rc = get_string(x, pv, "why", 1, &c->why); break;
		case C_CODE:
			c->code = kind_of(pv) == V_STR ? gj_cell_code(stext(pv)) : NULL;
			if (!c->code)
				return fail_at(x, pv, "'code' of '%s' is not one of the codes "
						      "of docs/data-model.md", path);
			break;
		default: return -1;
		}
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int read_cells(reader *x, const yaml_node_t *v)
{
	if (kind_of(v) == V_NULL)
		return 0;
	if (need_map(x, v, "cells") != 0)
		return -1;
	FOR_PAIRS(p, v)
		if (read_cell(x, node(x, p->key), node(x, p->value)) != 0)
			return -1;
	return 0;
}

/* A table was found when any of its cells was read or printed blank; its
 * line is the first such cell's. */
static void mark_tables(gj_report *r)
{
	for (int i = 0; i < gj_ncell_specs; i++) {
		const gj_cell *c = &r->cells[i];
		gj_table t = gj_cell_specs[i].table;
		if (c->status == GJ_ABSENT || (c->status == GJ_MISSING && c->line == 0))
			continue;
		r->has_table[t] = 1;
		if (c->line > 0 && (r->table_line[t] == 0 || c->line < r->table_line[t]))
			r->table_line[t] = c->line;
	}
}

/* ---- the report ---- */

/* preamble: a string, or {line, text}; null for none */
static int read_preamble(reader *x, const yaml_node_t *v)
{
	if (kind_of(v) == V_NULL)
		return 0;
	if (v->type == YAML_SCALAR_NODE)
		return get_string(x, v, "preamble", 0, &x->r->preamble);
	if (need_map(x, v, "preamble") != 0)
		return -1;
	static const char *const keys[] = { "line", "text", NULL };
	unsigned char seen[2] = { 0 };
	FOR_PAIRS(p, v) {
		int k = find_key(x, node(x, p->key), keys, seen);
		if (k < 0)
			return -1;
		yaml_node_t *val = node(x, p->value);
		if (k == 0 && get_line(x, val, "line", &x->r->preamble_line) != 0)
			return -1;
		if (k == 1) {
			free(x->r->preamble);
			x->r->preamble = NULL;
			if (get_string(x, val, "text", 0, &x->r->preamble) != 0)
				return -1;
		}
	}
	return 0;
}

static int read_root(reader *x, yaml_node_t *root)
{
	gj_report *r = x->r;
	yaml_node_t *val[K_NTOP] = { NULL };
	unsigned char seen[K_NTOP] = { 0 };
	FOR_PAIRS(p, root) {
		int k = find_key(x, node(x, p->key), top_keys, seen);
		if (k < 0)
			return -1;
		val[k] = node(x, p->value);
	}

	long year = 0;
	if (val[K_YEAR] && kind_of(val[K_YEAR]) != V_NULL &&
	    get_int(x, val[K_YEAR], "year", 1, 9999, &year) != 0)
		return -1;
	r->year = (int)year;

	gj_format f;
	if (val[K_FORMAT] && kind_of(val[K_FORMAT]) != V_NULL) {
		if (read_format(x, val[K_FORMAT], &f) != 0)
			return -1;
	} else {
		f = infer_format(x, val[K_TABLES], val[K_CELLS], year);
	}
	gj_report_set_format(r, f);
	x->bit = f == GJ_FORMAT_2019 ? GJ_F2019 : f == GJ_FORMAT_2021 ? GJ_F2021 : 0;

	/* in document order, but `cells` after `tables` */
	FOR_PAIRS(p, root) {
		yaml_node_t *v = node(x, p->value);
		int rc = 0;
		for (int k = 0; k < K_NTOP; k++) {
			if (val[k] != v)
				continue;
			switch (k) {
			case K_TITLE: rc = get_string(x, v, "title", 1, &r->title); break;
			case K_AGENCY: rc = get_string(x, v, "agency", 1, &r->agency); break;
			case K_PUBLISHED: rc = read_published(x, v); break;
			case K_SOURCE: rc = read_source(x, v); break;
			case K_SECTIONS: rc = read_sections(x, v); break;
			case K_TABLES: rc = read_tables(x, v); break;
			case K_NOTES: rc = read_notes(x, v); break;
			case K_PREAMBLE: rc = read_preamble(x, v); break;
			default: break;   /* year and format are read; cells below */
			}
		}
		if (rc != 0)
			return -1;
	}
	if (val[K_CELLS] && read_cells(x, val[K_CELLS]) != 0)
		return -1;
	mark_tables(r);
	return 0;
}

int gj_yaml_read(const char *text, size_t len, gj_report *r, gj_diag *d)
{
	if (check_events(text, len, "a report", d) != 0)
		return -1;
	yaml_parser_t p;
	reader x;
	memset(&x, 0, sizeof x);
	x.r = r;
	x.d = d;
	if (!yaml_parser_initialize(&p)) {
		gj_diag_set(d, 0, 0, "out of memory while reading YAML");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&p, &x.doc)) {
		report_parser_error(&p, text, len, d);
		yaml_parser_delete(&p);
		return -1;
	}
	yaml_parser_delete(&p);

	int rc = -1;
	yaml_node_t *root = yaml_document_get_root_node(&x.doc);
	if (!root || kind_of(root) == V_NULL) {
		gj_diag_set(d, 0, 0, "empty YAML document");
	} else if (root->type != YAML_MAPPING_NODE) {
		fail_at(&x, root, "a report must be a YAML mapping");
	} else {
		x.given = gj_xcalloc((size_t)gj_ncell_specs, sizeof *x.given);
		x.value_node = gj_xcalloc((size_t)gj_ncell_specs, sizeof *x.value_node);
		x.seen = gj_xcalloc((size_t)gj_ncell_specs, 1);
		rc = read_root(&x, root);
		free(x.given);
		free(x.value_node);
		free(x.seen);
	}
	yaml_document_delete(&x.doc);
	return rc;
}

/* ---- plain documents: manifests and config ---- */

static gj_value *plain_node(reader *x, yaml_node_t *n, int depth)
{
	if (depth > MAX_DEPTH)
		return gj_value_new(GJ_V_NULL);
	if (n->type == YAML_SCALAR_NODE) {
		double num;
		switch (kind_of(n)) {
		case V_NULL:
			return gj_value_new(GJ_V_NULL);
		case V_BOOL:
			return gj_value_new_bool(stext(n)[0] == 't' || stext(n)[0] == 'T');
		case V_INT:
		case V_FLOAT:
			if (scalar_number(n, &num) == 0)
				return gj_value_new_num(num);
			break;
		default:
			break;
		}
		char *s = gj_xstrndup(stext(n), slen(n));
		gj_value *v = gj_value_new_str(s);
		free(s);
		return v;
	}
	if (n->type == YAML_SEQUENCE_NODE) {
		gj_value *v = gj_value_new(GJ_V_ARR);
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++)
			gj_value_push(v, NULL, plain_node(x, node(x, *it), depth + 1));
		return v;
	}
	gj_value *v = gj_value_new(GJ_V_OBJ);
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start;
	     pr < n->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = node(x, pr->key);
		char *key = k->type == YAML_SCALAR_NODE ? gj_xstrndup(stext(k), slen(k))
							: gj_xstrdup("?");
		gj_value_push(v, key, plain_node(x, node(x, pr->value), depth + 1));
		free(key);
	}
	return v;
}

gj_value *gj_yaml_parse(const char *text, size_t len, gj_diag *d)
{
	if (check_events(text, len, "a config or manifest", d) != 0)
		return NULL;
	yaml_parser_t p;
	reader x;
	memset(&x, 0, sizeof x);
	x.d = d;
	if (!yaml_parser_initialize(&p)) {
		gj_diag_set(d, 0, 0, "out of memory while reading YAML");
		return NULL;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&p, &x.doc)) {
		report_parser_error(&p, text, len, d);
		yaml_parser_delete(&p);
		return NULL;
	}
	yaml_parser_delete(&p);
	yaml_node_t *root = yaml_document_get_root_node(&x.doc);
	gj_value *v = root ? plain_node(&x, root, 0) : gj_value_new(GJ_V_OBJ);
	yaml_document_delete(&x.doc);
	return v;
}
