/* test_previous.c — last year's reports paired by agency and year: the
 * same agency with or without the city above, never two counties by
 * "人民政府" alone, the year before only, the first of several, and many
 * entries in one bucket. */
#include "previous.h"
#include "unit.h"

#include <stdio.h>

static void test_same_agency(void)
{
	CHECK_INT(gj_previous_same_agency("洪泽区人民政府", "洪泽区人民政府"), 1);
	CHECK_INT(gj_previous_same_agency("淮安市洪泽区人民政府", "洪泽区人民政府"), 1);
	CHECK_INT(gj_previous_same_agency("洪泽区人民政府", "淮安市 洪泽区\t人民政府"), 1);
	/* "人民政府" alone names no place */
	CHECK_INT(gj_previous_same_agency("洪泽区人民政府", "人民政府"), 0);
	CHECK_INT(gj_previous_same_agency("洪泽区人民政府", "清江浦区人民政府"), 0);
	/* short names pair only when equal */
	CHECK_INT(gj_previous_same_agency("abc", "xabc"), 0);
	CHECK_INT(gj_previous_same_agency("abc", "abc"), 1);
	CHECK_INT(gj_previous_same_agency("", ""), 1);
}

static void test_find(void)
{
	gj_previous *p = gj_previous_new();
	gj_previous_add(p, "淮安市洪泽区人民政府", 2023, "2023/hongze.pdf");
	gj_previous_add(p, "洪泽区人民政府", 2023, "2023/hongze-again.pdf");
	gj_previous_add(p, "清江浦区人民政府", 2023, "2023/qingjiangpu.pdf");
	gj_previous_add(p, NULL, 2023, "2023/noname.pdf");          /* not kept */
	gj_previous_add(p, "平潭综合实验区管理委员会", 0, "x.txt");   /* not kept */
	CHECK_INT(gj_previous_count(p), 3);
	CHECK_STR(gj_previous_find(p, "洪泽区人民政府", 2024), "2023/hongze.pdf");
	CHECK_STR(gj_previous_find(p, "淮安市洪泽区人民政府", 2024), "2023/hongze.pdf");
	CHECK_STR(gj_previous_find(p, "清江浦区人民政府", 2024), "2023/qingjiangpu.pdf");
	CHECK(gj_previous_find(p, "洪泽区人民政府", 2023) == NULL);
	CHECK(gj_previous_find(p, "洪泽区人民政府", 2025) == NULL);
	CHECK(gj_previous_find(p, "人民政府", 2024) == NULL);
	CHECK(gj_previous_find(p, NULL, 2024) == NULL);
	CHECK(gj_previous_find(NULL, "洪泽区人民政府", 2024) == NULL);
	gj_previous_free(p);
	gj_previous_free(NULL);
}

/* 10,000 agencies, each found, in one index */
static void test_many(void)
{
	gj_previous *p = gj_previous_new();
	char name[64], path[64];
	for (int i = 0; i < 10000; i++) {
		snprintf(name, sizeof name, "第%05d号县人民政府办公室", i);
		snprintf(path, sizeof path, "%d.md", i);
		gj_previous_add(p, name, 2023, path);
	}
	int found = 0;
	for (int i = 0; i < 10000; i++) {
		snprintf(name, sizeof name, "第%05d号县人民政府办公室", i);
		snprintf(path, sizeof path, "%d.md", i);
		const char *got = gj_previous_find(p, name, 2024);
		found += got && strcmp(got, path) == 0;
	}
	CHECK_INT(found, 10000);
	gj_previous_free(p);
}

int main(void)
{
	test_same_agency();
	test_find();
	test_many();
	return unit_done("previous");
}
