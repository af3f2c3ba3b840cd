/*
 * reader.c — dispatch a file to the YAML reader or the text pipeline
 * (normalise → sections → tables) after input.c has decoded it.
 */
#include "reader.h"
#include "detail.h"
#include "doc.h"
#include "yamlrd.h"

#include <stdio.h>
#include <string.h>

static gj_report *build(const char *path, gj_input *in, gj_diag *d)
{
	gj_report *r = gj_report_new();
	r->source_path = gj_xstrdup(path);
	r->source_kind = gj_xstrdup(gj_kind_name(in->kind));
	r->encoding = gj_xstrdup(in->encoding);
	int rc;
	if (in->kind == GJ_KIND_PDF)
		gj_report_find_pages(r, in->text, in->len);
	if (in->kind == GJ_KIND_YAML)
		rc = gj_yaml_read(in->text, in->len, r, d);
	else
		rc = gj_doc_read(in->text, in->len, in->kind, r, d);
	gj_input_release(in);
	if (rc != 0) {
		gj_report_free(r);
		return NULL;
	}
	return r;
}

gj_report *gj_reader_load(const char *path, const gj_input_options *opt, gj_diag *d)
{
	gj_input in;
	snprintf(d->file, sizeof d->file, "%s", path);
	d->line = d->column = 0;
	if (gj_input_read(path, opt, &in, d) != 0)
		return NULL;
	return build(path, &in, d);
}

gj_report *gj_reader_load_mem(const char *name, const char *bytes, size_t len,
			      const gj_input_options *opt, gj_diag *d)
{
	gj_input in;
	snprintf(d->file, sizeof d->file, "%s", name ? name : "-");
	d->line = d->column = 0;
	if (gj_input_read_mem(name, bytes, len, opt, &in, d) != 0)
		return NULL;
	return build(name ? name : "-", &in, d);
}
