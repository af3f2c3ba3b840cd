/*
 * cli.c — helpers the commands share (cli.h).
 */
#define _GNU_SOURCE     /* O_TMPFILE */
#include "cli.h"
#include "md.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where the bundled rules/ and scripts/ are: beside the executable, or one
 * folder up (build/gouji), or $GOUJI_HOME. */
void gj_data_dir(char *out, size_t n)
{
	const char *home = getenv("GOUJI_HOME");
	if (home && *home) {
		snprintf(out, n, "%s", home);
		return;
	}
	char exe[PATH_MAX];
	ssize_t l = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (l <= 0) {
		snprintf(out, n, ".");
		return;
	}
	exe[l] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	for (int up = 0; up < 3; up++) {
		char probe[PATH_MAX + 32];
		snprintf(probe, sizeof probe, "%s/scripts/text.lua", exe);
		if (access(probe, R_OK) == 0) {
			snprintf(out, n, "%s", exe);
			return;
		}
		slash = strrchr(exe, '/');
		if (!slash)
			break;
		*slash = '\0';
	}
	snprintf(out, n, ".");
}

void gj_put_safe(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
}

void gj_say(const char *fmt, ...)
{
	char msg[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fputs("gouji: ", stderr);
	gj_put_safe(stderr, msg);
	fputc('\n', stderr);
}

void gj_print_diag(const gj_diag *d)
{
	if (d->file[0] && d->line > 0)
		gj_say("%s:%d:%d: %s", d->file, d->line, d->column, d->message);
	else if (d->file[0])
		gj_say("%s: %s", d->file, d->message);
	else
		gj_say("%s", d->message);
}

int gj_out_open(gj_out *o, const char *path, gj_diag *d)
{
	memset(o, 0, sizeof *o);
	o->path = path;
	if (!path) {
		o->f = stdout;
		return 0;
	}
	/* replaced at the end by a rename: only a regular file, or a new
	 * path; never a device, a FIFO or a symbolic link, which the rename
	 * would replace by a file */
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		gj_diag_set(d, 0, 0, "'%s' 不是普通文件，不写入 (not a regular file: not written)",
			    path);
		return -1;
	}
	/* an unnamed file in the target's folder (O_TMPFILE): a run killed
	 * even by SIGKILL leaves nothing behind; it gets a name at the end */
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	int fd = access("/proc/self/fd", X_OK) == 0 ?
		open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666) : -1;
	if (fd >= 0) {
		o->unnamed = 1;
	} else {
		/* no O_TMPFILE here: a named temporary file */
		snprintf(o->tmp, sizeof o->tmp, "%s.tmpXXXXXX", path);
		fd = mkstemp(o->tmp);
		if (fd < 0) {
			gj_diag_set(d, 0, 0, "cannot write '%s': %s", path, strerror(errno));
			return -1;
		}
	}
	o->f = fdopen(fd, "wb");
	if (!o->f) {
		gj_diag_set(d, 0, 0, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		if (!o->unnamed)
			unlink(o->tmp);
		return -1;
	}
	return 0;
}

/* Give the unnamed file a temporary name beside path (to be renamed). */
static int out_name(gj_out *o)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fileno(o->f));
	for (int n = 0; n < 100; n++) {
		snprintf(o->tmp, sizeof o->tmp, "%s.tmp%ld-%d", o->path, (long)getpid(), n);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno != EEXIST)
			break;
	}
	o->tmp[0] = '\0';
	return -1;
}

void gj_out_write(gj_out *o, const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, o->f) != n)
		o->bad = 1;
}

/* keep: rename the file into place; else remove it.  Returns -1 when the
 * output could not be written. */
int gj_out_close(gj_out *o, int keep)
{
	/* a write error may have been met by an earlier flush: ferror keeps it */
	if (!o->path)
		return fflush(stdout) == 0 && !ferror(stdout) && !o->bad ? 0 : -1;
	int ok = fflush(o->f) == 0 && !ferror(o->f) && !o->bad;
	if (keep && ok && o->unnamed)
		ok = out_name(o) == 0;
	ok &= fclose(o->f) == 0;
	if (!keep || !ok || rename(o->tmp, o->path) != 0) {
		if (o->tmp[0])
			unlink(o->tmp);
		return keep ? -1 : 0;
	}
	return 0;
}

int gj_write_output(const char *path, const gj_buf *out, gj_diag *d)
{
	gj_out o;
	if (gj_out_open(&o, path, d) != 0)
		return -1;
	gj_out_write(&o, out->data ? out->data : "", out->len);
	if (gj_out_close(&o, 1) != 0) {
		gj_diag_set(d, 0, 0, "cannot write '%s'", path ? path : "stdout");
		return -1;
	}
	return 0;
}

void gj_html_page(gj_buf *out, const char *title)
{
	char *body = gj_md_to_html(out->data ? out->data : "", out->len);
	gj_buf page;
	gj_buf_init(&page);
	gj_buf_adds(&page, "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
		    "<title>");
	gj_buf_adds(&page, title);
	gj_buf_adds(&page, "</title><style>body{font-family:sans-serif;max-width:60em;"
		    "margin:2em auto;padding:0 1em}table{border-collapse:collapse}"
		    "td,th{border:1px solid #999;padding:.2em .5em}</style></head><body>\n");
	gj_buf_adds(&page, body ? body : "");
	gj_buf_adds(&page, "</body></html>\n");
	free(body);
	gj_buf_release(out);
	*out = page;
}
