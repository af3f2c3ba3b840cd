/* fuzz_template.c — libFuzzer harness for the template compiler
 * (scripts/lib/template.lua).  Each input is a template source; the output
 * script tests/fuzz/fuzz_template.lua compiles it and renders it on a fixed
 * data set, inside the sandbox with small limits, through the same engine
 * call as `gouji check --format`.
 *
 * A Lua error is a fine outcome.  A crash, a hang (libFuzzer's -timeout),
 * memory without bound (-rss_limit_mb) or an error that does not name the
 * template is not.  GJ_TOP, set by the Makefile, is the source tree. */
#include "dump.h"
#include "engine.h"
#include "yamlrd.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef GJ_TOP
#define GJ_TOP "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read once: the driver script and the report the data is made from. */
static char *driver;
static size_t driver_len;
static gj_value *summary;

static void setup(void)
{
	gj_diag d;
	memset(&d, 0, sizeof d);
	driver = gj_read_file(GJ_TOP "/tests/fuzz/fuzz_template.lua", 1 << 20, &driver_len, &d);
	size_t len;
	char *yaml = gj_read_file(GJ_TOP "/examples/shapotou_gxj_2022.yaml", 1 << 20, &len, &d);
	if (!driver || !yaml) {
		fprintf(stderr, "fuzz_template: cannot read the driver or the example under %s\n",
			GJ_TOP);
		abort();
	}
	gj_report *r = gj_report_new();
	memset(&d, 0, sizeof d);
	if (gj_yaml_read(yaml, len, r, &d) != 0) {
		fprintf(stderr, "fuzz_template: example: %s\n", d.message);
		abort();
	}
	summary = gj_report_summary(r);
	gj_report_free(r);
	free(yaml);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!driver)
		setup();
	/* run.failures[1].message is a C string: the source ends at a NUL */
	char *source = gj_xstrndup((const char *)data, size);
	gj_failure fail = { "fuzz.md", "FUZZ", source };
	gj_value *reports[1] = { summary };
	gj_results res;
	memset(&res, 0, sizeof res);
	res.failures = &fail;
	res.nfailures = 1;
	res.reports = reports;
	res.nreports = 1;

	gj_limits lim = { 16u * 1024 * 1024, 5000000L, 0 };
	gj_engine *e = gj_engine_new(&lim);
	if (!e)
		abort();
	gj_buf out;
	gj_buf_init(&out);
	gj_diag d;
	memset(&d, 0, sizeof d);
	int rc = gj_engine_render(e, driver, driver_len, "fuzz_template.lua",
				  GJ_TOP "/scripts/lib", &res, &out, &d);
	if (rc == 0 && out.len > 9 && memcmp(out.data, "\0UNNAMED\0", 9) == 0 &&
	    !strstr(out.data + 9, "not enough memory")) {
		fprintf(stderr, "fuzz_template: an error that does not name the template: %s\n",
			out.data + 9);
		abort();
	}
	gj_buf_release(&out);
	gj_engine_free(e);
	free(source);
	return 0;
}
