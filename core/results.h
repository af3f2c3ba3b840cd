/*
 * results.h — what checking reports produces: findings (a rule's message
 * about a place in a report), failures (a rule or script that broke), and
 * each report's summary for whole-run output scripts.  The engine fills a
 * gj_results (engine.h), the batch sorts each report's (batch.h), the
 * check command merges them in input order and filters them by a baseline
 * (baseline.h) before the output script sees them.  Stage: Lua → output.
 *
 * Ownership: a gj_results owns its findings, failures and summaries, and
 * every string in them; gj_results_release frees them all.
 */
#ifndef GJ_RESULTS_H
#define GJ_RESULTS_H

#include "value.h"

typedef enum { GJ_SEV_ERROR, GJ_SEV_WARNING, GJ_SEV_INFO } gj_severity;

const char *gj_severity_name(gj_severity s);   /* "error", "warning", "info" */
/* The severity named s; -1 when s names none. */
int gj_severity_parse(const char *s, gj_severity *out);

typedef struct {
	char *report;       /* the report file */
	char *rule;
	gj_severity severity;
	char *message;
	char *path;         /* data path, or NULL */
	int line, column;   /* in the report; 0 when unknown */
} gj_finding;

typedef struct {
	char *report;
	char *rule;         /* NULL: an output script */
	char *message;      /* error and traceback */
} gj_failure;

typedef struct {
	gj_finding *findings;
	int nfindings;
	gj_failure *failures;
	int nfailures;
	gj_value **reports;  /* each checked report's summary, without its text */
	int nreports;
} gj_results;

void gj_results_release(gj_results *res);

/* Sort findings by report, line, column, rule, message: output must not
 * depend on the order rules ran in. */
void gj_results_sort(gj_results *res);

/* Move everything of src to the end of dst; src is left empty. */
void gj_results_append(gj_results *dst, gj_results *src);

/* Free the findings from index from on (a rule that failed did not
 * finish: what it found is not kept). */
void gj_results_drop(gj_results *res, int from);

/* Append a failure (copies of the strings; report NULL: "-"). */
void gj_results_fail(gj_results *res, const char *report, const char *rule,
		     const char *message);

#endif
