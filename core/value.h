/*
 * value.h — a small tree of values (null, booleans, numbers, strings,
 * arrays, objects that keep their key order), written as JSON or YAML.
 * It is what the core hands between its stages when the shape is open:
 * a report as `gouji dump` prints it (dump.c), a pack manifest or the
 * project config as the YAML reader parses it (yamlrd.c, config.c), the
 * run an output script is given (diff.c), and what Lua is given of them
 * (luabridge.c).  Nothing here knows about reports.
 *
 * Ownership: a tree is freed from its root with gj_value_free; an item
 * pushed into an array or object belongs to it.
 */
#ifndef GJ_VALUE_H
#define GJ_VALUE_H

#include <stddef.h>

#include "util.h"

typedef struct gj_value gj_value;
typedef enum { GJ_V_NULL, GJ_V_BOOL, GJ_V_NUM, GJ_V_STR, GJ_V_ARR, GJ_V_OBJ } gj_vtype;

gj_value *gj_value_new(gj_vtype t);
gj_value *gj_value_new_num(double d);
gj_value *gj_value_new_str(const char *s);     /* NULL: a null value */
gj_value *gj_value_new_bool(int b);
/* Append item to an array (key NULL) or an object; v takes ownership. */
void gj_value_push(gj_value *v, const char *key, gj_value *item);
void gj_value_free(gj_value *v);

gj_vtype gj_value_type(const gj_value *v);
int gj_value_bool(const gj_value *v);
double gj_value_num(const gj_value *v);
const char *gj_value_str(const gj_value *v);
int gj_value_len(const gj_value *v);                   /* items of ARR/OBJ */
const char *gj_value_key(const gj_value *v, int i);    /* OBJ only */
const gj_value *gj_value_item(const gj_value *v, int i);
/* The member of an object by key (the first, when a key repeats), or
 * NULL; NULL for anything but an object. */
const gj_value *gj_value_get(const gj_value *v, const char *key);

/* Append v to out as indented JSON (no newline after it), or as block
 * YAML (strings always double-quoted, so "no" or "2024: 报告" stay
 * strings). */
void gj_value_write_json(const gj_value *v, gj_buf *out);
void gj_value_write_yaml(const gj_value *v, gj_buf *out);

/* Append s as a JSON string literal (quotes included). */
void gj_json_string(gj_buf *out, const char *s, size_t len);

/* Append a number the way the dump prints it: integers without a
 * fraction, other values with up to 15 significant digits; NaN and
 * infinities as null. */
void gj_number(gj_buf *out, double v);

#endif
