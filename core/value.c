/*
 * value.c — the value tree (value.h) and its JSON and YAML writers.
 * Objects keep their keys in the order they were pushed, so everything
 * written from a tree is deterministic.
 */
#include "value.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct gj_value {
	gj_vtype type;
	int b;
	double num;
	char *str;          /* GJ_V_STR: owned */
	int n, cap;
	char **keys;        /* GJ_V_OBJ: owned */
	gj_value **items;   /* GJ_V_ARR, GJ_V_OBJ: owned */
};

gj_value *gj_value_new(gj_vtype t)
{
	gj_value *v = gj_xcalloc(1, sizeof *v);
	v->type = t;
	return v;
}

gj_value *gj_value_new_num(double d)
{
	gj_value *v = gj_value_new(GJ_V_NUM);
	v->num = d;
	return v;
}

gj_value *gj_value_new_str(const char *s)
{
	if (!s)
		return gj_value_new(GJ_V_NULL);
	gj_value *v = gj_value_new(GJ_V_STR);
	v->str = gj_xstrdup(s);
	return v;
}

gj_value *gj_value_new_bool(int b)
{
	gj_value *v = gj_value_new(GJ_V_BOOL);
	v->b = b;
	return v;
}

void gj_value_push(gj_value *v, const char *key, gj_value *item)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->items = gj_xrealloc(v->items, (size_t)v->cap * sizeof *v->items);
		if (v->type == GJ_V_OBJ)
			v->keys = gj_xrealloc(v->keys, (size_t)v->cap * sizeof *v->keys);
	}
	if (v->type == GJ_V_OBJ)
		v->keys[v->n] = gj_xstrdup(key);
	v->items[v->n++] = item;
}

void gj_value_free(gj_value *v)
{
	if (!v)
		return;
	for (int i = 0; i < v->n; i++) {
		gj_value_free(v->items[i]);
		if (v->type == GJ_V_OBJ)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->str);
	free(v);
}

gj_vtype gj_value_type(const gj_value *v)
{
	return v->type;
}

int gj_value_bool(const gj_value *v)
{
	return v->b;
}

double gj_value_num(const gj_value *v)
{
	return v->num;
}

const char *gj_value_str(const gj_value *v)
{
	return v->str;
}

int gj_value_len(const gj_value *v)
{
	return v->n;
}

const char *gj_value_key(const gj_value *v, int i)
{
	return v->type == GJ_V_OBJ ? v->keys[i] : NULL;
}

const gj_value *gj_value_item(const gj_value *v, int i)
{
	return v->items[i];
}

const gj_value *gj_value_get(const gj_value *v, const char *key)
{
	if (!v || v->type != GJ_V_OBJ)
		return NULL;
	for (int i = 0; i < v->n; i++)
		if (strcmp(v->keys[i], key) == 0)
			return v->items[i];
	return NULL;
}

/* ---- writing ---- */

void gj_json_string(gj_buf *out, const char *s, size_t len)
{
	gj_buf_addc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': gj_buf_adds(out, "\\\""); break;
		case '\\': gj_buf_adds(out, "\\\\"); break;
		case '\n': gj_buf_adds(out, "\\n"); break;
		case '\t': gj_buf_adds(out, "\\t"); break;
		case '\r': gj_buf_adds(out, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7F)
				gj_buf_addf(out, "\\u%04x", c);
			else
				gj_buf_addc(out, (char)c);
		}
	}
	gj_buf_addc(out, '"');
}

void gj_number(gj_buf *out, double v)
{
	if (isnan(v) || isinf(v)) {
		gj_buf_adds(out, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15)
		gj_buf_addf(out, "%.0f", v);
	else
		gj_buf_addf(out, "%.15g", v);
}

static void indent(gj_buf *out, int n)
{
	for (int i = 0; i < n; i++)
		gj_buf_adds(out, "  ");
}

static void write_json(const gj_value *v, gj_buf *out, int depth)
{
	switch (v->type) {
	case GJ_V_NULL: gj_buf_adds(out, "null"); break;
	case GJ_V_BOOL: gj_buf_adds(out, v->b ? "true" : "false"); break;
	case GJ_V_NUM: gj_number(out, v->num); break;
	case GJ_V_STR: gj_json_string(out, v->str, strlen(v->str)); break;
	case GJ_V_ARR:
	case GJ_V_OBJ:
		if (v->n == 0) {
			gj_buf_adds(out, v->type == GJ_V_ARR ? "[]" : "{}");
			break;
		}
		gj_buf_addc(out, v->type == GJ_V_ARR ? '[' : '{');
		for (int i = 0; i < v->n; i++) {
			gj_buf_adds(out, i ? ",\n" : "\n");
			indent(out, depth + 1);
			if (v->type == GJ_V_OBJ) {
				gj_json_string(out, v->keys[i], strlen(v->keys[i]));
				gj_buf_adds(out, ": ");
			}
			write_json(v->items[i], out, depth + 1);
		}
		gj_buf_addc(out, '\n');
		indent(out, depth);
		gj_buf_addc(out, v->type == GJ_V_ARR ? ']' : '}');
		break;
	}
}

void gj_value_write_json(const gj_value *v, gj_buf *out)
{
	write_json(v, out, 0);
}

static int plain_key(const char *k)
{
	if (!*k)
		return 0;
	for (const char *p = k; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '_' || *p == '.'))
			return 0;
	return 1;
}

static int is_scalar(const gj_value *v)
{
	return v->type != GJ_V_ARR && v->type != GJ_V_OBJ ? 1 : v->n == 0;
}

static void write_yaml_scalar(const gj_value *v, gj_buf *out)
{
	if (v->type == GJ_V_STR)
		gj_json_string(out, v->str, strlen(v->str));  /* JSON strings are YAML */
	else
		write_json(v, out, 0);
}

static void write_yaml(const gj_value *v, gj_buf *out, int depth)
{
	for (int i = 0; i < v->n; i++) {
		const gj_value *it = v->items[i];
		indent(out, depth);
		if (v->type == GJ_V_OBJ) {
			if (plain_key(v->keys[i]))
				gj_buf_adds(out, v->keys[i]);
			else
				gj_json_string(out, v->keys[i], strlen(v->keys[i]));
			gj_buf_addc(out, ':');
		} else {
			gj_buf_adds(out, "-");
		}
		if (is_scalar(it)) {
			gj_buf_addc(out, ' ');
			write_yaml_scalar(it, out);
			gj_buf_addc(out, '\n');
		} else {
			/* "key:" or "-" alone, the value indented under it */
			gj_buf_addc(out, '\n');
			write_yaml(it, out, depth + 1);
		}
	}
}

void gj_value_write_yaml(const gj_value *v, gj_buf *out)
{
	write_yaml(v, out, 0);
}
