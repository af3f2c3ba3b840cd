/*
 * cmd_diff.c — `gouji diff LAST THIS`: read both reports (any kind of
 * file), warn when they are not one agency's a year apart, and run the
 * comparison (diff.c) through an output script: scripts/diff.lua
 * (Markdown) by default.
 */
#include "cmd_diff.h"
#include "cli.h"
#include "diff.h"
#include "engine.h"
#include "opts.h"
#include "reader.h"
#include "walk.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
	const char *format;
	const char *output;
	int html;
	gj_input_options in;
	char *files[2];
} diff_args;

/* Returns 0, or -1 after saying what is wrong. */
static int parse_args(int argc, char **argv, diff_args *a)
{
	memset(a, 0, sizeof *a);
	a->format = "markdown";
	const gj_opt opts[] = {
		{ "--html", NULL, GJ_OPT_FLAG, &a->html, 1, NULL, 0, 0, NULL },
		{ "--format", NULL, GJ_OPT_STRING, &a->format, 0, NULL, 0, 0, NULL },
		{ "-o", NULL, GJ_OPT_STRING, &a->output, 0, NULL, 0, 0, NULL },
		{ "--encoding", NULL, GJ_OPT_STRING, &a->in.encoding, 0, NULL, 0, 0, NULL },
		{ NULL, NULL, 0, NULL, 0, NULL, 0, 0, NULL }
	};
	/* room for every argument, and for the two read below */
	char **files = gj_xcalloc((size_t)argc + 2, sizeof *files);
	int nfiles, rc = -1;
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_opts_parse(opts, "diff", argc, argv, files, &nfiles, &d) != 0)
		gj_print_diag(&d);
	else if (nfiles > 2)
		fprintf(stderr, "gouji: diff compares two reports: LAST THIS (got a third, '%s')\n",
			files[2]);
	else if (nfiles < 2)
		fprintf(stderr, "gouji: diff needs two reports: LAST THIS (last year's, then this year's)\n");
	else
		rc = 0;
	a->files[0] = files[0];
	a->files[1] = files[1];
	free(files);
	return rc;
}

/* The output script for --format F: markdown is scripts/diff.lua, another
 * name NAME scripts/diff_NAME.lua, a path ending in .lua the user's own. */
static int find_script(const char *format, const char *dir, char *out, size_t n)
{
	size_t fl = strlen(format);
	if (fl > 4 && strcmp(format + fl - 4, ".lua") == 0) {
		snprintf(out, n, "%s", format);
		return 0;
	}
	if (strchr(format, '/'))
		return -1;
	if (strcmp(format, "markdown") == 0)
		snprintf(out, n, "%s/scripts/diff.lua", dir);
	else
		snprintf(out, n, "%s/scripts/diff_%s.lua", dir, format);
	return access(out, R_OK) == 0 ? 0 : -1;
}

/* Run the output script over run and write what it emits.  Returns the
 * exit code. */
static int render(const diff_args *a, const char *dir, const char *script,
		  const char *src, size_t slen, const gj_value *run)
{
	gj_engine *e = gj_engine_new(NULL);
	if (!e) {
		fprintf(stderr, "gouji: cannot create a Lua state\n");
		return 2;
	}
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_engine_set_home(e, dir, &d) != 0) {
		gj_print_diag(&d);
		gj_engine_free(e);
		return 2;
	}
	char lib[PATH_MAX + 16];
	snprintf(lib, sizeof lib, "%s/scripts/lib", dir);
	gj_buf out;
	gj_buf_init(&out);
	int rc = 0;
	if (gj_engine_render_value(e, src, slen, script, lib, run, &out, &d) != 0) {
		gj_say("output script failed: %s", d.message);
		rc = 3;
	} else {
		if (a->html)
			gj_html_page(&out, "gouji diff");
		/* stdout's failure is said by main, for every command */
		if (gj_write_output(a->output, &out, &d) != 0) {
			if (a->output)
				gj_print_diag(&d);
			rc = 2;
		}
	}
	gj_buf_release(&out);
	gj_engine_free(e);
	return rc;
}

int gj_cmd_diff(int argc, char **argv)
{
	diff_args a;
	if (parse_args(argc, argv, &a) != 0)
		return 2;
	char dir[PATH_MAX], script[PATH_MAX + 64];
	gj_data_dir(dir, sizeof dir);
	if (find_script(a.format, dir, script, sizeof script) != 0) {
		fprintf(stderr, "gouji: unknown format '%s' for diff (markdown, json, or a .lua script)\n",
			a.format);
		return 2;
	}
	/* never over a file the run reads: either report, the script, its
	 * modules */
	char lib[PATH_MAX + 16];
	snprintf(lib, sizeof lib, "%s/scripts/lib", dir);
	if (a.output && (gj_walk_reads(a.files[0], a.output) || gj_walk_reads(a.files[1], a.output) ||
			 gj_walk_reads(script, a.output) || gj_walk_within(lib, a.output))) {
		gj_say("'%s' is read by this run: it would be overwritten", a.output);
		return 2;
	}
	size_t slen;
	gj_diag why;
	memset(&why, 0, sizeof why);
	char *src = gj_read_file(script, GJ_SCRIPT_MAX, &slen, &why);
	if (!src) {
		fprintf(stderr, "gouji: cannot read output script '%s': %s\n", script, why.message);
		return 2;
	}
	/* both files are read, so both problems are told at once */
	gj_report *r[2];
	for (int i = 0; i < 2; i++) {
		gj_diag d;
		memset(&d, 0, sizeof d);
		r[i] = gj_reader_load(a.files[i], &a.in, &d);
		if (!r[i])
			gj_print_diag(&d);
	}
	if (!r[0] || !r[1]) {
		gj_report_free(r[0]);
		gj_report_free(r[1]);
		free(src);
		return 2;
	}
	gj_value *warnings = gj_value_new(GJ_V_ARR);
	gj_diff_check_pair(r[0], r[1], warnings);
	for (int i = 0; i < gj_value_len(warnings); i++)
		gj_say("warning: %s", gj_value_str(gj_value_get(gj_value_item(warnings, i), "en")));
	gj_value *run = gj_diff_value(r[0], r[1], warnings);
	gj_value_free(warnings);
	gj_report_free(r[0]);
	gj_report_free(r[1]);

	int rc = render(&a, dir, script, src, slen, run);
	gj_value_free(run);
	free(src);
	return rc;
}
