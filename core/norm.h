/*
 * norm.h — the second stage of the pipeline: turn a report's UTF-8 text into
 * the text the finders match against, without losing where anything was.
 * Full-width digits, letters and brackets become ASCII, ideographic and
 * no-break spaces become spaces, dashes and minus signs '-', Markdown
 * emphasis markers become spaces.  Every change maps one code point to one
 * code point, so a (line, code-point column) in the normalised text is the
 * same place in the original document.
 *
 * Ownership: gj_text_release frees what gj_text_init filled.
 */
#ifndef GJ_NORM_H
#define GJ_NORM_H

#include <stddef.h>

typedef struct {
	char *s;           /* normalised text, NUL-terminated */
	size_t len;
	size_t *line_start;  /* byte offset of each line's start in s */
	int nlines;
	const char *orig;    /* the original text (not owned) */
	size_t orig_len;
	size_t *orig_start;  /* byte offset of each line's start in orig */
	/* Position lookups walk a line from its start; a crawled page is one
	 * line of megabytes, so the last answer is kept and the next lookup
	 * on the same line goes on from it.  Not part of the text's value. */
	size_t memo_off, memo_orig;
	int memo_line, memo_col;
	/* PDF text: 1 for a line that is a page's furniture (a running
	 * header or footer, a page number), set by gj_text_find_furniture;
	 * NULL when none was looked for or found. */
	unsigned char *furniture;
} gj_text;

/* markdown: also blank out emphasis markers, heading '#'s and quote '>'s.
 * utf8 must stay alive while t is used (t->orig points into it). */
void gj_text_init(gj_text *t, const char *utf8, size_t len, int markdown);
void gj_text_release(gj_text *t);

/* 1-based line of byte offset off. */
int gj_text_line(const gj_text *t, size_t off);
/* 1-based line and code-point column of byte offset off. */
void gj_text_pos(const gj_text *t, size_t off, int *line, int *column);
/* Bytes of line n (1-based) without its newline. */
const char *gj_text_line_ptr(const gj_text *t, int n, size_t *len);

/* Byte offset in the original text of normalised offset off. */
size_t gj_text_orig_off(const gj_text *t, size_t off);

/* 1 when the line is a page number: "-4-", "- 4 -", "— 4 —". */
int gj_is_page_number(const char *line, size_t len);

/* PDF text (pages end with '\f'): mark the first and last printed line
 * of each page that is a page number ("2", "2/4", "第 2 页 共 4 页",
 * "Page 2 of 4", "- 2 -") or that recurs, digits aside, on another page
 * at the same end (a running header or footer).  The first page's first
 * line (the title, often) is never marked. */
void gj_text_find_furniture(gj_text *t);

/* 1 when line n (1-based) was marked by gj_text_find_furniture. */
int gj_text_is_furniture(const gj_text *t, int n);

/* 1 when line n is no part of the report's text: page furniture, or a
 * page number ("-4-") in any kind of text.  Asking costs a lookup and at
 * most a few hundred bytes, however long the line. */
int gj_text_is_page_line(const gj_text *t, int n);

/* Offsets in t->orig (ascending) as offsets in t->s, into out[0..n): the
 * two texts go code point for code point. */
void gj_text_from_orig(const gj_text *t, const size_t *orig, size_t n, size_t *out);

/* Map one code point for matching (applied by gj_text_init). */
unsigned gj_norm_cp(unsigned cp);

#endif
