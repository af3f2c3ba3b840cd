/* test_yamlrd.c — the YAML reader: values become cells with YAML positions,
 * `cells` restores statuses, the format is inferred, and every error names
 * its line:column. */
#include "model.h"
#include "unit.h"
#include "yamlrd.h"

#include <stdlib.h>
#include <string.h>

/* Read y into a new report; NULL (d set) on error. */
static gj_report *load(const char *y, gj_diag *d)
{
	gj_report *r = gj_report_new();
	memset(d, 0, sizeof *d);
	if (gj_yaml_read(y, strlen(y), r, d) != 0) {
		gj_report_free(r);
		return NULL;
	}
	return r;
}

/* Check that y fails with message msg at line:col. */
static void fails(const char *y, int line, int col, const char *msg)
{
	gj_diag d;
	gj_report *r = load(y, &d);
	CHECK(r == NULL);
	gj_report_free(r);
	CHECK_STR(d.message, msg);
	CHECK_INT(d.line, line);
	CHECK_INT(d.column, col);
}

static const gj_cell *cell(const gj_report *r, const char *path)
{
	int i = gj_cell_index(path);
	CHECK(i >= 0);
	return i >= 0 ? &r->cells[i] : &r->cells[0];
}

static void test_minimal_2021(void)
{
	const char *y =
		"title: \"某局 2022 年报告\"\n"
		"agency: 某局\n"
		"year: 2022\n"
		"format: \"2021\"\n"
		"published: 2023-01-31\n"
		"sections:\n"
		"  - number: 1\n"
		"    title: \"一、总体情况\"\n"
		"    paragraphs:\n"
		"      - 第一段\n"
		"      - {line: 12, text: 第二段}\n"
		"tables:\n"
		"  requests:\n"
		"    new: {natural: 3, total: 218}\n"
		"  appeals:\n"
		"    review:\n"
		"      upheld: 1\n";
	gj_diag d;
	gj_report *r = load(y, &d);
	CHECK(r != NULL);
	if (!r) {
		fprintf(stderr, "%d:%d: %s\n", d.line, d.column, d.message);
		return;
	}
	CHECK_STR(r->title, "某局 2022 年报告");
	CHECK_STR(r->agency, "某局");
	CHECK_INT(r->year, 2022);
	CHECK_INT(r->format, GJ_FORMAT_2021);
	CHECK_STR(r->published, "2023-01-31");

	CHECK_INT(r->nsections, 1);
	const gj_section *s = &r->sections[0];
	CHECK_INT(s->number, 1);
	CHECK_STR(s->title, "一、总体情况");
	CHECK_INT(s->exact, 1);
	CHECK_INT(s->line, 7);        /* no `line`: the YAML item's line */
	CHECK_INT(s->end_line, 7);
	CHECK_INT(s->nparagraphs, 2);
	CHECK_STR(s->paragraphs[0], "第一段");
	CHECK_INT(s->paragraph_lines[0], 10);
	CHECK_STR(s->paragraphs[1], "第二段");
	CHECK_INT(s->paragraph_lines[1], 12);
	CHECK_STR(s->text, "第一段\n第二段");

	const gj_cell *c = cell(r, "tables.requests.new.total");
	CHECK_INT(c->status, GJ_OK);
	CHECK(c->value == 218);
	CHECK_INT(c->line, 14);
	CHECK_INT(c->column, 30);
	CHECK_STR(c->raw, "218");
	c = cell(r, "tables.appeals.review.upheld");
	CHECK_INT(c->status, GJ_OK);
	CHECK(c->value == 1);
	CHECK_INT(c->line, 17);
	CHECK_INT(c->column, 15);
	/* not mentioned: missing; of the other format: absent */
	c = cell(r, "tables.requests.new.legal");
	CHECK_INT(c->status, GJ_MISSING);
	CHECK_INT(c->line, 0);
	CHECK_INT(cell(r, "tables.requests.other.total")->status, GJ_ABSENT);
	CHECK_INT(cell(r, "tables.active.regulations.made")->status, GJ_ABSENT);

	CHECK_INT(r->has_table[GJ_TABLE_REQUESTS], 1);
	CHECK_INT(r->table_line[GJ_TABLE_REQUESTS], 14);
	CHECK_INT(r->has_table[GJ_TABLE_ACTIVE], 0);
	gj_report_free(r);
}

static void test_values(void)
{
	const char *y =
		"format: 2021\n"
		"tables:\n"
		"  active:\n"
		"    fees: {amount: 12.5}\n"
		"    licensing: {decisions: -3}\n"
		"  requests:\n"
		"    new: {natural: null, commercial: \"/\", research: ~, nonprofit: \"-\", legal: 1e3}\n";
	gj_diag d;
	gj_report *r = load(y, &d);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT(r->format, GJ_FORMAT_2021);
	const gj_cell *c = cell(r, "tables.active.fees.amount");
	CHECK_INT(c->status, GJ_OK);
	CHECK(c->value == 12.5);
	CHECK_STR(c->raw, "12.5");
	c = cell(r, "tables.active.licensing.decisions");
	CHECK_INT(c->status, GJ_OK);
	CHECK(c->value == -3);       /* accepted as printed; rules flag it */
	c = cell(r, "tables.requests.new.natural");
	CHECK_INT(c->status, GJ_MISSING);
	CHECK_INT(c->line, 7);
	CHECK_INT(c->column, 20);
	CHECK_STR(c->raw, NULL);
	CHECK_STR(c->code, "given_null");
	/* "/", "-" and ~ are cells printed blank; null is one not printed */
	c = cell(r, "tables.requests.new.commercial");
	CHECK_INT(c->status, GJ_BLANK);
	CHECK_STR(c->raw, "/");
	CHECK_STR(c->why, "printed blank");
	CHECK_STR(c->code, "printed_blank");
	CHECK_INT(cell(r, "tables.requests.new.research")->status, GJ_BLANK);
	CHECK_INT(cell(r, "tables.requests.new.nonprofit")->status, GJ_BLANK);
	c = cell(r, "tables.requests.new.legal");
	CHECK_INT(c->status, GJ_OK);
	CHECK(c->value == 1000);
	gj_report_free(r);
}

static void test_cells_restore(void)
{
	const char *y =
		"format: \"2021\"\n"
		"tables:\n"
		"  requests:\n"
		"    new: {total: null, natural: 5}\n"
		"cells:\n"
		"  tables.requests.new.total:\n"
		"    status: ambiguous\n"
		"    line: 40\n"
		"    column: 5\n"
		"    raw: \"2181\"\n"
		"    candidates: [218, 21.5]\n"
		"    why: \"several readings fit\"\n"
		"  tables.requests.new.natural:\n"
		"    status: inferred\n"
		"    raw: null\n";
	gj_diag d;
	gj_report *r = load(y, &d);
	CHECK(r != NULL);
	if (!r) {
		fprintf(stderr, "%d:%d: %s\n", d.line, d.column, d.message);
		return;
	}
	const gj_cell *c = cell(r, "tables.requests.new.total");
	CHECK_INT(c->status, GJ_AMBIGUOUS);
	CHECK_INT(c->line, 40);
	CHECK_INT(c->column, 5);
	CHECK_STR(c->raw, "2181");
	CHECK_INT(c->ncandidates, 2);
	CHECK(c->candidates[0] == 218 && c->candidates[1] == 21.5);
	CHECK_STR(c->why, "several readings fit");
	c = cell(r, "tables.requests.new.natural");
	CHECK_INT(c->status, GJ_INFERRED);
	CHECK(c->value == 5);
	CHECK_INT(c->line, 4);        /* kept from the table value */
	CHECK_STR(c->raw, NULL);
	gj_report_free(r);

	fails("tables:\n"
	      "  requests:\n"
	      "    new: {total: 7}\n"
	      "cells:\n"
	      "  tables.requests.new.total: {status: ambiguous}\n",
	      3, 18, "'tables.requests.new.total' has a value but its cell says ambiguous");
	fails("cells:\n"
	      "  tables.requests.new.total: {status: ok}\n",
	      2, 39, "'tables.requests.new.total' has no value in 'tables' but its cell says ok");
	fails("cells:\n"
	      "  tables.requests.new.total: {status: absent}\n",
	      2, 39, "'status' must be ok, inferred, missing, ambiguous or blank");
	fails("cells:\n"
	      "  tables.requests.new.total: {candidates: [1, 2, 3, 4, 5, 6, 7, 8, 9,"
	      " 10, 11, 12, 13, 14, 15, 16, 17]}\n",
	      2, 99, "'tables.requests.new.total' has more than 16 candidates");
	fails("format: \"2021\"\n"
	      "cells:\n"
	      "  tables.active.regulations.made: {status: missing}\n",
	      3, 3, "unknown key 'tables.active.regulations.made'");
}

static void test_2019(void)
{
	/* no `format`: the row `other` and the procurement row say 2019 */
	const char *y =
		"year: 2020\n"
		"tables:\n"
		"  active:\n"
		"    regulations: {made: 1, published: 1, total: 4}\n"
		"    procurement: {count: 2, amount: 35.75}\n"
		"  requests:\n"
		"    other: {natural: 0, total: 2}\n";
	gj_diag d;
	gj_report *r = load(y, &d);
	CHECK(r != NULL);
	if (!r) {
		fprintf(stderr, "%d:%d: %s\n", d.line, d.column, d.message);
		return;
	}
	CHECK_INT(r->format, GJ_FORMAT_2019);
	CHECK(cell(r, "tables.active.procurement.amount")->value == 35.75);
	CHECK(cell(r, "tables.requests.other.total")->value == 2);
	CHECK_INT(cell(r, "tables.requests.other_misc.total")->status, GJ_ABSENT);
	CHECK_INT(cell(r, "tables.active.fees.previous")->status, GJ_MISSING);
	gj_report_free(r);

	/* only the row `other` given: 2019 */
	r = load("tables: {requests: {other: {total: 1}}}\n", &d);
	CHECK(r != NULL);
	if (r)
		CHECK_INT(r->format, GJ_FORMAT_2019);
	gj_report_free(r);

	/* a 2021 report may keep （六）其他处理 printed as one row */
	r = load("tables:\n"
		 "  requests:\n"
		 "    other: {total: 1}\n"
		 "    other_misc: {total: null}\n", &d);
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(r->format, GJ_FORMAT_2021);
		CHECK_INT(cell(r, "tables.requests.other.total")->status, GJ_OK);
	}
	gj_report_free(r);

	/* a 2021 key in a 2019 report */
	fails("format: \"2019\"\n"
	      "tables:\n"
	      "  active:\n"
	      "    regulations: {issued: 1}\n",
	      4, 19, "unknown key 'issued'");
}

static void test_errors(void)
{
	fails("title: a\n"
	      "agency: b\n"
	      "  \n"
	      "yaer: 2022\n",
	      4, 1, "unknown key 'yaer'");
	fails("tables:\n"
	      "  requests:\n"
	      "    new: {total: 1}\n"
	      "    newer: {total: 1}\n",
	      4, 5, "unknown key 'newer'");
	fails("tables:\n"
	      "  requests:\n"
	      "    new: {total: 1, sum: 2}\n",
	      3, 21, "unknown key 'sum'");
	fails("sections:\n"
	      "  - number: 2\n"
	      "    heading: x\n",
	      3, 5, "unknown key 'heading'");
	fails("year: \"2022\"\n", 1, 7, "'year' must be an integer");
	fails("year: 2022.5\n", 1, 7, "'year' must be an integer");
	fails("title: [a]\n", 1, 8, "'title' must be a string or null");
	fails("format: 2020\n", 1, 9,
	      "'format' must be '2021', '2019', 'legacy' or 'unknown'");
	fails("published: 2023-02-30\n", 1, 12,
	      "'published' must be a date written YYYY-MM-DD, or null");
	fails("tables:\n"
	      "  requests:\n"
	      "    new: {natural: 2.5}\n",
	      3, 20, "'tables.requests.new.natural' must be a whole number");
	fails("tables:\n"
	      "  requests:\n"
	      "    new: {natural: \"12\"}\n",
	      3, 20, "'tables.requests.new.natural' must be a number or null");
	fails("tables:\n"
	      "  requests:\n"
	      "    new: 3\n",
	      3, 10, "'tables.requests.new' must be a mapping");
	fails("title: a\n"
	      "title: b\n",
	      2, 1, "duplicate key 'title'");
	fails("sections:\n"
	      "  - {number: 1}\n"
	      "  - {number: 1}\n",
	      3, 14, "section 1 appears twice");
	fails("sections:\n"
	      "  - {number: 7}\n",
	      2, 14, "'number' must be from 1 to 6");
	fails("sections:\n"
	      "  - {title: x}\n",
	      2, 5, "a section needs a 'number'");
	fails("- a\n- b\n", 1, 1, "a report must be a YAML mapping");
	fails("", 0, 0, "empty YAML document");
	fails("# only a comment\n", 0, 0, "empty YAML document");
	fails("---\n", 0, 0, "empty YAML document");
	fails("title: a\n---\ntitle: b\n", 2, 1, "a report must be a single YAML document");
}

static void test_syntax(void)
{
	fails("title: \"a\n"
	      "year: 2022\n",
	      3, 1, "found unexpected end of stream");
	fails("tables:\n"
	      "  requests: {new: {total: 1}\n"
	      "year: 2022\n",
	      3, 1, "did not find expected ',' or '}'");
	fails("title: a\n"
	      " year: 2022\n",
	      2, 6, "mapping values are not allowed in this context");
}

static void test_aliases(void)
{
	fails("a: &x [1, 2]\n"
	      "tables: *x\n",
	      2, 9, "aliases are not allowed in a report");
	/* billion laughs: refused at the first alias, before any expansion */
	fails("a: &a [\"lol\", \"lol\"]\n"
	      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
	      2, 8, "aliases are not allowed in a report");
}

static void test_source(void)
{
	gj_diag d;
	gj_report *r = gj_report_new();
	r->source_path = gj_xstrdup("given.yaml");
	const char *y = "source: {path: \"old.md\", kind: markdown, encoding: null}\n";
	CHECK_INT(gj_yaml_read(y, strlen(y), r, &d), 0);
	CHECK_STR(r->source_path, "given.yaml");   /* the caller's stays */
	CHECK_STR(r->source_kind, "markdown");
	CHECK_STR(r->encoding, NULL);
	gj_report_free(r);
}

int main(void)
{
	test_minimal_2021();
	test_values();
	test_cells_restore();
	test_2019();
	test_errors();
	test_syntax();
	test_aliases();
	test_source();
	return unit_done("yamlrd");
}
