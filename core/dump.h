/*
 * dump.h — the last stage of `gouji dump`: print a report's data model as
 * JSON (one document per report) or YAML with the same keys, which the
 * YAML reader loads back.  docs/data-model.md describes the keys.
 */
#ifndef GJ_DUMP_H
#define GJ_DUMP_H

#include "model.h"
#include "util.h"
#include "value.h"

/* GJ_DUMP_CELLS: one line per cell, tab-separated: data path, status,
 * value (- when none), line:column, raw text (- when none), candidates
 * (comma-separated, - when none).  Meant for grep, diff and golden tests. */
typedef enum { GJ_DUMP_JSON, GJ_DUMP_YAML, GJ_DUMP_CELLS } gj_dump_format;

/* The report as a tree of values (value.h), the one every output is made
 * from (JSON, YAML, and the tables rules see in Lua).  The caller frees it
 * with gj_value_free. */
gj_value *gj_report_value(const gj_report *r);
/* The same without "cells" (Lua builds them on demand: luabridge.c). */
gj_value *gj_report_value_nocells(const gj_report *r);
/* Metadata and tables only, plus "unreadable": the count of cells whose
 * value is missing or ambiguous (for summaries over many reports). */
gj_value *gj_report_summary(const gj_report *r);

/* Append the report to out. */
void gj_dump_report(const gj_report *r, gj_dump_format f, gj_buf *out);

#endif
