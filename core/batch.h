/*
 * batch.h — check many reports on N worker threads and hand the results
 * back in input order.  Each worker has its own engine (its own Lua state,
 * packs loaded once and reused for every report); the caller's thread
 * adds paths and consumes results, so output is streamed in the order the
 * paths were given and only a bounded window of reports is in memory.
 *
 * Ownership: the batch owns the engines it is given; each item handed to
 * the consumer is released by the batch after the call.
 */
#ifndef GJ_BATCH_H
#define GJ_BATCH_H

#include "engine.h"

typedef struct {
	const char *path;       /* as given */
	int failed;             /* the file could not be read: see diag */
	gj_diag diag;
	gj_results res;         /* this report's findings (sorted), failures
				 * and summary */
} gj_batch_item;

/* Called in input order, on the thread that calls gj_batch_add/finish. */
typedef void (*gj_batch_consume)(gj_batch_item *item, void *ctx);
/* Last year's report for r, read for this check (the batch frees it), or
 * NULL; called from the workers, so it must only read shared data. */
typedef gj_report *(*gj_batch_previous)(const gj_report *r, void *ctx);

typedef struct gj_batch gj_batch;

/* njobs engines: one per worker; with one engine no thread is started and
 * each report is checked as it is added.  Returns NULL when a thread
 * cannot be started (the caller still owns the engines then). */
gj_batch *gj_batch_new(gj_engine **engines, int njobs, gj_batch_previous prev,
		       void *prev_ctx, gj_batch_consume consume, void *ctx);

/* Queue a report file; may first wait for and consume earlier results. */
void gj_batch_add(gj_batch *b, const char *path);

/* The same, the report named name (its source path: in findings and
 * output) instead of path: gouji serve checks uploads kept under names of
 * its own and shows them by the names they came with. */
void gj_batch_add_named(gj_batch *b, const char *path, const char *name);

/* Consume every remaining result, stop the workers, free the batch and
 * its engines. */
void gj_batch_finish(gj_batch *b);

#endif
