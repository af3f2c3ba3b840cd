/*
 * walk.h — the report files a run reads: a path as given, a folder walked
 * for report files (gj_input_report_name: .md, .txt, .pdf …; hidden files
 * skipped; name order, so a run's order never depends on the file
 * system), and lists of paths (--files-from).  And the other way round:
 * whether a run that reads a path reads a given file, so that gouji never
 * writes its output over its input.  Stage: before reading.
 */
#ifndef GJ_WALK_H
#define GJ_WALK_H

#include "util.h"

typedef void (*gj_walk_fn)(const char *path, void *ctx);

/* Call fn on path, or on every report file below it when it is a folder:
 * a folder reached again through a symbolic link is walked once; a name
 * of a report that is not a regular file (a FIFO, a device) is skipped,
 * with a note on stderr.  A path given is taken as it is. */
void gj_walk(const char *path, gj_walk_fn fn, void *ctx);

/* Walk each path listed in the file from ("-": stdin), separated by NUL
 * (find -print0) or newlines.  -1 with d set when from cannot be read. */
int gj_walk_list(const char *from, gj_walk_fn fn, void *ctx, gj_diag *d);

/* 1 when a run that reads path (a file, or a folder it walks) reads the
 * existing file target: the same file, or a report file below the folder. */
int gj_walk_reads(const char *path, const char *target);

/* 1 when the existing file target lies inside the folder dir (any file,
 * at any depth, by where its links lead). */
int gj_walk_within(const char *dir, const char *target);

#endif
