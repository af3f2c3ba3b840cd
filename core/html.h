/*
 * html.h — the text of a report published as a web page (.html, or the
 * HTML blocks of a Markdown file), for the text pipeline.  Parsed by gumbo
 * (only html.c includes gumbo.h): tags, comments, scripts and styles are
 * dropped, character references decoded, each text written at its line
 * and column of the source, so a place in the text is the same place in
 * the file; table cells start with a tab, and each table row is handed
 * over as a row of fields (grid.h) for the table reader.
 *
 * The caller frees the result and releases the info.
 */
#ifndef GJ_HTML_H
#define GJ_HTML_H

#include <stddef.h>
#include "grid.h"

/* What a page's text cannot show: a minified page is one line. */
typedef struct {
	char *heading;      /* the first h1's text, else the title element's,
	                     * spaces trimmed; NULL when neither has text */
	size_t *blocks;     /* offsets in the text where a block (p, div, h1,
	                     * li, tr, br …) starts, ascending */
	size_t nblocks;
	gj_grid grid;       /* the rows of its tables (<tr>), their fields the
	                     * cells' text, as offsets of the text */
} gj_html_info;

/* The text of the page s[0..len) (UTF-8), NUL-terminated; *out_len its
 * length.  Never NULL.  info may be NULL; else release it with
 * gj_html_info_release. */
char *gj_html_text(const char *s, size_t len, size_t *out_len, gj_html_info *info);
void gj_html_info_release(gj_html_info *info);

/* 1 when s looks like the start of an HTML page: after spaces (and a
 * UTF-8 BOM), "<!DOCTYPE html" or "<html", in any case. */
int gj_html_sniff(const char *s, size_t len);

/* 1 when s holds an HTML table ("<table" or "<td", in any case): a
 * Markdown text converted by pandoc keeps merged-cell tables so. */
int gj_html_has_table(const char *s, size_t len);

#endif
