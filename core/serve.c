/*
 * serve.c — the web server of gouji serve (serve.h), on libmicrohttpd.
 *
 * A request's life: GET / gives the page with the form (and the token);
 * POST /check streams each uploaded file into the request's private
 * folder under a name of its own (1.pdf, 2.md …: only the extension comes
 * from the client, and only from a fixed list), checks the files on the
 * worker pool, runs the output scripts over the results, removes the
 * folder, and answers with one page that carries everything: the results
 * and the downloads (as data: links), so nothing is kept for later.
 */
#include "serve.h"
#include "batch.h"
#include "cli.h"
#include "input.h"

#include <microhttpd.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Every page: no script, nothing from elsewhere, no framing, forms only
 * to this server.  The pages' style sheets are inline, their charts
 * inline SVG, the downloads data: links. */
#define CSP "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " \
	    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

struct gj_server {
	gj_serve_options o;
	struct MHD_Daemon *mhd;
	char token[33];
	int port;
	pthread_mutex_t mu;
	pthread_cond_t freed;
	int checks;             /* checks running */
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- HTML bits ---- */

static void add_escaped(gj_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': gj_buf_adds(b, "&amp;"); break;
		case '<': gj_buf_adds(b, "&lt;"); break;
		case '>': gj_buf_adds(b, "&gt;"); break;
		case '"': gj_buf_adds(b, "&quot;"); break;
		case '\'': gj_buf_adds(b, "&#39;"); break;
		default: gj_buf_addc(b, *s);
		}
	}
}

static void add_base64(gj_buf *b, const char *s, size_t n)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned char)s[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)s[i + 2];
		char q[4] = { tab[v >> 18 & 63], tab[v >> 12 & 63],
			      i + 1 < n ? tab[v >> 6 & 63] : '=', i + 2 < n ? tab[v & 63] : '=' };
		gj_buf_add(b, q, 4);
	}
}

static const char page_head[] =
	"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<title>gouji 年度报告检查</title>\n<style>\n"
	"body { font-family: \"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", \"Microsoft YaHei\", sans-serif;"
	" color: #222; max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.6; }\n"
	"h1 { font-size: 1.5em; border-bottom: 2px solid #0072B2; padding-bottom: .2em; }\n"
	"small { color: #666; font-weight: normal; }\n"
	".drop { border: 3px dashed #0072B2; border-radius: .6em; background: #f2f7fb; padding: 1.2em; margin: 1em 0; }\n"
	".drop label { display: block; font-weight: bold; margin: .6em 0 .2em; }\n"
	".drop input[type=file] { width: 100%; padding: 2em .5em; border: 1px solid #9bbbd4; background: #fff; }\n"
	"button { font-size: 1.1em; padding: .4em 1.4em; margin: .8em .6em 0 0; background: #0072B2; color: #fff; border: 0; border-radius: .3em; }\n"
	"button.plain { background: #eef3f8; color: #0a3d62; border: 1px solid #9bbbd4; }\n"
	".error { color: #b00000; }\n"
	".note { color: #555; font-size: .9em; }\n"
	"</style>\n</head>\n<body>\n";

/* the start page: the form, with this run's token */
static void start_page(const gj_server *s, gj_buf *b)
{
	gj_buf_adds(b, page_head);
	gj_buf_adds(b,
		"<h1>政府信息公开工作年度报告检查 <small>gouji: check annual disclosure reports</small></h1>\n"
		"<p>把报告拖到下面的框里（或点击选择），再点“检查”。一份报告：看到报告原文，每个问题标在原处；"
		"多份报告：看到汇总表，每份报告的批注一点即到。</p>\n"
		"<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">\n");
	gj_buf_addf(b, "<input type=\"hidden\" name=\"token\" value=\"%s\">\n", s->token);
	gj_buf_adds(b,
		"<div class=\"drop\">\n"
		"<label for=\"files\">报告文件（可选多份） <small>report files</small></label>\n"
		"<input type=\"file\" id=\"files\" name=\"report\" multiple "
		"accept=\".md,.txt,.pdf,.html,.htm,.yaml,.yml,.markdown,.text\">\n"
		"<label for=\"folder\">或一个文件夹 <small>or a folder</small></label>\n"
		"<input type=\"file\" id=\"folder\" name=\"report\" multiple webkitdirectory>\n"
		"</div>\n"
		"<button type=\"submit\" name=\"format\" value=\"page\">检查 Check</button>\n"
		"<button class=\"plain\" type=\"submit\" name=\"format\" value=\"xlsx\">下载 XLSX</button>\n"
		"<button class=\"plain\" type=\"submit\" name=\"format\" value=\"csv\">下载 CSV</button>\n"
		"<button class=\"plain\" type=\"submit\" name=\"format\" value=\"sarif\">下载 SARIF</button>\n"
		"</form>\n");
	gj_buf_addf(b,
		"<p class=\"note\">可读：Markdown、文本、网页（.html）、PDF（有文字层）、YAML。"
		"一次最多 %d 份、共 %zu MB。报告只在本机检查，检查完即删除，不保留。"
		"<br>Markdown, text, web pages, PDF with a text layer, YAML; at most %d files, %zu MB in all. "
		"Checked on this computer and deleted at once.</p>\n</body>\n</html>\n",
		s->o.max_files, s->o.max_upload >> 20, s->o.max_files, s->o.max_upload >> 20);
}

/* a short page for a refusal: Chinese first, then English */
static void error_page(gj_buf *b, const char *zh, const char *en)
{
	gj_buf_adds(b, page_head);
	gj_buf_adds(b, "<h1>无法处理 <small>cannot do this</small></h1>\n<p class=\"error\">");
	add_escaped(b, zh);
	gj_buf_adds(b, "<br>");
	add_escaped(b, en);
	gj_buf_adds(b, "</p>\n<p><a href=\"/\">返回 back</a></p>\n</body>\n</html>\n");
}

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, gj_buf *body,
			       const char *type, const char *filename)
{
	size_t len;
	char *data = gj_buf_detach(body, &len);
	struct MHD_Response *r = MHD_create_response_from_buffer(len, data ? data : (char *)"",
		data ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!r) {
		free(data);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Content-Security-Policy", CSP);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	if (filename) {
		char cd[128];
		snprintf(cd, sizeof cd, "attachment; filename=\"%s\"", filename);
		MHD_add_response_header(r, "Content-Disposition", cd);
	}
	enum MHD_Result rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result refuse(struct MHD_Connection *c, unsigned status, const char *zh,
			      const char *en)
{
	gj_buf b;
	gj_buf_init(&b);
	error_page(&b, zh, en);
	return respond(c, status, &b, "text/html; charset=utf-8", NULL);
}

/* ---- one request's upload ---- */

typedef struct {
	char *name;             /* as the client named it, folders cut off */
	char path[PATH_MAX + 32];   /* ours: DIR/N.ext */
	int fd;
} upload;

typedef struct {
	gj_server *s;
	int post;
	struct MHD_PostProcessor *pp;
	char dir[PATH_MAX];     /* the private folder, "" until made */
	upload *files;
	int nfiles;
	size_t bytes;
	char token[40];
	size_t token_len;
	char format[16];
	unsigned status;        /* a refusal decided while reading, or 0 */
	const char *zh, *en;
	double started;
} request;

/* the extensions kept from a client's file name: the reader picks the
 * kind by them; anything else is read by its content */
static const char *const kept_ext[] = { "md", "markdown", "txt", "text", "pdf", "html",
					"htm", "yaml", "yml", NULL };

static const char *ext_of(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return NULL;
	for (int i = 0; kept_ext[i]; i++)
		if (strcasecmp(dot + 1, kept_ext[i]) == 0)
			return kept_ext[i];
	return NULL;
}

/* the client's name as shown: the last part of the path, control
 * characters dropped, at most 200 bytes (cut at a character's start) */
static char *display_name(const char *name, int n)
{
	const char *base = name;
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	gj_buf b;
	gj_buf_init(&b);
	for (const char *p = base; *p && b.len < 200; p++)
		if ((unsigned char)*p >= 0x20 && *p != 0x7f)
			gj_buf_addc(&b, *p);
	while (b.len && ((unsigned char)b.data[b.len] & 0xC0) == 0x80 && b.len > 0)
		b.len--;
	if (b.len == 0 || !gj_utf8_valid(b.data, b.len)) {
		b.len = 0;
		gj_buf_addf(&b, "report-%d", n);
	}
	b.data[b.len] = '\0';
	return gj_buf_detach(&b, NULL);
}

static void fail(request *q, unsigned status, const char *zh, const char *en)
{
	if (!q->status) {
		q->status = status;
		q->zh = zh;
		q->en = en;
	}
}

static int token_ok(const request *q)
{
	const char *t = q->s->token;
	size_t n = strlen(t);
	if (q->token_len != n)
		return 0;
	unsigned diff = 0;      /* the same time whatever matches */
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(q->token[i] ^ t[i]);
	return diff == 0;
}

static enum MHD_Result on_field(void *cls, enum MHD_ValueKind kind, const char *key,
				const char *filename, const char *content_type,
				const char *encoding, const char *data, uint64_t off, size_t size)
{
	request *q = cls;
	(void)kind;
	(void)content_type;
	(void)encoding;
	if (q->status)
		return MHD_NO;
	if (strcmp(key, "token") == 0 && !filename) {
		if (q->token_len + size >= sizeof q->token)
			return fail(q, 403, "表单已失效，请刷新页面后重试", "the form is not this server's: reload the page"), MHD_NO;
		if (size)
			memcpy(q->token + q->token_len, data, size);
		q->token_len += size;
		return MHD_YES;
	}
	if (strcmp(key, "format") == 0 && !filename) {
		size_t have = strlen(q->format);
		if (size && have + size < sizeof q->format)
			memcpy(q->format + have, data, size);
		return MHD_YES;
	}
	if (strcmp(key, "report") != 0 || !filename)
		return MHD_YES;         /* another field: not ours, ignored */
	if (!token_ok(q)) {
		/* the token comes before the files: no file is written for a
		 * request that is not from this server's own page */
		fail(q, 403, "表单已失效，请刷新页面后重试", "the form is not this server's: reload the page");
		return MHD_NO;
	}
	if (!*filename)
		return MHD_YES;         /* an empty file input */
	if (off == 0) {
		if (q->nfiles >= q->s->o.max_files) {
			fail(q, 413, "文件太多", "too many files");
			return MHD_NO;
		}
		if (!q->dir[0]) {
			const char *tmp = getenv("TMPDIR");
			snprintf(q->dir, sizeof q->dir, "%s/gouji-serve-XXXXXX", tmp && *tmp ? tmp : "/tmp");
			if (!mkdtemp(q->dir)) {
				q->dir[0] = '\0';
				fail(q, 500, "无法保存上传的文件", "cannot keep the upload");
				return MHD_NO;
			}
		}
		q->files = gj_xrealloc(q->files, (size_t)(q->nfiles + 1) * sizeof *q->files);
		upload *u = &q->files[q->nfiles++];
		const char *ext = ext_of(filename);
		u->name = display_name(filename, q->nfiles);
		snprintf(u->path, sizeof u->path, "%s/%d%s%s", q->dir, q->nfiles, ext ? "." : "",
			 ext ? ext : "");
		u->fd = open(u->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (u->fd < 0) {
			fail(q, 500, "无法保存上传的文件", "cannot keep the upload");
			return MHD_NO;
		}
	}
	upload *u = &q->files[q->nfiles - 1];
	q->bytes += size;
	if (q->bytes > q->s->o.max_upload) {
		fail(q, 413, "文件太大", "the upload is too large");
		return MHD_NO;
	}
	for (size_t done = 0; done < size;) {
		ssize_t w = write(u->fd, data + done, size - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			fail(q, 500, "无法保存上传的文件", "cannot keep the upload");
			return MHD_NO;
		}
		done += (size_t)w;
	}
	return MHD_YES;
}

/* Close and remove what the request wrote. */
static void remove_uploads(request *q)
{
	for (int i = 0; i < q->nfiles; i++) {
		if (q->files[i].fd >= 0)
			close(q->files[i].fd);
		q->files[i].fd = -1;
		if (q->dir[0])
			unlink(q->files[i].path);
	}
	if (q->dir[0]) {
		/* anything else in it (nothing should be) goes too */
		DIR *d = opendir(q->dir);
		struct dirent *e;
		while (d && (e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char p[PATH_MAX + 300];
			snprintf(p, sizeof p, "%s/%s", q->dir, e->d_name);
			unlink(p);
		}
		if (d)
			closedir(d);
		rmdir(q->dir);
		q->dir[0] = '\0';
	}
}

static void request_free(request *q)
{
	if (!q)
		return;
	remove_uploads(q);
	if (q->pp)
		MHD_destroy_post_processor(q->pp);
	for (int i = 0; i < q->nfiles; i++)
		free(q->files[i].name);
	free(q->files);
	free(q);
}

/* ---- checking ---- */

typedef struct {
	gj_results *each;       /* per report, in upload order */
	int n;
	gj_buf failed;          /* HTML list items: files that could not be read */
	gj_buf links;           /* HTML: a link to each report's part */
	int nfailed;
	request *q;
	int next;               /* the upload the next result is of */
} check_ctx;

static void consume(gj_batch_item *it, void *ctx)
{
	check_ctx *c = ctx;
	int i = c->next++;
	const char *name = i < c->q->nfiles ? c->q->files[i].name : it->path;
	if (it->failed) {
		gj_buf_adds(&c->failed, "<li><code>");
		add_escaped(&c->failed, name);
		gj_buf_adds(&c->failed, "</code>：未能读取 (not read): ");
		add_escaped(&c->failed, it->diag.message);
		gj_buf_adds(&c->failed, "</li>\n");
		c->nfailed++;
		return;
	}
	gj_buf_addf(&c->links, "<a href=\"#report-%d\">", c->n + 1);
	add_escaped(&c->links, name);
	gj_buf_adds(&c->links, "</a>\n");
	c->each = gj_xrealloc(c->each, (size_t)(c->n + 1) * sizeof *c->each);
	c->each[c->n++] = it->res;
	memset(&it->res, 0, sizeof it->res);    /* ours now */
}

/* Run output script NAME (scripts/NAME.lua) over the results into out:
 * streaming scripts report by report, the others over them all. */
static int render(gj_server *s, gj_engine *e, const check_ctx *c, const char *name, int html,
		  gj_buf *out)
{
	char script[PATH_MAX + 64], lib[PATH_MAX + 16];
	snprintf(script, sizeof script, "%s/scripts/%s.lua", s->o.data_dir, name);
	snprintf(lib, sizeof lib, "%s/scripts/lib", s->o.data_dir);
	size_t len;
	gj_diag d;
	memset(&d, 0, sizeof d);
	char *src = gj_read_file(script, GJ_SCRIPT_MAX, &len, &d);
	if (!src)
		return -1;
	gj_engine_set_html(e, html);
	int rc = gj_engine_stream_begin(e, src, len, name, lib, out, &d);
	if (rc == 1) {
		for (int i = 0; i < c->n && rc == 1; i++)
			if (gj_engine_stream_report(e, &c->each[i], out, &d) != 0)
				rc = -1;
		gj_results none;
		memset(&none, 0, sizeof none);
		if (rc == 1 && gj_engine_stream_end(e, &none, out, &d) != 0)
			rc = -1;
	} else if (rc == 0) {
		/* a whole-run script: every report's results, in order (the
		 * arrays are borrowed, not copied) */
		gj_results all;
		memset(&all, 0, sizeof all);
		for (int i = 0; i < c->n; i++) {
			all.nfindings += c->each[i].nfindings;
			all.nfailures += c->each[i].nfailures;
			all.nreports += c->each[i].nreports;
		}
		all.findings = gj_xcalloc((size_t)all.nfindings + 1, sizeof *all.findings);
		all.failures = gj_xcalloc((size_t)all.nfailures + 1, sizeof *all.failures);
		all.reports = gj_xcalloc((size_t)all.nreports + 1, sizeof *all.reports);
		int nf = 0, nx = 0, nr = 0;
		for (int i = 0; i < c->n; i++) {
			const gj_results *r = &c->each[i];
			/* an empty list may be NULL: memcpy must not see it */
			if (r->nfindings)
				memcpy(all.findings + nf, r->findings, (size_t)r->nfindings * sizeof *r->findings);
			if (r->nfailures)
				memcpy(all.failures + nx, r->failures, (size_t)r->nfailures * sizeof *r->failures);
			if (r->nreports)
				memcpy(all.reports + nr, r->reports, (size_t)r->nreports * sizeof *r->reports);
			nf += r->nfindings;
			nx += r->nfailures;
			nr += r->nreports;
		}
		rc = gj_engine_render(e, src, len, name, lib, &all, out, &d) == 0 ? 1 : -1;
		free(all.findings);
		free(all.failures);
		free(all.reports);
	}
	free(src);
	if (rc != 1) {
		fprintf(stderr, "gouji serve: output script '%s' failed: %s\n", name, d.message);
		return -1;
	}
	return 0;
}

/* the part of a page between open and close (exclusive), or NULL */
static const char *between(const gj_buf *page, const char *open, const char *close,
			   size_t *len)
{
	const char *a = page->data ? strstr(page->data, open) : NULL;
	if (!a)
		return NULL;
	a += strlen(open);
	const char *z = strstr(a, close);
	if (!z)
		return NULL;
	*len = (size_t)(z - a);
	return a;
}

static void add_download(gj_buf *b, const char *label, const char *file, const char *type,
			 const gj_buf *data)
{
	gj_buf_addf(b, "<a class=\"download\" download=\"%s\" href=\"data:%s;base64,", file, type);
	add_base64(b, data->data ? data->data : "", data->len);
	gj_buf_addf(b, "\">%s</a>\n", label);
}

static const char bar_style[] =
	".serve-bar { background: #eef3f8; border: 1px solid #9bbbd4; border-radius: .4em;"
	" padding: .5em .8em; margin: 0 0 1.5em; }\n"
	".serve-bar a { margin-right: 1em; font-weight: bold; }\n"
	".serve-bar ul { margin: .4em 0 0; }\n"
	"@media print { .serve-bar { display: none; } }\n";

/* The result page: one report's annotated page, or the roll-up and every
 * report's annotated part; with the bar of downloads when bar is set. */
static void result_page(const gj_buf *annotated, const gj_buf *rollup, int many,
			const gj_buf *bar, gj_buf *out)
{
	size_t n1 = 0, n2 = 0, n3 = 0, n4 = 0;
	const char *style = between(annotated, "<style>", "</style>", &n1);
	const char *body = between(annotated, "<body>", "</body>", &n2);
	const char *rstyle = many ? between(rollup, "<style>", "</style>", &n3) : NULL;
	const char *rbody = many ? between(rollup, "<body>", "</body>", &n4) : NULL;
	gj_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>检查结果 — gouji</title>\n<style>\n");
	if (rstyle)
		gj_buf_add(out, rstyle, n3);
	if (style)
		gj_buf_add(out, style, n1);
	gj_buf_adds(out, bar_style);
	gj_buf_adds(out, "</style>\n</head>\n<body>\n");
	if (bar)
		gj_buf_add(out, bar->data ? bar->data : "", bar->len);
	if (rbody) {
		gj_buf_adds(out, "<div class=\"rollup\">\n");
		gj_buf_add(out, rbody, n4);
		gj_buf_adds(out, "</div>\n");
	}
	if (body)
		gj_buf_add(out, body, n2);
	gj_buf_adds(out, "</body>\n</html>\n");
}

/* Take a place among the checks that may run at once; 0 when none freed
 * up before the deadline. */
static int enter_check(gj_server *s, double deadline)
{
	pthread_mutex_lock(&s->mu);
	while (s->checks >= s->o.max_checks) {
		double left = deadline - now_seconds();
		if (left <= 0) {
			pthread_mutex_unlock(&s->mu);
			return 0;
		}
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += (time_t)(left < 1 ? 1 : left);
		pthread_cond_timedwait(&s->freed, &s->mu, &ts);
	}
	s->checks++;
	pthread_mutex_unlock(&s->mu);
	return 1;
}

static void leave_check(gj_server *s)
{
	pthread_mutex_lock(&s->mu);
	s->checks--;
	pthread_cond_signal(&s->freed);
	pthread_mutex_unlock(&s->mu);
}

static enum MHD_Result check_and_answer(struct MHD_Connection *conn, request *q)
{
	gj_server *s = q->s;
	for (int i = 0; i < q->nfiles; i++) {
		close(q->files[i].fd);
		q->files[i].fd = -1;
	}
	if (q->nfiles == 0)
		return refuse(conn, 400, "没有收到报告：请先选择文件", "no report was sent: choose files first");
	double deadline = q->started + s->o.timeout;
	if (!enter_check(s, deadline))
		return refuse(conn, 503, "正在检查其他报告，请稍后再试", "busy checking other reports: try again shortly");

	int njobs = q->nfiles < s->o.jobs ? q->nfiles : s->o.jobs;
	gj_engine **engines = gj_xcalloc((size_t)njobs + 1, sizeof *engines);
	int ok = 1;
	for (int i = 0; i <= njobs && ok; i++)
		ok = (engines[i] = s->o.engine(s->o.engine_ctx)) != NULL;
	check_ctx c;
	memset(&c, 0, sizeof c);
	c.q = q;
	gj_buf_init(&c.failed);
	gj_buf_init(&c.links);
	int late = 0;
	if (ok) {
		for (int i = 0; i < njobs; i++)
			gj_engine_set_detail(engines[i], 1);
		gj_batch *b = gj_batch_new(engines, njobs, NULL, NULL, consume, &c);
		if (b) {
			for (int i = 0; i < q->nfiles; i++) {
				if (now_seconds() > deadline) {
					late = q->nfiles - i;
					break;
				}
				gj_batch_add_named(b, q->files[i].path, q->files[i].name);
			}
			gj_batch_finish(b);     /* frees the workers' engines */
		} else {
			ok = 0;
		}
	}
	gj_engine *render_engine = engines[njobs];
	if (!ok)
		for (int i = 0; i <= njobs; i++)
			gj_engine_free(engines[i]);
	free(engines);
	remove_uploads(q);      /* read: the files are not needed any more */
	if (!ok) {
		leave_check(s);
		gj_buf_release(&c.failed);
		gj_buf_release(&c.links);
		return refuse(conn, 500, "无法载入规则包", "cannot load the rule packs");
	}

	const char *fmt = q->format[0] ? q->format : "page";
	gj_buf page, annotated, rollup, csv, xlsx, sarif, bar, plain;
	gj_buf *all[] = { &page, &annotated, &rollup, &csv, &xlsx, &sarif, &bar, &plain };
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		gj_buf_init(all[i]);
	int many = c.n > 1;
	int rc = 0;
	enum MHD_Result answer;
	if (strcmp(fmt, "csv") == 0 || strcmp(fmt, "xlsx") == 0 || strcmp(fmt, "sarif") == 0) {
		gj_buf *o = strcmp(fmt, "csv") == 0 ? &csv : strcmp(fmt, "xlsx") == 0 ? &xlsx : &sarif;
		rc = render(s, render_engine, &c, fmt, 0, o);
		static const char *const types[][3] = {
			{ "csv", "text/csv; charset=utf-8", "gouji.csv" },
			{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "gouji.xlsx" },
			{ "sarif", "application/sarif+json", "gouji.sarif" },
		};
		int k = o == &csv ? 0 : o == &xlsx ? 1 : 2;
		answer = rc == 0 ? respond(conn, 200, o, types[k][1], types[k][2])
				 : refuse(conn, 500, "输出脚本运行失败", "an output script failed");
	} else {
		rc |= render(s, render_engine, &c, "annotated", 1, &annotated);
		if (many)
			rc |= render(s, render_engine, &c, "rollup", 1, &rollup);
		rc |= render(s, render_engine, &c, "csv", 0, &csv);
		rc |= render(s, render_engine, &c, "xlsx", 0, &xlsx);
		rc |= render(s, render_engine, &c, "sarif", 0, &sarif);
		if (rc == 0) {
			result_page(&annotated, &rollup, many, NULL, &plain);
			gj_buf_adds(&bar, "<nav class=\"serve-bar\">下载 <small>download</small>：\n");
			add_download(&bar, "XLSX", "gouji.xlsx",
				     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &xlsx);
			add_download(&bar, "CSV", "gouji.csv", "text/csv", &csv);
			add_download(&bar, "SARIF", "gouji.sarif", "application/sarif+json", &sarif);
			add_download(&bar, "HTML", "gouji.html", "text/html", &plain);
			gj_buf_adds(&bar, "<a href=\"/\">再查一份 check another</a>\n");
			if (many) {
				gj_buf_adds(&bar, "<br>各报告的批注 <small>each report, annotated</small>：\n");
				gj_buf_add(&bar, c.links.data, c.links.len);
			}
			if (c.nfailed || late) {
				gj_buf_adds(&bar, "<ul class=\"unread\">\n");
				gj_buf_add(&bar, c.failed.data ? c.failed.data : "", c.failed.len);
				if (late)
					gj_buf_addf(&bar, "<li>%d 份报告超过时限，未检查 (not checked: time limit)</li>\n", late);
				gj_buf_adds(&bar, "</ul>\n");
			}
			gj_buf_adds(&bar, "</nav>\n");
			if (c.n > 0)
				result_page(&annotated, &rollup, many, &bar, &page);
			else {
				gj_buf_adds(&page, page_head);
				gj_buf_add(&page, bar.data ? bar.data : "", bar.len);
				gj_buf_adds(&page, "<p class=\"error\">没有能读取的报告 (no report could be read)</p>\n</body>\n</html>\n");
			}
			answer = respond(conn, 200, &page, "text/html; charset=utf-8", NULL);
		} else {
			answer = refuse(conn, 500, "输出脚本运行失败", "an output script failed");
		}
	}
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		gj_buf_release(all[i]);
	gj_engine_free(render_engine);
	for (int i = 0; i < c.n; i++)
		gj_results_release(&c.each[i]);
	free(c.each);
	gj_buf_release(&c.failed);
	gj_buf_release(&c.links);
	leave_check(s);
	return answer;
}

/* ---- the door ---- */

/* Is host (the Host header) this server's own name?  The listening
 * address with its port; for a loopback address also localhost; for a
 * wildcard address any address literal (a name could be rebound). */
static int host_ok(const gj_server *s, const char *host)
{
	if (!host)
		return 0;
	char want[128];
	const char *l = s->o.listen;
	int v6 = strchr(l, ':') != NULL;
	snprintf(want, sizeof want, v6 ? "[%s]:%d" : "%s:%d", l, s->port);
	if (strcmp(host, want) == 0)
		return 1;
	if (gj_serve_is_loopback(l)) {
		snprintf(want, sizeof want, "localhost:%d", s->port);
		return strcmp(host, want) == 0;
	}
	if (strcmp(l, "0.0.0.0") == 0 || strcmp(l, "::") == 0) {
		char h[128];
		snprintf(h, sizeof h, "%s", host);
		char *colon = strrchr(h, ':');
		if (!colon || atoi(colon + 1) != s->port)
			return 0;
		*colon = '\0';
		unsigned char buf[16];
		size_t n = strlen(h);
		if (n > 2 && h[0] == '[' && h[n - 1] == ']') {
			h[n - 1] = '\0';
			return inet_pton(AF_INET6, h + 1, buf) == 1;
		}
		return inet_pton(AF_INET, h, buf) == 1;
	}
	return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_size, void **con_cls)
{
	gj_server *s = cls;
	(void)version;
	request *q = *con_cls;
	if (!q) {
		/* the first call: only the headers are here */
		q = gj_xcalloc(1, sizeof *q);
		q->s = s;
		q->started = now_seconds();
		*con_cls = q;
		const char *host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host");
		if (!host_ok(s, host))
			return refuse(conn, 403, "地址不符：请用 gouji serve 显示的地址打开本页",
				      "wrong Host: open the address gouji serve printed");
		int get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
		q->post = strcmp(method, "POST") == 0;
		if (get && strcmp(url, "/") == 0) {
			gj_buf b;
			gj_buf_init(&b);
			start_page(s, &b);
			return respond(conn, 200, &b, "text/html; charset=utf-8", NULL);
		}
		if (!q->post || strcmp(url, "/check") != 0) {
			if (get || q->post)
				return refuse(conn, 404, "没有这个页面", "no such page");
			return refuse(conn, 405, "不支持的请求", "method not allowed");
		}
		/* a form sent from another site's page says where it is from (the
		 * pages' Referrer-Policy same-origin keeps our own Origin: with
		 * no-referrer a browser sends "null") */
		const char *origin = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Origin");
		if (origin) {
			char want[160];
			snprintf(want, sizeof want, "http://%s", host);
			if (strcmp(origin, want) != 0)
				return refuse(conn, 403, "请求来自其他网站，已拒绝",
					      "a request from another site is refused");
		}
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > s->o.max_upload + 64 * 1024)
			return refuse(conn, 413, "文件太大", "the upload is too large");
		q->pp = MHD_create_post_processor(conn, 64 * 1024, on_field, q);
		if (!q->pp)
			return refuse(conn, 400, "请用本页的表单上传", "send the files with this page's form");
		return MHD_YES;
	}
	if (!q->post || !q->pp)
		return MHD_NO;          /* answered already */
	if (*upload_size) {
		int late = now_seconds() - q->started > s->o.timeout;
		if (late)
			fail(q, 408, "上传太慢，已超时", "the upload took too long");
		if (!q->status && MHD_post_process(q->pp, upload_data, *upload_size) != MHD_YES)
			fail(q, 400, "无法读取上传的内容", "cannot read the upload");
		if (q->status) {
			/* refused: nothing more is kept.  The answer can only go
			 * once the request is in (a browser waits for it), so the
			 * rest is read and dropped, up to the time limit */
			remove_uploads(q);
			q->bytes += *upload_size;
			if (late || q->bytes > 2 * s->o.max_upload + (1u << 20))
				return MHD_NO;  /* the connection is closed */
		}
		*upload_size = 0;
		return MHD_YES;
	}
	/* the upload is complete */
	if (!q->status && !token_ok(q))
		fail(q, 403, "表单已失效，请刷新页面后重试", "the form is not this server's: reload the page");
	if (q->status) {
		remove_uploads(q);
		return refuse(conn, q->status, q->zh, q->en);
	}
	enum MHD_Result rc = check_and_answer(conn, q);
	MHD_destroy_post_processor(q->pp);
	q->pp = NULL;
	return rc;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode why)
{
	(void)cls;
	(void)conn;
	(void)why;
	request_free(*con_cls);
	*con_cls = NULL;
}

int gj_serve_is_loopback(const char *addr)
{
	unsigned char b[16];
	if (inet_pton(AF_INET, addr, b) == 1)
		return b[0] == 127;
	static const unsigned char one[16] = { [15] = 1 };
	return inet_pton(AF_INET6, addr, b) == 1 && memcmp(b, one, 16) == 0;
}

static int make_token(char *out)
{
	unsigned char r[16];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, r, sizeof r);
	close(fd);
	if (n != (ssize_t)sizeof r)
		return -1;
	for (int i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
	return 0;
}

gj_server *gj_serve_start(const gj_serve_options *o, gj_diag *d)
{
	struct sockaddr_in a4;
	struct sockaddr_in6 a6;
	struct sockaddr *addr;
	/* no MHD_USE_ERROR_LOG: a client that goes away is no news for the
	 * clerk at the terminal */
	unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD;
	memset(&a4, 0, sizeof a4);
	memset(&a6, 0, sizeof a6);
	if (inet_pton(AF_INET, o->listen, &a4.sin_addr) == 1) {
		a4.sin_family = AF_INET;
		a4.sin_port = htons((unsigned short)o->port);
		addr = (struct sockaddr *)&a4;
	} else if (inet_pton(AF_INET6, o->listen, &a6.sin6_addr) == 1) {
		a6.sin6_family = AF_INET6;
		a6.sin6_port = htons((unsigned short)o->port);
		addr = (struct sockaddr *)&a6;
		flags |= MHD_USE_IPv6;
	} else {
		gj_diag_set(d, 0, 0, "'%s' is not an IP address (--listen takes one, e.g. 127.0.0.1)",
			    o->listen);
		return NULL;
	}
	gj_server *s = gj_xcalloc(1, sizeof *s);
	s->o = *o;
	if (make_token(s->token) != 0) {
		gj_diag_set(d, 0, 0, "cannot read /dev/urandom for the form's token");
		free(s);
		return NULL;
	}
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->freed, NULL);
	s->mhd = MHD_start_daemon(flags, (unsigned short)o->port, NULL, NULL, on_request, s,
		MHD_OPTION_SOCK_ADDR, addr,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)o->max_connections,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)10,
		MHD_OPTION_THREAD_STACK_SIZE, (size_t)(2u << 20),
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(256u << 10),
		MHD_OPTION_END);
	if (!s->mhd) {
		gj_diag_set(d, 0, 0, "cannot listen on %s port %d: %s", o->listen, o->port,
			    errno ? strerror(errno) : "in use or not allowed");
		pthread_mutex_destroy(&s->mu);
		pthread_cond_destroy(&s->freed);
		free(s);
		return NULL;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info ? info->port : o->port;
	return s;
}

int gj_serve_port(const gj_server *s)
{
	return s->port;
}

void gj_serve_stop(gj_server *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->mhd);
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->freed);
	free(s);
}
