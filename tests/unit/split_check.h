/* split_check.h — what the digit splitter (split.c) promises, checked the
 * slow and obvious way: shared by the unit test (tests/unit/test_split.c)
 * and the fuzz harness (tests/fuzz/fuzz_split.c). */
#ifndef GJ_SPLIT_CHECK_H
#define GJ_SPLIT_CHECK_H

#include "split.h"

#include <stddef.h>

static inline int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static inline int sums_hold(const long long *v, int ncells, gj_sum_kind kind)
{
	if (kind == GJ_SUM_NONE)
		return 1;
	int bs = kind == GJ_SUM_LAST ? ncells : 5;
	for (int b = 0; b < ncells; b += bs) {
		long long sum = 0;
		for (int k = b; k < b + bs - 1; k++)
			sum += v[k];
		if (sum != v[b + bs - 1])
			return 0;
	}
	return 1;
}

/* Does sp cut text[0..len) into ncells numbers that keep the sums? */
static inline int split_ok(const char *text, size_t len, int ncells, gj_sum_kind kind,
			   const gj_split *sp)
{
	size_t at = 0;
	for (int c = 0; c < ncells; c++) {
		size_t st = sp->start[c], l = sp->len[c];
		if (st < at || l < 1 || l > GJ_SPLIT_MAX_DIGITS || st + l > len)
			return 0;
		for (size_t k = at; k < st; k++)
			if (!is_space(text[k]))
				return 0;   /* a digit skipped */
		if (l > 1 && text[st] == '0')
			return 0;
		long long v = 0;
		for (size_t k = st; k < st + l; k++) {
			if (text[k] < '0' || text[k] > '9')
				return 0;
			v = v * 10 + (text[k] - '0');
		}
		if (v != sp->value[c])
			return 0;
		at = st + l;
	}
	for (size_t k = at; k < len; k++)
		if (!is_space(text[k]))
			return 0;
	return sums_hold(sp->value, ncells, kind);
}

static inline int same_split(const gj_split *a, const gj_split *b, int ncells)
{
	for (int c = 0; c < ncells; c++)
		if (a->start[c] != b->start[c] || a->len[c] != b->len[c])
			return 0;
	return 1;
}

/* The reference: how many splits of s[i..len) into cells cell..ncells-1
 * keep the sums, every one tried (vals holds the values so far). */
static inline int ref_count(const char *s, size_t len, size_t i, int cell, int ncells,
			    gj_sum_kind kind, long long *vals)
{
	while (i < len && is_space(s[i]))
		i++;
	if (cell == ncells)
		return i == len && sums_hold(vals, ncells, kind);
	/* only to keep the reference quick on longer rows: each cell left
	 * takes 1..9 of the digits left */
	size_t digits = 0;
	for (size_t k = i; k < len; k++)
		digits += !is_space(s[k]);
	if (digits < (size_t)(ncells - cell) ||
	    digits > (size_t)(ncells - cell) * GJ_SPLIT_MAX_DIGITS)
		return 0;
	int total = 0;
	long long v = 0;
	for (size_t l = 1; l <= GJ_SPLIT_MAX_DIGITS && i + l <= len; l++) {
		char c = s[i + l - 1];
		if (is_space(c) || (l > 1 && s[i] == '0'))
			break;
		v = v * 10 + (c - '0');
		vals[cell] = v;
		total += ref_count(s, len, i + l, cell + 1, ncells, kind, vals);
	}
	return total;
}

#endif
