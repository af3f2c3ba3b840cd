/*
 * norm.c — normalise a report's text for matching while keeping positions:
 * one code point in, one code point out, lines kept.  Sits between input.c
 * (valid UTF-8) and the finders (doc.c, tables.c).
 */
#include "norm.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

unsigned gj_norm_cp(unsigned cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)   /* full-width ASCII forms */
		return cp - 0xFEE0;
	switch (cp) {
	case 0x3000:    /* ideographic space */
	case 0x00A0:    /* no-break space */
	case 0x2002: case 0x2003: case 0x2009: case 0x200B:
	case 0xFEFF:    /* a BOM or zero-width space left inside the text */
		return ' ';
	case 0x2014: case 0x2013: case 0x2212: case 0xFE63:
		return '-';
	case 0x3002:    /* keep 。 but make ． (U+FF0E, handled above) '.' */
	default:
		return cp;
	}
}

/* Blank out Markdown markup that would otherwise split labels and
 * headings: emphasis runs (** __), heading hashes, block quotes and list
 * markers at the start of a line, backslash escapes.  Blanking keeps
 * columns. */
static void blank_markdown(char *s, size_t len)
{
	size_t i = 0;
	int bol = 1;
	while (i < len) {
		if (s[i] == '\n') {
			bol = 1;
			i++;
			continue;
		}
		if (bol) {
			size_t j = i;
			while (j < len && (s[j] == ' ' || s[j] == '>'))
				j++;
			if (j < len && s[j] == '#') {
				while (j < len && s[j] == '#')
					s[j++] = ' ';
			}
			for (size_t k = i; k < j; k++)
				if (s[k] == '>')
					s[k] = ' ';
			/* a list item's marker ("- 四、…"), never a cell's "-"
			 * alone: the marker has text after its space */
			while (j < len && s[j] == ' ')
				j++;
			if (j + 2 < len && (s[j] == '-' || s[j] == '*' || s[j] == '+') &&
			    s[j + 1] == ' ' && s[j + 2] != ' ' && s[j + 2] != '\n')
				s[j] = ' ';
			bol = 0;
		}
		if ((s[i] == '*' || s[i] == '_') && i + 1 < len && s[i + 1] == s[i]) {
			s[i] = s[i + 1] = ' ';
			i += 2;
			continue;
		}
		if (s[i] == '\\' && i + 1 < len && strchr("*_#[]()|", s[i + 1])) {
			s[i] = ' ';
		}
		i++;
	}
}

void gj_text_init(gj_text *t, const char *utf8, size_t len, int markdown)
{
	gj_buf b;
	gj_buf_init(&b);
	gj_buf_add(&b, "", 0);
	const unsigned char *p = (const unsigned char *)utf8;
	size_t i = 0;
	while (i < len) {
		unsigned cp;
		int n = gj_utf8_decode(p + i, len - i, &cp);
		if (n == 0) {   /* input.c guarantees UTF-8; be safe anyway */
			gj_buf_addc(&b, '?');
			i++;
			continue;
		}
		if (cp == '\f' || cp == '\v') {
			gj_buf_addc(&b, ' ');
		} else if (cp < 0x80) {
			gj_buf_addc(&b, (char)cp);
		} else {
			char out[4];
			int m = gj_utf8_encode(gj_norm_cp(cp), out);
			gj_buf_add(&b, out, (size_t)m);
		}
		i += (size_t)n;
	}
	t->s = gj_buf_detach(&b, &t->len);
	if (markdown)
		blank_markdown(t->s, t->len);

	t->orig = utf8;
	t->orig_len = len;
	t->furniture = NULL;
	int cap = 64;
	t->line_start = gj_xmalloc((size_t)cap * sizeof *t->line_start);
	t->nlines = 0;
	t->line_start[t->nlines++] = 0;
	for (size_t k = 0; k < t->len; k++) {
		if (t->s[k] == '\n' && k + 1 <= t->len) {
			if (t->nlines == cap) {
				cap *= 2;
				t->line_start = gj_xrealloc(t->line_start,
					(size_t)cap * sizeof *t->line_start);
			}
			t->line_start[t->nlines++] = k + 1;
		}
	}
	/* Same lines in the original: the mapping keeps every newline. */
	t->memo_line = 0;
	t->orig_start = gj_xmalloc((size_t)t->nlines * sizeof *t->orig_start);
	int l = 0;
	t->orig_start[l++] = 0;
	for (size_t k = 0; k < len && l < t->nlines; k++)
		if (utf8[k] == '\n')
			t->orig_start[l++] = k + 1;
	while (l < t->nlines)
		t->orig_start[l++] = len;
}

void gj_text_release(gj_text *t)
{
	free(t->s);
	free(t->line_start);
	free(t->orig_start);
	free(t->furniture);
	memset(t, 0, sizeof *t);
}

int gj_text_line(const gj_text *t, size_t off)
{
	int lo = 0, hi = t->nlines - 1;
	while (lo < hi) {   /* last line whose start <= off */
		int mid = (lo + hi + 1) / 2;
		if (t->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo + 1;
}

/* The column and original offset of off, walking from the memo when it is
 * on the same line and not past off, else from the line's start. */
static void walk(const gj_text *ct, size_t off, int *line, int *column, size_t *orig)
{
	gj_text *t = (gj_text *)ct;   /* only the memo changes */
	int l = gj_text_line(t, off);
	size_t k, o;
	int col;
	if (t->memo_line == l && t->memo_off <= off) {
		k = t->memo_off;
		o = t->memo_orig;
		col = t->memo_col;
	} else {
		k = t->line_start[l - 1];
		o = t->orig_start[l - 1];
		col = 1;
	}
	while (k < off && k < t->len) {
		/* one code point in each text: they map one to one */
		k++;
		while (k < t->len && ((unsigned char)t->s[k] & 0xC0) == 0x80)
			k++;
		if (o < t->orig_len)
			o++;
		while (o < t->orig_len && ((unsigned char)t->orig[o] & 0xC0) == 0x80)
			o++;
		col++;
	}
	t->memo_line = l;
	t->memo_off = k;
	t->memo_orig = o;
	t->memo_col = col;
	*line = l;
	*column = col;
	*orig = o;
}

void gj_text_pos(const gj_text *t, size_t off, int *line, int *column)
{
	size_t o;
	walk(t, off, line, column, &o);
}

size_t gj_text_orig_off(const gj_text *t, size_t off)
{
	int line, col;
	size_t o;
	if (off >= t->len)
		return t->orig_len;
	walk(t, off, &line, &col, &o);
	return o;
}

const char *gj_text_line_ptr(const gj_text *t, int n, size_t *len)
{
	if (n < 1 || n > t->nlines) {
		*len = 0;
		return "";
	}
	size_t a = t->line_start[n - 1];
	/* the next line starts after this one's newline */
	size_t e = n < t->nlines ? t->line_start[n] - 1 : t->len;
	*len = e - a;
	return t->s + a;
}

int gj_is_page_number(const char *l, size_t len)
{
	size_t i = 0, e = len;
	while (i < e && (l[i] == ' ' || l[i] == '\t'))
		i++;
	while (e > i && (l[e - 1] == ' ' || l[e - 1] == '\t'))
		e--;
	int lead = 0, trail = 0, digits = 0;
	while (i < e && (l[i] == '-' || l[i] == ' ')) {
		lead += l[i] == '-';
		i++;
	}
	while (i < e && l[i] >= '0' && l[i] <= '9') {
		digits++;
		i++;
	}
	while (i < e && (l[i] == '-' || l[i] == ' ')) {
		trail += l[i] == '-';
		i++;
	}
	return i == e && digits > 0 && digits <= 4 && lead >= 1 && trail >= 1;
}

/* ---- page furniture ---- */

/* The shape of line n: its text without spaces, each run of digits one
 * '#'; *letters set when it has a letter (not a digit, a space or ASCII
 * punctuation). */
static void line_shape(const gj_text *t, int n, gj_buf *out, int *letters)
{
	size_t len;
	const char *l = gj_text_line_ptr(t, n, &len);
	out->len = 0;
	*letters = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)l[i];
		if (c == ' ' || c == '\t' || c == '\r')
			continue;
		if (c >= '0' && c <= '9') {
			while (i + 1 < len && l[i + 1] >= '0' && l[i + 1] <= '9')
				i++;
			gj_buf_addc(out, '#');
			continue;
		}
		if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			*letters = 1;
		gj_buf_addc(out, (char)c);
	}
	gj_buf_add(out, "", 0);
}

/* A page-number line of page p (1-based): one of the usual forms; a bare
 * number only when it is p or p - 1 (an unnumbered cover). */
static int page_number_of(const gj_text *t, int n, const char *shape, int p)
{
	static const char *const forms[] = {
		"-#-", "#/#", "-#/#-", "第#页", "第#页共#页", "第#页,共#页", "第#页/共#页",
		"共#页第#页", "Page#", "Page#of#", "page#", "page#of#", NULL
	};
	size_t len;
	const char *l = gj_text_line_ptr(t, n, &len);
	if (gj_is_page_number(l, len))
		return 1;
	for (int k = 0; forms[k]; k++)
		if (strcmp(shape, forms[k]) == 0)
			return 1;
	if (strcmp(shape, "#") == 0) {
		long v = strtol(l + strspn(l, " \t"), NULL, 10);
		return v == p || v == p - 1;
	}
	return 0;
}

#define MAX_PAGES 4096

void gj_text_find_furniture(gj_text *t)
{
	/* pages: pdftotext starts each page after the first with '\f' */
	int *first = gj_xmalloc(MAX_PAGES * sizeof *first);
	int npages = 0;
	first[npages++] = 1;
	for (int n = 2; n <= t->nlines && npages < MAX_PAGES; n++)
		if (t->orig_start[n - 1] < t->orig_len && t->orig[t->orig_start[n - 1]] == '\f')
			first[npages++] = n;
	if (npages < 2) {
		free(first);
		return;
	}
	/* each page's first and last printed lines, and their shapes */
	int (*end)[2] = gj_xmalloc((size_t)npages * sizeof *end);
	char **shape[2];
	int *letters[2];
	for (int k = 0; k < 2; k++) {
		shape[k] = gj_xcalloc((size_t)npages, sizeof *shape[k]);
		letters[k] = gj_xcalloc((size_t)npages, sizeof *letters[k]);
	}
	gj_buf b;
	gj_buf_init(&b);
	for (int p = 0; p < npages; p++) {
		int a = first[p], z = p + 1 < npages ? first[p + 1] - 1 : t->nlines;
		end[p][0] = end[p][1] = 0;
		for (int n = a; n <= z; n++) {
			size_t len;
			const char *l = gj_text_line_ptr(t, n, &len);
			size_t i = 0;
			while (i < len && (l[i] == ' ' || l[i] == '\t' || l[i] == '\r'))
				i++;
			if (i == len)
				continue;
			if (!end[p][0])
				end[p][0] = n;
			end[p][1] = n;
		}
		for (int k = 0; k < 2; k++) {
			if (!end[p][k])
				continue;
			line_shape(t, end[p][k], &b, &letters[k][p]);
			shape[k][p] = gj_xstrdup(b.data);
		}
	}
	gj_buf_release(&b);
	for (int p = 0; p < npages; p++) {
		for (int k = 0; k < 2; k++) {
			int n = end[p][k];
			if (!n || (p == 0 && k == 0))
				continue;   /* the first page's first line: the title */
			int mark = page_number_of(t, n, shape[k][p], p + 1);
			/* a running header or footer: the same shape at the same
			 * end of another page, with words in it */
			for (int q = 0; q < npages && !mark && letters[k][p]; q++)
				if (q != p && shape[k][q] && strcmp(shape[k][q], shape[k][p]) == 0)
					mark = 1;
			if (mark) {
				if (!t->furniture)
					t->furniture = gj_xcalloc((size_t)t->nlines + 1, 1);
				t->furniture[n] = 1;
			}
		}
	}
	for (int k = 0; k < 2; k++) {
		for (int p = 0; p < npages; p++)
			free(shape[k][p]);
		free(shape[k]);
		free(letters[k]);
	}
	free(end);
	free(first);
}

int gj_text_is_furniture(const gj_text *t, int n)
{
	return t->furniture && n >= 1 && n <= t->nlines && t->furniture[n];
}

/* Lines longer than this are no page number ("-4-" centred on a page is
 * about 100 bytes). */
#define PAGE_NUMBER_MAX 256

int gj_text_is_page_line(const gj_text *t, int n)
{
	if (gj_text_is_furniture(t, n))
		return 1;
	size_t len;
	const char *l = gj_text_line_ptr(t, n, &len);
	return len <= PAGE_NUMBER_MAX && gj_is_page_number(l, len);
}

void gj_text_from_orig(const gj_text *t, const size_t *orig, size_t n, size_t *out)
{
	size_t i = 0, o = 0, k = 0;
	while (k < n) {
		while (k < n && orig[k] <= o)
			out[k++] = i;
		if (o >= t->orig_len || i >= t->len)
			break;
		do
			i++;
		while (i < t->len && ((unsigned char)t->s[i] & 0xC0) == 0x80);
		do
			o++;
		while (o < t->orig_len && ((unsigned char)t->orig[o] & 0xC0) == 0x80);
	}
	while (k < n)
		out[k++] = t->len;
}
