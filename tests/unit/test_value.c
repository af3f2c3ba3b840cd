/* test_value.c — the value tree: building, reading back, and the exact
 * JSON and YAML text it is written as. */
#include "value.h"
#include "unit.h"

#include <math.h>
#include <stdlib.h>

static gj_value *sample(void)
{
	gj_value *root = gj_value_new(GJ_V_OBJ);
	gj_value_push(root, "title", gj_value_new_str("2024: 年度报告"));
	gj_value_push(root, "year", gj_value_new_num(2024));
	gj_value_push(root, "fee", gj_value_new_num(1.5));
	gj_value_push(root, "no", gj_value_new_str("no"));
	gj_value_push(root, "published", gj_value_new_str(NULL));
	gj_value_push(root, "ok", gj_value_new_bool(1));
	gj_value *list = gj_value_new(GJ_V_ARR);
	gj_value_push(list, NULL, gj_value_new_num(1));
	gj_value *row = gj_value_new(GJ_V_OBJ);
	gj_value_push(row, "a\tb", gj_value_new_num(-2));
	gj_value_push(list, NULL, row);
	gj_value_push(root, "list", list);
	gj_value_push(root, "empty", gj_value_new(GJ_V_ARR));
	gj_value_push(root, "year", gj_value_new_num(1999));   /* a key twice */
	return root;
}

static void test_read_back(void)
{
	gj_value *v = sample();
	CHECK_INT(gj_value_type(v), GJ_V_OBJ);
	CHECK_INT(gj_value_len(v), 9);
	CHECK_STR(gj_value_key(v, 0), "title");
	CHECK_STR(gj_value_str(gj_value_get(v, "title")), "2024: 年度报告");
	CHECK_INT(gj_value_type(gj_value_get(v, "published")), GJ_V_NULL);
	CHECK_INT(gj_value_bool(gj_value_get(v, "ok")), 1);
	/* the first of a repeated key */
	CHECK_INT((long long)gj_value_num(gj_value_get(v, "year")), 2024);
	CHECK(gj_value_get(v, "nothing") == NULL);
	const gj_value *list = gj_value_get(v, "list");
	CHECK(gj_value_get(list, "x") == NULL);   /* not an object */
	CHECK(gj_value_key(list, 0) == NULL);
	CHECK_INT((long long)gj_value_num(gj_value_item(list, 0)), 1);
	gj_value_free(v);
	gj_value_free(NULL);
}

static void test_json(void)
{
	gj_value *v = sample();
	gj_buf b;
	gj_buf_init(&b);
	gj_value_write_json(v, &b);
	CHECK_STR(b.data,
		  "{\n"
		  "  \"title\": \"2024: 年度报告\",\n"
		  "  \"year\": 2024,\n"
		  "  \"fee\": 1.5,\n"
		  "  \"no\": \"no\",\n"
		  "  \"published\": null,\n"
		  "  \"ok\": true,\n"
		  "  \"list\": [\n"
		  "    1,\n"
		  "    {\n"
		  "      \"a\\tb\": -2\n"
		  "    }\n"
		  "  ],\n"
		  "  \"empty\": [],\n"
		  "  \"year\": 1999\n"
		  "}");
	gj_buf_release(&b);
	gj_value_free(v);
}

static void test_yaml(void)
{
	gj_value *v = sample();
	gj_buf b;
	gj_buf_init(&b);
	gj_value_write_yaml(v, &b);
	CHECK_STR(b.data,
		  "title: \"2024: 年度报告\"\n"
		  "year: 2024\n"
		  "fee: 1.5\n"
		  "no: \"no\"\n"
		  "published: null\n"
		  "ok: true\n"
		  "list:\n"
		  "  - 1\n"
		  "  -\n"
		  "    \"a\\tb\": -2\n"
		  "empty: []\n"
		  "year: 1999\n");
	gj_buf_release(&b);
	gj_value_free(v);
}

static void test_numbers_and_strings(void)
{
	gj_buf b;
	gj_buf_init(&b);
	gj_number(&b, 3);
	gj_buf_addc(&b, ' ');
	gj_number(&b, 0.1);
	gj_buf_addc(&b, ' ');
	gj_number(&b, 1e20);
	gj_buf_addc(&b, ' ');
	gj_number(&b, NAN);
	gj_buf_addc(&b, ' ');
	gj_number(&b, -INFINITY);
	gj_buf_addc(&b, ' ');
	gj_json_string(&b, "\"\\\n\x01\x7f", 5);
	CHECK_STR(b.data, "3 0.1 1e+20 null null \"\\\"\\\\\\n\\u0001\\u007f\"");
	gj_buf_release(&b);
}

int main(void)
{
	test_read_back();
	test_json();
	test_yaml();
	test_numbers_and_strings();
	return unit_done("value");
}
