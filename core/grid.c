/*
 * grid.c — rows whose cells the markup gives (see grid.h).
 *
 * A pipe row is a line whose first printed character is '|': its fields
 * lie between unescaped bars (text after the last bar is a field too).  A
 * tab row is any other line with a tab: its fields lie between tabs, the
 * text before the first one included.  Markup rows are looked up by
 * binary search over their starts.
 */
#include "grid.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void gj_grid_init(gj_grid *g)
{
	memset(g, 0, sizeof *g);
}

void gj_grid_release(gj_grid *g)
{
	free(g->row_start);
	free(g->row_end);
	free(g->first);
	free(g->table);
	free(g->fields);
	memset(g, 0, sizeof *g);
}

void gj_grid_begin_row(gj_grid *g, size_t start, int table)
{
	if (g->nrows == g->cap_rows) {
		g->cap_rows = g->cap_rows ? 2 * g->cap_rows : 64;
		g->row_start = gj_xrealloc(g->row_start, g->cap_rows * sizeof *g->row_start);
		g->row_end = gj_xrealloc(g->row_end, g->cap_rows * sizeof *g->row_end);
		g->first = gj_xrealloc(g->first, g->cap_rows * sizeof *g->first);
		g->table = gj_xrealloc(g->table, g->cap_rows * sizeof *g->table);
	}
	g->table[g->nrows] = table;
	g->row_start[g->nrows] = start;
	g->row_end[g->nrows] = start;
	g->first[g->nrows] = g->nfields;
	g->nrows++;
}

void gj_grid_add_field(gj_grid *g, size_t start, size_t end, int col)
{
	if (g->nrows == 0)
		return;
	if (g->nfields == g->cap_fields) {
		g->cap_fields = g->cap_fields ? 2 * g->cap_fields : 256;
		g->fields = gj_xrealloc(g->fields, g->cap_fields * sizeof *g->fields);
	}
	g->fields[g->nfields].start = start;
	g->fields[g->nfields].end = end < start ? start : end;
	g->fields[g->nfields].col = col;
	g->nfields++;
}

void gj_grid_end_row(gj_grid *g, size_t end)
{
	if (g->nrows == 0)
		return;
	size_t r = g->nrows - 1;
	g->row_end[r] = end < g->row_start[r] ? g->row_start[r] : end;
}

/* Offsets of orig into offsets of s, in one ascending pass: every offset
 * of the grid is gathered, sorted by the mapping's own order (they are
 * ascending already when the rows came in text order), and mapped. */
void gj_grid_to_text(gj_grid *g, const gj_text *t)
{
	size_t n = 2 * g->nrows + 2 * g->nfields;
	if (n == 0)
		return;
	size_t *in = gj_xmalloc(n * sizeof *in), *out = gj_xmalloc(n * sizeof *out);
	size_t k = 0;
	/* row start, its fields, row end: ascending for well-formed rows */
	for (size_t r = 0; r < g->nrows; r++) {
		size_t fe = r + 1 < g->nrows ? g->first[r + 1] : g->nfields;
		in[k++] = g->row_start[r];
		for (size_t f = g->first[r]; f < fe; f++) {
			in[k++] = g->fields[f].start;
			in[k++] = g->fields[f].end;
		}
		in[k++] = g->row_end[r];
	}
	int ascending = 1;
	for (size_t i = 1; i < n && ascending; i++)
		ascending = in[i] >= in[i - 1];
	if (!ascending) {
		/* rows out of order (a page's markup moved text about): the
		 * positions cannot be trusted, so the rows are dropped */
		free(in);
		free(out);
		int markup_only = g->markup_only;
		gj_grid_release(g);
		g->markup_only = markup_only;
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (in[i] > t->orig_len)
			in[i] = t->orig_len;
	gj_text_from_orig(t, in, n, out);
	k = 0;
	for (size_t r = 0; r < g->nrows; r++) {
		size_t fe = r + 1 < g->nrows ? g->first[r + 1] : g->nfields;
		g->row_start[r] = out[k++];
		for (size_t f = g->first[r]; f < fe; f++) {
			g->fields[f].start = out[k++];
			g->fields[f].end = out[k++];
		}
		g->row_end[r] = out[k++];
	}
	free(in);
	free(out);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void add_trimmed(gj_row *row, const char *s, size_t a, size_t e, int col)
{
	if (row->nfields == GJ_ROW_MAX_FIELDS)
		return;
	row->field[row->nfields].col = col;
	while (a < e && is_space(s[a]))
		a++;
	while (e > a && is_space(s[e - 1]))
		e--;
	row->field[row->nfields].start = a;
	row->field[row->nfields].end = e;
	row->nfields++;
}

size_t gj_grid_row_from(const gj_grid *g, size_t off)
{
	if (!g)
		return 0;
	size_t lo = 0, hi = g->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->row_start[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The markup row that holds off: the last row starting at or before it,
 * when it ends after it. */
static int markup_row(const gj_text *t, const gj_grid *g, size_t off, gj_row *out)
{
	if (!g || g->nrows == 0)
		return 0;
	size_t lo = 0, hi = g->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->row_start[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	size_t r = lo - 1;
	if (off >= g->row_end[r])
		return 0;
	memset(out, 0, sizeof *out);
	out->start = g->row_start[r];
	out->end = g->row_end[r];
	out->kind = GJ_ROW_MARKUP;
	size_t fe = r + 1 < g->nrows ? g->first[r + 1] : g->nfields;
	for (size_t f = g->first[r]; f < fe; f++)
		add_trimmed(out, t->s, g->fields[f].start, g->fields[f].end, g->fields[f].col);
	out->table = g->table[r];
	return 1;
}

/* The kind of row line n is by its text alone: 1 pipe, 2 tab, 0 none. */
static int line_kind(const gj_text *t, int n)
{
	size_t len;
	const char *l = gj_text_line_ptr(t, n, &len);
	size_t i = 0;
	while (i < len && l[i] == ' ')
		i++;
	if (i < len && l[i] == '|')
		return 1;
	if (i < len && l[i] == '+' && i + 1 < len && l[i + 1] == '-')
		return 1;   /* a grid table's rule: between its rows */
	return memchr(l, '\t', len) ? 2 : 0;
}

/* A text row's table: the first line of its run of lines of its kind
 * (looked for over at most a few hundred lines). */
static int text_table(const gj_text *t, const gj_grid *g, int line)
{
	(void)g;
	int kind = line_kind(t, line), n = line;
	while (n > 1 && line - n < 400 && line_kind(t, n - 1) == kind)
		n--;
	return -n;   /* negative: no markup table has that id */
}

int gj_grid_row_before(const gj_text *t, const gj_grid *g, const gj_row *row, gj_row *out)
{
	if (row->kind == GJ_ROW_MARKUP) {
		size_t r = gj_grid_row_from(g, row->start);
		if (r == 0 || r > g->nrows)
			return 0;
		r--;
		if (g->table[r] != row->table)
			return 0;
		return markup_row(t, g, g->row_start[r], out) && out->table == row->table;
	}
	int line = gj_text_line(t, row->start);
	while (--line >= 1 && line >= -row->table) {
		if (!gj_grid_row_at(t, g, t->line_start[line - 1], out))
			continue;   /* a grid table's rule */
		if (out->table == row->table && out->nfields > 0)
			return 1;
	}
	return 0;
}

int gj_grid_row_at(const gj_text *t, const gj_grid *g, size_t off, gj_row *out)
{
	if (off >= t->len)
		return 0;
	if (markup_row(t, g, off, out))
		return 1;
	if (g && g->markup_only)
		return 0;
	int line = gj_text_line(t, off);
	size_t len;
	const char *l = gj_text_line_ptr(t, line, &len);
	size_t a = (size_t)(l - t->s), e = a + len;
	const char *s = t->s;
	size_t i = a;
	while (i < e && s[i] == ' ')
		i++;
	memset(out, 0, sizeof *out);
	out->start = a;
	out->end = e;
	if (i < e && s[i] == '|') {
		out->kind = GJ_ROW_PIPE;
		/* fields between bars; "\|" is a bar inside a field */
		size_t from = i + 1;
		for (size_t k = i + 1; k < e && out->nfields < GJ_ROW_MAX_FIELDS; k++) {
			if (s[k] != '|' || s[k - 1] == '\\')
				continue;
			add_trimmed(out, s, from, k, out->nfields);
			from = k + 1;
		}
		size_t tail = e;
		while (tail > from && is_space(s[tail - 1]))
			tail--;
		if (tail > from)
			add_trimmed(out, s, from, e, out->nfields);
		out->table = text_table(t, g, line);
		return 1;
	}
	if (!memchr(s + a, '\t', len))
		return 0;
	out->kind = GJ_ROW_TAB;
	size_t from = a;
	for (size_t k = a; k < e && out->nfields < GJ_ROW_MAX_FIELDS; k++)
		if (s[k] == '\t') {
			add_trimmed(out, s, from, k, out->nfields);
			from = k + 1;
		}
	add_trimmed(out, s, from, e, out->nfields);
	out->table = text_table(t, g, line);
	return 1;
}

int gj_row_field_at(const gj_row *row, size_t off)
{
	for (int f = 0; f < row->nfields; f++) {
		/* an empty field holds the place between its separators */
		size_t a = row->field[f].start, e = row->field[f].end;
		if (off >= a && (off < e || (a == e && off == a)))
			return f;
	}
	return -1;
}
