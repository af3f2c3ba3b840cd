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

/* How alike two texts are, 0..1: the Dice coefficient of their character
 * bigrams after dropping white space and punctuation, full-width ASCII
 * read as ASCII — the measure of text.similarity in rules/lib/text.lua
 * (X-SIMILAR), computed the same way, so the two give the same number.
 * Each text is cut at GJ_SIMILARITY_LIMIT characters. */
#define GJ_SIMILARITY_LIMIT 200000
double gj_text_similarity(const char *a, size_t alen, const char *b, size_t blen);

/* The run an output script gets: run.last, run.this, run.figures,
 * run.sections … (docs/scripts.md).  warnings (may be NULL) are the
 * notes about the pair (agency, years) to show with the output.  The
 * caller frees it with gj_value_free. */
gj_value *gj_diff_value(const gj_report *last, const gj_report *this_year,
			const gj_value *warnings);

#endif
