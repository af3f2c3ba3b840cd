/*
 * reader.h — one door from a file to a report: input.c reads and decodes
 * it, then yamlrd.c or doc.c (with tables.c) builds the model.
 */
#ifndef GJ_READER_H
#define GJ_READER_H

#include "input.h"
#include "model.h"
#include "util.h"

/* Load path.  Returns a report the caller frees with gj_report_free, or NULL
 * with d set (d->line/column for YAML errors; the message does not name the
 * file: d->file holds it). */
gj_report *gj_reader_load(const char *path, const gj_input_options *opt, gj_diag *d);

/* The same for bytes in memory (name picks the kind by extension). */
gj_report *gj_reader_load_mem(const char *name, const char *bytes, size_t len,
			      const gj_input_options *opt, gj_diag *d);

#endif
