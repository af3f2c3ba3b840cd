/*
 * test_input.c — kinds, encodings, refusals and PDFs of the input stage.
 * Every fixture is made at test time in a fresh temporary directory:
 * GB18030 and UTF-16 bytes through iconv, small PDFs with a correct xref
 * table, and stand-ins for pdftotext (shell scripts put first on PATH) for
 * its failures.  After each PDF, no pipe may stay open and no child unreaped.
 */
#include "input.h"
#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static gj_input in;
static gj_diag d;
static char tmpdir[256];

/* ---- helpers ---- */

static int mem_opt(const char *name, const char *bytes, size_t len,
		   const char *enc, size_t max)
{
	gj_input_options o = { enc, max };
	memset(&d, 0, sizeof d);
	gj_input_release(&in);
	return gj_input_read_mem(name, bytes, len, &o, &in, &d);
}

static int mem(const char *name, const char *bytes, size_t len, const char *enc)
{
	return mem_opt(name, bytes, len, enc, 0);
}

static int file_opt(const char *path, const char *enc, size_t max)
{
	gj_input_options o = { enc, max };
	memset(&d, 0, sizeof d);
	gj_input_release(&in);
	return gj_input_read(path, &o, &in, &d);
}

static int file(const char *path)
{
	memset(&d, 0, sizeof d);
	gj_input_release(&in);
	return gj_input_read(path, NULL, &in, &d);
}

/* tmpdir/name, in a static buffer (one at a time) */
static const char *tmp_path(const char *name)
{
	static char p[512];
	snprintf(p, sizeof p, "%s/%s", tmpdir, name);
	return p;
}

static const char *write_fixture(const char *name, const char *bytes, size_t len)
{
	const char *p = tmp_path(name);
	FILE *f = fopen(p, "wb");
	if (!f) {
		perror(p);
		return p;
	}
	fwrite(bytes, 1, len, f);
	fclose(f);
	return p;
}

/* Convert s with iconv; 0 when all of it converted. */
static int iconv_to(const char *to, const char *from, const char *s, size_t len,
		    gj_buf *out)
{
	iconv_t cd = iconv_open(to, from);
	if (cd == (iconv_t)-1)
		return -1;
	char tmp[4096], *src = (char *)s, *o = tmp;
	size_t left = len, room = sizeof tmp;
	size_t r = iconv(cd, &src, &left, &o, &room);
	iconv_close(cd);
	gj_buf_add(out, tmp, sizeof tmp - room);
	return r == (size_t)-1 || left ? -1 : 0;
}

/* The descriptors open now (to catch leaks). */
static int open_fds(void)
{
	int n = 0;
	for (int fd = 0; fd < 1024; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			n++;
	return n;
}

/* 1 when no child is left to reap. */
static int no_children(void)
{
	return waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD;
}

/* A PDF with one A4 page per entry of pages: the text shown on it in
 * Helvetica, or "-" for a page without a content stream. */
static void build_pdf(gj_buf *b, const char *const *pages, int n)
{
	long offs[64];
	int nobj = 0;
	gj_buf_adds(b, "%PDF-1.4\n");
	offs[nobj++] = (long)b->len;
	gj_buf_adds(b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	offs[nobj++] = (long)b->len;
	gj_buf_adds(b, "2 0 obj\n<< /Type /Pages /Kids [");
	for (int i = 0; i < n; i++)
		gj_buf_addf(b, "%s%d 0 R", i ? " " : "", 4 + 2 * i);
	gj_buf_addf(b, "] /Count %d >>\nendobj\n", n);
	offs[nobj++] = (long)b->len;
	gj_buf_adds(b, "3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont "
		    "/Helvetica >>\nendobj\n");
	for (int i = 0; i < n; i++) {
		int num = 4 + 2 * i;
		offs[nobj++] = (long)b->len;
		if (strcmp(pages[i], "-") == 0) {
			gj_buf_addf(b, "%d 0 obj\n<< /Type /Page /Parent 2 0 R "
				    "/MediaBox [0 0 595 842] >>\nendobj\n", num);
			offs[nobj++] = (long)b->len;
			gj_buf_addf(b, "%d 0 obj\n<< >>\nendobj\n", num + 1);
			continue;
		}
		gj_buf_addf(b, "%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox "
			    "[0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
			    "/Contents %d 0 R >>\nendobj\n", num, num + 1);
		char content[256];
		int clen = snprintf(content, sizeof content,
				    "BT /F1 24 Tf 72 720 Td (%s) Tj ET", pages[i]);
		offs[nobj++] = (long)b->len;
		gj_buf_addf(b, "%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\n"
			    "endobj\n", num + 1, clen, content);
	}
	long xref = (long)b->len;
	gj_buf_addf(b, "xref\n0 %d\n0000000000 65535 f \n", nobj + 1);
	for (int i = 0; i < nobj; i++)
		gj_buf_addf(b, "%010ld 00000 n \n", offs[i]);
	gj_buf_addf(b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%ld\n"
		    "%%%%EOF\n", nobj + 1, xref);
}

/* A stand-in for pdftotext in tmpdir/fake: a shell script with body. */
static void fake_pdftotext(const char *body)
{
	char p[512];
	snprintf(p, sizeof p, "%s/fake", tmpdir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/fake/pdftotext", tmpdir);
	FILE *f = fopen(p, "w");
	if (!f) {
		perror(p);
		return;
	}
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(p, 0700);
}

static void remove_tree(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char p[1024];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
	}
	closedir(dp);
	rmdir(dir);
}

/* ---- tests ---- */

static void test_kinds(void)
{
	CHECK_STR(gj_kind_name(GJ_KIND_TEXT), "text");
	CHECK_STR(gj_kind_name(GJ_KIND_MARKDOWN), "markdown");
	CHECK_STR(gj_kind_name(GJ_KIND_PDF), "pdf");
	CHECK_STR(gj_kind_name(GJ_KIND_YAML), "yaml");
	CHECK_INT(mem("a.md", "# 标题\n", 8, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_MARKDOWN);
	CHECK_INT(mem("dir/a.Markdown", "# x\n", 4, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_MARKDOWN);
	CHECK_INT(mem("a.YAML", "title: x\n", 9, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_YAML);
	CHECK_INT(mem("a.yml", "title: x\n", 9, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_YAML);
	CHECK_INT(mem("report", "text\n", 5, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_TEXT);
	CHECK_INT(mem("a.txt", "text\n", 5, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_TEXT);
	CHECK_INT(mem(NULL, "text\n", 5, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_TEXT);
	CHECK_INT(mem("md", "text\n", 5, NULL), 0);   /* no dot: not .md */
	CHECK_INT(in.kind, GJ_KIND_TEXT);
	/* the content wins over the extension (the PDF itself: test_pdfs) */
	CHECK_INT(mem("a.md", "%PDF-", 5, NULL), -1);
	CHECK_INT(in.kind, GJ_KIND_PDF);
	CHECK_INT(mem("a.md", " \n%PDF-", 7, NULL), -1);
	CHECK_INT(in.kind, GJ_KIND_PDF);
	CHECK_INT(mem("a.md", "x %PDF-\n", 8, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_MARKDOWN);
}

static void test_utf8(void)
{
	CHECK_INT(mem("a.txt", "\xEF\xBB\xBF" "一\r\n二\r三\n", 16, NULL), 0);
	CHECK_STR(in.text, "一\n二\n三\n");
	CHECK_INT(in.len, 12);
	CHECK_STR(in.encoding, "utf-8");
	CHECK_INT(mem("a.txt", "a\r\r\nb\r", 6, NULL), 0);
	CHECK_STR(in.text, "a\n\nb\n");
	CHECK_INT(in.len, 5);
	/* forced UTF-8 still drops the BOM */
	CHECK_INT(mem("a.txt", "\xEF\xBB\xBFok", 5, "UTF-8"), 0);
	CHECK_STR(in.text, "ok");
	CHECK_STR(in.encoding, "utf-8");
	/* form feeds stay */
	CHECK_INT(mem("a.txt", "a\fb", 3, NULL), 0);
	CHECK_STR(in.text, "a\fb");
}

static void test_gb18030(void)
{
	const char *title = "政府信息公开工作年度报告\r\n";
	gj_buf gb;
	gj_buf_init(&gb);
	CHECK_INT(iconv_to("GB18030", "UTF-8", title, strlen(title), &gb), 0);
	CHECK_INT(gb.len, 26);
	CHECK(!gj_utf8_valid(gb.data, gb.len));
	CHECK_INT(mem("a.txt", gb.data, gb.len, NULL), 0);
	CHECK_STR(in.text, "政府信息公开工作年度报告\n");
	CHECK_INT(in.len, 37);
	CHECK_STR(in.encoding, "gb18030");
	/* from a file too */
	const char *p = write_fixture("gb18030.txt", gb.data, gb.len);
	CHECK_INT(file(p), 0);
	CHECK_STR(in.text, "政府信息公开工作年度报告\n");
	CHECK_STR(in.encoding, "gb18030");
	CHECK_INT(in.kind, GJ_KIND_TEXT);
	/* forced: every GB name reads as GB18030 */
	const char *names[] = { "gb18030", "GBK", "gb2312", "cp936" };
	for (int i = 0; i < 4; i++) {
		CHECK_INT(mem("a.txt", gb.data, gb.len, names[i]), 0);
		CHECK_STR(in.text, "政府信息公开工作年度报告\n");
		CHECK_STR(in.encoding, "gb18030");
	}
	CHECK_INT(file_opt(p, "gbk", 0), 0);
	CHECK_STR(in.encoding, "gb18030");
	CHECK_INT(mem("a.txt", gb.data, gb.len, "utf-8"), -1);
	CHECK_STR(d.message, "not UTF-8 text");
	CHECK_INT(file_opt(p, "utf-8", 0), -1);
	CHECK_STR(d.message, "not UTF-8 text");
	/* ASCII is the same in both */
	CHECK_INT(mem("a.txt", "abc\n", 4, "gb18030"), 0);
	CHECK_STR(in.text, "abc\n");
	CHECK_STR(in.encoding, "gb18030");
	/* GB18030's own BOM (84 31 95 33) goes like UTF-8's */
	gj_buf bom;
	gj_buf_init(&bom);
	gj_buf_add(&bom, "\x84\x31\x95\x33", 4);
	gj_buf_add(&bom, gb.data, gb.len);
	CHECK_INT(mem("a.txt", bom.data, bom.len, NULL), 0);
	CHECK_STR(in.text, "政府信息公开工作年度报告\n");
	gj_buf_release(&bom);
	/* a cut multi-byte sequence at the end is not GB18030 */
	CHECK_INT(mem("a.txt", gb.data, gb.len - 3, NULL), -1);
	CHECK_STR(d.message, "not UTF-8 or GB18030 text");
	gj_buf_release(&gb);
}

static void test_utf16(void)
{
	const char *s = "第一行\r\n第二行\n";
	gj_buf le, be;
	gj_buf_init(&le);
	gj_buf_init(&be);
	gj_buf_add(&le, "\xFF\xFE", 2);
	gj_buf_add(&be, "\xFE\xFF", 2);
	CHECK_INT(iconv_to("UTF-16LE", "UTF-8", s, strlen(s), &le), 0);
	CHECK_INT(iconv_to("UTF-16BE", "UTF-8", s, strlen(s), &be), 0);
	CHECK(memchr(le.data, '\0', le.len) != NULL);   /* NULs, but text */
	CHECK_INT(mem("a.txt", le.data, le.len, NULL), 0);
	CHECK_STR(in.text, "第一行\n第二行\n");
	CHECK_STR(in.encoding, "utf-16");
	const char *p = write_fixture("utf16.md", le.data, le.len);
	CHECK_INT(file(p), 0);
	CHECK_STR(in.text, "第一行\n第二行\n");
	CHECK_STR(in.encoding, "utf-16");
	CHECK_INT(in.kind, GJ_KIND_MARKDOWN);
	CHECK_INT(mem("a.txt", be.data, be.len, NULL), 0);
	CHECK_STR(in.text, "第一行\n第二行\n");
	CHECK_STR(in.encoding, "utf-16");
	/* an odd byte count is not UTF-16 */
	CHECK_INT(mem("a.txt", le.data, le.len - 1, NULL), -1);
	CHECK_STR(d.message, "not valid UTF-16 text");
	/* U+0000 in UTF-16 is still binary */
	CHECK_INT(mem("a.txt", "\xFF\xFE" "a\0\0\0", 6, NULL), -1);
	CHECK_STR(d.message, "binary file (NUL bytes)");
	/* a BOM and nothing else */
	CHECK_INT(mem("a.txt", "\xFF\xFE", 2, NULL), -1);
	CHECK_STR(d.message, "empty file");
	CHECK_INT(mem("a.txt", "\xFF\xFE \0\n\0", 6, NULL), -1);
	CHECK_STR(d.message, "empty file");
	gj_buf_release(&le);
	gj_buf_release(&be);
}

static void test_refusals(void)
{
	CHECK_INT(mem("a.txt", "", 0, NULL), -1);
	CHECK_STR(d.message, "empty file");
	CHECK(in.text == NULL);
	CHECK_INT(in.len, 0);
	CHECK_INT(mem("a.txt", " \n\t\r\n\f", 6, NULL), -1);
	CHECK_STR(d.message, "empty file");
	CHECK_INT(mem("a.txt", " \n\t\xE3\x80\x80\n", 7, NULL), -1);   /* U+3000 */
	CHECK_STR(d.message, "empty file");
	CHECK_INT(mem("a.txt", "\xEF\xBB\xBF", 3, NULL), -1);
	CHECK_STR(d.message, "empty file");
	CHECK_INT(mem("a.txt", "\xEF\xBB\xBF \r\n", 6, NULL), -1);
	CHECK_STR(d.message, "empty file");
	CHECK_INT(mem("a.txt", "ab\0cd", 5, NULL), -1);
	CHECK_STR(d.message, "binary file (NUL bytes)");
	CHECK_INT(mem("a.txt", "ab\0cd", 5, "gbk"), -1);
	CHECK_STR(d.message, "binary file (NUL bytes)");

	/* bytes invalid in UTF-8 and, as iconv confirms, in GB18030 */
	const char *bad[] = { "\x80", "\xff", "\xff\xff\xff", "ab\x80\xff" };
	for (int i = 0; i < 4; i++) {
		gj_buf out;
		gj_buf_init(&out);
		CHECK_INT(iconv_to("UTF-8", "GB18030", bad[i], strlen(bad[i]), &out), -1);
		gj_buf_release(&out);
		CHECK_INT(mem("a.txt", bad[i], strlen(bad[i]), NULL), -1);
		CHECK_STR(d.message, "not UTF-8 or GB18030 text");
	}
	CHECK_INT(mem("a.txt", "\x80", 1, "gb18030"), -1);
	CHECK_STR(d.message, "not GB18030 text");

	CHECK_INT(mem("a.txt", "abc", 3, "latin1"), -1);
	CHECK_STR(d.message, "unknown encoding 'latin1'");
	CHECK_INT(mem("a.txt", "abc", 3, ""), -1);
	CHECK_STR(d.message, "unknown encoding ''");

	CHECK_INT(mem_opt("a.txt", "12345", 5, NULL, 4), -1);
	CHECK_STR(d.message, "file too large (5 bytes, limit 4)");
	CHECK_INT(mem_opt("a.txt", "12345", 5, NULL, 5), 0);
	CHECK_STR(in.text, "12345");
}

static void test_files(void)
{
	CHECK_INT(file(tmp_path("no-such-file.md")), -1);
	CHECK_STR(d.message, "cannot read: No such file or directory");
	CHECK_INT(file(tmpdir), -1);
	CHECK_STR(d.message, "is a directory");
	CHECK_INT(file(write_fixture("empty.md", "", 0)), -1);
	CHECK_STR(d.message, "empty file");
	CHECK_INT(file(write_fixture("blank.txt", "   \n\t\n", 6)), -1);
	CHECK_STR(d.message, "empty file");
	CHECK_INT(file(write_fixture("binary.txt", "PK\3\4\0\0binary\0", 13)), -1);
	CHECK_STR(d.message, "binary file (NUL bytes)");
	CHECK_INT(file(write_fixture("invalid.txt", "报告 \x80 text \xff\n", 16)), -1);
	CHECK_STR(d.message, "not UTF-8 or GB18030 text");
	const char *p = write_fixture("bom-crlf.md", "\xEF\xBB\xBF# 一、总体情况\r\nabc\r\n", 29);
	CHECK_INT(file(p), 0);
	CHECK_STR(in.text, "# 一、总体情况\nabc\n");
	CHECK_STR(in.encoding, "utf-8");
	CHECK_INT(in.kind, GJ_KIND_MARKDOWN);
	CHECK_INT(file_opt(p, NULL, 28), -1);
	CHECK_STR(d.message, "file too large (29 bytes, limit 28)");
	CHECK_INT(file_opt(p, NULL, 29), 0);
	CHECK_INT(file_opt(p, "latin1", 0), -1);
	CHECK_STR(d.message, "unknown encoding 'latin1'");
	/* a NUL only after the first 64 KiB is not looked for */
	static char big[70000];
	memset(big, 'a', sizeof big);
	big[sizeof big - 1] = '\n';
	CHECK_INT(file(write_fixture("big.txt", big, sizeof big)), 0);
	CHECK_INT(in.len, sizeof big);
	big[100] = '\0';
	CHECK_INT(file(write_fixture("big.txt", big, sizeof big)), -1);
	CHECK_STR(d.message, "binary file (NUL bytes)");
	/* a YAML file is decoded like any text */
	CHECK_INT(file(write_fixture("r.yml", "title: 报告\r\n", 14)), 0);
	CHECK_INT(in.kind, GJ_KIND_YAML);
	CHECK_STR(in.text, "title: 报告\n");
}

static void test_pdfs(void)
{
	const char *hello_pages[] = { "Hello gouji", "Second page" };
	const char *blank_pages[] = { "-" };
	gj_buf hello, blank;
	gj_buf_init(&hello);
	gj_buf_init(&blank);
	build_pdf(&hello, hello_pages, 2);
	build_pdf(&blank, blank_pages, 1);
	int fds = open_fds();

	/* the text layer, pages ended by form feeds */
	const char *p = write_fixture("hello.pdf", hello.data, hello.len);
	CHECK_INT(file(p), 0);
	CHECK_INT(in.kind, GJ_KIND_PDF);
	CHECK_STR(in.encoding, "utf-8");
	const char *h = in.text ? strstr(in.text, "Hello gouji") : NULL;
	const char *ff = h ? strchr(h, '\f') : NULL;
	const char *second = ff ? strstr(ff, "Second page") : NULL;
	CHECK(h && ff && second);
	CHECK(second && strchr(second, '\f') != NULL);
	CHECK(in.len > 0 && in.text[in.len - 1] == '\f');
	CHECK_INT(strlen(in.text), in.len);
	/* the same from memory (through a temporary file), whatever its name */
	CHECK_INT(mem("x.pdf", hello.data, hello.len, NULL), 0);
	CHECK(in.text && strstr(in.text, "Hello gouji\n\f") != NULL);
	CHECK_INT(mem("report.md", hello.data, hello.len, NULL), 0);
	CHECK_INT(in.kind, GJ_KIND_PDF);
	CHECK_INT(mem(NULL, hello.data, hello.len, "gbk"), 0);   /* ignored */
	CHECK(in.text && strstr(in.text, "Second page") != NULL);
	/* a PDF file too large is refused before pdftotext runs */
	CHECK_INT(file_opt(p, NULL, 100), -1);
	CHECK_STR(d.message, "file too large (850 bytes, limit 100)");
	CHECK_INT(hello.len, 850);
	/* a name that looks like an option */
	char cwd[1024];
	if (getcwd(cwd, sizeof cwd) && chdir(tmpdir) == 0) {
		write_fixture("-layout.pdf", hello.data, hello.len);
		CHECK_INT(file("-layout.pdf"), 0);
		CHECK(in.text && strstr(in.text, "Hello gouji") != NULL);
		CHECK(chdir(cwd) == 0);
	}

	/* cut short: pdftotext fails */
	p = write_fixture("truncated.pdf", hello.data, 100);
	CHECK_INT(file(p), -1);
	CHECK(strncmp(d.message, "cannot read PDF: ", 17) == 0);
	CHECK_STR(d.message, "cannot read PDF: damaged or truncated file");
	CHECK(in.text == NULL);
	CHECK_INT(mem("t.pdf", hello.data, 100, NULL), -1);
	CHECK_STR(d.message, "cannot read PDF: damaged or truncated file");

	/* a page with no content stream: no text layer */
	p = write_fixture("notext.pdf", blank.data, blank.len);
	CHECK_INT(file(p), -1);
	CHECK_STR(d.message, "PDF has no text layer (scanned?); run OCR first");
	CHECK_INT(mem("n.pdf", blank.data, blank.len, NULL), -1);
	CHECK_STR(d.message, "PDF has no text layer (scanned?); run OCR first");

	CHECK_INT(open_fds(), fds);
	CHECK(no_children());

	/* without pdftotext on PATH, and with stand-ins for it */
	const char *old = getenv("PATH");
	char *saved = gj_xstrdup(old ? old : "/usr/bin:/bin");
	char path[600];
	snprintf(path, sizeof path, "%s/fake", tmpdir);
	mkdir(path, 0700);
	setenv("PATH", path, 1);
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: pdftotext not found (install poppler-utils)");
	snprintf(path, sizeof path, "%s/fake:%s", tmpdir, saved);
	setenv("PATH", path, 1);

	fake_pdftotext("echo 'Syntax Warning: odd' >&2; echo 'Internal Error: boom.' >&2; exit 99");
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: Internal Error: boom");
	fake_pdftotext("echo '  something went wrong  ' >&2; exit 2");
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: something went wrong");
	fake_pdftotext("exit 4");
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: pdftotext failed (exit status 4)");
	fake_pdftotext("echo 'Command Line Error: Incorrect password' >&2; exit 1");
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: it is password-protected");
	fake_pdftotext("exit 3");
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: copying its text is not permitted");
	fake_pdftotext("kill -SEGV $$");
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: pdftotext killed by signal 11");
	/* much on stderr must not stall it; stdout still read */
	fake_pdftotext("i=0; while [ $i -lt 3000 ]; do echo 'Syntax Warning: "
		       "a long line of noise about the file' >&2; i=$((i+1)); done;"
		       " printf 'a\\r\\nb\\0c\\f'");
	CHECK_INT(file(tmp_path("hello.pdf")), 0);
	CHECK_STR(in.text, "a\nbc\f");   /* CRLF fixed, NUL dropped */
	CHECK_INT(in.len, 5);
	fake_pdftotext("printf ' \\f\\n\\f'");
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "PDF has no text layer (scanned?); run OCR first");
	fake_pdftotext("printf 'bad \\377\\n'");
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: its text is not valid UTF-8");
	/* output bounded by 4 × max_bytes; an endless writer is killed */
	fake_pdftotext("exec yes 'a line of text'");
	CHECK_INT(file_opt(tmp_path("hello.pdf"), NULL, 1000), -1);
	CHECK_STR(d.message, "cannot read PDF: its text is larger than 4000 bytes");
	CHECK_INT(mem_opt("x.pdf", "%PDF-1.4\n", 9, NULL, 1000), -1);
	CHECK_STR(d.message, "cannot read PDF: its text is larger than 4000 bytes");
	fake_pdftotext("head -c 4000 /dev/zero | tr '\\0' a");
	CHECK_INT(file_opt(tmp_path("hello.pdf"), NULL, 1000), 0);
	CHECK_INT(in.len, 4000);
#if defined(PDF_TIMEOUT_MS) && PDF_TIMEOUT_MS < 5000
	/* only when built with a short limit: -DPDF_TIMEOUT_MS=1000 */
	fake_pdftotext("exec sleep 30");
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: pdftotext timed out");
	fake_pdftotext("exec 1>&- 2>&-; exec sleep 30");   /* pipes closed, still running */
	CHECK_INT(file(tmp_path("hello.pdf")), -1);
	CHECK_STR(d.message, "cannot read PDF: pdftotext timed out");
#endif
	setenv("PATH", saved, 1);
	free(saved);

	CHECK_INT(open_fds(), fds);
	CHECK(no_children());
	gj_buf_release(&hello);
	gj_buf_release(&blank);
}

int main(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/gouji-test-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir)) {
		perror(tmpdir);
		return 1;
	}
	test_kinds();
	test_utf8();
	test_gb18030();
	test_utf16();
	test_refusals();
	test_files();
	test_pdfs();
	gj_input_release(&in);
	gj_input_release(&in);   /* twice is harmless */
	remove_tree(tmpdir);
	return unit_done("input");
}
