/*
 * util.c — buffers, diagnostics, allocation and UTF-8 helpers used by every
 * stage of the pipeline (read → normalise → sections → tables → model).
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void *gj_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fputs("gouji: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *gj_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p) {
		fputs("gouji: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *gj_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		fputs("gouji: out of memory\n", stderr);
		abort();
	}
	return q;
}

char *gj_xstrdup(const char *s)
{
	return gj_xstrndup(s, strlen(s));
}

char *gj_xstrndup(const char *s, size_t n)
{
	char *p = gj_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *gj_read_file(const char *path, size_t max, size_t *len, gj_diag *d)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		int e = errno;
		gj_diag_set(d, 0, 0, "%s", strerror(e));
		errno = e;
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		gj_diag_set(d, 0, 0, "not a regular file");
		errno = EINVAL;
		return NULL;
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		gj_diag_set(d, 0, 0, "larger than %zu bytes", max);
		errno = EFBIG;
		return NULL;
	}
	gj_buf b;
	gj_buf_init(&b);
	gj_buf_add(&b, "", 0);
	char tmp[8192];
	for (;;) {
		ssize_t n = read(fd, tmp, sizeof tmp);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			gj_buf_release(&b);
			gj_diag_set(d, 0, 0, "%s", strerror(e));
			errno = e;
			return NULL;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > max) {   /* it grew while read */
			close(fd);
			gj_buf_release(&b);
			gj_diag_set(d, 0, 0, "larger than %zu bytes", max);
			errno = EFBIG;
			return NULL;
		}
		gj_buf_add(&b, tmp, (size_t)n);
	}
	close(fd);
	return gj_buf_detach(&b, len);
}

char *gj_read_file_in(const char *dir, const char *path, size_t max, size_t *len,
		      gj_diag *d)
{
	char rdir[PATH_MAX], rpath[PATH_MAX];
	if (!realpath(dir, rdir) || !realpath(path, rpath)) {
		int e = errno;
		gj_diag_set(d, 0, 0, "%s", strerror(e));
		errno = e;
		return NULL;
	}
	size_t n = strlen(rdir);
	if (strncmp(rpath, rdir, n) != 0 || (rpath[n] != '/' && strcmp(rdir, "/") != 0)) {
		gj_diag_set(d, 0, 0, "leads out of '%s'", dir);
		errno = EACCES;
		return NULL;
	}
	return gj_read_file(rpath, max, len, d);
}

void gj_buf_init(gj_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void gj_buf_release(gj_buf *b)
{
	free(b->data);
	gj_buf_init(b);
}

static void grow(gj_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = gj_xrealloc(b->data, cap);
	b->cap = cap;
}

void gj_buf_add(gj_buf *b, const char *s, size_t len)
{
	grow(b, len);
	if (len)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void gj_buf_adds(gj_buf *b, const char *s)
{
	gj_buf_add(b, s, strlen(s));
}

void gj_buf_addc(gj_buf *b, char c)
{
	gj_buf_add(b, &c, 1);
}

void gj_buf_addf(gj_buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof tmp) {
		gj_buf_add(b, tmp, (size_t)n);
		return;
	}
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *gj_buf_detach(gj_buf *b, size_t *len)
{
	char *p = b->data ? b->data : gj_xstrdup("");
	if (len)
		*len = b->len;
	gj_buf_init(b);
	return p;
}

void gj_diag_set(gj_diag *d, int line, int column, const char *fmt, ...)
{
	if (!d)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(d->message, sizeof d->message, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof d->message) {
		/* cut to fit: not inside a character (a rule's error may be
		 * Chinese text of any length) */
		size_t end = sizeof d->message - 1;
		size_t start = end;
		while (start > 0 && ((unsigned char)d->message[start - 1] & 0xC0) == 0x80)
			start--;
		if (start > 0 && (unsigned char)d->message[start - 1] >= 0xC0) {
			unsigned cp;
			const unsigned char *c = (const unsigned char *)d->message + start - 1;
			if (gj_utf8_decode(c, end - (start - 1), &cp) == 0)
				d->message[start - 1] = '\0';
		}
	}
	d->line = line;
	d->column = column;
}

void gj_diag_file(gj_diag *d, const char *path)
{
	size_t n = strlen(path);
	if (n >= sizeof d->file)
		n = sizeof d->file - 1;
	memcpy(d->file, path, n);
	d->file[n] = '\0';
}

int gj_utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
	if (len == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int n;
	unsigned min;
	if ((c & 0xE0) == 0xC0) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if ((size_t)n > len)
		return 0;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and values past U+10FFFF are invalid */
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

int gj_utf8_encode(unsigned cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int gj_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned cp;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		int n = gj_utf8_decode(p + i, len - i, &cp);
		if (n == 0)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

int gj_contains(const char *s, size_t n, const char *w, size_t wn)
{
	if (wn == 0)
		return 1;
	const char *end = s + n;
	while ((size_t)(end - s) >= wn) {
		const char *at = memchr(s, (unsigned char)w[0], (size_t)(end - s) - wn + 1);
		if (!at)
			return 0;
		if (memcmp(at, w, wn) == 0)
			return 1;
		s = at + 1;
	}
	return 0;
}

unsigned gj_hash_bytes(unsigned h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

unsigned gj_hash_str(unsigned h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void gj_chain_add(int *head, int *tail, int *next, unsigned k, int i)
{
	next[i] = -1;
	if (tail[k] < 0)
		head[k] = i;
	else
		next[tail[k]] = i;
	tail[k] = i;
}
