/*
 * patcost.c — a bound on the work of Lua's pattern matcher (patcost.h).
 *
 * Lua's matcher backtracks inside one C call, where no hook can stop it:
 * ("a"):rep(3000):find("a*a*a*b") would run for days.  So before a pattern
 * runs, an upper bound on its matcher's steps is worked out from the
 * pattern and the subject, and the sandbox refuses a pattern whose bound
 * is too high.
 *
 * Patterns are items in a row, never loops, so the bound is built from the
 * last item back.  A repeated item (x* x+ x-) tries each length up to the
 * longest run of subject bytes it can match, L.  A try goes on past the
 * next few items only where the rest can begin; inside the run the byte
 * there is one of the item's own, so besides the try at the run's end the
 * tries that go on are at most the subject's bytes that are both the
 * item's and a possible start of the rest (none, for [%w_]* then %s*,);
 * the others fail within those few items (chain):
 *
 *   steps(x* rest) = (L + 1) (2 + chain) + min(L + 1, 1 + both) * steps(rest)
 *
 * x? is two tries; %b and a back-reference (%1) scan up to the subject's
 * length.  Start positions: one when anchored with '^', else those where
 * the pattern's literal prefix occurs (the others fail within the prefix's
 * length), else every one.  Each step costs at most the longest item
 * (a set is scanned byte by byte).
 */
#include "patcost.h"
#include "util.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define PLAN_SLOTS 128              /* pattern plans kept */
#define PLAN_MAX_PATTERN 256        /* longer patterns are worked out each time, */
#define PLAN_MAX_REPEATS 16         /* and patterns with more repeats */

enum { IT_CHAR, IT_CAPTURE, IT_END, IT_SCAN, IT_FRONTIER };

typedef struct {
	size_t at, len;         /* the item's class in the pattern (IT_CHAR) */
	char kind;
	char rep;               /* '*', '+', '-', '?' or 0 */
	int r;                  /* open-ended repeats: its repeat_plan */
} pattern_item;

/* What the bound needs of an open-ended repeat, whatever the subject. */
typedef struct {
	unsigned char in[256];     /* the bytes the item matches */
	unsigned char both[256];   /* of those, where what follows can begin */
	double chain;              /* the items looked through */
	int any;                   /* anything can follow: both[] is unused */
} repeat_plan;

/* A pattern worked out once: its items and repeats, its literal prefix.
 * Plans of short patterns are kept in the sandbox (PLAN_SLOTS, by a hash
 * of the pattern), so a rule that runs one pattern over every sentence
 * pays for the analysis once and for a scan of each subject.  Only
 * patterns within PLAN_MAX_PATTERN bytes and PLAN_MAX_REPEATS repeats are
 * kept, so the plans of a sandbox take at most some 2 MB. */
typedef struct pattern_plan_s {
	size_t m;                  /* the pattern (the key), after the items */
	int anchored;
	size_t nit, nrep;
	int repeats;
	double widest;
	char prefix[64];
	size_t plen;
	pattern_item *it;
	repeat_plan *rep;
	char *p;
} pattern_plan;


/* Does byte c belong to class letter cl (%a, %d, …; upper case: not)?
 * Other characters stand for themselves, as in Lua. */
/* class_has answers from a table made once: it is asked 256 times for
 * every repeat of every pattern call */
static unsigned char class_table[26][256];
static pthread_once_t class_once = PTHREAD_ONCE_INIT;
static int class_has_slow(unsigned c, unsigned char cl);

static void make_class_table(void)
{
	for (int k = 0; k < 26; k++)
		for (unsigned c = 0; c < 256; c++)
			class_table[k][c] = (unsigned char)class_has_slow(c, (unsigned char)('a' + k));
}

static int class_has(unsigned c, unsigned char cl)
{
	unsigned char lower = (unsigned char)(cl | 0x20);
	if (c > 255 || lower < 'a' || lower > 'z' || !strchr("acdglpsuwx", lower))
		return class_has_slow(c, cl);
	pthread_once(&class_once, make_class_table);
	int in = class_table[lower - 'a'][c];
	return isupper(cl) ? !in : in;
}

static int class_has_slow(unsigned c, unsigned char cl)
{
	int in;
	switch (cl | 0x20) {
	case 'a': in = isalpha((int)c); break;
	case 'c': in = iscntrl((int)c); break;
	case 'd': in = isdigit((int)c); break;
	case 'g': in = isgraph((int)c); break;
	case 'l': in = islower((int)c); break;
	case 'p': in = ispunct((int)c); break;
	case 's': in = isspace((int)c); break;
	case 'u': in = isupper((int)c); break;
	case 'w': in = isalnum((int)c); break;
	case 'x': in = isxdigit((int)c); break;
	default: return cl == c;
	}
	if (isupper(cl))
		in = !in;
	return in != 0;
}

/* Does c belong to the set p[0..len), from '[' to its ']'? */
static int set_has(unsigned c, const char *p, size_t len)
{
	size_t i = 1, end = len - 1;
	int yes = 1;
	if (i < end && p[i] == '^') {
		yes = 0;
		i++;
	}
	for (; i < end; i++) {
		unsigned char x = (unsigned char)p[i];
		if (x == '%' && i + 1 < end) {
			if (class_has(c, (unsigned char)p[++i]))
				return yes;
		} else if (i + 2 < end && p[i + 1] == '-') {
			if (x <= c && c <= (unsigned char)p[i + 2])
				return yes;
			i += 2;
		} else if (x == c) {
			return yes;
		}
	}
	return !yes;
}

static int item_has(unsigned c, const char *p, size_t len)
{
	if (p[0] == '.')
		return 1;
	if (p[0] == '%')
		return class_has(c, (unsigned char)p[1]);
	if (p[0] == '[')
		return set_has(c, p, len);
	return (unsigned char)p[0] == c;
}

/* The end of the single-character item at p[i]: "x", ".", "%a", "[…]";
 * 0 when it is malformed (Lua will say so when it gets there). */
static size_t item_end(const char *p, size_t m, size_t i)
{
	if (p[i] == '%')
		return i + 2 <= m ? i + 2 : 0;
	if (p[i] != '[')
		return i + 1;
	i++;
	if (i < m && p[i] == '^')
		i++;
	do {   /* the first character is in the set even when it is ']' */
		if (i >= m)
			return 0;
		if (p[i++] == '%' && i < m)
			i++;
	} while (i >= m || p[i] != ']');
	return i + 1;
}

/* The items of the pattern, from p[i] on, into it[]; returns how many.
 * A malformed tail is left out: Lua stops there with an error. */
static size_t pattern_items(const char *p, size_t m, size_t i, pattern_item *it)
{
	size_t k = 0;
	while (i < m) {
		pattern_item t = { i, 0, IT_CHAR, 0, -1 };
		char c = p[i], d = i + 1 < m ? p[i + 1] : '\0';
		if (c == '(' || c == ')') {
			t.kind = IT_CAPTURE;
			i++;
		} else if (c == '$' && i + 1 == m) {
			t.kind = IT_END;
			i++;
		} else if (c == '%' && d == 'b') {
			t.kind = IT_SCAN;
			i += 4;
		} else if (c == '%' && d >= '0' && d <= '9') {
			t.kind = IT_SCAN;
			i += 2;
		} else if (c == '%' && d == 'f') {
			size_t e = i + 2 < m && p[i + 2] == '[' ? item_end(p, m, i + 2) : 0;
			if (!e)
				break;
			t.kind = IT_FRONTIER;
			i = e;
		} else {
			size_t e = item_end(p, m, i);
			if (!e)
				break;
			t.len = e - i;
			if (e < m && strchr("*+-?", p[e])) {
				t.rep = p[e];
				e++;
			}
			i = e;
		}
		it[k++] = t;
	}
	return k;
}

/* Bytes of item k where the items after it can go on (*both), and the
 * items looked through (*chain); 0 when anything can follow (the pattern
 * may end there, or %b, %f, %1 come first). */
static int follow_set(const char *p, const pattern_item *it, size_t nit, size_t k,
		      unsigned char *both, double *chain)
{
	memset(both, 0, 256);
	*chain = 0;
	for (size_t f = k + 1;; f++) {
		if (f >= nit)
			return 0;
		const pattern_item *t = &it[f];
		*chain += 1;
		if (t->kind == IT_CAPTURE)
			continue;
		if (t->kind == IT_END)
			break;
		if (t->kind != IT_CHAR)
			return 0;
		for (unsigned c = 0; c < 256; c++)
			both[c] |= (unsigned char)item_has(c, p + t->at, t->len);
		if (t->rep == 0 || t->rep == '+')
			break;
	}
	for (unsigned c = 0; c < 256; c++)
		both[c] = both[c] && item_has(c, p + it[k].at, it[k].len);
	return 1;
}

/* The plan of p[0..m): in one block from mem (plan_size bytes) */
static size_t plan_size(size_t nit, size_t nrep, size_t m)
{
	return sizeof(pattern_plan) + nit * sizeof(pattern_item) +
	       nrep * sizeof(repeat_plan) + m + 1;
}

static pattern_plan *plan_build(void *mem, const char *p, size_t m, int anchored,
				const pattern_item *items, size_t nit, size_t nrep)
{
	pattern_plan *pl = mem;
	memset(pl, 0, sizeof *pl);
	pl->rep = (repeat_plan *)(pl + 1);
	pl->it = (pattern_item *)(pl->rep + nrep);
	pl->p = (char *)(pl->it + nit);
	memcpy(pl->p, p, m);
	pl->p[m] = '\0';
	pl->m = m;
	pl->anchored = anchored;
	pl->nit = nit;
	pl->nrep = nrep;
	memcpy(pl->it, items, nit * sizeof *items);
	pl->widest = 2;
	size_t r = 0;
	for (size_t k = 0; k < nit; k++) {
		pattern_item *t = &pl->it[k];
		if ((double)t->len > pl->widest)
			pl->widest = (double)t->len;
		if (t->kind != IT_CHAR || !t->rep || t->rep == '?')
			continue;
		repeat_plan *rp = &pl->rep[r];
		t->r = (int)r++;
		pl->repeats++;
		for (unsigned c = 0; c < 256; c++)
			rp->in[c] = (unsigned char)item_has(c, p + t->at, t->len);
		rp->any = !follow_set(p, pl->it, nit, k, rp->both, &rp->chain);
	}
	/* the literal prefix: characters, escaped or not, with no repeat */
	for (size_t k = 0; !anchored && k < nit && pl->plen < sizeof pl->prefix; k++) {
		const pattern_item *t = &pl->it[k];
		const char *c = p + t->at;
		if (t->kind != IT_CHAR || t->rep || c[0] == '.' || c[0] == '[' ||
		    (c[0] == '%' && isalnum((unsigned char)c[1])))
			break;
		pl->prefix[pl->plen++] = c[t->len - 1];
	}
	return pl;
}

static size_t count_repeats(const pattern_item *it, size_t nit)
{
	size_t n = 0;
	for (size_t k = 0; k < nit; k++)
		n += it[k].kind == IT_CHAR && it[k].rep && it[k].rep != '?';
	return n;
}

/* How often text[0..len) occurs in s[0..n). */
static size_t occurrences(const unsigned char *s, size_t n, const char *text, size_t len)
{
	size_t k = 0;
	for (size_t i = 0; i + len <= n; i++)
		k += memcmp(s + i, text, len) == 0;
	return k;
}

/* The bound on the matcher's steps for the whole search of s[0..n). */
static double plan_cost(const pattern_plan *pl, const unsigned char *s, size_t n)
{
	double steps = 1, n1 = (double)n + 1;
	for (size_t k = pl->nit; k-- > 0;) {
		const pattern_item *t = &pl->it[k];
		if (t->kind == IT_SCAN) {
			steps += n1;
			continue;
		}
		if (t->kind != IT_CHAR || !t->rep) {
			steps += 1;
			continue;
		}
		if (t->rep == '?') {
			steps = 1 + 2 * steps;
			continue;
		}
		/* the longest run of the item's bytes, and how many of them are
		 * where the rest can begin */
		const repeat_plan *rp = &pl->rep[t->r];
		size_t run = 0, best = 0, inside = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = s[i];
			run = rp->in[c] ? run + 1 : 0;
			if (run > best)
				best = run;
			inside += rp->both[c];
		}
		double tries = (double)best + 1, go_on = tries;
		if (!rp->any && (double)inside + 1 < go_on)
			go_on = (double)inside + 1;
		steps = tries * (2 + rp->chain) + go_on * steps;
	}
	if (pl->anchored)
		return steps * pl->widest;
	if (pl->plen == 0)
		return n1 * steps * pl->widest;
	/* a start without the prefix fails within plen steps */
	return (n1 * (double)pl->plen + (double)occurrences(s, n, pl->prefix, pl->plen) * steps) *
	       pl->widest;
}

static size_t plan_hash(const char *p, size_t m, int anchored)
{
	size_t h = 1469598103934665603u ^ (size_t)anchored;
	for (size_t i = 0; i < m; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211u;
	return h;
}

struct gj_patcost {
	pattern_plan *plans[PLAN_SLOTS];
};

gj_patcost *gj_patcost_new(void)
{
	return gj_xcalloc(1, sizeof(gj_patcost));
}

void gj_patcost_free(gj_patcost *pc)
{
	if (!pc)
		return;
	for (size_t i = 0; i < PLAN_SLOTS; i++)
		free(pc->plans[i]);
	free(pc);
}

double gj_patcost_bound(gj_patcost *pc, const char *p, size_t m, int anchored,
			const unsigned char *s, size_t n, int *repeats,
			gj_patcost_alloc alloc, void *ud)
{
	size_t slot = plan_hash(p, m, anchored) % PLAN_SLOTS;
	pattern_plan *pl = pc ? pc->plans[slot] : NULL;
	if (pl && pl->m == m && pl->anchored == anchored && memcmp(pl->p, p, m) == 0) {
		*repeats = pl->repeats;
		return plan_cost(pl, s, n);
	}
	size_t from = anchored ? 1 : 0;
	/* a short pattern with few repeats is kept; the others are worked
	 * out each time, in memory the caller gives (and counts) */
	pattern_item *items, small[PLAN_MAX_PATTERN + 1];
	if (m <= PLAN_MAX_PATTERN)
		items = small;
	else
		items = alloc(ud, (m + 1) * sizeof *items);
	size_t nit = pattern_items(p, m, from, items);
	size_t nrep = count_repeats(items, nit);
	size_t size = plan_size(nit, nrep, m);
	if (pc && m <= PLAN_MAX_PATTERN && nrep <= PLAN_MAX_REPEATS) {
		pl = plan_build(gj_xmalloc(size), p, m, anchored, items, nit, nrep);
		free(pc->plans[slot]);
		pc->plans[slot] = pl;
	} else {
		pl = plan_build(alloc(ud, size), p, m, anchored, items, nit, nrep);
	}
	*repeats = pl->repeats;
	return plan_cost(pl, s, n);
}

double gj_patcost_plain(size_t n, size_t m)
{
	if (m < 2 || n < m)
		return (double)n;
	return (double)(n - m + 1) * (double)m;
}
