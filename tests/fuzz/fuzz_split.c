/* fuzz_split.c — libFuzzer harness for the digit-run splitter (split.c).
 *
 * Input: byte 0 gives the number of cells (0..15, 0 must be refused),
 * byte 1 the kind of sums (3 is not a kind: refused) and, in its top bit,
 * whether the rest is taken as it is or mapped onto digits and white space
 * (most random bytes would only test the refusal).  Beyond not crashing,
 * the result must keep split.h's promises: every kept split cuts the text
 * into valid numbers that keep the sums, none is kept twice, and on short
 * runs the count matches a brute-force reference. */
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
	}
	free(res);
	free(text);
	return 0;
}
