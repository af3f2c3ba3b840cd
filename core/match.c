/*
 * match.c — letter streams and the exact-then-fuzzy label finder used by the
 * section finder (doc.c) and the table reader (tables.c).
 */
#include "match.h"
#include "norm.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int gj_is_letter(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
	if (cp >= 0x2000 && cp <= 0x206F)   /* general punctuation */
		return 0;
	if (cp >= 0x3000 && cp <= 0x303F)   /* CJK symbols and punctuation */
		return 0;
	if (cp >= 0xFF00 && cp <= 0xFFEF)   /* remaining full-width forms */
		return 0;
	if (cp >= 0x2460 && cp <= 0x24FF)   /* circled numbers */
		return 0;
	return 1;
}

void gj_stream_build(gj_stream *st, const char *text, size_t start, size_t end,
		     size_t max)
{
	gj_stream_build_skip(st, text, start, end, max, NULL, 0);
}

void gj_stream_build_skip(gj_stream *st, const char *text, size_t start, size_t end,
			  size_t max, const unsigned char *skip, int line)
{
	size_t cap = 256;
	st->v = gj_xmalloc(cap * sizeof *st->v);
	st->n = 0;
	const unsigned char *p = (const unsigned char *)text;
	size_t i = start;
	while (i < end) {
		if (skip && skip[line]) {
			while (i < end && p[i] != '\n')
				i++;   /* the whole line */
		}
		if (i < end && p[i] == '\n') {
			line++;
			i++;
			continue;
		}
		if (i >= end)
			break;
		unsigned cp;
		int len = gj_utf8_decode(p + i, end - i, &cp);
		if (len == 0) {
			i++;
			continue;
		}
		if (gj_is_letter(cp)) {
			if (max && st->n == max)
				break;
			if (st->n == cap) {
				cap *= 2;
				st->v = gj_xrealloc(st->v, cap * sizeof *st->v);
			}
			st->v[st->n].cp = cp;
			st->v[st->n].off = i;
			st->n++;
		}
		i += (size_t)len;
	}
}

void gj_stream_release(gj_stream *st)
{
	free(st->v);
	st->v = NULL;
	st->n = 0;
}

int gj_key_make(const char *label, unsigned *key, int cap)
{
	const unsigned char *p = (const unsigned char *)label;
	size_t len = strlen(label), i = 0;
	int m = 0;
	while (i < len && m < cap) {
		unsigned cp;
		int n = gj_utf8_decode(p + i, len - i, &cp);
		if (n == 0)
			break;
		cp = gj_norm_cp(cp);
		if (gj_is_letter(cp))
			key[m++] = cp;
		i += (size_t)n;
	}
	return m;
}

int gj_stream_score(const gj_stream *st, size_t at, const unsigned *key, int m,
		    int slack, gj_hit *hit)
{
	size_t lim = at + (size_t)m + (size_t)slack;
	if (lim > st->n)
		lim = st->n;
	size_t cur = at;
	int matched = 0;
	size_t first = 0, last = 0;
	/* Greedy in-order matching: each key letter takes the next equal
	 * letter in the window; a letter not found is a miss and does not
	 * move the cursor, so one misspelt glyph costs one letter. */
	for (int k = 0; k < m; k++) {
		size_t j = cur;
		while (j < lim && st->v[j].cp != key[k])
			j++;
		if (j < lim) {
			if (matched == 0)
				first = j;
			last = j;
			matched++;
			cur = j + 1;
		}
	}
	hit->first = first;
	hit->last = last;
	hit->matched = matched;
	hit->exact = matched == m && last - first + 1 == (size_t)m;
	return matched;
}

int gj_stream_find(const gj_stream *st, size_t from, size_t to,
		   const unsigned *key, int m, int fuzzy, gj_hit *hit)
{
	if (m <= 0)
		return -1;
	if (to > st->n)
		to = st->n;
	for (size_t i = from; i + (size_t)m <= to; i++) {
		if (st->v[i].cp != key[0])
			continue;
		int k = 1;
		while (k < m && st->v[i + (size_t)k].cp == key[k])
			k++;
		if (k == m) {
			hit->first = i;
			hit->last = i + (size_t)m - 1;
			hit->matched = m;
			hit->exact = 1;
			return 0;
		}
	}
	if (!fuzzy || m <= 4)
		return -1;
	int need = m - m / 4;
	int slack = m / 2 + 2;
	for (size_t i = from; i < to; i++) {
		/* a fuzzy match starts on the key's first or second letter */
		if (st->v[i].cp != key[0] && st->v[i].cp != key[1])
			continue;
		gj_hit h;
		gj_stream_score(st, i, key, m, slack, &h);
		if (h.matched < need || h.last >= to)
			continue;
		/* prefer a better start within the next few letters */
		for (size_t j = i + 1; j < i + 4 && j < to; j++) {
			gj_hit h2;
			gj_stream_score(st, j, key, m, slack, &h2);
			if (h2.matched > h.matched && h2.last < to)
				h = h2;
		}
		*hit = h;
		hit->exact = 0;
		return 0;
	}
	return -1;
}
