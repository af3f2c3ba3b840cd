/*
 * md.h — Markdown structure, from cmark: which lines are headings and which
 * are code.  The section finder (doc.c) prefers a heading line for a part's
 * title, so "一、总体情况" in an introduction's list or a quoted template
 * is not taken for the part itself.  Only md.c includes cmark-gfm.h.
 */
#ifndef GJ_MD_H
#define GJ_MD_H

#include <stddef.h>

enum { GJ_MD_TEXT = 0, GJ_MD_HEADING = 1, GJ_MD_CODE = 2 };

/* Fill kinds[0..nlines) (line n at index n-1) with GJ_MD_* for the
 * Markdown text[0..len).  Returns the number of heading lines. */
int gj_md_line_kinds(const char *text, size_t len, unsigned char *kinds, int nlines);

/* Render Markdown to HTML (cmark-gfm with GitHub's tables; raw HTML and
 * unsafe links dropped).  The caller frees the result. */
char *gj_md_to_html(const char *text, size_t len);

/* Does text[0..len) start with "<!DOCTYPE html" (any case, after white
 * space)?  Such output is already a page: --html writes it as it is. */
int gj_html_is_page(const char *text, size_t len);

#endif
