/* test_results.c — findings sorted by report, line, column, rule and
 * message whatever order rules ran in; merging moves everything; a failed
 * rule's findings are dropped from where it began. */
#include "results.h"
#include "unit.h"

#include <stdlib.h>

static void add(gj_results *res, const char *report, const char *rule, int line, int col,
		const char *msg)
{
	res->findings = gj_xrealloc(res->findings,
		(size_t)(res->nfindings + 1) * sizeof *res->findings);
	gj_finding *f = &res->findings[res->nfindings++];
	f->report = gj_xstrdup(report);
	f->rule = gj_xstrdup(rule);
	f->severity = GJ_SEV_ERROR;
	f->message = gj_xstrdup(msg);
	f->path = NULL;
	f->line = line;
	f->column = col;
}

static void test_sort(void)
{
	gj_results res = { 0 };
	add(&res, "b.md", "T4-SUM", 1, 1, "x");
	add(&res, "a.md", "T4-SUM", 10, 1, "x");
	add(&res, "a.md", "T3-IDENT", 10, 1, "x");
	add(&res, "a.md", "T3-IDENT", 10, 1, "w");
	add(&res, "a.md", "Z", 2, 5, "x");
	add(&res, "a.md", "Z", 2, 3, "x");
	gj_results_sort(&res);
	gj_buf b;
	gj_buf_init(&b);
	for (int i = 0; i < res.nfindings; i++)
		gj_buf_addf(&b, "%s:%d:%d %s %s\n", res.findings[i].report, res.findings[i].line,
			    res.findings[i].column, res.findings[i].rule, res.findings[i].message);
	CHECK_STR(b.data, "a.md:2:3 Z x\na.md:2:5 Z x\na.md:10:1 T3-IDENT w\n"
			  "a.md:10:1 T3-IDENT x\na.md:10:1 T4-SUM x\nb.md:1:1 T4-SUM x\n");
	gj_buf_release(&b);
	gj_results_release(&res);
	CHECK_INT(res.nfindings, 0);
	CHECK(res.findings == NULL);
}

static void test_append_drop_fail(void)
{
	gj_results all = { 0 }, one = { 0 };
	add(&all, "a.md", "R1", 1, 1, "first");
	add(&one, "b.md", "R2", 1, 1, "second");
	add(&one, "b.md", "R3", 2, 1, "third");
	gj_results_fail(&one, NULL, "R4", "rule R4 broke");
	gj_results_fail(&one, "b.md", NULL, "script broke");
	one.reports = gj_xcalloc(1, sizeof *one.reports);
	one.reports[0] = gj_value_new(GJ_V_OBJ);
	one.nreports = 1;
	gj_results_append(&all, &one);
	CHECK_INT(one.nfindings + one.nfailures + one.nreports, 0);
	CHECK(one.findings == NULL && one.failures == NULL && one.reports == NULL);
	CHECK_INT(all.nfindings, 3);
	CHECK_STR(all.findings[2].message, "third");
	CHECK_INT(all.nfailures, 2);
	CHECK_STR(all.failures[0].report, "-");
	CHECK_STR(all.failures[0].rule, "R4");
	CHECK(all.failures[1].rule == NULL);
	CHECK_INT(all.nreports, 1);
	gj_results_drop(&all, 1);
	CHECK_INT(all.nfindings, 1);
	CHECK_STR(all.findings[0].message, "first");
	gj_results_release(&all);
}

static void test_severity(void)
{
	gj_severity s = GJ_SEV_ERROR;
	CHECK_INT(gj_severity_parse("warning", &s), 0);
	CHECK_INT(s, GJ_SEV_WARNING);
	CHECK_INT(gj_severity_parse("Warning", &s), -1);
	CHECK_INT(gj_severity_parse("off", &s), -1);
	CHECK_INT(s, GJ_SEV_WARNING);
	CHECK_STR(gj_severity_name(GJ_SEV_INFO), "info");
}

int main(void)
{
	test_sort();
	test_append_drop_fail();
	test_severity();
	return unit_done("results");
}
