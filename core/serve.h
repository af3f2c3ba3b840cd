/*
 * serve.h — gouji serve: a local web page where a clerk drops one report
 * or many and sees them checked: one report as its annotated page
 * (scripts/annotated.lua), many as the roll-up (scripts/rollup.lua) with
 * each report's annotated part a click away, and the same results to
 * download as CSV, XLSX, SARIF and HTML.  Checks run on the worker pool
 * (batch.c) with the packs and config of `gouji check`.  Stage: beside the
 * command line, over the same pipeline.
 *
 * Safe by construction: uploads are capped in size and count (413), each
 * request has a time limit, uploads are written under names of the
 * server's own in a private folder that is removed once the response is
 * made (no client path reaches the file system), every form carries a
 * token made at start-up (a request without it is refused), every page has
 * a strict Content-Security-Policy and no script, the Host header must
 * name the listening address (DNS rebinding), and each connection has its
 * own thread with an idle timeout, so a slow client holds only itself up.
 * Nothing is kept between requests.
 */
#ifndef GJ_SERVE_H
#define GJ_SERVE_H

#include <stddef.h>

#include "engine.h"
#include "util.h"

/* An engine with the packs and config of the run, or NULL (the problem is
 * printed).  Called once per worker per request. */
typedef gj_engine *(*gj_serve_engine_fn)(void *ctx);

typedef struct {
	const char *listen;      /* an IPv4 or IPv6 address; "127.0.0.1" */
	int port;                /* 0: any free port */
	size_t max_upload;       /* bytes of one request's files */
	int max_files;           /* files of one request */
	int timeout;             /* seconds a request may take */
	int jobs;                /* workers of one check */
	int max_checks;          /* checks at once; others wait their turn */
	int max_connections;
	const char *data_dir;    /* where scripts/ is */
	gj_serve_engine_fn engine;
	void *engine_ctx;
} gj_serve_options;

typedef struct gj_server gj_server;

/* Start listening; NULL with d set when the address cannot be used. */
gj_server *gj_serve_start(const gj_serve_options *o, gj_diag *d);
/* The port it listens on (the one picked when o->port was 0). */
int gj_serve_port(const gj_server *s);
/* Stop: wait for the requests under way, free everything. */
void gj_serve_stop(gj_server *s);

/* 1 when addr is a loopback address (127.0.0.0/8, ::1). */
int gj_serve_is_loopback(const char *addr);

#endif
