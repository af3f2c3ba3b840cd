/*
 * baseline.c — accepted findings (baseline.h).  Each (report, rule) line
 * is found through a hash of both, not by reading every line: a baseline
 * of a province's reports has tens of thousands of lines.
 */
#include "baseline.h"

#include <stdlib.h>
#include <string.h>

#define BASE_BUCKETS 65536

struct gj_baseline {
	char **report, **rule;  /* into text */
	int *count;             /* accepted findings left */
	int *next;              /* the next line of the same bucket, in file
	                         * order, or -1 */
	int n, cap;
	int *head, *tail;       /* BASE_BUCKETS: by report and rule */
	char *text;
};

static unsigned bucket(const char *report, const char *rule)
{
	unsigned h = gj_hash_bytes(gj_hash_str(GJ_HASH_SEED, report), "\t", 1);
	return gj_hash_str(h, rule) % BASE_BUCKETS;
}

static void add_line(gj_baseline *b, char *report, char *rule, int count)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		b->report = gj_xrealloc(b->report, (size_t)b->cap * sizeof *b->report);
		b->rule = gj_xrealloc(b->rule, (size_t)b->cap * sizeof *b->rule);
		b->count = gj_xrealloc(b->count, (size_t)b->cap * sizeof *b->count);
		b->next = gj_xrealloc(b->next, (size_t)b->cap * sizeof *b->next);
	}
	b->report[b->n] = report;
	b->rule[b->n] = rule;
	b->count[b->n] = count;
	b->n++;
}

gj_baseline *gj_baseline_parse(const char *text, size_t len)
{
	gj_baseline *b = gj_xcalloc(1, sizeof *b);
	b->text = gj_xstrndup(text, len);
	char *save = NULL;
	for (char *line = strtok_r(b->text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *t1 = strchr(line, '\t');
		char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (line[0] == '#' || !t2)
			continue;
		*t1 = *t2 = '\0';
		add_line(b, line, t1 + 1, atoi(t2 + 1));
	}
	b->head = gj_xmalloc(BASE_BUCKETS * sizeof *b->head);
	b->tail = gj_xmalloc(BASE_BUCKETS * sizeof *b->tail);
	for (int k = 0; k < BASE_BUCKETS; k++)
		b->head[k] = b->tail[k] = -1;
	for (int i = 0; i < b->n; i++)
		gj_chain_add(b->head, b->tail, b->next, bucket(b->report[i], b->rule[i]), i);
	return b;
}

gj_baseline *gj_baseline_load(const char *path, gj_diag *d)
{
	size_t len;
	gj_diag why;
	memset(&why, 0, sizeof why);
	char *text = gj_read_file(path, GJ_BASELINE_MAX, &len, &why);
	if (!text) {
		gj_diag_set(d, 0, 0, "cannot read baseline '%s': %s", path, why.message);
		return NULL;
	}
	gj_baseline *b = gj_baseline_parse(text, len);
	free(text);
	return b;
}

void gj_baseline_free(gj_baseline *b)
{
	if (!b)
		return;
	free(b->report);
	free(b->rule);
	free(b->count);
	free(b->next);
	free(b->head);
	free(b->tail);
	free(b->text);
	free(b);
}

void gj_baseline_apply(gj_baseline *b, gj_results *res)
{
	int kept = 0;
	for (int i = 0; i < res->nfindings; i++) {
		gj_finding *f = &res->findings[i];
		int drop = 0;
		for (int k = b->head[bucket(f->report, f->rule)]; k >= 0 && !drop; k = b->next[k])
			if (b->count[k] > 0 && strcmp(b->report[k], f->report) == 0 &&
			    strcmp(b->rule[k], f->rule) == 0) {
				b->count[k]--;
				drop = 1;
			}
		if (drop) {
			free(f->report);
			free(f->rule);
			free(f->message);
			free(f->path);
		} else {
			res->findings[kept++] = *f;
		}
	}
	res->nfindings = kept;
}

void gj_baseline_lines(const gj_results *res, gj_buf *out)
{
	for (int k = 0; k < res->nfindings; k++) {
		const gj_finding *f = &res->findings[k];
		int first = 1;
		for (int q = 0; q < k && first; q++)
			first = strcmp(res->findings[q].rule, f->rule) != 0;
		if (!first)
			continue;
		int n = 0;
		for (int q = k; q < res->nfindings; q++)
			n += strcmp(res->findings[q].rule, f->rule) == 0;
		gj_buf_addf(out, "%s\t%s\t%d\n", f->report, f->rule, n);
	}
}
