/* test_tables.c — the table reader on small reports: every layout, and the
 * cases where it must flag a cell instead of guessing. */
#include "doc_load.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const gj_cell *cell(const gj_report *r, const char *path)
{
	int i = gj_cell_index(path);
	if (i < 0) {
		fprintf(stderr, "no such path %s\n", path);
		exit(2);
	}
	return &r->cells[i];
}

#define CHECK_CELL(r, path, st, v)                                          \
	do {                                                                \
		const gj_cell *c_ = cell(r, path);                          \
		CHECK_INT(c_->status, st);                                  \
		if (c_->status == GJ_OK || c_->status == GJ_INFERRED)       \
			CHECK_INT((long long)(c_->value * 100), (long long)((v) * 100)); \
	} while (0)

/* 表三 rows of a crawled page, digits run together, with the parts that
 * make a 2021 report around them. */
static const char head[] =
	"某局2023年政府信息公开工作年度报告\n"
	"一、总体情况 全年受理申请。"
	"二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
	"规章000行政规范性文件012第二十条第（五）项信息内容本年处理决定数量行政许可37"
	"第二十条第（六）项信息内容本年处理决定数量行政处罚1,205行政强制-"
	"第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费12.50"
	"三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	"申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他";

static void test_crawled(void)
{
	char buf[8192];
	snprintf(buf, sizeof buf, "%s"
		 "一、本年新收政府信息公开申请数量21710000218"
		 "二、上年结转政府信息公开申请数量0000000"
		 "三、本年度办理结果（一）予以公开710000071"
		 "（二）部分公开（区分处理的，只计这一情形，不计其他情形）290000029"
		 "（三）不予公开1.属于国家秘密40000042.其他法律行政法规禁止公开0000000"
		 "3.危及“三安全一稳定”00000004.保护第三方合法权益30000035.属于三类内部事务信息320000032"
		 "6.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000"
		 "（四）无法提供1.本机关不掌握相关政府信息7500000752.没有现成信息需要另行制作0000000"
		 "3.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请1000001"
		 "3.要求提供公开出版物00000004.无正当理由大量反复申请0000000"
		 "5.要求行政机关确认或重新出具已获取信息0000000"
		 "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1000001"
		 "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0000000"
		 "3.其他1100002（七）总计21710000218四、结转下年度继续办理0000000"
		 "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
		 "21317000001324019五、存在的主要问题及改进情况无。六、其他需要报告的事项无。\n", head);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	CHECK_INT(r->format, GJ_FORMAT_2021);
	CHECK_INT(r->year, 2023);
	CHECK_INT(r->nsections, 6);
	CHECK_CELL(r, "tables.requests.new.natural", GJ_OK, 217);
	CHECK_CELL(r, "tables.requests.new.commercial", GJ_OK, 1);
	CHECK_CELL(r, "tables.requests.new.total", GJ_OK, 218);
	/* the next label's ordinal is not part of the row */
	CHECK_CELL(r, "tables.requests.denied_third_party.natural", GJ_OK, 3);
	CHECK_CELL(r, "tables.requests.denied_third_party.total", GJ_OK, 3);
	CHECK_CELL(r, "tables.requests.denied_internal.natural", GJ_OK, 32);
	CHECK_CELL(r, "tables.requests.other_misc.natural", GJ_OK, 1);
	CHECK_CELL(r, "tables.requests.other_misc.commercial", GJ_OK, 1);
	CHECK_CELL(r, "tables.requests.other_misc.total", GJ_OK, 2);
	/* 表四's 15 numbers in one run, split by the three blocks' sums */
	CHECK_CELL(r, "tables.appeals.review.upheld", GJ_OK, 2);
	CHECK_CELL(r, "tables.appeals.review.total", GJ_OK, 7);
	CHECK_CELL(r, "tables.appeals.suit_after_review.total", GJ_OK, 19);
	/* 表二: "012" cannot be one number, so 0|1|2 */
	CHECK_CELL(r, "tables.active.normative.issued", GJ_OK, 0);
	CHECK_CELL(r, "tables.active.normative.repealed", GJ_OK, 1);
	CHECK_CELL(r, "tables.active.normative.in_force", GJ_OK, 2);
	/* "37" for one cell is 37; a thousands separator; a dash is blank */
	CHECK_CELL(r, "tables.active.licensing.decisions", GJ_OK, 37);
	CHECK_CELL(r, "tables.active.penalty.decisions", GJ_OK, 1205);
	CHECK_INT(cell(r, "tables.active.coercion.decisions")->status, GJ_MISSING);
	CHECK_CELL(r, "tables.active.fees.amount", GJ_OK, 12.5);
	CHECK_STR(cell(r, "tables.active.fees.amount")->raw, "12.50");
	gj_report_free(r);
}

/* A row whose digits split two ways: ambiguous with both candidates, and
 * nothing in the table to settle it. */
static void test_ambiguous(void)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s"
		 "一、本年新收政府信息公开申请数量000101011"
		 "四、政府信息公开行政复议、行政诉讼情况 无\n", head);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	/* 0|0|0|1|0|10|11 and 0|0|0|10|1|0|11 */
	CHECK_CELL(r, "tables.requests.new.natural", GJ_OK, 0);
	CHECK_CELL(r, "tables.requests.new.total", GJ_OK, 11);
	const gj_cell *c = cell(r, "tables.requests.new.nonprofit");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->ncandidates, 2);
	CHECK_INT(c->candidates[0], 1);
	CHECK_INT(c->candidates[1], 10);
	CHECK_STR(c->raw, "000101011");
	CHECK_STR(c->why, "several readings fit");
	c = cell(r, "tables.requests.new.other");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->candidates[0], 10);
	CHECK_INT(c->candidates[1], 0);
	/* the rows after it were never printed */
	CHECK_INT(cell(r, "tables.requests.total.total")->status, GJ_MISSING);
	gj_report_free(r);
}

/* Space-aligned rows (pdftotext -layout): one row lost a cell at a page
 * break.  Alone, its sums cannot say which (the whole table is in
 * tests/variants/layout_county_2022.txt, where the column sums do). */
static void test_layout_lost_cell(void)
{
	static const char doc[] =
		"某县2022年政府信息公开工作年度报告\n"
		"     二、主动公开政府信息情况\n"
		"第二十条第（一）项\n"
		"信息内容   本年制发件数    本年废止件数    现行有效件数\n"
		"规章               0          0       0\n"
		"行政规范性文件          3          0       8\n"
		"     三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量       5    1    0    0    0    0    6\n"
		"二、上年结转政府信息公开申请数量       0    0    0    0    0    0    0\n"
		"          （一）予以公开               4         0    0    0    0    4\n"
		"          （二）部分公开（区分处理的，只计这一情\n"
		"             形，不计其他情形）        1    1    0    0    0    0    2\n"
		"（七）总计                             5    1    0    0    0    0    6\n"
		"四、结转下年度继续办理                  0    0    0    0    0    0    0\n"
		"     四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_PDF);
	CHECK_INT(r->format, GJ_FORMAT_2021);
	/* 4 0 0 0 0 4: every reading gives research 0; natural is 4 or 0 */
	CHECK_CELL(r, "tables.requests.granted.research", GJ_INFERRED, 0);
	const gj_cell *g = cell(r, "tables.requests.granted.natural");
	CHECK_INT(g->status, GJ_AMBIGUOUS);
	CHECK_INT(g->ncandidates, 2);
	g = cell(r, "tables.requests.granted.total");
	CHECK_INT(g->status, GJ_AMBIGUOUS);
	CHECK_INT(g->candidates[0], 4);
	CHECK_INT(g->candidates[1], 8);
	/* numbers between the two lines of a wrapped label */
	CHECK_CELL(r, "tables.requests.partial.natural", GJ_OK, 1);
	CHECK_CELL(r, "tables.requests.partial.total", GJ_OK, 2);
	const gj_cell *c = cell(r, "tables.requests.partial.total");
	CHECK_INT(c->line, 12);
	CHECK_STR(c->raw, "2");
	gj_report_free(r);
}

/* Printed numbers are never corrected: a 总计 of 0 stays 0. */
static void test_printed_error_kept(void)
{
	static const char doc[] =
		"某区2023年政府信息公开工作年度报告\n"
		"四、政府信息公开行政复议、行政诉讼情况\n"
		"行政复议 行政诉讼\n"
		"结果维持 结果纠正 其他结果 尚未审结 总计\n"
		"10    1      0   0    0   0    0   0   0    0   5   0     0   0   0\n"
		"五、存在的主要问题及改进情况\n";
	gj_report *r = load(doc, GJ_KIND_PDF);
	CHECK_CELL(r, "tables.appeals.review.upheld", GJ_OK, 10);
	CHECK_CELL(r, "tables.appeals.review.total", GJ_OK, 0);
	CHECK_CELL(r, "tables.appeals.suit_after_review.upheld", GJ_OK, 5);
	gj_report_free(r);
}

/* Too many numbers in a row, and a row with none: missing, with why. */
static void test_unreadable_rows(void)
{
	static const char doc[] =
		"某区2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\n"
		"二、上年结转政府信息公开申请数量\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_TEXT);
	const gj_cell *c = cell(r, "tables.requests.new.natural");
	CHECK_INT(c->status, GJ_MISSING);
	CHECK_STR(c->why, "more numbers than cells in the row");
	c = cell(r, "tables.requests.carried_over.total");
	CHECK_INT(c->status, GJ_MISSING);
	CHECK_STR(c->why, "no numbers printed in the row");
	gj_report_free(r);
}

/* The 2019 trial format: its 表二 rows and （六）其他处理 as one row. */
static void test_2019(void)
{
	static const char doc[] =
		"某局2019年政府信息公开工作年度报告\n"
		"二、主动公开政府信息情况\n"
		"第二十条第（一）项\n"
		"信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
		"规章\t1\t1\t5\n"
		"规范性文件\t2\t2\t9\n"
		"第二十条第（五）项\n"
		"信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
		"行政许可\t40\t-2\t356\n"
		"其他对外管理服务事项\t3\t0\t12\n"
		"第二十条第（六）项\n"
		"行政处罚\t10\t1\t88\n"
		"行政强制\t2\t0\t5\n"
		"第二十条第（八）项\n"
		"行政事业性收费\t4\t-1\n"
		"第二十条第（九）项\n"
		"政府集中采购\t12\t358.6\n"
		"三、收到和处理政府信息公开申请情况\n"
		"（六）其他处理\t1\t0\t0\t0\t0\t0\t1\n"
		"（七）总计\t1\t0\t0\t0\t0\t0\t1\n";
	gj_report *r = load(doc, GJ_KIND_TEXT);
	CHECK_INT(r->format, GJ_FORMAT_2019);
	CHECK_CELL(r, "tables.active.regulations.total", GJ_OK, 5);
	CHECK_CELL(r, "tables.active.licensing.change", GJ_OK, -2);
	CHECK_CELL(r, "tables.active.other_services.decisions", GJ_OK, 12);
	CHECK_CELL(r, "tables.active.fees.change", GJ_OK, -1);
	CHECK_CELL(r, "tables.active.procurement.amount", GJ_OK, 358.6);
	CHECK_CELL(r, "tables.requests.other.natural", GJ_OK, 1);
	CHECK_INT(cell(r, "tables.requests.other_misc.natural")->status, GJ_ABSENT);
	CHECK_INT(cell(r, "tables.active.fees.amount")->status, GJ_ABSENT);
	gj_report_free(r);
}

/* Cells set apart by single spaces (a page's text with its whitespace
 * collapsed): a row that lost a number is placed by its sums, and a row
 * that reads both as "a number missing" and as "two run together" is
 * ambiguous with both. */
static void test_single_spaces(void)
{
	static const char doc[] =
		"某局2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量 0 0 0 0 0 0\n"
		"二、上年结转政府信息公开申请数量 1 12 0 0 0 4\n"
		"三、本年度办理结果 （一）予以公开 1 2 0 0 0 0 3 9\n"
		"（二）部分公开 1 1 2 0 0 0 4 4\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_TEXT);
	const gj_cell *c = cell(r, "tables.requests.new.legal");
	CHECK_CELL(r, "tables.requests.new.legal", GJ_INFERRED, 0);
	CHECK_STR(c->why, "placed by the row's sums (a number is missing)");
	/* 1|1|2|0|0|0|4 (12 is 1 and 2) or 1|12|0|0|0|4|17 (总计 lost) */
	CHECK_CELL(r, "tables.requests.carried_over.natural", GJ_OK, 1);
	c = cell(r, "tables.requests.carried_over.total");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->ncandidates, 2);
	CHECK_INT(c->candidates[0], 17);
	CHECK_INT(c->candidates[1], 4);
	c = cell(r, "tables.requests.carried_over.commercial");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->candidates[0], 12);
	CHECK_INT(c->candidates[1], 1);
	/* eight numbers for seven cells: the stray 9 is dropped by the sums */
	CHECK_CELL(r, "tables.requests.granted.natural", GJ_OK, 1);
	CHECK_CELL(r, "tables.requests.granted.total", GJ_OK, 3);
	c = cell(r, "tables.requests.granted.total");
	CHECK_STR(c->why, "placed by the row's sums (more numbers than cells)");
	/* one too many, either 4 the 总计: the same value from two places */
	CHECK_CELL(r, "tables.requests.partial.research", GJ_OK, 2);
	CHECK_CELL(r, "tables.requests.partial.total", GJ_INFERRED, 4);
	gj_report_free(r);
}

/* A crawled page that prints each cell on a line of its own after a bar:
 * the label's line starts with a bar but is no pipe-table row. */
static void test_cell_lines(void)
{
	static const char doc[] =
		"某局2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量\n| 5\n| 2\n| 0\n| 0\n| 0\n| 1\n| 8\n|\n"
		"三、本\n| （一）予以公开\n| 3\n| 1\n| 0\n| 0\n| 1\n| 5\n|\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_TEXT);
	CHECK_CELL(r, "tables.requests.new.total", GJ_OK, 8);
	const gj_cell *c = cell(r, "tables.requests.new.total");
	CHECK_INT(c->line, 10);
	CHECK_INT(c->column, 3);
	/* six numbers for seven cells, and no column sums here to say which
	 * was lost: a 0 anywhere, or 总计 (10) */
	c = cell(r, "tables.requests.granted.natural");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->ncandidates, 2);
	CHECK_INT(c->candidates[0], 0);
	CHECK_INT(c->candidates[1], 3);
	c = cell(r, "tables.requests.granted.total");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->candidates[0], 5);
	CHECK_INT(c->candidates[1], 10);
	CHECK_CELL(r, "tables.requests.granted.nonprofit", GJ_INFERRED, 0);
	gj_report_free(r);
}

/* A pipe-table row with a cell fewer than the table: placed by the row's
 * sums instead of given up.  A row with as many fields as the table is
 * read by position, blank cells and all. */
static void test_pipe_row_short(void)
{
	static const char doc[] =
		"某局2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
		"| 二、上年结转政府信息公开申请数量 | 4 | 2 | 1 | 7 | / | 0 |\n"
		"| （一）予以公开 | 3 | 1 | 0 | 0 | 1 | 5 | |\n"
		"| （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | |\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_MARKDOWN);
	const gj_cell *c = cell(r, "tables.requests.new.research");
	CHECK_CELL(r, "tables.requests.new.research", GJ_INFERRED, 0);
	CHECK_STR(c->why, "placed by the row's sums (a number is missing)");
	CHECK_STR(c->code, "placed_by_sums");
	/* a printed blank leaves no arithmetic: missing, never guessed */
	c = cell(r, "tables.requests.carried_over.natural");
	CHECK_INT(c->status, GJ_MISSING);
	CHECK_STR(c->why, "a number is missing and the row's sums do not place it");
	CHECK_STR(c->code, "unplaced");
	/* as many fields as cells, the last blank, in a table where no row
	 * prints its 总计: read as printed, 其他 5 and 总计 blank (the sums
	 * are the rules' to judge) */
	CHECK_CELL(r, "tables.requests.granted.other", GJ_OK, 5);
	c = cell(r, "tables.requests.granted.total");
	CHECK_INT(c->status, GJ_BLANK);
	CHECK_STR(c->why, "printed blank");
	CHECK_STR(c->code, "printed_blank");
	CHECK_INT(c->line, 5);
	CHECK_INT(c->column, 37);
	CHECK_CELL(r, "tables.requests.partial.natural", GJ_OK, 1);
	CHECK_INT(cell(r, "tables.requests.partial.total")->status, GJ_BLANK);
	gj_report_free(r);
}

/* The same row in a table whose other rows print their 总计: a row that
 * lost a cell at a page break and was padded at its end.  As printed
 * (blank as 0) it does not add up; its numbers placed by its sums do (in
 * a whole table the column sums then choose among the places:
 * tests/variants/grid_bureau_2021.md). */
static void test_pipe_row_padded(void)
{
	static const char doc[] =
		"某局2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n"
		"| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
		"| （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 6 | |\n"
		"| （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
		"| （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | |\n"
		"| （七）总计 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |\n"
		"| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_MARKDOWN);
	/* a 0 lost before 6 (5 1 0 0 0 0 6 and its like), or 总计 lost
	 * (5 1 0 0 0 6 12) */
	const gj_cell *c = cell(r, "tables.requests.granted.total");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_STR(c->code, "several_readings");
	CHECK_INT(c->ncandidates, 2);
	CHECK_INT(c->candidates[0], 6);
	CHECK_INT(c->candidates[1], 12);
	c = cell(r, "tables.requests.granted.natural");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->ncandidates, 2);
	CHECK_CELL(r, "tables.requests.granted.nonprofit", GJ_INFERRED, 0);
	/* a row of zeros adds up with its blank 总计 as 0: as printed */
	CHECK_CELL(r, "tables.requests.denied_secret.natural", GJ_OK, 0);
	CHECK_INT(cell(r, "tables.requests.denied_secret.total")->status, GJ_BLANK);
	gj_report_free(r);
}

/* Offices leave zero cells blank: tab, pipe and markup rows read by
 * position, a blank cell blank, the numbers where they were printed. */
static void test_blank_cells(void)
{
	static const char tabs[] =
		"某局2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量\t3\t\t\t\t1\t\t4\n"
		"二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t\n"
		"（一）予以公开\t2\t—\t-\t/\t\t\t\n"
		"四、政府信息公开行政复议、行政诉讼情况\n"
		"行政复议\t\t\t\t\t行政诉讼\n"
		"结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
		"1\t\t\t\t1\t\t\t\t\t\t\t\t2\t\t2\n"
		"五、存在的主要问题及改进情况\n";
	gj_report *r = load(tabs, GJ_KIND_TEXT);
	CHECK_CELL(r, "tables.requests.new.natural", GJ_OK, 3);
	CHECK_INT(cell(r, "tables.requests.new.commercial")->status, GJ_BLANK);
	CHECK_CELL(r, "tables.requests.new.legal", GJ_OK, 1);
	CHECK_INT(cell(r, "tables.requests.new.other")->status, GJ_BLANK);
	CHECK_CELL(r, "tables.requests.new.total", GJ_OK, 4);
	/* a row left wholly blank */
	for (int k = 0; gj_request_columns[k]; k++) {
		char path[96];
		snprintf(path, sizeof path, "tables.requests.carried_over.%s", gj_request_columns[k]);
		CHECK_INT(cell(r, path)->status, GJ_BLANK);
	}
	/* dashes and slashes are blanks too; a 总计 left blank is blank */
	CHECK_CELL(r, "tables.requests.granted.natural", GJ_OK, 2);
	const gj_cell *c = cell(r, "tables.requests.granted.commercial");
	CHECK_INT(c->status, GJ_BLANK);
	CHECK_STR(c->raw, "—");
	CHECK_INT(cell(r, "tables.requests.granted.total")->status, GJ_BLANK);
	/* 表四: fifteen fields, by position */
	CHECK_CELL(r, "tables.appeals.review.upheld", GJ_OK, 1);
	CHECK_INT(cell(r, "tables.appeals.review.corrected")->status, GJ_BLANK);
	CHECK_CELL(r, "tables.appeals.review.total", GJ_OK, 1);
	CHECK_CELL(r, "tables.appeals.suit_after_review.other", GJ_OK, 2);
	CHECK_CELL(r, "tables.appeals.suit_after_review.total", GJ_OK, 2);
	CHECK_INT(cell(r, "tables.appeals.suit_direct.total")->status, GJ_BLANK);
	gj_report_free(r);
}

/* A table that leaves its 总计 column blank, its labels merged over empty
 * columns: "| 一、… | | | 5 | … | 0 | |" lines up two ways.  The column
 * of the 总计 heading says which; without a heading, the cells on which
 * the two ways differ are ambiguous, never read one column off. */
static void test_blank_total_column(void)
{
	static const char with_header[] =
		"某局2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"| | | | 自然人 | 法人或其他组织 | | | | | 总计 |\n"
		"|---|---|---|---|---|---|---|---|---|---|\n"
		"| 一、本年新收政府信息公开申请数量 | | | 5 | 1 | 0 | 0 | 2 | 3 | |\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(with_header, GJ_KIND_MARKDOWN);
	CHECK_CELL(r, "tables.requests.new.natural", GJ_OK, 5);
	CHECK_CELL(r, "tables.requests.new.other", GJ_OK, 3);
	CHECK_INT(cell(r, "tables.requests.new.total")->status, GJ_BLANK);
	gj_report_free(r);
	static const char no_header[] =
		"某局2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"| 一、本年新收政府信息公开申请数量 | | | 5 | 1 | 0 | 0 | 2 | 3 | |\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	r = load(no_header, GJ_KIND_MARKDOWN);
	const gj_cell *c = cell(r, "tables.requests.new.natural");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->ncandidates, 1);
	CHECK_INT(c->candidates[0], 5);
	CHECK_INT(cell(r, "tables.requests.new.commercial")->status, GJ_AMBIGUOUS);
	gj_report_free(r);
}

/* 表二's rows floated above the table by a converter, each with its
 * number on its line: found out of the rows' order.  A label printed
 * without numbers after it is not taken so. */
static void test_rows_out_of_order(void)
{
	static const char doc[] =
		"某厅2025年政府信息公开工作年度报告\n"
		"二、主动公开政府信息情况\n"
		"第二十条第（一）项\n"
		"第二十条第（五）项\n"
		"信息内容本年处理决定数量\n"
		"行政许可 12\n"
		"行政处罚 3\n"
		"行政强制\n"
		"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
		"| 规章 | 1 | 0 | 4 |\n"
		"| 行政规范性文件 | 2 | 1 | 9 |\n"
		"三、收到和处理政府信息公开申请情况\n";
	gj_report *r = load(doc, GJ_KIND_MARKDOWN);
	CHECK_CELL(r, "tables.active.regulations.in_force", GJ_OK, 4);
	CHECK_CELL(r, "tables.active.normative.issued", GJ_OK, 2);
	const gj_cell *c = cell(r, "tables.active.licensing.decisions");
	CHECK_CELL(r, "tables.active.licensing.decisions", GJ_OK, 12);
	CHECK_INT(c->line, 6);
	CHECK_CELL(r, "tables.active.penalty.decisions", GJ_OK, 3);
	CHECK_STR(cell(r, "tables.active.coercion.decisions")->code, "row_not_found");
	gj_report_free(r);
}

/* A heading that names a row ("### 一、本年新收…") is not the row: the
 * label in a table row after it is, with the numbers beside it. */
static void test_heading_then_row(void)
{
	static const char doc[] =
		"某县2025年政府信息公开工作年度报告\n"
		"## 三、收到和处理政府信息公开申请情况\n"
		"### 一、本年新收政府信息公开申请数量\n"
		"| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
		"|---|---|---|---|---|---|---|---|\n"
		"| 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |\n"
		"### 二、上年结转政府信息公开申请数量\n"
		"| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
		"|---|---|---|---|---|---|---|---|\n"
		"| 上年结转政府信息公开申请数量 | 36 | 0 | 0 | 0 | 0 | 0 | 36 |\n"
		"## 四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_MARKDOWN);
	CHECK_CELL(r, "tables.requests.new.natural", GJ_OK, 705);
	CHECK_CELL(r, "tables.requests.new.total", GJ_OK, 713);
	CHECK_INT(cell(r, "tables.requests.new.total")->line, 6);
	CHECK_CELL(r, "tables.requests.carried_over.natural", GJ_OK, 36);
	gj_report_free(r);
}

/* Labels a converter set apart from their numbers: between two rows that
 * were found, the rows of numbers alone belong to the rows missing in
 * between, in order, when there are as many of each. */
static void test_placed_by_order(void)
{
	static const char doc[] =
		"某厅2025年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"5.要求行政机关确认或重新出具\n"
		"已获取信息\n"
		"| 4.无正当理由大量反复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
		"| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
		"|---|---|---|---|---|---|---|\n"
		"| 行政机关不再处理其政府信息公 | 40 | 1 | 0 | 0 | 2 | 0 | 43 |\n"
		"| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
		"| 3.其他 | 264 | 12 | 0 | 0 | 0 | 0 | 276 |\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_MARKDOWN);
	CHECK_CELL(r, "tables.requests.refused_massive.total", GJ_OK, 1);
	const gj_cell *c = cell(r, "tables.requests.refused_confirm.total");
	CHECK_CELL(r, "tables.requests.refused_confirm.total", GJ_OK, 0);
	CHECK_STR(c->code, "placed_by_order");
	CHECK_INT(c->line, 6);
	CHECK_CELL(r, "tables.requests.other_overdue_correction.natural", GJ_OK, 40);
	CHECK_CELL(r, "tables.requests.other_overdue_correction.total", GJ_OK, 43);
	CHECK_CELL(r, "tables.requests.other_overdue_fee.total", GJ_OK, 0);
	CHECK_CELL(r, "tables.requests.other_misc.total", GJ_OK, 276);
	gj_report_free(r);
	/* one row of numbers for two rows missing: nothing is placed */
	static const char fewer[] =
		"某厅2025年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"| 4.无正当理由大量反复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
		"| 40 | 1 | 0 | 0 | 2 | 0 | 43 |\n"
		"| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	r = load(fewer, GJ_KIND_MARKDOWN);
	c = cell(r, "tables.requests.refused_confirm.total");
	CHECK_INT(c->status, GJ_MISSING);
	CHECK_STR(c->code, "row_not_found");
	CHECK_INT(cell(r, "tables.requests.other_overdue_correction.total")->status, GJ_MISSING);
	gj_report_free(r);
}

/* The ordinal before a row's label, however printed, is not one of the
 * row above's numbers: "（1）", "1)", "②", "3 " and a label with none
 * ("其他" as a cell of its own). */
static void test_ordinals(void)
{
	static const char doc[] =
		"某局2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"（四）无法提供\t（1）本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1\n"
		"\t2)没有现成信息需要另行制作\t0\t2\t0\t0\t0\t0\t2\n"
		"\t③补正后申请内容仍不明确\t3\t0\t0\t0\t0\t0\t3\n"
		"（五）不予处理 1 信访举报投诉类申请 4 0 0 0 0 0 4\n"
		"\t2重复申请\t5\t0\t0\t0\t0\t0\t5\n"
		"（六）其他处理\t申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t6\t6\n"
		"\t申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t7\t7\n"
		"\t其他\t8\t0\t0\t0\t0\t0\t8\n"
		"（七）总计\t9\t0\t0\t0\t0\t0\t9\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_TEXT);
	static const char *const rows[] = {
		"unable_not_held", "unable_create", "unable_unclear",
		"refused_complaint", "refused_repeat", "other_overdue_correction",
		"other_overdue_fee", "other_misc"
	};
	for (int i = 0; i < 8; i++) {
		char path[96];
		snprintf(path, sizeof path, "tables.requests.%s.total", rows[i]);
		const gj_cell *c = cell(r, path);
		CHECK_INT(c->status, GJ_OK);
		CHECK_INT(c->value, i + 1);
		CHECK_STR(c->why, NULL);
	}
	gj_report_free(r);
}

/* 表四 printed as two or three tables, each block under its own header. */
static void test_appeals_in_parts(void)
{
	static const char two[] =
		"某区2023年政府信息公开工作年度报告\n"
		"四、政府信息公开行政复议、行政诉讼情况\n"
		"行政复议\n"
		"结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
		"1\t0\t0\t0\t1\n"
		"行政诉讼\n"
		"未经复议直接起诉\t\t\t\t\t复议后起诉\n"
		"结 果 维 持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
		"0\t2\t0\t0\t2\t0\t0\t0\t3\t3\n"
		"五、存在的主要问题及改进情况\n";
	gj_report *r = load(two, GJ_KIND_TEXT);
	CHECK_CELL(r, "tables.appeals.review.upheld", GJ_OK, 1);
	CHECK_CELL(r, "tables.appeals.review.total", GJ_OK, 1);
	CHECK_CELL(r, "tables.appeals.suit_direct.corrected", GJ_OK, 2);
	CHECK_CELL(r, "tables.appeals.suit_after_review.pending", GJ_OK, 3);
	const gj_cell *c = cell(r, "tables.appeals.suit_after_review.total");
	CHECK_INT(c->line, 9);
	CHECK_INT(c->column, 19);
	gj_report_free(r);
	static const char three[] =
		"某区2023年政府信息公开工作年度报告\n"
		"四、政府信息公开行政复议、行政诉讼情况\n"
		"行政复议 结果维持 结果纠正 其他结果 尚未审结 总计\n"
		"1 0 0 0 1\n"
		"行政诉讼（未经复议直接起诉） 结果维持 结果纠正 其他结果 尚未审结 总计\n"
		"0 2 0 0 2\n"
		"行政诉讼（复议后起诉） 结果维持 结果纠正 其他结果 尚未审结 总计\n"
		"0 0 0 3 3\n"
		"本年度无其他情况。共有5件。\n";
	r = load(three, GJ_KIND_TEXT);
	CHECK_CELL(r, "tables.appeals.review.upheld", GJ_OK, 1);
	CHECK_CELL(r, "tables.appeals.suit_direct.total", GJ_OK, 2);
	CHECK_CELL(r, "tables.appeals.suit_after_review.total", GJ_OK, 3);
	gj_report_free(r);
	/* text between the blocks that is not the header: the blocks are not
	 * joined, and 表四 is missing */
	static const char prose[] =
		"某区2023年政府信息公开工作年度报告\n"
		"四、政府信息公开行政复议、行政诉讼情况\n"
		"行政复议 结果维持 结果纠正 其他结果 尚未审结 总计\n"
		"1 0 0 0 1\n"
		"本年度行政诉讼共2件\n"
		"0 2 0 0 2 0 0 0 0 0\n";
	/* a PDF page break between the blocks: the next page's header (a
	 * line of furniture) after 行政诉讼's header words.  Once looped for
	 * ever on the header line's newline (found by fuzz_text). */
	static const char paged[] =
		"某区2023年政府信息公开工作年度报告\n"
		"四、政府信息公开行政复议、行政诉讼情况\n"
		"行政复议 结果维持 结果纠正 其他结果 尚未审结 总计\n"
		"1 0 0 0 1\n"
		"行政诉讼 未经复议直接起诉 复议后起诉\n"
		"\f某区报告 页眉\n"
		"0 2 0 0 2 0 0 0 3 3\n"
		"\f某区报告 页眉\n"
		"五、存在的主要问题及改进情况\n";
	r = load(paged, GJ_KIND_PDF);
	CHECK_CELL(r, "tables.appeals.review.upheld", GJ_OK, 1);
	CHECK_CELL(r, "tables.appeals.suit_after_review.total", GJ_OK, 3);
	gj_report_free(r);
	r = load(prose, GJ_KIND_TEXT);
	c = cell(r, "tables.appeals.review.upheld");
	CHECK_INT(c->status, GJ_MISSING);
	CHECK_STR(c->why, "a number is missing or run together, and the row's sums settle neither");
	gj_report_free(r);
}

/* Digits run together one fewer than the cells ("000000" for seven, a
 * cell lost at a page break): a digit each, the lost cell placed by the
 * sums; the same with a 1 in it is ambiguous where the readings differ. */
static void test_digit_each(void)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s"
		 "一、本年新收政府信息公开申请数量000000"
		 "二、上年结转政府信息公开申请数量100001"
		 "三、本年度办理结果（一）予以公开0000000"
		 "四、政府信息公开行政复议、行政诉讼情况 无\n", head);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	const gj_cell *c = cell(r, "tables.requests.new.legal");
	CHECK_CELL(r, "tables.requests.new.legal", GJ_INFERRED, 0);
	CHECK_STR(c->why, "a digit each, one cell lost, placed by the row's sums");
	CHECK_CELL(r, "tables.requests.new.total", GJ_INFERRED, 0);
	/* 1|0|0|0|0|1|2 (总计 lost), or a 0 lost before 总计 1 */
	c = cell(r, "tables.requests.carried_over.total");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->ncandidates, 2);
	CHECK_CELL(r, "tables.requests.granted.total", GJ_OK, 0);
	gj_report_free(r);
}

/* A run with as many digits as cells is read as printed, whatever its
 * sums; a longer run that no split makes add up keeps the splits nearest
 * and says so; 表四's fifteen digits likewise. */
static void test_runs_as_printed(void)
{
	char buf[8192];
	snprintf(buf, sizeof buf, "%s"
		 "一、本年新收政府信息公开申请数量21710000218"
		 "二、上年结转政府信息公开申请数量0000000"
		 "三、本年度办理结果（一）予以公开8100008"
		 "（二）部分公开（区分处理的，只计这一情形，不计其他情形）81000108"
		 "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
		 "010000000000000五、存在的主要问题及改进情况无。六、其他需要报告的事项无。\n", head);
	gj_report *r = load(buf, GJ_KIND_TEXT);
	/* 8|1|0|0|0|0|8: the parts make 9, and that is the report's error */
	const gj_cell *c = cell(r, "tables.requests.granted.natural");
	CHECK_CELL(r, "tables.requests.granted.natural", GJ_OK, 8);
	CHECK_STR(c->code, "digit_each");
	CHECK_STR(c->raw, "8");
	CHECK_CELL(r, "tables.requests.granted.commercial", GJ_OK, 1);
	CHECK_CELL(r, "tables.requests.granted.total", GJ_OK, 8);
	/* 81000108: no split adds up; the three splits are the candidates */
	c = cell(r, "tables.requests.partial.natural");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_STR(c->code, "no_split_adds_up");
	CHECK_STR(c->raw, "81000108");
	CHECK_INT(c->ncandidates, 2);
	CHECK_INT(c->candidates[0], 8);
	CHECK_INT(c->candidates[1], 81);
	c = cell(r, "tables.requests.partial.total");
	CHECK_CELL(r, "tables.requests.partial.total", GJ_OK, 8);
	CHECK_STR(c->code, "no_split_adds_up");
	/* 表四: 0|1|0|0|0 and zeros, as printed */
	CHECK_CELL(r, "tables.appeals.review.upheld", GJ_OK, 0);
	CHECK_CELL(r, "tables.appeals.review.corrected", GJ_OK, 1);
	CHECK_CELL(r, "tables.appeals.review.total", GJ_OK, 0);
	CHECK_STR(cell(r, "tables.appeals.review.total")->code, "digit_each");
	gj_report_free(r);
}

/* A label set lower than its row's numbers (a PDF's row made tall by the
 * wrapped label above it): the numbers above the label are its row's when
 * both rows add up; else nothing moves. */
static void test_label_below_numbers(void)
{
	static const char doc[] =
		"某区2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"       4.保护第三方合法权益        3 0 0 0 0 0 3\n"
		"       5.属于三类内部事务信\n"
		"                                   1 0 0 0 0 0 1\n"
		"         息\n"
		"                                   2 0 0 0 0 1 3\n"
		"       6.属于四类过程性信息\n"
		"       7.属于行政执法案卷          0 0 0 0 0 0 0\n"
		"       8.属于行政查询事项\n"
		"                                   1 0 0 0 0 0 1\n"
		"                                   2 0 0 0 0 0 9\n"
		"（四）无法提供 1.本机关不掌握相关政府信息\n"
		"四、政府信息公开行政复议、行政诉讼情况\n";
	gj_report *r = load(doc, GJ_KIND_PDF);
	CHECK_CELL(r, "tables.requests.denied_internal.total", GJ_OK, 1);
	CHECK_CELL(r, "tables.requests.denied_process.natural", GJ_OK, 2);
	CHECK_CELL(r, "tables.requests.denied_process.total", GJ_OK, 3);
	const gj_cell *c = cell(r, "tables.requests.denied_process.total");
	CHECK_INT(c->line, 7);
	CHECK_CELL(r, "tables.requests.denied_enforcement.total", GJ_OK, 0);
	/* 2 … 9 does not add up: 查询事项 keeps its fourteen numbers and
	 * the row after it none */
	CHECK_INT(cell(r, "tables.requests.denied_query.total")->status, GJ_MISSING);
	c = cell(r, "tables.requests.unable_not_held.total");
	CHECK_INT(c->status, GJ_MISSING);
	CHECK_STR(c->why, "no numbers printed in the row");
	gj_report_free(r);
}

int main(void)
{
	test_crawled();
	test_ambiguous();
	test_layout_lost_cell();
	test_printed_error_kept();
	test_unreadable_rows();
	test_2019();
	test_single_spaces();
	test_cell_lines();
	test_pipe_row_short();
	test_pipe_row_padded();
	test_blank_cells();
	test_heading_then_row();
	test_rows_out_of_order();
	test_blank_total_column();
	test_placed_by_order();
	test_ordinals();
	test_appeals_in_parts();
	test_digit_each();
	test_runs_as_printed();
	test_label_below_numbers();
	return unit_done("tables");
}
