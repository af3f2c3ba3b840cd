/* doc_load.h — the unit tests' way to read a report from a string: the
 * text pipeline alone (gj_doc_read), no file, no decoding. */
#ifndef GJ_DOC_LOAD_H
#define GJ_DOC_LOAD_H

#include "doc.h"

#include <string.h>

static gj_report *load(const char *text, gj_kind kind)
{
	gj_report *r = gj_report_new();
	gj_diag d;
	memset(&d, 0, sizeof d);
	gj_doc_read(text, strlen(text), kind, r, &d);
	return r;
}

#endif
