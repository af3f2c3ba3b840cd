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

/* Append the report to out. */
void gj_dump_report(const gj_report *r, gj_dump_format f, gj_buf *out);

/* Append s as a JSON string literal (quotes included). */
void gj_json_string(gj_buf *out, const char *s, size_t len);

/* Append a number the way the dump prints it: integers without a
 * fraction, other values with up to 15 significant digits. */
void gj_number(gj_buf *out, double v);

#endif
