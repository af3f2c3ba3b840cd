/*
 * main.c — the command line's front door: the usage text, the version, and
 * which command runs.  Each command is a file of its own (cmd_*.c): it
 * reads its options (opts.h) and returns the exit code, which main returns:
 * 0 no error-level findings, 1 error-level findings, 2 usage or input
 * error, 3 a rule or script failed.
 */
#include "cmd_check.h"
#include "cmd_diff.h"
#include "cmd_dump.h"
#include "cmd_rules.h"
#include "cmd_serve.h"
#include "cmd_test.h"
#include "version.h"

#include <stdio.h>
#include <string.h>

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
	"        'cells' with its status (ok, inferred, blank, missing,\n"
	"        ambiguous), source line and column, raw text and candidates.\n"
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

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);   /* argv: what follows the name */
} commands[] = {
	{ "dump", gj_cmd_dump },
	{ "check", gj_cmd_check },
	{ "diff", gj_cmd_diff },
	{ "serve", gj_cmd_serve },
	{ "rules", gj_cmd_rules },
	{ "explain", gj_cmd_explain },
	{ "test", gj_cmd_test },
};

/* A command's exit code, unless what it wrote to stdout was lost (a full
 * disk, /dev/full): every command's output is checked here, once. */
static int finish(int rc)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	fprintf(stderr, "gouji: 无法写出结果 (cannot write to stdout)\n");
	return rc > 2 ? rc : 2;
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
		return finish(0);
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("gouji %s\n", GJ_VERSION);
		return finish(0);
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(cmd, commands[i].name) == 0)
			return finish(commands[i].run(argc - 2, argv + 2));
	fprintf(stderr, "gouji: unknown command '%s' (see 'gouji --help')\n", cmd);
	return 2;
}
