/*
 * batch.c — worker threads over a ring of slots.  The adding thread puts
 * a path in the next slot; a free worker takes the oldest untaken slot,
 * reads and checks the report with its own engine, and marks the slot
 * done; the adding thread consumes slots strictly in order.  The ring is
 * a few slots per worker, so a run over 10,000 reports holds no more than
 * a run over 10.
 */
#include "batch.h"
#include "reader.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *path;
	char *name;             /* the report's source path, or NULL: path */
	int done;
	gj_batch_item item;
} slot;

struct gj_batch {
	gj_engine **engines;
	int njobs;
	pthread_t *threads;
	int nthreads;
	gj_batch_previous prev;
	void *prev_ctx;
	gj_batch_consume consume;
	void *ctx;
	pthread_mutex_t mu;
	pthread_cond_t work;    /* a slot to take, or stop */
	pthread_cond_t done;    /* a slot is done */
	slot *ring;
	long cap;
	long added, taken, consumed;
	int stop;
};

typedef struct {
	gj_batch *b;
	gj_engine *e;
} worker;

static void stop(gj_batch *b, int free_engines);

/* Read and check one report into the slot's item. */
static void check_one(gj_batch *b, gj_engine *e, slot *s)
{
	gj_batch_item *it = &s->item;
	memset(it, 0, sizeof *it);
	it->path = s->path;
	gj_report *r = gj_reader_load(s->path, NULL, &it->diag);
	if (!r) {
		it->failed = 1;
		return;
	}
	if (s->name) {
		free(r->source_path);
		r->source_path = gj_xstrdup(s->name);
	}
	gj_report *prev = b->prev ? b->prev(r, b->prev_ctx) : NULL;
	gj_engine_check(e, r, prev, &it->res);
	gj_results_sort(&it->res);
	gj_report_free(prev);
	gj_report_free(r);
}

static void consume_slot(gj_batch *b, slot *s)
{
	b->consume(&s->item, b->ctx);
	gj_results_release(&s->item.res);
	free(s->path);
	free(s->name);
	memset(s, 0, sizeof *s);
}

static void *work(void *arg)
{
	worker *w = arg;
	gj_batch *b = w->b;
	pthread_mutex_lock(&b->mu);
	for (;;) {
		while (b->taken == b->added && !b->stop)
			pthread_cond_wait(&b->work, &b->mu);
		if (b->taken == b->added)
			break;                  /* stopped, nothing left */
		slot *s = &b->ring[b->taken++ % b->cap];
		pthread_mutex_unlock(&b->mu);
		check_one(b, w->e, s);
		pthread_mutex_lock(&b->mu);
		s->done = 1;
		pthread_cond_broadcast(&b->done);
	}
	pthread_mutex_unlock(&b->mu);
	free(w);
	return NULL;
}

gj_batch *gj_batch_new(gj_engine **engines, int njobs, gj_batch_previous prev,
		       void *prev_ctx, gj_batch_consume consume, void *ctx)
{
	gj_batch *b = gj_xcalloc(1, sizeof *b);
	b->engines = engines;
	b->njobs = njobs < 1 ? 1 : njobs;
	b->prev = prev;
	b->prev_ctx = prev_ctx;
	b->consume = consume;
	b->ctx = ctx;
	b->cap = b->njobs == 1 ? 1 : 4L * b->njobs;
	b->ring = gj_xcalloc((size_t)b->cap, sizeof *b->ring);
	pthread_mutex_init(&b->mu, NULL);
	pthread_cond_init(&b->work, NULL);
	pthread_cond_init(&b->done, NULL);
	if (b->njobs == 1)
		return b;
	b->threads = gj_xcalloc((size_t)b->njobs, sizeof *b->threads);
	for (int i = 0; i < b->njobs; i++) {
		worker *w = gj_xcalloc(1, sizeof *w);
		w->b = b;
		w->e = engines[i];
		if (pthread_create(&b->threads[i], NULL, work, w) != 0) {
			free(w);
			stop(b, 0);     /* the caller keeps its engines */
			return NULL;
		}
		b->nthreads++;
	}
	return b;
}

/* Wait for the oldest slot and consume it.  Called with mu held; returns
 * with it held. */
static void consume_oldest(gj_batch *b)
{
	slot *s = &b->ring[b->consumed % b->cap];
	while (!s->done)
		pthread_cond_wait(&b->done, &b->mu);
	pthread_mutex_unlock(&b->mu);
	consume_slot(b, s);
	pthread_mutex_lock(&b->mu);
	b->consumed++;
}

void gj_batch_add(gj_batch *b, const char *path)
{
	gj_batch_add_named(b, path, NULL);
}

void gj_batch_add_named(gj_batch *b, const char *path, const char *name)
{
	if (b->njobs == 1) {
		slot *s = &b->ring[0];
		s->path = gj_xstrdup(path);
		s->name = name ? gj_xstrdup(name) : NULL;
		check_one(b, b->engines[0], s);
		consume_slot(b, s);
		return;
	}
	pthread_mutex_lock(&b->mu);
	while (b->added - b->consumed == b->cap)
		consume_oldest(b);
	slot *s = &b->ring[b->added % b->cap];
	s->path = gj_xstrdup(path);
	s->name = name ? gj_xstrdup(name) : NULL;
	s->done = 0;
	b->added++;
	pthread_cond_signal(&b->work);
	/* hand on what is ready, so output keeps flowing */
	while (b->consumed < b->added && b->ring[b->consumed % b->cap].done)
		consume_oldest(b);
	pthread_mutex_unlock(&b->mu);
}

void gj_batch_finish(gj_batch *b)
{
	pthread_mutex_lock(&b->mu);
	while (b->consumed < b->added)
		consume_oldest(b);
	pthread_mutex_unlock(&b->mu);
	stop(b, 1);
}

/* End the workers (nothing is queued), free the batch, and the engines
 * when free_engines. */
static void stop(gj_batch *b, int free_engines)
{
	pthread_mutex_lock(&b->mu);
	b->stop = 1;
	pthread_cond_broadcast(&b->work);
	pthread_mutex_unlock(&b->mu);
	for (int i = 0; i < b->nthreads; i++)
		pthread_join(b->threads[i], NULL);
	for (int i = 0; free_engines && i < b->njobs; i++)
		gj_engine_free(b->engines[i]);
	pthread_mutex_destroy(&b->mu);
	pthread_cond_destroy(&b->work);
	pthread_cond_destroy(&b->done);
	free(b->threads);
	free(b->ring);
	free(b);
}
