/* test_split.c — the digit splitter against examples from real reports and
 * against a brute-force reference on many small random runs. */
#include "split.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static gj_split_result res;

static int split(const char *s, int n, gj_sum_kind k)
{
	return gj_split_digits(s, strlen(s), n, k, &res);
}

static void check_values(const gj_split *sp, const long long *want, int n)
{
	int same = 1;
	for (int i = 0; i < n; i++)
		same &= sp->value[i] == want[i];
	CHECK(same);
}

static void test_examples(void)
{
	CHECK_INT(split("21710000218", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);
	long long w1[] = { 217, 1, 0, 0, 0, 0, 218 };
	check_values(&res.splits[0], w1, 7);
	CHECK_INT(res.splits[0].start[6], 8);
	CHECK_INT(res.splits[0].len[6], 3);

	/* spaces are boundaries: "230 000023" */
	CHECK_INT(split("230 000023", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);
	long long w2[] = { 23, 0, 0, 0, 0, 0, 23 };
	check_values(&res.splits[0], w2, 7);
	CHECK_INT(res.splits[0].start[2], 4);

	CHECK_INT(split("0 0 0 0 0 00", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);
	CHECK_INT(split("0000000", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);

	/* 表四 of 平潭 2024: one run of 15 numbers */
	CHECK_INT(split("21317000001324019", 15, GJ_SUM_BLOCKS5), 0);
	CHECK_INT(res.nfound, 1);
	long long w3[] = { 2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19 };
	check_values(&res.splits[0], w3, 15);

	/* two splits fit */
	CHECK_INT(split("000101011", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 2);
	CHECK_INT(res.nkept, 2);

	/* nothing fits */
	CHECK_INT(split("2100004", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(res.exhausted, 0);

	/* no arithmetic: 6233440 into three has 15 readings */
	CHECK_INT(split("6233440", 3, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 15);
	CHECK_INT(res.nkept, 15);
	CHECK_INT(split("000", 3, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 1);
	/* "07" is not a number */
	CHECK_INT(split("07", 1, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 0);
}

static void test_bad_args(void)
{
	CHECK_INT(split("123", 0, GJ_SUM_NONE), -1);
	CHECK_INT(split("123", 16, GJ_SUM_NONE), -1);
	CHECK_INT(split("12a3", 3, GJ_SUM_NONE), -1);
	CHECK_INT(split("12345", 7, GJ_SUM_BLOCKS5), -1);
	CHECK_INT(split("", 3, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 0);
}

static void test_bounded(void)
{
	char *big = malloc(10001);
	for (int i = 0; i < 10000; i++)
		big[i] = (char)('0' + (i * 7 + 3) % 10);
	big[10000] = '\0';
	clock_t t0 = clock();
	CHECK_INT(split(big, 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 0);
	/* 135 digits into 15 cells of 9: one reading at most, fast */
	CHECK_INT(gj_split_digits(big, 135, 15, GJ_SUM_BLOCKS5, &res), 0);
	/* a run where the budget ends the search: many zeros and ones */
	for (int i = 0; i < 60; i++)
		big[i] = i % 3 ? '1' : '0';
	CHECK_INT(gj_split_digits(big, 60, 15, GJ_SUM_NONE, &res), 0);
	CHECK(res.exhausted || res.nfound > GJ_SPLIT_MAX_KEEP);
	double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
	CHECK(ms < 500);
	free(big);
}

/* reference: every split, by brute force */
static int ref_count(const char *s, int n, int ncells, gj_sum_kind kind,
		     long long *vals, int cell)
{
	if (cell == ncells) {
		if (n != 0)
			return 0;
		if (kind == GJ_SUM_NONE)
			return 1;
		int bs = kind == GJ_SUM_LAST ? ncells : 5;
		for (int b = 0; b < ncells; b += bs) {
			long long sum = 0;
			for (int k = b; k < b + bs - 1; k++)
				sum += vals[k];
			if (sum != vals[b + bs - 1])
				return 0;
		}
		return 1;
	}
	int total = 0;
	long long v = 0;
	for (int l = 1; l <= n && l <= GJ_SPLIT_MAX_DIGITS; l++) {
		if (l > 1 && s[0] == '0')
			break;
		v = v * 10 + (s[l - 1] - '0');
		vals[cell] = v;
		total += ref_count(s + l, n - l, ncells, kind, vals, cell + 1);
	}
	return total;
}

static void test_against_reference(void)
{
	srand(20261127);
	int agree = 1;
	for (int t = 0; t < 3000; t++) {
		char s[16];
		int n = 3 + rand() % 10;
		for (int i = 0; i < n; i++)
			s[i] = (char)('0' + (rand() % 4 == 0 ? rand() % 10 : rand() % 3));
		s[n] = '\0';
		int ncells = 2 + rand() % 6;
		gj_sum_kind kind = rand() % 2 ? GJ_SUM_LAST : GJ_SUM_NONE;
		if (t % 10 == 0) {
			ncells = 5;
			kind = GJ_SUM_BLOCKS5;
		}
		long long vals[16];
		int want = ref_count(s, n, ncells, kind, vals, 0);
		gj_split_digits(s, (size_t)n, ncells, kind, &res);
		if (res.nfound != want || res.exhausted) {
			agree = 0;
			fprintf(stderr, "'%s' into %d (kind %d): %d, reference %d\n",
				s, ncells, kind, res.nfound, want);
			break;
		}
		/* what was kept fits */
		for (int k = 0; k < res.nkept; k++) {
			size_t used = 0;
			for (int c = 0; c < ncells; c++)
				used += res.splits[k].len[c];
			if (used != (size_t)n)
				agree = 0;
		}
	}
	CHECK(agree);
}

int main(void)
{
	test_examples();
	test_bad_args();
	test_bounded();
	test_against_reference();
	return unit_done("split");
}
