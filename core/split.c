/*
 * split.c — every way to cut a run of digits into a row's cells so that the
 * row's sums hold.  With sums, each block of cells is read total first (its
 * last number), then its addends are searched from the left, pruned by what
 * they may still add up to and by how many cells the digits left can fill;
 * a budget of search steps caps the work.  Without sums, splits are counted exactly by
 * dynamic programming and the first few are read off the table.
 */
#include "split.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* More digits than this cannot fill the cells, whatever the row. */
#define MAX_RUN (GJ_SPLIT_MAX_CELLS * GJ_SPLIT_MAX_DIGITS)
/* Search steps: under a millisecond; real rows take well under a thousand. */
#define STEP_BUDGET 200000L
/* Counts of splits saturate here, well past what nfound can hold. */
#define COUNT_CAP (1ULL << 62)

typedef struct {
	int n;                              /* digits, whitespace dropped */
	unsigned char d[MAX_RUN];           /* digit values */
	size_t at[MAX_RUN];                 /* their byte offsets */
	unsigned char brk[MAX_RUN + 1];     /* whitespace before digit i */
	int dsum[MAX_RUN + 1];              /* digit sum of d[0..i) */
	union {
		/* fewest cells [i, j) can make: any count from there up to
		 * j - i can be made, so this decides if cells fit exactly */
		unsigned char mincells[MAX_RUN + 1][MAX_RUN + 1];
		/* splits of [i, n) into c cells (GJ_SUM_NONE) */
		unsigned long long ways[GJ_SPLIT_MAX_CELLS + 1][MAX_RUN + 1];
	} t;
	int ncells;
	int bsize;                          /* cells per block */
	int block_end[GJ_SPLIT_MAX_CELLS / 5 + 1];
	long steps;
	gj_split cur;
	gj_split_result *out;
} search;

static const long long tens[] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL
};

/* May digits [i, i + l) be one number? */
static int is_cell(const search *s, int i, int l)
{
	if (l < 1 || l > GJ_SPLIT_MAX_DIGITS || i + l > s->n)
		return 0;
	if (l > 1 && s->d[i] == 0)
		return 0;
	for (int k = i + 1; k < i + l; k++)
		if (s->brk[k])
			return 0;
	return 1;
}

static int fits(const search *s, int i, int j, int cells)
{
	return s->t.mincells[i][j] <= cells && cells <= j - i;
}

static int ndigits(long long v)
{
	int k = 1;
	while (k < GJ_SPLIT_MAX_DIGITS && v >= tens[k])
		k++;
	return k;
}

/*
 * The most m numbers of at most w digits each, r digits in all, can add up
 * to.  10^len is convex in len, so the most comes from making as many of
 * them as long as possible.
 */
static long long most(int r, int m, int w)
{
	int extra = r - m;
	if (w <= 1)
		return 9LL * m;
	int full = extra / (w - 1);
	if (full >= m)
		return m * (tens[w] - 1);
	int left = extra - full * (w - 1);
	return full * (tens[w] - 1) + (tens[left + 1] - 1) +
	       (m - full - 1) * 9LL;
}

/*
 * The least m numbers over r digits can add up to: a number of l >= 2
 * digits is at least 10^(l-1), and that is convex in l, so the least comes
 * from lengths as even as can be.
 */
static long long least(int r, int m)
{
	static const long long low[] = {
		0, 0, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL,
		10000000LL, 100000000LL
	};
	int base = r / m, longer = r % m;
	if (base >= GJ_SPLIT_MAX_DIGITS)
		return longer ? LLONG_MAX : m * low[base];
	return longer * low[base + 1] + (m - longer) * low[base];
}

/* Charge n steps of work; 0 once the budget is gone. */
static int spend(search *s, long n)
{
	if (s->out->exhausted)
		return 0;
	s->steps += n;
	if (s->steps > STEP_BUDGET) {
		s->out->exhausted = 1;
		return 0;
	}
	return 1;
}

static void record(search *s)
{
	gj_split_result *o = s->out;
	if (o->nkept < GJ_SPLIT_MAX_KEEP)
		o->splits[o->nkept++] = s->cur;
	if (o->nfound < INT_MAX)
		o->nfound++;
}

static void set_cell(search *s, int cell, int i, int l, long long v)
{
	s->cur.value[cell] = v;
	s->cur.start[cell] = s->at[i];
	/* the digits of one cell are contiguous bytes in the input */
	s->cur.len[cell] = (size_t)l;
}

static void block(search *s, int p, int b);

/*
 * Cells cell.. of block b, m of them, take digits [p, end) and must add up
 * to rest.  Bounds on what they can add up to cut most branches early.
 */
static void addends(search *s, int p, int end, int m, int cell, int b,
		    long long rest)
{
	if (!spend(s, 1))
		return;
	if (m == 0) {
		if (rest == 0 && p == end)
			block(s, s->block_end[b], b + 1);
		return;
	}
	int r = end - p;
	/* no number may have more digits than what is left to add up to */
	int w = ndigits(rest);
	if (r > m * w)
		return;
	if (w > r - m + 1)
		w = r - m + 1;
	if (most(r, m, w) < rest)
		return;
	/* every digit adds at least itself, every long number its 10^k */
	if (s->dsum[end] - s->dsum[p] > rest || least(r, m) > rest)
		return;
	if (m == 1) {
		/* the last addend is whatever is left: no choice to make */
		if (!is_cell(s, p, r))
			return;
		long long v = 0;
		for (int k = p; k < end; k++)
			v = v * 10 + s->d[k];
		if (v != rest)
			return;
		set_cell(s, cell, p, r, v);
		block(s, s->block_end[b], b + 1);
		return;
	}
	long long v = 0;
	for (int l = 1; l <= GJ_SPLIT_MAX_DIGITS && l <= r - (m - 1); l++) {
		if (l > 1 && (s->brk[p + l - 1] || s->d[p] == 0))
			break;
		if (!spend(s, 1))
			return;
		v = v * 10 + s->d[p + l - 1];
		if (v > rest)
			break;   /* a longer number is larger still */
		if (!fits(s, p + l, end, m - 1))
			continue;
		set_cell(s, cell, p, l, v);
		addends(s, p + l, end, m - 1, cell + 1, b, rest - v);
		if (s->out->exhausted)
			return;
	}
}

/*
 * Block b starts at digit p.  Its total is picked first — where the block
 * ends and how long the total is — so that the addends have a known sum to
 * stay under.  Only the last block's end is known in advance (the run's).
 */
static void block(search *s, int p, int b)
{
	int bs = s->bsize;
	int after = s->ncells - (b + 1) * bs;   /* cells past this block */
	if (b * bs == s->ncells) {
		if (p == s->n)
			record(s);
		return;
	}
	int qlo = after ? p + bs : s->n;
	int qhi = after ? p + bs * GJ_SPLIT_MAX_DIGITS : s->n;
	if (qhi > s->n)
		qhi = s->n;
	for (int q = qlo; q <= qhi; q++) {
		if (!spend(s, 1))
			return;
		if (!fits(s, q, s->n, after) || !fits(s, p, q, bs))
			continue;
		s->block_end[b] = q;
		long long total = 0;
		for (int l = 1; l <= GJ_SPLIT_MAX_DIGITS && q - l >= p + bs - 1;
		     l++) {
			int i = q - l;
			if (l > 1 && s->brk[i + 1])
				break;   /* the total does not cross a space */
			total += s->d[i] * tens[l - 1];
			if (l > 1 && s->d[i] == 0)
				continue;   /* a longer one may start on 1-9 */
			if (!fits(s, p, i, bs - 1))
				continue;
			if (!spend(s, 1))
				return;
			set_cell(s, b * bs + bs - 1, i, l, total);
			addends(s, p, i, bs - 1, b * bs, b, total);
			if (s->out->exhausted)
				return;
		}
	}
}

static void fill_mincells(search *s)
{
	for (int j = 0; j <= s->n; j++) {
		s->t.mincells[j][j] = 0;
		for (int i = j - 1; i >= 0; i--) {
			int best = 1 + s->t.mincells[i + 1][j];
			for (int l = 2; l <= GJ_SPLIT_MAX_DIGITS && i + l <= j &&
			     s->d[i] != 0 && !s->brk[i + l - 1]; l++) {
				int c = 1 + s->t.mincells[i + l][j];
				if (c < best)
					best = c;
			}
			s->t.mincells[i][j] = (unsigned char)best;
		}
	}
}

/* Without sums every split fits: count them, keep the first ones. */
static void split_free(search *s)
{
	unsigned long long (*ways)[MAX_RUN + 1] = s->t.ways;
	for (int c = 0; c <= s->ncells; c++) {
		for (int i = s->n; i >= 0; i--) {
			unsigned long long w = 0;
			if (c == 0) {
				ways[c][i] = i == s->n;
				continue;
			}
			for (int l = 1; i + l <= s->n && is_cell(s, i, l); l++) {
				w += ways[c - 1][i + l];
				if (w > COUNT_CAP)
					w = COUNT_CAP;
			}
			ways[c][i] = w;
		}
	}
	unsigned long long total = ways[s->ncells][0];
	s->out->nfound = total > INT_MAX ? INT_MAX : (int)total;
	/* nfound is then a lower bound, which is what exhausted promises */
	s->out->exhausted = total > INT_MAX;

	/* walk the first splits in order, never into a dead branch */
	int pos[GJ_SPLIT_MAX_CELLS + 1], len[GJ_SPLIT_MAX_CELLS];
	int c = 0;
	pos[0] = 0;
	len[0] = 0;
	while (s->out->nkept < s->out->nfound && s->out->nkept < GJ_SPLIT_MAX_KEEP) {
		/* advance cell c to its next length that still leads somewhere */
		int i = pos[c], l = len[c] + 1, left = s->ncells - c - 1;
		while (is_cell(s, i, l) && ways[left][i + l] == 0)
			l++;
		if (!is_cell(s, i, l)) {
			/* no more here: back up (nfound says there is more) */
			if (--c < 0)
				break;
			continue;
		}
		len[c] = l;
		if (left == 0) {
			for (int k = 0; k < s->ncells; k++) {
				long long v = 0;
				for (int x = pos[k]; x < pos[k] + len[k]; x++)
					v = v * 10 + s->d[x];
				set_cell(s, k, pos[k], len[k], v);
			}
			s->out->splits[s->out->nkept++] = s->cur;
			continue;
		}
		c++;
		pos[c] = i + l;
		len[c] = 0;
	}
}

int gj_split_digits(const char *text, size_t len, int ncells, gj_sum_kind kind,
		    gj_split_result *out)
{
	if (!out)
		return -1;
	memset(out, 0, sizeof *out);
	if (ncells < 1 || ncells > GJ_SPLIT_MAX_CELLS || (!text && len))
		return -1;
	if (kind != GJ_SUM_NONE && kind != GJ_SUM_LAST && kind != GJ_SUM_BLOCKS5)
		return -1;
	if (kind == GJ_SUM_BLOCKS5 && ncells % 5 != 0)
		return -1;
	/* a lone cell adding up to itself says nothing: not a row with sums */
	if (kind == GJ_SUM_LAST && ncells < 2)
		return -1;
	size_t digits = 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c != ' ' && c != '\t' && c != '\n')
			return -1;
	}
	if (digits == 0 || digits > (size_t)ncells * GJ_SPLIT_MAX_DIGITS)
		return 0;

	/* 20 KB: fine on any thread's stack, and nothing to free */
	search s;
	s.n = 0;
	s.ncells = ncells;
	s.steps = 0;
	s.out = out;
	memset(&s.cur, 0, sizeof s.cur);
	int space = 0;
	s.dsum[0] = 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c < '0' || c > '9') {
			space = 1;
			continue;
		}
		s.d[s.n] = (unsigned char)(c - '0');
		s.at[s.n] = i;
		s.brk[s.n] = (unsigned char)(space || s.n == 0);
		s.dsum[s.n + 1] = s.dsum[s.n] + (c - '0');
		space = 0;
		s.n++;
	}
	s.brk[s.n] = 1;

	if (kind == GJ_SUM_NONE) {
		split_free(&s);
		return 0;
	}
	s.bsize = kind == GJ_SUM_LAST ? ncells : 5;
	fill_mincells(&s);
	if (fits(&s, 0, s.n, ncells))
		block(&s, 0, 0);
	return 0;
}

/* ---- the nearest splits: fewest sums broken ---- */

typedef struct {
	const char *text;
	int n;                      /* digits */
	size_t at[GJ_SPLIT_NEAREST_MAX + 1];
	int bsize, nblocks;
	/* cost of digits [p, q) as one block: 0 a split adds up, 1 none
	 * does, 2 cannot be cut into the block's cells; -1 not worked out */
	signed char cost[GJ_SPLIT_NEAREST_MAX + 1][GJ_SPLIT_NEAREST_MAX + 1];
	int exhausted;
} near;

/* The bytes of digits [p, q) of the run, spaces between them kept. */
static void block_text(const near *nr, int p, int q, const char **s, size_t *len)
{
	*s = nr->text + nr->at[p];
	*len = nr->at[q - 1] + 1 - nr->at[p];
}

static int block_cost(near *nr, int p, int q)
{
	if (nr->cost[p][q] >= 0)
		return nr->cost[p][q];
	int c = 2;
	if (q - p >= nr->bsize && q - p <= nr->bsize * GJ_SPLIT_MAX_DIGITS) {
		const char *s;
		size_t len;
		block_text(nr, p, q, &s, &len);
		gj_split_result r;
		if (gj_split_digits(s, len, nr->bsize, GJ_SUM_LAST, &r) == 0 && r.nfound > 0) {
			c = 0;
		} else {
			nr->exhausted |= r.exhausted;
			gj_split_result any;
			if (gj_split_digits(s, len, nr->bsize, GJ_SUM_NONE, &any) == 0 &&
			    any.nfound > 0)
				c = 1;
		}
	}
	nr->cost[p][q] = (signed char)c;
	return c;
}

/* Fewest broken blocks for blocks b.. over digits [p, n): 99 when the
 * digits cannot be cut so. */
static int least_broken(near *nr, int p, int b, int memo[][GJ_SPLIT_NEAREST_MAX + 1])
{
	if (b == nr->nblocks)
		return p == nr->n ? 0 : 99;
	if (memo[b][p] >= 0)
		return memo[b][p];
	int best = 99;
	int last = b == nr->nblocks - 1;
	for (int q = last ? nr->n : p + nr->bsize; q <= nr->n; q++) {
		int c = block_cost(nr, p, q);
		if (c == 2)
			continue;
		int rest = least_broken(nr, q, b + 1, memo);
		if (rest < 99 && c + rest < best)
			best = c + rest;
	}
	memo[b][p] = best;
	return best;
}

/* Splits of digits [p, q) as one block: those that add up (cost 0) or
 * all of them (cost 1). */
static void block_splits(const near *nr, int p, int q, int cost, gj_split_result *r)
{
	const char *s;
	size_t len;
	block_text(nr, p, q, &s, &len);
	gj_split_digits(s, len, nr->bsize, cost == 0 ? GJ_SUM_LAST : GJ_SUM_NONE, r);
}

/* How many splits of digits [p, n) into blocks b.. break want sums
 * (saturating at INT_MAX). */
static long long nearest_count(near *nr, int p, int b, int want,
			       int memo[][GJ_SPLIT_NEAREST_MAX + 1])
{
	if (b == nr->nblocks)
		return p == nr->n && want == 0;
	long long total = 0;
	int last = b == nr->nblocks - 1;
	for (int q = last ? nr->n : p + nr->bsize; q <= nr->n; q++) {
		int c = block_cost(nr, p, q);
		if (c == 2 || c > want || least_broken(nr, q, b + 1, memo) != want - c)
			continue;
		gj_split_result r;
		block_splits(nr, p, q, c, &r);
		long long rest = nearest_count(nr, q, b + 1, want - c, memo);
		if (r.nfound > 0 && rest > INT_MAX / r.nfound)
			return INT_MAX;
		total += (long long)r.nfound * rest;
		if (total > INT_MAX)
			return INT_MAX;
	}
	return total;
}

/* Keep the first splits that break want sums: each cut of the run into
 * blocks that reaches the fewest, and the splits of its blocks. */
static void nearest_walk(near *nr, int p, int b, int want, gj_split *cur,
			 int memo[][GJ_SPLIT_NEAREST_MAX + 1], gj_split_result *out)
{
	if (out->nkept == GJ_SPLIT_MAX_KEEP)
		return;
	if (b == nr->nblocks) {
		if (p == nr->n && want == 0)
			out->splits[out->nkept++] = *cur;
		return;
	}
	int last = b == nr->nblocks - 1;
	for (int q = last ? nr->n : p + nr->bsize; q <= nr->n; q++) {
		int c = block_cost(nr, p, q);
		if (c == 2 || c > want || least_broken(nr, q, b + 1, memo) != want - c)
			continue;
		gj_split_result r;
		block_splits(nr, p, q, c, &r);
		out->exhausted |= r.exhausted;
		for (int k = 0; k < r.nkept; k++) {
			for (int x = 0; x < nr->bsize; x++) {
				int cell = b * nr->bsize + x;
				cur->value[cell] = r.splits[k].value[x];
				cur->start[cell] = r.splits[k].start[x] + nr->at[p];
				cur->len[cell] = r.splits[k].len[x];
			}
			nearest_walk(nr, q, b + 1, want - c, cur, memo, out);
		}
	}
}

int gj_split_nearest(const char *text, size_t len, int ncells, gj_sum_kind kind,
		     gj_split_result *out)
{
	if (!out)
		return -1;
	memset(out, 0, sizeof *out);
	if (ncells < 1 || ncells > GJ_SPLIT_MAX_CELLS || (!text && len))
		return -1;
	if (kind != GJ_SUM_LAST && kind != GJ_SUM_BLOCKS5)
		return -1;
	if ((kind == GJ_SUM_BLOCKS5 && ncells % 5 != 0) || (kind == GJ_SUM_LAST && ncells < 2))
		return -1;
	near *nr = calloc(1, sizeof *nr);
	if (!nr)
		return -1;
	nr->text = text;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c >= '0' && c <= '9') {
			if (nr->n == GJ_SPLIT_NEAREST_MAX) {
				out->exhausted = 1;
				free(nr);
				return 0;
			}
			nr->at[nr->n++] = i;
		} else if (c != ' ' && c != '\t' && c != '\n') {
			free(nr);
			return -1;
		}
	}
	nr->bsize = kind == GJ_SUM_LAST ? ncells : 5;
	nr->nblocks = ncells / nr->bsize;
	memset(nr->cost, -1, sizeof nr->cost);
	int memo[GJ_SPLIT_MAX_CELLS / 5 + 1][GJ_SPLIT_NEAREST_MAX + 1];
	memset(memo, -1, sizeof memo);
	int best = nr->n ? least_broken(nr, 0, 0, memo) : 99;
	if (best < 99) {
		gj_split cur;
		memset(&cur, 0, sizeof cur);
		out->broken = best;
		long long n = nearest_count(nr, 0, 0, best, memo);
		out->nfound = n > INT_MAX ? INT_MAX : (int)n;
		nearest_walk(nr, 0, 0, best, &cur, memo, out);
	}
	out->exhausted |= nr->exhausted;
	free(nr);
	return 0;
}
