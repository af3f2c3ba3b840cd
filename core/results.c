/*
 * results.c — findings, failures and summaries (results.h): freed, sorted,
 * merged.
 */
#include "results.h"

#include <stdlib.h>
#include <string.h>

const char *gj_severity_name(gj_severity s)
{
	return s == GJ_SEV_ERROR ? "error" : s == GJ_SEV_WARNING ? "warning" : "info";
}

int gj_severity_parse(const char *s, gj_severity *out)
{
	static const gj_severity all[] = { GJ_SEV_ERROR, GJ_SEV_WARNING, GJ_SEV_INFO };
	for (int i = 0; i < 3; i++)
		if (strcmp(s, gj_severity_name(all[i])) == 0) {
			*out = all[i];
			return 0;
		}
	return -1;
}

static void free_finding(gj_finding *f)
{
	free(f->report);
	free(f->rule);
	free(f->message);
	free(f->path);
}

void gj_results_drop(gj_results *res, int from)
{
	for (int i = from; i < res->nfindings; i++)
		free_finding(&res->findings[i]);
	res->nfindings = from;
}

void gj_results_release(gj_results *res)
{
	gj_results_drop(res, 0);
	free(res->findings);
	for (int i = 0; i < res->nfailures; i++) {
		free(res->failures[i].report);
		free(res->failures[i].rule);
		free(res->failures[i].message);
	}
	free(res->failures);
	for (int i = 0; i < res->nreports; i++)
		gj_value_free(res->reports[i]);
	free(res->reports);
	memset(res, 0, sizeof *res);
}

static int cmp_finding(const void *pa, const void *pb)
{
	const gj_finding *a = pa, *b = pb;
	int c = strcmp(a->report, b->report);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	if ((c = strcmp(a->rule, b->rule)) != 0)
		return c;
	return strcmp(a->message, b->message);
}

void gj_results_sort(gj_results *res)
{
	if (res->nfindings > 1)
		qsort(res->findings, (size_t)res->nfindings, sizeof *res->findings, cmp_finding);
}

/* Move n items of size sz from src to the end of the array *dst of *dn. */
static void append_items(void *dst, int *dn, const void *src, int n, size_t sz)
{
	if (n == 0)
		return;
	void **arr = dst;
	*arr = gj_xrealloc(*arr, (size_t)(*dn + n) * sz);
	memcpy((char *)*arr + (size_t)*dn * sz, src, (size_t)n * sz);
	*dn += n;
}

void gj_results_append(gj_results *dst, gj_results *src)
{
	append_items(&dst->findings, &dst->nfindings, src->findings, src->nfindings,
		     sizeof *src->findings);
	append_items(&dst->failures, &dst->nfailures, src->failures, src->nfailures,
		     sizeof *src->failures);
	append_items(&dst->reports, &dst->nreports, src->reports, src->nreports,
		     sizeof *src->reports);
	free(src->findings);
	free(src->failures);
	free(src->reports);
	memset(src, 0, sizeof *src);
}

void gj_results_fail(gj_results *res, const char *report, const char *rule,
		     const char *message)
{
	res->failures = gj_xrealloc(res->failures,
		(size_t)(res->nfailures + 1) * sizeof *res->failures);
	gj_failure *f = &res->failures[res->nfailures++];
	f->report = gj_xstrdup(report ? report : "-");
	f->rule = rule ? gj_xstrdup(rule) : NULL;
	f->message = gj_xstrdup(message);
}
