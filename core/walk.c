/*
 * walk.c — the report files a run reads (walk.h).
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include "walk.h"
#include "cli.h"
#include "input.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The folders a walk has been in, by device and inode: a link back to a
 * folder above (l1 -> ., l2 -> .) would make the walk endless. */
typedef struct {
	struct stat *v;
	int n, cap;
} visited;

static int visit(visited *seen, const struct stat *st)
{
	for (int i = 0; i < seen->n; i++)
		if (seen->v[i].st_dev == st->st_dev && seen->v[i].st_ino == st->st_ino)
			return 0;
	if (seen->n == seen->cap) {
		seen->cap = seen->cap ? 2 * seen->cap : 16;
		seen->v = gj_xrealloc(seen->v, (size_t)seen->cap * sizeof *seen->v);
	}
	seen->v[seen->n++] = *st;
	return 1;
}

static void walk_dir(const char *path, const struct stat *st, gj_walk_fn fn, void *ctx,
		     visited *seen)
{
	if (!visit(seen, st))
		return;         /* been here: a link to a folder above */
	struct dirent **names;
	int n = scandir(path, &names, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		const char *nm = names[i]->d_name;
		char sub[PATH_MAX];
		struct stat s2;
		if (nm[0] != '.' && snprintf(sub, sizeof sub, "%s/%s", path, nm) < (int)sizeof sub &&
		    stat(sub, &s2) == 0) {
			int report = gj_input_report_name(nm);
			if (S_ISDIR(s2.st_mode))
				walk_dir(sub, &s2, fn, ctx, seen);
			else if (report && S_ISREG(s2.st_mode))
				fn(sub, ctx);
			else if (report)   /* a FIFO would block the run, a device never end */
				gj_say("'%s' 不是普通文件，跳过 (not a regular file: skipped)", sub);
		}
		free(names[i]);
	}
	if (n > 0)
		free(names);
}

void gj_walk(const char *path, gj_walk_fn fn, void *ctx)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		visited seen = { NULL, 0, 0 };
		walk_dir(path, &st, fn, ctx, &seen);
		free(seen.v);
		return;
	}
	fn(path, ctx);
}

int gj_walk_list(const char *from, gj_walk_fn fn, void *ctx, gj_diag *d)
{
	FILE *f = strcmp(from, "-") == 0 ? stdin : fopen(from, "rb");
	if (!f) {
		gj_diag_set(d, 0, 0, "cannot read '%s'", from);
		return -1;
	}
	gj_buf b;
	gj_buf_init(&b);
	int ch;
	while ((ch = fgetc(f)) != EOF) {
		if (ch == '\0' || ch == '\n') {
			if (b.len)
				gj_walk(b.data, fn, ctx);
			b.len = 0;
			continue;
		}
		gj_buf_addc(&b, (char)ch);
	}
	if (b.len)
		gj_walk(b.data, fn, ctx);
	gj_buf_release(&b);
	if (f != stdin)
		fclose(f);
	return 0;
}

int gj_walk_reads(const char *path, const char *target)
{
	struct stat st, fst;
	if (!path || !target || stat(path, &st) != 0 || stat(target, &fst) != 0)
		return 0;
	if (!S_ISDIR(st.st_mode))
		return st.st_dev == fst.st_dev && st.st_ino == fst.st_ino;
	const char *base = strrchr(target, '/');
	if (!gj_input_report_name(base ? base + 1 : target))
		return 0;
	/* the folders above target, up to the root, by "/.." */
	char up[PATH_MAX];
	if (!base)
		snprintf(up, sizeof up, ".");
	else if (base == target)
		snprintf(up, sizeof up, "/");
	else
		snprintf(up, sizeof up, "%.*s", (int)(base - target), target);
	struct stat ust;
	if (stat(up, &ust) != 0)
		return 0;
	for (;;) {
		if (ust.st_dev == st.st_dev && ust.st_ino == st.st_ino)
			return 1;
		size_t n = strlen(up);
		if (n + 4 >= sizeof up)
			return 0;
		memcpy(up + n, "/..", 4);
		struct stat pst;
		if (stat(up, &pst) != 0 || (pst.st_dev == ust.st_dev && pst.st_ino == ust.st_ino))
			return 0;   /* the root */
		ust = pst;
	}
}

int gj_walk_within(const char *dir, const char *target)
{
	char rdir[PATH_MAX], rt[PATH_MAX];
	if (!dir || !target || !realpath(dir, rdir) || !realpath(target, rt))
		return 0;
	size_t n = strlen(rdir);
	return strncmp(rt, rdir, n) == 0 && (rt[n] == '/' || strcmp(rdir, "/") == 0);
}
