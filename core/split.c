/*
 * split.c — every way to cut a run of digits into a row's cells so that the
 * row's sums hold.  A depth-first search from the left, one cell at a time,
 * pruned by what is still possible (digits left for the cells left, each
 * stretch between spaces needing a cell of its own, partial sums that may
 * not pass their total) and bounded by a node budget, so a 10,000-digit run
 * costs nothing and a pathological one stops with `exhausted` set.
 */
#include "split.h"

#include <string.h>

#define MAX_INPUT 4096       /* digits considered; more cannot fit 15 cells */
#define NODE_BUDGET 200000L

typedef struct {
	char d[MAX_INPUT];          /* the digits, spaces removed */
	size_t at[MAX_INPUT];       /* their offsets in the input */
	unsigned char brk[MAX_INPUT + 1];  /* 1: a space before digit i */
	int segs_from[MAX_INPUT + 1];      /* stretches starting after i */
	int n;                      /* digits */
	int ncells;
	gj_sum_kind kind;
	long nodes;
	gj_split cur;
	gj_split_result *out;
} search;

static int block_size(const search *s)
{
	return s->kind == GJ_SUM_LAST ? s->ncells : 5;
}

/* Can cells [cell, ncells) still fill digits [p, n)? */
static int feasible(const search *s, int p, int cell)
{
	int left = s->ncells - cell, digits = s->n - p;
	if (left == 0)
		return digits == 0;
	if (digits < left || digits > left * GJ_SPLIT_MAX_DIGITS)
		return 0;
	/* each stretch between spaces from p on needs a cell of its own */
	return s->segs_from[p] + 1 <= left;
}

static void record(search *s)
{
	gj_split_result *o = s->out;
	if (o->nkept < GJ_SPLIT_MAX_KEEP)
		o->splits[o->nkept++] = s->cur;
	o->nfound++;
}

/* Place cell `cell` at digit p; sum is the partial sum of its block. */
static void place(search *s, int p, int cell, long long sum)
{
	if (s->out->exhausted)
		return;
	if (++s->nodes > NODE_BUDGET) {
		s->out->exhausted = 1;
		return;
	}
	if (cell == s->ncells) {
		if (p == s->n)
			record(s);
		return;
	}
	if (!feasible(s, p, cell))
		return;
	int bs = block_size(s);
	int last_of_block = s->kind != GJ_SUM_NONE && cell % bs == bs - 1;
	long long v = 0;
	for (int l = 1; l <= GJ_SPLIT_MAX_DIGITS && p + l <= s->n; l++) {
		if (l > 1 && s->brk[p + l - 1])
			break;   /* a number does not cross a space */
		v = v * 10 + (s->d[p + l - 1] - '0');
		if (l > 1 && s->d[p] == '0')
			break;   /* no leading zero */
		if (last_of_block) {
			if (v > sum)
				break;   /* longer only grows */
			if (v != sum)
				continue;
		} else if (s->kind != GJ_SUM_NONE && v > 999999999LL) {
			break;
		}
		/* the next cell starts at p + l: fine mid-stretch or at a space */
		s->cur.value[cell] = v;
		s->cur.start[cell] = s->at[p];
		s->cur.len[cell] = (size_t)l;
		long long next = last_of_block ? 0 : sum + v;
		place(s, p + l, cell + 1, next);
		if (s->out->exhausted)
			return;
	}
}

int gj_split_digits(const char *text, size_t len, int ncells, gj_sum_kind kind,
		    gj_split_result *out)
{
	memset(out, 0, sizeof *out);
	if (ncells < 1 || ncells > GJ_SPLIT_MAX_CELLS)
		return -1;
	if (kind == GJ_SUM_BLOCKS5 && ncells % 5 != 0)
		return -1;
	if (kind == GJ_SUM_LAST && ncells < 2)
		return -1;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (!(c >= '0' && c <= '9') && c != ' ' && c != '\t' && c != '\n')
			return -1;
	}
	static _Thread_local search s;   /* 40 KB: keep it off the stack */
	s.ncells = ncells;
	s.kind = kind;
	s.nodes = 0;
	s.out = out;
	s.n = 0;
	int pending_break = 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c < '0' || c > '9') {
			pending_break = s.n > 0;
			continue;
		}
		if (s.n == MAX_INPUT)
			return 0;   /* far more digits than 15 cells can hold */
		s.d[s.n] = c;
		s.at[s.n] = i;
		s.brk[s.n] = (unsigned char)pending_break;
		pending_break = 0;
		s.n++;
	}
	if (s.n == 0)
		return 0;
	s.brk[s.n] = 1;
	s.segs_from[s.n] = 0;
	for (int i = s.n - 1; i >= 0; i--)
		s.segs_from[i] = s.segs_from[i + 1] + (i + 1 < s.n && s.brk[i + 1]);
	if (s.n > ncells * GJ_SPLIT_MAX_DIGITS)
		return 0;
	place(&s, 0, 0, 0);
	return 0;
}
