/*
 * match.h — find official labels and headings in real text.  Printed labels
 * wrap across lines, get split by numbers and by merged cells' glyphs, and
 * are sometimes misspelt ("其他法律行政止公开").  A stream keeps only the
 * letters of a stretch of text (no spaces, digits or punctuation), each with
 * its byte offset, and the finders search it exactly first, then fuzzily:
 * the key's letters in order within a short window, a few allowed missing.
 *
 * Ownership: gj_stream_release frees what gj_stream_build filled.
 */
#ifndef GJ_MATCH_H
#define GJ_MATCH_H

#include <stddef.h>

typedef struct {
	unsigned cp;
	size_t off;   /* byte offset of the code point in the text */
} gj_letter;

typedef struct {
	gj_letter *v;
	size_t n;
} gj_stream;

/* Build the stream of text[start, end), at most max letters (0 = no cap). */
void gj_stream_build(gj_stream *st, const char *text, size_t start, size_t end,
		     size_t max);

/* The same, leaving out the lines n with skip[n] set (skip indexed by
 * 1-based line, NULL for none; line is the line of text[start]): a PDF
 * page's header and footer are not part of a label they fall inside. */
void gj_stream_build_skip(gj_stream *st, const char *text, size_t start, size_t end,
			  size_t max, const unsigned char *skip, int line);
void gj_stream_release(gj_stream *st);

/* 1 when cp counts as a letter (kept in streams and keys). */
int gj_is_letter(unsigned cp);

/* A key: the letters of a UTF-8 label, normalised.  Returns the count
 * (at most cap). */
int gj_key_make(const char *label, unsigned *key, int cap);

typedef struct {
	size_t first;   /* stream index of the first matched letter */
	size_t last;    /* stream index of the last matched letter */
	int matched;    /* letters of the key found */
	int exact;      /* 1 when the key was found as one contiguous run */
} gj_hit;

/*
 * Find key[0..m) in st->v[from, to).  Exact first; when fuzzy, also the key's
 * letters in order within m + slack letters, at most m/4 missing (keys of
 * four letters or fewer are matched exactly only).  Returns 0 and fills hit
 * with the earliest match, or -1.
 */
int gj_stream_find(const gj_stream *st, size_t from, size_t to,
		   const unsigned *key, int m, int fuzzy, gj_hit *hit);

/* Score key against the letters starting at st->v[at]: letters of the key
 * found in order within m + slack letters.  Fills hit. */
int gj_stream_score(const gj_stream *st, size_t at, const unsigned *key, int m,
		    int slack, gj_hit *hit);

#endif
