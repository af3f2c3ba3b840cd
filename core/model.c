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
#include <pthread.h>
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

/* Two hash tables over the catalogue, made once: by path, and by table,
 * row and column.  Open addressing; slots hold index + 1. */
#define CELL_SLOTS 2048

static unsigned short by_path[CELL_SLOTS], by_place[CELL_SLOTS];
static pthread_once_t cells_once = PTHREAD_ONCE_INIT;

static unsigned hash_place(gj_table table, const char *row, const char *column)
{
	unsigned h = gj_hash_str(GJ_HASH_SEED ^ (unsigned)table, row);
	return gj_hash_str(h * 16777619u, column);
}

static void index_cells(void)
{
	for (int i = 0; i < gj_ncell_specs; i++) {
		const gj_cell_spec *s = &gj_cell_specs[i];
		unsigned h = gj_hash_str(GJ_HASH_SEED, s->path) % CELL_SLOTS;
		while (by_path[h])
			h = (h + 1) % CELL_SLOTS;
		by_path[h] = (unsigned short)(i + 1);
		h = hash_place(s->table, s->row, s->column) % CELL_SLOTS;
		while (by_place[h])
			h = (h + 1) % CELL_SLOTS;
		by_place[h] = (unsigned short)(i + 1);
	}
}

int gj_cell_index(const char *path)
{
	pthread_once(&cells_once, index_cells);
	for (unsigned h = gj_hash_str(GJ_HASH_SEED, path) % CELL_SLOTS; by_path[h];
	     h = (h + 1) % CELL_SLOTS)
		if (strcmp(gj_cell_specs[by_path[h] - 1].path, path) == 0)
			return by_path[h] - 1;
	return -1;
}

int gj_cell_find(gj_table table, const char *row, const char *column)
{
	pthread_once(&cells_once, index_cells);
	for (unsigned h = hash_place(table, row, column) % CELL_SLOTS; by_place[h];
	     h = (h + 1) % CELL_SLOTS) {
		const gj_cell_spec *s = &gj_cell_specs[by_place[h] - 1];
		if (s->table == table && strcmp(s->row, row) == 0 &&
		    strcmp(s->column, column) == 0)
			return by_place[h] - 1;
	}
	return -1;
}

const char *gj_status_name(gj_status s)
{
	switch (s) {
	case GJ_OK: return "ok";
	case GJ_INFERRED: return "inferred";
	case GJ_MISSING: return "missing";
	case GJ_AMBIGUOUS: return "ambiguous";
	case GJ_BLANK: return "blank";
	default: return "absent";
	}
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
	free(r->page_lines);
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
			gj_cell_why(c, "not_in_document", "not found in the document");
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
	gj_cell_why(c, NULL, NULL);
}

/* Every reason a cell may give, as rules test it (docs/data-model.md
 * says what each means). */
static const char *const cell_codes[] = {
	/* not read */
	"not_in_document", "row_not_found", "no_numbers", "too_many_numbers",
	"not_a_number", "unplaced", "unsplit", "unfilled", "given_null",
	"merged_other", "not_found",
	/* read, with a word on how */
	"printed_blank", "several_readings", "many_readings", "no_split_adds_up",
	"digit_each",
	"placed_by_sums", "split_by_sums", "split_by_columns", "filled_by_sums",
	"placed_by_order",
	NULL
};

const char *gj_cell_code(const char *s)
{
	for (int i = 0; cell_codes[i]; i++)
		if (strcmp(s, cell_codes[i]) == 0)
			return cell_codes[i];
	return NULL;
}

void gj_cell_why(gj_cell *c, const char *code, const char *why)
{
	free(c->why);
	c->why = why ? gj_xstrdup(why) : NULL;
	c->code = code;
}

/* ---- labels as the official tables print them ---- */

typedef struct {
	const char *key;
	const char *label;
	const char *label_2019;   /* when the 2019 format words it otherwise */
} key_label;

static const key_label row_labels[3][32] = {
	[GJ_TABLE_ACTIVE] = {
		{ "regulations", "规章", NULL },
		{ "normative", "行政规范性文件", "规范性文件" },
		{ "licensing", "行政许可", NULL },
		{ "other_services", "其他对外管理服务事项", NULL },
		{ "penalty", "行政处罚", NULL },
		{ "coercion", "行政强制", NULL },
		{ "fees", "行政事业性收费", NULL },
		{ "procurement", "政府集中采购", NULL },
		{ NULL, NULL, NULL },
	},
	[GJ_TABLE_REQUESTS] = {
		{ "new", "一、本年新收政府信息公开申请数量", NULL },
		{ "carried_over", "二、上年结转政府信息公开申请数量", NULL },
		{ "granted", "（一）予以公开", NULL },
		{ "partial", "（二）部分公开", NULL },
		{ "denied_secret", "（三）1.属于国家秘密", NULL },
		{ "denied_law", "（三）2.其他法律行政法规禁止公开", NULL },
		{ "denied_safety", "（三）3.危及“三安全一稳定”", NULL },
		{ "denied_third_party", "（三）4.保护第三方合法权益", NULL },
		{ "denied_internal", "（三）5.属于三类内部事务信息", NULL },
		{ "denied_process", "（三）6.属于四类过程性信息", NULL },
		{ "denied_enforcement", "（三）7.属于行政执法案卷", NULL },
		{ "denied_query", "（三）8.属于行政查询事项", NULL },
		{ "unable_not_held", "（四）1.本机关不掌握相关政府信息", NULL },
		{ "unable_create", "（四）2.没有现成信息需要另行制作", NULL },
		{ "unable_unclear", "（四）3.补正后申请内容仍不明确", NULL },
		{ "refused_complaint", "（五）1.信访举报投诉类申请", NULL },
		{ "refused_repeat", "（五）2.重复申请", NULL },
		{ "refused_publication", "（五）3.要求提供公开出版物", NULL },
		{ "refused_massive", "（五）4.无正当理由大量反复申请", NULL },
		{ "refused_confirm", "（五）5.要求行政机关确认或重新出具已获取信息", NULL },
		{ "other", "（六）其他处理", NULL },
		{ "other_overdue_correction",
		  "（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", NULL },
		{ "other_overdue_fee",
		  "（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", NULL },
		{ "other_misc", "（六）3.其他", NULL },
		{ "total", "（七）总计", NULL },
		{ "carried_forward", "四、结转下年度继续办理", NULL },
		{ NULL, NULL, NULL },
	},
	[GJ_TABLE_APPEALS] = {
		{ "review", "行政复议", NULL },
		{ "suit_direct", "行政诉讼（未经复议直接起诉）", NULL },
		{ "suit_after_review", "行政诉讼（复议后起诉）", NULL },
		{ NULL, NULL, NULL },
	},
};

static const key_label column_labels[3][16] = {
	[GJ_TABLE_ACTIVE] = {
		{ "issued", "本年制发件数", NULL },
		{ "repealed", "本年废止件数", NULL },
		{ "in_force", "现行有效件数", NULL },
		{ "made", "本年新制作数量", NULL },
		{ "published", "本年新公开数量", NULL },
		{ "total", "对外公开总数量", NULL },
		{ "previous", "上一年项目数量", NULL },
		{ "change", "本年增/减", NULL },
		{ "decisions", "本年处理决定数量", "处理决定数量" },
		{ "amount", "本年收费金额（单位：万元）", NULL },
		{ "count", "采购项目数量", NULL },
		{ NULL, NULL, NULL },
	},
	[GJ_TABLE_REQUESTS] = {
		{ "natural", "自然人", NULL },
		{ "commercial", "商业企业", NULL },
		{ "research", "科研机构", NULL },
		{ "nonprofit", "社会公益组织", NULL },
		{ "legal", "法律服务机构", NULL },
		{ "other", "其他", NULL },
		{ "total", "总计", NULL },
		{ NULL, NULL, NULL },
	},
	[GJ_TABLE_APPEALS] = {
		{ "upheld", "结果维持", NULL },
		{ "corrected", "结果纠正", NULL },
		{ "other", "其他结果", NULL },
		{ "pending", "尚未审结", NULL },
		{ "total", "总计", NULL },
		{ NULL, NULL, NULL },
	},
};

static const char *find_label(const key_label *list, const char *key, gj_format f)
{
	for (; list->key; list++)
		if (strcmp(list->key, key) == 0)
			return f == GJ_FORMAT_2019 && list->label_2019 ? list->label_2019
								     : list->label;
	return key;
}

void gj_cell_labels(int i, gj_format f, const char **row, const char **column)
{
	const gj_cell_spec *s = &gj_cell_specs[i];
	*row = find_label(row_labels[s->table], s->row, f);
	/* procurement's amount is the purchase total, not a fee */
	if (strcmp(s->row, "procurement") == 0 && strcmp(s->column, "amount") == 0)
		*column = "采购总金额";
	else
		*column = find_label(column_labels[s->table], s->column, f);
}
