/*
 * yamlrd.h — the YAML reader: a report written by hand or by another
 * program (including `gouji dump --yaml`) with the keys of the data model.
 * A wrong type or an unknown key is an error at line:column; values given
 * become cells with status ok and the YAML node's position as provenance;
 * a `cells` map, when present, restores statuses, raw text and candidates.
 * Only this module includes yaml.h.
 */
#ifndef GJ_YAMLRD_H
#define GJ_YAMLRD_H

#include "model.h"
#include "util.h"

/* Parse text[0..len) (UTF-8) into r, which the caller made with
 * gj_report_new.  Returns 0, or -1 with d set (message, line, column). */
int gj_yaml_read(const char *text, size_t len, gj_report *r, gj_diag *d);

struct gj_value;

/* Parse a plain YAML document (a rule pack's manifest, the project config)
 * into a value tree: mappings, sequences, and scalars typed by YAML 1.2's
 * core schema (null, true/false, numbers; quoted scalars are strings).
 * Returns the tree (free with gj_value_free), or NULL with d set. */
struct gj_value *gj_yaml_parse(const char *text, size_t len, gj_diag *d);

#endif
