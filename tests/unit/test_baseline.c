/* test_baseline.c — accepted findings: a count per report and rule, the
 * first findings dropped first, counts used up over the run, and the
 * lines --write-baseline writes. */
#include "baseline.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static void add(gj_results *res, const char *report, const char *rule, const char *msg)
{
	res->findings = gj_xrealloc(res->findings,
		(size_t)(res->nfindings + 1) * sizeof *res->findings);
	gj_finding *f = &res->findings[res->nfindings++];
	memset(f, 0, sizeof *f);
	f->report = gj_xstrdup(report);
	f->rule = gj_xstrdup(rule);
	f->message = gj_xstrdup(msg);
}

/* the messages left, joined by spaces */
static const char *left(const gj_results *res)
{
	static char out[256];
	out[0] = '\0';
	for (int i = 0; i < res->nfindings; i++) {
		strcat(out, i ? " " : "");
		strcat(out, res->findings[i].message);
	}
	return out;
}

static void test_lines(void)
{
	gj_results res = { 0 };
	add(&res, "a.md", "T4-SUM", "1");
	add(&res, "a.md", "N-FEE", "2");
	add(&res, "a.md", "T4-SUM", "3");
	gj_buf out;
	gj_buf_init(&out);
	gj_baseline_lines(&res, &out);
	CHECK_STR(out.data, "a.md\tT4-SUM\t2\na.md\tN-FEE\t1\n");
	gj_buf_release(&out);
	gj_results_release(&res);
}

static void test_apply(void)
{
	static const char text[] =
		"# gouji baseline: report, rule, accepted findings\n"
		"a.md\tT4-SUM\t1\n"
		"\n"
		"a line with no tabs\n"
		"b.md\tN-FEE\t2\n"
		"a.md\tT4-SUM\t1\n";              /* the same pair again: counts add */
	gj_baseline *b = gj_baseline_parse(text, sizeof text - 1);
	gj_results res = { 0 };
	add(&res, "a.md", "T4-SUM", "t1");
	add(&res, "a.md", "T4-SUM", "t2");
	add(&res, "a.md", "T4-SUM", "t3");
	add(&res, "a.md", "N-FEE", "n1");      /* accepted for b.md only */
	add(&res, "b.md", "N-FEE", "n2");
	gj_baseline_apply(b, &res);
	CHECK_STR(left(&res), "t3 n1");
	/* what was dropped is used up: the next report's findings count on */
	gj_results more = { 0 };
	add(&more, "a.md", "T4-SUM", "t4");
	add(&more, "b.md", "N-FEE", "n3");
	add(&more, "b.md", "N-FEE", "n4");
	gj_baseline_apply(b, &more);
	CHECK_STR(left(&more), "t4 n4");
	gj_results_release(&res);
	gj_results_release(&more);
	gj_baseline_free(b);
	gj_baseline_free(NULL);
}

static void test_load(void)
{
	gj_diag d;
	memset(&d, 0, sizeof d);
	CHECK(gj_baseline_load("tests/unit/no-such-baseline.tsv", &d) == NULL);
	CHECK_STR(d.message, "cannot read baseline 'tests/unit/no-such-baseline.tsv': "
			    "No such file or directory");
	/* a file of nothing accepted drops nothing */
	gj_baseline *b = gj_baseline_parse("", 0);
	gj_results res = { 0 };
	add(&res, "a.md", "T4-SUM", "t1");
	gj_baseline_apply(b, &res);
	CHECK_STR(left(&res), "t1");
	gj_results_release(&res);
	gj_baseline_free(b);
}

int main(void)
{
	test_lines();
	test_apply();
	test_load();
	return unit_done("baseline");
}
