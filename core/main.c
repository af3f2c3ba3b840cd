/*
 * main.c — the command line.  Only this file sees argv and decides exit
 * codes: 0 no error-level findings, 1 error-level findings, 2 usage or input
 * error, 3 a rule or script failed.
 */
#include "batch.h"
#include "cli.h"
#include "cmd_serve.h"
#include "diff.h"
#include "config.h"
#include "dump.h"
#include "engine.h"
#include "md.h"
#include "reader.h"
#include "yamlrd.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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
	"        [--baseline FILE] [--write-baseline FILE] [--html] [-j N]\n"
	"        [--previous FILE|DIR] [--files-from FILE|-] PATH...\n"
	"        run the rule packs on each report; folders are walked.  P is a\n"
	"        bundled pack's name or a folder; without --pack, the packs of\n"
	"        the config (gouji.yaml here or in a folder above), else the\n"
	"        national pack.  F is a script of scripts/: text (default),\n"
	"        json, jsonl, sarif, markdown, rollup, annotated (the report\n"
	"        with each finding in its place), csv, xlsx (needs -o); or a\n"
	"        path ending in .lua: your own output script.  A baseline lists\n"
	"        accepted findings (a count per report and rule);\n"
	"        --write-baseline records the current ones.  Text is coloured\n"
	"        on a terminal unless NO_COLOR is set.  --html turns Markdown\n"
	"        output into an HTML page (markdown, rollup and annotated\n"
	"        write their own page).\n"
	"        --previous gives the X rules last year's reports, matched by\n"
	"        agency and year.  --files-from reads more paths from a file\n"
	"        or stdin, separated by NUL (find -print0) or newlines.\n"
	"        -j N checks N reports at a time (default: one per core);\n"
	"        output comes in the order the reports were given, and text\n"
	"        and jsonl are written as each report is done.  A progress\n"
	"        line shows on stderr when it is a terminal\n"
	"  diff [--format F] [-o FILE] [--html] [--encoding ENC] LAST THIS\n"
	"        year over year: LAST is last year's report, THIS this year's\n"
	"        (any kind of file).  Prints the figures whose value or\n"
	"        readability changed, by table, and how much of each part's\n"
	"        text is the same as last year's.  F: markdown (default),\n"
	"        json, or a .lua script (scripts/diff.lua is the default one).\n"
	"        Warns when the agencies differ or the years do not follow\n"
	"        each other\n"
	"  serve [--listen ADDR] [--port N] [--pack P]... [--config FILE] [-j N]\n"
	"        [--max-upload MB] [--max-files N] [--timeout S] [--no-open]\n"
	"        a page in the browser where reports are dropped and checked:\n"
	"        one report shows as itself with each finding in its place\n"
	"        (--format annotated), many as the roll-up with each one a\n"
	"        click away; CSV, XLSX, SARIF and HTML to download.  Listens on\n"
	"        127.0.0.1 port 8780 (--port 0: any free port) and prints the\n"
	"        address; another --listen address is reachable from other\n"
	"        computers (a warning says so).  The packs and config are\n"
	"        those of check.  Uploads: at most --max-files (200) files and\n"
	"        --max-upload (64) MB, kept in a private temporary folder only\n"
	"        while they are checked; each request within --timeout (120)\n"
	"        seconds.  Ctrl+C stops it\n"
	"  rules [--pack DIR]...     list the rules\n"
	"  explain [--pack DIR]... ID  print one rule's description\n"
	"  test PACK...  run a pack's tests: PACK/tests/NAME.{yaml,md,txt,pdf,html}\n"
	"        with NAME.expect ('+ RULE-ID [path|line]' must be reported,\n"
	"        '- RULE-ID [path|line]' must not); prints 'N passed, N failed'\n"
	"\n"
	"files: Markdown (.md), text (crawled pages), web pages (.html/.htm,\n"
	"or any file that starts as one), PDF (text layer, read with\n"
	"pdftotext), YAML (.yaml/.yml, the keys of the data model).  Folders\n"
	"are walked for these names, in any case.\n"
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
			gj_print_diag(&d);
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
	int jobs;               /* -j N: workers; default one per core */
	char **paths;
	int npaths;
} check_args;

static int parse_check_args(int argc, char **argv, check_args *a, const char *cmd)
{
	memset(a, 0, sizeof *a);
	a->format = "text";
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	a->jobs = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
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
		} else if (strncmp(s, "-j", 2) == 0 || strcmp(s, "--jobs") == 0) {
			const char *v = s[1] == 'j' && s[2] ? s + 2 : i + 1 < argc ? argv[++i] : NULL;
			char *end = NULL;
			long n = v ? strtol(v, &end, 10) : 0;
			if (!v || *end || n < 1 || n > 256) {
				fprintf(stderr, "gouji: %s needs a number of workers from 1 to 256\n", s);
				return -1;
			}
			a->jobs = (int)n;
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
	gj_data_dir(dir, sizeof dir);

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

/* Last year's reports (--previous): each one's agency, year and path,
 * read once; the report itself is read again by the worker whose report
 * it matches, so a run holds a line per report of last year, not the
 * reports.  A report is matched by agency (gj_same_agency) and year
 * through a table keyed by the last AGENCY_KEY bytes of the agency's name
 * without white space, which any two names gj_same_agency pairs share;
 * within a key, the first in the order given wins. */
#define AGENCY_KEY 15
#define PREV_BUCKETS 4096

/* Entries chained by bucket: head and tail per bucket, next per entry
 * (-1 ends a chain).  Entry i joins bucket k's chain at its end, so a
 * bucket's entries stay in the order they were added. */
static void chain_add(int *head, int *tail, int *next, unsigned k, int i)
{
	next[i] = -1;
	if (tail[k] < 0)
		head[k] = i;
	else
		next[tail[k]] = i;
	tail[k] = i;
}

typedef struct {
	char *agency;
	int year;
	char *path;
} prev_entry;

typedef struct {
	prev_entry *v;
	int *next;              /* the next entry with the same key, or -1 */
	int n, cap;
	int head[PREV_BUCKETS], tail[PREV_BUCKETS];
} prev_index;

/* the bucket of an agency's name: its key, hashed */
static unsigned agency_bucket(const char *agency)
{
	char x[512];    /* as gj_same_agency strips and cuts it */
	size_t n = 0;
	for (; *agency && n + 1 < sizeof x; agency++)
		if (*agency != ' ' && *agency != '\t')
			x[n++] = *agency;
	size_t from = n > AGENCY_KEY ? n - AGENCY_KEY : 0;
	return gj_hash_bytes(GJ_HASH_SEED, x + from, n - from) % PREV_BUCKETS;
}

static void prev_init(prev_index *p)
{
	memset(p, 0, sizeof *p);
	for (int i = 0; i < PREV_BUCKETS; i++)
		p->head[i] = p->tail[i] = -1;
}

static void prev_add(prev_index *p, const gj_report *r, const char *path)
{
	if (!r->agency || !r->year)
		return;         /* nothing to match it by */
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->v = gj_xrealloc(p->v, (size_t)p->cap * sizeof *p->v);
		p->next = gj_xrealloc(p->next, (size_t)p->cap * sizeof *p->next);
	}
	prev_entry *e = &p->v[p->n];
	e->agency = gj_xstrdup(r->agency);
	e->year = r->year;
	e->path = gj_xstrdup(path);
	chain_add(p->head, p->tail, p->next, agency_bucket(r->agency), p->n++);
}

static void prev_free(prev_index *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->v[i].agency);
		free(p->v[i].path);
	}
	free(p->v);
	free(p->next);
}

static const prev_entry *find_previous(const prev_index *p, const gj_report *r)
{
	if (!p || !r->agency || !r->year)
		return NULL;
	for (int i = p->head[agency_bucket(r->agency)]; i >= 0; i = p->next[i])
		if (p->v[i].year == r->year - 1 && gj_same_agency(p->v[i].agency, r->agency))
			return &p->v[i];
	return NULL;
}

/* Call fn on a file, or on every report file below a folder (name order,
 * hidden files skipped). */
typedef void (*path_fn)(const char *path, void *ctx);

static void walk_paths(const char *path, path_fn fn, void *ctx)
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
				    (S_ISDIR(s2.st_mode) || gj_input_report_name(nm)))
					walk_paths(sub, fn, ctx);
			}
			free(names[i]);
		}
		if (n > 0)
			free(names);
		return;
	}
	fn(path, ctx);
}

/* Paths separated by NUL (find -print0) or newlines; "-": stdin. */
static int read_files_from(const char *from, path_fn fn, void *ctx)
{
	FILE *f = strcmp(from, "-") == 0 ? stdin : fopen(from, "rb");
	if (!f) {
		fprintf(stderr, "gouji: cannot read '%s'\n", from);
		return -1;
	}
	gj_buf b;
	gj_buf_init(&b);
	int ch;
	while ((ch = fgetc(f)) != EOF) {
		if (ch == '\0' || ch == '\n') {
			if (b.len)
				walk_paths(b.data, fn, ctx);
			b.len = 0;
			continue;
		}
		gj_buf_addc(&b, (char)ch);
	}
	if (b.len)
		walk_paths(b.data, fn, ctx);
	gj_buf_release(&b);
	if (f != stdin)
		fclose(f);
	return 0;
}

typedef struct {
	prev_index *index;
	int errors;
} keep_ctx;

static void keep_report(const char *path, void *ctx)
{
	keep_ctx *k = ctx;
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_report *r = gj_reader_load(path, NULL, &d);
	if (!r) {
		gj_print_diag(&d);
		k->errors++;
		return;
	}
	prev_add(k->index, r, path);
	gj_report_free(r);
}

/* Read last year's report for r again (a worker's own copy).  It was read
 * when the run began; if it cannot be now, r is checked without it. */
static gj_report *previous_of(const gj_report *r, void *ctx)
{
	const prev_entry *e = find_previous(ctx, r);
	if (!e)
		return NULL;
	gj_diag d;
	memset(&d, 0, sizeof d);
	return gj_reader_load(e->path, NULL, &d);
}







/* A baseline: findings a district has accepted, as a count per report
 * and rule ("report<TAB>rule<TAB>count" lines), not per line number, so it
 * survives edits that move text.  Reports cannot carry suppression
 * comments: they are official documents. */
#define BASE_BUCKETS 65536

typedef struct {
	char **report, **rule;
	int *count;
	int *next;              /* the next line of the same report and rule's
	                         * bucket, in file order, or -1 */
	int n, cap;
	int *head, *tail;       /* BASE_BUCKETS: by report and rule */
	char *text;
} baseline;

static unsigned base_bucket(const char *report, const char *rule)
{
	unsigned h = gj_hash_bytes(gj_hash_str(GJ_HASH_SEED, report), "\t", 1);
	return gj_hash_str(h, rule) % BASE_BUCKETS;
}

/* Append one report's lines: its findings are sorted; each rule once, in
 * the order of its first finding. */
static void baseline_lines(const gj_results *res, gj_buf *out)
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

static int baseline_load(const char *path, baseline *b)
{
	memset(b, 0, sizeof *b);
	size_t len;
	b->text = gj_read_file(path, &len);
	if (!b->text)
		return -1;
	char *save = NULL;
	for (char *line = strtok_r(b->text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *t1 = strchr(line, '\t');
		char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (line[0] == '#' || !t2)
			continue;
		*t1 = *t2 = '\0';
		if (b->n == b->cap) {
			b->cap = b->cap ? 2 * b->cap : 256;
			b->report = gj_xrealloc(b->report, (size_t)b->cap * sizeof *b->report);
			b->rule = gj_xrealloc(b->rule, (size_t)b->cap * sizeof *b->rule);
			b->count = gj_xrealloc(b->count, (size_t)b->cap * sizeof *b->count);
			b->next = gj_xrealloc(b->next, (size_t)b->cap * sizeof *b->next);
		}
		b->report[b->n] = line;
		b->rule[b->n] = t1 + 1;
		b->count[b->n] = atoi(t2 + 1);
		b->n++;
	}
	/* each (report, rule) found by its bucket, not by reading every line */
	b->head = gj_xmalloc(BASE_BUCKETS * sizeof *b->head);
	b->tail = gj_xmalloc(BASE_BUCKETS * sizeof *b->tail);
	for (int k = 0; k < BASE_BUCKETS; k++)
		b->head[k] = b->tail[k] = -1;
	for (int i = 0; i < b->n; i++)
		chain_add(b->head, b->tail, b->next, base_bucket(b->report[i], b->rule[i]), i);
	return 0;
}

static void baseline_free(baseline *b)
{
	free(b->report);
	free(b->rule);
	free(b->count);
	free(b->next);
	free(b->head);
	free(b->tail);
	free(b->text);
}

/* Drop up to the accepted count of findings per (report, rule), the
 * first findings first. */
static void baseline_apply(baseline *b, gj_results *res)
{
	int kept = 0;
	for (int i = 0; i < res->nfindings; i++) {
		gj_finding *f = &res->findings[i];
		int drop = 0;
		for (int k = b->head[base_bucket(f->report, f->rule)]; k >= 0 && !drop; k = b->next[k])
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

/* Move n items of size sz from src to the end of the array *dst of *dn. */
static void append_items(void *dst, int *dn, void *src, int n, size_t sz)
{
	if (n == 0)
		return;
	void **arr = dst;
	*arr = gj_xrealloc(*arr, (size_t)(*dn + n) * sz);
	memcpy((char *)*arr + (size_t)*dn * sz, src, (size_t)n * sz);
	*dn += n;
}

/* Move everything of src to the end of dst. */
static void results_append(gj_results *dst, gj_results *src)
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

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One check run: what the batch hands back is consumed here, in input
 * order. */
typedef struct {
	const check_args *a;
	gj_engine *render;      /* runs the output script */
	int streaming;          /* the script takes one report at a time */
	gj_results all;         /* a whole-run script's findings and reports */
	gj_results failures;    /* every rule failure, for finish(run) */
	gj_out out;
	int buffered;           /* --html: the page is made at the end */
	gj_buf pending;         /* output not yet written */
	baseline base;
	int have_base;
	gj_buf base_out;        /* --write-baseline */
	int input_errors, errors, nfailures, nreports;
	int script_failed;
	gj_diag script_diag;
	int progress;           /* stderr is a terminal */
	double started, shown;
	gj_batch *batch;
	/* the files -o and --write-baseline would replace, when they exist:
	 * a path of --files-from that is one of them is not read, and the
	 * run writes neither (the paths given as arguments are checked
	 * before the run) */
	struct stat targets[2];
	int ntargets;
	const char *clash;
} run_ctx;

static void show_progress(run_ctx *c, int last)
{
	if (!c->progress)
		return;
	double t = now_seconds();
	if (!last && (t - c->started < 1.0 || t - c->shown < 0.1))
		return;
	c->shown = t;
	if (last) {
		if (t - c->started >= 1.0)
			fputs("\r\033[K", stderr);
		return;
	}
	fprintf(stderr, "\r\033[Kgouji: %d reports checked (%.0f a second)", c->nreports,
		c->nreports / (t - c->started));
}

static void flush_pending(run_ctx *c)
{
	if (c->buffered || !c->pending.len)
		return;
	gj_out_write(&c->out, c->pending.data, c->pending.len);
	c->pending.len = 0;
	if (!c->out.path)
		fflush(stdout);
	/* what streams out is not held: the output cap counts what is */
	gj_engine_output_written(c->render);
}

static void consume(gj_batch_item *it, void *ctx)
{
	run_ctx *c = ctx;
	if (it->failed) {
		gj_print_diag(&it->diag);
		c->input_errors++;
		return;
	}
	gj_results *res = &it->res;
	c->nreports++;
	if (c->a->write_baseline)
		baseline_lines(res, &c->base_out);
	if (c->have_base)
		baseline_apply(&c->base, res);
	for (int i = 0; i < res->nfailures; i++)
		fprintf(stderr, "gouji: %s: rule %s failed: %s\n", res->failures[i].report,
			res->failures[i].rule ? res->failures[i].rule : "?",
			res->failures[i].message);
	c->nfailures += res->nfailures;
	for (int i = 0; i < res->nfindings; i++)
		c->errors += res->findings[i].severity == GJ_SEV_ERROR;
	if (!c->streaming) {
		results_append(&c->all, res);
	} else if (!c->script_failed) {
		if (gj_engine_stream_report(c->render, res, &c->pending, &c->script_diag) != 0)
			c->script_failed = 1;
		flush_pending(c);
		/* keep the failures for finish(run); the rest goes */
		gj_results f = { NULL, 0, res->failures, res->nfailures, NULL, 0 };
		res->failures = NULL;
		res->nfailures = 0;
		results_append(&c->failures, &f);
	}
	show_progress(c, 0);
}

/* Load the engines: one for each worker, one for the output script. */
static int load_engines(const check_args *a, gj_engine **engines, int n)
{
	for (int i = 0; i < n; i++) {
		engines[i] = load_engine(a);
		if (!engines[i]) {
			while (i-- > 0)
				gj_engine_free(engines[i]);
			return -1;
		}
	}
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
	if (!gj_input_report_name(base ? base + 1 : file))
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

static void add_path(const char *path, void *ctx)
{
	run_ctx *c = ctx;
	struct stat st;
	for (int i = 0; i < c->ntargets && stat(path, &st) == 0; i++) {
		if (st.st_dev == c->targets[i].st_dev && st.st_ino == c->targets[i].st_ino) {
			if (!c->clash)
				fprintf(stderr, "gouji: '%s' is read by this run: it would be overwritten\n",
					path);
			c->clash = path;
			return;
		}
	}
	gj_batch_add(c->batch, path);
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
	gj_data_dir(dir, sizeof dir);
	size_t fl = strlen(a.format);
	int bundled = 0;        /* scripts/NAME.lua: named NAME in messages */
	if (fl > 4 && strcmp(a.format + fl - 4, ".lua") == 0)
		snprintf(script, sizeof script, "%s", a.format);
	else if (strchr(a.format, '/') == NULL &&
		 (snprintf(script, sizeof script, "%s/scripts/%s.lua", dir, a.format),
		  access(script, R_OK) == 0))
		bundled = 1;
	else {
		fprintf(stderr, "gouji: unknown format '%s' (text, json, jsonl, sarif, markdown, rollup, annotated, csv, xlsx, or a .lua script)\n",
			a.format);
		free(a.paths);
		return 2;
	}
	if (strcmp(a.format, "xlsx") == 0 && !a.output && isatty(1)) {
		fprintf(stderr, "gouji: xlsx 是二进制文件，请用 -o 文件名写入 (xlsx is binary: give -o FILE)\n");
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
	int njobs = a.jobs;
	gj_engine **engines = gj_xcalloc((size_t)njobs + 1, sizeof *engines);
	if (load_engines(&a, engines, njobs + 1) != 0) {
		free(engines);
		free(src);
		free(a.paths);
		return 2;
	}
	run_ctx c;
	memset(&c, 0, sizeof c);
	c.a = &a;
	c.render = engines[njobs];
	c.buffered = a.html;
	c.progress = isatty(2);
	c.started = now_seconds();
	gj_buf_init(&c.pending);
	gj_buf_init(&c.base_out);
	if (a.write_baseline)
		gj_buf_adds(&c.base_out, "# gouji baseline: report, rule, accepted findings\n");
	if (a.baseline) {
		if (baseline_load(a.baseline, &c.base) == 0) {
			c.have_base = 1;
		} else {
			fprintf(stderr, "gouji: cannot read baseline '%s'\n", a.baseline);
			c.input_errors++;
		}
	}
	const char *nc = getenv("NO_COLOR");
	gj_engine_set_color(c.render, !a.output && isatty(1) && !(nc && *nc) &&
				      strcmp(a.format, "text") == 0);
	gj_engine_set_html(c.render, a.html);
	char lib[PATH_MAX + 16];
	snprintf(lib, sizeof lib, "%s/scripts/lib", dir);
	int rc_out = 0;
	if (gj_out_open(&c.out, a.output) != 0) {
		fprintf(stderr, "gouji: cannot write '%s'\n", a.output);
		rc_out = -1;
	}
	int begun = rc_out == 0 ? gj_engine_stream_begin(c.render, src, slen, script, lib,
							 &c.pending, &c.script_diag)
				: 0;
	c.streaming = begun == 1;
	c.script_failed = begun < 0;
	flush_pending(&c);

	prev_index *prev = gj_xmalloc(sizeof *prev);
	prev_init(prev);
	if (a.previous) {
		keep_ctx k = { prev, 0 };
		walk_paths(a.previous, keep_report, &k);
		c.input_errors += k.errors;
	}
	/* a streaming script frees each report's findings once it has them */
	/* a script that draws the report itself (annotated) asks for it in full */
	int detail = c.streaming && gj_engine_stream_detail(c.render);
	for (int i = 0; i < njobs; i++) {
		gj_engine_set_per_report(engines[i], c.streaming);
		gj_engine_set_detail(engines[i], detail);
	}
	gj_batch *b = rc_out == 0 ?
		gj_batch_new(engines, njobs, a.previous ? previous_of : NULL, prev, consume, &c)
		: NULL;
	if (b) {
		c.batch = b;
		const char *targets[] = { a.output, a.write_baseline };
		for (int i = 0; i < 2; i++)
			if (targets[i] && stat(targets[i], &c.targets[c.ntargets]) == 0)
				c.ntargets++;
		for (int i = 0; i < a.npaths; i++)
			walk_paths(a.paths[i], add_path, &c);
		if (a.files_from && read_files_from(a.files_from, add_path, &c) != 0)
			c.input_errors++;
		gj_batch_finish(b);     /* frees the workers' engines */
	} else {
		for (int i = 0; i < njobs; i++)
			gj_engine_free(engines[i]);
		if (rc_out == 0) {
			fprintf(stderr, "gouji: cannot start %d workers\n", njobs);
			c.input_errors++;
		}
	}
	show_progress(&c, 1);
	prev_free(prev);
	free(prev);
	if (c.clash)
		c.input_errors++;
	if (a.write_baseline && !c.clash && gj_write_output(a.write_baseline, &c.base_out) != 0) {
		fprintf(stderr, "gouji: cannot write '%s'\n", a.write_baseline);
		c.input_errors++;
	}
	if (!c.script_failed && c.streaming) {
		if (gj_engine_stream_end(c.render, &c.failures, &c.pending, &c.script_diag) != 0)
			c.script_failed = 1;
	} else if (!c.script_failed && rc_out == 0) {
		c.script_failed = gj_engine_render(c.render, src, slen, script, lib, &c.all,
						   &c.pending, &c.script_diag) != 0;
	}
	if (!c.script_failed && a.html && !gj_html_is_page(c.pending.data, c.pending.len)) {
		/* Markdown output as an HTML page that works offline; a script
		 * that wrote a page itself (run.html) is left as it is */
		gj_html_page(&c.pending, "gouji");
	}
	if (rc_out == 0) {
		c.buffered = 0;
		if (!c.script_failed)
			flush_pending(&c);
		if (c.script_failed)
			fprintf(stderr, "gouji: output script '%s' failed: %s\n",
				bundled ? a.format : script, c.script_diag.message);
		if (gj_out_close(&c.out, !c.script_failed && !c.clash) != 0) {
			fprintf(stderr, "gouji: cannot write '%s'\n", a.output ? a.output : "stdout");
			c.input_errors++;
		}
	} else {
		c.input_errors++;
	}
	int rc = c.nfailures || c.script_failed ? 3 : c.input_errors ? 2 : c.errors ? 1 : 0;
	gj_buf_release(&c.pending);
	gj_buf_release(&c.base_out);
	if (c.have_base)
		baseline_free(&c.base);
	gj_results_release(&c.all);
	gj_results_release(&c.failures);
	gj_engine_free(c.render);
	free(engines);
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

/* A pack's tests: PACK/tests/NAME.{yaml,md,txt,pdf,html} with NAME.expect:
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
		gj_data_dir(home, sizeof home);
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
	if (strcmp(cmd, "diff") == 0)
		return gj_cmd_diff(argc - 2, argv + 2);
	if (strcmp(cmd, "serve") == 0)
		return gj_cmd_serve(argc - 2, argv + 2);
	if (strcmp(cmd, "rules") == 0)
		return cmd_rules(argc - 2, argv + 2, 0);
	if (strcmp(cmd, "explain") == 0)
		return cmd_rules(argc - 2, argv + 2, 1);
	if (strcmp(cmd, "test") == 0)
		return cmd_test(argc - 2, argv + 2);
	fprintf(stderr, "gouji: unknown command '%s' (see 'gouji --help')\n", cmd);
	return 2;
}
