/* test_input.c — kinds, encodings and refusals of the input stage, from
 * bytes in memory and from the fixtures in tests/bad. */
#include "input.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static gj_input in;
static gj_diag d;

static int mem(const char *name, const char *bytes, size_t len, const char *enc)
{
	gj_input_options o = { enc, 0 };
	memset(&d, 0, sizeof d);
	gj_input_release(&in);
	return gj_input_read_mem(name, bytes, len, &o, &in, &d);
}

static int file(const char *path)
{
	memset(&d, 0, sizeof d);
	gj_input_release(&in);
	return gj_input_read(path, NULL, &in, &d);
}

static void test_kinds(void)
{
	CHECK_INT(mem("a.md", "# 标题\n", 8, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_MARKDOWN);
	CHECK_INT(mem("a.YAML", "title: x\n", 9, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_YAML);
	CHECK_INT(mem("a.yml", "title: x\n", 9, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_YAML);
	CHECK_INT(mem("report", "text\n", 5, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_TEXT);
	CHECK_STR(gj_kind_name(GJ_KIND_PDF), "pdf");
}

static void test_encodings(void)
{
	/* BOM and CRLF */
	CHECK_INT(mem("a.txt", "\xEF\xBB\xBF" "一\r\n二\r三\n", 16, NULL), 0);
	CHECK_STR(in.text, "一\n二\n三\n");
	CHECK_STR(in.encoding, "utf-8");
	/* GB18030: 报告 is B1 A8 B8 E6 */
	CHECK_INT(mem("a.txt", "\xB1\xA8\xB8\xE6\n", 5, NULL), 0);
	CHECK_STR(in.text, "报告\n");
	CHECK_STR(in.encoding, "gb18030");
	/* forced */
	CHECK_INT(mem("a.txt", "\xB1\xA8\xB8\xE6\n", 5, "gbk"), 0);
	CHECK_STR(in.text, "报告\n");
	CHECK_INT(mem("a.txt", "\xB1\xA8\xB8\xE6\n", 5, "utf-8"), -1);
	CHECK_STR(d.message, "not UTF-8 text");
	CHECK_INT(mem("a.txt", "abc", 3, "latin1"), -1);
	CHECK_STR(d.message, "unknown encoding 'latin1' (use utf-8 or gb18030)");
	/* UTF-16LE with BOM: "报" U+62A5 */
	CHECK_INT(mem("a.txt", "\xFF\xFE\xA5\x62\x0A\x00", 6, NULL), 0);
	CHECK_STR(in.text, "报\n");
	CHECK_STR(in.encoding, "utf-16");
}

static void test_refusals(void)
{
	CHECK_INT(mem("a.txt", "", 0, NULL), -1);
	CHECK_STR(d.message, "empty file");
	CHECK_INT(mem("a.txt", " \n\t\xE3\x80\x80\n", 7, NULL), -1);
	CHECK_STR(d.message, "empty file");
	CHECK_INT(mem("a.txt", "ab\0cd", 5, NULL), -1);
	CHECK_STR(d.message, "binary file (NUL bytes)");
	CHECK_INT(mem("a.txt", "ab\x80\xFF", 4, NULL), -1);
	CHECK_STR(d.message, "not UTF-8 or GB18030 text");
	gj_input_options small = { NULL, 4 };
	memset(&d, 0, sizeof d);
	gj_input_release(&in);
	CHECK_INT(gj_input_read_mem("a.txt", "12345", 5, &small, &in, &d), -1);
	CHECK_STR(d.message, "file too large (5 bytes, limit 4)");
}

static void test_files(void)
{
	CHECK_INT(file("tests/bad/no-such-file.md"), -1);
	CHECK_STR(d.message, "cannot read: No such file or directory");
	CHECK_INT(file("tests/bad"), -1);
	CHECK_STR(d.message, "is a directory");
	CHECK_INT(file("tests/bad/empty.md"), -1);
	CHECK_STR(d.message, "empty file");
	CHECK_INT(file("tests/bad/gb18030.txt"), 0);
	CHECK_STR(in.encoding, "gb18030");
	CHECK(strncmp(in.text, "一、总体情况\n", 19) == 0);
	CHECK_INT(file("tests/bad/truncated.pdf"), -1);
	CHECK_STR(d.message, "cannot read PDF: damaged or truncated file");
	CHECK_INT(file("tests/bad/notext.pdf"), -1);
	CHECK_STR(d.message, "PDF has no text layer (scanned?); run OCR first");
	CHECK_INT(file("tests/corpus/hongzequ_2024.pdf"), 0);
	CHECK_INT(in.kind, GJ_KIND_PDF);
	CHECK(strstr(in.text, "政府信息公开工作年度报告") != NULL);
	/* the same PDF from memory goes through a temporary file */
	FILE *f = fopen("tests/corpus/hongzequ_2024.pdf", "rb");
	static char buf[1 << 20];
	size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
	if (f)
		fclose(f);
	CHECK_INT(mem("x.pdf", buf, n, NULL), 0);
	CHECK(strstr(in.text, "行政复议") != NULL);
}

int main(void)
{
	test_kinds();
	test_encodings();
	test_refusals();
	test_files();
	gj_input_release(&in);
	return unit_done("input");
}
