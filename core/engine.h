/*
 * engine.h — rule packs and output scripts over the sandbox.  A pack is a
 * folder of Lua files; each calls rule{ id, severity, title, description,
 * check } once or more.  gj_engine_check runs every rule on a report in
 * the sandbox, one failing rule never stopping the others, into a
 * gj_results (results.h); gj_engine_render runs an output script over
 * them.  Stage: model → Lua → output.  In three parts: engine.c (the
 * engine and its packs), engine_check.c, engine_script.c.
 *
 * Ownership: the engine owns its rules; a gj_results owns its findings
 * and failures (gj_results_release).
 */
#ifndef GJ_ENGINE_H
#define GJ_ENGINE_H

#include "model.h"
#include "results.h"
#include "sandbox.h"
#include "util.h"
#include "value.h"

typedef struct {
	char *id;
	gj_severity severity;
	char *title;
	char *description;
	char *file;         /* the rule's Lua file */
	int line;           /* where rule{…} was called */
	int enabled;        /* 0: switched off by a pack or the config */
} gj_rule;

typedef struct gj_engine gj_engine;

gj_engine *gj_engine_new(const gj_limits *lim);
void gj_engine_free(gj_engine *e);

/* Where bundled packs are: a pack named without a slash ("national") is
 * HOME/rules/NAME; HOME/rules/lib holds modules every pack and script may
 * require.  -1 with d set when one of those cannot be read. */
int gj_engine_set_home(gj_engine *e, const char *home, gj_diag *d);

/* Keep the rules' titles and descriptions (the default), or not: a
 * worker's engine never shows them, so one copy is enough for a run. */
void gj_engine_set_texts(gj_engine *e, int keep);

/* Load a pack: a name or a folder.  Its manifest pack.yaml (optional) may
 * name a pack it extends (loaded first), parameters with defaults, and
 * rules to switch off or re-tune ("off", "on", "error", "warning",
 * "info"); then its lib/NAME.lua modules are kept for require (a name
 * another pack's module has is refused) and every *.lua file of the folder
 * runs, in name order.  Files are read only if they are regular files
 * inside the pack's folder (a symbolic link may not lead out of it), of
 * at most 4 MiB.  Returns 0, or -1 with d set (d->file names the file at
 * fault). */
int gj_engine_load_pack(gj_engine *e, const char *pack, gj_diag *d);

/* Apply a project config's "rules" and "parameters" (value trees, either
 * may be NULL); file names the config in messages. */
int gj_engine_configure(gj_engine *e, const gj_value *rules,
			const gj_value *params, const char *file, gj_diag *d);

/* 1 when target is a file the engine reads: inside a pack's folder or
 * rules/lib. */
int gj_engine_reads(const gj_engine *e, const char *target);

int gj_engine_nrules(const gj_engine *e);
const gj_rule *gj_engine_rule(const gj_engine *e, int i);
const gj_rule *gj_engine_find(const gj_engine *e, const char *id);

/* The findings a check may hold, 256 MiB, count the whole run by default,
 * as a run whose output script reads them all keeps them; on: they count
 * one report (a streaming run hands them on and frees them after each). */
void gj_engine_set_per_report(gj_engine *e, int on);

/* on: keep each checked report in full (gj_report_detail: its text,
 * paragraphs with their places, cells with provenance and labels) instead
 * of its summary, for output scripts that draw the report itself. */
void gj_engine_set_detail(gj_engine *e, int on);

/* Run every rule on r; findings and failures are appended to res.  prev
 * (may be NULL) is the same agency's report of the year before: rules get
 * it as their fourth argument, check(report, add, params, previous).
 * Every report's rules run in fresh environments (gj_engine_refresh), so
 * findings never depend on the reports checked before.  An engine whose
 * packs could not be run again runs no rule and fails every report,
 * saying why. */
void gj_engine_check(gj_engine *e, const gj_report *r, const gj_report *prev,
		     gj_results *res);

/* Colour in output scripts' run.color (text on a terminal). */
void gj_engine_set_color(gj_engine *e, int color);

/* run.html for output scripts: true under check --html, so a script can
 * write a whole page itself (see gj_html_is_page) instead of Markdown. */
void gj_engine_set_html(gj_engine *e, int html);

/* Run the output script (Lua source, named for messages) over res; what it
 * emits is appended to out.  require() in the script finds modules in
 * lib_dir (a folder of NAME.lua files).  Returns 0, or -1 with d set. */
int gj_engine_render(gj_engine *e, const char *script, size_t len,
		     const char *name, const char *lib_dir, const gj_results *res,
		     gj_buf *out, gj_diag *d);

/* Streaming output scripts.  A script whose chunk returns a table with a
 * function "report" streams: gj_engine_stream_begin runs the chunk (run
 * has rules and color only; what its top level emits goes to out) and
 * returns 1; gj_engine_stream_report then calls report(r, findings,
 * failures) once per report, in input order, and gj_engine_stream_end
 * calls finish(run) if there is one (run.failures: every rule failure).
 * A script that returns nothing, or reads run.findings, run.failures or
 * run.reports at its top level, is a whole-run script: begin returns 0
 * and the caller runs it with gj_engine_render at the end.  -1: the
 * script failed (d set).  Output over 256 MiB not yet written is an
 * error: the caller says when it has written what was emitted. */
int gj_engine_stream_begin(gj_engine *e, const char *script, size_t len,
			   const char *name, const char *lib_dir, gj_buf *out,
			   gj_diag *d);
/* 1 when the streaming script's table asks for reports in full
 * ({ report = …, detail = true }): the caller then sets
 * gj_engine_set_detail on the engines that check. */
int gj_engine_stream_detail(gj_engine *e);
int gj_engine_stream_report(gj_engine *e, const gj_results *one, gj_buf *out,
			    gj_diag *d);
int gj_engine_stream_end(gj_engine *e, const gj_results *res, gj_buf *out,
			 gj_diag *d);
/* What the script emitted so far is written out: the 256 MiB cap on
 * output held starts again (not once it was met: that stays an error). */
void gj_engine_output_written(gj_engine *e);
/* The same for a script given a value tree as its run (gouji diff): run is
 * pushed as a read-only table, emit and require as for gj_engine_render. */
int gj_engine_render_value(gj_engine *e, const char *script, size_t len,
			   const char *name, const char *lib_dir,
			   const gj_value *run, gj_buf *out, gj_diag *d);

#endif
