/*
 * model.c — the cell catalogue of the two national formats and the report's
 * lifecycle.  The catalogue is the contract with rules and scripts: its data
 * paths are the names of BRIEF's data model and must not change.
 */
#include "model.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define B (GJ_F2021 | GJ_F2019)
#define A(row, col, f, dec) \
	{ "tables.active." row "." col, GJ_TABLE_ACTIVE, row, col, f, dec }
#define R(row, f)                                                              \
	{ "tables.requests." row ".natural", GJ_TABLE_REQUESTS, row, "natural", f, 0 },     \
	{ "tables.requests." row ".commercial", GJ_TABLE_REQUESTS, row, "commercial", f, 0 }, \
	{ "tables.requests." row ".research", GJ_TABLE_REQUESTS, row, "research", f, 0 },     \
	{ "tables.requests." row ".nonprofit", GJ_TABLE_REQUESTS, row, "nonprofit", f, 0 },   \
	{ "tables.requests." row ".legal", GJ_TABLE_REQUESTS, row, "legal", f, 0 },           \
	{ "tables.requests." row ".other", GJ_TABLE_REQUESTS, row, "other", f, 0 },           \
	{ "tables.requests." row ".total", GJ_TABLE_REQUESTS, row, "total", f, 0 }
#define P(blk)                                                                   \
	{ "tables.appeals." blk ".upheld", GJ_TABLE_APPEALS, blk, "upheld", B, 0 },       \
	{ "tables.appeals." blk ".corrected", GJ_TABLE_APPEALS, blk, "corrected", B, 0 }, \
	{ "tables.appeals." blk ".other", GJ_TABLE_APPEALS, blk, "other", B, 0 },         \
	{ "tables.appeals." blk ".pending", GJ_TABLE_APPEALS, blk, "pending", B, 0 },     \
	{ "tables.appeals." blk ".total", GJ_TABLE_APPEALS, blk, "total", B, 0 }

const gj_cell_spec gj_cell_specs[] = {
	/* 表二 in table order; the 2021 and the 2019 columns of a row side by
	 * side, so each format prints its rows in the order of its table */
	A("regulations", "issued", GJ_F2021, 0),
	A("regulations", "repealed", GJ_F2021, 0),
	A("regulations", "in_force", GJ_F2021, 0),
	A("regulations", "made", GJ_F2019, 0),
	A("regulations", "published", GJ_F2019, 0),
	A("regulations", "total", GJ_F2019, 0),
	A("normative", "issued", GJ_F2021, 0),
	A("normative", "repealed", GJ_F2021, 0),
	A("normative", "in_force", GJ_F2021, 0),
	A("normative", "made", GJ_F2019, 0),
	A("normative", "published", GJ_F2019, 0),
	A("normative", "total", GJ_F2019, 0),
	A("licensing", "previous", GJ_F2019, 0),
	A("licensing", "change", GJ_F2019, 0),
	A("licensing", "decisions", B, 0),
	A("other_services", "previous", GJ_F2019, 0),
	A("other_services", "change", GJ_F2019, 0),
	A("other_services", "decisions", GJ_F2019, 0),
	A("penalty", "previous", GJ_F2019, 0),
	A("penalty", "change", GJ_F2019, 0),
	A("penalty", "decisions", B, 0),
	A("coercion", "previous", GJ_F2019, 0),
	A("coercion", "change", GJ_F2019, 0),
	A("coercion", "decisions", B, 0),
	A("fees", "amount", GJ_F2021, 1),
	A("fees", "previous", GJ_F2019, 0),
	A("fees", "change", GJ_F2019, 0),
	A("procurement", "count", GJ_F2019, 0),
	A("procurement", "amount", GJ_F2019, 1),
	/* 表三 */
	R("new", B),
	R("carried_over", B),
	R("granted", B),
	R("partial", B),
	R("denied_secret", B),
	R("denied_law", B),
	R("denied_safety", B),
	R("denied_third_party", B),
	R("denied_internal", B),
	R("denied_process", B),
	R("denied_enforcement", B),
	R("denied_query", B),
	R("unable_not_held", B),
	R("unable_create", B),
	R("unable_unclear", B),
	R("refused_complaint", B),
	R("refused_repeat", B),
	R("refused_publication", B),
	R("refused_massive", B),
	R("refused_confirm", B),
	R("other", GJ_F2019),
	R("other_overdue_correction", GJ_F2021),
	R("other_overdue_fee", GJ_F2021),
	R("other_misc", GJ_F2021),
	R("total", B),
	R("carried_forward", B),
	/* 表四 */
	P("review"),
	P("suit_direct"),
	P("suit_after_review"),
};

const int gj_ncell_specs = (int)(sizeof gj_cell_specs / sizeof gj_cell_specs[0]);

const char *const gj_request_rows_2021[] = {
	"new", "carried_over", "granted", "partial",
	"denied_secret", "denied_law", "denied_safety", "denied_third_party",
	"denied_internal", "denied_process", "denied_enforcement", "denied_query",
	"unable_not_held", "unable_create", "unable_unclear",
	"refused_complaint", "refused_repeat", "refused_publication",
	"refused_massive", "refused_confirm",
	"other_overdue_correction", "other_overdue_fee", "other_misc",
	"total", "carried_forward", NULL
};

const char *const gj_request_rows_2019[] = {
	"new", "carried_over", "granted", "partial",
	"denied_secret", "denied_law", "denied_safety", "denied_third_party",
	"denied_internal", "denied_process", "denied_enforcement", "denied_query",
	"unable_not_held", "unable_create", "unable_unclear",
	"refused_complaint", "refused_repeat", "refused_publication",
	"refused_massive", "refused_confirm",
	"other", "total", "carried_forward", NULL
};

const char *const gj_request_columns[] = {
	"natural", "commercial", "research", "nonprofit", "legal", "other",
	"total", NULL
};

const char *const gj_appeal_blocks[] = {
	"review", "suit_direct", "suit_after_review", NULL
};

const char *const gj_appeal_columns[] = {
	"upheld", "corrected", "other", "pending", "total", NULL
};

int gj_cell_index(const char *path)
{
	for (int i = 0; i < gj_ncell_specs; i++)
		if (strcmp(gj_cell_specs[i].path, path) == 0)
			return i;
	return -1;
}

int gj_cell_find(gj_table table, const char *row, const char *column)
{
	for (int i = 0; i < gj_ncell_specs; i++) {
		const gj_cell_spec *s = &gj_cell_specs[i];
		if (s->table == table && strcmp(s->row, row) == 0 &&
		    strcmp(s->column, column) == 0)
			return i;
	}
	return -1;
}

const char *gj_format_name(gj_format f)
{
	switch (f) {
	case GJ_FORMAT_2021: return "2021";
	case GJ_FORMAT_2019: return "2019";
	case GJ_FORMAT_LEGACY: return "legacy";
	default: return "unknown";
	}
}

int gj_format_parse(const char *s, gj_format *out)
{
	static const gj_format all[] = { GJ_FORMAT_2021, GJ_FORMAT_2019,
					 GJ_FORMAT_LEGACY, GJ_FORMAT_UNKNOWN };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		if (strcmp(s, gj_format_name(all[i])) == 0) {
			*out = all[i];
			return 0;
		}
	}
	return -1;
}

void gj_section_join(gj_section *s)
{
	gj_buf b;
	gj_buf_init(&b);
	for (int i = 0; i < s->nparagraphs; i++) {
		if (i)
			gj_buf_addc(&b, '\n');
		gj_buf_adds(&b, s->paragraphs[i]);
	}
	free(s->text);
	s->text = gj_buf_detach(&b, NULL);
}

gj_report *gj_report_new(void)
{
	gj_report *r = gj_xcalloc(1, sizeof *r);
	r->cells = gj_xcalloc((size_t)gj_ncell_specs, sizeof *r->cells);
	return r;
}

static void free_section(gj_section *s)
{
	free(s->title);
	free(s->text);
	for (int i = 0; i < s->nparagraphs; i++) {
		free(s->paragraphs[i]);
		if (s->pieces)
			free(s->pieces[i]);
	}
	free(s->paragraphs);
	free(s->paragraph_lines);
	free(s->pieces);
	free(s->npieces);
}

void gj_report_free(gj_report *r)
{
	if (!r)
		return;
	free(r->title);
	free(r->agency);
	free(r->published);
	free(r->preamble);
	free(r->source_path);
	free(r->source_kind);
	free(r->encoding);
	for (int i = 0; i < r->nsections; i++)
		free_section(&r->sections[i]);
	for (int i = 0; i < gj_ncell_specs; i++) {
		free(r->cells[i].raw);
		free(r->cells[i].why);
	}
	free(r->cells);
	for (int i = 0; i < r->nnotes; i++)
		free(r->notes[i].message);
	free(r->notes);
	free(r);
}

void gj_report_set_format(gj_report *r, gj_format f)
{
	int bit = f == GJ_FORMAT_2019 ? GJ_F2019 : f == GJ_FORMAT_2021 ? GJ_F2021 : 0;
	r->format = f;
	for (int i = 0; i < gj_ncell_specs; i++) {
		gj_cell *c = &r->cells[i];
		free(c->raw);
		free(c->why);
		memset(c, 0, sizeof *c);
		c->status = (gj_cell_specs[i].formats & bit) ? GJ_MISSING : GJ_ABSENT;
		if (c->status == GJ_MISSING)
			gj_cell_why(c, "not found in the document");
	}
}

void gj_report_note(gj_report *r, int line, const char *fmt, ...)
{
	gj_buf b;
	gj_buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	char tmp[1024];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	gj_buf_adds(&b, tmp);
	r->notes = gj_xrealloc(r->notes, (size_t)(r->nnotes + 1) * sizeof *r->notes);
	r->notes[r->nnotes].line = line;
	r->notes[r->nnotes].message = gj_buf_detach(&b, NULL);
	r->nnotes++;
}

void gj_cell_set(gj_cell *c, gj_status st, double value, int line, int column,
		 const char *raw, size_t rawlen)
{
	free(c->raw);
	c->raw = raw ? gj_xstrndup(raw, rawlen) : NULL;
	c->status = st;
	c->value = value;
	c->line = line;
	c->column = column;
	c->ncandidates = 0;
	gj_cell_why(c, NULL);
}

void gj_cell_why(gj_cell *c, const char *why)
{
	free(c->why);
	c->why = why ? gj_xstrdup(why) : NULL;
}
