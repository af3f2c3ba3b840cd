/*
 * diff.h — last year's report against this year's: the figures whose
 * value or readability changed and, for each of the six parts, how much
 * of this year's text is last year's, as one value tree for an output
 * script (scripts/diff.lua: Markdown; diff_json.lua).  `gouji diff` is
 * cmd_diff.c.  Stage: two models → comparison → Lua → output.
 */
#ifndef GJ_DIFF_H
#define GJ_DIFF_H

#include "model.h"
#include "value.h"

/* Is this a pair one would compare (one agency, years that follow each
 * other)?  Appends to the array warnings an object {zh, en} for each
 * thing that is not so; never refuses. */
void gj_diff_check_pair(const gj_report *last, const gj_report *this_year,
			gj_value *warnings);

/* The run an output script gets: run.last, run.this, run.figures,
 * run.sections … (docs/scripts.md).  warnings (may be NULL) are
 * gj_diff_check_pair's, shown in run.warnings as "中文 (English)".  The
 * caller frees it with gj_value_free. */
gj_value *gj_diff_value(const gj_report *last, const gj_report *this_year,
			const gj_value *warnings);

#endif
