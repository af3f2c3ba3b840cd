/*
 * tables.c — read 表二, 表三 and 表四 whatever their layout.
 *
 * A table is found by its official row labels, in order, inside its section
 * (match.c finds them even when wrapped, interleaved with numbers or
 * misspelt).  A row whose cells the markup gives (grid.c: pipe, tab or
 * <td>) is read by position: the fields after its label are its columns,
 * an empty one a cell printed blank.  Otherwise the numbers between one
 * label and the next belong to the first: a row whose numbers are clearly
 * separated and complete is taken as printed; a row with too few or too
 * many is aligned by the row's own sums; digits run together are split by
 * those sums (split.c), and a run with a digit a cell has one reading, as
 * printed, whatever its sums say.  Every reading that fits is kept: a cell
 * on which they all agree is read, one on which they differ is ambiguous
 * with its candidates.  Where no reading makes the sums hold, the ones
 * that break the fewest are kept and the cells say so (no_split_adds_up):
 * the report is wrong under every reading, and the rules report it.
 * 表三's column sums then settle rows that are still ambiguous.  Arithmetic
 * chooses between readings; it never refuses the only one.
 */
#include "tables.h"
#include "catalogue.inc"
#include "grid.h"
#include "match.h"
#include "split.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_REGION (256 * 1024)
#define MAX_CELLS GJ_SPLIT_MAX_CELLS
#define MAX_READINGS GJ_SPLIT_MAX_KEEP
#define MAX_TOKENS 64

typedef struct {
	const char *row;     /* model row key */
	const char *label;   /* official label (letters are what count) */
	int ordinal;         /* "1." before the label, 0 when none */
	int ncells;
	int optional;        /* a row printed only in some layouts; 2: a group
	                      * label (（六）其他处理) that a wrapped sub-row
	                      * label may enclose, so finding it does not move
	                      * the search on */
} row_label;

typedef struct {
	row_label rl;
	const char *group;   /* 表三: the outcome group the row is part of */
	int formats;         /* GJ_F2021 | GJ_F2019 */
} catalogue_row;

/* 表三's rows from the catalogue, both formats in one list (the one
 * row "other" is （六）其他处理 printed as one row: the 2019 format, and
 * some 2021 reports; the three sub-rows are the 2021 format's) */
#define ONE_COLUMN(...) +1
enum { REQUEST_CELLS = 0 GJ_REQUEST_COLUMNS(ONE_COLUMN, 0) };
#define REQUEST_ROW(key, f, label, official, name, ordinal, group, layout) \
	{ { key, label, ordinal, REQUEST_CELLS, layout }, group, f },
static const catalogue_row request_rows[] = {
	GJ_REQUEST_ROWS(REQUEST_ROW)
	{ { NULL, NULL, 0, 0, 0 }, NULL, 0 }
};

#define REQUEST_LABEL(key, f, label, official, name, ordinal, group, layout) \
	{ key, label, ordinal, REQUEST_CELLS, layout },
static const row_label requests[] = {
	GJ_REQUEST_ROWS(REQUEST_LABEL)
	{ NULL, NULL, 0, 0, 0 }
};

#define ACTIVE_ROW(key, f, label, name, name_2019) { { key, label, 0, 0, 0 }, NULL, f },
static const catalogue_row active_rows[] = {
	GJ_ACTIVE_ROWS(ACTIVE_ROW)
	{ { NULL, NULL, 0, 0, 0 }, NULL, 0 }
};

typedef struct {
	const char *row, *column;
	int formats;
} catalogue_cell;

#define ACTIVE_CELL(row, col, f, dec, name, name_2019) { row, col, f },
static const catalogue_cell active_cells[] = {
	GJ_ACTIVE_CELLS(ACTIVE_CELL)
	{ NULL, NULL, 0 }
};

#define MAX_ACTIVE 10

/* 表二 of a format: its rows, and each row's columns in its table's
 * order, as the catalogue has them. */
typedef struct {
	row_label rows[MAX_ACTIVE + 1];
	const char *cols[MAX_ACTIVE][MAX_CELLS];
} active_table;

static void active_of(int bit, active_table *out)
{
	memset(out, 0, sizeof *out);
	int n = 0;
	for (int i = 0; active_rows[i].rl.row && n < MAX_ACTIVE; i++) {
		if (!(active_rows[i].formats & bit))
			continue;
		row_label *rl = &out->rows[n];
		*rl = active_rows[i].rl;
		for (int c = 0; active_cells[c].row; c++)
			if ((active_cells[c].formats & bit) && rl->ncells < MAX_CELLS &&
			    strcmp(active_cells[c].row, rl->row) == 0)
				out->cols[n][rl->ncells++] = active_cells[c].column;
		n++;
	}
}

/* ---- tokens: the numbers of a stretch of text ---- */

typedef enum { GAP_NONE, GAP_WEAK, GAP_STRONG } gap_kind;

typedef struct {
	size_t start, end;   /* byte offsets in t->s */
	int placeholder;     /* "/", "-": a cell printed blank */
	int decimal;         /* has a fraction */
	int lead_zero;       /* "07": cannot be one number */
	gap_kind gap;        /* what separates it from the previous token */
	double value;
} token;

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '|';
}

/* Numbers in s[a, b).  Returns the count (at most max; *more set when there
 * were more). */
/* 1 when the line around offset i is a page number ("-4-"). */
static int on_page_number_line(const gj_text *t, size_t i)
{
	return gj_text_is_page_line(t, gj_text_line(t, i));
}

static int scan_tokens(const gj_text *tx, size_t a, size_t b, token *out, int max,
		       int *more)
{
	const char *s = tx->s;
	int n = 0;
	size_t i = a, gap_start = a;
	*more = 0;
	while (i < b) {
		char c = s[i];
		size_t st = i;
		int neg = 0;
		if ((c == '-' || is_digit(c)) && on_page_number_line(tx, i)) {
			while (i < b && s[i] != '\n')
				i++;
			continue;
		}
		if (c == '-' && i + 1 < b && is_digit(s[i + 1]) &&
		    (i == a || is_blank(s[i - 1]))) {
			neg = 1;
			i++;
		}
		if (is_digit(s[i])) {
			while (i < b && is_digit(s[i]))
				i++;
			/* thousands groups: 3,119 */
			while (i + 3 < b && s[i] == ',' && is_digit(s[i + 1]) &&
			       is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
			       (i + 4 >= b || !is_digit(s[i + 4])))
				i += 4;
			int dec = 0;
			if (i + 1 < b && s[i] == '.' && is_digit(s[i + 1])) {
				dec = 1;
				i++;
				while (i < b && is_digit(s[i]))
					i++;
			}
			if (n == max) {
				*more = 1;
				return n;
			}
			token *t = &out[n++];
			t->start = st;
			t->end = i;
			t->placeholder = 0;
			t->decimal = dec;
			t->lead_zero = s[st + neg] == '0' && i - st - neg > 1 &&
				       !(dec && s[st + neg + 1] == '.');
			char tmp[64];
			size_t k = 0;
			for (size_t j = st; j < i && k + 1 < sizeof tmp; j++)
				if (s[j] != ',')
					tmp[k++] = s[j];
			tmp[k] = '\0';
			t->value = strtod(tmp, NULL);
		} else if ((c == '/' || c == '-' || c == '\\') &&
			   (i == a || is_blank(s[i - 1])) &&
			   (i + 1 >= b || is_blank(s[i + 1]))) {
			i++;
			if (n == max) {
				*more = 1;
				return n;
			}
			token *t = &out[n++];
			memset(t, 0, sizeof *t);
			t->start = st;
			t->end = i;
			t->placeholder = 1;
		} else {
			i++;
			continue;
		}
		/* classify the gap before this token */
		token *t = &out[n - 1];
		gap_kind g = GAP_NONE;
		int spaces = 0;
		for (size_t j = gap_start; j < st; j++) {
			char g1 = s[j];
			if (g1 == '\t' || g1 == '\n' || g1 == '|') {
				g = GAP_STRONG;
				break;
			}
			if (g1 == ' ') {
				spaces++;
				if (spaces >= 2) {
					g = GAP_STRONG;
					break;
				}
				if (g == GAP_NONE)
					g = GAP_WEAK;
			} else if ((unsigned char)g1 >= 0x80 ||
				   (g1 >= 'A' && g1 <= 'z')) {
				g = GAP_STRONG;   /* text between numbers */
				break;
			} else {
				spaces = 0;
			}
		}
		t->gap = g;
		gap_start = i;
	}
	return n;
}

/* ---- readings of one row ---- */

typedef struct {
	double v[MAX_CELLS];
	unsigned char known[MAX_CELLS];   /* the value is established */
	unsigned char blank[MAX_CELLS];   /* printed blank: empty, "/", "-" */
	unsigned char placed[MAX_CELLS];  /* the cell has a place in the text */
	size_t start[MAX_CELLS], end[MAX_CELLS];   /* its bytes (may be empty) */
} reading;

typedef struct {
	int ncells;
	int nread;            /* readings kept */
	int overflow;         /* more readings fit than were kept */
	reading r[MAX_READINGS];
	const char *why;      /* why there is no reading */
	const char *code;     /* the same as a word (gj_cell.code) */
	int ok_status;        /* status for cells all readings take from one place */
	const char *ok_why;   /* how the readings were made */
	const char *ok_code;
	int broken;           /* sums every reading breaks (no split adds up) */
	size_t span_start;    /* the row's numbers as printed */
	size_t span_end;
	int found;            /* the label was found */
	int line;             /* of the label */
} row_read;

/* Fill unknown cells that a block's sum determines; 0 when the reading
 * cannot fit (a negative part, a sum that fails). */
static int solve_blocks(reading *rd, int ncells, gj_sum_kind kind)
{
	if (kind == GJ_SUM_NONE)
		return 1;
	int block = kind == GJ_SUM_LAST ? ncells : 5;
	for (int b0 = 0; b0 + block <= ncells; b0 += block) {
		int unknown = -1, nunk = 0;
		double s = 0;
		for (int k = b0; k < b0 + block - 1; k++) {
			if (rd->known[k])
				s += rd->v[k];
			else {
				unknown = k;
				nunk++;
			}
		}
		int last = b0 + block - 1;
		if (!rd->known[last]) {
			nunk++;
			unknown = last;
		}
		if (nunk == 0) {
			if (fabs(s - rd->v[last]) > 1e-9)
				return 0;
		} else if (nunk == 1) {
			double x = unknown == last ? s : rd->v[last] - s;
			if (x < 0)
				return 0;
			rd->v[unknown] = x;
			rd->known[unknown] = 1;
		}
		/* two or more unknown in a block: they stay unknown */
	}
	return 1;
}

/* No reading of the row: why, as a word and for people. */
static void no_reading(row_read *rr, const char *code, const char *why)
{
	rr->code = code;
	rr->why = why;
}

/* How the row's readings were made. */
static void made_by(row_read *rr, const char *code, const char *why)
{
	rr->ok_code = code;
	rr->ok_why = why;
}

static void add_reading(row_read *rr, const reading *rd)
{
	if (rr->nread == MAX_READINGS) {
		rr->overflow = 1;
		return;
	}
	rr->r[rr->nread++] = *rd;
}

/* Choose which k of n slots hold the tokens (n < k) or which tokens to drop
 * (n > k), keeping every arrangement whose sums fit. */
static void align_tokens(row_read *rr, const token *tok, int n, gj_sum_kind kind)
{
	int k = rr->ncells;
	int diff = k > n ? k - n : n - k;
	int slots = k > n ? k : n;
	if (diff > 3 || slots > 20) {
		no_reading(rr, "unplaced", k > n ? "too few numbers in the row to place them"
						 : "more numbers than cells in the row");
		return;
	}
	/* enumerate subsets of size diff of [0, slots) */
	int idx[3] = { 0, 1, 2 };
	for (;;) {
		reading rd;
		memset(&rd, 0, sizeof rd);
		int ti = 0, cell = 0, ok = 1;
		for (int s = 0; s < slots; s++) {
			int chosen = 0;
			for (int q = 0; q < diff; q++)
				chosen |= idx[q] == s;
			if (k > n) {      /* s is a cell; chosen: a gap */
				if (!chosen) {
					const token *t = &tok[ti++];
					rd.known[s] = !t->placeholder;
					rd.blank[s] = (unsigned char)t->placeholder;
					rd.placed[s] = 1;
					rd.v[s] = t->value;
					rd.start[s] = t->start;
					rd.end[s] = t->end;
					if (t->placeholder)
						ok = 0;   /* blank printed: no arithmetic */
				}
			} else {          /* s is a token; chosen: dropped */
				if (!chosen) {
					const token *t = &tok[s];
					rd.known[cell] = !t->placeholder;
					rd.blank[cell] = (unsigned char)t->placeholder;
					rd.placed[cell] = 1;
					rd.v[cell] = t->value;
					rd.start[cell] = t->start;
					rd.end[cell] = t->end;
					cell++;
				}
			}
		}
		if (ok && solve_blocks(&rd, k, kind))
			add_reading(rr, &rd);
		/* next combination */
		int q = diff - 1;
		while (q >= 0 && idx[q] == slots - diff + q)
			q--;
		if (q < 0)
			break;
		idx[q]++;
		for (int p = q + 1; p < diff; p++)
			idx[p] = idx[p - 1] + 1;
	}
	if (rr->nread == 0)
		no_reading(rr, "unplaced",
			   k > n ? "a number is missing and the row's sums do not place it"
				 : "more numbers than cells and the row's sums do not tell which");
	else
		made_by(rr, "placed_by_sums",
			k > n ? "placed by the row's sums (a number is missing)"
			      : "placed by the row's sums (more numbers than cells)");
}

/* Digits run together: split them by the row's sums. */
/* digit_each: when no split fits and the digits are one fewer than the
 * cells, read a digit a cell with one cell lost (not when the caller
 * places whole tokens that way itself). */
static void split_tokens(const char *s, row_read *rr, const token *tok, int n,
			 gj_sum_kind kind, int digit_each)
{
	gj_buf b;
	gj_buf_init(&b);
	size_t map[512];
	const char *frac = NULL;
	size_t fraclen = 0, fracend = 0;
	for (int i = 0; i < n; i++) {
		if (tok[i].placeholder) {
			no_reading(rr, "unsplit", "numbers run together around a blank cell");
			gj_buf_release(&b);
			return;
		}
		size_t e = tok[i].end;
		if (tok[i].decimal) {
			if (i != n - 1) {
				no_reading(rr, "unsplit", "numbers run together around a decimal");
				gj_buf_release(&b);
				return;
			}
			const char *dot = memchr(s + tok[i].start, '.', e - tok[i].start);
			frac = dot;
			fraclen = (size_t)(s + e - dot);
			fracend = e;
			e = (size_t)(dot - s);
		}
		if (i)
			gj_buf_addc(&b, ' ');
		for (size_t j = tok[i].start; j < e; j++) {
			if (s[j] == ',' || s[j] == '-')
				continue;   /* groups and signs do not survive a split */
			if (b.len >= sizeof map / sizeof map[0]) {
				no_reading(rr, "unsplit", "too many digits in the row");
				gj_buf_release(&b);
				return;
			}
			map[b.len] = j;
			gj_buf_addc(&b, s[j]);
		}
	}
	size_t ndigits = 0;
	for (size_t k = 0; k < b.len; k++)
		ndigits += b.data[k] != ' ';
	if (digit_each && !frac && ndigits == (size_t)rr->ncells) {
		/* as many digits as cells: one reading, a digit a cell, as
		 * printed, whatever the sums say (they are the rules' to
		 * judge) */
		reading rd;
		memset(&rd, 0, sizeof rd);
		int k = 0;
		for (size_t q = 0; q < b.len; q++) {
			if (b.data[q] == ' ')
				continue;
			rd.known[k] = 1;
			rd.placed[k] = 1;
			rd.v[k] = b.data[q] - '0';
			rd.start[k] = map[q];
			rd.end[k] = map[q] + 1;
			k++;
		}
		add_reading(rr, &rd);
		made_by(rr, "digit_each", "digits run together; a digit a cell");
		gj_buf_release(&b);
		return;
	}
	gj_split_result *res = gj_xmalloc(sizeof *res);
	if (gj_split_digits(b.data ? b.data : "", b.len, rr->ncells, kind, res) != 0) {
		no_reading(rr, "unsplit", "the row's digits cannot be split");
		free(res);
		gj_buf_release(&b);
		return;
	}
	if (res->nfound == 0 && digit_each && kind != GJ_SUM_NONE && !frac &&
	    ndigits + 1 == (size_t)rr->ncells) {
		/* one digit short of the cells ("000000" for seven): a digit
		 * each, and one cell lost, placed by the sums */
		token one[MAX_CELLS];
		size_t d = 0;
		for (size_t k = 0; k < b.len; k++) {
			if (b.data[k] == ' ')
				continue;   /* a boundary: no place in map */
			memset(&one[d], 0, sizeof one[d]);
			one[d].start = map[k];
			one[d].end = map[k] + 1;
			one[d].value = s[map[k]] - '0';
			one[d].gap = GAP_STRONG;
			d++;
		}
		free(res);
		gj_buf_release(&b);
		align_tokens(rr, one, (int)ndigits, kind);
		if (rr->nread > 0)
			made_by(rr, "placed_by_sums",
				"a digit each, one cell lost, placed by the row's sums");
		return;
	}
	int broken = 0;
	if (res->nfound == 0 && !res->exhausted && kind != GJ_SUM_NONE && digit_each) {
		/* no split adds up: the row is wrong however it is read.  Keep
		 * the splits that break the fewest sums, so the rules can say
		 * so and people can see the candidates. */
		if (gj_split_nearest(b.data, b.len, rr->ncells, kind, res) != 0 ||
		    res->nfound == 0)
			res->nkept = res->nfound = 0;
		broken = res->broken;
	}
	for (int c = 0; c < res->nkept; c++) {
		reading rd;
		memset(&rd, 0, sizeof rd);
		for (int k = 0; k < rr->ncells; k++) {
			rd.known[k] = 1;
			rd.placed[k] = 1;
			rd.v[k] = (double)res->splits[c].value[k];
			rd.start[k] = map[res->splits[c].start[k]];
			rd.end[k] = map[res->splits[c].start[k] + res->splits[c].len[k] - 1] + 1;
		}
		if (frac) {
			int last = rr->ncells - 1;
			char tmp[64];
			snprintf(tmp, sizeof tmp, "%lld%.*s",
				 res->splits[c].value[last], (int)fraclen, frac);
			rd.v[last] = strtod(tmp, NULL);
			rd.end[last] = fracend;
		}
		add_reading(rr, &rd);
	}
	if (res->nfound > res->nkept || res->exhausted)
		rr->overflow = 1;
	if (rr->nread == 0)
		no_reading(rr, kind == GJ_SUM_NONE ? "unsplit" : "unsplit",
			   kind == GJ_SUM_NONE
			   ? "the digits do not split into the row's cells"
			   : "no split of the run-together digits makes the row add up");
	else if (broken) {
		rr->broken = broken;
		made_by(rr, "no_split_adds_up",
			"no split of the run-together digits makes the row add up");
	} else
		made_by(rr, "split_by_sums",
			kind == GJ_SUM_NONE ? "digits run together; one split only"
					    : "digits run together; split by the row's sums");
	free(res);
	gj_buf_release(&b);
}

/* Read one row's numbers from tok[0..n). */
static void read_row(const char *s, row_read *rr, const token *tok, int n,
		     gj_sum_kind kind, int more)
{
	rr->ok_status = GJ_OK;
	if (more) {
		no_reading(rr, "too_many_numbers", "too many numbers in the row");
		return;
	}
	if (n == 0) {
		no_reading(rr, "no_numbers", "no numbers printed in the row");
		return;
	}
	rr->span_start = tok[0].start;
	rr->span_end = tok[n - 1].end;
	int strong = n >= 2, spaced = n >= 2, bad = 0;
	for (int i = 0; i < n; i++) {
		if (i > 0 && tok[i].gap != GAP_STRONG)
			strong = 0;
		if (i > 0 && tok[i].gap == GAP_NONE)
			spaced = 0;
		if (tok[i].lead_zero)
			bad = 1;
	}
	if (n == rr->ncells && !bad) {
		reading rd;
		memset(&rd, 0, sizeof rd);
		for (int k = 0; k < n; k++) {
			rd.known[k] = !tok[k].placeholder;
			rd.placed[k] = 1;
			rd.v[k] = tok[k].value;
			rd.start[k] = tok[k].start;
			rd.end[k] = tok[k].end;
		}
		add_reading(rr, &rd);
		return;
	}
	if (strong && !bad) {
		align_tokens(rr, tok, n, kind);
		return;
	}
	if (!spaced || bad) {
		split_tokens(s, rr, tok, n, kind, 1);
		return;
	}
	/* Numbers set apart by single spaces ("0 0 0 0 0 0" for seven cells)
	 * are whole cells with one missing or one too many, or a pair run
	 * together: the readings of both are kept, and the cells on which
	 * they differ are ambiguous. */
	align_tokens(rr, tok, n, kind);
	const char *align_ok = rr->ok_why;
	int aligned = rr->nread;
	rr->why = NULL;
	if (n < rr->ncells)
		split_tokens(s, rr, tok, n, kind, 0);
	if (rr->nread == 0)
		no_reading(rr, "unplaced", n < rr->ncells
			   ? "a number is missing or run together, and the row's sums settle neither"
			   : "more numbers than cells and the row's sums do not tell which");
	else if (aligned == rr->nread)
		made_by(rr, "placed_by_sums", align_ok);
	else if (aligned > 0)
		made_by(rr, "placed_by_sums",
			"placed by the row's sums (a number missing, or two run together)");
}

/* ---- from readings to cells ---- */

static void set_cells(const gj_text *t, gj_report *r, gj_table table,
		      const char *row, const char *const *cols, row_read *rr)
{
	for (int k = 0; k < rr->ncells; k++) {
		int ci = gj_cell_find(table, row, cols[k]);
		if (ci < 0)
			continue;
		gj_cell *c = &r->cells[ci];
		if (c->status == GJ_ABSENT)
			continue;   /* not part of this report's format */
		if (!rr->found) {
			c->status = GJ_MISSING;
			gj_cell_why(c, "row_not_found", "row label not found");
			continue;
		}
		if (rr->nread == 0) {
			gj_cell_set(c, GJ_MISSING, 0, rr->line, 0, NULL, 0);
			gj_cell_why(c, rr->code ? rr->code : "not_found",
				    rr->why ? rr->why : "not found");
			continue;
		}
		int same_place = !rr->overflow, same_value = !rr->overflow;
		int known = 1, blank = 1;
		for (int i = 0; i < rr->nread; i++) {
			const reading *a = &rr->r[i], *z = &rr->r[0];
			if (!a->known[k])
				known = 0;
			if (!a->blank[k])
				blank = 0;
			if (a->start[k] != z->start[k] || a->end[k] != z->end[k] ||
			    a->known[k] != z->known[k] || a->placed[k] != z->placed[k])
				same_place = 0;
			if (a->known[k] != z->known[k] || fabs(a->v[k] - z->v[k]) > 1e-9)
				same_value = 0;
		}
		const reading *z = &rr->r[0];
		int line = rr->line, col = 0;
		const char *raw = NULL;
		size_t rawlen = 0;
		if (!same_place && rr->span_end > rr->span_start) {
			/* no single place: point at the row's numbers */
			gj_text_pos(t, rr->span_start, &line, &col);
			size_t oa = gj_text_orig_off(t, rr->span_start);
			size_t oe = gj_text_orig_off(t, rr->span_end);
			raw = t->orig + oa;
			rawlen = oe - oa;
		}
		if (same_place && z->placed[k]) {
			gj_text_pos(t, z->start[k], &line, &col);
			size_t oa = gj_text_orig_off(t, z->start[k]);
			size_t oe = gj_text_orig_off(t, z->end[k]);
			raw = t->orig + oa;
			rawlen = oe - oa;
		}
		if (same_place && blank && z->placed[k]) {
			gj_cell_set(c, GJ_BLANK, 0, line, col, raw, rawlen);
			gj_cell_why(c, "printed_blank", "printed blank");
		} else if (same_place && !known && z->placed[k]) {
			gj_cell_set(c, GJ_MISSING, 0, line, col, raw, rawlen);
			gj_cell_why(c, "not_a_number", "not a number");
		} else if (same_place && known && z->placed[k]) {
			gj_cell_set(c, (gj_status)rr->ok_status, z->v[k], line, col, raw, rawlen);
			gj_cell_why(c, rr->ok_code, rr->ok_why);
		} else if (same_value && known) {
			gj_cell_set(c, GJ_INFERRED, z->v[k], line, col, raw, rawlen);
			gj_cell_why(c, rr->ok_code ? rr->ok_code : "filled_by_sums",
				    rr->ok_why ? rr->ok_why : "filled by the row's sums");
		} else if (!known && same_value) {
			gj_cell_set(c, GJ_MISSING, 0, line, col, NULL, 0);
			gj_cell_why(c, "unfilled", "a number is missing and the row's sums cannot fill it");
		} else {
			gj_cell_set(c, GJ_AMBIGUOUS, 0, line, col, raw, rawlen);
			if (rr->broken)
				gj_cell_why(c, "no_split_adds_up", rr->overflow
					    ? "no split of the run-together digits makes the row add up; many come as near, showing some"
					    : "no split of the run-together digits makes the row add up; these come nearest");
			else if (rr->overflow)
				gj_cell_why(c, "many_readings", "many readings fit; showing some");
			else
				gj_cell_why(c, "several_readings", "several readings fit");
			for (int i = 0; i < rr->nread && c->ncandidates < GJ_MAX_CANDIDATES; i++) {
				if (!rr->r[i].known[k])
					continue;
				double v = rr->r[i].v[k];
				int dup = 0;
				for (int q = 0; q < c->ncandidates; q++)
					dup |= fabs(c->candidates[q] - v) < 1e-9;
				if (!dup)
					c->candidates[c->ncandidates++] = v;
			}
		}
	}
}

/* ---- finding rows ---- */

typedef struct {
	int found;
	size_t start;   /* byte offset of the label's first letter */
	size_t end;     /* byte offset past its last letter */
	size_t first_i, last_i;   /* stream indices */
	int exact;
	int loose;      /* found out of the rows' order (find_anchors) */
} anchor;

static size_t letter_end(const char *s, size_t off)
{
	unsigned char c = (unsigned char)s[off];
	return off + (c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4);
}

/* The end of a row's numbers before the next label: drop the next label's
 * ordinal ("…权益3000003" + "5.属于…": the 5 is the ordinal).  Printed
 * "5.", "5、", "(5)", "5)", "⑤"; or "5" and a space, or "5" glued to the label,
 * when the 5 starts a cell (after a tab, a bar or a line's start) or
 * follows text, never after the row's digits. */
static size_t cut_ordinal(const char *s, size_t a, size_t b, int ordinal)
{
	if (ordinal <= 0)
		return b;
	size_t e = b;
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	/* ① … ⑳: U+2460 + ordinal - 1 */
	if (ordinal <= 20 && e >= a + 3 && (unsigned char)s[e - 3] == 0xE2 &&
	    (unsigned char)s[e - 2] == 0x91 &&
	    (unsigned char)s[e - 1] == 0xA0 + ordinal - 1)
		return e - 3;
	/* 、 is three bytes; . and ) one */
	int closed = 0, mark = 1;
	if (e >= a + 3 && memcmp(s + e - 3, "、", 3) == 0)
		e -= 3;
	else if (e > a && s[e - 1] == '.')
		e--;
	else if (e > a && s[e - 1] == ')') {
		e--;
		closed = 1;
	} else
		mark = 0;
	if (mark)
		while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
	char ord[8];
	int ol = snprintf(ord, sizeof ord, "%d", ordinal);
	if (e < a + (size_t)ol || memcmp(s + e - ol, ord, (size_t)ol) != 0)
		return b;
	size_t d = e - (size_t)ol;   /* the ordinal's first digit */
	if (closed && d > a && s[d - 1] == '(')
		return d - 1;
	if (mark)
		return d;   /* even glued to the row's digits: "…30000035." */
	/* no mark: a cell of its own, or after text ("不予公开 1 属于…"),
	 * never after the row's digits or inside a number */
	size_t p = d;
	while (p > a && s[p - 1] == ' ')
		p--;
	if (p == a || s[p - 1] == '\n' || s[p - 1] == '\t' || s[p - 1] == '|' ||
	    s[p - 1] == ')' || (unsigned char)s[p - 1] >= 0x80)
		return d;
	return b;
}

/* s[a, e) is a table cell of its own: a tab, a bar or a line's start
 * before it, and a tab, a bar, a line's end or a number after it. */
static int cell_alone(const char *s, size_t len, size_t a, size_t e)
{
	while (a > 0 && s[a - 1] == ' ')
		a--;
	if (a > 0 && s[a - 1] != '\t' && s[a - 1] != '|' && s[a - 1] != '\n')
		return 0;
	while (e < len && s[e] == ' ')
		e++;
	return e == len || s[e] == '\t' || s[e] == '|' || s[e] == '\n' || is_digit(s[e]);
}

static int label_row(const gj_text *t, const gj_grid *g, size_t start, size_t end,
		     gj_row *row, int *label);

/* The label at [start, end) is the label of a row whose markup gives
 * its cells. */
static int in_grid_row(const gj_text *t, const gj_grid *g, size_t start, size_t end)
{
	gj_row row;
	int label;
	return label_row(t, g, start, end, &row, &label);
}

/* Rows not found in the rows' order, found out of it: a converter that
 * floats 表二's "行政许可 0" above the table's other rows.  A label of
 * four letters or more, printed exactly once in the table with numbers
 * after it on its line, where no row found already is, is that row's. */
static void find_loose(const gj_text *t, const gj_stream *st, size_t from_i,
		       const row_label *rows, anchor *out)
{
	for (int i = 0; rows[i].row; i++) {
		if (out[i].found || rows[i].optional)
			continue;
		unsigned key[128];
		int m = gj_key_make(rows[i].label, key, 128);
		if (m < 4)
			continue;
		gj_hit h, only;
		int n = 0;
		size_t from = from_i;
		while (n < 2 && gj_stream_find(st, from, st->n, key, m, 0, &h) == 0) {
			int taken = 0;
			for (int j = 0; rows[j].row && !taken; j++)
				taken = out[j].found && !out[j].loose && h.first <= out[j].last_i &&
					out[j].first_i <= h.last;
			/* with its numbers after it on its line, as a row is */
			size_t e = letter_end(t->s, st->v[h.last].off), digits = 0;
			while (e < t->len && t->s[e] != '\n' && !digits)
				digits = is_digit(t->s[e++]);
			if (!taken && digits) {
				only = h;
				n++;
			}
			from = h.last + 1;
		}
		if (n != 1)
			continue;
		out[i].found = 1;
		out[i].loose = 1;
		out[i].exact = 1;
		out[i].first_i = only.first;
		out[i].last_i = only.last;
		out[i].start = st->v[only.first].off;
		out[i].end = letter_end(t->s, st->v[only.last].off);
	}
}

static void find_anchors(const gj_text *t, const gj_grid *g, const gj_stream *st,
			 size_t from_i, const row_label *rows, anchor *out)
{
	size_t cur = from_i;
	for (int i = 0; rows[i].row; i++) {
		unsigned key[128];
		int m = gj_key_make(rows[i].label, key, 128);
		/* look ahead: do not run past the next required label found
		 * exactly, so a fuzzy match cannot jump over rows */
		size_t lim = st->n;
		for (int j = i + 1; rows[j].row; j++) {
			if (rows[j].optional)
				continue;
			unsigned k2[128];
			int m2 = gj_key_make(rows[j].label, k2, 128);
			gj_hit h2;
			if (gj_stream_find(st, cur, st->n, k2, m2, 0, &h2) == 0) {
				lim = h2.first;
				break;
			}
		}
		gj_hit h;
		out[i].found = 0;
		out[i].loose = 0;
		size_t from = cur;
		int got;
		/* a short label with an ordinal ("3.其他") must have its
		 * ordinal, or be a table cell of its own: "其他" in running
		 * text is any sentence's word */
		/* a long label found exactly is this row even past a short
		 * word of the next (a header's 总计); others stay in order */
		gj_hit ex;
		if (m >= 5 && lim < st->n &&
		    gj_stream_find(st, from, st->n, key, m, 0, &ex) == 0)
			lim = st->n;
		while ((got = gj_stream_find(st, from, lim, key, m, 1, &h)) == 0 &&
		       m <= 3 && rows[i].ordinal > 0) {
			size_t ls = st->v[h.first].off;
			size_t base = ls > 16 ? ls - 16 : 0;
			if (cut_ordinal(t->s, base, ls, rows[i].ordinal) != ls ||
			    cell_alone(t->s, t->len, ls, letter_end(t->s, st->v[h.last].off)))
				break;
			from = h.first + 1;
		}
		if (got == 0 &&
		    !in_grid_row(t, g, st->v[h.first].off, letter_end(t->s, st->v[h.last].off))) {
			/* the label again as a table row's, before the next
			 * label: a heading that names the row is not the row
			 * ("### 一、本年新收…" then "| 本年新收… | 705 | …") */
			gj_hit h2;
			size_t from2 = h.last + 1;
			while (from2 < lim && gj_stream_find(st, from2, lim, key, m, 0, &h2) == 0) {
				if (in_grid_row(t, g, st->v[h2.first].off,
						letter_end(t->s, st->v[h2.last].off))) {
					h = h2;
					break;
				}
				from2 = h2.last + 1;
			}
		}
		if (got == 0) {
			out[i].found = 1;
			out[i].first_i = h.first;
			out[i].last_i = h.last;
			out[i].start = st->v[h.first].off;
			out[i].end = letter_end(t->s, st->v[h.last].off);
			/* a label wrapped across lines may enclose a merged
			 * cell's glyphs: all its letters in order is exact */
			out[i].exact = h.exact ||
				(h.matched == m &&
				 memchr(t->s + out[i].start, '\n', out[i].end - out[i].start));
			if (rows[i].optional != 2)
				cur = h.last + 1;
		}
	}
	find_loose(t, st, from_i, rows, out);
}

/* Where the last row's numbers stop: the first letter after them. */
static size_t numbers_end(const gj_stream *st, size_t from_i, const gj_text *t,
			  size_t a, size_t b)
{
	const char *s = t->s;
	int seen = 0;
	size_t i = a;
	size_t li = from_i;
	while (i < b) {
		/* a page's header or footer between the numbers is no number */
		if (!seen && is_digit(s[i]) && !on_page_number_line(t, i))
			seen = 1;
		while (li < st->n && st->v[li].off < i)
			li++;
		if (seen && li < st->n && st->v[li].off == i)
			return i;
		i++;
	}
	return b;
}

/* The row of a table whose markup gives its cells (a pipe, tab or <td>
 * row, grid.c) and that holds the label at [start, end), with *label the
 * field that holds it: 1 when there is one and it has a field after the
 * label's.  A label wrapped past its row's end is taken at its start.  A
 * crawled page that prints each cell on a line of its own after a bar
 * ("| (一) 予以公开" then "| 0" …) has no field after the label's: its
 * numbers are read from the lines that follow, like any other layout. */
static int label_row(const gj_text *t, const gj_grid *g, size_t start, size_t end,
		     gj_row *row, int *label)
{
	if (!gj_grid_row_at(t, g, start, row))
		return 0;
	int f = end > start ? gj_row_field_at(row, end - 1) : -1;
	if (f < 0)
		f = gj_row_field_at(row, start);
	if (f < 0 || f + 1 >= row->nfields)
		return 0;
	/* a tab row's trailing tab is no cell of its own */
	int any = row->kind != GJ_ROW_TAB || row->nfields - (f + 1) >= 2;
	for (int k = f + 1; k < row->nfields && !any; k++)
		any = row->field[k].end > row->field[k].start;
	*label = f;
	return any;
}

/* A field printed as a blank cell: empty, or only "/", "-", "\" or dashes
 * (—, –, ―; full-width forms are ASCII by now). */
static int blank_field(const char *s, size_t a, size_t e)
{
	static const char *const dashes[] = { "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x95", NULL };
	size_t i = a;
	while (i < e) {
		if (s[i] == '/' || s[i] == '-' || s[i] == '\\' || s[i] == ' ') {
			i++;
			continue;
		}
		int k;
		for (k = 0; dashes[k]; k++)
			if (i + 3 <= e && memcmp(s + i, dashes[k], 3) == 0)
				break;
		if (!dashes[k])
			return 0;
		i += 3;
	}
	return 1;
}

/* A row whose fields do not fit the table's columns (a cell lost at a
 * page break): its numbers are placed by the row's sums as in any other
 * layout, or left missing. */
static void read_field_tokens(const gj_text *t, size_t a, size_t b, gj_sum_kind kind,
			      row_read *rr)
{
	token tok[MAX_TOKENS];
	int more;
	int n = scan_tokens(t, a, b, tok, MAX_TOKENS, &more);
	read_row(t->s, rr, tok, n, kind, more);
}

/* A field whose letters, spaces aside, are word ("总 计" is 总计). */
static int field_is(const gj_text *t, const gj_span *f, const char *word)
{
	size_t n = strlen(word), k = 0;
	for (size_t i = f->start; i < f->end; i++) {
		if (t->s[i] == ' ')
			continue;
		if (k >= n || t->s[i] != word[k])
			return 0;
		k++;
	}
	return k == n;
}

/* The column of the heading 总计 in a row above row, in its table: where
 * 表三's last column is.  -1 when there is none. */
static int total_column(const gj_text *t, const gj_grid *g, const gj_row *row)
{
	gj_row at = *row, prev;
	for (int n = 0; n < 40 && gj_grid_row_before(t, g, &at, &prev); n++) {
		for (int f = 0; f < prev.nfields; f++)
			if (field_is(t, &prev.field[f], "总计"))
				return prev.field[f].col;
		at = prev;
	}
	return -1;
}

/* One reading of row by position: fields [k0, k0 + ncells) its cells. */
static void field_reading(const gj_text *t, const gj_row *row, int k0, int ncells,
			  reading *rd)
{
	memset(rd, 0, sizeof *rd);
	for (int k = 0; k < ncells; k++) {
		size_t a = row->field[k0 + k].start, e = row->field[k0 + k].end;
		rd->start[k] = a;
		rd->end[k] = e;     /* a blank cell: empty, at its place */
		rd->placed[k] = 1;
		if (blank_field(t->s, a, e)) {
			rd->blank[k] = 1;
			continue;
		}
		token tk[2];
		int more;
		int n = scan_tokens(t, a, e, tk, 2, &more);
		if (n == 1 && !tk[0].placeholder && tk[0].start == a && tk[0].end == e &&
		    !tk[0].lead_zero) {
			rd->known[k] = 1;
			rd->v[k] = tk[0].value;
		}
	}
}

/* The row's sums hold in this reading, a blank counted as 0. */
static int reading_adds_up(const reading *rd, int ncells, gj_sum_kind kind)
{
	if (kind == GJ_SUM_NONE)
		return 1;
	int block = kind == GJ_SUM_LAST ? ncells : 5;
	for (int b0 = 0; b0 + block <= ncells; b0 += block) {
		double sum = 0;
		for (int k = b0; k < b0 + block; k++) {
			if (!rd->known[k] && !rd->blank[k])
				return 0;
			if (k < b0 + block - 1)
				sum += rd->known[k] ? rd->v[k] : 0;
		}
		double last = rd->known[b0 + block - 1] ? rd->v[b0 + block - 1] : 0;
		if (fabs(sum - last) > 1e-9)
			return 0;
	}
	return 1;
}

/* Read a row by position: fields [first, nfields) of row are its cells.
 * More fields than cells: empty ones at either end are no cells ("| 行政
 * 许可 | 128 | | |", "| 四、… | | 1 | 0 | … |", a tab row's leading tabs
 * under a merged label).  When empty fields at both ends leave more than
 * one way to line the row up (a table that leaves its 总计 column blank,
 * under a label merged over empty columns), the column of the table's
 * 总计 heading decides; without one the row's sums choose among the
 * ways, and cells on which the ways differ are ambiguous.  Fewer fields
 * than cells: cells were lost, and the numbers are placed by the row's
 * sums.  A blank field is a cell printed blank. */
static void read_grid_row(const gj_text *t, const gj_grid *g, const gj_row *row,
			  int first, gj_sum_kind kind, row_read *rr)
{
	int nf = row->nfields - first;
	rr->ok_status = GJ_OK;
	size_t from = nf > 0 ? row->field[first].start : row->end;
	if (nf < rr->ncells) {
		read_field_tokens(t, from, row->end, kind, rr);
		return;
	}
	int extra = nf - rr->ncells, lead = 0, tail = 0;
	while (lead < extra && row->field[first + lead].end == row->field[first + lead].start)
		lead++;
	while (tail < extra && row->field[row->nfields - 1 - tail].end ==
				       row->field[row->nfields - 1 - tail].start)
		tail++;
	/* d empty fields dropped before, extra - d after */
	int dmin = extra - tail, dmax = lead;
	if (dmin > dmax) {
		read_field_tokens(t, from, row->end, kind, rr);
		return;
	}
	if (dmin < dmax && rr->ncells == 7) {
		int tc = total_column(t, g, row);
		for (int d = dmin; d <= dmax && tc >= 0; d++)
			if (row->field[first + d + 6].col == tc) {
				dmin = dmax = d;
				break;
			}
	}
	reading rd[8];
	int n = 0, fit = 0;
	for (int d = dmin; d <= dmax && n < 8; d++) {
		field_reading(t, row, first + d, rr->ncells, &rd[n]);
		fit += reading_adds_up(&rd[n], rr->ncells, kind);
		n++;
	}
	for (int i = 0; i < n; i++)
		if (fit == 0 || reading_adds_up(&rd[i], rr->ncells, kind))
			add_reading(rr, &rd[i]);
	rr->span_start = row->field[first + dmin].start;
	rr->span_end = row->field[first + dmax + rr->ncells - 1].end;
	if (rr->nread > 1)
		made_by(rr, "placed_by_sums", "lined up with the table's columns by the row's sums");
}

/* The row sums of a row's numbers hold as printed: tok[0..k) are whole
 * numbers, the first k-1 adding up to the last. */
static int row_adds_up(const token *tok, int k)
{
	double sum = 0;
	for (int q = 0; q < k; q++)
		if (tok[q].placeholder || tok[q].decimal || tok[q].lead_zero)
			return 0;
	for (int q = 0; q + 1 < k; q++)
		sum += tok[q].value;
	return fabs(sum - tok[k - 1].value) < 1e-9;
}

typedef struct {
	token tok[MAX_TOKENS];
	int n, more;
	int grid;         /* read by position from its markup row */
	gj_row row;       /* that row */
} row_tokens;

/* A row read by position whose last cell is blank and all others are
 * numbers ("| 3 | 1 | 0 | 0 | 1 | 5 | |"): a 总计 left blank, or a row
 * that lost a cell at a page break and was padded at its end. */
static int padded_shape(const row_read *rr)
{
	if (rr->nread != 1)
		return 0;
	const reading *z = &rr->r[0];
	int last = rr->ncells - 1;
	if (!z->blank[last])
		return 0;
	for (int k = 0; k < last; k++)
		if (!z->known[k])
			return 0;
	return 1;
}

/* Rows read by position in a table where all the other rows print their
 * last cell may have lost a cell instead: when its numbers, placed by the
 * row's sums, add up and the row as printed (blank as 0) does not, the
 * placed readings are kept.  A table that leaves its 总计 column blank
 * has many such rows, and they are read as printed. */
static void place_padded(const gj_text *t, row_tokens *rt, row_read *rr, int n,
			 gj_sum_kind kind)
{
	if (kind != GJ_SUM_LAST)
		return;
	int padded = 0, full = 0;
	for (int i = 0; i < n; i++) {
		if (!rt[i].grid)
			continue;
		if (padded_shape(&rr[i]))
			padded++;
		else if (rr[i].nread == 1 && rr[i].r[0].known[rr[i].ncells - 1])
			full++;
	}
	if (padded == 0 || padded > 2 || full < 3)
		return;
	for (int i = 0; i < n; i++) {
		if (!rt[i].grid || !padded_shape(&rr[i]))
			continue;
		const reading *z = &rr[i].r[0];
		double sum = 0;
		for (int k = 0; k + 1 < rr[i].ncells; k++)
			sum += z->v[k];
		if (sum == 0)
			continue;   /* a row of zeros adds up to its blank as 0 */
		row_read placed;
		memset(&placed, 0, sizeof placed);
		placed.ncells = rr[i].ncells;
		placed.found = 1;
		placed.line = rr[i].line;
		read_field_tokens(t, z->start[0], z->end[rr[i].ncells - 2], kind, &placed);
		if (placed.nread > 0)
			rr[i] = placed;
	}
}

/* The next row a markup gives at or after off, before end: 1 and *row. */
static int next_grid_row(const gj_text *t, const gj_grid *g, size_t off, size_t end,
			 gj_row *row)
{
	int line = gj_text_line(t, off);
	while (off < end) {
		if (gj_grid_row_at(t, g, off, row) && row->start >= off)
			return row->end <= end;
		/* on to the next markup row or line, whichever comes first */
		if (line >= t->nlines)
			return 0;
		size_t next = t->line_start[line];
		size_t r = gj_grid_row_from(g, off + 1);
		if (g && r < g->nrows && g->row_start[r] < next)
			next = g->row_start[r];
		if (next <= off)
			return 0;
		off = next;
		line = gj_text_line(t, off);
	}
	return 0;
}

/* A row of numbers alone: its last ncells fields are numbers or blank,
 * one at least a number.  Sets *first to the first of them. */
static int numbers_row(const gj_text *t, const gj_row *row, int ncells, int *first)
{
	int nf = row->nfields;
	while (nf > 0 && row->field[nf - 1].end == row->field[nf - 1].start)
		nf--;   /* a closing empty field */
	if (nf < ncells)
		return 0;
	int numbers = 0;
	for (int k = nf - ncells; k < nf; k++) {
		size_t a = row->field[k].start, e = row->field[k].end;
		if (blank_field(t->s, a, e))
			continue;
		token tk[2];
		int more;
		if (scan_tokens(t, a, e, tk, 2, &more) != 1 || tk[0].start != a ||
		    tk[0].end != e || tk[0].placeholder)
			return 0;
		numbers++;
	}
	*first = nf - ncells;
	return numbers > 0;
}

/* Rows whose labels were not found beside their numbers (a converter that
 * set the labels apart): between two rows that were found, as many rows of
 * numbers alone as rows missing in between belong to them, in order. */
static void place_by_order(const gj_text *t, const gj_grid *g, const row_label *rows,
			   anchor *an, row_tokens *rt, row_read *rr, int n,
			   gj_sum_kind kind, const unsigned char *skip)
{
	for (int i = 0; i < n; i++) {
		if (!an[i].found || !rt[i].grid)
			continue;
		int j = i + 1, want[32], nwant = 0;
		while (j < n && !an[j].found) {
			if (!skip[j] && nwant < 32 && rows[j].ncells == rows[i].ncells)
				want[nwant++] = j;
			j++;
		}
		if (nwant == 0 || j >= n)
			continue;
		gj_row found[32];
		int first[32], nfound = 0;
		size_t off = rt[i].row.end;
		gj_row row;
		while (nfound <= nwant && next_grid_row(t, g, off, an[j].start, &row)) {
			int f;
			if (numbers_row(t, &row, rows[i].ncells, &f)) {
				if (nfound < 32) {
					found[nfound] = row;
					first[nfound] = f;
				}
				nfound++;
			}
			off = row.end > off ? row.end : off + 1;
		}
		if (nfound != nwant)
			continue;
		for (int q = 0; q < nwant; q++) {
			row_read *r = &rr[want[q]];
			memset(r, 0, sizeof *r);
			r->ncells = rows[want[q]].ncells;
			r->found = 1;
			r->line = gj_text_line(t, found[q].start);
			read_grid_row(t, g, &found[q], first[q], kind, r);
			made_by(r, "placed_by_order",
				"its label is not beside its numbers; placed by the order of the rows");
		}
		i = j - 1;
	}
}

static void read_rows(const gj_text *t, const gj_grid *g, const gj_stream *st,
		      size_t region_end, const row_label *rows, anchor *an, row_read *rr,
		      gj_sum_kind kind, int last_stops, const unsigned char *skip)
{
	int n = 0;
	while (rows[n].row)
		n++;
	row_tokens *rt = gj_xcalloc((size_t)n, sizeof *rt);
	for (int i = 0; i < n; i++) {
		memset(&rr[i], 0, sizeof rr[i]);
		rr[i].ncells = rows[i].ncells;
		if (!an[i].found)
			continue;
		rr[i].found = 1;
		rr[i].line = gj_text_line(t, an[i].start);
		int label;
		if (label_row(t, g, an[i].start, an[i].end, &rt[i].row, &label)) {
			read_grid_row(t, g, &rt[i].row, label + 1, kind, &rr[i]);
			rt[i].grid = 1;
			continue;
		}
		/* the next label in the text: the rows' order, unless a row
		 * was found out of it */
		int nx = -1;
		for (int j = 0; j < n; j++)
			if (an[j].found && an[j].start > an[i].start &&
			    (nx < 0 || an[j].start < an[nx].start))
				nx = j;
		size_t a = an[i].start;
		size_t b = nx >= 0 ? an[nx].start : region_end;
		if (an[i].loose) {
			/* a row found out of order: its numbers are on its line */
			size_t eol = an[i].end;
			while (eol < t->len && t->s[eol] != '\n')
				eol++;
			if (eol < b)
				b = eol;
		}
		if (nx >= 0)
			b = cut_ordinal(t->s, a, b, rows[nx].ordinal);
		else if (last_stops)
			b = numbers_end(st, an[i].first_i, t, an[i].end, b);
		rt[i].n = scan_tokens(t, a, b, rt[i].tok, MAX_TOKENS, &rt[i].more);
	}
	/* A label set lower than its row's numbers (centred in a row made
	 * tall by the wrapped label above): the row above has two whole rows
	 * of numbers and this one none.  When both halves add up, the second
	 * is this row's. */
	for (int i = 0; kind == GJ_SUM_LAST && i + 1 < n; i++) {
		int k = rows[i].ncells, j = i + 1;
		if (!an[i].found || !an[j].found || rt[i].grid || rt[j].grid ||
		    rt[i].more || rt[i].n != 2 * k || rt[j].n != 0 || rows[j].ncells != k)
			continue;
		if (!row_adds_up(rt[i].tok, k) || !row_adds_up(rt[i].tok + k, k))
			continue;
		memcpy(rt[j].tok, rt[i].tok + k, (size_t)k * sizeof rt[j].tok[0]);
		rt[j].n = k;
		rt[j].tok[0].gap = GAP_STRONG;
		rt[i].n = k;
	}
	for (int i = 0; i < n; i++)
		if (an[i].found && !rt[i].grid)
			read_row(t->s, &rr[i], rt[i].tok, rt[i].n, kind, rt[i].more);
	place_padded(t, rt, rr, n, kind);
	place_by_order(t, g, rows, an, rt, rr, n, kind, skip);
	free(rt);
}

/* ---- 表三's column sums settle ambiguous rows ---- */

static int row_index(const row_label *rows, const char *key)
{
	for (int i = 0; rows[i].row; i++)
		if (strcmp(rows[i].row, key) == 0)
			return i;
	return -1;
}

#define MAX_COMBOS 20000

static int same_values(const reading *a, const reading *b)
{
	for (int k = 0; k < MAX_CELLS; k++) {
		if (a->known[k] != b->known[k])
			return 0;
		if (a->known[k] && fabs(a->v[k] - b->v[k]) > 1e-9)
			return 0;
	}
	return 1;
}

/* One column equation sum(plus rows) = sum(minus rows), all 7 columns.
 * Rows still ambiguous are tried in every combination of their readings
 * (up to MAX_COMBOS); a row whose reading is the same in every combination
 * that fits is settled to it.  Returns 1 if it settled a row. */
static int settle(row_read *rr, const int *rows, const int *sign, int nrows)
{
	int un[32], nun = 0;
	long combos = 1;
	for (int q = 0; q < nrows; q++) {
		const row_read *r = &rr[rows[q]];
		if (rows[q] < 0 || !r->found || r->nread == 0 || r->overflow)
			return 0;   /* a row nobody could read: no equation */
		if (r->nread > 1) {
			un[nun++] = q;
			combos *= r->nread;
			if (combos > MAX_COMBOS)
				return 0;
		}
	}
	if (nun == 0)
		return 0;
	int pick[32] = { 0 }, fit_pick[32];
	int nfit = 0;
	unsigned char same[32];
	memset(same, 1, sizeof same);
	for (long c = 0; c < combos; c++) {
		long rest = c;
		for (int u = 0; u < nun; u++) {
			int n = rr[rows[un[u]]].nread;
			pick[u] = (int)(rest % n);
			rest /= n;
		}
		int fits = 1;
		for (int col = 0; col < 7 && fits; col++) {
			double sum = 0;
			int u = 0;
			for (int q = 0; q < nrows; q++) {
				int ri = 0;
				if (u < nun && un[u] == q)
					ri = pick[u++];
				const reading *rd = &rr[rows[q]].r[ri];
				if (!rd->known[col]) {
					fits = 0;
					break;
				}
				sum += sign[q] * rd->v[col];
			}
			if (fits && fabs(sum) > 1e-9)
				fits = 0;
		}
		if (!fits)
			continue;
		if (nfit == 0)
			memcpy(fit_pick, pick, sizeof pick);
		else
			for (int u = 0; u < nun; u++)
				if (!same_values(&rr[rows[un[u]]].r[pick[u]],
						 &rr[rows[un[u]]].r[fit_pick[u]]))
					same[u] = 0;
		nfit++;
	}
	if (nfit == 0)
		return 0;   /* the report's own sums fail: decide nothing */
	int changed = 0;
	for (int u = 0; u < nun; u++) {
		if (!same[u])
			continue;
		row_read *r = &rr[rows[un[u]]];
		/* keep the readings that give these values (they may still
		 * differ in where a lost cell was) */
		reading chosen = r->r[fit_pick[u]];
		int kept = 0;
		for (int i = 0; i < r->nread; i++)
			if (same_values(&r->r[i], &chosen))
				r->r[kept++] = r->r[i];
		if (kept == r->nread)
			continue;
		r->nread = kept;
		if (r->broken)
			made_by(r, "split_by_columns",
				"split chosen by the table's column sums; the row's own sum fails");
		else
			made_by(r, "split_by_columns", "split chosen by the table's column sums");
		r->ok_status = GJ_INFERRED;
		changed = 1;
	}
	return changed;
}

static void settle_columns(row_read *rr, const row_label *rows, int single_other)
{
	/* the result rows （一）…（六）: the three sub-rows of （六）, or the
	 * one row when it is printed so */
	int res[32], nr = 0;
	for (int i = 0; request_rows[i].rl.row && nr < 32; i++) {
		const catalogue_row *cr = &request_rows[i];
		if (!cr->group || (cr->rl.optional == 1 && single_other) ||
		    (cr->rl.optional == 2 && !single_other))
			continue;
		res[nr++] = row_index(rows, cr->rl.row);
	}
	int total = row_index(rows, "total");
	int ident_plus[2] = { row_index(rows, "new"), row_index(rows, "carried_over") };
	int ident_minus[2] = { total, row_index(rows, "carried_forward") };

	int eq1[24], sg1[24], n1 = 0;
	for (int i = 0; i < nr; i++) {
		eq1[n1] = res[i];
		sg1[n1++] = 1;
	}
	eq1[n1] = total;
	sg1[n1++] = -1;
	int eq2[4] = { ident_plus[0], ident_plus[1], ident_minus[0], ident_minus[1] };
	int sg2[4] = { 1, 1, -1, -1 };
	for (int round = 0; round < 8; round++) {
		int changed = settle(rr, eq1, sg1, n1);
		changed |= settle(rr, eq2, sg2, 4);
		if (!changed)
			break;
	}
}

/* ---- the three tables ---- */

static void note_labels(gj_report *r, const gj_text *t, const gj_stream *st,
			const row_label *rows, const anchor *an, const char *table)
{
	for (int i = 0; rows[i].row; i++) {
		if (!an[i].found || an[i].exact)
			continue;
		/* the label's letters as printed */
		char printed[256];
		size_t k = 0;
		for (size_t j = an[i].first_i; j <= an[i].last_i; j++) {
			char u[4];
			int n = gj_utf8_encode(st->v[j].cp, u);
			if (k + (size_t)n + 1 >= sizeof printed)
				break;
			memcpy(printed + k, u, (size_t)n);
			k += (size_t)n;
		}
		printed[k] = '\0';
		gj_report_note(r, gj_text_line(t, an[i].start),
			       "label of tables.%s.%s differs from the official '%s': '%s'",
			       table, rows[i].row, rows[i].label, printed);
	}
}

static size_t clamp_end(size_t a, size_t b)
{
	return b - a > MAX_REGION ? a + MAX_REGION : b;
}


/* The start of the ordinal printed before a label ("（一）予以公开",
 * "一、本年新收"): it belongs to the table, not to the text around it. */
static size_t back_over_ordinal(const gj_text *t, size_t at)
{
	static const char *const marks[] = {
		"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
		"（", "）", "、", "．", NULL
	};
	const char *s = t->s;
	for (int n = 0; n < 8 && at > 0; n++) {
		char c = s[at - 1];
		if (is_digit(c) || c == '(' || c == ')' || c == '.' || c == ' ') {
			at--;
			continue;
		}
		int k;
		for (k = 0; marks[k]; k++)
			if (at >= 3 && memcmp(s + at - 3, marks[k], 3) == 0)
				break;
		if (!marks[k])
			break;
		at -= 3;
	}
	return at;
}

/* Where table k was printed: from its first label (and its ordinal) to
 * the last of its numbers or labels. */
static void set_span(const gj_text *t, gj_report *r, gj_table k, const anchor *an,
		     const row_read *rr, int n)
{
	size_t start = t->len, end = 0;
	for (int i = 0; i < n; i++) {
		if (!an[i].found)
			continue;
		if (an[i].start < start)
			start = an[i].start;
		if (an[i].end > end)
			end = an[i].end;
		if (rr[i].found && rr[i].span_end > end)
			end = rr[i].span_end;
	}
	if (start >= end)
		return;
	start = back_over_ordinal(t, start);
	gj_text_pos(t, start, &r->table_line[k], &r->table_column[k]);
	gj_text_pos(t, end, &r->table_end_line[k], &r->table_end_column[k]);
}

/* Letters that start a table: the first header text of 表二, if any. */
static size_t header_after(const gj_stream *st, const char *label)
{
	unsigned key[64];
	int m = gj_key_make(label, key, 64);
	gj_hit h;
	if (gj_stream_find(st, 0, st->n, key, m, 0, &h) == 0)
		return h.last + 1;
	return 0;
}

static size_t read_active(const gj_text *t, const gj_grid *g, size_t a, size_t b,
			  gj_report *r)
{
	active_table at;
	active_of(r->format == GJ_FORMAT_2019 ? GJ_F2019 : GJ_F2021, &at);
	const row_label *rows = at.rows;
	gj_stream st;
	gj_stream_build_skip(&st, t->s, a, b, 0, t->furniture, gj_text_line(t, a));
	/* the table starts at its header: a narrative "规范性文件3件" before
	 * it is not a row */
	size_t from = header_after(&st, "第二十条");
	if (!from)
		from = header_after(&st, "信息内容");
	anchor an[MAX_ACTIVE];
	row_read *rr = gj_xcalloc(MAX_ACTIVE, sizeof *rr);
	if (from)
		find_anchors(t, g, &st, from, rows, an);
	else
		for (int i = 0; rows[i].row; i++)
			an[i].found = 0;
	static const unsigned char none[MAX_ACTIVE];
	read_rows(t, g, &st, b, rows, an, rr, GJ_SUM_NONE, 1, none);
	int any = 0;
	for (int i = 0; rows[i].row; i++) {
		any |= an[i].found;
		set_cells(t, r, GJ_TABLE_ACTIVE, rows[i].row, at.cols[i], &rr[i]);
	}
	r->has_table[GJ_TABLE_ACTIVE] = any;
	size_t end = a;
	if (any) {
		int n = 0;
		while (rows[n].row)
			n++;
		set_span(t, r, GJ_TABLE_ACTIVE, an, rr, n);
		note_labels(r, t, &st, rows, an, "active");
		for (int i = 0; rows[i].row; i++)
			if (an[i].found)
				end = an[i].end;
	} else {
		gj_report_note(r, gj_text_line(t, a), "表二 not found");
	}
	free(rr);
	gj_stream_release(&st);
	return end;
}

/* 表三's column header 社会公益组织 printed as 社会组织 (S-LABELS).  Only
 * when 公益 is nowhere in the header: a layout that stacks a header's
 * glyphs in columns ("社会/公益/组织") is not a different label. */
static void note_columns(gj_report *r, const gj_text *t, const gj_stream *st,
			 size_t header_end)
{
	unsigned key[16];
	gj_hit h;
	int m = gj_key_make("公益", key, 16);
	if (gj_stream_find(st, 0, header_end, key, m, 0, &h) == 0)
		return;
	m = gj_key_make("社会组织", key, 16);
	if (gj_stream_find(st, 0, header_end, key, m, 0, &h) == 0)
		gj_report_note(r, gj_text_line(t, st->v[h.first].off),
			       "column label '社会组织' differs from the official '社会公益组织'");
}

static size_t read_requests(const gj_text *t, const gj_grid *g, size_t a, size_t b,
			    gj_report *r)
{
	const row_label *rows = requests;
	gj_stream st;
	gj_stream_build_skip(&st, t->s, a, b, 0, t->furniture, gj_text_line(t, a));
	int n = 0;
	while (rows[n].row)
		n++;
	anchor *an = gj_xcalloc((size_t)n, sizeof *an);
	row_read *rr = gj_xcalloc((size_t)n, sizeof *rr);
	find_anchors(t, g, &st, 0, rows, an);
	note_columns(r, t, &st, an[0].found ? an[0].first_i : st.n);
	int io = row_index(rows, "other");
	int sub = 0;
	for (int i = io + 1; i <= io + 3; i++)
		sub += an[i].found;
	int single_other = an[io].found && sub == 0;
	if (!single_other)
		an[io].found = 0;   /* a group label above the sub-rows */
	/* rows that are not this report's to place by order: the group
	 * label （六）, and the sub-rows or the single row of the other
	 * format */
	unsigned char skip[32] = { 0 };
	for (int i = 0; i < n && i < 32; i++)
		skip[i] = rows[i].optional == 2 ||
			  (rows[i].optional == 1 && r->format == GJ_FORMAT_2019);
	read_rows(t, g, &st, b, rows, an, rr, GJ_SUM_LAST, 1, skip);
	settle_columns(rr, rows, single_other);
	int any = 0;
	for (int i = 0; i < n; i++) {
		any |= an[i].found;
		if (i == io && !single_other)
			continue;
		if (i == io && r->format == GJ_FORMAT_2021) {
			/* printed as one row in a 2021 report: keep it as
			 * "other"; the three sub-rows stay missing */
			for (int k = 0; gj_request_columns[k]; k++) {
				int ci = gj_cell_find(GJ_TABLE_REQUESTS, "other",
						      gj_request_columns[k]);
				r->cells[ci].status = GJ_MISSING;
			}
			gj_report_note(r, rr[i].line,
				       "（六）其他处理 is printed as one row: its three sub-rows are missing");
		}
		if (i > io && i <= io + 3 && r->format == GJ_FORMAT_2019)
			continue;
		set_cells(t, r, GJ_TABLE_REQUESTS, rows[i].row, gj_request_columns, &rr[i]);
		if (single_other && i > io && i <= io + 3) {
			for (int k = 0; gj_request_columns[k]; k++) {
				int ci = gj_cell_find(GJ_TABLE_REQUESTS, rows[i].row,
						      gj_request_columns[k]);
				if (r->cells[ci].status != GJ_ABSENT)
					gj_cell_why(&r->cells[ci], "merged_other",
						    "（六）其他处理 is printed as one row");
			}
		}
	}
	r->has_table[GJ_TABLE_REQUESTS] = any;
	size_t end = a;
	if (any) {
		set_span(t, r, GJ_TABLE_REQUESTS, an, rr, n);
		note_labels(r, t, &st, rows, an, "requests");
		for (int i = 0; i < n; i++)
			if (an[i].found)
				end = an[i].end;
	} else {
		gj_report_note(r, gj_text_line(t, a), "表三 not found");
	}
	free(an);
	free(rr);
	gj_stream_release(&st);
	return end;
}

/* s[a, b) holds nothing but 表四's header words, with spaces, bars and
 * punctuation between and inside them ("行政诉讼 | 未经复议直接起诉 …",
 * "结 果 维 持"), single glyphs of them, and a page's header or footer. */
static int appeals_header_only(const gj_text *t, size_t a, size_t b)
{
	const char *s = t->s;
	static const char *const words[] = {
		"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持",
		"结果纠正", "其他结果", "尚未审结", "总计", NULL
	};
	size_t i = a;
	while (i < b) {
		unsigned char c = (unsigned char)s[i];
		if (gj_text_is_furniture(t, gj_text_line(t, i))) {
			while (i < b && s[i] != '\n')
				i++;   /* a page's header or footer between the blocks */
			i++;       /* and its newline, which is on its line too */
			continue;
		}
		if (c < 0x80) {
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
				return 0;
			i++;
			continue;
		}
		size_t next = 0;
		for (int w = 0; words[w] && !next; w++) {
			const char *p = words[w];
			size_t j = i;
			while (*p && j < b) {
				while (j < b && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '|'))
					j++;
				if (j + 3 > b || memcmp(s + j, p, 3) != 0)
					break;
				j += 3;
				p += 3;
			}
			if (!*p)
				next = j;
		}
		if (next) {
			i = next;
			continue;
		}
		/* a header written a glyph a line leaves single glyphs of its
		 * words between the numbers ("1 0 0 结" / "持 3 4 …") */
		int glyph = 0;
		for (int w = 0; words[w] && !glyph; w++)
			for (const char *p = words[w]; *p && !glyph; p += 3)
				glyph = i + 3 <= b && memcmp(s + i, p, 3) == 0;
		if (glyph) {
			i += 3;
			continue;
		}
		/* CJK punctuation (、，（）…) is no letter */
		unsigned cp;
		int n = gj_utf8_decode((const unsigned char *)s + i, b - i, &cp);
		if (n <= 0 || gj_is_letter(cp))
			return 0;
		i += (size_t)n;
	}
	return 1;
}

/* 表四's numbers in rows whose markup gives their cells: the fields of
 * each part's row (the part starting at token part_tok[p]), text fields
 * before the numbers left out, joined into one row.  0 when a part's
 * numbers are not in such a row. */
static int appeals_grid(const gj_text *t, const gj_grid *g, const token *tok, int nt,
			const int *part_tok, int parts, gj_row *out)
{
	memset(out, 0, sizeof *out);
	out->kind = GJ_ROW_MARKUP;
	for (int p = 0; p < parts; p++) {
		if (part_tok[p] >= nt)
			return 0;
		gj_row row;
		if (!gj_grid_row_at(t, g, tok[part_tok[p]].start, &row) || row.nfields < 2)
			return 0;
		int f0 = 0;
		while (f0 < row.nfields) {
			size_t a = row.field[f0].start, e = row.field[f0].end;
			token tk[2];
			int more;
			if (blank_field(t->s, a, e) || scan_tokens(t, a, e, tk, 2, &more) > 0)
				break;
			f0++;   /* a label before the numbers */
		}
		int nf = row.nfields;
		while (nf > f0 && row.field[nf - 1].end == row.field[nf - 1].start &&
		       nf - f0 > 5)
			nf--;   /* a closing empty field */
		if (p == 0)
			out->start = row.start;
		out->end = row.end;
		for (int f = f0; f < nf && out->nfields < GJ_ROW_MAX_FIELDS; f++)
			out->field[out->nfields++] = row.field[f];
	}
	return out->nfields > 0;
}

static void read_appeals(const gj_text *t, const gj_grid *g, size_t a, size_t b,
			 gj_report *r)
{
	gj_stream st;
	gj_stream_build_skip(&st, t->s, a, b, 0, t->furniture, gj_text_line(t, a));
	static const char *const cols[15] = {
		"upheld", "corrected", "other", "pending", "total",
		"upheld", "corrected", "other", "pending", "total",
		"upheld", "corrected", "other", "pending", "total",
	};
	unsigned key[16];
	int m = gj_key_make("行政复议", key, 16);
	gj_hit h;
	row_read *rr = gj_xcalloc(1, sizeof *rr);
	rr->ncells = 15;
	int found = 0;
	/* the header: 行政复议 followed closely by 结果维持 (a sentence that
	 * names 行政复议 is not the table); narrow columns wrap 维持 as
	 * "结果维" / "持", or write the header a glyph a line, so 结果维,
	 * 尚未审 and the two kinds of suit will do too */
	static const char *const head_words[] = {
		"维持", "结果维", "尚未审", "直接起诉", "复议后起诉", NULL
	};
	int have = 0;
	size_t from = 0;
	while (!have && gj_stream_find(&st, from, st.n, key, m, 0, &h) == 0) {
		size_t lim = h.last + 80 < st.n ? h.last + 80 : st.n;
		for (int w = 0; head_words[w] && !have; w++) {
			unsigned key2[8];
			int m2 = gj_key_make(head_words[w], key2, 8);
			gj_hit h2;
			have = gj_stream_find(&st, h.last + 1, lim, key2, m2, 0, &h2) == 0;
		}
		if (!have)
			from = h.last + 1;
	}
	if (have) {
		/* the numbers follow the header's last word */
		found = 1;
		rr->found = 1;
		size_t hs = st.v[h.first].off;
		rr->line = gj_text_line(t, hs);
		size_t e = numbers_end(&st, h.first, t, hs, b);
		token tok[MAX_TOKENS];
		int more;
		int nt = scan_tokens(t, hs, e, tok, MAX_TOKENS, &more);
		/* 表四 printed as two tables (行政复议's five numbers, then
		 * 行政诉讼's header and its ten): read on across the header */
		int parts = 1, part_tok[8] = { 0 };
		while (nt < 15 && !more && e < b && parts < 8) {
			size_t d = e;
			while (d < b && !is_digit(t->s[d]))
				d++;
			if (d >= b || !appeals_header_only(t, e, d))
				break;
			e = numbers_end(&st, h.first, t, d, b);
			part_tok[parts++] = nt;
			nt = scan_tokens(t, hs, e, tok, MAX_TOKENS, &more);
		}
		/* a table whose markup gives its cells: the row of each part's
		 * first number, read by position */
		gj_row row;
		if (nt > 0 && appeals_grid(t, g, tok, nt, part_tok, parts, &row))
			read_grid_row(t, g, &row, 0, GJ_SUM_BLOCKS5, rr);
		else
			read_row(t->s, rr, tok, nt, GJ_SUM_BLOCKS5, more);
		r->has_table[GJ_TABLE_APPEALS] = 1;
		gj_text_pos(t, hs, &r->table_line[GJ_TABLE_APPEALS],
			    &r->table_column[GJ_TABLE_APPEALS]);
		size_t end = rr->span_end > hs ? rr->span_end : e;
		gj_text_pos(t, end, &r->table_end_line[GJ_TABLE_APPEALS],
			    &r->table_end_column[GJ_TABLE_APPEALS]);
	}
	for (int blk = 0; blk < 3; blk++) {
		/* set_cells works per row: give it one block at a time */
		row_read *one = gj_xcalloc(1, sizeof *one);
		*one = *rr;
		one->ncells = 5;
		for (int i = 0; i < rr->nread; i++)
			for (int k = 0; k < 5; k++) {
				one->r[i].v[k] = rr->r[i].v[blk * 5 + k];
				one->r[i].known[k] = rr->r[i].known[blk * 5 + k];
				one->r[i].blank[k] = rr->r[i].blank[blk * 5 + k];
				one->r[i].placed[k] = rr->r[i].placed[blk * 5 + k];
				one->r[i].start[k] = rr->r[i].start[blk * 5 + k];
				one->r[i].end[k] = rr->r[i].end[blk * 5 + k];
			}
		set_cells(t, r, GJ_TABLE_APPEALS, gj_appeal_blocks[blk], cols, one);
		free(one);
	}
	if (!found)
		gj_report_note(r, gj_text_line(t, a), "表四 not found");
	free(rr);
	gj_stream_release(&st);
}

void gj_tables_read(const gj_text *t, const gj_grid *g, const gj_table_regions *reg,
		    gj_report *r)
{
	size_t a[3], b[3];
	size_t pos = 0;
	for (int k = 0; k < 3; k++) {
		if (reg->end[k] > reg->start[k]) {
			a[k] = reg->start[k];
			b[k] = reg->end[k];
		} else {
			/* part not found: search from the previous table on, up
			 * to the next part that was found */
			a[k] = pos;
			b[k] = t->len;
			for (int q = k + 1; q < 3; q++)
				if (reg->end[q] > reg->start[q]) {
					b[k] = reg->start[q];
					break;
				}
		}
		if (a[k] > t->len)
			a[k] = t->len;
		if (b[k] < a[k] || b[k] > t->len)
			b[k] = t->len;   /* parts out of order */
		b[k] = clamp_end(a[k], b[k]);
		if (k == 0)
			pos = read_active(t, g, a[0], b[0], r);
		else if (k == 1)
			pos = read_requests(t, g, a[1], b[1], r);
		else
			read_appeals(t, g, a[2], b[2], r);
	}
}
