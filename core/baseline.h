/*
 * baseline.h — findings a district has accepted, as a count per report
 * and rule ("report<TAB>rule<TAB>count" lines, '#' starts a comment), not
 * per line number, so a baseline survives edits that move text.  Reports
 * cannot carry suppression comments: they are official documents.
 * `check --write-baseline` writes one, `--baseline` filters the findings
 * of a run by it before the output script sees them.  Stage: between the
 * rules and the output.
 *
 * Ownership: gj_baseline_free frees a baseline and the text it was read
 * from.
 */
#ifndef GJ_BASELINE_H
#define GJ_BASELINE_H

#include <stddef.h>

#include "results.h"
#include "util.h"

typedef struct gj_baseline gj_baseline;

/* Read a baseline from text[0..len) (a copy is kept): lines without two
 * tabs are skipped.  Never fails. */
gj_baseline *gj_baseline_parse(const char *text, size_t len);

/* The same for a file (a regular one of at most GJ_BASELINE_MAX bytes);
 * NULL with d set when it cannot be read. */
#define GJ_BASELINE_MAX ((size_t)256 * 1024 * 1024)
gj_baseline *gj_baseline_load(const char *path, gj_diag *d);

void gj_baseline_free(gj_baseline *b);

/* Drop up to the accepted count of findings per (report, rule), the
 * first findings first (res sorted, as the batch hands it).  What is
 * dropped counts against the baseline for the rest of the run. */
void gj_baseline_apply(gj_baseline *b, gj_results *res);

/* Append the baseline lines of one report's findings (sorted) to out:
 * each rule once, in the order of its first finding, with its count. */
void gj_baseline_lines(const gj_results *res, gj_buf *out);

#endif
