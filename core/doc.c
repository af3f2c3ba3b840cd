/*
 * doc.c — from normalised text to the report's frame: the crawler's metadata
 * header, title, agency, year, publication date, the six sections found by
 * their Chinese numbering and fuzzily matched titles, and the format; then
 * hands the sections' ranges to tables.c.
 */
#include "doc.h"
#include "catalogue.inc"
#include "html.h"
#include "match.h"
#include "md.h"
#include "norm.h"
#include "tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The six parts of the national format, and accepted wordings. */
static const char *const section_titles[6][3] = {
	{ "总体情况", "概述", NULL },
	{ "主动公开政府信息情况", "主动公开政府信息", NULL },
	{ "收到和处理政府信息公开申请情况", "依申请公开政府信息情况", NULL },
	{ "政府信息公开行政复议、行政诉讼情况",
	  "因政府信息公开申请提起行政复议、行政诉讼的情况", NULL },
	{ "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", NULL },
	{ "其他需要报告的事项", NULL, NULL },
};

#define MAX_TABLE_REGION (256 * 1024)

typedef struct {
	const gj_text *t;
	size_t body;         /* offset where the report's body starts */
	gj_kind kind;
	unsigned char *md;   /* Markdown: GJ_MD_* per line, else NULL */
	size_t *blocks;      /* a page's block starts (p, h2, div …) as
	                      * offsets in t->s, ascending; a heading may
	                      * start there as at a line's start */
	size_t nblocks;
} ctx;

/* A block of the page starts in s[a, b]. */
static int block_in(const ctx *c, size_t a, size_t b)
{
	size_t lo = 0, hi = c->nblocks;
	while (lo < hi) {   /* first block start >= a */
		size_t mid = (lo + hi) / 2;
		if (c->blocks[mid] < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nblocks && c->blocks[lo] <= b;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Trim ASCII spaces of s[0..*len) in place; returns the new start. */
static const char *trim(const char *s, size_t *len)
{
	size_t a = 0, e = *len;
	while (a < e && is_space(s[a]))
		a++;
	while (e > a && is_space(s[e - 1]))
		e--;
	*len = e - a;
	return s + a;
}

/* Join text pieces the way a reader would: no space between CJK pieces,
 * one space between ASCII words. */
static void join_piece(gj_buf *b, const char *s, size_t len)
{
	s = trim(s, &len);
	if (len == 0)
		return;
	if (b->len > 0) {
		unsigned char last = (unsigned char)b->data[b->len - 1];
		unsigned char first = (unsigned char)s[0];
		if (last < 0x80 && first < 0x80 && last != ' ')
			gj_buf_addc(b, ' ');
	}
	gj_buf_add(b, s, len);
}

/* ---- metadata header (crawled pages) ---- */

static char *meta_value(const char *line, size_t len, const char *key)
{
	size_t k = strlen(key);
	if (len < k || memcmp(line, key, k) != 0)
		return NULL;
	size_t i = k;
	while (i < len && line[i] == ' ')
		i++;
	if (i < len && line[i] == ':')
		i++;
	else
		return NULL;
	size_t vl = len - i;
	const char *v = trim(line + i, &vl);
	return vl ? gj_xstrndup(v, vl) : gj_xstrdup("");
}

/* A crawler's header: "标题: …" lines, then a "==== 正文 ====" line.
 * Returns the offset where the body starts (0 when there is no header). */
static size_t read_metadata(const gj_text *t, gj_report *r)
{
	size_t len;
	const char *l1 = gj_text_line_ptr(t, 1, &len);
	l1 = trim(l1, &len);
	if (!(len >= 6 && memcmp(l1, "标题", 6) == 0))
		return 0;
	int last = t->nlines < 40 ? t->nlines : 40;
	for (int n = 1; n <= last; n++) {
		const char *l = gj_text_line_ptr(t, n, &len);
		l = trim(l, &len);
		char *v;
		if ((v = meta_value(l, len, "标题"))) {
			free(r->title);
			r->title = *v ? v : (free(v), NULL);
		} else if ((v = meta_value(l, len, "发布机构"))) {
			free(r->agency);
			r->agency = *v ? v : (free(v), NULL);
		} else if ((v = meta_value(l, len, "发布时间"))) {
			int y, m, dd;
			if (sscanf(v, "%4d-%2d-%2d", &y, &m, &dd) == 3) {
				char date[16];
				snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, dd);
				free(r->published);
				r->published = gj_xstrdup(date);
			}
			free(v);
		} else if (len > 0 && l[0] == '=' && strstr(l, "正文")) {
			return n < t->nlines ? t->line_start[n] : t->len;
		}
	}
	return 0;
}

/* ---- title, year, agency, date ---- */

/* A digit written as a Chinese numeral (〇 ○ 零 一 … 九), its value and
 * bytes; -1 when s[i] starts none. */
static int cn_digit(const char *s, size_t len, size_t i, size_t *bytes)
{
	static const char *const d[] = {
		"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
	};
	*bytes = 3;
	if (i + 3 > len)
		return -1;
	for (int k = 0; k < 10; k++)
		if (memcmp(s + i, d[k], 3) == 0)
			return k;
	if (memcmp(s + i, "○", 3) == 0 || memcmp(s + i, "零", 3) == 0)
		return 0;
	return -1;
}

/* "二〇二三年", "二○二三 年": the year, 0 when there is none. */
static int cn_year_in(const char *s, size_t len, size_t *at)
{
	for (size_t i = 0; i + 12 <= len; i++) {
		size_t j = i, n;
		int y = 0, k;
		for (k = 0; k < 4; k++) {
			int v = cn_digit(s, len, j, &n);
			if (v < 0)
				break;
			y = y * 10 + v;
			j += n;
		}
		if (k < 4 || y < 1900 || y > 2199)
			continue;
		size_t p;
		if (i >= 3 && cn_digit(s, len, i - 3, &p) >= 0)
			continue;   /* part of a longer run of numerals */
		while (j < len && s[j] == ' ')
			j++;
		if (j + 3 <= len && memcmp(s + j, "年", 3) == 0) {
			if (at)
				*at = i;
			return y;
		}
	}
	return 0;
}

static int year_in(const char *s, size_t len, size_t *at)
{
	for (size_t i = 0; i + 4 <= len; i++) {
		if ((s[i] == '1' || s[i] == '2') && (s[i + 1] == '9' || s[i + 1] == '0') &&
		    s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' &&
		    s[i + 3] <= '9' && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')) {
			size_t j = i + 4;
			while (j < len && s[j] == ' ')
				j++;
			if (j + 3 <= len && memcmp(s + j, "年", 3) == 0) {
				if (at)
					*at = i;
				return atoi(s + i) /* reads 4 digits, stops at non-digit */;
			}
		}
	}
	return cn_year_in(s, len, at);
}

static int contains(const char *s, size_t len, const char *word)
{
	return gj_contains(s, len, word, strlen(word));
}

/* A piece of a title: no field separators of a page's furniture
 * ("首页 | 政务公开", "当前位置: 首页 > …", "发布机构: …") and none of a
 * sentence's punctuation ("现公布…年度报告。"). */
static int title_like(const char *l, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (l[i] == ':' || l[i] == '|' || l[i] == '>' || l[i] == '<' || l[i] == '\t' ||
		    l[i] == ',' || l[i] == ';')
			return 0;
	return !contains(l, len, "。");
}

/* A whole title: ends with 报告 and speaks of 信息公开. */
static int title_ok(const char *s, size_t len)
{
	s = trim(s, &len);
	return len >= 6 && memcmp(s + len - 6, "报告", 6) == 0 &&
	       contains(s, len, "信息公开");
}

/* A long line with a sentence in it: the report's text has begun (a
 * portal's menu on one long line has none). */
static int body_begun(const char *l, size_t len)
{
	return len > 300 && contains(l, len, "。");
}

/* The title when no header gave it, from the lines before the body text
 * (a page saved from a portal has its menus, path and fields first):
 * a line that is a whole title with the agency before the year, else the
 * first title-like lines that join into one ("淮安市人民政府" /
 * "2024年政府信息公开工作年度报告"), else the first lines up to the one
 * that says 报告. */
#define TITLE_LINES 40

static void find_title(const ctx *c, gj_report *r)
{
	if (r->title)
		return;
	int start = gj_text_line(c->t, c->body);
	int end = start + TITLE_LINES <= c->t->nlines ? start + TITLE_LINES : c->t->nlines;
	for (int n = start; n <= end; n++) {
		size_t len, at;
		const char *l = gj_text_line_ptr(c->t, n, &len);
		l = trim(l, &len);
		if (body_begun(l, len))
			break;
		if (len <= 300 && title_like(l, len) && title_ok(l, len) &&
		    year_in(l, len, &at) && at >= 6) {
			r->title = gj_xstrndup(l, len);
			return;
		}
	}
	gj_buf b;
	gj_buf_init(&b);
	for (int n = start; n <= end; n++) {
		size_t len;
		const char *l = gj_text_line_ptr(c->t, n, &len);
		l = trim(l, &len);
		if (body_begun(l, len))
			break;
		if (len == 0 || len > 120 || !title_like(l, len))
			continue;
		b.len = 0;
		int taken = 0;
		for (int m = n; m <= end && taken < 3; m++) {
			size_t ml;
			const char *p = gj_text_line_ptr(c->t, m, &ml);
			p = trim(p, &ml);
			if (ml == 0)
				continue;
			if (ml > 120 || !title_like(p, ml))
				break;
			join_piece(&b, p, ml);
			taken++;
			if (contains(b.data, b.len, "报告"))
				break;
		}
		if (b.len && title_ok(b.data, b.len)) {
			r->title = gj_buf_detach(&b, NULL);
			return;
		}
	}
	b.len = 0;
	int taken = 0;
	for (int n = start; n <= c->t->nlines && taken < 4; n++) {
		size_t len;
		const char *l = gj_text_line_ptr(c->t, n, &len);
		l = trim(l, &len);
		if (len == 0)
			continue;
		if (len > 300)
			break;
		if (!title_like(l, len) && !contains(l, len, "报告"))
			break;   /* furniture or a sentence before any 报告 */
		join_piece(&b, l, len);
		taken++;
		if (strstr(b.data, "报告")) {
			if (!title_like(b.data, b.len))
				break;   /* a sentence that mentions the report */
			/* squeeze spaces between CJK pieces: "2024 年" stays */
			r->title = gj_buf_detach(&b, NULL);
			return;
		}
	}
	gj_buf_release(&b);
}

/* The fields a portal prints above a report, several to a line:
 * "索 引 号: 640502/2023-00012	发布机构: 某局", "发布日期: 2023-01-20".
 * Keys are compared without their spaces; a value ends at a tab, at two
 * spaces or at a bar. */
static void portal_fields(const ctx *c, char **agency, char **date)
{
	int start = gj_text_line(c->t, c->body);
	int end = start + TITLE_LINES <= c->t->nlines ? start + TITLE_LINES : c->t->nlines;
	for (int n = start; n <= end; n++) {
		size_t len;
		const char *l = gj_text_line_ptr(c->t, n, &len);
		if (body_begun(l, len))
			break;
		size_t i = 0;
		while (i < len) {
			/* one field: [i, e) */
			size_t e = i;
			while (e < len && l[e] != '\t' && l[e] != '|' &&
			       !(l[e] == ' ' && e + 1 < len && l[e + 1] == ' '))
				e++;
			const char *colon = memchr(l + i, ':', e - i);
			if (colon) {
				char key[64];
				size_t k = 0;
				for (const char *p = l + i; p < colon && k + 1 < sizeof key; p++)
					if (*p != ' ')
						key[k++] = *p;
				key[k] = '\0';
				size_t vl = (size_t)(l + e - colon - 1);
				const char *v = trim(colon + 1, &vl);
				if (vl > 0 && vl < 200) {
					if (!*agency && strcmp(key, "发布机构") == 0)
						*agency = gj_xstrndup(v, vl);
					else if (!*date && (strcmp(key, "发布日期") == 0 ||
							    strcmp(key, "发布时间") == 0)) {
						int y, m, d;
						if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
						    y >= 1990 && y <= 2100 && m >= 1 && m <= 12 &&
						    d >= 1 && d <= 31) {
							char buf[16];
							snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
							*date = gj_xstrdup(buf);
						}
					}
				}
			}
			i = e;
			while (i < len && (l[i] == '\t' || l[i] == '|' || l[i] == ' '))
				i++;
		}
	}
}

/* 统计期限 sentence: "统计期限为2024年1月1日至…", and its other wordings */
static int year_of_period(const ctx *c)
{
	static const char *const keys[] = { "统计期限", "统计时限", "统计期间", "统计时间" };
	const char *best = NULL;
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		const char *p = strstr(c->t->s + c->body, keys[k]);
		if (p && (!best || p < best))
			best = p;
	}
	if (!best)
		return 0;
	size_t rest = c->t->len - (size_t)(best - c->t->s);
	return year_in(best, rest < 80 ? rest : 80, NULL);
}

static void find_year_agency(const ctx *c, gj_report *r)
{
	size_t at = 0;
	if (r->title) {
		size_t tl = strlen(r->title);
		r->year = year_in(r->title, tl, &at);
		if (!r->agency && r->year && at > 0) {
			size_t al = at;
			const char *a = trim(r->title, &al);
			if (al >= 6)
				r->agency = gj_xstrndup(a, al);
		}
	}
	if (!r->year)
		r->year = year_of_period(c);
	char *agency = NULL, *date = NULL;
	if (!r->agency || !r->published)
		portal_fields(c, &agency, &date);
	if (!r->agency)
		r->agency = agency, agency = NULL;
	if (!r->published)
		r->published = date, date = NULL;
	free(agency);
	free(date);
}

/* A line that is only a date, "2025年1月20日", near the end. */
static void find_date(const ctx *c, gj_report *r)
{
	if (r->published)
		return;
	int seen = 0;
	for (int n = c->t->nlines; n >= 1 && seen < 8; n--) {
		size_t len;
		const char *l = gj_text_line_ptr(c->t, n, &len);
		l = trim(l, &len);
		if (len == 0)
			continue;
		seen++;
		char tmp[64];
		if (len >= sizeof tmp)
			continue;
		/* drop spaces: "2025 年 1 月 20 日" */
		size_t k = 0;
		for (size_t i = 0; i < len; i++)
			if (l[i] != ' ')
				tmp[k++] = l[i];
		tmp[k] = '\0';
		int y, m, d, used = 0;
		if (sscanf(tmp, "%4d年%2d月%2d日%n", &y, &m, &d, &used) == 3 &&
		    (size_t)used == k && y >= 1990 && y <= 2100 && m >= 1 &&
		    m <= 12 && d >= 1 && d <= 31) {
			char date[16];
			snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
			r->published = gj_xstrdup(date);
			return;
		}
	}
}

/* ---- sections ---- */

static const char *const numerals[] = {
	"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"
};

typedef struct {
	size_t start;   /* offset of the numeral */
	size_t end;     /* offset just past the heading's last letter */
	int exact;
} heading;

/* Score the letters after a numeral against the six titles.  Returns the
 * section number (1..6) of the best title scoring at least 3/4, else 0. */
static int match_title(const gj_text *t, size_t after, heading *h)
{
	gj_stream st;
	gj_stream_build_skip(&st, t->s, after, t->len, 48, t->furniture, gj_text_line(t, after));
	int best = 0, best_num = 0;
	gj_hit best_hit = { 0, 0, 0, 0 };
	int best_m = 1;
	for (int s = 0; s < 6; s++) {
		for (int v = 0; v < 3 && section_titles[s][v]; v++) {
			unsigned key[64];
			int m = gj_key_make(section_titles[s][v], key, 64);
			gj_hit hit;
			gj_stream_score(&st, 0, key, m, 3, &hit);
			/* the heading must start right at the numeral */
			if (hit.matched == 0 || hit.first > 1)
				continue;
			if (hit.matched * 4 < m * 3)
				continue;
			if (hit.matched * best_m > best * m) {
				best = hit.matched;
				best_m = m;
				best_num = s + 1;
				best_hit = hit;
			}
		}
	}
	if (best_num) {
		size_t off = st.v[best_hit.last].off;
		unsigned cp;
		int n = gj_utf8_decode((const unsigned char *)t->s + off,
				       t->len - off, &cp);
		h->end = off + (size_t)(n ? n : 1);
		h->exact = best_hit.exact && best == best_m && best_hit.first == 0;
		/* the accepted variant wordings count as exact too */
	}
	gj_stream_release(&st);
	return best_num;
}

/* Candidates: a numeral, optional spaces, then 、 (or ． . ，).  mode 2:
 * Markdown heading lines only; 1: at a line start; 0: also inline.  Never
 * inside a Markdown code block. */
static void find_sections(const ctx *c, heading out[6], int line_start_only)
{
	const gj_text *t = c->t;
	int found = 0;
	for (int i = 0; i < 6; i++)
		found += out[i].end != 0;
	size_t i = c->body;
	while (i < t->len) {
		/* every numeral 一…十 begins with byte E4 or E5 */
		unsigned char lead = (unsigned char)t->s[i];
		if (lead != 0xE4 && lead != 0xE5) {
			i++;
			continue;
		}
		int which = -1;
		for (int k = 0; k < 10 && i + 3 <= t->len; k++) {
			if (memcmp(t->s + i, numerals[k], 3) == 0) {
				which = k;
				break;
			}
		}
		if (which < 0) {
			i++;
			continue;
		}
		/* 第一部分: the heading starts at 第, 部分 is its separator */
		size_t start = i, j = i + 3;
		int part = i >= c->body + 3 && memcmp(t->s + i - 3, "第", 3) == 0 &&
			   j + 6 <= t->len && memcmp(t->s + j, "部分", 6) == 0;
		if (part) {
			start = i - 3;
			j += 6;
		}
		while (j < t->len && t->s[j] == ' ')
			j++;
		int sep = 0;
		if (j + 3 <= t->len && memcmp(t->s + j, "、", 3) == 0)
			sep = 3;
		else if (j < t->len && (t->s[j] == '.' || t->s[j] == ',' || (part && t->s[j] == ':')))
			sep = 1;
		/* what comes before: a line start, or (inline) punctuation, a
		 * space or a digit, never a letter of the running text */
		size_t b = start;
		while (b > c->body && (t->s[b - 1] == ' ' || t->s[b - 1] == '\t'))
			b--;
		int at_line = b == c->body || t->s[b - 1] == '\n' ||
			      (c->nblocks && block_in(c, b + 1, start));
		/* a numeral and a space at a line start ("一 总体情况") will do
		 * too, and 第一部分 needs nothing more */
		if (!sep && !part && !(at_line && j > i + 3)) {
			i += 3;
			continue;
		}
		int ok = at_line;
		if (c->md) {
			int kind = c->md[gj_text_line(t, i) - 1];
			if (kind == GJ_MD_CODE || (line_start_only == 2 && kind != GJ_MD_HEADING)) {
				i += 3;
				continue;
			}
		}
		if (!ok && !line_start_only) {
			unsigned char p = (unsigned char)t->s[b - 1];
			if (p < 0x80) {
				ok = !((p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z'));
			} else {
				size_t q = b - 1;
				while (q > 0 && ((unsigned char)t->s[q] & 0xC0) == 0x80)
					q--;
				unsigned cp;
				if (gj_utf8_decode((const unsigned char *)t->s + q, b - q, &cp))
					ok = !gj_is_letter(cp);
			}
		}
		heading h = { start, 0, 0 };
		int num = 0;
		if (ok || !line_start_only) {
			num = match_title(t, j + (size_t)sep, &h);
			/* glued to running text (a table's last cell before
			 * "三、收到和处理…"): only an exact title will do */
			if (num && !ok && !h.exact)
				num = 0;
		}
		if (num && out[num - 1].end == 0) {
			out[num - 1] = h;
			found++;
			i = h.end;
			if (found == 6)
				break;
			continue;
		}
		i += 3;
	}
}

/* Words without which no heading of each part is written, however it
 * abbreviates the official title ("二、主动公开情况", "四、行政复议、行政诉讼
 * 情况", "六、其他事项"). */
static const char *const part_words[6][3] = {
	{ "总体", "概述", "概况" },
	{ "主动公开", NULL, NULL },
	{ "申请", NULL, NULL },
	{ "复议", "诉讼", NULL },
	{ "问题", "改进", NULL },
	{ "其他", "事项", NULL },
};

#define LOOSE_MAX 120   /* bytes of a heading line, at most 40 characters */

/* Part p's heading in the segment s[a, e) (a line, or a page's block):
 * its own numeral and a separator first, short, no sentence (no 。), one
 * of the part's words.  Sets *hs, *he to the heading's bytes. */
static int loose_heading(const char *s, size_t a, size_t e, int p, size_t *hs, size_t *he)
{
	const char *l = s + a;
	size_t len = e - a;
	size_t i = 0;
	while (i < len && (l[i] == ' ' || l[i] == '\t'))
		i++;
	size_t start = i;
	if (i + 3 <= len && memcmp(l + i, "第", 3) == 0)
		i += 3;
	if (i + 3 > len || memcmp(l + i, numerals[p], 3) != 0)
		return 0;
	i += 3;
	if (i + 6 <= len && memcmp(l + i, "部分", 6) == 0)
		i += 6;
	size_t j = i;
	while (j < len && l[j] == ' ')
		j++;
	if (j + 3 <= len && memcmp(l + j, "、", 3) == 0)
		j += 3;
	else if (j < len && (l[j] == '.' || l[j] == ',' || l[j] == ':'))
		j++;
	else if (j == i)
		return 0;   /* "二是…", "三年": no separator */
	size_t z = len;
	while (z > j && (l[z - 1] == ' ' || l[z - 1] == '\t'))
		z--;
	if (z <= j || z - start > LOOSE_MAX || contains(l + j, z - j, "。"))
		return 0;
	int word = 0;
	for (int w = 0; w < 3 && part_words[p][w] && !word; w++)
		word = contains(l + j, z - j, part_words[p][w]);
	if (!word)
		return 0;
	*hs = a + start;
	*he = a + z;
	return 1;
}

/* Parts still missing after the titles were matched: a line (or a page's
 * block) that is part p's heading by loose_heading, between the parts
 * found before and after it.  Such a heading is never exact. */
static void find_sections_loose(const ctx *c, heading out[6])
{
	const gj_text *t = c->t;
	for (int p = 0; p < 6; p++) {
		if (out[p].end)
			continue;
		size_t lo = c->body, hi = t->len;
		for (int q = p - 1; q >= 0; q--)
			if (out[q].end) {
				lo = out[q].end;
				break;
			}
		for (int q = p + 1; q < 6; q++)
			if (out[q].end) {
				hi = out[q].start;
				break;
			}
		size_t kb = 0;   /* the next block start to look at */
		for (int n = gj_text_line(t, lo); n <= t->nlines && !out[p].end; n++) {
			size_t len;
			const char *l = gj_text_line_ptr(t, n, &len);
			size_t a = (size_t)(l - t->s), e = a + len;
			if (a >= hi)
				break;
			if (c->md && c->md[n - 1] == GJ_MD_CODE)
				continue;
			size_t hs, he;
			if (a >= lo && loose_heading(t->s, a, e, p, &hs, &he) && he <= hi) {
				out[p].start = hs;
				out[p].end = he;
				break;
			}
			/* the page's blocks on this line, each up to the next */
			while (kb < c->nblocks && c->blocks[kb] < a)
				kb++;
			for (; kb < c->nblocks && c->blocks[kb] < e; kb++) {
				size_t ba = c->blocks[kb];
				size_t be = kb + 1 < c->nblocks && c->blocks[kb + 1] < e ? c->blocks[kb + 1] : e;
				if (ba < lo || be > hi)
					continue;
				if (loose_heading(t->s, ba, be, p, &hs, &he)) {
					out[p].start = hs;
					out[p].end = he;
					break;
				}
			}
		}
		out[p].exact = 0;
	}
}

/* The pieces of the paragraph being built. */
typedef struct {
	gj_piece *v;
	int n, cap;
} pieces;

static void add_piece(pieces *ps, size_t off, int line, int column)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 8;
		ps->v = gj_xrealloc(ps->v, (size_t)ps->cap * sizeof *ps->v);
	}
	ps->v[ps->n].off = off;
	ps->v[ps->n].line = line;
	ps->v[ps->n].column = column;
	ps->n++;
}

static void add_paragraph(gj_section *s, gj_buf *p, int line, pieces *ps)
{
	if (p->len == 0) {
		ps->n = 0;
		return;
	}
	gj_section_add_paragraph(s, gj_buf_detach(p, NULL), line, ps->v, ps->n);
	ps->v = NULL;
	ps->n = ps->cap = 0;
}

/* Body text of a section from the original text: paragraphs split at blank
 * lines (text, Markdown) or at indented lines (PDF text layer, where lines
 * wrap mid-sentence and blank lines mark page breaks). */
static void fill_body(const ctx *c, gj_section *s, size_t from, size_t to)
{
	const gj_text *t = c->t;
	int l0 = gj_text_line(t, from), l1 = gj_text_line(t, to > from ? to - 1 : to);
	gj_buf p;
	gj_buf_init(&p);
	pieces ps = { NULL, 0, 0 };
	int pline = 0;
	for (int n = l0; n <= l1; n++) {
		size_t a = t->line_start[n - 1], e;
		const char *nl;
		gj_text_line_ptr(t, n, &e);
		e += a;
		if (a < from)
			a = from;
		if (e > to)
			e = to;
		nl = t->s + a;
		size_t len = e > a ? e - a : 0;
		size_t tl = len;
		trim(nl, &tl);
		if (tl == 0) {
			/* a blank line ends a paragraph, except in a PDF, where
			 * blank lines are page breaks */
			if (c->kind != GJ_KIND_PDF)
				add_paragraph(s, &p, pline, &ps);
			continue;
		}
		if (gj_text_is_page_line(t, n))
			continue;
		size_t oa = gj_text_orig_off(t, a), oe = gj_text_orig_off(t, e);
		size_t ol = oe - oa;
		const char *ot = trim(t->orig + oa, &ol);
		/* the column where the printed text starts on its line */
		int column = 1;
		for (const char *q = t->orig + t->orig_start[n - 1]; q < ot; q++)
			column += ((unsigned char)*q & 0xC0) != 0x80;
		int indented = len >= 2 && nl[0] == ' ' && nl[1] == ' ';
		if (c->kind == GJ_KIND_PDF && indented)
			add_paragraph(s, &p, pline, &ps);
		if (p.len == 0)
			pline = n;
		if (c->kind == GJ_KIND_PDF || p.len == 0) {
			join_piece(&p, ot, ol);   /* may put one space first */
			add_piece(&ps, p.len - ol, n, column);
		} else {
			gj_buf_addc(&p, '\n');
			add_piece(&ps, p.len, n, column);
			gj_buf_add(&p, ot, ol);
		}
	}
	add_paragraph(s, &p, pline, &ps);
	free(ps.v);
	gj_buf_release(&p);
	gj_section_join(s);
}

/* Byte offset in s->text of what was printed at (line, column): the
 * last piece printed at or before it, and as many code points on as the
 * columns between them (within that piece). */
static size_t section_offset(const gj_section *s, int line, int column)
{
	size_t base = 0, best = 0;
	for (int p = 0; p < s->nparagraphs; p++) {
		size_t plen = strlen(s->paragraphs[p]);
		for (int k = 0; s->pieces && k < s->npieces[p]; k++) {
			const gj_piece *pc = &s->pieces[p][k];
			if (pc->line > line || (pc->line == line && pc->column > column))
				return best;
			size_t end = k + 1 < s->npieces[p] ? s->pieces[p][k + 1].off : plen;
			size_t off = pc->off;
			if (pc->line == line) {
				const char *q = s->paragraphs[p];
				for (int c = pc->column; c < column && off < end; c++) {
					off++;
					while (off < end && ((unsigned char)q[off] & 0xC0) == 0x80)
						off++;
				}
			} else {
				off = end;   /* a later line: past this piece */
			}
			best = base + off;
		}
		base += plen + 1;
	}
	return best;
}

/* Each table's place in the text of the part it was printed in, for
 * rules that read the text for its sentences. */
static void place_tables(gj_report *r)
{
	for (int k = 0; k < 3; k++) {
		if (!r->has_table[k] || r->table_line[k] <= 0 || r->table_end_line[k] <= 0)
			continue;
		for (int i = 0; i < r->nsections; i++) {
			gj_section *s = &r->sections[i];
			if (r->table_line[k] < s->line || r->table_line[k] > s->end_line ||
			    s->ntables == 3)
				continue;
			size_t a = section_offset(s, r->table_line[k], r->table_column[k]);
			size_t e = section_offset(s, r->table_end_line[k], r->table_end_column[k]);
			if (e > a) {
				s->tables[s->ntables].table = (gj_table)k;
				s->tables[s->ntables].start = a;
				s->tables[s->ntables].end = e;
				s->ntables++;
			}
			break;
		}
	}
}

/* ---- format ---- */

/* The words of one format's tables and not the other's (catalogue.inc):
 * 表二's column headings and rows, 表三's rows, that belong to one format
 * only.  Short ones (其他) are any text's words, and （六）其他处理 heads
 * the 2021 sub-rows too: neither tells the format. */
typedef struct {
	const char *word;
	int formats;
} format_word;

#define CELL_WORD(row, col, f, dec, name, name_2019) { name, f },
#define ACTIVE_WORD(key, f, label, name, name_2019) { name, f },
#define REQUEST_WORD(key, f, label, official, name, ordinal, group, layout) \
	{ layout == 2 ? NULL : label, f },
static const format_word format_words[] = {
	GJ_ACTIVE_CELLS(CELL_WORD)
	GJ_ACTIVE_ROWS(ACTIVE_WORD)
	GJ_REQUEST_ROWS(REQUEST_WORD)
};

/* How many distinct words of format bit are in st. */
static int count_words(const gj_stream *st, int bit)
{
	int n = 0;
	size_t nw = sizeof format_words / sizeof format_words[0];
	for (size_t i = 0; i < nw; i++) {
		const format_word *w = &format_words[i];
		if (!w->word || w->formats != bit)
			continue;
		int seen = 0;
		for (size_t j = 0; j < i && !seen; j++)
			seen = format_words[j].word && strcmp(format_words[j].word, w->word) == 0;
		unsigned key[64];
		int m = gj_key_make(w->word, key, 64);
		gj_hit h;
		if (!seen && m >= 4 && gj_stream_find(st, 0, st->n, key, m, 0, &h) == 0)
			n++;
	}
	return n;
}

static gj_format detect_format(const ctx *c, size_t from, size_t to, int year)
{
	if (to > c->t->len)
		to = c->t->len;
	if (to < from)   /* parts out of order: look from 二 to the end */
		to = c->t->len;
	if (to - from > 2 * MAX_TABLE_REGION)
		to = from + 2 * MAX_TABLE_REGION;
	gj_stream st;
	gj_stream_build_skip(&st, c->t->s, from, to, 0, c->t->furniture, gj_text_line(c->t, from));
	int a = count_words(&st, GJ_F2021), b = count_words(&st, GJ_F2019);
	gj_stream_release(&st);
	if (a > b)
		return GJ_FORMAT_2021;
	if (b > a)
		return GJ_FORMAT_2019;
	if (year && year < 2019)
		return GJ_FORMAT_LEGACY;
	return GJ_FORMAT_UNKNOWN;
}

/* No table header says which format: the year does.  Its tables are then
 * missing (not absent), so the rules report them as missing. */
static gj_format format_by_year(int year)
{
	if (year >= 2021)
		return GJ_FORMAT_2021;
	if (year >= 2019)
		return GJ_FORMAT_2019;
	return GJ_FORMAT_UNKNOWN;
}

int gj_doc_read(const char *utf8, size_t len, gj_kind kind, gj_report *r,
		gj_diag *d)
{
	(void)d;
	/* a web page: its text, with the lines of its source */
	char *page = NULL, *h1 = NULL;
	gj_html_info info;
	memset(&info, 0, sizeof info);
	int markup = 0;
	if (kind == GJ_KIND_HTML) {
		page = gj_html_text(utf8, len, &len, &info);
		h1 = info.heading;
		info.heading = NULL;
		utf8 = page;
		kind = GJ_KIND_TEXT;
		markup = 1;
	} else if (kind == GJ_KIND_MARKDOWN && gj_html_has_table(utf8, len)) {
		/* Markdown converted from a document (pandoc) keeps a table
		 * with merged cells as an HTML block */
		page = gj_html_text(utf8, len, &len, &info);
		free(info.heading);
		info.heading = NULL;
		info.nblocks = 0;
		utf8 = page;
	}
	gj_text t;
	gj_text_init(&t, utf8, len, kind == GJ_KIND_MARKDOWN);
	if (kind == GJ_KIND_PDF)
		gj_text_find_furniture(&t);
	/* the rows of a page's tables, as places of the normalised text; a
	 * page's text has tabs only where its cells start, and its rows are
	 * its <tr>s, not its lines */
	gj_grid grid = info.grid;
	memset(&info.grid, 0, sizeof info.grid);
	gj_grid_to_text(&grid, &t);
	grid.markup_only = markup;
	ctx c = { &t, 0, kind, NULL, NULL, 0 };
	if (info.nblocks) {
		c.blocks = gj_xmalloc(info.nblocks * sizeof *c.blocks);
		gj_text_from_orig(&t, info.blocks, info.nblocks, c.blocks);
		c.nblocks = info.nblocks;
	}
	gj_html_info_release(&info);
	c.body = read_metadata(&t, r);
	/* a page's h1 (or title element) when it is a whole title */
	if (h1 && title_like(h1, strlen(h1)) && title_ok(h1, strlen(h1)))
		r->title = h1, h1 = NULL;
	free(h1);
	find_title(&c, r);
	find_year_agency(&c, r);
	find_date(&c, r);

	if (kind == GJ_KIND_MARKDOWN) {
		c.md = gj_xmalloc((size_t)t.nlines);
		gj_md_line_kinds(utf8, len, c.md, t.nlines);
	}
	/* headings first (Markdown), then line starts fill the gaps; inline
	 * titles only in a text with hardly any line-start ones (a crawled
	 * page on one line) */
	heading h[6];
	memset(h, 0, sizeof h);
	int found = 0;
	for (int mode = c.md ? 2 : 1; mode >= 0; mode--) {
		if (mode == 0 && found >= 3)
			break;
		find_sections(&c, h, mode);
		found = 0;
		for (int i = 0; i < 6; i++)
			found += h[i].end != 0;
	}

	if (found < 6)
		find_sections_loose(&c, h);

	/* sections in document order */
	int order[6], n = 0;
	for (int i = 0; i < 6; i++)
		if (h[i].end)
			order[n++] = i;
	for (int a = 1; a < n; a++)
		for (int b2 = a; b2 > 0 && h[order[b2]].start < h[order[b2 - 1]].start; b2--) {
			int tmp = order[b2];
			order[b2] = order[b2 - 1];
			order[b2 - 1] = tmp;
		}
	size_t sec_start[6] = { 0 }, sec_end[6] = { 0 };
	for (int k = 0; k < n; k++) {
		int i = order[k];
		size_t end = k + 1 < n ? h[order[k + 1]].start : t.len;
		gj_section *s = &r->sections[r->nsections++];
		s->number = i + 1;
		size_t oa = gj_text_orig_off(&t, h[i].start);
		size_t oe = gj_text_orig_off(&t, h[i].end);
		s->title = gj_xstrndup(t.orig + oa, oe - oa);
		s->exact = h[i].exact;
		s->line = gj_text_line(&t, h[i].start);
		s->end_line = gj_text_line(&t, end > h[i].end ? end - 1 : h[i].end);
		fill_body(&c, s, h[i].end, end);
		sec_start[i] = h[i].start;
		sec_end[i] = end;
		if (!s->exact)
			gj_report_note(r, s->line, "heading of part %d does not match the official text: '%s'",
				       i + 1, s->title);
	}
	if (n == 0)
		gj_report_note(r, 0, "none of the six parts was found");
	/* the preamble: what comes before the first part (the basis of the
	 * report, its 统计期限 sentence) */
	size_t pre_end = n ? h[order[0]].start : t.len;
	if (pre_end > c.body) {
		gj_section tmp;
		memset(&tmp, 0, sizeof tmp);
		fill_body(&c, &tmp, c.body, pre_end);
		if (tmp.text && tmp.text[0]) {
			r->preamble = tmp.text;
			tmp.text = NULL;
			r->preamble_line = tmp.nparagraphs ? tmp.paragraph_lines[0] : 0;
		}
		for (int i = 0; i < tmp.nparagraphs; i++) {
			free(tmp.paragraphs[i]);
			free(tmp.pieces[i]);
		}
		free(tmp.paragraphs);
		free(tmp.paragraph_lines);
		free(tmp.pieces);
		free(tmp.npieces);
		free(tmp.text);
	}

	/* format from the table headers in 二 and 三 (or the whole text) */
	size_t fa = c.body, fb = t.len;
	if (h[1].end) {
		fa = sec_start[1];
		fb = h[3].end ? sec_start[3] : sec_end[2] ? sec_end[2] : sec_end[1];
	}
	gj_format f = detect_format(&c, fa, fb, r->year);
	if (f == GJ_FORMAT_UNKNOWN && fa != c.body)
		f = detect_format(&c, c.body, t.len, r->year);
	if (f == GJ_FORMAT_UNKNOWN && format_by_year(r->year) != GJ_FORMAT_UNKNOWN) {
		f = format_by_year(r->year);
		gj_report_note(r, 0, "no table headers recognised; the %d report is read as the %s format",
			       r->year, gj_format_name(f));
	}
	gj_report_set_format(r, f);
	if (f == GJ_FORMAT_LEGACY)
		gj_report_note(r, 0, "a report for %d predates the national table format: no standard tables", r->year);

	if (f == GJ_FORMAT_2021 || f == GJ_FORMAT_2019) {
		gj_table_regions reg;
		for (int k = 0; k < 3; k++) {
			int s = k + 1;   /* 表二 in part 二 (index 1), … */
			reg.start[k] = sec_start[s];
			reg.end[k] = sec_end[s];
			if (!h[s].end) {
				reg.start[k] = reg.end[k] = 0;
			}
		}
		gj_tables_read(&t, &grid, &reg, r);
		place_tables(r);
	} else if (f == GJ_FORMAT_UNKNOWN) {
		gj_report_note(r, 0, "no national table format recognised: tables not read");
	}
	free(c.md);
	free(c.blocks);
	gj_grid_release(&grid);
	gj_text_release(&t);
	free(page);
	return 0;
}
