/* test_html.c — a web page's text: tags dropped, references decoded, each
 * text at its line and column of the source, cells apart; its table rows
 * as fields; and pages that are not well made. */
#include "html.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static char *text(const char *page, char **heading)
{
	size_t n;
	gj_html_info info;
	char *t = gj_html_text(page, strlen(page), &n, &info);
	CHECK_INT(n, strlen(t));
	if (heading) {
		*heading = info.heading;
		info.heading = NULL;
	}
	gj_html_info_release(&info);
	return t;
}

static int lines(const char *s)
{
	int n = 1;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Line and code-point column of the first occurrence of word in s. */
static void place(const char *s, const char *word, int *line, int *col)
{
	const char *p = strstr(s, word);
	*line = *col = 0;
	if (!p)
		return;
	*line = 1;
	*col = 1;
	for (const char *q = s; q < p; q++) {
		if (*q == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)*q & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* Each word is where the page printed it. */
#define CHECK_SAME_PLACE(page, t, word)                                   \
	do {                                                              \
		int l1, c1, l2, c2;                                       \
		place(page, word, &l1, &c1);                              \
		place(t, word, &l2, &c2);                                 \
		CHECK_INT(l2, l1);                                        \
		CHECK_INT(c2, c1);                                        \
	} while (0)

static void test_tags_and_cells(void)
{
	static const char page[] =
		"<html><head><title>年报_某区网站</title>\n"
		"<style>\ntd { color: red }\n</style><script type=\"text/javascript\">\n"
		"var s = \"<td>9</td>\";\n</script></head>\n"
		"<body><!-- 正文\n开始 --><h1 class=\"t\">某区<br>2023年政府信息公开工作年度报告</h1>\n"
		"<p>受理申请<b>3</b>件。</p><table><tr><td>一、本年新收</td><td>3</td><td\n"
		"colspan=\"2\">&nbsp;</td></tr></table>\n"
		"</body></html>\n";
	char *h;
	char *t = text(page, &h);
	CHECK_INT(lines(t), lines(page));
	/* scripts, styles and comments are gone, their lines kept */
	CHECK(strstr(t, "color") == NULL);
	CHECK(strstr(t, "var s") == NULL);
	CHECK(strstr(t, "正文") == NULL);
	CHECK_SAME_PLACE(page, t, "年报_某区网站");
	CHECK_SAME_PLACE(page, t, "2023年政府信息公开工作年度报告");
	CHECK_SAME_PLACE(page, t, "受理申请");
	CHECK_SAME_PLACE(page, t, "一、本年新收");
	/* a cell starts with a tab, at its tag; inline tags run on */
	int l, c;
	place(t, "\t", &l, &c);
	int l2, c2;
	place(page, "<td>一、本年新收", &l2, &c2);
	CHECK_INT(l, l2);
	CHECK_INT(c, c2);
	CHECK(strstr(t, "受理申请3件。") != NULL);
	CHECK_STR(h, "某区 2023年政府信息公开工作年度报告");
	free(t);
	free(h);
}

static void test_references(void)
{
	char *t = text("a&amp;b &lt;&gt; &#x4E00;&#19968; &ldquo;x&rdquo; &AMP; &hellip;"
		       "&#10;&#13;| &unknown; &", NULL);
	/* every reference a browser knows; &#10; adds no line of its own */
	CHECK_STR(t, "a&b <> 一一 \xE2\x80\x9Cx\xE2\x80\x9D & \xE2\x80\xA6  | &unknown; &");
	CHECK_INT(lines(t), 1);
	free(t);
	t = text("&#0;", NULL);
	CHECK_STR(t, "\xEF\xBF\xBD");   /* as a browser shows it */
	free(t);
}

/* Text that is no tag, and broken pages: read as a browser reads them. */
static void test_broken(void)
{
	char *t = text("1<2 and 3 < 4\nc < d", NULL);
	CHECK_STR(t, "1<2 and 3 < 4\nc < d");
	free(t);
	/* an unclosed comment and an unclosed script run to the end, keeping
	 * their lines */
	t = text("a<!-- b\nc", NULL);
	CHECK_STR(t, "a\n");
	free(t);
	t = text("a<script>\nb</scr\nc", NULL);
	CHECK_STR(t, "a\n\n");
	free(t);
	/* cells outside a table, a table never closed */
	t = text("<td>1</td><tr><td>2", NULL);
	CHECK(strstr(t, "1") != NULL && strstr(t, "2") != NULL);
	free(t);
	/* nesting deeper than the walk goes: no crash, the text is kept
	 * down to the walk's depth */
	size_t n = 2000;
	char *deep = malloc(n * 5 + 8);
	char *p = deep;
	for (size_t k = 0; k < n; k++)
		p += sprintf(p, "<div>");
	strcpy(p, "x");
	t = text(deep, NULL);
	CHECK(t != NULL);
	free(t);
	free(deep);
}

/* The first h1 with text, else the title element; neither: NULL. */
static void test_heading(void)
{
	char *h;
	char *t = text("<title> 某局  年报 </title><h2>x</h2>", &h);
	CHECK_STR(h, "某局 年报");
	free(t);
	free(h);
	t = text("<h1></h1><p>x</p>", &h);
	CHECK_STR(h, NULL);
	free(t);
	t = text("<title>页</title><h1> </h1><h1>某局&nbsp;年报</h1>", &h);
	CHECK_STR(h, "某局 年报");
	free(t);
	free(h);
}

static void test_sniff(void)
{
	CHECK_INT(gj_html_sniff("<!DOCTYPE html>", 15), 1);
	CHECK_INT(gj_html_sniff("\xEF\xBB\xBF \r\n<HTML lang=zh>", 20), 1);
	CHECK_INT(gj_html_sniff("<!doctype HTML", 14), 1);
	CHECK_INT(gj_html_sniff("<htm", 4), 0);
	CHECK_INT(gj_html_sniff("标题: <html>", strlen("标题: <html>")), 0);
	CHECK_INT(gj_html_sniff("", 0), 0);
	CHECK_INT(gj_html_has_table("x <TD>1", 7), 1);
	CHECK_INT(gj_html_has_table("x <tdx", 6), 1);
	CHECK_INT(gj_html_has_table("x <t", 4), 0);
}

/* Where the page's blocks start: at each block tag and after it, once. */
static void test_blocks(void)
{
	static const char page[] = "<h2>一、总体情况</h2><p>文<b>字</b>。</p>";
	size_t n;
	gj_html_info info;
	char *t = gj_html_text(page, strlen(page), &n, &info);
	CHECK_INT(info.nblocks, 4);
	/* the h2's text starts a block, and so does the p's (after spaces) */
	int found = 0;
	for (size_t k = 0; k < info.nblocks; k++) {
		const char *b = t + info.blocks[k];
		while (*b == ' ')
			b++;
		found += strncmp(b, "一、总体情况", strlen("一、总体情况")) == 0;
		found += strncmp(b, "文字。", strlen("文字。")) == 0;
	}
	CHECK_INT(found, 3);   /* the p's text after the h2's end and the p's start */
	for (size_t k = 1; k < info.nblocks; k++)
		CHECK(info.blocks[k] > info.blocks[k - 1]);
	gj_html_info_release(&info);
	CHECK_INT(info.nblocks, 0);
	free(t);
	/* no info wanted: the same text */
	char *t2 = gj_html_text(page, strlen(page), &n, NULL);
	char *t3 = gj_html_text(page, strlen(page), &n, &info);
	CHECK_STR(t2, t3);
	gj_html_info_release(&info);
	free(t2);
	free(t3);
}

/* The text of row r's field f. */
static char *field(const char *t, const gj_grid *g, size_t r, size_t f)
{
	const gj_span *sp = &g->fields[g->first[r] + f];
	size_t a = sp->start, e = sp->end;
	while (a < e && (t[a] == ' ' || t[a] == '\n' || t[a] == '\t'))
		a++;
	while (e > a && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\t'))
		e--;
	char *out = malloc(e - a + 1);
	memcpy(out, t + a, e - a);
	out[e - a] = '\0';
	return out;
}

static size_t nfields(const gj_grid *g, size_t r)
{
	return (r + 1 < g->nrows ? g->first[r + 1] : g->nfields) - g->first[r];
}

#define CHECK_FIELD(t, g, r, f, want)                 \
	do {                                          \
		char *f_ = field(t, g, r, f);         \
		CHECK_STR(f_, want);                  \
		free(f_);                             \
	} while (0)

/* Word's HTML: one cell's markup over many lines, <o:p>, spans, &nbsp;
 * for a blank cell, a label merged down three rows (rowspan): each <tr>
 * is a row, its cells its fields, where they were printed. */
static void test_word_rows(void)
{
	static const char page[] =
		"<table class=MsoNormalTable border=1>\n"
		" <tr style='mso-yfti-irow:0'>\n"
		"  <td rowspan=3 style='border:solid windowtext 1.0pt'>\n"
		"  <p class=MsoNormal align=center><span style='font-family:宋体'>（三）不予公开<o:p></o:p></span></p>\n"
		"  </td>\n"
		"  <td><p class=MsoNormal><span>1.属于国家秘密</span></p></td>\n"
		"  <td>\n"
		"  <p class=MsoNormal align=center><span lang=EN-US>12<o:p></o:p></span></p>\n"
		"  </td>\n"
		"  <td><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td>\n"
		" </tr>\n"
		" <tr>\n"
		"  <td><![if !supportLists]>2.<![endif]>其他法律行政法规禁止公开</td><td>0</td><td>/</td>\n"
		" </tr>\n"
		"</table>\n";
	size_t n;
	gj_html_info info;
	char *t = gj_html_text(page, strlen(page), &n, &info);
	CHECK_INT(lines(t), lines(page));
	const gj_grid *g = &info.grid;
	CHECK_INT(g->nrows, 2);
	CHECK_INT(nfields(g, 0), 4);
	CHECK_FIELD(t, g, 0, 0, "（三）不予公开");
	CHECK_FIELD(t, g, 0, 1, "1.属于国家秘密");
	CHECK_FIELD(t, g, 0, 2, "12");
	CHECK_FIELD(t, g, 0, 3, "\xC2\xA0");   /* &nbsp;: blank once normalised */
	CHECK_INT(nfields(g, 1), 3);
	/* the columns: the merged label holds column 0 of the next row too */
	CHECK_INT(g->fields[g->first[0] + 2].col, 2);
	CHECK_INT(g->fields[g->first[1]].col, 1);
	CHECK_INT(g->fields[g->first[1] + 2].col, 3);
	CHECK_INT(g->table[0], g->table[1]);
	CHECK_FIELD(t, g, 1, 0, "2.其他法律行政法规禁止公开");
	CHECK_FIELD(t, g, 1, 2, "/");
	CHECK_SAME_PLACE(page, t, "12");
	CHECK_SAME_PLACE(page, t, "2.");
	/* fields in text order, inside their rows */
	for (size_t r = 0; r < g->nrows; r++) {
		CHECK(g->row_start[r] <= g->fields[g->first[r]].start);
		CHECK(g->fields[g->first[r] + nfields(g, r) - 1].end <= g->row_end[r]);
	}
	gj_html_info_release(&info);
	free(t);
	/* a table inside a cell is that cell's text, not rows of its own */
	static const char nested[] =
		"<table><tr><td>a<table><tr><td>1</td><td>2</td></tr></table></td><td>3</td></tr></table>";
	t = gj_html_text(nested, strlen(nested), &n, &info);
	CHECK_INT(info.grid.nrows, 1);
	CHECK_INT(nfields(&info.grid, 0), 2);
	CHECK_FIELD(t, &info.grid, 0, 1, "3");
	gj_html_info_release(&info);
	free(t);
}

/* A page the parser rearranges (text inside a table's markup but in no
 * cell goes before the table): the text still has the page's lines, and
 * none of its newlines runs ahead of them (found by fuzzing). */
static void test_moved_text(void)
{
	FILE *f = fopen("tests/fuzz/regressions/html-moved-text-lines.html", "rb");
	CHECK(f != NULL);
	if (!f)
		return;
	static char page[1 << 16];
	size_t len = fread(page, 1, sizeof page - 1, f);
	fclose(f);
	page[len] = '\0';
	char *t = text(page, NULL);
	CHECK_INT(lines(t), lines(page));
	free(t);
	t = text("<table>a\nb<tr><td>1</td></tr>\nc\nd</table>\ne", NULL);
	CHECK_INT(lines(t), 5);
	free(t);
}

int main(void)
{
	test_tags_and_cells();
	test_references();
	test_broken();
	test_heading();
	test_sniff();
	test_blocks();
	test_word_rows();
	test_moved_text();
	return unit_done("html");
}
