/* test_norm.c — normalisation keeps positions; letter streams and the
 * exact-then-fuzzy label finder. */
#include "match.h"
#include "norm.h"
#include "unit.h"

#include <stdio.h>
#include <string.h>

static void test_fullwidth(void)
{
	const char *in = "共２１件（一）\n第二行　ＡＢ";
	gj_text t;
	gj_text_init(&t, in, strlen(in), 0);
	CHECK_STR(t.s, "共21件(一)\n第二行 AB");
	CHECK_INT(t.nlines, 2);
	/* "件" is code point 4 of line 1 */
	const char *p = strstr(t.s, "件");
	int line, col;
	gj_text_pos(&t, (size_t)(p - t.s), &line, &col);
	CHECK_INT(line, 1);
	CHECK_INT(col, 4);
	/* the same place in the original */
	size_t o = gj_text_orig_off(&t, (size_t)(p - t.s));
	CHECK(strncmp(in + o, "件", 3) == 0);
	p = strstr(t.s, "AB");
	gj_text_pos(&t, (size_t)(p - t.s), &line, &col);
	CHECK_INT(line, 2);
	CHECK_INT(col, 5);
	gj_text_release(&t);
}

static void test_markdown(void)
{
	const char *in = "## 一、**总体**情况\n> 引用__文字__";
	gj_text t;
	gj_text_init(&t, in, strlen(in), 1);
	CHECK_STR(t.s, "   一、  总体  情况\n  引用  文字  ");
	gj_text_release(&t);
	/* list markers go; a cell's "-" alone and a negative number stay */
	in = "- 四、行政复议\n  * 甲\n+ 乙\n-\n- \n-1 2\n> - 丙";
	gj_text_init(&t, in, strlen(in), 1);
	CHECK_STR(t.s, "  四、行政复议\n    甲\n  乙\n-\n- \n-1 2\n    丙");
	gj_text_release(&t);
}

static void test_page_number(void)
{
	CHECK(gj_is_page_number("   -4-  ", 8));
	CHECK(gj_is_page_number("- 12 -", 6));
	CHECK(!gj_is_page_number("  4  ", 5));
	CHECK(!gj_is_page_number("-4", 2));
	CHECK(!gj_is_page_number("0 0 0", 5));
}

static void test_stream(void)
{
	const char *s = "1.属于国家秘密 0 0\n（三）不\n予公开 2.其他法律行政止公开";
	gj_stream st;
	gj_stream_build(&st, s, 0, strlen(s), 0);
	unsigned key[64];
	int m = gj_key_make("属于国家秘密", key, 64);
	CHECK_INT(m, 6);
	gj_hit h;
	CHECK_INT(gj_stream_find(&st, 0, st.n, key, m, 0, &h), 0);
	CHECK_INT(h.first, 0);
	CHECK(h.exact);
	/* misspelt: three letters missing of twelve */
	m = gj_key_make("其他法律行政法规禁止公开", key, 64);
	CHECK_INT(gj_stream_find(&st, 0, st.n, key, m, 0, &h), -1);
	CHECK_INT(gj_stream_find(&st, 0, st.n, key, m, 1, &h), 0);
	CHECK(!h.exact);
	CHECK_INT(h.matched, 9);
	/* short keys are exact only */
	m = gj_key_make("总计", key, 64);
	CHECK_INT(gj_stream_find(&st, 0, st.n, key, m, 1, &h), -1);
	/* quotes and punctuation are not letters */
	m = gj_key_make("危及“三安全一稳定”", key, 64);
	CHECK_INT(m, 8);
	gj_stream_release(&st);
}

/* PDF pages: page numbers and running headers and footers are furniture;
 * a page's own numbers, and the first page's title, are not. */
static void test_furniture(void)
{
	const char *in =
		"某区2021年政府信息公开工作年度报告\n"       /* 1: never marked */
		"一、总体情况 受理 3 件\n"
		"第 1 页 共 3 页\n"                          /* 3: page number */
		"\f某区政府信息公开年报 2022-01-28\n"       /* 4: running header */
		"行政许可 5\n"
		"                  7\n"                      /* 6: not page 2 */
		"2/3\n"                                      /* 7: page number */
		"\f某区政府信息公开年报 2022-01-28\n"       /* 8: running header */
		"行政处罚 0\n"
		"\n"
		"3\n"                                        /* 11: page 3 */
		"\f";
	gj_text t;
	gj_text_init(&t, in, strlen(in), 0);
	gj_text_find_furniture(&t);
	static const int want[13] = { 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0 };
	for (int n = 1; n <= 12; n++)
		if (gj_text_is_furniture(&t, n) != want[n]) {
			CHECK_INT(gj_text_is_furniture(&t, n), want[n]);
			fprintf(stderr, "  line %d\n", n);
		}
	CHECK_INT(gj_text_is_furniture(&t, 6), 0);
	CHECK_INT(gj_text_is_furniture(&t, 0), 0);
	CHECK_INT(gj_text_is_furniture(&t, 99), 0);
	gj_text_release(&t);
	/* one page: nothing to compare, nothing marked */
	in = "标题\n正文 1\n2\n";
	gj_text_init(&t, in, strlen(in), 0);
	gj_text_find_furniture(&t);
	CHECK(t.furniture == NULL);
	gj_text_release(&t);
	/* the same table row at the top of two pages is not furniture: it
	 * has no words ("0 0 0") */
	in = "标题\n\f0 0 0\nx\n\f0 0 0\ny\n";
	gj_text_init(&t, in, strlen(in), 0);
	gj_text_find_furniture(&t);
	CHECK_INT(gj_text_is_furniture(&t, 3), 0);
	CHECK_INT(gj_text_is_furniture(&t, 5), 0);
	gj_text_release(&t);
}

int main(void)
{
	test_fullwidth();
	test_markdown();
	test_page_number();
	test_furniture();
	test_stream();
	return unit_done("norm");
}
