/*
 * html.c — a web page's text with its source's places, and its tables'
 * cells (see html.h).
 *
 * The page is parsed by gumbo, Google's HTML5 parser: a browser's reading
 * of broken markup, Word's HTML (mso- styles, <o:p>, conditional comments,
 * one cell's markup spread over many lines) and every character reference.
 * The tree is walked in document order; each text is written where its
 * source put it — newlines up to its line, spaces up to its column — so a
 * line and column of the text are the same place in the page.  A cell
 * starts with a tab, at its tag's place; a block (p, div, br, tr …) adds a
 * space.  script, style and comments are dropped.  Each table row (<tr>)
 * is handed over as a row of fields, its cells' text in the output.
 */
#include "html.h"
#include "util.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
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

void gj_html_info_release(gj_html_info *info)
{
	free(info->heading);
	free(info->blocks);
	gj_grid_release(&info->grid);
	memset(info, 0, sizeof *info);
}

/* ---- taming: a page no parser should have to build ----
 *
 * An HTML5 parser looks through its open elements at each tag, so a page
 * of 200,000 elements never closed (<div><div>…, <b id=1><b id=2>…)
 * takes it minutes.  No report nests 256 elements deep; past that depth,
 * start tags are blanked out (spaces, newlines kept, so every place stays
 * where it was) before the page is parsed.  The depth is the HTML
 * parser's, roughly: void and self-closed elements and the ones whose
 * next sibling closes them (p, li, td …) open nothing; an end tag closes
 * up to the nearest open element of its name. */

#define MAX_OPEN 256
#define MAX_TAG 4096

/* Where the tag starting at s[i] == '<' ends (past its '>'), quotes in
 * its attributes skipped; 0 when it is no tag: another '<' or the end
 * comes first, or no '>' within MAX_TAG bytes. */
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
		} else if ((c == '"' || c == '\'') && s[k - 1] == '=') {
			quote = c;
		} else if (c == '>') {
			return k + 1;
		}
	}
	return 0;
}

static int in_names(const char *name, const char *const *list)
{
	for (int k = 0; list[k]; k++)
		if (strcmp(name, list[k]) == 0)
			return 1;
	return 0;
}

/* A copy of the page with the start tags past MAX_OPEN blanked, or NULL
 * when none is. */
static char *tame(const char *s, size_t len)
{
	static const char *const opens_nothing[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
		"meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
		"option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
		"colgroup", "rt", "rp", NULL
	};
	char open[MAX_OPEN][16];
	int depth = 0;
	char *copy = NULL;
	size_t i = 0;
	while (i < len) {
		const char *lt = memchr(s + i, '<', len - i);
		if (!lt)
			break;
		i = (size_t)(lt - s);
		if (starts_ci(s, len, i, "<!--")) {
			const char *e = NULL;
			for (size_t k = i + 4; k + 3 <= len && !e; k++)
				if (memcmp(s + k, "-->", 3) == 0)
					e = s + k + 3;
			i = e ? (size_t)(e - s) : len;
			continue;
		}
		int closing = i + 1 < len && s[i + 1] == '/';
		size_t k = i + 1 + (size_t)closing;
		char name[16];
		size_t n = 0;
		while (k < len && n + 1 < sizeof name &&
		       ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
			(s[k] >= '0' && s[k] <= '9')))
			name[n++] = (char)lower((unsigned char)s[k++]);
		name[n] = '\0';
		size_t e = n ? tag_end(s, len, i) : 0;
		if (!e) {
			i++;
			continue;
		}
		if (!closing && (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)) {
			/* raw text up to its end tag */
			const char *close = name[1] == 'c' ? "</script" : "</style";
			size_t z = e;
			while (z < len && !starts_ci(s, len, z, close))
				z++;
			i = z;
			continue;
		}
		if (closing) {
			for (int d = depth - 1; d >= 0; d--)
				if (strcmp(open[d], name) == 0) {
					depth = d;
					break;
				}
		} else if (!in_names(name, opens_nothing) && s[e - 2] != '/') {
			if (depth < MAX_OPEN) {
				memcpy(open[depth++], name, n + 1);
			} else {
				if (!copy) {
					copy = gj_xmalloc(len + 1);
					memcpy(copy, s, len);
					copy[len] = '\0';
				}
				for (size_t q = i; q < e; q++)
					if (copy[q] != '\n')
						copy[q] = ' ';
			}
		}
		i = e;
	}
	return copy;
}

/* ---- the walk ---- */

/* Deeper than this, a page's elements are read for their text only: no
 * table is that deep, and the walk's stack stays small. */
#define MAX_DEPTH 400
/* Columns of a table followed for merged cells; a cell further right is
 * put in the last one. */
#define MAX_COLS 256

typedef struct {
	const char *src;
	size_t src_len;
	gj_buf out;
	int line, col;           /* where the output is: 1-based line, code points */
	/* the source position last worked out (walks go forward) */
	size_t memo_off;
	int memo_line, memo_col;
	gj_html_info *info;
	size_t cap_blocks;
	int in_row;              /* a <tr> is open: rows inside it are its text */
	int in_cell;
	/* the table whose rows are handed over: its number, and for each
	 * column how many more rows a cell above still covers (rowspan) */
	int table;
	int next_col;         /* the next cell's column in the open row */
	unsigned short busy[MAX_COLS];
	int inline_run;          /* the last thing written was text, with no
	                          * block or cell since: the next text on the
	                          * same line follows it directly ("<span>1
	                          * </span><span>2</span>" is 12) */
	char *h1, *title;
	int h1_open, title_open;
	size_t h1_from, title_from;
} walker;

/* Line and column (code points) of source offset off. */
static void src_pos(walker *w, size_t off, int *line, int *col)
{
	if (off > w->src_len)
		off = w->src_len;
	if (off < w->memo_off) {
		w->memo_off = 0;
		w->memo_line = 1;
		w->memo_col = 1;
	}
	const char *s = w->src;
	size_t i = w->memo_off;
	int l = w->memo_line, c = w->memo_col;
	for (; i < off; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	w->memo_off = off;
	w->memo_line = l;
	w->memo_col = c;
	*line = l;
	*col = c;
}

static void put(walker *w, const char *p, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (p[k] == '\n') {
			w->line++;
			w->col = 1;
		} else if (((unsigned char)p[k] & 0xC0) != 0x80) {
			w->col++;
		}
	}
	gj_buf_add(&w->out, p, n);
}

/* Bring the output up to the source's place at off, if it is behind:
 * its line, and its column unless a text on that line runs on. */
static void catch_up(walker *w, size_t off)
{
	int line, col;
	src_pos(w, off, &line, &col);
	if (w->line < line)
		w->inline_run = 0;
	while (w->line < line)
		put(w, "\n", 1);
	if (w->line == line && !w->inline_run)
		while (w->col < col)
			put(w, " ", 1);
}

static void add_block(walker *w)
{
	gj_html_info *info = w->info;
	size_t at = w->out.len;
	if (!info || (info->nblocks && info->blocks[info->nblocks - 1] == at))
		return;
	if (info->nblocks == w->cap_blocks) {
		w->cap_blocks = w->cap_blocks ? 2 * w->cap_blocks : 64;
		info->blocks = gj_xrealloc(info->blocks, w->cap_blocks * sizeof *info->blocks);
	}
	info->blocks[info->nblocks++] = at;
}

/* A text as its source printed it: its newlines where the source has
 * them, unless references made more (then none: the next text's place
 * puts the lines right); a tab is a space (only cells are tabs). */
static void put_text(walker *w, const GumboText *tx)
{
	catch_up(w, tx->start_pos.offset);
	/* the line each of the text's newlines starts in the source: never
	 * past it (the parser moves text about: a text foster-parented out
	 * of a table comes before lines the output has already written) */
	int line, col;
	src_pos(w, tx->start_pos.offset, &line, &col);
	const char *t = tx->text;
	size_t n = strlen(t);
	size_t raw_nl = 0, nl = 0;
	for (size_t k = 0; k < tx->original_text.length; k++)
		raw_nl += tx->original_text.data[k] == '\n';
	for (size_t k = 0; k < n; k++)
		nl += t[k] == '\n';
	for (size_t k = 0; k < n; k++) {
		char c = t[k];
		if (c == '\t' || c == '\r' || (c == '\n' && nl != raw_nl))
			c = ' ';
		else if (c == '\f' || c == '\v' || (c > 0 && c < 0x20 && c != '\n'))
			c = ' ';
		else if (c == '\n' && w->line >= ++line)
			c = ' ';   /* the output is on that line already */
		put(w, &c, 1);
	}
	w->inline_run = 1;
}

/* The text of the output from offset a, spaces trimmed and runs of
 * spaces made one, or NULL when empty. */
static char *piece(const gj_buf *b, size_t a)
{
	gj_buf p;
	gj_buf_init(&p);
	int space = 0;
	for (size_t k = a; k < b->len; k++) {
		char c = b->data[k];
		int blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
		/* a no-break space is a space too */
		if (!blank && (unsigned char)c == 0xC2 && k + 1 < b->len &&
		    (unsigned char)b->data[k + 1] == 0xA0) {
			blank = 1;
			k++;
		}
		if (blank) {
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

static int is_block(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BR: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_DD: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
	case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV:
	case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
	case GUMBO_TAG_THEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
		return 1;
	default:
		return 0;
	}
}

/* Where an element's end tag was, or its start tag's when it has none
 * (an end tag the parser implied has no text of its own). */
static size_t end_offset(const GumboElement *el)
{
	if (el->original_end_tag.length > 0 && el->end_pos.offset >= el->start_pos.offset)
		return el->end_pos.offset;
	return el->start_pos.offset;
}

static void walk(walker *w, const GumboNode *n, int depth);

/* A cell's colspan or rowspan: 1 unless a number from 1 to most. */
static int span_attr(const GumboElement *el, const char *name, int most)
{
	const GumboAttribute *a = gumbo_get_attribute(&el->attributes, name);
	if (!a)
		return 1;
	long v = strtol(a->value, NULL, 10);
	return v < 1 ? 1 : v > most ? most : (int)v;
}

static void walk_children(walker *w, const GumboElement *el, int depth)
{
	for (unsigned k = 0; k < el->children.length; k++)
		walk(w, el->children.data[k], depth + 1);
}

static void walk_element(walker *w, const GumboElement *el, int depth)
{
	GumboTag tag = el->tag;
	if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE)
		return;
	int implied = el->original_tag.length == 0;
	int cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
	int row = tag == GUMBO_TAG_TR && !w->in_row && w->info;
	int block = is_block(tag);
	if (cell || block)
		w->inline_run = 0;
	if (!implied)
		catch_up(w, el->start_pos.offset);
	if (cell) {
		put(w, "\t", 1);
	} else if (block) {
		put(w, " ", 1);
		add_block(w);
	}
	if (tag == GUMBO_TAG_TABLE && !w->in_row) {
		w->table++;
		w->next_col = 0;
		memset(w->busy, 0, sizeof w->busy);
	}
	if (row) {
		w->in_row = 1;
		w->next_col = 0;
		gj_grid_begin_row(&w->info->grid, w->out.len, w->table);
	}
	int col = 0, colspan = 1, rowspan = 1;
	if (cell && w->in_row && !w->in_cell) {
		/* the cell's column: past those that merged cells above cover */
		while (w->next_col < MAX_COLS - 1 && w->busy[w->next_col] > 0)
			w->next_col++;
		col = w->next_col;
		colspan = span_attr(el, "colspan", MAX_COLS);
		rowspan = span_attr(el, "rowspan", 1000);
		for (int k = 0; k < colspan && col + k < MAX_COLS; k++)
			w->busy[col + k] = (unsigned short)rowspan;
		w->next_col = col + colspan < MAX_COLS ? col + colspan : MAX_COLS - 1;
	}
	size_t cell_from = w->out.len;
	int was_in_cell = w->in_cell;
	if (cell)
		w->in_cell = 1;
	if (tag == GUMBO_TAG_H1 && !w->h1 && !w->h1_open) {
		w->h1_open = 1;
		w->h1_from = w->out.len;
	} else if (tag == GUMBO_TAG_TITLE && !w->title && !w->title_open) {
		w->title_open = 1;
		w->title_from = w->out.len;
	}
	if (depth < MAX_DEPTH)
		walk_children(w, el, depth);
	if (tag == GUMBO_TAG_H1 && w->h1_open) {
		/* the first h1 with text (an empty one leaves it open) */
		w->h1 = piece(&w->out, w->h1_from);
		w->h1_open = 0;
	} else if (tag == GUMBO_TAG_TITLE && w->title_open) {
		w->title = piece(&w->out, w->title_from);
		w->title_open = 0;
	}
	if (cell) {
		w->in_cell = was_in_cell;
		if (w->in_row && !was_in_cell && w->info)
			gj_grid_add_field(&w->info->grid, cell_from, w->out.len, col);
	}
	if (cell || block)
		w->inline_run = 0;
	if (el->original_end_tag.length > 0)
		catch_up(w, end_offset(el));
	if (cell || block)
		put(w, " ", 1);
	if (block)
		add_block(w);   /* what follows a block starts one too */
	if (row) {
		gj_grid_end_row(&w->info->grid, w->out.len);
		w->in_row = 0;
		for (int k = 0; k < MAX_COLS; k++)
			if (w->busy[k] > 0)
				w->busy[k]--;
	}
}

/* Depth-first over the tree, in document order.  An explicit stack would
 * be longer to read than the bound on depth (MAX_DEPTH calls). */
static void walk(walker *w, const GumboNode *n, int depth)
{
	switch (n->type) {
	case GUMBO_NODE_DOCUMENT:
		for (unsigned k = 0; k < n->v.document.children.length; k++)
			walk(w, n->v.document.children.data[k], depth + 1);
		break;
	case GUMBO_NODE_ELEMENT:
	case GUMBO_NODE_TEMPLATE:
		walk_element(w, &n->v.element, depth);
		break;
	case GUMBO_NODE_TEXT:
	case GUMBO_NODE_WHITESPACE:
	case GUMBO_NODE_CDATA:
		put_text(w, &n->v.text);
		break;
	default:   /* comments */
		break;
	}
}

char *gj_html_text(const char *s, size_t len, size_t *out_len, gj_html_info *info)
{
	walker w;
	memset(&w, 0, sizeof w);
	w.src = s;
	w.src_len = len;
	w.line = w.col = 1;
	w.memo_line = w.memo_col = 1;
	w.info = info;
	gj_buf_init(&w.out);
	gj_buf_add(&w.out, "", 0);
	if (info)
		memset(info, 0, sizeof *info);
	GumboOptions opt = kGumboDefaultOptions;
	opt.max_errors = 0;   /* the page's errors are not wanted: none kept */
	char *tamed = tame(s, len);
	GumboOutput *doc = gumbo_parse_with_options(&opt, tamed ? tamed : s, len);
	if (doc) {
		walk(&w, doc->document, 0);
		gumbo_destroy_output(&opt, doc);
	}
	free(tamed);
	/* every line of the source: the text ends on the page's last line */
	int last_line, last_col;
	src_pos(&w, len, &last_line, &last_col);
	while (w.line < last_line)
		put(&w, "\n", 1);
	if (info) {
		info->heading = w.h1 ? w.h1 : w.title;
		if (info->heading != w.title)
			free(w.title);
	} else {
		free(w.h1);
		free(w.title);
	}
	return gj_buf_detach(&w.out, out_len);
}
