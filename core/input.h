/*
 * input.h — the first stage of the pipeline: take a file as published and
 * give the rest of the core valid UTF-8 text.  Detects the kind of file
 * (PDF, YAML, Markdown, plain text), the encoding (UTF-8 with or without
 * BOM, GB18030/GBK), refuses what is not a report (empty, binary, neither
 * UTF-8 nor GB18030, too large), and runs the PDF text extractor.
 *
 * Ownership: gj_input_release frees what gj_input_read filled.
 */
#ifndef GJ_INPUT_H
#define GJ_INPUT_H

#include <stddef.h>
#include "util.h"

typedef enum {
	GJ_KIND_TEXT,
	GJ_KIND_MARKDOWN,
	GJ_KIND_PDF,
	GJ_KIND_YAML,
	GJ_KIND_HTML
} gj_kind;

/* "text", "markdown", "pdf", "yaml", "html" */
const char *gj_kind_name(gj_kind k);

/* 1 when a file's name is one gouji reads reports from (.md, .txt, .pdf,
 * .yaml, .html …, in any case): what a folder's walk takes. */
int gj_input_report_name(const char *name);

typedef struct {
	const char *encoding;   /* NULL = detect; "utf-8", "gb18030" */
	size_t max_bytes;       /* 0 = default (64 MiB) */
} gj_input_options;

typedef struct {
	gj_kind kind;
	const char *encoding;   /* static: "utf-8", "gb18030" or "utf-16" */
	char *text;             /* UTF-8, NUL-terminated, BOM removed,
	                         * CRLF and lone CR turned into LF */
	size_t len;
} gj_input;

/*
 * Read path into in.  Returns 0, or -1 with d->message set to a one-line,
 * lower-case message without the file name (the caller prefixes it), e.g.
 * "empty file", "binary file (NUL bytes)", "not UTF-8 or GB18030 text",
 * "PDF has no text layer", "cannot read PDF: ...", "file too large
 * (N bytes, limit M)".
 */
int gj_input_read(const char *path, const gj_input_options *opt, gj_input *in,
		  gj_diag *d);
/* The same for bytes already in memory; name is used to pick the kind by
 * extension (may be NULL).  PDF bytes are written to a temporary file for
 * the extractor. */
int gj_input_read_mem(const char *name, const char *bytes, size_t len,
		      const gj_input_options *opt, gj_input *in, gj_diag *d);
void gj_input_release(gj_input *in);

#endif
