/*
 * project.c — a run's config and packs (project.h).
 */
#include "project.h"
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Is dir where the search for gouji.yaml ends: a repository's top (it
 * has .git) or the home folder?  A config above it belongs to something
 * else. */
static int boundary(const char *dir, const struct stat *st)
{
	char git[PATH_MAX + 8];
	snprintf(git, sizeof git, "%s/.git", dir);
	if (access(git, F_OK) == 0)
		return 1;
	const char *home = getenv("HOME");
	struct stat hst;
	return home && *home && stat(home, &hst) == 0 && hst.st_dev == st->st_dev &&
	       hst.st_ino == st->st_ino;
}

/* gouji.yaml in the current folder or the nearest one above it, up to the
 * repository's top or the home folder, and only in folders the user owns:
 * a config switches rules off and raises limits, so one left in /tmp or
 * in another user's folder above must not apply unseen. */
static int find_config(char *out, size_t n)
{
	char dir[PATH_MAX];
	if (!getcwd(dir, sizeof dir))
		return -1;
	for (;;) {
		struct stat st;
		if (stat(dir, &st) != 0 || st.st_uid != geteuid())
			return -1;
		snprintf(out, n, "%s/gouji.yaml", strcmp(dir, "/") == 0 ? "" : dir);
		if (access(out, R_OK) == 0)
			return 0;
		char *slash = strrchr(dir, '/');
		if (boundary(dir, &st) || !slash || strcmp(dir, "/") == 0)
			return -1;
		if (slash == dir)
			dir[1] = '\0';          /* "/a" goes up to "/" */
		else
			*slash = '\0';
	}
}

int gj_project_open(gj_project *p, const char *config, int search,
		    const char *const *packs, int npacks, gj_diag *d)
{
	memset(p, 0, sizeof *p);
	gj_data_dir(p->home, sizeof p->home);
	p->packs = packs;
	p->npacks = npacks;
	if (config) {
		snprintf(p->config, sizeof p->config, "%s", config);
		p->have_config = 1;
	} else if (search) {
		p->have_config = find_config(p->config, sizeof p->config) == 0;
		if (p->have_config)   /* found, not named: say which */
			gj_say("使用配置 %s (config in force: %s)", p->config, p->config);
	}
	if (p->have_config && gj_config_load(p->config, &p->cfg, d) != 0)
		return -1;
	return 0;
}

void gj_project_close(gj_project *p)
{
	gj_config_release(&p->cfg);
}

gj_engine *gj_project_engine(const gj_project *p, int texts, gj_diag *d)
{
	gj_engine *e = gj_engine_new(&p->cfg.lim);
	if (!e) {
		gj_diag_set(d, 0, 0, "cannot create a Lua state");
		return NULL;
	}
	gj_engine_set_texts(e, texts);
	int rc = gj_engine_set_home(e, p->home, d);
	if (rc != 0) {
		/* d says what of rules/lib could not be read */
	} else if (p->npacks) {
		for (int i = 0; i < p->npacks && rc == 0; i++)
			rc = gj_engine_load_pack(e, p->packs[i], d);
	} else if (p->cfg.npacks) {
		for (int i = 0; i < p->cfg.npacks && rc == 0; i++)
			rc = gj_engine_load_pack(e, p->cfg.packs[i], d);
	} else {
		rc = gj_engine_load_pack(e, "national", d);
	}

	if (rc == 0 && p->have_config)
		rc = gj_engine_configure(e, p->cfg.rules, p->cfg.params, p->config, d);
	if (rc != 0) {
		gj_engine_free(e);
		return NULL;
	}
	return e;
}
