/*
 * config.h — the project config, gouji.yaml: which packs to load, rules
 * switched off or re-tuned, parameters, and the sandbox's limits.  This
 * module reads and checks the file's shape; whether a rule or parameter
 * exists is the engine's business (gj_engine_configure), since only the
 * loaded packs know.
 *
 *   packs: [national, ./packs/my-district]   # relative to the config's folder
 *   rules: {S-SECTIONS: warning, T-MISSING: off}
 *   parameters: {overview_max_chars: 1200}
 *   limits: {memory_mb: 64, instructions: 50000000, seconds: 60}
 *
 * Ownership: a gj_config owns its pack paths and value trees;
 * gj_config_release frees them.
 */
#ifndef GJ_CONFIG_H
#define GJ_CONFIG_H

#include "sandbox.h"
#include "util.h"

#include <stddef.h>

struct gj_value;

/* Bounds on limits: a config outside them is refused, not clamped. */
#define GJ_CONFIG_MAX_MEMORY_MB 65536L
#define GJ_CONFIG_MIN_INSTRUCTIONS 1000L
#define GJ_CONFIG_MAX_INSTRUCTIONS 1000000000000L
#define GJ_CONFIG_MAX_SECONDS 86400L
#define GJ_CONFIG_MAX_BYTES ((size_t)1024 * 1024)   /* a config file */

typedef struct {
	gj_limits lim;                  /* 0 where the config sets none */
	char **packs;                   /* names, or folders made relative to
	                                 * the config's folder */
	int npacks;                     /* 0: the config names none */
	const struct gj_value *rules;   /* a mapping of id to setting, or NULL */
	const struct gj_value *params;  /* a mapping of name to scalar, or NULL */
	struct gj_value *root;          /* the document; owns rules and params */
} gj_config;

/* Parse and check the text of a config; path names it in messages, and
 * its folder is where relative pack folders start.  Returns 0, or -1 with
 * d set (d->file is path; line and column when the YAML itself is at
 * fault).  c must be released either way. */
int gj_config_parse(const char *text, size_t len, const char *path,
		    gj_config *c, gj_diag *d);

/* The same for a file. */
int gj_config_load(const char *path, gj_config *c, gj_diag *d);

void gj_config_release(gj_config *c);

#endif
