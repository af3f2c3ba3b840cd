/*
 * main.c — the command line.  Only this file sees argv and decides exit
 * codes: 0 no error-level findings, 1 error-level findings, 2 usage or input
 * error, 3 a rule or script failed.
 */
#include "dump.h"
#include "reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	"exit status: 0 success, 2 usage or input error (a file that cannot be\n"
	"read is reported on stderr as 'gouji: FILE: message'; the other files\n"
	"are still read).\n";

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
	fprintf(stderr, "gouji: unknown command '%s' (see 'gouji --help')\n", cmd);
	return 2;
}
