/* test_split.c — the digit splitter on rows from real reports, on its edge
 * cases and bounds, and against a brute-force reference on many small
 * random runs (whitespace included). */
#include "split.h"
#include "split_check.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static gj_split_result res;

static int split(const char *s, int n, gj_sum_kind k)
{
	return gj_split_digits(s, strlen(s), n, k, &res);
}

static int same_values(const gj_split *sp, const long long *want, int n)
{
	for (int i = 0; i < n; i++)
		if (sp->value[i] != want[i])
			return 0;
	return 1;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Every kept split is valid and none is kept twice. */
static int kept_ok(const char *text, size_t len, int ncells, gj_sum_kind kind)
{
	if (res.nkept > GJ_SPLIT_MAX_KEEP || res.nkept > res.nfound)
		return 0;
	if (!res.exhausted && res.nkept != (res.nfound < GJ_SPLIT_MAX_KEEP
					    ? res.nfound : GJ_SPLIT_MAX_KEEP))
		return 0;
	for (int k = 0; k < res.nkept; k++) {
		if (!split_ok(text, len, ncells, kind, &res.splits[k]))
			return 0;
		for (int j = 0; j < k; j++)
			if (same_split(&res.splits[j], &res.splits[k], ncells))
				return 0;
	}
	return 1;
}

/* Reference: every split of the raw text, tried one by one. */
static long long ref_vals[GJ_SPLIT_MAX_CELLS];

static int ref(const char *s, size_t len, int ncells, gj_sum_kind kind)
{
	return ref_count(s, len, 0, 0, ncells, kind, ref_vals);
}

static void test_real_rows(void)
{
	/* 表三: 217|1|0|0|0|0|218 */
	CHECK_INT(split("21710000218", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);
	CHECK_INT(res.nkept, 1);
	CHECK_INT(res.exhausted, 0);
	long long w1[] = { 217, 1, 0, 0, 0, 0, 218 };
	CHECK(same_values(&res.splits[0], w1, 7));
	CHECK_INT(res.splits[0].start[0], 0);
	CHECK_INT(res.splits[0].len[0], 3);
	CHECK_INT(res.splits[0].start[1], 3);
	CHECK_INT(res.splits[0].start[6], 8);
	CHECK_INT(res.splits[0].len[6], 3);

	/* 表四 of 平潭 2024, one run of 15 numbers: the only reading is
	 * 2+1+3+1=7, 0+0+0+0=0, 13+2+4+0=19 (brute force agrees) */
	const char *t4 = "21317000001324019";
	CHECK_INT(split(t4, 15, GJ_SUM_BLOCKS5), 0);
	CHECK_INT(res.nfound, 1);
	CHECK_INT(res.nkept, 1);
	CHECK_INT(res.exhausted, 0);
	long long w3[] = { 2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19 };
	CHECK(same_values(&res.splits[0], w3, 15));
	CHECK_INT(res.splits[0].start[10], 10);
	CHECK_INT(res.splits[0].len[10], 2);
	CHECK_INT(res.splits[0].start[14], 15);
	CHECK_INT(res.splits[0].len[14], 2);
	CHECK_INT(ref(t4, strlen(t4), 15, GJ_SUM_BLOCKS5), 1);

	/* 表二: no arithmetic, so 6233440 reads 15 ways into three cells */
	CHECK_INT(split("6233440", 3, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 15);
	CHECK_INT(res.nkept, 15);
	CHECK_INT(res.exhausted, 0);
	CHECK(kept_ok("6233440", 7, 3, GJ_SUM_NONE));
	long long w4[] = { 6, 2, 33440 };
	CHECK(same_values(&res.splits[0], w4, 3));
}

static void test_zeros_and_spaces(void)
{
	CHECK_INT(split("0000000", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);
	long long z[7] = { 0 };
	CHECK(same_values(&res.splits[0], z, 7));
	CHECK_INT(res.splits[0].start[6], 6);

	/* a space ends a number: "230 000023" cannot start with 230 */
	CHECK_INT(split("230 000023", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);
	long long w2[] = { 23, 0, 0, 0, 0, 0, 23 };
	CHECK(same_values(&res.splits[0], w2, 7));
	CHECK_INT(res.splits[0].start[1], 2);
	CHECK_INT(res.splits[0].start[2], 4);
	CHECK_INT(res.splits[0].start[6], 8);
	CHECK_INT(res.splits[0].len[6], 2);

	CHECK_INT(split("0 0 0 0 0 00", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);
	CHECK(same_values(&res.splits[0], z, 7));
	CHECK_INT(res.splits[0].start[5], 10);
	CHECK_INT(res.splits[0].start[6], 11);

	/* tabs and newlines too; leading and trailing ones are skipped */
	CHECK_INT(split("\t12\n3 15 \n", 3, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);
	long long w5[] = { 12, 3, 15 };
	CHECK(same_values(&res.splits[0], w5, 3));
	CHECK_INT(res.splits[0].start[2], 6);

	/* more stretches between spaces than cells */
	CHECK_INT(split("1 1 2", 2, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 0);
	/* the lone "1" is a cell of its own, so "12" must be the other */
	CHECK_INT(split("1 12", 2, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 1);

	/* no leading zero: "07" is not a number, "00" is two cells */
	CHECK_INT(split("07", 1, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(split("00", 1, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(split("00", 2, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 1);
	CHECK_INT(split("000", 3, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 1);
	/* 5|05|10 would add up but 05 is not a number */
	CHECK_INT(split("50510", 3, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 0);
	/* nine digits fit one cell, ten do not */
	CHECK_INT(split("123456789", 1, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 1);
	CHECK_INT(res.splits[0].value[0], 123456789);
	CHECK_INT(split("1234567890", 1, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(split("1000000001000000000", 3, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(split("100000000100000000200000000", 3, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 1);
	CHECK_INT(res.splits[0].value[2], 200000000);
}

static void test_ambiguous_and_none(void)
{
	/* 1+0+0+16+9+1=27 and 10+0+1+6+9+1=27 */
	CHECK_INT(split("100169127", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 2);
	CHECK_INT(res.nkept, 2);
	CHECK(kept_ok("100169127", 9, 7, GJ_SUM_LAST));
	long long a1[] = { 1, 0, 0, 16, 9, 1, 27 };
	long long a2[] = { 10, 0, 1, 6, 9, 1, 27 };
	CHECK((same_values(&res.splits[0], a1, 7) &&
	       same_values(&res.splits[1], a2, 7)) ||
	      (same_values(&res.splits[0], a2, 7) &&
	       same_values(&res.splits[1], a1, 7)));

	CHECK_INT(split("000101011", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 2);

	/* nothing fits */
	CHECK_INT(split("2100004", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(res.nkept, 0);
	CHECK_INT(res.exhausted, 0);
	CHECK_INT(split("1010112", 7, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(split("2131700000132401", 15, GJ_SUM_BLOCKS5), 0);
	CHECK_INT(res.nfound, 0);

	/* more splits than kept: 20 digits into 3 cells of up to 9 */
	const char *many = "12345678912345678912";
	CHECK_INT(split(many, 3, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, ref(many, 20, 3, GJ_SUM_NONE));
	CHECK(res.nfound > GJ_SPLIT_MAX_KEEP);
	CHECK_INT(res.nkept, GJ_SPLIT_MAX_KEEP);
	CHECK_INT(res.exhausted, 0);
	CHECK(kept_ok(many, 20, 3, GJ_SUM_NONE));

	/* a count past INT_MAX is a lower bound, flagged */
	char ones[80];
	memset(ones, '1', 79);
	ones[79] = '\0';
	CHECK_INT(split(ones, 15, GJ_SUM_NONE), 0);
	CHECK(res.exhausted);
	CHECK(res.nfound > 1000000);
	CHECK_INT(res.nkept, GJ_SPLIT_MAX_KEEP);
	CHECK(kept_ok(ones, 79, 15, GJ_SUM_NONE));
}

static void test_bad_args(void)
{
	CHECK_INT(split("123", 0, GJ_SUM_NONE), -1);
	CHECK_INT(split("123", -3, GJ_SUM_NONE), -1);
	CHECK_INT(split("123", 16, GJ_SUM_NONE), -1);
	CHECK_INT(split("12a3", 3, GJ_SUM_NONE), -1);
	CHECK_INT(split("12-3", 3, GJ_SUM_LAST), -1);
	CHECK_INT(split("1,2,3", 3, GJ_SUM_LAST), -1);
	CHECK_INT(split("12\r3", 3, GJ_SUM_LAST), -1);
	CHECK_INT(gj_split_digits("1\0" "23", 4, 3, GJ_SUM_NONE, &res), -1);
	CHECK_INT(split("1234567890", 7, GJ_SUM_BLOCKS5), -1);
	CHECK_INT(split("1234567890", 5, GJ_SUM_BLOCKS5), 0);
	CHECK_INT(split("11", 1, GJ_SUM_LAST), -1);
	CHECK_INT(split("11", 2, (gj_sum_kind)7), -1);
	CHECK_INT(gj_split_digits("11", 2, 2, GJ_SUM_NONE, NULL), -1);
	CHECK_INT(gj_split_digits(NULL, 2, 2, GJ_SUM_NONE, &res), -1);
	/* a bad byte is found even past the digits that could fit */
	char big[400];
	memset(big, '1', sizeof big);
	big[399] = 'x';
	CHECK_INT(gj_split_digits(big, sizeof big, 7, GJ_SUM_LAST, &res), -1);
	/* nothing to split is not an error, just no split */
	CHECK_INT(split("", 3, GJ_SUM_NONE), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(gj_split_digits(NULL, 0, 3, GJ_SUM_NONE, &res), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(split(" \t\n", 3, GJ_SUM_LAST), 0);
	CHECK_INT(res.nfound, 0);
}

static void test_bounded(void)
{
	char *big = malloc(10001);
	for (int i = 0; i < 10000; i++)
		big[i] = (char)('0' + (i * 7 + 3) % 10);
	big[10000] = '\0';
	double worst = 0, t0 = now_ms();
	CHECK_INT(split(big, 7, GJ_SUM_LAST), 0);
	CHECK(res.exhausted || res.nfound == 0);
	CHECK_INT(split(big, 15, GJ_SUM_BLOCKS5), 0);
	CHECK(res.exhausted || res.nfound == 0);
	double t = now_ms() - t0;
	worst = t > worst ? t : worst;

	/* 15 cells over 135 digits: nine digits each, one reading at most */
	for (int i = 0; i < 135; i++)
		big[i] = (char)('1' + i % 9);
	for (gj_sum_kind k = GJ_SUM_NONE; k <= GJ_SUM_BLOCKS5; k++) {
		t0 = now_ms();
		CHECK_INT(gj_split_digits(big, 135, 15, k, &res), 0);
		t = now_ms() - t0;
		worst = t > worst ? t : worst;
		CHECK_INT(res.nfound, k == GJ_SUM_NONE);
		CHECK_INT(res.exhausted, 0);
	}

	/* hard runs: many readings with nothing to tell them apart */
	static const char *fill[] = { "1", "10", "110", "1000", "2", "01" };
	for (size_t f = 0; f < sizeof fill / sizeof fill[0]; f++) {
		for (int n = 15; n <= 135; n += 8) {
			size_t fl = strlen(fill[f]);
			for (int i = 0; i < n; i++)
				big[i] = fill[f][i % fl];
			for (gj_sum_kind k = GJ_SUM_NONE; k <= GJ_SUM_BLOCKS5;
			     k++) {
				t0 = now_ms();
				CHECK_INT(gj_split_digits(big, (size_t)n, 15, k,
							  &res), 0);
				t = now_ms() - t0;
				worst = t > worst ? t : worst;
				CHECK(kept_ok(big, (size_t)n, 15, k));
			}
		}
	}
	/* 48 ones into 15 cells that add up: too many ways to try them all,
	 * so the search stops, flags it, and still keeps only real fits */
	memset(big, '1', 48);
	t0 = now_ms();
	CHECK_INT(gj_split_digits(big, 48, 15, GJ_SUM_LAST, &res), 0);
	t = now_ms() - t0;
	worst = t > worst ? t : worst;
	CHECK_INT(res.exhausted, 1);
	CHECK(kept_ok(big, 48, 15, GJ_SUM_LAST));
	fprintf(stderr, "split: slowest bounded case %.2f ms\n", worst);
	/* 10 ms is the target; leave room for sanitizers and slow hosts */
	CHECK(worst < 100);
	free(big);
}

static unsigned rng = 20261127;

static unsigned next_rand(void)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 16) & 0x7fff;
}

/* A run of up to maxlen bytes: mostly small digits so sums can hold. */
static size_t random_run(char *s, size_t minlen, size_t maxlen)
{
	size_t n = minlen + next_rand() % (maxlen - minlen + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned r = next_rand() % 20;
		if (r < 2)
			s[i] = " \t\n"[next_rand() % 3];
		else if (r < 5)
			s[i] = (char)('0' + next_rand() % 10);
		else if (r < 12)
			s[i] = '0';
		else
			s[i] = (char)('1' + next_rand() % 2);
	}
	s[n] = '\0';
	return n;
}

/* A row that does add up, printed with the numbers run together; numbers
 * past the first few are below big. */
static size_t random_row(char *s, int ncells, gj_sum_kind kind, unsigned big)
{
	long long v[GJ_SPLIT_MAX_CELLS];
	int bs = kind == GJ_SUM_LAST ? ncells : 5;
	for (int b = 0; b < ncells; b += bs) {
		long long sum = 0;
		for (int k = b; k < b + bs - 1; k++) {
			unsigned r = next_rand() % 10;
			v[k] = r < 4 ? 0 : r < 8 ? next_rand() % 10
						 : next_rand() % big;
			sum += v[k];
		}
		v[b + bs - 1] = sum;
	}
	size_t n = 0;
	for (int k = 0; k < ncells; k++) {
		if (k && next_rand() % 6 == 0)
			s[n++] = ' ';
		n += (size_t)sprintf(s + n, "%lld", v[k]);
	}
	return n;
}

/* Change one byte of a row: the near misses a misread page makes. */
static void mutate(char *s, size_t n)
{
	size_t i = next_rand() % n;
	switch (next_rand() % 3) {
	case 0:
		s[i] = (char)('0' + next_rand() % 10);
		break;
	case 1:
		s[i] = ' ';
		break;
	default:
		if (i + 1 < n) {
			char c = s[i];
			s[i] = s[i + 1];
			s[i + 1] = c;
		}
		break;
	}
}

static void compare(const char *s, size_t n, int ncells, gj_sum_kind kind,
		    int *agree)
{
	int want = ref(s, n, ncells, kind);
	int rc = gj_split_digits(s, n, ncells, kind, &res);
	if (rc != 0 || res.nfound != want || res.exhausted ||
	    !kept_ok(s, n, ncells, kind)) {
		if (*agree)
			fprintf(stderr, "'%.*s' into %d (kind %d): %d, "
				"reference %d\n", (int)n, s, ncells, kind,
				res.nfound, want);
		*agree = 0;
	}
}

static void test_against_reference(void)
{
	int agree = 1, hits = 0, many = 0;
	char s[128];
	/* random runs, no sums and sums */
	for (int t = 0; t < 2000; t++) {
		int ncells = 3 + (int)(next_rand() % 5);
		size_t n = random_run(s, t % 4 ? (size_t)ncells : 1, 12);
		compare(s, n, ncells, t % 2 ? GJ_SUM_LAST : GJ_SUM_NONE, &agree);
	}
	/* rows that add up, and the same with one byte changed */
	for (int t = 0; t < 2000; t++) {
		int ncells = 3 + (int)(next_rand() % 5);
		size_t n = random_row(s, ncells, GJ_SUM_LAST, t % 3 ? 13 : 300);
		int changed = t % 2;
		if (changed)
			mutate(s, n);
		compare(s, n, ncells, GJ_SUM_LAST, &agree);
		if (!changed)
			CHECK(res.nfound >= 1);
		hits += changed && res.nfound > 0;
		many += res.nfound > 1;
	}
	/* 表四-like: random runs and rows of 5, 10 and 15 numbers */
	for (int t = 0; t < 900; t++) {
		int ncells = 5 * (1 + t % 3);
		if (t % 2) {
			size_t n = random_run(s, (size_t)ncells,
					      (size_t)ncells + 6);
			compare(s, n, ncells, GJ_SUM_BLOCKS5, &agree);
			continue;
		}
		size_t n = random_row(s, ncells, GJ_SUM_BLOCKS5,
				      ncells > 5 ? 13 : 300);
		compare(s, n, ncells, GJ_SUM_BLOCKS5, &agree);
		CHECK(res.nfound >= 1);
		many += res.nfound > 1;
	}
	CHECK(agree);
	/* the random rows did exercise near misses that fit, and ambiguity */
	CHECK(hits > 100);
	CHECK(many > 100);
}

/* ---- the nearest splits of a run that no split makes add up ---- */

static int broken_sums(const long long *v, int ncells, gj_sum_kind kind)
{
	int bs = kind == GJ_SUM_LAST ? ncells : 5, broken = 0;
	for (int b = 0; b < ncells; b += bs) {
		long long sum = 0;
		for (int k = b; k < b + bs - 1; k++)
			sum += v[k];
		broken += sum != v[b + bs - 1];
	}
	return broken;
}

/* Every split of s[i..len), the fewest sums broken and how many splits
 * break that many. */
static void ref_nearest(const char *s, size_t len, size_t i, int cell, int ncells,
			gj_sum_kind kind, long long *vals, int *best, long long *count)
{
	while (i < len && is_space(s[i]))
		i++;
	if (cell == ncells) {
		if (i != len)
			return;
		int b = broken_sums(vals, ncells, kind);
		if (b < *best) {
			*best = b;
			*count = 0;
		}
		*count += b == *best;
		return;
	}
	long long v = 0;
	for (size_t l = 1; l <= GJ_SPLIT_MAX_DIGITS && i + l <= len; l++) {
		char c = s[i + l - 1];
		if (c < '0' || c > '9' || (l > 1 && s[i] == '0'))
			break;
		v = v * 10 + (c - '0');
		vals[cell] = v;
		ref_nearest(s, len, i + l, cell + 1, ncells, kind, vals, best, count);
	}
}

static void test_nearest(void)
{
	/* '8100008' would be read as printed; one digit more: 81|0|0|0|1|0|8,
	 * 8|10|0|0|1|0|8, 8|1|0|0|0|10|8 — each breaks the row's sum */
	const char *row = "81000108";
	CHECK_INT(gj_split_digits(row, strlen(row), 7, GJ_SUM_LAST, &res), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(gj_split_nearest(row, strlen(row), 7, GJ_SUM_LAST, &res), 0);
	CHECK_INT(res.broken, 1);
	CHECK_INT(res.nfound, 3);
	CHECK_INT(res.nkept, 3);
	CHECK_INT(res.exhausted, 0);
	static const long long want[3][7] = {
		{ 8, 1, 0, 0, 0, 10, 8 }, { 8, 10, 0, 0, 1, 0, 8 }, { 81, 0, 0, 0, 1, 0, 8 }
	};
	for (int k = 0; k < 3; k++)
		CHECK(same_values(&res.splits[k], want[k], 7));
	/* 表四: the first and last blocks add up, the middle one cannot:
	 * one sum broken, and every split keeps the blocks around it */
	const char *appeals = "1000121000530003";
	CHECK_INT(gj_split_digits(appeals, strlen(appeals), 15, GJ_SUM_BLOCKS5, &res), 0);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(gj_split_nearest(appeals, strlen(appeals), 15, GJ_SUM_BLOCKS5, &res), 0);
	CHECK_INT(res.broken, 1);
	for (int k = 0; k < res.nkept; k++)
		CHECK_INT(broken_sums(res.splits[k].value, 15, GJ_SUM_BLOCKS5), 1);
	/* too few digits for the cells: nothing */
	CHECK_INT(gj_split_nearest("12", 2, 7, GJ_SUM_LAST, &res), 0);
	CHECK_INT(res.nfound, 0);
	/* a run past the bound is not searched */
	char longrun[GJ_SPLIT_NEAREST_MAX + 2];
	memset(longrun, '7', sizeof longrun - 1);
	longrun[sizeof longrun - 1] = '\0';
	CHECK_INT(gj_split_nearest(longrun, strlen(longrun), 15, GJ_SUM_BLOCKS5, &res), 0);
	CHECK_INT(res.exhausted, 1);
	CHECK_INT(res.nfound, 0);
	CHECK_INT(gj_split_nearest("1x2", 3, 2, GJ_SUM_LAST, &res), -1);
	CHECK_INT(gj_split_nearest("12", 2, 2, GJ_SUM_NONE, &res), -1);

	/* against the reference on random runs */
	int agree = 1, tried = 0;
	char s[64];
	for (int t = 0; t < 1500; t++) {
		int ncells = t % 3 ? 3 + (int)(next_rand() % 5) : 5 * (1 + t % 2);
		gj_sum_kind kind = ncells % 5 == 0 && t % 2 ? GJ_SUM_BLOCKS5 : GJ_SUM_LAST;
		size_t n = random_run(s, (size_t)ncells, (size_t)ncells + 5);
		if (gj_split_digits(s, n, ncells, kind, &res) != 0 || res.nfound > 0)
			continue;
		tried++;
		int best = 99;
		long long count = 0;
		long long vals[GJ_SPLIT_MAX_CELLS];
		ref_nearest(s, n, 0, 0, ncells, kind, vals, &best, &count);
		gj_split_nearest(s, n, ncells, kind, &res);
		int ok = res.exhausted ||
			 (best == 99 ? res.nfound == 0
				     : res.broken == best && res.nfound == count &&
				       res.nkept == (count < GJ_SPLIT_MAX_KEEP ? count : GJ_SPLIT_MAX_KEEP));
		for (int k = 0; ok && k < res.nkept; k++)
			ok = split_ok(s, n, ncells, GJ_SUM_NONE, &res.splits[k]) &&
			     broken_sums(res.splits[k].value, ncells, kind) == best;
		if (!ok && agree)
			fprintf(stderr, "nearest '%.*s' into %d (kind %d): broken %d found %d, "
				"reference %d found %lld\n", (int)n, s, ncells, kind,
				res.broken, res.nfound, best, count);
		agree &= ok;
	}
	CHECK(agree);
	CHECK(tried > 300);
}

int main(void)
{
	test_real_rows();
	test_zeros_and_spaces();
	test_ambiguous_and_none();
	test_bad_args();
	test_bounded();
	test_against_reference();
	test_nearest();
	return unit_done("split");
}
