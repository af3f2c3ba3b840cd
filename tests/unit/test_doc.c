/* test_doc.c — a report's frame: title, agency, year and date as pages
 * really print them, with a portal's menus, path and fields around them. */
#include "doc_load.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char body[] =
	"一、总体情况\n"
	"本年度共受理申请3件。\n"
	"六、其他需要报告的事项\n"
	"无。\n";

/* A page saved from a portal: menus, the path, the fields, then the
 * title; the report's own date at the end. */
static void test_portal_page(void)
{
	char buf[4096];
	snprintf(buf, sizeof buf,
		 "首页 | 政务公开 | 政务服务 | 互动交流\n"
		 "当前位置：首页 > 政府信息公开 > 2022年某局政府信息公开工作年度报告\n"
		 "索 引 号：640502/2023-00012\t主题分类：政务公开\n"
		 "发 布 机 构：中卫市沙坡头区某局  成文日期：2023-01-18\n"
		 "发布日期：2023-01-20\n"
		 "字号：[ 大 中 小 ]\n"
		 "沙坡头区某局2022年政府信息公开工作年度报告\n"
		 "%s"
		 "2023年1月18日\n"
		 "主办单位：中卫市沙坡头区人民政府办公室 电话：0955-7012345\n", body);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	CHECK_STR(r->title, "沙坡头区某局2022年政府信息公开工作年度报告");
	CHECK_STR(r->agency, "沙坡头区某局");
	CHECK_INT(r->year, 2022);
	/* the portal's 发布日期 is the date the page gives the report */
	CHECK_STR(r->published, "2023-01-20");
	gj_report_free(r);
}

/* A portal's menu on one long line (no sentence in it) before the title
 * and the fields: looked past. */
static void test_long_menu(void)
{
	char buf[8192];
	char menu[2048] = "";
	for (int i = 0; i < 60; i++)
		strcat(menu, "政务公开 | ");
	snprintf(buf, sizeof buf, "%s\n发布机构：某县财政局\n2023年政府信息公开工作年度报告\n%s",
		 menu, body);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	CHECK_STR(r->title, "2023年政府信息公开工作年度报告");
	CHECK_STR(r->agency, "某县财政局");
	gj_report_free(r);
}

/* The page's heading has no agency: the portal's 发布机构 gives it. */
static void test_agency_from_fields(void)
{
	char buf[4096];
	snprintf(buf, sizeof buf,
		 "发布机构：某县市场监督管理局|发布时间：2024-01-31 10:02\n"
		 "2023年政府信息公开工作年度报告\n"
		 "%s", body);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	CHECK_STR(r->title, "2023年政府信息公开工作年度报告");
	CHECK_STR(r->agency, "某县市场监督管理局");
	CHECK_INT(r->year, 2023);
	CHECK_STR(r->published, "2024-01-31");
	gj_report_free(r);
}

/* A title over two lines (a PDF's cover), after a line of furniture. */
static void test_split_title(void)
{
	char buf[4096];
	snprintf(buf, sizeof buf,
		 "字号：大 中 小\n"
		 "淮安市人民政府\n"
		 "2024年政府信息公开工作年度报告\n"
		 "%s", body);
	gj_report *r = load(buf, GJ_KIND_PDF);
	CHECK_STR(r->title, "淮安市人民政府2024年政府信息公开工作年度报告");
	CHECK_STR(r->agency, "淮安市人民政府");
	CHECK_INT(r->year, 2024);
	CHECK_STR(r->published, NULL);
	gj_report_free(r);
}

/* No title at all: the year from the 统计时限 sentence. */
static void test_year_from_period(void)
{
	char buf[4096];
	snprintf(buf, sizeof buf,
		 "根据《中华人民共和国政府信息公开条例》和上级有关要求，现公布本单位"
		 "政府信息公开工作年度报告。本报告由总体情况、主动公开政府信息情况等"
		 "六个部分组成。本报告所列数据的统计时限自2021年1月1日起至2021年12月31日止。\n"
		 "%s", body);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	CHECK_STR(r->title, NULL);
	CHECK_STR(r->agency, NULL);
	CHECK_INT(r->year, 2021);
	gj_report_free(r);
}

/* The first lines up to 报告, as before, when nothing looks like a title. */
static void test_plain_first_lines(void)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "某局年度报告\n%s", body);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	CHECK_STR(r->title, "某局年度报告");
	CHECK_INT(r->year, 0);
	gj_report_free(r);
}

/* Headings numbered 第一部分, or by a numeral and a space. */
static void test_heading_numbering(void)
{
	static const char doc[] =
		"某局2023年政府信息公开工作年度报告\n"
		"第一部分 总体情况\n"
		"本年度共受理申请3件，详见第三部分。\n"
		"第二部分：主动公开政府信息情况\n"
		"无。\n"
		"三 收到和处理政府信息公开申请情况\n"
		"无。\n"
		"第四部分、政府信息公开行政复议、行政诉讼情况\n"
		"无。\n"
		"五  存在的主要问题及改进情况\n"
		"一是宣传不够。\n"
		"六、其他需要报告的事项\n"
		"无。\n";
	gj_report *r = load(doc, GJ_KIND_TEXT);
	CHECK_INT(r->nsections, 6);
	static const char *const titles[6] = {
		"第一部分 总体情况", "第二部分：主动公开政府信息情况",
		"三 收到和处理政府信息公开申请情况",
		"第四部分、政府信息公开行政复议、行政诉讼情况",
		"五  存在的主要问题及改进情况", "六、其他需要报告的事项"
	};
	static const int lines[6] = { 2, 4, 6, 8, 10, 12 };
	for (int i = 0; i < r->nsections && i < 6; i++) {
		CHECK_INT(r->sections[i].number, i + 1);
		CHECK_STR(r->sections[i].title, titles[i]);
		CHECK_INT(r->sections[i].line, lines[i]);
		CHECK_INT(r->sections[i].exact, 1);
	}
	gj_report_free(r);
}

/* The year in Chinese numerals: 二〇二二年, 二○二三 年 (a white circle for
 * the zero). */
static void test_year_in_numerals(void)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "某区市场监督管理局二〇二二年度政府信息公开工作年度报告\n%s", body);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	CHECK_INT(r->year, 2022);
	CHECK_STR(r->agency, "某区市场监督管理局");
	CHECK_INT(r->format, GJ_FORMAT_2021);
	gj_report_free(r);
	snprintf(buf, sizeof buf, "某县人民政府二○二三 年政府信息公开工作年度报告\n%s", body);
	r = load(buf, GJ_KIND_TEXT);
	CHECK_INT(r->year, 2023);
	CHECK_STR(r->agency, "某县人民政府");
	gj_report_free(r);
	/* numerals that are not a year: 一二三四 is no year, 十 is no digit */
	snprintf(buf, sizeof buf, "某局第一二三四年政府信息公开工作年度报告\n%s", body);
	r = load(buf, GJ_KIND_TEXT);
	CHECK_INT(r->year, 0);
	gj_report_free(r);
}

/* Headings that abbreviate the official title are found by the part's
 * numeral and its words, never exact; sentences and "二是" are not. */
static void test_abbreviated_headings(void)
{
	static const char doc[] =
		"某局2023年政府信息公开工作年度报告\n"
		"一、总体情况\n"
		"二是主动公开工作扎实。\n"
		"二、主动公开方面，我局全年主动公开信息12条。\n"
		"二、主动公开情况\n"
		"无。\n"
		"三、依申请公开情况\n"
		"无。\n"
		"四、行政复议、行政诉讼情况\n"
		"无。\n"
		"五、存在问题及改进措施\n"
		"一是宣传不够。\n"
		"六、其他事项\n"
		"无。\n";
	gj_report *r = load(doc, GJ_KIND_TEXT);
	CHECK_INT(r->nsections, 6);
	static const int lines[6] = { 2, 5, 7, 9, 11, 13 };
	for (int i = 0; i < r->nsections && i < 6; i++) {
		CHECK_INT(r->sections[i].number, i + 1);
		CHECK_INT(r->sections[i].line, lines[i]);
		CHECK_INT(r->sections[i].exact, i == 0);
	}
	CHECK_STR(r->sections[1].title, "二、主动公开情况");
	CHECK_STR(r->sections[5].title, "六、其他事项");
	gj_report_free(r);
	/* a part's words under another numeral, or out of order: not taken */
	static const char odd[] =
		"某局2023年政府信息公开工作年度报告\n"
		"一、总体情况\n"
		"三、主动公开情况\n"
		"二、其他事项\n"
		"三、收到和处理政府信息公开申请情况\n"
		"二、主动公开情况\n";
	r = load(odd, GJ_KIND_TEXT);
	CHECK_INT(r->nsections, 2);
	CHECK_INT(r->sections[1].number, 3);
	CHECK_INT(r->sections[1].line, 5);
	gj_report_free(r);
}

/* A page on one line: a heading at the start of a block (h2, p) is at a
 * line's start, one in the middle of a paragraph is not. */
static void test_page_blocks(void)
{
	static const char page[] =
		"<html><body><h1>某局2023年政府信息公开工作年度报告</h1><h2>一、总体情况</h2>"
		"<p>本局另见二、主动公开政府信息情况一节。</p><h2>二、主动公开情况</h2><p>无。</p>"
		"<h3>三、收到和处理政府信息公开申请情况</h3><p>无。</p><div>四、政府信息公开行政"
		"复议、行政诉讼情况</div><p>五、存在的主要问题及改进情况</p><p>一是不足。</p>"
		"<p><b>六、其他事项</b></p><p>无。</p></body></html>";
	gj_report *r = load(page, GJ_KIND_HTML);
	CHECK_STR(r->title, "某局2023年政府信息公开工作年度报告");
	CHECK_INT(r->nsections, 6);
	static const char *const titles[6] = {
		"一、总体情况", "二、主动公开情况", "三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
		"六、其他事项"
	};
	for (int i = 0; i < r->nsections && i < 6; i++) {
		CHECK_INT(r->sections[i].number, i + 1);
		CHECK_STR(r->sections[i].title, titles[i]);
		CHECK_INT(r->sections[i].line, 1);
	}
	gj_report_free(r);
}

int main(void)
{
	test_portal_page();
	test_long_menu();
	test_agency_from_fields();
	test_split_title();
	test_year_from_period();
	test_plain_first_lines();
	test_heading_numbering();
	test_year_in_numerals();
	test_abbreviated_headings();
	test_page_blocks();
	return unit_done("doc");
}
