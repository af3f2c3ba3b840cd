/* test_engine.c — the engine over many reports: the findings a check may
 * hold count one report when a streaming run hands them on, and the output
 * cap counts what is not yet written, so a province's worth of reports
 * never meets either; a run that keeps everything still does. */
#include "engine_int.h"
#include "reader.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

/* Check r n times with a fresh results each time (as batch.c does);
 * returns the first check that had a failure (1-based), or 0, with its
 * message in msg. */
static int run(gj_engine *e, const gj_report *r, int n, char *msg, size_t cap)
{
	for (int i = 1; i <= n; i++) {
		gj_results res;
		memset(&res, 0, sizeof res);
		gj_engine_check(e, r, NULL, &res);
		int failed = res.nfailures > 0;
		if (failed)
			snprintf(msg, cap, "%s", res.failures[0].message);
		gj_results_release(&res);
		if (failed)
			return i;
	}
	return 0;
}

static gj_engine *engine(int per_report)
{
	gj_engine *e = gj_engine_new(NULL);
	gj_diag d;
	memset(&d, 0, sizeof d);
	CHECK_INT(gj_engine_load_pack(e, "tests/packs/findings_run", &d), 0);
	gj_engine_set_per_report(e, per_report);
	return e;
}

static void test_findings_over_many_reports(void)
{
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_report *r = gj_reader_load("examples/shapotou_gxj_2022.md", NULL, &d);
	CHECK(r != NULL);
	if (!r)
		return;
	char msg[512] = "";
	/* 300 reports of 1000 findings of 999 bytes: about 300 MB in all */
	gj_engine *e = engine(1);
	CHECK_INT(run(e, r, 300, msg, sizeof msg), 0);
	CHECK_STR(msg, "");
	gj_engine_free(e);
	/* kept for the whole run, they meet the cap near 256 MiB */
	e = engine(0);
	int at = run(e, r, 300, msg, sizeof msg);
	CHECK(at > 250 && at < 300);
	CHECK(strstr(msg, "add: findings larger than 268435456 bytes in all") != NULL);
	gj_engine_free(e);
	gj_report_free(r);
}

/* A streaming script that emits 1 MiB a report, over 300 reports: when
 * the caller writes each report's output out, the cap never fills. */
static int stream(int written, char *msg, size_t cap)
{
	static const char script[] =
		"local run, emit = ...\n"
		"local line = string.rep('x', 1024 * 1024 - 1) .. '\\n'\n"
		"return { report = function() emit(line) end }\n";
	gj_engine *e = gj_engine_new(NULL);
	gj_buf out;
	gj_buf_init(&out);
	gj_diag d;
	memset(&d, 0, sizeof d);
	int failed_at = 0;
	CHECK_INT(gj_engine_stream_begin(e, script, sizeof script - 1, "=stream", "scripts/lib",
					 &out, &d), 1);
	for (int i = 1; i <= 300 && !failed_at; i++) {
		gj_results one;
		memset(&one, 0, sizeof one);
		if (gj_engine_stream_report(e, &one, &out, &d) != 0) {
			failed_at = i;
			snprintf(msg, cap, "%s", d.message);
		}
		out.len = 0;            /* written out */
		if (written)
			gj_engine_output_written(e);
	}
	gj_buf_release(&out);
	gj_engine_free(e);
	return failed_at;
}

static void test_output_over_many_reports(void)
{
	char msg[512] = "";
	CHECK_INT(stream(1, msg, sizeof msg), 0);
	CHECK_STR(msg, "");
	int at = stream(0, msg, sizeof msg);
	CHECK_INT(at, 257);
	CHECK(strstr(msg, "emit: output larger than 268435456 bytes") != NULL);
}

/* A pack that cannot be run again after a limit hit (here its file was
 * changed since it was loaded) leaves the engine broken: every report
 * after says that no rule ran, and why; none is checked silently by half
 * the rules (once: 0 findings, exit 0). */
static void test_failed_rebuild(void)
{
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_report *r = gj_reader_load("examples/shapotou_gxj_2022.md", NULL, &d);
	gj_engine *e = gj_engine_new(NULL);
	CHECK_INT(gj_engine_load_pack(e, "tests/packs/rebuild", &d), 0);
	CHECK_INT(gj_engine_nrules(e), 3);
	static const char changed[] = "error('changed since it was loaded')";
	free(e->src[0].code);
	e->src[0].code = gj_xstrdup(changed);
	e->src[0].len = sizeof changed - 1;
	gj_results res;
	memset(&res, 0, sizeof res);
	gj_engine_check(e, r, NULL, &res);
	CHECK_INT(res.nfindings, 1);                 /* R-FIRST, before the bomb */
	CHECK_INT(res.nfailures, 2);
	CHECK_STR(res.failures[0].rule, "R-BOMB");
	CHECK_STR(res.failures[0].message, "memory limit exceeded (67108864 bytes)");
	CHECK_STR(res.failures[1].rule, "*");
	CHECK(strncmp(res.failures[1].message, "no rule ran: the rule packs could not be run "
		      "again: tests/packs/rebuild/a_first.lua:1: changed since it was loaded", 113) == 0);
	gj_results_release(&res);
	for (int i = 0; i < 2; i++) {
		gj_engine_check(e, r, NULL, &res);
		CHECK_INT(res.nfindings, 0);
		CHECK_INT(res.nfailures, 1);
		CHECK_STR(res.failures[0].rule, "*");
		CHECK(strstr(res.failures[0].message, "changed since it was loaded") != NULL);
		CHECK_INT(res.nreports, 1);
		gj_results_release(&res);
	}
	gj_engine_free(e);
	gj_report_free(r);
}

int main(void)
{
	test_failed_rebuild();
	test_findings_over_many_reports();
	test_output_over_many_reports();
	printf("engine: %d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed != 0;
}
