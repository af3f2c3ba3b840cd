/* fuzz_check.c — libFuzzer harness for the whole check: the fuzz input is
 * read as a report (byte 0 picks text, Markdown or the PDF text layer),
 * pushed into Lua and checked by the national pack, in one engine kept
 * from input to input as a worker keeps it.
 *
 * Beyond no crash, no hang and no leak: no bundled rule may fail on any
 * report, save by meeting a limit (memory, the instruction budget, a
 * pattern or subject too large), and every finding names a rule of the
 * pack, a line inside the report and a message.  GJ_TOP, set by the
 * Makefile, is the source tree. */
#include "doc.h"
#include "engine.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef GJ_TOP
#define GJ_TOP "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gj_engine *engine;

static void setup(void)
{
	gj_limits lim = { 64u * 1024 * 1024, 5000000L, 0 };   /* a bad input meets it soon */
	engine = gj_engine_new(&lim);
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (engine)
		gj_engine_set_per_report(engine, 1);   /* as a streaming run's worker */
	if (!engine || gj_engine_set_home(engine, GJ_TOP, &d) != 0 ||
	    gj_engine_load_pack(engine, "national", &d) != 0) {
		fprintf(stderr, "fuzz_check: the national pack: %s\n", d.message);
		abort();
	}
}

/* a failure that is a limit met, not a rule broken by the report */
static int is_limit(const char *msg)
{
	static const char *const limits[] = {
		"memory limit exceeded", "instruction budget exceeded",
		"pattern too costly", "string too long", "text too long",
	};
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
		if (strstr(msg, limits[i]))
			return 1;
	return 0;
}

static void broken(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_check: %s: %s\n", what, detail);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0 || !gj_utf8_valid((const char *)data, size))
		return 0;   /* input.c hands the pipeline valid UTF-8 only */
	if (!engine)
		setup();
	char *text = gj_xstrndup((const char *)data, size);
	/* text, markdown, pdf, html */
	gj_kind kind = data[0] % 4 == 3 ? GJ_KIND_HTML : (gj_kind)(data[0] % 4);
	gj_report *r = gj_report_new();
	r->source_path = gj_xstrdup("fuzz.md");
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_doc_read(text, size, kind, r, &d);
	int lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';

	gj_results res;
	memset(&res, 0, sizeof res);
	gj_engine_check(engine, r, NULL, &res);
	for (int i = 0; i < res.nfailures; i++)
		if (!is_limit(res.failures[i].message))
			broken(res.failures[i].rule ? res.failures[i].rule : "?",
			       res.failures[i].message);
	for (int i = 0; i < res.nfindings; i++) {
		const gj_finding *f = &res.findings[i];
		if (!gj_engine_find(engine, f->rule))
			broken("a finding of no rule", f->rule);
		if (f->line < 0 || f->line > lines || !f->message || !f->message[0])
			broken("a finding out of place", f->message ? f->message : "(no message)");
	}
	gj_results_release(&res);
	gj_report_free(r);
	free(text);
	return 0;
}
