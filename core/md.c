/*
 * md.c — ask cmark-gfm which lines of a Markdown report are headings (ATX
 * or setext) and which are code blocks (part of the frame stage, doc.c),
 * and render Markdown output to HTML with GitHub's tables.
 */
#include "md.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <pthread.h>
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

static pthread_once_t extensions_once = PTHREAD_ONCE_INIT;

static void register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

char *gj_md_to_html(const char *text, size_t len)
{
	pthread_once(&extensions_once, register_extensions);
	/* the default drops raw HTML and javascript: links (CMARK_OPT_UNSAFE
	 * is never set): a report's text must not script the page it is
	 * shown in */
	int opt = CMARK_OPT_DEFAULT;
	cmark_parser *p = cmark_parser_new(opt);
	cmark_syntax_extension *table = cmark_find_syntax_extension("table");
	if (table)
		cmark_parser_attach_syntax_extension(p, table);
	cmark_parser_feed(p, text, len);
	cmark_node *doc = cmark_parser_finish(p);
	char *html = cmark_render_html(doc, opt, cmark_parser_get_syntax_extensions(p));
	cmark_node_free(doc);
	cmark_parser_free(p);
	return html;
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
