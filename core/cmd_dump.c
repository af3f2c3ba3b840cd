/*
 * cmd_dump.c — `gouji dump`: read each file and print its data model.
 */
#include "cmd_dump.h"
#include "cli.h"
#include "dump.h"
#include "opts.h"
#include "reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int gj_cmd_dump(int argc, char **argv)
{
	int fmt = GJ_DUMP_JSON;
	gj_input_options in = { NULL, 0 };
	const gj_opt opts[] = {
		{ "--yaml", NULL, GJ_OPT_FLAG, &fmt, GJ_DUMP_YAML, NULL, 0, 0, NULL },
		{ "--cells", NULL, GJ_OPT_FLAG, &fmt, GJ_DUMP_CELLS, NULL, 0, 0, NULL },
		{ "--json", NULL, GJ_OPT_FLAG, &fmt, GJ_DUMP_JSON, NULL, 0, 0, NULL },
		{ "--encoding", NULL, GJ_OPT_STRING, &in.encoding, 0, NULL, 0, 0, NULL },
		{ NULL, NULL, 0, NULL, 0, NULL, 0, 0, NULL }
	};
	char **files = gj_xcalloc((size_t)argc + 1, sizeof *files);
	int nfiles;
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_opts_parse(opts, "dump", argc, argv, files, &nfiles, &d) != 0) {
		gj_print_diag(&d);
		free(files);
		return 2;
	}
	if (nfiles == 0) {
		fprintf(stderr, "gouji: dump needs at least one FILE\n");
		free(files);
		return 2;
	}
	int failed = 0;
	for (int i = 0; i < nfiles; i++) {
		memset(&d, 0, sizeof d);
		gj_report *r = gj_reader_load(files[i], &in, &d);
		if (!r) {
			gj_print_diag(&d);
			failed = 1;
			continue;
		}
		gj_buf out;
		gj_buf_init(&out);
		gj_dump_report(r, (gj_dump_format)fmt, &out);
		if (out.len)
			fwrite(out.data, 1, out.len, stdout);
		fflush(stdout);
		gj_buf_release(&out);
		gj_report_free(r);
	}
	free(files);
	return failed ? 2 : 0;
}
