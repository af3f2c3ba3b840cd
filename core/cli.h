/*
 * cli.h — what the commands (cmd_*.c) share: where the bundled files are,
 * how a diagnostic is printed, output written through a file that gets
 * its name only when complete, and a Markdown result as an offline HTML
 * page.
 */
#ifndef GJ_CLI_H
#define GJ_CLI_H

#include <limits.h>
#include <stdio.h>

#include "util.h"

/* The largest output script read (--format FILE.lua). */
#define GJ_SCRIPT_MAX ((size_t)4 * 1024 * 1024)

/* Where the bundled rules/ and scripts/ are: $GOUJI_HOME, beside the
 * executable, or up to three folders up (build/gouji). */
void gj_data_dir(char *out, size_t n);

/* "gouji: FILE:LINE:COL: message" on stderr (without the line and column
 * when there are none, without the file when there is none), as gj_say. */
void gj_print_diag(const gj_diag *d);

/* "gouji: " and the formatted message on stderr, with what could act on
 * a terminal (control characters but newline and tab: ESC, BEL, CR …)
 * shown as \x1b: messages carry file names, report text and rules'
 * errors, which a report or a pack chooses. */
void gj_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* s to f with control characters shown as gj_say shows them. */
void gj_put_safe(FILE *f, const char *s);

/* Output written as it comes: to stdout, or to a temporary file renamed
 * over the -o file at the end, so a killed run never leaves half a file
 * and a failed one leaves none. */
typedef struct {
	FILE *f;
	const char *path;       /* NULL: stdout */
	char tmp[PATH_MAX + 32];
	int unnamed;            /* O_TMPFILE: no name until out_close */
	int bad;
} gj_out;

/* Open path for writing (NULL: stdout); -1 with d set when it cannot be
 * made, or when path is there and is not a regular file (a device, a
 * FIFO, a symbolic link: the rename would replace it). */
int gj_out_open(gj_out *o, const char *path, gj_diag *d);
void gj_out_write(gj_out *o, const char *s, size_t n);
/* keep: put the file in place (rename); else remove it.  -1 when the
 * output could not be written (any write or flush failed: a full disk,
 * /dev/full as stdout). */
int gj_out_close(gj_out *o, int keep);
/* All of out to path (NULL: stdout), the same way; -1 with d set. */
int gj_write_output(const char *path, const gj_buf *out, gj_diag *d);

/* Replace the Markdown in out by an HTML page of it that works offline
 * (cmark; raw HTML dropped), titled title. */
void gj_html_page(gj_buf *out, const char *title);

#endif
