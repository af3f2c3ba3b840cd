/*
 * input.c — the first stage: a file as published becomes valid UTF-8 text
 * with LF line ends.  Picks the kind (PDF by its signature, YAML and
 * Markdown by extension), the encoding (UTF-8 with or without BOM, UTF-16
 * with BOM, else GB18030 — a superset of GBK and GB2312), refuses what is
 * not a report, and runs pdftotext for PDFs.
 */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_MAX (64u * 1024 * 1024)
#define PDF_TIMEOUT_S 60

const char *gj_kind_name(gj_kind k)
{
	switch (k) {
	case GJ_KIND_MARKDOWN: return "markdown";
	case GJ_KIND_PDF: return "pdf";
	case GJ_KIND_YAML: return "yaml";
	default: return "text";
	}
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	if (a < b)
		return 0;
	for (size_t i = 0; i < b; i++) {
		char c = s[a - b + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != suffix[i])
			return 0;
	}
	return 1;
}

static gj_kind kind_of(const char *name, const char *bytes, size_t len)
{
	size_t i = 0;
	while (i < len && i < 1024 && (bytes[i] == ' ' || bytes[i] == '\n' ||
				       bytes[i] == '\r' || bytes[i] == '\t'))
		i++;
	if (len - i >= 5 && memcmp(bytes + i, "%PDF-", 5) == 0)
		return GJ_KIND_PDF;
	if (name && (ends_with(name, ".yaml") || ends_with(name, ".yml")))
		return GJ_KIND_YAML;
	if (name && (ends_with(name, ".md") || ends_with(name, ".markdown")))
		return GJ_KIND_MARKDOWN;
	return GJ_KIND_TEXT;
}

/* Convert with iconv; 0 when the whole input converted. */
static int convert(const char *from, const char *bytes, size_t len, gj_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -1;
	char *in = (char *)bytes;
	size_t inleft = len;
	char tmp[8192];
	int rc = 0;
	while (inleft > 0) {
		char *o = tmp;
		size_t oleft = sizeof tmp;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		gj_buf_add(out, tmp, sizeof tmp - oleft);
		if (r == (size_t)-1 && errno != E2BIG) {
			rc = -1;
			break;
		}
	}
	if (rc == 0) {   /* flush the shift state */
		char *o = tmp;
		size_t oleft = sizeof tmp;
		if (iconv(cd, NULL, NULL, &o, &oleft) == (size_t)-1)
			rc = -1;
		gj_buf_add(out, tmp, sizeof tmp - oleft);
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

static int only_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
			continue;
		/* U+3000 ideographic space */
		if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80) {
			i += 2;
			continue;
		}
		return 0;
	}
	return 1;
}

/* Decode text bytes into in->text. */
static int decode(const char *bytes, size_t len, const gj_input_options *opt,
		  gj_input *in, gj_diag *d)
{
	const char *enc = opt ? opt->encoding : NULL;
	gj_buf b;
	gj_buf_init(&b);
	if (enc && strcmp(enc, "utf-8") != 0 && strcmp(enc, "utf8") != 0 &&
	    strcmp(enc, "UTF-8") != 0 && strcmp(enc, "gb18030") != 0 &&
	    strcmp(enc, "gbk") != 0 && strcmp(enc, "gb2312") != 0 &&
	    strcmp(enc, "GB18030") != 0 && strcmp(enc, "GBK") != 0) {
		gj_diag_set(d, 0, 0, "unknown encoding '%s' (use utf-8 or gb18030)", enc);
		return -1;
	}
	int force_gb = enc && (enc[0] == 'g' || enc[0] == 'G');
	int force_utf8 = enc && !force_gb;
	const unsigned char *u = (const unsigned char *)bytes;

	if (!force_gb && len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		bytes += 3;
		len -= 3;
	} else if (!enc && len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
				       (u[0] == 0xFE && u[1] == 0xFF))) {
		/* UTF-16 with a BOM, as Windows Notepad saves */
		if (convert(u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", bytes + 2,
			    len - 2, &b) != 0) {
			gj_buf_release(&b);
			gj_diag_set(d, 0, 0, "not valid UTF-16 text");
			return -1;
		}
		in->encoding = "utf-16";
		goto done;
	}
	if (!force_gb && memchr(bytes, '\0', len < 65536 ? len : 65536)) {
		gj_diag_set(d, 0, 0, "binary file (NUL bytes)");
		return -1;
	}
	if (!force_gb && gj_utf8_valid(bytes, len)) {
		gj_buf_add(&b, bytes, len);
		in->encoding = "utf-8";
	} else if (force_utf8) {
		gj_diag_set(d, 0, 0, "not UTF-8 text");
		return -1;
	} else if (convert("GB18030", bytes, len, &b) == 0) {
		in->encoding = "gb18030";
	} else {
		gj_buf_release(&b);
		gj_diag_set(d, 0, 0, force_gb ? "not GB18030 text"
					      : "not UTF-8 or GB18030 text");
		return -1;
	}
done:
	if (b.len == 0 || only_blank(b.data, b.len) ||
	    (b.len >= 3 && only_blank(b.data + 3, b.len - 3) &&
	     memcmp(b.data, "\xEF\xBB\xBF", 3) == 0)) {
		gj_buf_release(&b);
		gj_diag_set(d, 0, 0, "empty file");
		return -1;
	}
	/* a BOM left by UTF-16 conversion */
	if (b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0) {
		memmove(b.data, b.data + 3, b.len - 3);
		b.len -= 3;
		b.data[b.len] = '\0';
	}
	in->text = gj_buf_detach(&b, &in->len);
	in->len = fix_line_ends(in->text, in->len);
	return 0;
}

/* Read all of fd into b, at most max bytes; -1 with errno, -2 too big. */
static int read_fd(int fd, gj_buf *b, size_t max)
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
		if (b->len + (size_t)n > max)
			return -2;
		gj_buf_add(b, tmp, (size_t)n);
	}
}

/* Run pdftotext -layout on path; its text into out. */
static int run_pdftotext(const char *path, size_t max, gj_buf *out, gj_diag *d)
{
	int po[2], pe[2];
	if (pipe(po) != 0)
		goto fail_errno;
	if (pipe(pe) != 0) {
		close(po[0]);
		close(po[1]);
		goto fail_errno;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
		goto fail_errno;
	}
	if (pid == 0) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
		int devnull = open("/dev/null", O_RDONLY);
		if (devnull >= 0) {
			dup2(devnull, 0);
			close(devnull);
		}
		char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-q",
				 (char *)path, "-", NULL };
		execvp("pdftotext", argv);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	gj_buf err;
	gj_buf_init(&err);
	struct pollfd fds[2] = { { po[0], POLLIN, 0 }, { pe[0], POLLIN, 0 } };
	int open_fds = 2, too_big = 0, timed_out = 0;
	time_t start = time(NULL);
	while (open_fds > 0) {
		int r = poll(fds, 2, 1000);
		if (r < 0 && errno != EINTR)
			break;
		if (time(NULL) - start > PDF_TIMEOUT_S) {
			timed_out = 1;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			char tmp[65536];
			ssize_t n = read(fds[i].fd, tmp, sizeof tmp);
			if (n <= 0) {
				if (n < 0 && errno == EINTR)
					continue;
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
				continue;
			}
			gj_buf *dst = i == 0 ? out : &err;
			if (dst->len + (size_t)n > (i == 0 ? max : 4096)) {
				if (i == 0) {
					too_big = 1;
					break;
				}
				continue;   /* enough of stderr */
			}
			gj_buf_add(dst, tmp, (size_t)n);
		}
		if (too_big)
			break;
	}
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	if (timed_out || too_big)
		kill(pid, SIGKILL);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int rc = 0;
	if (timed_out) {
		gj_diag_set(d, 0, 0, "cannot read PDF: pdftotext timed out");
		rc = -1;
	} else if (too_big) {
		gj_diag_set(d, 0, 0, "cannot read PDF: its text is larger than %zu bytes", max);
		rc = -1;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		gj_diag_set(d, 0, 0, "cannot read PDF: pdftotext not found (install poppler-utils)");
		rc = -1;
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* -q silences pdftotext; say what kind of failure it was */
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		const char *why = code == 1 ? "damaged or truncated file"
				: code == 3 ? "copying its text is not permitted"
				: "pdftotext failed";
		size_t el = err.len;
		while (el > 0 && (err.data[el - 1] == '\n' || err.data[el - 1] == ' '))
			el--;
		const char *nl = el ? memchr(err.data, '\n', el) : NULL;
		if (nl)
			el = (size_t)(nl - err.data);
		if (el)
			gj_diag_set(d, 0, 0, "cannot read PDF: %s (%.*s)", why, (int)el, err.data);
		else
			gj_diag_set(d, 0, 0, "cannot read PDF: %s", why);
		rc = -1;
	}
	gj_buf_release(&err);
	return rc;
fail_errno:
	gj_diag_set(d, 0, 0, "cannot run pdftotext: %s", strerror(errno));
	return -1;
}

static int read_pdf(const char *path, const gj_input_options *opt, gj_input *in,
		    gj_diag *d)
{
	size_t max = opt && opt->max_bytes ? opt->max_bytes : DEFAULT_MAX;
	gj_buf b;
	gj_buf_init(&b);
	if (run_pdftotext(path, max, &b, d) != 0) {
		gj_buf_release(&b);
		return -1;
	}
	if (b.len == 0 || only_blank(b.data, b.len)) {
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

int gj_input_read(const char *path, const gj_input_options *opt, gj_input *in,
		  gj_diag *d)
{
	memset(in, 0, sizeof *in);
	size_t max = opt && opt->max_bytes ? opt->max_bytes : DEFAULT_MAX;
	int fd = open(path, O_RDONLY);
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
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		gj_diag_set(d, 0, 0, "file too large (%lld bytes, limit %zu)",
			    (long long)st.st_size, max);
		close(fd);
		return -1;
	}
	gj_buf b;
	gj_buf_init(&b);
	int r = read_fd(fd, &b, max);
	close(fd);
	if (r == -2) {
		gj_buf_release(&b);
		gj_diag_set(d, 0, 0, "file too large (over %zu bytes)", max);
		return -1;
	}
	if (r != 0) {
		gj_diag_set(d, 0, 0, "cannot read: %s", strerror(errno));
		gj_buf_release(&b);
		return -1;
	}
	if (b.len == 0) {
		gj_buf_release(&b);
		gj_diag_set(d, 0, 0, "empty file");
		return -1;
	}
	in->kind = kind_of(path, b.data, b.len);
	if (in->kind == GJ_KIND_PDF) {
		gj_buf_release(&b);
		return read_pdf(path, opt, in, d);
	}
	int rc = decode(b.data, b.len, opt, in, d);
	gj_buf_release(&b);
	return rc;
}

int gj_input_read_mem(const char *name, const char *bytes, size_t len,
		      const gj_input_options *opt, gj_input *in, gj_diag *d)
{
	memset(in, 0, sizeof *in);
	size_t max = opt && opt->max_bytes ? opt->max_bytes : DEFAULT_MAX;
	if (len > max) {
		gj_diag_set(d, 0, 0, "file too large (%zu bytes, limit %zu)", len, max);
		return -1;
	}
	if (len == 0) {
		gj_diag_set(d, 0, 0, "empty file");
		return -1;
	}
	in->kind = kind_of(name, bytes, len);
	if (in->kind != GJ_KIND_PDF)
		return decode(bytes, len, opt, in, d);
	/* pdftotext reads files: write the bytes to a private temporary one */
	const char *dir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/gouji-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		gj_diag_set(d, 0, 0, "cannot make a temporary file: %s", strerror(errno));
		return -1;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t n = write(fd, bytes + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			gj_diag_set(d, 0, 0, "cannot write a temporary file: %s", strerror(errno));
			close(fd);
			unlink(path);
			return -1;
		}
		off += (size_t)n;
	}
	close(fd);
	int rc = read_pdf(path, opt, in, d);
	unlink(path);
	return rc;
}

void gj_input_release(gj_input *in)
{
	free(in->text);
	in->text = NULL;
	in->len = 0;
}
