/*
 * html.c — a web page's text with its source's lines (see html.h).
 *
 * Not a parser: a report's page is read for its words and its table cells,
 * and a browser's tolerance for broken markup is not needed for that.  A tag
 * is '<' then a letter, '/', '!' or '?', up to the '>' outside quotes; a
 * cell tag (td, th) becomes a tab, a block tag (p, div, br, tr, li, h1 …)
 * a space, any other tag nothing.  script, style and comments go whole.
 * Every newline, inside a tag or not, is kept.
 */
#include "html.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_alpha(int c)
{
	c = lower(c);
	return c >= 'a' && c <= 'z';
}

/* s[i..] starts with word, in any case */
static int starts_ci(const char *s, size_t len, size_t i, const char *word)
{
	size_t n = strlen(word);
	if (i + n > len)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (lower((unsigned char)s[i + k]) != word[k])
			return 0;
	return 1;
}

int gj_html_sniff(const char *s, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && i < 4096 && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return starts_ci(s, len, i, "<!doctype html") || starts_ci(s, len, i, "<html");
}

int gj_html_has_table(const char *s, size_t len)
{
	for (const char *p = s; (p = memchr(p, '<', len - (size_t)(p - s))) != NULL; p++)
		if (starts_ci(s, len, (size_t)(p - s), "<td") ||
		    starts_ci(s, len, (size_t)(p - s), "<table"))
			return 1;
	return 0;
}

/* Copy the newlines of s[a, b) (the text dropped with a tag). */
static void keep_newlines(gj_buf *b, const char *s, size_t a, size_t e)
{
	for (size_t k = a; k < e; k++)
		if (s[k] == '\n')
			gj_buf_addc(b, '\n');
}

/* Where the tag starting at s[i] == '<' ends (past its '>'), quotes in
 * its attributes skipped; 0 when it is no tag: another '<' or the end
 * comes first, or no '>' within MAX_TAG bytes ("a<b" in the text). */
#define MAX_TAG 4096

static size_t tag_end(const char *s, size_t len, size_t i)
{
	char quote = 0;
	size_t stop = len - i > MAX_TAG ? i + MAX_TAG : len;
	for (size_t k = i + 1; k < stop; k++) {
		char c = s[k];
		if (c == '<')
			return 0;   /* even in quotes: each byte is looked at twice at most */
		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			/* a quote opens an attribute's value only after '=' */
			size_t p = k;
			while (p > i && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\n'))
				p--;
			if (p > i && s[p - 1] == '=')
				quote = c;
		} else if (c == '>') {
			return k + 1;
		}
	}
	return 0;
}

static const char *const cell_tags[] = { "td", "th", NULL };
static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "br", "caption", "dd", "div",
	"dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
	"h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
	"section", "table", "tbody", "tfoot", "thead", "title", "tr", "ul", NULL
};

static int in_list(const char *name, const char *const *list)
{
	for (int k = 0; list[k]; k++)
		if (strcmp(name, list[k]) == 0)
			return 1;
	return 0;
}

/* A character reference at s[i] == '&': its UTF-8 in out (NUL-ended) and
 * its length in the source; 0 when it is none. */
static size_t char_ref(const char *s, size_t len, size_t i, char out[8])
{
	static const struct { const char *name; unsigned cp; } named[] = {
		{ "nbsp", 0xA0 }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' },
		{ "quot", '"' }, { "apos", '\'' }, { "ensp", 0x2002 },
		{ "emsp", 0x2003 }, { "thinsp", 0x2009 }, { "middot", 0xB7 },
		{ "ldquo", 0x201C }, { "rdquo", 0x201D }, { "lsquo", 0x2018 },
		{ "rsquo", 0x2019 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
		{ "hellip", 0x2026 }, { "times", 0xD7 }, { "copy", 0xA9 },
		{ "reg", 0xAE }, { "yen", 0xA5 }, { "deg", 0xB0 }, { NULL, 0 }
	};
	size_t k = i + 1;
	unsigned cp = 0;
	if (k < len && s[k] == '#') {
		int hex = k + 1 < len && (s[k + 1] == 'x' || s[k + 1] == 'X');
		k += hex ? 2 : 1;
		size_t digits = 0;
		while (k < len && digits < 8) {
			int c = lower((unsigned char)s[k]), v;
			if (c >= '0' && c <= '9')
				v = c - '0';
			else if (hex && c >= 'a' && c <= 'f')
				v = c - 'a' + 10;
			else
				break;
			cp = cp * (hex ? 16 : 10) + (unsigned)v;
			k++;
			digits++;
		}
		if (digits == 0 || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
	} else {
		int n;
		for (n = 0; named[n].name; n++)
			if (starts_ci(s, len, k, named[n].name)) {
				size_t nl = strlen(named[n].name);
				/* the whole name: "&ampx;" is no &amp; */
				if (k + nl < len && is_alpha((unsigned char)s[k + nl]))
					continue;
				break;
			}
		if (!named[n].name)
			return 0;
		cp = named[n].cp;
		k += strlen(named[n].name);
	}
	if (k < len && s[k] == ';')
		k++;
	/* "&#10;" must not add a line the file does not have */
	if (cp < 0x20 || cp == 0x7F)
		cp = ' ';
	int m = gj_utf8_encode(cp, out);
	out[m] = '\0';
	return k - i;
}

/* The text of b from offset a, spaces trimmed and runs of spaces made
 * one, or NULL when empty. */
static char *piece(const gj_buf *b, size_t a)
{
	gj_buf p;
	gj_buf_init(&p);
	int space = 0;
	for (size_t k = a; k < b->len; k++) {
		char c = b->data[k];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = p.len > 0;
			continue;
		}
		if (space)
			gj_buf_addc(&p, ' ');
		space = 0;
		gj_buf_addc(&p, c);
	}
	if (p.len == 0) {
		gj_buf_release(&p);
		return NULL;
	}
	return gj_buf_detach(&p, NULL);
}

/* The first element of a kind (h1, title) as text: open from its start
 * tag to its end tag, then kept. */
typedef struct {
	int open;
	size_t from;    /* where its text starts in the output */
	char *text;
} element;

static void capture(element *el, int closing, const gj_buf *b)
{
	if (el->text)
		return;
	if (!closing && !el->open) {
		el->open = 1;
		el->from = b->len;
	} else if (closing && el->open) {
		el->text = piece(b, el->from);
		el->open = 0;
	}
}

void gj_html_info_release(gj_html_info *info)
{
	free(info->heading);
	free(info->blocks);
	memset(info, 0, sizeof *info);
}

static void add_block(gj_html_info *info, size_t *cap, size_t at)
{
	if (!info || (info->nblocks && info->blocks[info->nblocks - 1] == at))
		return;
	if (info->nblocks == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		info->blocks = gj_xrealloc(info->blocks, *cap * sizeof *info->blocks);
	}
	info->blocks[info->nblocks++] = at;
}

char *gj_html_text(const char *s, size_t len, size_t *out_len, gj_html_info *info)
{
	gj_buf b;
	gj_buf_init(&b);
	gj_buf_add(&b, "", 0);
	size_t cap = 0;
	if (info)
		memset(info, 0, sizeof *info);
	element h1 = { 0, 0, NULL }, title = { 0, 0, NULL };
	size_t i = 0;
	while (i < len) {
		char c = s[i];
		if (c == '&') {
			char ref[8];
			size_t n = char_ref(s, len, i, ref);
			if (n) {
				gj_buf_add(&b, ref, strlen(ref));
				i += n;
				continue;
			}
			gj_buf_addc(&b, c);
			i++;
			continue;
		}
		if (c != '<' || i + 1 >= len ||
		    !(is_alpha((unsigned char)s[i + 1]) || s[i + 1] == '/' ||
		      s[i + 1] == '!' || s[i + 1] == '?')) {
			gj_buf_addc(&b, c);
			i++;
			continue;
		}
		if (starts_ci(s, len, i, "<!--")) {
			size_t e = i + 4;
			while (e + 3 <= len && memcmp(s + e, "-->", 3) != 0)
				e++;
			e = e + 3 <= len ? e + 3 : len;
			keep_newlines(&b, s, i, e);
			i = e;
			continue;
		}
		size_t e = tag_end(s, len, i);
		if (!e) {
			gj_buf_addc(&b, c);
			i++;
			continue;
		}
		/* the tag's name */
		char name[16];
		size_t k = i + 1, n = 0;
		int closing = k < len && s[k] == '/';
		if (closing)
			k++;
		while (k < len && n + 1 < sizeof name &&
		       (is_alpha((unsigned char)s[k]) || (s[k] >= '0' && s[k] <= '9')))
			name[n++] = (char)lower((unsigned char)s[k++]);
		name[n] = '\0';
		keep_newlines(&b, s, i, e);
		if (!closing && (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)) {
			/* the contents go too, up to the closing tag */
			const char *close = strcmp(name, "script") == 0 ? "</script" : "</style";
			size_t z = e;
			while (z < len && !starts_ci(s, len, z, close))
				z++;
			keep_newlines(&b, s, e, z);
			i = z < len ? tag_end(s, len, z) : len;
			if (!i)
				i = z + strlen(close);   /* an end tag left open */
			keep_newlines(&b, s, z, i);
			continue;
		}
		/* the first h1 and title, as text */
		if (strcmp(name, "h1") == 0)
			capture(&h1, closing, &b);
		else if (strcmp(name, "title") == 0)
			capture(&title, closing, &b);
		int cell = in_list(name, cell_tags);
		if (cell && !closing) {
			gj_buf_addc(&b, '\t');
		} else if (cell) {
			gj_buf_addc(&b, ' ');
		} else if (in_list(name, block_tags)) {
			gj_buf_addc(&b, ' ');
			add_block(info, &cap, b.len);
		}
		i = e;
	}
	if (info) {
		info->heading = h1.text ? h1.text : title.text;
		if (h1.text)
			free(title.text);
	} else {
		free(h1.text);
		free(title.text);
	}
	return gj_buf_detach(&b, out_len);
}
