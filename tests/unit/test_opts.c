/* test_opts.c — one option parser for every command: "--", "--name=value",
 * attached short values, lists, numbers in range, and the exact message
 * for each misuse. */
#include "opts.h"
#include "unit.h"

#include <string.h>

static const char *format, *output, *encoding;
static const char *packs[3];
static int npacks, html, jobs, kind;
static char *operands[16];
static int noperands;
static gj_diag d;

static const gj_opt opts[] = {
	{ "--format", NULL, GJ_OPT_STRING, &format, 0, NULL, 0, 0, NULL },
	{ "-o", NULL, GJ_OPT_STRING, &output, 0, NULL, 0, 0, NULL },
	{ "--encoding", NULL, GJ_OPT_STRING, &encoding, 0, NULL, 0, 0, NULL },
	{ "--pack", NULL, GJ_OPT_LIST, packs, 0, &npacks, 0, 3, NULL },
	{ "--html", NULL, GJ_OPT_FLAG, &html, 1, NULL, 0, 0, NULL },
	{ "--yaml", NULL, GJ_OPT_FLAG, &kind, 2, NULL, 0, 0, NULL },
	{ "--cells", NULL, GJ_OPT_FLAG, &kind, 3, NULL, 0, 0, NULL },
	{ "-j", "--jobs", GJ_OPT_NUMBER, &jobs, 0, NULL, 1, 256,
	  "a number of workers from 1 to 256" },
	{ NULL, NULL, 0, NULL, 0, NULL, 0, 0, NULL }
};

/* Parse the words of line (split at spaces); returns gj_opts_parse's. */
static int parse(const char *line)
{
	static char buf[512];
	char *argv[16];
	int argc = 0;
	snprintf(buf, sizeof buf, "%s", line);
	for (char *w = strtok(buf, " "); w && argc < 16; w = strtok(NULL, " "))
		argv[argc++] = w;
	format = output = encoding = NULL;
	npacks = html = jobs = kind = 0;
	memset(&d, 0, sizeof d);
	memset(operands, 0, sizeof operands);
	return gj_opts_parse(opts, "check", argc, argv, operands, &noperands, &d);
}

static void test_forms(void)
{
	CHECK_INT(parse("a.md --format json -o out.json b.md"), 0);
	CHECK_STR(format, "json");
	CHECK_STR(output, "out.json");
	CHECK_INT(noperands, 2);
	CHECK_STR(operands[0], "a.md");
	CHECK_STR(operands[1], "b.md");
	/* --name=value, and a value that is empty or has '=' in it */
	CHECK_INT(parse("--encoding=gb18030 --format= x --pack=a=b"), 0);
	CHECK_STR(encoding, "gb18030");
	CHECK_STR(format, "");
	CHECK_STR(packs[0], "a=b");
	/* a short option's value attached */
	CHECK_INT(parse("-j4 -oout.md"), 0);
	CHECK_INT(jobs, 4);
	CHECK_STR(output, "out.md");
	CHECK_INT(parse("--jobs 7 -j 2"), 0);
	CHECK_INT(jobs, 2);                     /* the last one wins */
	/* a value may start with '-' */
	CHECK_INT(parse("-o -weird.md"), 0);
	CHECK_STR(output, "-weird.md");
	/* lists, flags */
	CHECK_INT(parse("--pack a --html --pack b --yaml --cells"), 0);
	CHECK_INT(npacks, 2);
	CHECK_STR(packs[1], "b");
	CHECK_INT(html, 1);
	CHECK_INT(kind, 3);
}

static void test_operands(void)
{
	/* "-" is stdin, an operand; after "--" everything is */
	CHECK_INT(parse("- -- --html -o"), 0);
	CHECK_INT(noperands, 3);
	CHECK_STR(operands[0], "-");
	CHECK_STR(operands[1], "--html");
	CHECK_STR(operands[2], "-o");
	CHECK_INT(html, 0);
	CHECK(output == NULL);
	CHECK_INT(parse("-- --"), 0);
	CHECK_INT(noperands, 1);
	CHECK_STR(operands[0], "--");
	CHECK_INT(parse(""), 0);
	CHECK_INT(noperands, 0);
}

static void test_misuse(void)
{
	CHECK_INT(parse("--frob"), -1);
	CHECK_STR(d.message, "unknown option '--frob' for check");
	CHECK_INT(parse("--formats json"), -1);
	CHECK_STR(d.message, "unknown option '--formats' for check");
	CHECK_INT(parse("-x"), -1);
	CHECK_STR(d.message, "unknown option '-x' for check");
	CHECK_INT(parse("a.md -o"), -1);
	CHECK_STR(d.message, "-o needs a value");
	CHECK_INT(parse("--encoding"), -1);
	CHECK_STR(d.message, "--encoding needs a value");
	CHECK_INT(parse("-j0"), -1);
	CHECK_STR(d.message, "-j0 needs a number of workers from 1 to 256");
	CHECK_INT(parse("-j"), -1);
	CHECK_STR(d.message, "-j needs a number of workers from 1 to 256");
	CHECK_INT(parse("--jobs 257"), -1);
	CHECK_STR(d.message, "--jobs needs a number of workers from 1 to 256");
	CHECK_INT(parse("--jobs=2x"), -1);
	CHECK_STR(d.message, "--jobs=2x needs a number of workers from 1 to 256");
	CHECK_INT(parse("-j 99999999999999999999"), -1);
	CHECK_STR(d.message, "-j needs a number of workers from 1 to 256");
	CHECK_INT(parse("--jobs="), -1);
	CHECK_STR(d.message, "--jobs= needs a number of workers from 1 to 256");
	CHECK_INT(parse("--html=yes"), -1);
	CHECK_STR(d.message, "--html takes no value");
	CHECK_INT(parse("--pack a --pack b --pack c --pack d"), -1);
	CHECK_STR(d.message, "too many --pack options");
}

int main(void)
{
	test_forms();
	test_operands();
	test_misuse();
	return unit_done("opts");
}
