/*
 * util.h — small shared pieces: growable byte buffers, diagnostics, checked
 * allocation.  Every other module of the core uses these; nothing here knows
 * about reports.
 *
 * Ownership: a gj_buf owns its bytes; gj_buf_release frees them.  A gj_diag
 * is filled by a failing call and owned by the caller (fixed-size storage).
 */
#ifndef GJ_UTIL_H
#define GJ_UTIL_H

#include <stddef.h>
#include <stdarg.h>

typedef struct {
	char *data;   /* always NUL-terminated when len > 0 or after init */
	size_t len;
	size_t cap;
} gj_buf;

void gj_buf_init(gj_buf *b);
void gj_buf_release(gj_buf *b);
void gj_buf_add(gj_buf *b, const char *s, size_t len);
void gj_buf_adds(gj_buf *b, const char *s);
void gj_buf_addc(gj_buf *b, char c);
void gj_buf_addf(gj_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Take the bytes out of the buffer; the caller frees them. */
char *gj_buf_detach(gj_buf *b, size_t *len);

/* A problem found while reading: message plus where (0 = unknown). */
typedef struct {
	char message[512];
	char file[256];
	int line;
	int column;
} gj_diag;

void gj_diag_set(gj_diag *d, int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Name the file a diagnostic is about (cut to fit). */
void gj_diag_file(gj_diag *d, const char *path);

/* The whole of a regular file of at most max bytes, NUL-terminated (the
 * caller frees it), or NULL with errno set and d->message saying why,
 * without the file's name: "No such file or directory", "not a regular
 * file", "larger than N bytes".  It is opened without blocking, so a FIFO
 * or a device is refused, never waited on or read without end. */
char *gj_read_file(const char *path, size_t max, size_t *len, gj_diag *d);

/* The same for a file that must lie inside the folder dir, wherever its
 * symbolic links lead: one that leads out of it is refused ("leads out
 * of 'DIR'"), so a rule pack cannot read a file beside it. */
char *gj_read_file_in(const char *dir, const char *path, size_t max, size_t *len,
		      gj_diag *d);

/* Allocation that aborts on failure: the core cannot go on without memory. */
void *gj_xmalloc(size_t n);
void *gj_xcalloc(size_t n, size_t size);
void *gj_xrealloc(void *p, size_t n);
char *gj_xstrdup(const char *s);
char *gj_xstrndup(const char *s, size_t n);

/* Decode one UTF-8 code point at s (len bytes available).  Returns the
 * number of bytes used (1..4), or 0 on an invalid sequence; *cp gets the
 * code point. */
int gj_utf8_decode(const unsigned char *s, size_t len, unsigned *cp);
/* Encode cp into out (at least 4 bytes); returns bytes written. */
int gj_utf8_encode(unsigned cp, char *out);
/* 1 when the len bytes at s are valid UTF-8. */
int gj_utf8_valid(const char *s, size_t len);

/* 1 when w[0..wn) occurs in s[0..n) (an empty w always does). */
int gj_contains(const char *s, size_t n, const char *w, size_t wn);

/* FNV-1a: h is GJ_HASH_SEED to start, or a hash to go on from. */
#define GJ_HASH_SEED 2166136261u
unsigned gj_hash_bytes(unsigned h, const char *s, size_t n);
unsigned gj_hash_str(unsigned h, const char *s);

/* Chains of indexes by bucket, for a hash index over an array: head and
 * tail per bucket, next per entry (-1 ends a chain).  Entry i joins
 * bucket k's chain at its end, so a bucket's entries stay in the order
 * they were added. */
void gj_chain_add(int *head, int *tail, int *next, unsigned k, int i);

#endif
