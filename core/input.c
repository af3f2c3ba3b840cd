/*
 * input.c — the first stage: a file as published becomes valid UTF-8 text
 * with LF line ends.  Picks the kind (PDF by its signature, YAML and
 * Markdown by extension), the encoding (UTF-8 with or without BOM, UTF-16
 * with BOM, else GB18030 — a superset of GBK and GB2312), refuses what is
 * not a report, and runs pdftotext for PDFs.  A PDF's text keeps all of
 * pdftotext's form feeds: every page ends with '\f', so later stages can
 * tell the pages apart.  On failure the gj_input is left empty.
 */
#include "input.h"
#include "html.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_MAX ((size_t)64 * 1024 * 1024)
#define BINARY_SCAN ((size_t)64 * 1024)   /* NUL bytes looked for here */
#define ERR_KEEP 4096                     /* bytes of pdftotext's stderr kept */
#define ERR_LINE 200                      /* of which one line goes in a message */
#ifndef PDF_TIMEOUT_MS
#define PDF_TIMEOUT_MS 60000
#endif

const char *gj_kind_name(gj_kind k)
{
	switch (k) {
	case GJ_KIND_MARKDOWN: return "markdown";
	case GJ_KIND_PDF: return "pdf";
	case GJ_KIND_YAML: return "yaml";
	case GJ_KIND_HTML: return "html";
	default: return "text";
	}
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	if (a < b)
		return 0;
	return strcasecmp(s + a - b, suffix) == 0;
}

/* The names gouji knows a report by, and the kind each says.  A PDF is
 * known by its content, and text is the kind of any other name. */
static const struct {
	const char *ext;
	gj_kind kind;
} known_names[] = {
	{ ".yaml", GJ_KIND_YAML }, { ".yml", GJ_KIND_YAML },
	{ ".md", GJ_KIND_MARKDOWN }, { ".markdown", GJ_KIND_MARKDOWN },
	{ ".html", GJ_KIND_HTML }, { ".htm", GJ_KIND_HTML },
	{ ".shtml", GJ_KIND_HTML }, { ".xhtml", GJ_KIND_HTML },
	{ ".pdf", GJ_KIND_PDF }, { ".txt", GJ_KIND_TEXT },
};

/* The entry of known_names that name ends with, or -1. */
static int known_name(const char *name)
{
	for (size_t k = 0; name && k < sizeof known_names / sizeof known_names[0]; k++)
		if (ends_with(name, known_names[k].ext))
			return (int)k;
	return -1;
}

int gj_input_report_name(const char *name)
{
	return known_name(name) >= 0;
}

static gj_kind detect_kind(const char *name, const char *bytes, size_t len)
{
	size_t i = 0;
	while (i < len && i < 1024 && (bytes[i] == ' ' || bytes[i] == '\n' ||
				       bytes[i] == '\r' || bytes[i] == '\t' ||
				       bytes[i] == '\f'))
		i++;
	if (len - i >= 5 && memcmp(bytes + i, "%PDF-", 5) == 0)
		return GJ_KIND_PDF;
	int k = known_name(name);
	gj_kind by_name = k >= 0 ? known_names[k].kind : GJ_KIND_TEXT;
	if (by_name == GJ_KIND_YAML || by_name == GJ_KIND_MARKDOWN || by_name == GJ_KIND_HTML)
		return by_name;
	/* a page saved as it was served, whatever its name says */
	if (gj_html_sniff(bytes, len))
		return GJ_KIND_HTML;
	return GJ_KIND_TEXT;
}

/* The forced encoding in opt as "utf-8" or "gb18030" (NULL: detect). */
static int pick_encoding(const gj_input_options *opt, const char **enc,
			 gj_diag *d)
{
	const char *name = opt ? opt->encoding : NULL;
	*enc = NULL;
	if (!name)
		return 0;
	if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0) {
		*enc = "utf-8";
		return 0;
	}
	if (strcasecmp(name, "gb18030") == 0 || strcasecmp(name, "gbk") == 0 ||
	    strcasecmp(name, "gb2312") == 0 || strcasecmp(name, "cp936") == 0) {
		*enc = "gb18030";
		return 0;
	}
	gj_diag_set(d, 0, 0, "unknown encoding '%.100s'", name);
	return -1;
}

/* Convert from the encoding from to UTF-8, appending to out.  0 when the
 * whole input converted; -1 on an invalid or incomplete sequence; -2 when
 * iconv has no such converter (errno set). */
static int convert_text(const char *from, const char *bytes, size_t len,
			gj_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -2;
	char *src = (char *)bytes;
	size_t left = len;
	char tmp[8192];
	int rc = 0;
	while (left > 0) {
		char *o = tmp;
		size_t room = sizeof tmp;
		size_t r = iconv(cd, &src, &left, &o, &room);
		gj_buf_add(out, tmp, sizeof tmp - room);
		if (r == (size_t)-1 && errno != E2BIG) {
			rc = -1;
			break;
		}
	}
	if (rc == 0) {   /* flush any shift state */
		char *o = tmp;
		size_t room = sizeof tmp;
		if (iconv(cd, NULL, NULL, &o, &room) == (size_t)-1)
			rc = -1;
		gj_buf_add(out, tmp, sizeof tmp - room);
	}
	iconv_close(cd);
	return rc;
}

/* CRLF and lone CR become LF, in place; returns the new length. */
static size_t fix_line_ends(char *s, size_t len)
{
	size_t w = 0;
	for (size_t r = 0; r < len; r++) {
		if (s[r] == '\r') {
			s[w++] = '\n';
			if (r + 1 < len && s[r + 1] == '\n')
				r++;
		} else {
			s[w++] = s[r];
		}
	}
	s[w] = '\0';
	return w;
}

/* 1 when s holds only white space, form feeds, BOMs and U+3000. */
static int is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		    c == '\v')
			continue;
		if (i + 2 < len && ((c == 0xE3 && memcmp(s + i + 1, "\x80\x80", 2) == 0) ||
				    (c == 0xEF && memcmp(s + i + 1, "\xBB\xBF", 2) == 0))) {
			i += 2;
			continue;
		}
		return 0;
	}
	return 1;
}

/* Turn the text bytes into in->text.  own, when not NULL, is the buffer
 * that holds bytes: UTF-8 text is then taken over instead of copied. */
static int decode_text(const char *bytes, size_t len, const char *enc,
		       gj_buf *own, gj_input *in, gj_diag *d)
{
	const unsigned char *u = (const unsigned char *)bytes;
	gj_buf b;
	gj_buf_init(&b);
	if (!enc && len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
				 (u[0] == 0xFE && u[1] == 0xFF))) {
		/* UTF-16 with a BOM, as Windows Notepad saves */
		int r = convert_text(u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
				     bytes + 2, len - 2, &b);
		if (r != 0) {
			if (r == -2)
				gj_diag_set(d, 0, 0, "cannot convert UTF-16: %s",
					    strerror(errno));
			else
				gj_diag_set(d, 0, 0, "not valid UTF-16 text");
			gj_buf_release(&b);
			return -1;
		}
		if (b.len && memchr(b.data, '\0', b.len)) {
			gj_diag_set(d, 0, 0, "binary file (NUL bytes)");
			gj_buf_release(&b);
			return -1;
		}
		in->encoding = "utf-16";
	} else {
		if (memchr(bytes, '\0', len < BINARY_SCAN ? len : BINARY_SCAN)) {
			gj_diag_set(d, 0, 0, "binary file (NUL bytes)");
			return -1;
		}
		int gb = enc && strcmp(enc, "gb18030") == 0;
		size_t skip = !gb && len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0
			      ? 3 : 0;
		if (!gb && gj_utf8_valid(bytes + skip, len - skip)) {
			if (own && own->data == bytes) {
				b = *own;
				gj_buf_init(own);
				memmove(b.data, b.data + skip, len - skip);
				b.len = len - skip;
				b.data[b.len] = '\0';
			} else {
				gj_buf_add(&b, bytes + skip, len - skip);
			}
			in->encoding = "utf-8";
		} else if (enc && !gb) {
			gj_diag_set(d, 0, 0, "not UTF-8 text");
			return -1;
		} else {
			int r = convert_text("GB18030", bytes, len, &b);
			if (r != 0) {
				if (r == -2)
					gj_diag_set(d, 0, 0, "cannot convert GB18030: %s",
						    strerror(errno));
				else
					gj_diag_set(d, 0, 0, gb ? "not GB18030 text"
							  : "not UTF-8 or GB18030 text");
				gj_buf_release(&b);
				return -1;
			}
			in->encoding = "gb18030";
		}
	}
	/* a BOM that came through conversion (GB18030's 84 31 95 33) */
	if (b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0) {
		memmove(b.data, b.data + 3, b.len - 3);
		b.len -= 3;
		b.data[b.len] = '\0';
	}
	if (b.len == 0 || is_blank(b.data, b.len)) {
		gj_buf_release(&b);
		in->encoding = NULL;
		gj_diag_set(d, 0, 0, "empty file");
		return -1;
	}
	in->text = gj_buf_detach(&b, &in->len);
	in->len = fix_line_ends(in->text, in->len);
	return 0;
}

/* Read all of fd into b, at most max bytes; -1 with errno, -2 too large. */
static int read_all(int fd, gj_buf *b, size_t max)
{
	char tmp[65536];
	for (;;) {
		ssize_t n = read(fd, tmp, sizeof tmp);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			return 0;
		if ((size_t)n > max - b->len)
			return -2;
		gj_buf_add(b, tmp, (size_t)n);
	}
}

static int open_pipe(int p[2])
{
	if (pipe(p) != 0)
		return -1;
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static long elapsed_ms(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - start->tv_sec) * 1000 +
	       (now.tv_nsec - start->tv_nsec) / 1000000;
}


/* The line at *s (up to end), trimmed of white space and full stops, in
 * [*a, *z); *s moves past it. */
static void take_line(const char **s, const char *end, const char **a,
		      const char **z)
{
	const char *nl = memchr(*s, '\n', (size_t)(end - *s));
	const char *p = *s, *q = nl ? nl : end;
	while (p < q && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r' ||
			 q[-1] == '.'))
		q--;
	*a = p;
	*z = q;
	*s = nl ? nl + 1 : end;
}

static int has_word(const char *a, const char *z, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = a; (size_t)(z - p) >= n; p++)
		if (memcmp(p, w, n) == 0)
			return 1;
	return 0;
}

/* The line of pdftotext's stderr to show: the first that says "Error"
 * (poppler writes warnings first), else the first non-blank one; cut at
 * ERR_LINE bytes on a character boundary.  "" when there is none. */
static void pick_error_line(const gj_buf *err, char line[ERR_LINE + 1])
{
	line[0] = '\0';
	if (err->len == 0)
		return;
	const char *end = err->data + err->len, *pick = NULL, *pick_end = NULL;
	for (int pass = 0; pass < 2 && !pick; pass++) {
		const char *s = err->data;
		while (s < end && !pick) {
			const char *a, *z;
			take_line(&s, end, &a, &z);
			if (z > a && (pass == 1 || has_word(a, z, "Error"))) {
				pick = a;
				pick_end = z;
			}
		}
	}
	if (!pick)
		return;
	size_t n = (size_t)(pick_end - pick);
	if (n > ERR_LINE) {
		n = ERR_LINE;
		while (n > 0 && ((unsigned char)pick[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(line, pick, n);
	line[n] = '\0';
}

/* In the child after fork: stdout and stderr into the pipes, /dev/null on
 * stdin, then pdftotext.  Only async-signal-safe calls.  On failure the
 * errno of execvp goes down report (closed on exec when it works). */
static _Noreturn void exec_pdftotext(char **argv, int out, int err, int report)
{
	/* move the pipes above 2 first: the parent may have run with 0-2
	 * closed, so a pipe could sit where it is about to be put */
	out = fcntl(out, F_DUPFD_CLOEXEC, 3);
	err = fcntl(err, F_DUPFD_CLOEXEC, 3);
	report = fcntl(report, F_DUPFD_CLOEXEC, 3);
	int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (out < 0 || err < 0 || in < 0 || dup2(in, 0) < 0 ||
	    dup2(out, 1) < 0 || dup2(err, 2) < 0)
		_exit(126);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;   /* if the caller ignores SIGPIPE */
	sigaction(SIGPIPE, &sa, NULL);
	execvp(argv[0], argv);
	int e = errno;
	if (write(report, &e, sizeof e) < 0)
		_exit(127);
	_exit(127);
}

/* Run pdftotext on path, its text into out (at most limit bytes); never
 * longer than PDF_TIMEOUT_MS.  The child is always reaped and every pipe
 * closed. */
static int run_pdftotext(const char *path, size_t limit, gj_buf *out,
			 gj_diag *d)
{
	int po[2] = { -1, -1 }, pe[2] = { -1, -1 }, px[2] = { -1, -1 };
	gj_buf arg;
	gj_buf_init(&arg);
	if (path[0] == '-')   /* not to be taken for an option */
		gj_buf_adds(&arg, "./");
	gj_buf_adds(&arg, path);
	char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", arg.data, "-",
			 NULL };
	pid_t pid = -1;
	if (open_pipe(po) == 0 && open_pipe(pe) == 0 && open_pipe(px) == 0)
		pid = fork();
	if (pid == 0)
		exec_pdftotext(argv, po[1], pe[1], px[1]);
	int fork_errno = errno;
	close_fd(&po[1]);
	close_fd(&pe[1]);
	close_fd(&px[1]);
	gj_buf_release(&arg);
	if (pid < 0) {
		close_fd(&po[0]);
		close_fd(&pe[0]);
		close_fd(&px[0]);
		gj_diag_set(d, 0, 0, "cannot read PDF: cannot run pdftotext (%s)",
			    strerror(fork_errno));
		return -1;
	}

	/* did the exec work?  EOF says yes, an errno says no */
	int exec_errno = 0;
	for (;;) {
		ssize_t n = read(px[0], &exec_errno, sizeof exec_errno);
		if (n < 0 && errno == EINTR)
			continue;
		if (n != (ssize_t)sizeof exec_errno)
			exec_errno = 0;
		break;
	}
	close_fd(&px[0]);
	if (exec_errno) {
		close_fd(&po[0]);
		close_fd(&pe[0]);
	}

	gj_buf err;
	gj_buf_init(&err);
	struct pollfd fds[2] = { { po[0], POLLIN, 0 }, { pe[0], POLLIN, 0 } };
	int open_fds = exec_errno ? 0 : 2, timed_out = 0, too_big = 0;
	int poll_errno = 0;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (open_fds > 0 && !too_big) {
		long left = PDF_TIMEOUT_MS - elapsed_ms(&start);
		if (left <= 0) {
			timed_out = 1;
			break;
		}
		int r = poll(fds, 2, left > INT_MAX ? INT_MAX : (int)left);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			poll_errno = errno;
			break;
		}
		for (int i = 0; i < 2 && !too_big; i++) {
			if (fds[i].fd < 0 || fds[i].revents == 0)
				continue;
			char tmp[65536];
			ssize_t n = read(fds[i].fd, tmp, sizeof tmp);
			if (n < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (n <= 0) {
				close_fd(&fds[i].fd);
				open_fds--;
			} else if (i == 0) {
				if ((size_t)n > limit - out->len)
					too_big = 1;
				else
					gj_buf_add(out, tmp, (size_t)n);
			} else if (err.len < ERR_KEEP) {   /* the rest is drained */
				size_t keep = ERR_KEEP - err.len;
				gj_buf_add(&err, tmp, (size_t)n < keep ? (size_t)n : keep);
			}
		}
	}
	close_fd(&fds[0].fd);
	close_fd(&fds[1].fd);

	/* reap the child: it is exiting once both pipes are closed, but give
	 * up at the time limit all the same */
	int status = 0, reaped = 0;
	if (!timed_out && !too_big && !poll_errno) {
		for (;;) {
			pid_t w = waitpid(pid, &status, WNOHANG);
			if (w == pid) {
				reaped = 1;
				break;
			}
			if (w < 0 && errno != EINTR)
				break;   /* ECHILD: SIGCHLD ignored, reaped by the system */
			if (elapsed_ms(&start) >= PDF_TIMEOUT_MS) {
				timed_out = 1;
				break;
			}
			poll(NULL, 0, 10);
		}
	}
	if (!reaped) {
		if (timed_out || too_big || poll_errno)
			kill(pid, SIGKILL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}

	char line[ERR_LINE + 1];
	pick_error_line(&err, line);
	int code = reaped && WIFEXITED(status) ? WEXITSTATUS(status) : 0;
	int rc = -1;
	if (exec_errno == ENOENT)
		gj_diag_set(d, 0, 0, "cannot read PDF: pdftotext not found "
			    "(install poppler-utils)");
	else if (exec_errno)
		gj_diag_set(d, 0, 0, "cannot read PDF: cannot run pdftotext (%s)",
			    strerror(exec_errno));
	else if (poll_errno)
		gj_diag_set(d, 0, 0, "cannot read PDF: %s", strerror(poll_errno));
	else if (timed_out)
		gj_diag_set(d, 0, 0, "cannot read PDF: pdftotext timed out");
	else if (too_big)
		gj_diag_set(d, 0, 0, "cannot read PDF: its text is larger than %zu bytes",
			    limit);
	else if (code == 1 && err.len && has_word(err.data, err.data + err.len,
						   "password"))
		gj_diag_set(d, 0, 0, "cannot read PDF: it is password-protected");
	else if (code == 1)   /* poppler: "error opening a PDF file" */
		gj_diag_set(d, 0, 0, "cannot read PDF: damaged or truncated file");
	else if (code == 3)
		gj_diag_set(d, 0, 0, "cannot read PDF: copying its text is not permitted");
	else if ((code != 0 || (reaped && WIFSIGNALED(status))) && line[0])
		gj_diag_set(d, 0, 0, "cannot read PDF: %s", line);
	else if (code != 0)
		gj_diag_set(d, 0, 0, "cannot read PDF: pdftotext failed (exit status %d)",
			    code);
	else if (reaped && WIFSIGNALED(status))
		gj_diag_set(d, 0, 0, "cannot read PDF: pdftotext killed by signal %d",
			    WTERMSIG(status));
	else
		rc = 0;
	gj_buf_release(&err);
	return rc;
}

/* Drop NUL bytes (a broken font can map glyphs to U+0000); new length. */
static size_t drop_nuls(char *s, size_t len)
{
	size_t w = 0;
	for (size_t r = 0; r < len; r++)
		if (s[r] != '\0')
			s[w++] = s[r];
	s[w] = '\0';
	return w;
}

static int read_pdf(const char *path, size_t max, gj_input *in, gj_diag *d)
{
	size_t limit = max > SIZE_MAX / 4 ? SIZE_MAX - 1 : max * 4;
	gj_buf b;
	gj_buf_init(&b);
	if (run_pdftotext(path, limit, &b, d) != 0) {
		gj_buf_release(&b);
		return -1;
	}
	if (b.len)
		b.len = drop_nuls(b.data, b.len);
	if (b.len == 0 || is_blank(b.data, b.len)) {
		gj_buf_release(&b);
		gj_diag_set(d, 0, 0, "PDF has no text layer (scanned?); run OCR first");
		return -1;
	}
	if (!gj_utf8_valid(b.data, b.len)) {
		gj_buf_release(&b);
		gj_diag_set(d, 0, 0, "cannot read PDF: its text is not valid UTF-8");
		return -1;
	}
	in->encoding = "utf-8";
	in->text = gj_buf_detach(&b, &in->len);
	in->len = fix_line_ends(in->text, in->len);
	return 0;
}

static size_t max_of(const gj_input_options *opt)
{
	return opt && opt->max_bytes ? opt->max_bytes : DEFAULT_MAX;
}

int gj_input_read(const char *path, const gj_input_options *opt, gj_input *in,
		  gj_diag *d)
{
	memset(in, 0, sizeof *in);
	const char *enc;
	if (pick_encoding(opt, &enc, d) != 0)
		return -1;
	size_t max = max_of(opt);
	/* without blocking: a FIFO or a device named as a report is refused
	 * below, never waited on */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		gj_diag_set(d, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		gj_diag_set(d, 0, 0, "cannot read: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		gj_diag_set(d, 0, 0, "is a directory");
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		gj_diag_set(d, 0, 0, "not a regular file (a pipe or a device): save the report to a file first");
		close(fd);
		return -1;
	}
	/* reads block as usual from here (a regular file never waits) */
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
		gj_diag_set(d, 0, 0, "file too large (%lld bytes, limit %zu)",
			    (long long)st.st_size, max);
		close(fd);
		return -1;
	}
	gj_buf b;
	gj_buf_init(&b);
	int r = read_all(fd, &b, max);
	int read_errno = errno;
	close(fd);
	if (r != 0) {
		gj_buf_release(&b);
		if (r == -2)   /* grew while read, or not a regular file */
			gj_diag_set(d, 0, 0, "file too large (over %zu bytes, limit %zu)",
				    max, max);
		else
			gj_diag_set(d, 0, 0, "cannot read: %s", strerror(read_errno));
		return -1;
	}
	if (b.len == 0) {
		gj_diag_set(d, 0, 0, "empty file");
		return -1;
	}
	in->kind = detect_kind(path, b.data, b.len);
	int rc;
	if (in->kind == GJ_KIND_PDF)
		rc = read_pdf(path, max, in, d);
	else
		rc = decode_text(b.data, b.len, enc, &b, in, d);
	gj_buf_release(&b);
	return rc;
}

/* Write len bytes to a new private file in $TMPDIR (else /tmp) for
 * pdftotext, read it, remove it. */
static int read_pdf_mem(const char *bytes, size_t len, size_t max, gj_input *in,
			gj_diag *d)
{
	const char *dir = getenv("TMPDIR");
	gj_buf path;
	gj_buf_init(&path);
	gj_buf_addf(&path, "%s/gouji-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path.data);
	if (fd < 0) {
		gj_diag_set(d, 0, 0, "cannot read PDF: cannot create a temporary "
			    "file (%s)", strerror(errno));
		gj_buf_release(&path);
		return -1;
	}
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	int werr = 0;
	for (size_t off = 0; off < len && !werr;) {
		ssize_t n = write(fd, bytes + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			werr = n < 0 ? errno : EIO;
		else
			off += (size_t)n;
	}
	if (close(fd) != 0 && !werr)
		werr = errno;
	int rc;
	if (werr) {
		gj_diag_set(d, 0, 0, "cannot read PDF: cannot write a temporary "
			    "file (%s)", strerror(werr));
		rc = -1;
	} else {
		rc = read_pdf(path.data, max, in, d);
	}
	unlink(path.data);
	gj_buf_release(&path);
	return rc;
}

int gj_input_read_mem(const char *name, const char *bytes, size_t len,
		      const gj_input_options *opt, gj_input *in, gj_diag *d)
{
	memset(in, 0, sizeof *in);
	const char *enc;
	if (pick_encoding(opt, &enc, d) != 0)
		return -1;
	size_t max = max_of(opt);
	if (len > max) {
		gj_diag_set(d, 0, 0, "file too large (%zu bytes, limit %zu)", len, max);
		return -1;
	}
	if (len == 0) {
		gj_diag_set(d, 0, 0, "empty file");
		return -1;
	}
	in->kind = detect_kind(name, bytes, len);
	if (in->kind == GJ_KIND_PDF)
		return read_pdf_mem(bytes, len, max, in, d);
	return decode_text(bytes, len, enc, NULL, in, d);
}

void gj_input_release(gj_input *in)
{
	free(in->text);
	in->text = NULL;
	in->len = 0;
}
