/*
 * cmd_check.c — `gouji check`: the project (config and packs) set up
 * once, an engine per worker and one for the output script, the batch
 * (batch.h) checking reports as paths are walked, and each report's
 * results consumed in input order: baseline lines written and applied,
 * failures said on stderr, findings streamed to the script or kept for
 * it, a progress line on a terminal.  Output is written through a file
 * that gets its name only when complete (cli.h), never over a file the
 * run reads.
 */
#include "cmd_check.h"
#include "baseline.h"
#include "batch.h"
#include "cli.h"
#include "md.h"
#include "opts.h"
#include "previous.h"
#include "project.h"
#include "reader.h"
#include "walk.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_PACKS 16

typedef struct {
	const char *packs[MAX_PACKS];
	int npacks;
	const char *format;
	const char *output;
	const char *config;
	const char *baseline;
	const char *write_baseline;
	const char *previous;
	const char *files_from;
	int html;
	int jobs;               /* -j N: workers; default one per core */
	char **paths;
	int npaths;
} check_args;

static int parse_args(int argc, char **argv, check_args *a)
{
	memset(a, 0, sizeof *a);
	a->format = "text";
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	a->jobs = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
	const gj_opt opts[] = {
		{ "--pack", NULL, GJ_OPT_LIST, a->packs, 0, &a->npacks, 0, MAX_PACKS, NULL },
		{ "--format", NULL, GJ_OPT_STRING, &a->format, 0, NULL, 0, 0, NULL },
		{ "-o", NULL, GJ_OPT_STRING, &a->output, 0, NULL, 0, 0, NULL },
		{ "--config", NULL, GJ_OPT_STRING, &a->config, 0, NULL, 0, 0, NULL },
		{ "--html", NULL, GJ_OPT_FLAG, &a->html, 1, NULL, 0, 0, NULL },
		{ "-j", "--jobs", GJ_OPT_NUMBER, &a->jobs, 0, NULL, 1, 256,
		  "a number of workers from 1 to 256" },
		{ "--files-from", NULL, GJ_OPT_STRING, &a->files_from, 0, NULL, 0, 0, NULL },
		{ "--previous", NULL, GJ_OPT_STRING, &a->previous, 0, NULL, 0, 0, NULL },
		{ "--baseline", NULL, GJ_OPT_STRING, &a->baseline, 0, NULL, 0, 0, NULL },
		{ "--write-baseline", NULL, GJ_OPT_STRING, &a->write_baseline, 0, NULL, 0, 0, NULL },
		{ NULL, NULL, 0, NULL, 0, NULL, 0, 0, NULL }
	};
	a->paths = gj_xcalloc((size_t)argc + 1, sizeof *a->paths);
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_opts_parse(opts, "check", argc, argv, a->paths, &a->npaths, &d) != 0) {
		gj_print_diag(&d);
		return -1;
	}
	return 0;
}

/* ---- last year's reports (--previous) ---- */

typedef struct {
	gj_previous *index;
	int errors;
} keep_ctx;

static void keep_report(const char *path, void *ctx)
{
	keep_ctx *k = ctx;
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_report *r = gj_reader_load(path, NULL, &d);
	if (!r) {
		gj_print_diag(&d);
		k->errors++;
		return;
	}
	gj_previous_add(k->index, r->agency, r->year, path);
	gj_report_free(r);
}

/* Read last year's report for r again (a worker's own copy).  It was read
 * when the run began; if it cannot be now, r is checked without it. */
static gj_report *previous_of(const gj_report *r, void *ctx)
{
	const char *path = gj_previous_find(ctx, r->agency, r->year);
	if (!path)
		return NULL;
	gj_diag d;
	memset(&d, 0, sizeof d);
	return gj_reader_load(path, NULL, &d);
}

/* ---- the run ---- */

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One check run: what the batch hands back is consumed here, in input
 * order. */
typedef struct {
	const check_args *a;
	gj_engine *render;      /* runs the output script */
	int streaming;          /* the script takes one report at a time */
	gj_results all;         /* a whole-run script's findings and reports */
	gj_results failures;    /* every rule failure, for finish(run) */
	gj_out out;
	int buffered;           /* --html: the page is made at the end */
	gj_buf pending;         /* output not yet written */
	gj_baseline *base;      /* --baseline, or NULL */
	gj_buf base_out;        /* --write-baseline */
	int input_errors, errors, nfailures, nreports;
	int script_failed;
	gj_diag script_diag;
	int progress;           /* stderr is a terminal */
	double started, shown;
	gj_batch *batch;
	/* the files -o and --write-baseline would replace, when they exist:
	 * a path of --files-from that is one of them is not read, and the
	 * run writes neither (the paths given as arguments are checked
	 * before the run) */
	struct stat targets[2];
	int ntargets;
	const char *clash;
} run_ctx;

static void show_progress(run_ctx *c, int last)
{
	if (!c->progress)
		return;
	double t = now_seconds();
	if (!last && (t - c->started < 1.0 || t - c->shown < 0.1))
		return;
	c->shown = t;
	if (last) {
		if (t - c->started >= 1.0)
			fputs("\r\033[K", stderr);
		return;
	}
	fprintf(stderr, "\r\033[Kgouji: %d reports checked (%.0f a second)", c->nreports,
		c->nreports / (t - c->started));
}

static void flush_pending(run_ctx *c)
{
	if (c->buffered || !c->pending.len)
		return;
	gj_out_write(&c->out, c->pending.data, c->pending.len);
	c->pending.len = 0;
	if (!c->out.path)
		fflush(stdout);
	/* what streams out is not held: the output cap counts what is */
	gj_engine_output_written(c->render);
}

static void consume(gj_batch_item *it, void *ctx)
{
	run_ctx *c = ctx;
	if (it->failed) {
		gj_print_diag(&it->diag);
		c->input_errors++;
		return;
	}
	gj_results *res = &it->res;
	c->nreports++;
	if (c->a->write_baseline)
		gj_baseline_lines(res, &c->base_out);
	if (c->base)
		gj_baseline_apply(c->base, res);
	for (int i = 0; i < res->nfailures; i++)
		gj_say("%s: rule %s failed: %s", res->failures[i].report,
		       res->failures[i].rule ? res->failures[i].rule : "?",
		       res->failures[i].message);
	c->nfailures += res->nfailures;
	for (int i = 0; i < res->nfindings; i++)
		c->errors += res->findings[i].severity == GJ_SEV_ERROR;
	if (!c->streaming) {
		gj_results_append(&c->all, res);
	} else if (!c->script_failed) {
		if (gj_engine_stream_report(c->render, res, &c->pending, &c->script_diag) != 0)
			c->script_failed = 1;
		flush_pending(c);
		/* keep the failures for finish(run); the rest goes */
		gj_results f = { NULL, 0, res->failures, res->nfailures, NULL, 0 };
		res->failures = NULL;
		res->nfailures = 0;
		gj_results_append(&c->failures, &f);
	}
	show_progress(c, 0);
}

/* Would writing target (-o, --write-baseline) overwrite a file this run
 * reads: a report, last year's, the baseline, the config, the list of
 * files, the output script or its modules, a file of a pack (e)?  gouji
 * never writes over its input. */
static int overwrites_input(const check_args *a, const char *script, const char *lib,
			    const gj_engine *e, const char *target)
{
	if (!target)
		return 0;
	int hit = gj_walk_reads(a->previous, target) || gj_walk_reads(a->baseline, target) ||
		  gj_walk_reads(a->config, target) || gj_walk_reads(a->files_from, target) ||
		  gj_walk_reads(script, target) || gj_walk_within(lib, target) ||
		  (e && gj_engine_reads(e, target));
	for (int i = 0; i < a->npaths && !hit; i++)
		hit = gj_walk_reads(a->paths[i], target);
	return hit;
}

/* The first of -o and --write-baseline that overwrite_input says no to. */
static const char *clash_of(const check_args *a, const char *script, const char *lib,
			    const gj_engine *e)
{
	return overwrites_input(a, script, lib, e, a->output) ? a->output
	     : overwrites_input(a, script, lib, e, a->write_baseline) ? a->write_baseline : NULL;
}

static void add_path(const char *path, void *ctx)
{
	run_ctx *c = ctx;
	struct stat st;
	for (int i = 0; i < c->ntargets && stat(path, &st) == 0; i++) {
		if (st.st_dev == c->targets[i].st_dev && st.st_ino == c->targets[i].st_ino) {
			if (!c->clash)
				gj_say("'%s' is read by this run: it would be overwritten", path);
			c->clash = path;
			return;
		}
	}
	gj_batch_add(c->batch, path);
}

/* The output script for --format F: F.lua of scripts/, or a path ending
 * in .lua (*bundled: 0).  -1 when there is none. */
static int find_script(const char *format, const char *dir, char *out, size_t n,
		       int *bundled)
{
	size_t fl = strlen(format);
	*bundled = 0;
	if (fl > 4 && strcmp(format + fl - 4, ".lua") == 0) {
		snprintf(out, n, "%s", format);
		return 0;
	}
	if (strchr(format, '/'))
		return -1;
	snprintf(out, n, "%s/scripts/%s.lua", dir, format);
	*bundled = 1;
	return access(out, R_OK) == 0 ? 0 : -1;
}

/* Engines: one for each worker, one for the output script, all from the
 * project read once. */
static int make_engines(const check_args *a, gj_engine **engines, int n)
{
	gj_project p;
	gj_diag d;
	memset(&d, 0, sizeof d);
	int rc = gj_project_open(&p, a->config, 1, a->packs, a->npacks, &d);
	for (int i = 0; i < n && rc == 0; i++) {
		engines[i] = gj_project_engine(&p, i == n - 1, &d);
		if (!engines[i]) {
			while (i-- > 0)
				gj_engine_free(engines[i]);
			rc = -1;
		}
	}
	gj_project_close(&p);
	if (rc != 0)
		gj_print_diag(&d);
	return rc;
}

/* Check every report with the batch, then run or end the output script.
 * c is set up; engines[0..njobs) are the workers' (freed here). */
static void run(run_ctx *c, gj_engine **engines, int njobs, const char *script,
		const char *src, size_t slen, const char *lib)
{
	const check_args *a = c->a;
	int begun = gj_engine_stream_begin(c->render, src, slen, script, lib, &c->pending,
					   &c->script_diag);
	c->streaming = begun == 1;
	c->script_failed = begun < 0;
	flush_pending(c);

	gj_previous *prev = gj_previous_new();
	if (a->previous) {
		keep_ctx k = { prev, 0 };
		gj_walk(a->previous, keep_report, &k);
		c->input_errors += k.errors;
	}
	/* a streaming script frees each report's findings once it has them;
	 * one that draws the report itself (annotated) asks for it in full */
	int detail = c->streaming && gj_engine_stream_detail(c->render);
	for (int i = 0; i < njobs; i++) {
		gj_engine_set_per_report(engines[i], c->streaming);
		gj_engine_set_detail(engines[i], detail);
	}
	gj_batch *b = gj_batch_new(engines, njobs, a->previous ? previous_of : NULL, prev,
				   consume, c);
	if (b) {
		c->batch = b;
		const char *targets[] = { a->output, a->write_baseline };
		for (int i = 0; i < 2; i++)
			if (targets[i] && stat(targets[i], &c->targets[c->ntargets]) == 0)
				c->ntargets++;
		for (int i = 0; i < a->npaths; i++)
			gj_walk(a->paths[i], add_path, c);
		gj_diag d;
		memset(&d, 0, sizeof d);
		if (a->files_from && gj_walk_list(a->files_from, add_path, c, &d) != 0) {
			gj_print_diag(&d);
			c->input_errors++;
		}
		gj_batch_finish(b);     /* frees the workers' engines */
	} else {
		for (int i = 0; i < njobs; i++)
			gj_engine_free(engines[i]);
		fprintf(stderr, "gouji: cannot start %d workers\n", njobs);
		c->input_errors++;
	}
	show_progress(c, 1);
	gj_previous_free(prev);
	if (c->clash)
		c->input_errors++;
	gj_diag wd;
	memset(&wd, 0, sizeof wd);
	if (a->write_baseline && !c->clash &&
	    gj_write_output(a->write_baseline, &c->base_out, &wd) != 0) {
		gj_print_diag(&wd);
		c->input_errors++;
	}
	if (!c->script_failed && c->streaming) {
		if (gj_engine_stream_end(c->render, &c->failures, &c->pending, &c->script_diag) != 0)
			c->script_failed = 1;
	} else if (!c->script_failed) {
		c->script_failed = gj_engine_render(c->render, src, slen, script, lib, &c->all,
						   &c->pending, &c->script_diag) != 0;
	}
	if (!c->script_failed && a->html && !gj_html_is_page(c->pending.data, c->pending.len)) {
		/* Markdown output as an HTML page that works offline; a script
		 * that wrote a page itself (run.html) is left as it is */
		gj_html_page(&c->pending, "gouji");
	}
}

int gj_cmd_check(int argc, char **argv)
{
	check_args a;
	if (parse_args(argc, argv, &a) != 0) {
		free(a.paths);
		return 2;
	}
	if (a.npaths == 0 && !a.files_from) {
		fprintf(stderr, "gouji: check needs at least one PATH\n");
		free(a.paths);
		return 2;
	}
	char dir[PATH_MAX], script[PATH_MAX + 64], lib[PATH_MAX + 16];
	gj_data_dir(dir, sizeof dir);
	snprintf(lib, sizeof lib, "%s/scripts/lib", dir);
	int bundled;            /* scripts/NAME.lua: named NAME in messages */
	if (find_script(a.format, dir, script, sizeof script, &bundled) != 0) {
		fprintf(stderr, "gouji: unknown format '%s' (text, json, jsonl, sarif, markdown, rollup, annotated, csv, xlsx, or a .lua script)\n",
			a.format);
		free(a.paths);
		return 2;
	}
	if (strcmp(a.format, "xlsx") == 0 && !a.output && isatty(1)) {
		fprintf(stderr, "gouji: xlsx 是二进制文件，请用 -o 文件名写入 (xlsx is binary: give -o FILE)\n");
		free(a.paths);
		return 2;
	}
	const char *clash = clash_of(&a, script, lib, NULL);
	if (clash) {
		gj_say("'%s' is read by this run: it would be overwritten", clash);
		free(a.paths);
		return 2;
	}
	size_t slen;
	gj_diag why;
	memset(&why, 0, sizeof why);
	char *src = gj_read_file(script, GJ_SCRIPT_MAX, &slen, &why);
	if (!src) {
		fprintf(stderr, "gouji: cannot read output script '%s': %s\n", script, why.message);
		free(a.paths);
		return 2;
	}
	int njobs = a.jobs;
	gj_engine **engines = gj_xcalloc((size_t)njobs + 1, sizeof *engines);
	if (make_engines(&a, engines, njobs + 1) != 0) {
		free(engines);
		free(src);
		free(a.paths);
		return 2;
	}
	/* the packs' files are known now */
	clash = clash_of(&a, script, lib, engines[njobs]);
	if (clash) {
		gj_say("'%s' is read by this run: it would be overwritten", clash);
		for (int i = 0; i <= njobs; i++)
			gj_engine_free(engines[i]);
		free(engines);
		free(src);
		free(a.paths);
		return 2;
	}
	run_ctx c;
	memset(&c, 0, sizeof c);
	c.a = &a;
	c.render = engines[njobs];
	c.buffered = a.html;
	c.progress = isatty(2);
	c.started = now_seconds();
	gj_buf_init(&c.pending);
	gj_buf_init(&c.base_out);
	if (a.write_baseline)
		gj_buf_adds(&c.base_out, "# gouji baseline: report, rule, accepted findings\n");
	if (a.baseline) {
		gj_diag d;
		memset(&d, 0, sizeof d);
		c.base = gj_baseline_load(a.baseline, &d);
		if (!c.base) {
			gj_print_diag(&d);
			c.input_errors++;
		}
	}
	const char *nc = getenv("NO_COLOR");
	gj_engine_set_color(c.render, !a.output && isatty(1) && !(nc && *nc) &&
				      strcmp(a.format, "text") == 0);
	gj_engine_set_html(c.render, a.html);
	gj_diag od;
	memset(&od, 0, sizeof od);
	if (gj_out_open(&c.out, a.output, &od) != 0) {
		gj_print_diag(&od);
		for (int i = 0; i < njobs; i++)
			gj_engine_free(engines[i]);
		c.input_errors++;
	} else {
		run(&c, engines, njobs, script, src, slen, lib);
		c.buffered = 0;
		if (!c.script_failed)
			flush_pending(&c);
		else
			gj_say("output script '%s' failed: %s", bundled ? a.format : script,
			       c.script_diag.message);
		/* stdout's failure is said by main, for every command */
		if (gj_out_close(&c.out, !c.script_failed && !c.clash) != 0) {
			if (a.output)
				gj_say("cannot write '%s'", a.output);
			c.input_errors++;
		}
	}
	int rc = c.nfailures || c.script_failed ? 3 : c.input_errors ? 2 : c.errors ? 1 : 0;
	gj_buf_release(&c.pending);
	gj_buf_release(&c.base_out);
	gj_baseline_free(c.base);
	gj_results_release(&c.all);
	gj_results_release(&c.failures);
	gj_engine_free(c.render);
	free(engines);
	free(src);
	free(a.paths);
	return rc;
}
