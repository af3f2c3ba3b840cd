/*
 * diff.h — `gouji diff LAST THIS`: last year's report against this year's.
 * The figures whose value or readability changed and, for each of the six
 * parts, how much of this year's text is last year's, handed as one value
 * tree to an output script (scripts/diff.lua: Markdown; diff_json.lua).
 * Stage: two models → comparison → Lua → output.
 */
#ifndef GJ_DIFF_H
#define GJ_DIFF_H

#include <stddef.h>

#include "dump.h"
#include "model.h"

/* The command: argv holds what follows "diff".  Returns the exit code: 0,
 * 2 usage or input error, 3 the output script failed. */
int gj_cmd_diff(int argc, char **argv);

/* The run an output script gets: run.last, run.this, run.figures,
 * run.sections … (docs/scripts.md).  warnings (may be NULL) are the
 * notes about the pair (agency, years) to show with the output.  The
 * caller frees it with gj_value_free. */
gj_value *gj_diff_value(const gj_report *last, const gj_report *this_year,
			const gj_value *warnings);

#endif
