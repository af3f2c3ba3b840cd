/* test_diff.c — gouji diff's comparison: the similarity measure on the
 * cases tests/scripts/text_test.lua gives text.similarity (the two must
 * agree; tests/cli/diff_similarity.cmd compares them on real reports), and
 * the run's figures and parts for two small reports. */
#include "diff.h"
#include "textcore.h"
#include "reader.h"
#include "unit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double sim(const char *a, const char *b)
{
	return gj_text_similarity(a, a ? strlen(a) : 0, b, b ? strlen(b) : 0);
}

#define CHECK_NEAR(got, want) CHECK(fabs((got) - (want)) < 1e-12)

static void test_similarity(void)
{
	CHECK(sim("本年度共发布信息24条。", "本年度共发布信息24条。") == 1.0);
	/* full-width digits and the ideographic space are read as ASCII */
	CHECK(sim("本年度共发布信息24条。", "本年度　共发布信息２４条") == 1.0);
	CHECK(sim("一、总体情况：好", "一总体情况好！") == 1.0);
	CHECK(sim("政府信息", "公开工作") == 0.0);
	CHECK(sim("abc", "abd") == 0.5);
	CHECK_NEAR(sim("政府信息公开", "政府信息工作"), 2.0 * 3 / 10);
	/* a pair counts as often as both texts have it */
	CHECK_NEAR(sim("好好好", "好好"), 2.0 * 1 / 3);
	CHECK(sim("本年度发布信息", "发布信息本年度") == sim("发布信息本年度", "本年度发布信息"));
	CHECK(sim("", "") == 0.0);
	CHECK(sim("", "政府信息") == 0.0);
	CHECK(sim(NULL, "政府信息") == 0.0);
	CHECK(sim("。，！", "。，！") == 0.0);
	CHECK(sim("好", "好。") == 1.0);
	CHECK(sim("好", "坏") == 0.0);
	/* 〇 is a numeral, kept; « » ‰ ﹏ ・ ｡ are punctuation, dropped */
	CHECK(sim("〇〇", "〇〇") == 1.0);
	CHECK(sim("政«府»信‰息﹏・｡", "政府信息") == 1.0);
	/* a byte that is not UTF-8 is read as U+FFFD, as text.lua does */
	CHECK(sim("甲\xFF乙", "甲\xEF\xBF\xBD乙") == 1.0);
	/* only the first GJ_SIMILARITY_LIMIT characters are compared */
	size_t n = GJ_SIMILARITY_LIMIT + 10;
	char *a = malloc(n + 1), *b = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		a[i] = b[i] = (char)('a' + i % 7);
	memcpy(b + GJ_SIMILARITY_LIMIT, "zzzzzzzzzz", 10);
	a[n] = b[n] = '\0';
	CHECK(sim(a, b) == 1.0);
	b[0] = 'z';
	CHECK(sim(a, b) < 1.0);
	free(a);
	free(b);
}

static const char last_yaml[] =
	"title: \"x 2023\"\nagency: \"测试区测试局\"\nyear: 2023\nformat: \"2021\"\n"
	"sections:\n"
	"  - {number: 1, title: \"一、总体情况\", text: \"本年度共发布信息24条。\"}\n"
	"  - {number: 5, title: \"五、存在的主要问题及改进情况\", text: \"一是加强学习。\"}\n"
	"tables:\n"
	"  active:\n    fees: {amount: 1.2}\n    licensing: {decisions: 4}\n"
	"  requests:\n    new: {natural: null, total: 3}\n";

static const char this_yaml[] =
	"title: \"x 2024\"\nagency: \"测试区测试局\"\nyear: 2024\nformat: \"2021\"\n"
	"sections:\n"
	"  - {number: 1, title: \"一、总体情况\", text: \"本年度共发布信息３０条。\"}\n"
	"tables:\n"
	"  active:\n    fees: {amount: 1.5}\n    licensing: {decisions: 4}\n"
	"  requests:\n    new: {natural: 5, total: 2}\n";

static const gj_value *get(const gj_value *v, const char *key)
{
	return gj_value_get(v, key);
}

static const gj_value *figure(const gj_value *run, const char *path)
{
	const gj_value *fs = get(run, "figures");
	for (int i = 0; i < gj_value_len(fs); i++) {
		const gj_value *f = gj_value_item(fs, i);
		if (strcmp(gj_value_str(get(f, "path")), path) == 0)
			return f;
	}
	return NULL;
}

static void test_run(void)
{
	gj_diag d;
	gj_report *last = gj_reader_load_mem("last.yaml", last_yaml, strlen(last_yaml), NULL, &d);
	gj_report *cur = gj_reader_load_mem("this.yaml", this_yaml, strlen(this_yaml), NULL, &d);
	CHECK(last && cur);
	if (!last || !cur)
		return;
	gj_value *run = gj_diff_value(last, cur, NULL);

	/* fees: a fraction, and the change without binary noise */
	const gj_value *f = figure(run, "tables.active.fees.amount");
	CHECK(f != NULL);
	if (f) {
		CHECK(gj_value_num(get(f, "change")) == 0.3);
		CHECK(gj_value_num(get(f, "percent")) == 25.0);
		CHECK_STR(gj_value_str(get(f, "row_label")), "行政事业性收费");
	}
	/* unreadable last year: nil, never 0, and no change computed */
	f = figure(run, "tables.requests.new.natural");
	CHECK(f != NULL);
	if (f) {
		CHECK(gj_value_type(get(f, "last")) == GJ_V_NULL);
		CHECK(gj_value_num(get(f, "this")) == 5);
		CHECK_STR(gj_value_str(get(f, "last_status")), "missing");
		CHECK(gj_value_type(get(f, "change")) == GJ_V_NULL);
		CHECK(gj_value_type(get(f, "percent")) == GJ_V_NULL);
		CHECK_STR(gj_value_str(get(f, "label")), "一、本年新收政府信息公开申请数量 · 自然人");
	}
	f = figure(run, "tables.requests.new.total");
	CHECK(f && gj_value_num(get(f, "change")) == -1);
	/* an unchanged figure is not listed; cells missing in both years
	 * are counted, not listed */
	CHECK(figure(run, "tables.active.licensing.decisions") == NULL);
	CHECK(figure(run, "tables.requests.new.commercial") == NULL);
	CHECK_INT(gj_value_len(get(run, "figures")), 3);
	CHECK_INT(gj_value_num(get(run, "compared")), 200);
	CHECK_INT(gj_value_num(get(run, "unreadable_both")), 200 - 4);
	CHECK_INT(gj_value_num(get(run, "not_compared")), 0);

	/* the six parts, missing ones marked */
	const gj_value *parts = get(run, "sections");
	CHECK_INT(gj_value_len(parts), 6);
	const gj_value *p1 = gj_value_item(parts, 0), *p5 = gj_value_item(parts, 4);
	CHECK_STR(gj_value_str(get(p1, "title")), "一、总体情况");
	CHECK_NEAR(gj_value_num(get(p1, "similarity")),
		   sim("本年度共发布信息24条。", "本年度共发布信息３０条。"));
	CHECK(gj_value_bool(get(p5, "missing_this")));
	CHECK(!gj_value_bool(get(p5, "missing_last")));
	CHECK(gj_value_type(get(p5, "similarity")) == GJ_V_NULL);
	CHECK(gj_value_type(get(p5, "this_text")) == GJ_V_NULL);
	CHECK_INT(gj_value_num(get(p5, "last_chars")), 7);

	gj_value_free(run);
	gj_report_free(last);
	gj_report_free(cur);
}

int main(void)
{
	test_similarity();
	test_run();
	return unit_done("diff");
}
