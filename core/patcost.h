/*
 * patcost.h — an upper bound on the steps Lua's pattern matcher takes to
 * search a subject with a pattern, worked out before the search runs.
 * The matcher backtracks inside one C call that no instruction hook can
 * stop, so the sandbox asks for this bound on every find, match, gmatch
 * and gsub and refuses a search whose bound is too high.  The bound is
 * safe: never below the matcher's real work.  What it needs of a pattern
 * alone is kept per pattern (a plan), so a rule that runs one pattern over
 * every sentence pays for the analysis once and for a scan of each
 * subject.  Knows nothing of Lua states or reports.
 *
 * Ownership: gj_patcost_free frees the plans kept.
 */
#ifndef GJ_PATCOST_H
#define GJ_PATCOST_H

#include <stddef.h>

/* The plans kept: 128 patterns of up to 256 bytes and 16 repeats each,
 * some 2 MB at most. */
typedef struct gj_patcost gj_patcost;

gj_patcost *gj_patcost_new(void);
void gj_patcost_free(gj_patcost *pc);

/* Memory for the plan of a pattern too long or with too many repeats to
 * keep: size bytes that last until gj_patcost_bound returns (the caller
 * frees them then).  It may not return NULL; it may raise instead (the
 * sandbox's gives a userdata, which its memory cap counts). */
typedef void *(*gj_patcost_alloc)(void *ud, size_t size);

/* The bound on the matcher's steps for searching s[0..n) with the pattern
 * p[0..m); anchored: p starts with a '^' that anchors (not in gmatch).
 * *repeats gets the pattern's open-ended repeats (x*, x+, x-), for the
 * message.  pc (may be NULL: nothing kept) holds the plans. */
double gj_patcost_bound(gj_patcost *pc, const char *p, size_t m, int anchored,
			const unsigned char *s, size_t n, int *repeats,
			gj_patcost_alloc alloc, void *ud);

/* The same for a plain search (find with plain, no pattern) of a needle
 * of m bytes in a subject of n: each start may compare up to m bytes. */
double gj_patcost_plain(size_t n, size_t m);

#endif
