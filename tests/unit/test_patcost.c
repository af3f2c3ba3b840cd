/* test_patcost.c — the bound on Lua's pattern matcher: exact values on
 * small cases worked out by hand from the formula in patcost.c, the same
 * bound whether a plan is kept or not, scratch memory only for patterns
 * too long to keep, and the searches the sandbox must refuse or allow. */
#include "patcost.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

/* scratch memory, counted and freed after each bound */
static void *blocks[16];
static int nblocks;

static void *scratch(void *ud, size_t size)
{
	(void)ud;
	void *p = malloc(size);
	if (nblocks < 16)
		blocks[nblocks++] = p;
	return p;
}

static int repeats;

static double bound_in(gj_patcost *pc, const char *p, int anchored, const char *s, size_t n)
{
	nblocks = 0;
	double b = gj_patcost_bound(pc, p, strlen(p), anchored, (const unsigned char *)s, n,
				    &repeats, scratch, NULL);
	for (int i = 0; i < nblocks; i++)
		free(blocks[i]);
	return b;
}

static double bound(const char *p, int anchored, const char *s)
{
	return bound_in(NULL, p, anchored, s, strlen(s));
}

/* steps(x* rest) = (L + 1)(2 + chain) + min(L + 1, 1 + both) steps(rest);
 * starts: n + 1, or one when anchored, or the prefix's places; each step
 * at most the widest item (at least 2). */
static void test_by_hand(void)
{
	/* b: 2 steps; a* over "aaaa": L = 4, chain 1, both none:
	 * 5 * 3 + 1 * 2 = 17; 5 starts, widest 2: 170 */
	CHECK_INT((long long)bound("a*b", 0, "aaaa"), 170);
	CHECK_INT(repeats, 1);
	CHECK_INT((long long)bound("^a*b", 1, "aaaa"), 34);
	CHECK_INT((long long)bound("a*b", 0, ""), 10);
	CHECK_INT((long long)bound(".-b", 0, "aaaa"), 170);
	/* no repeat: 4 steps; the prefix "abc" at 2 places of 11 starts:
	 * (11 * 3 + 2 * 4) * 2 */
	CHECK_INT((long long)bound("abc", 0, "xxabcxxabc"), 82);
	CHECK_INT(repeats, 0);
	/* x? doubles what follows; %b scans the subject */
	CHECK_INT((long long)bound("a?b", 0, "ab"), 30);
	CHECK_INT((long long)bound("%b()", 0, "(())"), 60);
	/* a prefix with a repeat after it */
	CHECK_INT((long long)bound("x1%d*y", 0, "x1y"), 36);
	CHECK_INT((long long)bound("[%w_]*%s*,", 0, "ab cd,"), 700);
	CHECK_INT(repeats, 2);
	CHECK_INT((long long)bound("(%d+)条", 0, "共24条，其中3条"), 792);
}

/* What the sandbox refuses (over 5e8) and allows. */
static void test_refused_and_allowed(void)
{
	char *a3000 = malloc(3001), *a400 = malloc(401), *text = malloc(200001);
	memset(a3000, 'a', 3000);
	a3000[3000] = '\0';
	memset(a400, 'a', 400);
	a400[400] = '\0';
	for (int i = 0; i < 200000; i++)
		text[i] = "共24条。"[i % 10];
	text[200000] = '\0';
	CHECK(bound("a*a*a*b", 0, a3000) > 5e8);
	CHECK_INT(repeats, 3);
	CHECK(bound(".-.-.-b", 0, a400) > 5e8);
	CHECK(bound("a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?b", 0, a3000) > 5e8);
	CHECK(bound("(a*)%1b", 0, a3000) > 5e8);
	/* the same anchored is one start, not 3001 */
	CHECK(bound("^a*a*a*b", 1, a3000) * 3000 < bound("a*a*a*b", 0, a3000));
	/* a rule's ordinary search over 200 KB */
	CHECK(bound("(%d+)条", 0, text) < 1e8);
	CHECK(bound("第(.-)部分", 0, text) < 1e8);
	free(a3000);
	free(a400);
	free(text);
}

/* A kept plan gives the bound a fresh one does, on any subject. */
static void test_kept_plans(void)
{
	gj_patcost *pc = gj_patcost_new();
	const char *subjects[] = { "aaaa", "", "xaaaab", "共24条" };
	const char *patterns[] = { "a*b", "^a*b", "(%d+)条", "[%w_]*%s*," };
	for (int round = 0; round < 2; round++)
		for (int p = 0; p < 4; p++)
			for (int s = 0; s < 4; s++) {
				double kept = bound_in(pc, patterns[p], p == 1,
						       subjects[s], strlen(subjects[s]));
				CHECK_INT(nblocks, 0);
				CHECK(kept == bound(patterns[p], p == 1, subjects[s]));
			}
	/* anchored and not are two plans of one pattern (in gmatch a '^'
	 * is a character: the prefix, found nowhere in "aaaa") */
	CHECK_INT((long long)bound_in(pc, "^a*b", 1, "aaaa", 4), 34);
	CHECK_INT((long long)bound_in(pc, "^a*b", 0, "aaaa", 4), 10);
	gj_patcost_free(pc);
	gj_patcost_free(NULL);
}

/* Patterns too long, or with too many repeats, to keep are worked out
 * in the scratch memory the caller gives, every time. */
static void test_scratch(void)
{
	gj_patcost *pc = gj_patcost_new();
	char longp[400];
	memset(longp, 'z', sizeof longp - 1);
	longp[sizeof longp - 1] = '\0';
	bound_in(pc, longp, 0, "zz", 2);
	CHECK_INT(nblocks, 2);                /* the items and the plan */
	bound_in(pc, "a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", 0, "aa", 2);
	CHECK_INT(nblocks, 1);                /* the plan */
	CHECK_INT(repeats, 17);
	bound_in(pc, "a*b", 0, "aa", 2);
	CHECK_INT(nblocks, 0);
	gj_patcost_free(pc);
}

/* A malformed pattern is bounded up to where it goes wrong (Lua then
 * raises its own error). */
static void test_malformed(void)
{
	CHECK(bound("[a", 0, "abc") >= 0);
	CHECK(bound("a%", 0, "abc") >= 0);
	CHECK(bound("%f", 0, "abc") >= 0);
	CHECK(bound("%b", 0, "abc") >= 0);
}

int main(void)
{
	test_by_hand();
	test_refused_and_allowed();
	test_kept_plans();
	test_scratch();
	test_malformed();
	return unit_done("patcost");
}
