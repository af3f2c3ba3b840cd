/* test_walk.c — the report files a run reads: a folder walked in name
 * order for report names only, hidden files skipped; lists of paths by
 * NUL or newline; and whether a run reading a path reads a given file. */
#include "walk.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char top[64];
static gj_buf seen;

static void collect(const char *path, void *ctx)
{
	(void)ctx;
	gj_buf_adds(&seen, path + strlen(top) + 1);
	gj_buf_addc(&seen, '\n');
}

static void touch(const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", top, rel);
	FILE *f = fopen(path, "w");
	if (f)
		fclose(f);
}

static void sub(const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", top, rel);
	mkdir(path, 0755);
}

static void test_walk(void)
{
	sub("b");
	sub(".hidden");
	touch("b/z.pdf");
	touch("b/a.TXT");
	touch("a.md");
	touch("notes.doc");
	touch(".x.md");
	touch(".hidden/c.md");
	touch("c.yaml");
	gj_buf_init(&seen);
	gj_walk(top, collect, NULL);
	CHECK_STR(seen.data, "a.md\nb/a.TXT\nb/z.pdf\nc.yaml\n");
	/* a file given by name is taken whatever its name */
	seen.len = 0;
	char path[256];
	snprintf(path, sizeof path, "%s/notes.doc", top);
	gj_walk(path, collect, NULL);
	CHECK_STR(seen.data, "notes.doc\n");
	gj_buf_release(&seen);
}

/* A FIFO named as a report is skipped (it would block the run); links
 * back to a folder above are walked once (l1 -> ., l2 -> . once made
 * 2^40 paths). */
static void test_hostile_folders(void)
{
	sub("loop");
	touch("loop/r.md");
	char path[256], fifo[256];
	snprintf(path, sizeof path, "%s/loop/l1", top);
	CHECK_INT(symlink(".", path), 0);
	snprintf(path, sizeof path, "%s/loop/l2", top);
	CHECK_INT(symlink("..", path), 0);
	snprintf(fifo, sizeof fifo, "%s/loop/pipe.md", top);
	CHECK_INT(mkfifo(fifo, 0600), 0);
	gj_buf_init(&seen);
	snprintf(path, sizeof path, "%s/loop", top);
	gj_walk(path, collect, NULL);
	/* l2 leads to the top, walked from there: its reports, once */
	CHECK_STR(seen.data, "loop/l2/a.md\nloop/l2/b/a.TXT\nloop/l2/b/z.pdf\nloop/l2/c.yaml\n"
			     "loop/r.md\n");
	gj_buf_release(&seen);
	unlink(fifo);
}

static void test_list(void)
{
	char list[256];
	snprintf(list, sizeof list, "%s/list", top);
	FILE *f = fopen(list, "wb");
	fprintf(f, "%s/a.md%c%s/b\n\n%s/c.yaml", top, '\0', top, top);
	fclose(f);
	gj_buf_init(&seen);
	gj_diag d;
	memset(&d, 0, sizeof d);
	CHECK_INT(gj_walk_list(list, collect, NULL, &d), 0);
	CHECK_STR(seen.data, "a.md\nb/a.TXT\nb/z.pdf\nc.yaml\n");
	gj_buf_release(&seen);
	CHECK_INT(gj_walk_list("tests/unit/no-such-list", collect, NULL, &d), -1);
	CHECK_STR(d.message, "cannot read 'tests/unit/no-such-list'");
}

static void test_reads(void)
{
	char a[256], b[256], z[256], doc[256], none[256];
	snprintf(a, sizeof a, "%s/a.md", top);
	snprintf(b, sizeof b, "%s/b", top);
	snprintf(z, sizeof z, "%s/b/../b/z.pdf", top);
	snprintf(doc, sizeof doc, "%s/notes.doc", top);
	snprintf(none, sizeof none, "%s/none.md", top);
	CHECK_INT(gj_walk_reads(a, a), 1);
	CHECK_INT(gj_walk_reads(top, a), 1);
	CHECK_INT(gj_walk_reads(top, z), 1);         /* below, by another path */
	CHECK_INT(gj_walk_reads(b, z), 1);
	CHECK_INT(gj_walk_reads(b, a), 0);
	CHECK_INT(gj_walk_reads(top, doc), 0);       /* not a report name */
	CHECK_INT(gj_walk_reads(doc, doc), 1);       /* but given by name */
	CHECK_INT(gj_walk_reads(top, none), 0);      /* not there: nothing overwritten */
	CHECK_INT(gj_walk_reads(NULL, a), 0);
}

int main(void)
{
	snprintf(top, sizeof top, "/tmp/gouji-walk-XXXXXX");
	if (!mkdtemp(top)) {
		perror("mkdtemp");
		return 1;
	}
	test_walk();
	test_hostile_folders();
	test_list();
	test_reads();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
	if (system(cmd) != 0)
		return 1;
	return unit_done("walk");
}
