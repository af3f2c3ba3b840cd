/* test_html.c — a web page's text: tags dropped, references decoded, cells
 * apart, every line of the source kept; and pages that are not well made. */
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
	/* line 8: h1 and br are spaces; line 9: p, /p, table and tr too, a
	 * cell a tab; the newline inside the last td tag comes before its
	 * tab */
	CHECK_STR(t, " 年报_某区网站 \n\n\n\n\n\n\n"
		     " 某区 2023年政府信息公开工作年度报告 \n"
		     " 受理申请3件。   \t一、本年新收 \t3 \n"
		     "\t\xC2\xA0   \n"
		     "\n");
	CHECK_INT(lines(t), lines(page));
	CHECK_STR(h, "某区 2023年政府信息公开工作年度报告");
	free(t);
	free(h);
}

static void test_references(void)
{
	char *t = text("a&amp;b &lt;&gt; &#x4E00;&#19968; &ldquo;x&rdquo; &AMP; &ampx; "
		       "&#0; &#xD800; &#1114112; &#10;&#13;| &unknown; &", NULL);
	CHECK_STR(t, "a&b <> 一一 \xE2\x80\x9Cx\xE2\x80\x9D & &ampx; "
		     "&#0; &#xD800; &#1114112;   | &unknown; &");
	free(t);
}

/* No tag: text as written. */
static void test_not_tags(void)
{
	char *h = (char *)1;
	char *t = text("1<2 and a<b, x <p unclosed\nc < d <", &h);
	CHECK_STR(t, "1<2 and a<b, x <p unclosed\nc < d <");
	CHECK_STR(h, NULL);
	free(t);
	/* a '<' ends a would-be tag, even inside a quoted value (so that no
	 * byte is looked at more than twice) */
	t = text("<a title=\"x<y\">z</a>", NULL);
	CHECK_STR(t, "<a title=\"xz");
	free(t);
	/* an unclosed comment and an unclosed script run to the end, keeping
	 * their lines */
	t = text("a<!-- b\nc", NULL);
	CHECK_STR(t, "a\n");
	free(t);
	t = text("a<script>\nb</scr\nc", NULL);
	CHECK_STR(t, "a\n\n");
	free(t);
	t = text("a<script>b</script", NULL);
	CHECK_STR(t, "a");
	free(t);
}

/* The first h1, else the title element; neither: NULL. */
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
}

static void test_sniff(void)
{
	CHECK_INT(gj_html_sniff("<!DOCTYPE html>", 15), 1);
	CHECK_INT(gj_html_sniff("\xEF\xBB\xBF \r\n<HTML lang=zh>", 20), 1);
	CHECK_INT(gj_html_sniff("<!doctype HTML", 14), 1);
	CHECK_INT(gj_html_sniff("<htm", 4), 0);
	CHECK_INT(gj_html_sniff("标题: <html>", strlen("标题: <html>")), 0);
	CHECK_INT(gj_html_sniff("", 0), 0);
}

/* Where the page's blocks start: after each block tag's space, once. */
static void test_blocks(void)
{
	static const char page[] = "<h2>一、总体情况</h2><p>文<b>字</b>。</p><p></p>\n<td>1</td>";
	size_t n;
	gj_html_info info;
	char *t = gj_html_text(page, strlen(page), &n, &info);
	CHECK_STR(t, " 一、总体情况  文字。   \n\t1 ");
	CHECK_INT(info.nblocks, 6);
	static const size_t want[6] = { 1, 20, 21, 31, 32, 33 };
	for (size_t k = 0; k < info.nblocks && k < 6; k++)
		CHECK_INT(info.blocks[k], want[k]);
	gj_html_info_release(&info);
	CHECK_INT(info.nblocks, 0);
	free(t);
	/* no info wanted: the text alone */
	t = gj_html_text(page, strlen(page), &n, NULL);
	CHECK_STR(t, " 一、总体情况  文字。   \n\t1 ");
	free(t);
}

int main(void)
{
	test_tags_and_cells();
	test_references();
	test_not_tags();
	test_heading();
	test_sniff();
	test_blocks();
	return unit_done("html");
}
