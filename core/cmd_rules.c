/*
 * cmd_rules.c — `gouji rules` and `gouji explain`: the packs of the
 * project (project.h) loaded into an engine, and their rules listed.
 */
#include "cmd_rules.h"
#include "cli.h"
#include "opts.h"
#include "project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PACKS 16

static int run(const char *cmd, int argc, char **argv, int explain)
{
	const char *packs[MAX_PACKS];
	int npacks = 0;
	const char *config = NULL;
	const gj_opt opts[] = {
		{ "--pack", NULL, GJ_OPT_LIST, packs, 0, &npacks, 0, MAX_PACKS, NULL },
		{ "--config", NULL, GJ_OPT_STRING, &config, 0, NULL, 0, 0, NULL },
		{ NULL, NULL, 0, NULL, 0, NULL, 0, 0, NULL }
	};
	char **ids = gj_xcalloc((size_t)argc + 1, sizeof *ids);
	int nids;
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_opts_parse(opts, cmd, argc, argv, ids, &nids, &d) != 0) {
		gj_print_diag(&d);
		free(ids);
		return 2;
	}
	if (explain && nids != 1) {
		fprintf(stderr, "gouji: explain needs one rule ID\n");
		free(ids);
		return 2;
	}
	gj_project p;
	gj_engine *e = NULL;
	if (gj_project_open(&p, config, 1, packs, npacks, &d) == 0)
		e = gj_project_engine(&p, 1, &d);
	gj_project_close(&p);
	if (!e) {
		gj_print_diag(&d);
		free(ids);
		return 2;
	}
	int rc = 0;
	if (explain) {
		const gj_rule *r = gj_engine_find(e, ids[0]);
		if (!r) {
			fprintf(stderr, "gouji: no rule '%s'\n", ids[0]);
			rc = 2;
		} else {
			printf("%s (%s): %s\n\n%s\n", r->id, gj_severity_name(r->severity),
			       r->title, r->description);
		}
	} else {
		for (int i = 0; i < gj_engine_nrules(e); i++) {
			const gj_rule *r = gj_engine_rule(e, i);
			printf("%-14s %-8s %s\n", r->id,
			       r->enabled ? gj_severity_name(r->severity) : "off", r->title);
		}
	}
	gj_engine_free(e);
	free(ids);
	return rc;
}

int gj_cmd_rules(int argc, char **argv)
{
	return run("rules", argc, argv, 0);
}

int gj_cmd_explain(int argc, char **argv)
{
	return run("explain", argc, argv, 1);
}
