/*
 * project.h — what a run of check, rules, explain or test is set up with:
 * the project config (gouji.yaml: --config FILE, or the nearest one
 * upward from the current folder, not past the repository's top or the
 * home folder nor into a folder of another user's, and said on stderr),
 * read once, and the rule packs to load
 * (--pack, else the config's, else the national pack).  Every engine of
 * the run (one per worker, one for the output script) is made from it.
 *
 * Ownership: gj_project_close frees what gj_project_open read.
 */
#ifndef GJ_PROJECT_H
#define GJ_PROJECT_H

#include <limits.h>

#include "config.h"
#include "engine.h"

typedef struct {
	char home[PATH_MAX];            /* the bundled rules/ and scripts/ */
	gj_config cfg;
	int have_config;
	char config[PATH_MAX + 16];     /* its path, when have_config */
	const char *const *packs;       /* --pack (not copied), or NULL */
	int npacks;
} gj_project;

/* Read the config (config: its path; NULL: gouji.yaml found upward when
 * search, else none) and keep packs, the --pack options (npacks may be 0).
 * Returns 0, or -1 with d set (d->file the config at fault, with line and
 * column when its YAML is).  p must be closed either way. */
int gj_project_open(gj_project *p, const char *config, int search,
		    const char *const *packs, int npacks, gj_diag *d);
void gj_project_close(gj_project *p);

/* A new engine with the project's limits, packs and overrides, or NULL
 * with d set.  texts: it keeps the rules' titles and descriptions (an
 * engine that shows them: the output script's, gouji rules); a worker's
 * does not need them (gj_engine_set_texts). */
gj_engine *gj_project_engine(const gj_project *p, int texts, gj_diag *d);

#endif
