/*
 * diff.c — year over year: two reports compared cell by cell over the
 * catalogue and part by part over the six sections, as one value tree
 * (run) for an output script (cmd_diff.c runs it: scripts/diff.lua by
 * default).  A value the reader could not establish stays nil on both
 * sides: an unreadable figure is never compared as 0.
 *
 * The agencies and years are checked, not enforced: a district may want to
 * compare two offices, or a report with the one of two years before.  A
 * mismatch is a warning (cmd_diff.c prints it) and is in run.warnings.
 */
#include "diff.h"
#include "dump.h"
#include "previous.h"
#include "textcore.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- the comparison as a value tree ---- */

/* The six parts as the national format names them. */
static const char *const part_titles[6] = {
	"一、总体情况",
	"二、主动公开政府信息情况",
	"三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况",
	"五、存在的主要问题及改进情况",
	"六、其他需要报告的事项",
};

static const char *const table_keys[3] = { "active", "requests", "appeals" };

static const gj_section *find_part(const gj_report *r, int number)
{
	for (int i = 0; i < r->nsections; i++)
		if (r->sections[i].number == number)
			return &r->sections[i];
	return NULL;
}

static int readable(const gj_cell *c)
{
	return c->status == GJ_OK || c->status == GJ_INFERRED;
}

static gj_value *num_or_null(int has, double v)
{
	return has ? gj_value_new_num(v) : gj_value_new(GJ_V_NULL);
}

/* One changed figure. */
static gj_value *figure(int i, const gj_report *last, const gj_report *cur)
{
	const gj_cell_spec *sp = &gj_cell_specs[i];
	const gj_cell *a = &last->cells[i], *b = &cur->cells[i];
	int ha = readable(a), hb = readable(b);
	const char *row, *column;
	gj_cell_labels(i, cur->format, &row, &column);
	gj_buf label;
	gj_buf_init(&label);
	gj_buf_addf(&label, "%s · %s", row, column);

	gj_value *f = gj_value_new(GJ_V_OBJ);
	gj_value_push(f, "path", gj_value_new_str(sp->path));
	gj_value_push(f, "table", gj_value_new_str(table_keys[sp->table]));
	gj_value_push(f, "row", gj_value_new_str(sp->row));
	gj_value_push(f, "column", gj_value_new_str(sp->column));
	gj_value_push(f, "label", gj_value_new_str(label.data));
	gj_value_push(f, "row_label", gj_value_new_str(row));
	gj_value_push(f, "column_label", gj_value_new_str(column));
	gj_value_push(f, "last", num_or_null(ha, a->value));
	gj_value_push(f, "this", num_or_null(hb, b->value));
	gj_value_push(f, "last_status", gj_value_new_str(gj_status_name(a->status)));
	gj_value_push(f, "this_status", gj_value_new_str(gj_status_name(b->status)));
	/* fees have fractions: 1.5 - 1.2 is 0.3, not 0.30000000000000004 */
	double change = b->value - a->value;
	if (sp->decimal)
		change = round(change * 1e6) / 1e6;
	gj_value_push(f, "change", num_or_null(ha && hb, change));
	/* percent of last year's figure, one decimal; none from 0 */
	int has_pct = ha && hb && a->value != 0;
	double pct = has_pct ? round(change / a->value * 1000) / 10 : 0;
	gj_value_push(f, "percent", num_or_null(has_pct, pct));
	gj_buf_release(&label);
	return f;
}

static gj_value *part(int number, const gj_report *last, const gj_report *cur)
{
	const gj_section *a = find_part(last, number), *b = find_part(cur, number);
	gj_value *p = gj_value_new(GJ_V_OBJ);
	gj_value_push(p, "number", gj_value_new_num(number));
	gj_value_push(p, "title", gj_value_new_str(part_titles[number - 1]));
	gj_value_push(p, "last_title", gj_value_new_str(a ? a->title : NULL));
	gj_value_push(p, "this_title", gj_value_new_str(b ? b->title : NULL));
	gj_value_push(p, "missing_last", gj_value_new_bool(!a));
	gj_value_push(p, "missing_this", gj_value_new_bool(!b));
	const char *ta = a && a->text ? a->text : "", *tb = b && b->text ? b->text : "";
	double sim = a && b ? gj_text_similarity(tb, strlen(tb), ta, strlen(ta)) : 0;
	gj_value_push(p, "similarity", num_or_null(a && b, sim));
	gj_value_push(p, "last_chars", num_or_null(a != NULL, (double)gj_text_count_chars(ta, strlen(ta))));
	gj_value_push(p, "this_chars", num_or_null(b != NULL, (double)gj_text_count_chars(tb, strlen(tb))));
	gj_value_push(p, "last_text", gj_value_new_str(a ? ta : NULL));
	gj_value_push(p, "this_text", gj_value_new_str(b ? tb : NULL));
	return p;
}

/* run.warnings: "中文 (English)" for each of gj_diff_check_pair's */
static gj_value *warning_strings(const gj_value *list)
{
	gj_value *out = gj_value_new(GJ_V_ARR);
	for (int i = 0; list && i < gj_value_len(list); i++) {
		const gj_value *w = gj_value_item(list, i);
		gj_buf b;
		gj_buf_init(&b);
		gj_buf_addf(&b, "%s (%s)", gj_value_str(gj_value_get(w, "zh")),
			    gj_value_str(gj_value_get(w, "en")));
		gj_value_push(out, NULL, gj_value_new_str(b.data));
		gj_buf_release(&b);
	}
	return out;
}

gj_value *gj_diff_value(const gj_report *last, const gj_report *cur,
			const gj_value *warnings)
{
	gj_value *run = gj_value_new(GJ_V_OBJ);
	gj_value_push(run, "last", gj_report_summary(last));
	gj_value_push(run, "this", gj_report_summary(cur));
	gj_value_push(run, "warnings", warning_strings(warnings));

	gj_value *figures = gj_value_new(GJ_V_ARR);
	int compared = 0, unreadable_both = 0, not_compared = 0;
	for (int i = 0; i < gj_ncell_specs; i++) {
		const gj_cell *a = &last->cells[i], *b = &cur->cells[i];
		if (a->status == GJ_ABSENT && b->status == GJ_ABSENT)
			continue;
		if (a->status == GJ_ABSENT || b->status == GJ_ABSENT) {
			not_compared++;   /* in one year's format only */
			continue;
		}
		compared++;
		if (a->status == GJ_BLANK && b->status == GJ_BLANK)
			continue;   /* blank both years: no change */
		if (!readable(a) && !readable(b))
			unreadable_both++;
		else if (readable(a) != readable(b) || a->value != b->value)
			gj_value_push(figures, NULL, figure(i, last, cur));
	}
	gj_value_push(run, "figures", figures);
	gj_value_push(run, "compared", gj_value_new_num(compared));
	gj_value_push(run, "unreadable_both", gj_value_new_num(unreadable_both));
	gj_value_push(run, "not_compared", gj_value_new_num(not_compared));

	gj_value *parts = gj_value_new(GJ_V_ARR);
	for (int n = 1; n <= 6; n++)
		gj_value_push(parts, NULL, part(n, last, cur));
	gj_value_push(run, "sections", parts);
	return run;
}

/* ---- is this a pair one would compare? ---- */

static void warn(gj_value *list, const char *en, const char *zh)
{
	gj_value *w = gj_value_new(GJ_V_OBJ);
	gj_value_push(w, "zh", gj_value_new_str(zh));
	gj_value_push(w, "en", gj_value_new_str(en));
	gj_value_push(list, NULL, w);
}

void gj_diff_check_pair(const gj_report *last, const gj_report *cur, gj_value *w)
{
	char en[1400], zh[1400];
	if (!last->agency || !cur->agency) {
		const char *path = !last->agency ? last->source_path : cur->source_path;
		snprintf(en, sizeof en, "%s names no agency: cannot tell whether both reports are the same agency's", path);
		snprintf(zh, sizeof zh, "%s 未写明机关，无法确认两份报告属于同一机关", path);
		warn(w, en, zh);
	} else if (!gj_previous_same_agency(last->agency, cur->agency)) {
		snprintf(en, sizeof en, "the reports name different agencies: '%s' and '%s'",
			 last->agency, cur->agency);
		snprintf(zh, sizeof zh, "两份报告的机关不同：%s、%s", last->agency, cur->agency);
		warn(w, en, zh);
	}
	if (!last->year || !cur->year) {
		const char *path = !last->year ? last->source_path : cur->source_path;
		snprintf(en, sizeof en, "%s names no year: cannot tell whether the years follow each other", path);
		snprintf(zh, sizeof zh, "%s 未写明年度，无法确认两份报告是否为相邻年度", path);
		warn(w, en, zh);
	} else if (cur->year != last->year + 1) {
		snprintf(en, sizeof en, "the years are %d and %d, not one after the other%s",
			 last->year, cur->year,
			 cur->year <= last->year ? "; give last year's report first, then this year's" : "");
		snprintf(zh, sizeof zh, "两份报告的年度为 %d 年和 %d 年，不是相邻年度%s",
			 last->year, cur->year,
			 cur->year <= last->year ? "；应先写上年报告，再写本年报告" : "");
		warn(w, en, zh);
	}
}
