/*
 * html.h — the text of a report published as a web page (.html), for the
 * text pipeline.  Tags, comments, scripts and styles are dropped, character
 * references decoded, table cells set apart by tabs; every newline of the
 * source is kept, so a line of the text is the same line of the file.
 *
 * Pure function; the caller frees the result.
 */
#ifndef GJ_HTML_H
#define GJ_HTML_H

#include <stddef.h>

/* The text of the page s[0..len) (UTF-8), NUL-terminated; *out_len its
 * length.  Never NULL.  *heading (when heading is not NULL) gets the text
 * of the page's first h1, else of its title element, spaces trimmed, or
 * NULL: a minified page is one line, and its title is not the first. */
char *gj_html_text(const char *s, size_t len, size_t *out_len, char **heading);

/* 1 when s looks like the start of an HTML page: after spaces (and a
 * UTF-8 BOM), "<!DOCTYPE html" or "<html", in any case. */
int gj_html_sniff(const char *s, size_t len);

#endif
