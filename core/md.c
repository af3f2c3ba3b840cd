/*
 * md.c — ask cmark which lines of a Markdown report are headings (ATX or
 * setext) and which are code blocks.  Part of the frame stage (doc.c).
 */
#include "md.h"

#include <cmark.h>
#include <strings.h>

int gj_md_line_kinds(const char *text, size_t len, unsigned char *kinds, int nlines)
{
	for (int i = 0; i < nlines; i++)
		kinds[i] = GJ_MD_TEXT;
	cmark_node *doc = cmark_parse_document(text, len, CMARK_OPT_DEFAULT);
	if (!doc)
		return 0;
	int headings = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		int kind = t == CMARK_NODE_HEADING ? GJ_MD_HEADING
			 : t == CMARK_NODE_CODE_BLOCK ? GJ_MD_CODE : -1;
		if (kind < 0)
			continue;
		int a = cmark_node_get_start_line(n), e = cmark_node_get_end_line(n);
		if (kind == GJ_MD_HEADING)
			e = a;   /* a setext heading's underline is not its text */
		for (int l = a; l <= e && l <= nlines; l++)
			if (l >= 1)
				kinds[l - 1] = (unsigned char)kind;
		headings += kind == GJ_MD_HEADING;
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return headings;
}

char *gj_md_to_html(const char *text, size_t len)
{
	/* CMARK_OPT_SAFE drops raw HTML and javascript: links: a report's
	 * text must not script the page it is shown in */
	return cmark_markdown_to_html(text, len, CMARK_OPT_SAFE);
}

int gj_html_is_page(const char *text, size_t len)
{
	static const char doctype[] = "<!DOCTYPE html";
	size_t n = sizeof doctype - 1;
	if (!text)
		return 0;
	while (len > 0 && (*text == ' ' || *text == '\t' || *text == '\r' || *text == '\n')) {
		text++;
		len--;
	}
	return len >= n && strncasecmp(text, doctype, n) == 0;
}
