/*
 * dump.h — the last stage of `gouji dump`: print a report's data model as
 * JSON (one document per report) or YAML with the same keys, which the
 * YAML reader loads back.  docs/data-model.md describes the keys.
 */
#ifndef GJ_DUMP_H
#define GJ_DUMP_H

#include "model.h"
#include "util.h"

/* GJ_DUMP_CELLS: one line per cell, tab-separated: data path, status,
 * value (- when none), line:column, raw text (- when none), candidates
 * (comma-separated, - when none).  Meant for grep, diff and golden tests. */
typedef enum { GJ_DUMP_JSON, GJ_DUMP_YAML, GJ_DUMP_CELLS } gj_dump_format;

/* The report as a tree of values, the one every output is made from (JSON,
 * YAML, and the tables rules see in Lua).  Objects keep their key order.
 * The caller frees it with gj_value_free. */
typedef struct gj_value gj_value;
typedef enum { GJ_V_NULL, GJ_V_BOOL, GJ_V_NUM, GJ_V_STR, GJ_V_ARR, GJ_V_OBJ } gj_vtype;

gj_value *gj_report_value(const gj_report *r);
/* The same without "cells" (Lua builds them on demand: luabridge.c). */
gj_value *gj_report_value_nocells(const gj_report *r);
/* Metadata and tables only, plus "unreadable": the count of cells whose
 * value is missing or ambiguous (for summaries over many reports). */
gj_value *gj_report_summary(const gj_report *r);
void gj_value_free(gj_value *v);
gj_vtype gj_value_type(const gj_value *v);
int gj_value_bool(const gj_value *v);
double gj_value_num(const gj_value *v);
const char *gj_value_str(const gj_value *v);
int gj_value_len(const gj_value *v);                   /* items of ARR/OBJ */
const char *gj_value_key(const gj_value *v, int i);    /* OBJ only */
const gj_value *gj_value_item(const gj_value *v, int i);

/* Build a tree (the YAML reader's plain documents: manifests, config). */
gj_value *gj_value_new(gj_vtype t);
gj_value *gj_value_new_num(double d);
gj_value *gj_value_new_str(const char *s);
gj_value *gj_value_new_bool(int b);
/* Append item to an array (key NULL) or an object; v takes ownership. */
void gj_value_push(gj_value *v, const char *key, gj_value *item);
/* The member of an object by key, or NULL. */
const gj_value *gj_value_get(const gj_value *v, const char *key);

/* Append the report to out. */
void gj_dump_report(const gj_report *r, gj_dump_format f, gj_buf *out);

/* Append s as a JSON string literal (quotes included). */
void gj_json_string(gj_buf *out, const char *s, size_t len);

/* Append a number the way the dump prints it: integers without a
 * fraction, other values with up to 15 significant digits. */
void gj_number(gj_buf *out, double v);

#endif
