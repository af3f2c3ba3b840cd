/*
 * previous.c — last year's reports by agency and year (previous.h).  A
 * report is found through a table keyed by the last AGENCY_KEY bytes of
 * its agency's name without white space: any two names that
 * gj_previous_same_agency pairs share them (the shorter name is a tail of
 * the longer, of 15 bytes at least, or they are equal).
 */
#include "previous.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define AGENCY_KEY 15
#define PREV_BUCKETS 4096
#define NAME_MAX_BYTES 512

typedef struct {
	char *agency;
	int year;
	char *path;
} entry;

struct gj_previous {
	entry *v;
	int *next;              /* the next entry with the same key, or -1 */
	int n, cap;
	int head[PREV_BUCKETS], tail[PREV_BUCKETS];
};

/* name without spaces and tabs into x (cap bytes, NUL-terminated): its length */
static size_t squeeze(const char *name, char *x, size_t cap)
{
	size_t n = 0;
	for (; *name && n + 1 < cap; name++)
		if (*name != ' ' && *name != '\t')
			x[n++] = *name;
	x[n] = '\0';
	return n;
}

/* the bucket of an agency's name: its key, hashed */
static unsigned bucket(const char *agency)
{
	char x[NAME_MAX_BYTES];
	size_t n = squeeze(agency, x, sizeof x);
	size_t from = n > AGENCY_KEY ? n - AGENCY_KEY : 0;
	return gj_hash_bytes(GJ_HASH_SEED, x + from, n - from) % PREV_BUCKETS;
}

int gj_previous_same_agency(const char *a, const char *b)
{
	char x[NAME_MAX_BYTES], y[NAME_MAX_BYTES];
	size_t nx = squeeze(a, x, sizeof x), ny = squeeze(b, y, sizeof y);
	const char *lo = nx < ny ? x : y, *hi = nx < ny ? y : x;
	size_t nl = nx < ny ? nx : ny, nh = nx < ny ? ny : nx;
	return (nl == nh || nl >= AGENCY_KEY) && strcmp(hi + nh - nl, lo) == 0;
}

gj_previous *gj_previous_new(void)
{
	gj_previous *p = gj_xcalloc(1, sizeof *p);
	for (int i = 0; i < PREV_BUCKETS; i++)
		p->head[i] = p->tail[i] = -1;
	return p;
}

void gj_previous_free(gj_previous *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->n; i++) {
		free(p->v[i].agency);
		free(p->v[i].path);
	}
	free(p->v);
	free(p->next);
	free(p);
}

void gj_previous_add(gj_previous *p, const char *agency, int year, const char *path)
{
	if (!agency || !year)
		return;         /* nothing to match it by */
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->v = gj_xrealloc(p->v, (size_t)p->cap * sizeof *p->v);
		p->next = gj_xrealloc(p->next, (size_t)p->cap * sizeof *p->next);
	}
	entry *e = &p->v[p->n];
	e->agency = gj_xstrdup(agency);
	e->year = year;
	e->path = gj_xstrdup(path);
	gj_chain_add(p->head, p->tail, p->next, bucket(agency), p->n++);
}

const char *gj_previous_find(const gj_previous *p, const char *agency, int year)
{
	if (!p || !agency || !year)
		return NULL;
	for (int i = p->head[bucket(agency)]; i >= 0; i = p->next[i])
		if (p->v[i].year == year - 1 && gj_previous_same_agency(p->v[i].agency, agency))
			return p->v[i].path;
	return NULL;
}

int gj_previous_count(const gj_previous *p)
{
	return p->n;
}
