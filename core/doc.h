/*
 * doc.h — read a report given as text (plain, Markdown, or a PDF's text
 * layer) into the model: metadata header, title, agency, year, publication
 * date, the six sections, the format, then the tables (tables.c).  The YAML
 * reader (yamlrd.c) is the other way in.
 */
#ifndef GJ_DOC_H
#define GJ_DOC_H

#include <stddef.h>
#include "input.h"
#include "model.h"
#include "util.h"

/* Fill r from utf8[0..len) of the given kind.  Returns 0; a report with no
 * recognisable content still loads (sections and tables missing, notes
 * saying so). */
int gj_doc_read(const char *utf8, size_t len, gj_kind kind, gj_report *r,
		gj_diag *d);

#endif
