/*
 * cmd_test.c — `gouji test PACK...`: a pack's tests are report files in
 * PACK/tests (NAME.yaml, .md, .txt, .pdf, .html), each with NAME.expect:
 *
 *   + RULE-ID [path-or-line]   a finding that must appear
 *   - RULE-ID [path-or-line]   a finding that must not
 *
 * and optionally NAME.previous.yaml (or .md …): last year's report, the
 * rules' fourth argument.  Every enabled rule of the pack itself (not of
 * a pack it extends) needs at least one case of each kind.  A pack's tests
 * do not depend on the project's gouji.yaml.
 */
#include "cmd_test.h"
#include "cli.h"
#include "opts.h"
#include "project.h"
#include "reader.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int expect_matches(const gj_finding *f, const char *rule, const char *where)
{
	if (strcmp(f->rule, rule) != 0)
		return 0;
	if (!where || !*where)
		return 1;
	char *end;
	long line = strtol(where, &end, 10);
	if (*end == '\0')
		return f->line == line;
	return f->path && strcmp(f->path, where) == 0;
}

static int test_fixture(gj_engine *e, const char *fixture, const char *expect,
			int *pos, int *neg, int *passed, int *failed)
{
	size_t len;
	gj_diag why;
	memset(&why, 0, sizeof why);
	char *text = gj_read_file(expect, GJ_SCRIPT_MAX, &len, &why);
	if (!text) {
		printf("FAIL %s: no %s beside it\n", fixture, expect);
		(*failed)++;
		return -1;
	}
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_report *r = gj_reader_load(fixture, NULL, &d);
	if (!r) {
		printf("FAIL %s: %s\n", fixture, d.message);
		(*failed)++;
		free(text);
		return -1;
	}
	/* NAME.previous.yaml (or .md …) beside it: last year's report */
	gj_report *prev = NULL;
	const char *dot = strrchr(fixture, '.');
	if (dot) {
		char ppath[3 * PATH_MAX + 16];
		snprintf(ppath, sizeof ppath, "%.*s.previous%s", (int)(dot - fixture), fixture, dot);
		if (access(ppath, R_OK) == 0) {
			prev = gj_reader_load(ppath, NULL, &d);
			if (!prev) {
				printf("FAIL %s: %s\n", ppath, d.message);
				(*failed)++;
			}
		}
	}
	gj_results res;
	memset(&res, 0, sizeof res);
	gj_engine_check(e, r, prev, &res);
	gj_report_free(prev);
	for (int i = 0; i < res.nfailures; i++) {
		printf("FAIL %s: rule %s failed: %s\n", fixture, res.failures[i].rule,
		       res.failures[i].message);
		(*failed)++;
	}
	int lineno = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		lineno++;
		char sign, rule[64] = "", where[256] = "";
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (sscanf(line, " %c %63s %255s", &sign, rule, where) < 2 ||
		    (sign != '+' && sign != '-')) {
			printf("FAIL %s:%d: cannot read '%s' (want '+ RULE-ID [path or line]')\n",
			       expect, lineno, line);
			(*failed)++;
			continue;
		}
		const gj_rule *gr = gj_engine_find(e, rule);
		if (!gr) {
			printf("FAIL %s:%d: no rule '%s' in the pack\n", expect, lineno, rule);
			(*failed)++;
			continue;
		}
		int idx = (int)(gr - gj_engine_rule(e, 0));
		int found = -1;
		for (int i = 0; i < res.nfindings && found < 0; i++)
			if (expect_matches(&res.findings[i], rule, where))
				found = i;
		if (sign == '+') {
			pos[idx]++;
			if (found >= 0) {
				(*passed)++;
			} else {
				printf("FAIL %s: expected %s%s%s, not found\n", fixture, rule,
				       *where ? " at " : "", where);
				(*failed)++;
			}
		} else {
			neg[idx]++;
			if (found < 0) {
				(*passed)++;
			} else {
				printf("FAIL %s: %s must not report%s%s, but said: %s\n", fixture, rule,
				       *where ? " at " : "", where, res.findings[found].message);
				(*failed)++;
			}
		}
	}
	gj_results_release(&res);
	gj_report_free(r);
	free(text);
	return 0;
}

/* The pack's tests; counts go to *passed and *failed.  -1: the pack
 * cannot be loaded. */
/* Run the tests of one pack; counts go to *passed and *failed.  -1: the
 * pack cannot be loaded (said on stderr). */
static int test_pack(const char *pack, int *passed, int *failed)
{
	gj_project p;
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_engine *e = NULL;
	const char *packs[1] = { pack };
	if (gj_project_open(&p, NULL, 0, packs, 1, &d) == 0)
		e = gj_project_engine(&p, 1, &d);
	if (!e) {
		gj_print_diag(&d);
		gj_project_close(&p);
		return -1;
	}
	int n = gj_engine_nrules(e);
	int *pos = gj_xcalloc((size_t)n + 1, sizeof *pos), *neg = gj_xcalloc((size_t)n + 1, sizeof *neg);
	char dir[2 * PATH_MAX + 32];
	if (!strchr(pack, '/'))
		snprintf(dir, sizeof dir, "%s/rules/%s/tests", p.home, pack);
	else
		snprintf(dir, sizeof dir, "%s/tests", pack);
	gj_project_close(&p);
	struct dirent **list;
	int nl = scandir(dir, &list, NULL, alphasort);
	for (int i = 0; i < nl; i++) {
		const char *nm = list[i]->d_name;
		const char *dot = strrchr(nm, '.');
		if (nm[0] != '.' && dot && strcmp(dot, ".expect") != 0 &&
		    !strstr(nm, ".previous.")) {
			char fixture[3 * PATH_MAX], expect[3 * PATH_MAX];
			snprintf(fixture, sizeof fixture, "%s/%s", dir, nm);
			snprintf(expect, sizeof expect, "%s/%.*s.expect", dir, (int)(dot - nm), nm);
			test_fixture(e, fixture, expect, pos, neg, passed, failed);
		}
		free(list[i]);
	}
	if (nl > 0)
		free(list);
	else
		printf("FAIL %s: no tests folder\n", dir);
	/* the pack's own rules need a case that triggers and one that does
	 * not (rules of a pack it extends are tested there) */
	for (int i = 0; i < n; i++) {
		const gj_rule *r = gj_engine_rule(e, i);
		char prefix[2 * PATH_MAX + 32];
		snprintf(prefix, sizeof prefix, "%.*s", (int)(strlen(dir) - 6), dir);
		if (!r->enabled || strncmp(r->file, prefix, strlen(prefix)) != 0)
			continue;
		if (!pos[i] || !neg[i]) {
			printf("FAIL %s: rule %s has no %s case\n", pack, r->id,
			       !pos[i] ? "positive (+)" : "negative (-)");
			(*failed)++;
		}
	}
	free(pos);
	free(neg);
	gj_engine_free(e);
	return 0;
}

int gj_cmd_test(int argc, char **argv)
{
	const gj_opt opts[] = { { NULL, NULL, 0, NULL, 0, NULL, 0, 0, NULL } };
	char **packs = gj_xcalloc((size_t)argc + 1, sizeof *packs);
	int npacks;
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_opts_parse(opts, "test", argc, argv, packs, &npacks, &d) != 0) {
		gj_print_diag(&d);
		free(packs);
		return 2;
	}
	if (npacks == 0) {
		fprintf(stderr, "gouji: test needs at least one PACK\n");
		free(packs);
		return 2;
	}
	int passed = 0, failed = 0;
	for (int i = 0; i < npacks; i++)
		if (test_pack(packs[i], &passed, &failed) != 0) {
			free(packs);
			return 2;
		}
	free(packs);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
