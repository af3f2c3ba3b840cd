/*
 * main.c — the command line.  Only this file sees argv and decides exit
 * codes: 0 no error-level findings, 1 error-level findings, 2 usage or input
 * error, 3 a rule or script failed.
 */
#include "config.h"
#include "dump.h"
#include "engine.h"
#include "md.h"
#include "reader.h"
#include "yamlrd.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GOUJI_VERSION "0.1.0"

static const char usage_text[] =
	"usage: gouji <command> [options] FILE...\n"
	"\n"
	"Read Chinese government information-disclosure annual reports\n"
	"(政府信息公开工作年度报告) into structured data.\n"
	"\n"
	"commands:\n"
	"  dump [--yaml | --cells] [--encoding ENC] FILE...\n"
	"        print each report's data model as JSON (one document per\n"
	"        file), or as YAML with --yaml; every table cell also in\n"
	"        'cells' with its status (ok, inferred, missing, ambiguous),\n"
	"        source line and column, raw text and candidates.\n"
	"        --cells prints only the cells, one per line, tab-separated:\n"
	"        path, status, value, line:column, raw text, candidates\n"
	"  check [--pack P]... [--config FILE] [--format F] [-o FILE]\n"
	"        [--baseline FILE] [--write-baseline FILE] [--html]\n"
	"        [--previous FILE|DIR] [--files-from FILE|-] PATH...\n"
	"        run the rule packs on each report; folders are walked.  P is a\n"
	"        bundled pack's name or a folder; without --pack, the packs of\n"
	"        the config (gouji.yaml here or in a folder above), else the\n"
	"        national pack.  F is a script of scripts/: text (default),\n"
	"        json, jsonl, sarif, markdown, rollup; or a path ending in .lua:\n"
	"        your own output script.  A baseline lists accepted findings (a\n"
	"        count per report and rule); --write-baseline records the\n"
	"        current ones.  Text is coloured on a terminal unless NO_COLOR\n"
	"        is set.  --html turns Markdown output into an HTML page.\n"
	"        --previous gives the X rules last year's reports, matched by\n"
	"        agency and year.  --files-from reads more paths from a file\n"
	"        or stdin, separated by NUL (find -print0) or newlines\n"
	"  rules [--pack DIR]...     list the rules\n"
	"  explain [--pack DIR]... ID  print one rule's description\n"
	"  test PACK...  run a pack's tests: PACK/tests/NAME.{yaml,md,txt,pdf}\n"
	"        with NAME.expect ('+ RULE-ID [path|line]' must be reported,\n"
	"        '- RULE-ID [path|line]' must not); prints 'N passed, N failed'\n"
	"\n"
	"files: Markdown (.md), text (crawled pages), PDF (text layer, read\n"
	"with pdftotext), YAML (.yaml/.yml, the keys of the data model).\n"
	"Text may be UTF-8 (with or without BOM) or GB18030/GBK (detected;\n"
	"--encoding utf-8|gb18030 forces one).\n"
	"\n"
	"options:\n"
	"  -h, --help       this text\n"
	"  --version        print the version\n"
	"\n"
	"exit status: 0 success (check: no error-level finding), 1 check found\n"
	"errors, 2 usage or input error (a file that cannot be read is reported\n"
	"on stderr as 'gouji: FILE: message'; the other files are still read),\n"
	"3 a rule or an output script failed.\n";

static void print_diag(const gj_diag *d)
{
	if (d->line > 0)
		fprintf(stderr, "gouji: %s:%d:%d: %s\n", d->file, d->line, d->column,
			d->message);
	else
		fprintf(stderr, "gouji: %s: %s\n", d->file, d->message);
}

static int cmd_dump(int argc, char **argv)
{
	gj_dump_format fmt = GJ_DUMP_JSON;
	gj_input_options opt = { NULL, 0 };
	int nfiles = 0, failed = 0;
	char **files = calloc((size_t)argc + 1, sizeof *files);
	if (!files)
		return 2;
	int opts_done = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!opts_done && strcmp(a, "--") == 0) {
			opts_done = 1;
		} else if (!opts_done && strcmp(a, "--yaml") == 0) {
			fmt = GJ_DUMP_YAML;
		} else if (!opts_done && strcmp(a, "--cells") == 0) {
			fmt = GJ_DUMP_CELLS;
		} else if (!opts_done && strcmp(a, "--json") == 0) {
			fmt = GJ_DUMP_JSON;
		} else if (!opts_done && (strcmp(a, "--encoding") == 0 ||
					  strncmp(a, "--encoding=", 11) == 0)) {
			if (a[10] == '=') {
				opt.encoding = a + 11;
			} else if (i + 1 < argc) {
				opt.encoding = argv[++i];
			} else {
				fprintf(stderr, "gouji: --encoding needs a value\n");
				free(files);
				return 2;
			}
		} else if (!opts_done && a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "gouji: unknown option '%s' for dump\n", a);
			free(files);
			return 2;
		} else {
			files[nfiles++] = argv[i];
		}
	}
	if (nfiles == 0) {
		fprintf(stderr, "gouji: dump needs at least one FILE\n");
		free(files);
		return 2;
	}
	for (int i = 0; i < nfiles; i++) {
		gj_diag d;
		memset(&d, 0, sizeof d);
		gj_report *r = gj_reader_load(files[i], &opt, &d);
		if (!r) {
			print_diag(&d);
			failed = 1;
			continue;
		}
		gj_buf out;
		gj_buf_init(&out);
		gj_dump_report(r, fmt, &out);
		if (out.len)
			fwrite(out.data, 1, out.len, stdout);
		fflush(stdout);
		gj_buf_release(&out);
		gj_report_free(r);
	}
	free(files);
	return failed ? 2 : 0;
}

/* ---- check, rules, explain ---- */

/* Where the bundled rules/ and scripts/ are: beside the executable, or one
 * folder up (build/gouji), or $GOUJI_HOME. */
static void data_dir(char *out, size_t n)
{
	const char *home = getenv("GOUJI_HOME");
	if (home && *home) {
		snprintf(out, n, "%s", home);
		return;
	}
	char exe[PATH_MAX];
	ssize_t l = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (l <= 0) {
		snprintf(out, n, ".");
		return;
	}
	exe[l] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	for (int up = 0; up < 3; up++) {
		char probe[PATH_MAX + 32];
		snprintf(probe, sizeof probe, "%s/scripts/text.lua", exe);
		if (access(probe, R_OK) == 0) {
			snprintf(out, n, "%s", exe);
			return;
		}
		slash = strrchr(exe, '/');
		if (!slash)
			break;
		*slash = '\0';
	}
	snprintf(out, n, ".");
}

typedef struct {
	const char *packs[16];
	int npacks;
	const char *format;
	const char *output;
	const char *config;
	const char *baseline;
	const char *write_baseline;
	const char *previous;
	const char *files_from;
	int html;
	char **paths;
	int npaths;
} check_args;

static int parse_check_args(int argc, char **argv, check_args *a, const char *cmd)
{
	memset(a, 0, sizeof *a);
	a->format = "text";
	a->paths = calloc((size_t)argc + 1, sizeof *a->paths);
	if (!a->paths)
		return -1;
	for (int i = 0; i < argc; i++) {
		const char *s = argv[i];
		const char **slot = NULL;
		if (strcmp(s, "--pack") == 0) {
			if (a->npacks == 16) {
				fprintf(stderr, "gouji: too many --pack options\n");
				return -1;
			}
			slot = &a->packs[a->npacks++];
		} else if (strcmp(s, "--format") == 0) {
			slot = &a->format;
		} else if (strcmp(s, "-o") == 0) {
			slot = &a->output;
		} else if (strcmp(s, "--config") == 0) {
			slot = &a->config;
		} else if (strcmp(s, "--html") == 0) {
			a->html = 1;
			continue;
		} else if (strcmp(s, "--files-from") == 0) {
			slot = &a->files_from;
		} else if (strcmp(s, "--previous") == 0) {
			slot = &a->previous;
		} else if (strcmp(s, "--baseline") == 0) {
			slot = &a->baseline;
		} else if (strcmp(s, "--write-baseline") == 0) {
			slot = &a->write_baseline;
		} else if (s[0] == '-' && s[1] != '\0') {
			fprintf(stderr, "gouji: unknown option '%s' for %s\n", s, cmd);
			return -1;
		} else {
			a->paths[a->npaths++] = argv[i];
			continue;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "gouji: %s needs a value\n", s);
			return -1;
		}
		*slot = argv[++i];
	}
	return 0;
}

/* gouji.yaml in the current folder or the nearest one above it. */
static int find_config(char *out, size_t n)
{
	char dir[PATH_MAX];
	if (!getcwd(dir, sizeof dir))
		return -1;
	for (;;) {
		snprintf(out, n, "%s/gouji.yaml", dir);
		if (access(out, R_OK) == 0)
			return 0;
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	snprintf(out, n, "/gouji.yaml");
	return access(out, R_OK) == 0 ? 0 : -1;
}


static gj_engine *load_engine(const check_args *a)
{
	char dir[PATH_MAX];
	data_dir(dir, sizeof dir);

	/* the project config: --config, or gouji.yaml found upward */
	char cpath[PATH_MAX + 16];
	int have = a->config ? (snprintf(cpath, sizeof cpath, "%s", a->config), 1)
			     : find_config(cpath, sizeof cpath) == 0;
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_config cfg;
	memset(&cfg, 0, sizeof cfg);
	if (have && gj_config_load(cpath, &cfg, &d) != 0) {
		if (d.file[0] && d.line)
			fprintf(stderr, "gouji: %s:%d:%d: %s\n", d.file, d.line, d.column, d.message);
		else if (d.file[0])
			fprintf(stderr, "gouji: %s: %s\n", d.file, d.message);
		else
			fprintf(stderr, "gouji: %s\n", d.message);
		gj_config_release(&cfg);
		return NULL;
	}
	gj_engine *e = gj_engine_new(&cfg.lim);
	if (!e) {
		fprintf(stderr, "gouji: cannot create a Lua state\n");
		gj_config_release(&cfg);
		return NULL;
	}
	gj_engine_set_home(e, dir);
	/* packs: --pack, else the config's, else the national pack */
	int rc = 0;
	if (a->npacks) {
		for (int i = 0; i < a->npacks && rc == 0; i++)
			rc = gj_engine_load_pack(e, a->packs[i], &d);
	} else if (cfg.npacks) {
		for (int i = 0; i < cfg.npacks && rc == 0; i++)
			rc = gj_engine_load_pack(e, cfg.packs[i], &d);
	} else {
		rc = gj_engine_load_pack(e, "national", &d);
	}
	if (rc == 0 && have)
		rc = gj_engine_configure(e, cfg.rules, cfg.params, cpath, &d);
	gj_config_release(&cfg);
	if (rc != 0) {
		if (d.file[0] && d.line)
			fprintf(stderr, "gouji: %s:%d:%d: %s\n", d.file, d.line, d.column, d.message);
		else if (d.file[0])
			fprintf(stderr, "gouji: %s: %s\n", d.file, d.message);
		else
			fprintf(stderr, "gouji: %s\n", d.message);
		gj_engine_free(e);
		return NULL;
	}
	return e;
}

/* Last year's reports (--previous), matched by agency and year. */
typedef struct {
	gj_report **v;
	int n;
} report_list;

/* The same agency: equal without white space, or one name ends with the
 * other ("淮安市洪泽区人民政府" and "洪泽区人民政府": a report may or may not
 * name the city above). */
static int same_agency(const char *a, const char *b)
{
	char x[512], y[512];
	size_t nx = 0, ny = 0;
	for (; *a && nx + 1 < sizeof x; a++)
		if (*a != ' ' && *a != '\t')
			x[nx++] = *a;
	for (; *b && ny + 1 < sizeof y; b++)
		if (*b != ' ' && *b != '\t')
			y[ny++] = *b;
	x[nx] = y[ny] = '\0';
	const char *lo = nx < ny ? x : y, *hi = nx < ny ? y : x;
	size_t nl = nx < ny ? nx : ny, nh = nx < ny ? ny : nx;
	/* the shorter must name a place, not just a kind of agency: five CJK
	 * characters at least, so "人民政府" alone never pairs two counties */
	return (nl == nh || nl >= 15) && strcmp(hi + nh - nl, lo) == 0;
}

static const gj_report *find_previous(const report_list *prev, const gj_report *r)
{
	if (!prev || !r->agency || !r->year)
		return NULL;
	for (int i = 0; i < prev->n; i++) {
		const gj_report *p = prev->v[i];
		if (p->agency && p->year == r->year - 1 && same_agency(p->agency, r->agency))
			return p;
	}
	return NULL;
}

static int is_report_name(const char *nm)
{
	size_t l = strlen(nm);
	return (l > 3 && strcmp(nm + l - 3, ".md") == 0) ||
	       (l > 4 && (strcmp(nm + l - 4, ".txt") == 0 || strcmp(nm + l - 4, ".pdf") == 0)) ||
	       (l > 5 && strcmp(nm + l - 5, ".yaml") == 0);
}

/* Call fn on every report of a file, or below a folder (name order, hidden
 * files skipped).  fn owns the report.  A file that cannot be read is
 * reported and counted; the walk goes on. */
typedef void (*report_fn)(gj_report *r, void *ctx);

static void walk_reports(const char *path, report_fn fn, void *ctx, int *input_errors)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		struct dirent **names;
		int n = scandir(path, &names, NULL, alphasort);
		for (int i = 0; i < n; i++) {
			const char *nm = names[i]->d_name;
			if (nm[0] != '.') {
				char sub[PATH_MAX];
				snprintf(sub, sizeof sub, "%s/%s", path, nm);
				struct stat s2;
				if (stat(sub, &s2) == 0 &&
				    (S_ISDIR(s2.st_mode) || is_report_name(nm)))
					walk_reports(sub, fn, ctx, input_errors);
			}
			free(names[i]);
		}
		if (n > 0)
			free(names);
		return;
	}
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_report *r = gj_reader_load(path, NULL, &d);
	if (!r) {
		print_diag(&d);
		(*input_errors)++;
		return;
	}
	fn(r, ctx);
}

static void keep_report(gj_report *r, void *ctx)
{
	report_list *list = ctx;
	list->v = realloc(list->v, (size_t)(list->n + 1) * sizeof *list->v);
	if (!list->v)
		abort();
	list->v[list->n++] = r;
}

typedef struct {
	gj_engine *e;
	const report_list *prev;
	gj_results *res;
} check_ctx;

static void check_report(gj_report *r, void *ctx)
{
	check_ctx *c = ctx;
	gj_engine_check(c->e, r, find_previous(c->prev, r), c->res);
	gj_report_free(r);
}


/* Write out to path through a temporary file and a rename: a killed run
 * never leaves half a file. */
static int write_output(const char *path, const gj_buf *out)
{
	if (!path) {
		if (out->len)
			fwrite(out->data, 1, out->len, stdout);
		return fflush(stdout) == 0 ? 0 : -1;
	}
	char tmp[PATH_MAX + 16];
	snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	FILE *f = fdopen(fd, "wb");
	if (!f) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	int ok = (out->len == 0 || fwrite(out->data, 1, out->len, f) == out->len);
	ok &= fclose(f) == 0;
	if (!ok || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* A baseline: findings a district has accepted, as a count per report
 * and rule ("report<TAB>rule<TAB>count" lines), not per line number, so it
 * survives edits that move text.  Reports cannot carry suppression
 * comments: they are official documents. */
static int write_baseline(const char *path, const gj_results *res)
{
	gj_buf out;
	gj_buf_init(&out);
	gj_buf_adds(&out, "# gouji baseline: report, rule, accepted findings\n");
	for (int i = 0; i < res->nfindings;) {
		int j = i;
		while (j < res->nfindings && strcmp(res->findings[j].report, res->findings[i].report) == 0)
			j++;
		/* findings are sorted by report; count per rule within it */
		for (int k = i; k < j; k++) {
			int first = 1;
			for (int q = i; q < k; q++)
				if (strcmp(res->findings[q].rule, res->findings[k].rule) == 0)
					first = 0;
			if (!first)
				continue;
			int n = 0;
			for (int q = k; q < j; q++)
				n += strcmp(res->findings[q].rule, res->findings[k].rule) == 0;
			gj_buf_addf(&out, "%s\t%s\t%d\n", res->findings[k].report,
				    res->findings[k].rule, n);
		}
		i = j;
	}
	int rc = write_output(path, &out);
	gj_buf_release(&out);
	return rc;
}

/* Drop up to the accepted count of findings per (report, rule). */
static int apply_baseline(const char *path, gj_results *res)
{
	size_t len;
	char *text = gj_read_file(path, &len);
	if (!text)
		return -1;
	/* the accepted counts */
	char **rep = NULL, **rule = NULL;
	int *count = NULL, n = 0;
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *t1 = strchr(line, '\t');
		char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (line[0] == '#' || !t2)
			continue;
		*t1 = *t2 = '\0';
		rep = gj_xrealloc(rep, (size_t)(n + 1) * sizeof *rep);
		rule = gj_xrealloc(rule, (size_t)(n + 1) * sizeof *rule);
		count = gj_xrealloc(count, (size_t)(n + 1) * sizeof *count);
		rep[n] = line;
		rule[n] = t1 + 1;
		count[n] = atoi(t2 + 1);
		n++;
	}
	/* findings are sorted: spend each count on the first findings */
	int kept = 0;
	for (int i = 0; i < res->nfindings; i++) {
		gj_finding *f = &res->findings[i];
		int drop = 0;
		for (int k = 0; k < n && !drop; k++)
			if (count[k] > 0 && strcmp(rep[k], f->report) == 0 &&
			    strcmp(rule[k], f->rule) == 0) {
				count[k]--;
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
	free(rep);
	free(rule);
	free(count);
	free(text);
	return 0;
}

/* Is file the same file as path, or a report file inside the folder path
 * (which a walk of it reads)? */
static int reads(const char *path, const char *file, const struct stat *fst)
{
	struct stat st;
	if (!path || stat(path, &st) != 0)
		return 0;
	if (!S_ISDIR(st.st_mode))
		return st.st_dev == fst->st_dev && st.st_ino == fst->st_ino;
	const char *base = strrchr(file, '/');
	if (!is_report_name(base ? base + 1 : file))
		return 0;
	/* the folders above file, up to the root, by "/.." */
	char up[PATH_MAX];
	if (!base)
		snprintf(up, sizeof up, ".");
	else if (base == file)
		snprintf(up, sizeof up, "/");
	else
		snprintf(up, sizeof up, "%.*s", (int)(base - file), file);
	struct stat ust;
	if (stat(up, &ust) != 0)
		return 0;
	for (;;) {
		if (ust.st_dev == st.st_dev && ust.st_ino == st.st_ino)
			return 1;
		size_t n = strlen(up);
		if (n + 4 >= sizeof up)
			return 0;
		memcpy(up + n, "/..", 4);
		struct stat pst;
		if (stat(up, &pst) != 0 || (pst.st_dev == ust.st_dev && pst.st_ino == ust.st_ino))
			return 0;   /* the root */
		ust = pst;
	}
}

/* Would writing target (-o, --write-baseline) overwrite a file this run
 * reads?  gouji never writes over its input. */
static int overwrites_input(const check_args *a, const char *target)
{
	struct stat tst;
	if (!target || stat(target, &tst) != 0)
		return 0;   /* not there: nothing to overwrite */
	int hit = reads(a->previous, target, &tst) || reads(a->baseline, target, &tst) ||
		  reads(a->config, target, &tst) || reads(a->files_from, target, &tst);
	for (int i = 0; i < a->npaths && !hit; i++)
		hit = reads(a->paths[i], target, &tst);
	return hit;
}

static int cmd_check(int argc, char **argv)
{
	check_args a;
	if (parse_check_args(argc, argv, &a, "check") != 0) {
		free(a.paths);
		return 2;
	}
	if (a.npaths == 0 && !a.files_from) {
		fprintf(stderr, "gouji: check needs at least one PATH\n");
		free(a.paths);
		return 2;
	}
	const char *clash = overwrites_input(&a, a.output) ? a.output
			  : overwrites_input(&a, a.write_baseline) ? a.write_baseline : NULL;
	if (clash) {
		fprintf(stderr, "gouji: '%s' is read by this run: it would be overwritten\n", clash);
		free(a.paths);
		return 2;
	}
	char dir[PATH_MAX], script[PATH_MAX + 64];
	data_dir(dir, sizeof dir);
	size_t fl = strlen(a.format);
	if (fl > 4 && strcmp(a.format + fl - 4, ".lua") == 0)
		snprintf(script, sizeof script, "%s", a.format);
	else if (strchr(a.format, '/') == NULL &&
		 (snprintf(script, sizeof script, "%s/scripts/%s.lua", dir, a.format),
		  access(script, R_OK) == 0))
		;   /* a bundled format: scripts/NAME.lua */
	else {
		fprintf(stderr, "gouji: unknown format '%s' (text, json, jsonl, sarif, markdown, rollup, or a .lua script)\n",
			a.format);
		free(a.paths);
		return 2;
	}
	size_t slen;
	char *src = gj_read_file(script, &slen);
	if (!src) {
		fprintf(stderr, "gouji: cannot read output script '%s'\n", script);
		free(a.paths);
		return 2;
	}
	gj_engine *e = load_engine(&a);
	if (!e) {
		free(src);
		free(a.paths);
		return 2;
	}
	gj_results res;
	memset(&res, 0, sizeof res);
	int input_errors = 0;
	report_list prev = { NULL, 0 };
	if (a.previous)
		walk_reports(a.previous, keep_report, &prev, &input_errors);
	check_ctx cc = { e, a.previous ? &prev : NULL, &res };
	for (int i = 0; i < a.npaths; i++)
		walk_reports(a.paths[i], check_report, &cc, &input_errors);
	if (a.files_from) {
		/* paths separated by NUL (find -print0) or newlines; "-": stdin */
		FILE *f = strcmp(a.files_from, "-") == 0 ? stdin : fopen(a.files_from, "rb");
		if (!f) {
			fprintf(stderr, "gouji: cannot read '%s'\n", a.files_from);
			input_errors++;
		} else {
			gj_buf b;
			gj_buf_init(&b);
			int ch;
			while ((ch = fgetc(f)) != EOF) {
				if (ch == '\0' || ch == '\n') {
					if (b.len)
						walk_reports(b.data, check_report, &cc, &input_errors);
					b.len = 0;
					continue;
				}
				gj_buf_addc(&b, (char)ch);
			}
			if (b.len)
				walk_reports(b.data, check_report, &cc, &input_errors);
			gj_buf_release(&b);
			if (f != stdin)
				fclose(f);
		}
	}
	for (int i = 0; i < prev.n; i++)
		gj_report_free(prev.v[i]);
	free(prev.v);
	gj_results_sort(&res);
	if (a.write_baseline && write_baseline(a.write_baseline, &res) != 0) {
		fprintf(stderr, "gouji: cannot write '%s'\n", a.write_baseline);
		input_errors++;
	}
	if (a.baseline && apply_baseline(a.baseline, &res) != 0) {
		fprintf(stderr, "gouji: cannot read baseline '%s'\n", a.baseline);
		input_errors++;
	}
	const char *nc = getenv("NO_COLOR");
	gj_engine_set_color(e, !a.output && isatty(1) && !(nc && *nc) &&
				 strcmp(a.format, "text") == 0);
	gj_buf out;
	gj_buf_init(&out);
	gj_diag d;
	memset(&d, 0, sizeof d);
	char lib[PATH_MAX + 16];
	snprintf(lib, sizeof lib, "%s/scripts/lib", dir);
	int script_failed = gj_engine_render(e, src, slen, script, lib, &res, &out, &d) != 0;
	if (!script_failed && a.html) {
		/* Markdown output as an HTML page that works offline */
		char *body = gj_md_to_html(out.data ? out.data : "", out.len);
		gj_buf page;
		gj_buf_init(&page);
		gj_buf_adds(&page, "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
			    "<title>gouji</title><style>body{font-family:sans-serif;max-width:60em;"
			    "margin:2em auto;padding:0 1em}table{border-collapse:collapse}"
			    "td,th{border:1px solid #999;padding:.2em .5em}</style></head><body>\n");
		gj_buf_adds(&page, body ? body : "");
		gj_buf_adds(&page, "</body></html>\n");
		free(body);
		gj_buf_release(&out);
		out = page;
	}
	if (script_failed)
		fprintf(stderr, "gouji: output script '%s' failed: %s\n", script, d.message);
	else if (write_output(a.output, &out) != 0) {
		fprintf(stderr, "gouji: cannot write '%s'\n", a.output ? a.output : "stdout");
		input_errors++;
	}
	for (int i = 0; i < res.nfailures; i++)
		fprintf(stderr, "gouji: %s: rule %s failed: %s\n", res.failures[i].report,
			res.failures[i].rule ? res.failures[i].rule : "?", res.failures[i].message);
	int errors = 0;
	for (int i = 0; i < res.nfindings; i++)
		errors += res.findings[i].severity == GJ_SEV_ERROR;
	int rc = res.nfailures || script_failed ? 3 : input_errors ? 2 : errors ? 1 : 0;
	gj_buf_release(&out);
	gj_results_release(&res);
	gj_engine_free(e);
	free(src);
	free(a.paths);
	return rc;
}

static int cmd_rules(int argc, char **argv, int explain)
{
	check_args a;
	if (parse_check_args(argc, argv, &a, explain ? "explain" : "rules") != 0) {
		free(a.paths);
		return 2;
	}
	if (explain && a.npaths != 1) {
		fprintf(stderr, "gouji: explain needs one rule ID\n");
		free(a.paths);
		return 2;
	}
	gj_engine *e = load_engine(&a);
	if (!e) {
		free(a.paths);
		return 2;
	}
	int rc = 0;
	if (explain) {
		const gj_rule *r = gj_engine_find(e, a.paths[0]);
		if (!r) {
			fprintf(stderr, "gouji: no rule '%s'\n", a.paths[0]);
			rc = 2;
		} else {
			printf("%s (%s): %s\n\n%s\n", r->id, gj_severity_name(r->severity),
			       r->title, r->description);
		}
	} else {
		for (int i = 0; i < gj_engine_nrules(e); i++) {
			const gj_rule *r = gj_engine_rule(e, i);
			printf("%-14s %-8s %s\n", r->id,
			       r->enabled ? gj_severity_name(r->severity) : "off", r->title);
		}
	}
	gj_engine_free(e);
	free(a.paths);
	return rc;
}

/* ---- gouji test ---- */

/* A pack's tests: PACK/tests/NAME.{yaml,md,txt,pdf} with NAME.expect:
 *   + RULE-ID [path-or-line]   a finding that must appear
 *   - RULE-ID [path-or-line]   a finding that must not
 * Every enabled rule of the pack needs at least one of each. */
static int expect_matches(const gj_finding *f, const char *rule, const char *where)
{
	if (strcmp(f->rule, rule) != 0)
		return 0;
	if (!where || !*where)
		return 1;
	char *end;
	long line = strtol(where, &end, 10);
	if (*end == '\0')
		return f->line == line;
	return f->path && strcmp(f->path, where) == 0;
}

static int test_fixture(gj_engine *e, const char *fixture, const char *expect,
			int *pos, int *neg, int *passed, int *failed)
{
	size_t len;
	char *text = gj_read_file(expect, &len);
	if (!text) {
		printf("FAIL %s: no %s beside it\n", fixture, expect);
		(*failed)++;
		return -1;
	}
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_report *r = gj_reader_load(fixture, NULL, &d);
	if (!r) {
		printf("FAIL %s: %s\n", fixture, d.message);
		(*failed)++;
		free(text);
		return -1;
	}
	/* NAME.previous.yaml (or .md …) beside it: last year's report */
	gj_report *prev = NULL;
	const char *dot = strrchr(fixture, '.');
	if (dot) {
		char ppath[3 * PATH_MAX + 16];
		snprintf(ppath, sizeof ppath, "%.*s.previous%s", (int)(dot - fixture), fixture, dot);
		if (access(ppath, R_OK) == 0) {
			prev = gj_reader_load(ppath, NULL, &d);
			if (!prev) {
				printf("FAIL %s: %s\n", ppath, d.message);
				(*failed)++;
			}
		}
	}
	gj_results res;
	memset(&res, 0, sizeof res);
	gj_engine_check(e, r, prev, &res);
	gj_report_free(prev);
	for (int i = 0; i < res.nfailures; i++) {
		printf("FAIL %s: rule %s failed: %s\n", fixture, res.failures[i].rule,
		       res.failures[i].message);
		(*failed)++;
	}
	int lineno = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		lineno++;
		char sign, rule[64] = "", where[256] = "";
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (sscanf(line, " %c %63s %255s", &sign, rule, where) < 2 ||
		    (sign != '+' && sign != '-')) {
			printf("FAIL %s:%d: cannot read '%s' (want '+ RULE-ID [path or line]')\n",
			       expect, lineno, line);
			(*failed)++;
			continue;
		}
		const gj_rule *gr = gj_engine_find(e, rule);
		if (!gr) {
			printf("FAIL %s:%d: no rule '%s' in the pack\n", expect, lineno, rule);
			(*failed)++;
			continue;
		}
		int idx = (int)(gr - gj_engine_rule(e, 0));
		int found = -1;
		for (int i = 0; i < res.nfindings && found < 0; i++)
			if (expect_matches(&res.findings[i], rule, where))
				found = i;
		if (sign == '+') {
			pos[idx]++;
			if (found >= 0) {
				(*passed)++;
			} else {
				printf("FAIL %s: expected %s%s%s, not found\n", fixture, rule,
				       *where ? " at " : "", where);
				(*failed)++;
			}
		} else {
			neg[idx]++;
			if (found < 0) {
				(*passed)++;
			} else {
				printf("FAIL %s: %s must not report%s%s, but said: %s\n", fixture, rule,
				       *where ? " at " : "", where, res.findings[found].message);
				(*failed)++;
			}
		}
	}
	gj_results_release(&res);
	gj_report_free(r);
	free(text);
	return 0;
}

static int cmd_test(int argc, char **argv)
{
	if (argc == 0) {
		fprintf(stderr, "gouji: test needs at least one PACK\n");
		return 2;
	}
	int passed = 0, failed = 0;
	for (int p = 0; p < argc; p++) {
		check_args a;
		memset(&a, 0, sizeof a);
		a.packs[0] = argv[p];
		a.npacks = 1;
		/* a pack's tests do not depend on the project's gouji.yaml */
		a.config = "/dev/null";
		gj_engine *e = load_engine(&a);
		if (!e)
			return 2;
		int n = gj_engine_nrules(e);
		int *pos = calloc((size_t)n + 1, sizeof *pos), *neg = calloc((size_t)n + 1, sizeof *neg);
		char dir[2 * PATH_MAX + 32];
		char home[PATH_MAX];
		data_dir(home, sizeof home);
		if (!strchr(argv[p], '/'))
			snprintf(dir, sizeof dir, "%s/rules/%s/tests", home, argv[p]);
		else
			snprintf(dir, sizeof dir, "%s/tests", argv[p]);
		struct dirent **list;
		int nl = scandir(dir, &list, NULL, alphasort);
		for (int i = 0; i < nl; i++) {
			const char *nm = list[i]->d_name;
			const char *dot = strrchr(nm, '.');
			if (nm[0] != '.' && dot && strcmp(dot, ".expect") != 0 &&
			    !strstr(nm, ".previous.")) {
				char fixture[3 * PATH_MAX], expect[3 * PATH_MAX];
				snprintf(fixture, sizeof fixture, "%s/%s", dir, nm);
				snprintf(expect, sizeof expect, "%s/%.*s.expect", dir,
					 (int)(dot - nm), nm);
				test_fixture(e, fixture, expect, pos, neg, &passed, &failed);
			}
			free(list[i]);
		}
		if (nl > 0)
			free(list);
		else
			printf("FAIL %s: no tests folder\n", dir);
		/* the pack's own rules need a case that triggers and one that
		 * does not (rules of a pack it extends are tested there) */
		for (int i = 0; i < n; i++) {
			const gj_rule *r = gj_engine_rule(e, i);
			char prefix[2 * PATH_MAX + 32];
			snprintf(prefix, sizeof prefix, "%.*s", (int)(strlen(dir) - 6), dir);
			if (!r->enabled || strncmp(r->file, prefix, strlen(prefix)) != 0)
				continue;
			if (!pos[i] || !neg[i]) {
				printf("FAIL %s: rule %s has no %s case\n", argv[p], r->id,
				       !pos[i] ? "positive (+)" : "negative (-)");
				failed++;
			}
		}
		free(pos);
		free(neg);
		gj_engine_free(e);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage_text, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "help") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("gouji %s\n", GOUJI_VERSION);
		return 0;
	}
	if (strcmp(cmd, "dump") == 0)
		return cmd_dump(argc - 2, argv + 2);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 2, argv + 2);
	if (strcmp(cmd, "rules") == 0)
		return cmd_rules(argc - 2, argv + 2, 0);
	if (strcmp(cmd, "explain") == 0)
		return cmd_rules(argc - 2, argv + 2, 1);
	if (strcmp(cmd, "test") == 0)
		return cmd_test(argc - 2, argv + 2);
	fprintf(stderr, "gouji: unknown command '%s' (see 'gouji --help')\n", cmd);
	return 2;
}
