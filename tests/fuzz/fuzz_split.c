/* fuzz_split.c — libFuzzer harness for the digit-run splitter (split.c).
 *
 * Input: byte 0 gives the number of cells (0..15, 0 must be refused),
 * byte 1 the kind of sums (3 is not a kind: refused) and, in its top bit,
 * whether the rest is taken as it is or mapped onto digits and white space
 * (most random bytes would only test the refusal).  Beyond not crashing,
 * the result must keep split.h's promises: every kept split cuts the text
 * into valid numbers that keep the sums, none is kept twice, and on short
 * runs the count matches a brute-force reference.  Where no split keeps
 * the sums, gj_split_nearest's splits are valid cuts that each break the
 * same number of sums, and no cut breaks fewer (the reference again). */
#include "split.h"
#include "split_check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Longest text the brute-force reference is run on. */
#define REF_MAX 14

static void broken(const char *what, const char *text, size_t len, int ncells, int kind)
{
	fprintf(stderr, "split: %s (ncells %d, kind %d, text '%.*s')\n", what,
		ncells, kind, (int)len, text);
	abort();
}

static int broken_sums(const long long *v, int ncells, gj_sum_kind kind)
{
	int bs = kind == GJ_SUM_LAST ? ncells : 5, n = 0;
	for (int b = 0; b < ncells; b += bs) {
		long long sum = 0;
		for (int k = b; k < b + bs - 1; k++)
			sum += v[k];
		n += sum != v[b + bs - 1];
	}
	return n;
}

/* The fewest sums any cut of s[i..len) breaks (99: no cut). */
static int ref_fewest(const char *s, size_t len, size_t i, int cell, int ncells,
		      gj_sum_kind kind, long long *vals)
{
	while (i < len && is_space(s[i]))
		i++;
	if (cell == ncells)
		return i == len ? broken_sums(vals, ncells, kind) : 99;
	int best = 99;
	long long v = 0;
	for (size_t l = 1; l <= GJ_SPLIT_MAX_DIGITS && i + l <= len; l++) {
		char c = s[i + l - 1];
		if (c < '0' || c > '9' || (l > 1 && s[i] == '0'))
			break;
		v = v * 10 + (c - '0');
		vals[cell] = v;
		int b = ref_fewest(s, len, i + l, cell + 1, ncells, kind, vals);
		if (b < best)
			best = b;
	}
	return best;
}

static void check_nearest(const char *text, size_t len, int ncells, gj_sum_kind kind,
			  gj_split_result *res)
{
	if (gj_split_nearest(text, len, ncells, kind, res) != 0)
		broken("nearest refused a usable run", text, len, ncells, kind);
	if (res->nkept < 0 || res->nkept > GJ_SPLIT_MAX_KEEP || res->nkept > res->nfound)
		broken("nearest: counts out of range", text, len, ncells, kind);
	for (int k = 0; k < res->nkept; k++) {
		if (!split_ok(text, len, ncells, GJ_SUM_NONE, &res->splits[k]))
			broken("nearest: a kept split is no cut of the run", text, len, ncells, kind);
		if (broken_sums(res->splits[k].value, ncells, kind) != res->broken)
			broken("nearest: a kept split breaks another number of sums", text, len, ncells, kind);
	}
	if (len <= REF_MAX && !res->exhausted) {
		long long vals[GJ_SPLIT_MAX_CELLS];
		int best = ref_fewest(text, len, 0, 0, ncells, kind, vals);
		if ((best == 99) != (res->nfound == 0) || (best != 99 && best != res->broken))
			broken("nearest differs from the reference", text, len, ncells, kind);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char alphabet[] = "0123456789 \t\n1234567";
	if (size < 2)
		return 0;
	int ncells = data[0] % 16;
	int kind = data[1] % 4;
	int raw = data[1] & 0x80;
	size_t len = size - 2;
	char *text = malloc(len + 1);
	if (!text)
		return 0;
	for (size_t i = 0; i < len; i++)
		text[i] = raw ? (char)data[i + 2] : alphabet[data[i + 2] % (sizeof alphabet - 1)];
	text[len] = '\0';

	int usable = ncells >= 1 && kind != 3 &&
		     !(kind == GJ_SUM_BLOCKS5 && ncells % 5 != 0) &&
		     !(kind == GJ_SUM_LAST && ncells < 2);
	for (size_t i = 0; i < len; i++)
		if (!(text[i] >= '0' && text[i] <= '9') && !is_space(text[i]))
			usable = 0;

	gj_split_result *res = malloc(sizeof *res);
	if (!res) {
		free(text);
		return 0;
	}
	int rc = gj_split_digits(text, len, ncells, (gj_sum_kind)kind, res);
	if (rc != (usable ? 0 : -1))
		broken("wrong return code", text, len, ncells, kind);
	if (rc == 0) {
		if (res->nkept < 0 || res->nkept > GJ_SPLIT_MAX_KEEP ||
		    res->nkept > res->nfound)
			broken("counts out of range", text, len, ncells, kind);
		if (!res->exhausted &&
		    res->nkept != (res->nfound < GJ_SPLIT_MAX_KEEP ? res->nfound : GJ_SPLIT_MAX_KEEP))
			broken("fewer kept than found", text, len, ncells, kind);
		for (int k = 0; k < res->nkept; k++) {
			if (!split_ok(text, len, ncells, (gj_sum_kind)kind, &res->splits[k]))
				broken("a kept split does not fit", text, len, ncells, kind);
			for (int j = 0; j < k; j++)
				if (same_split(&res->splits[j], &res->splits[k], ncells))
					broken("a split kept twice", text, len, ncells, kind);
		}
		if (len <= REF_MAX && !res->exhausted) {
			long long vals[GJ_SPLIT_MAX_CELLS];
			int want = ref_count(text, len, 0, 0, ncells, (gj_sum_kind)kind, vals);
			if (want != res->nfound)
				broken("count differs from the reference", text, len, ncells, kind);
		}
		if (res->nfound == 0 && !res->exhausted && kind != GJ_SUM_NONE)
			check_nearest(text, len, ncells, (gj_sum_kind)kind, res);
	}
	free(res);
	free(text);
	return 0;
}
