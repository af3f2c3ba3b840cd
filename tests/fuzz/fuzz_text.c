/* fuzz_text.c — libFuzzer harness for the text pipeline: normalise, find
 * sections and tables, dump.  Input is taken as UTF-8 text of each kind. */
#include "doc.h"
#include "dump.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0 || !gj_utf8_valid((const char *)data, size))
		return 0;   /* input.c hands the pipeline valid UTF-8 only */
	char *text = gj_xstrndup((const char *)data, size);
	/* text, markdown, pdf, html */
	gj_kind kind = data[0] % 4 == 3 ? GJ_KIND_HTML : (gj_kind)(data[0] % 4);
	gj_report *r = gj_report_new();
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_doc_read(text, size, kind, r, &d);
	gj_buf out;
	gj_buf_init(&out);
	gj_dump_report(r, GJ_DUMP_JSON, &out);
	gj_buf_release(&out);
	gj_report_free(r);
	free(text);
	return 0;
}
