/*
 * config.c — reads gouji.yaml (config.h) into a gj_config: the document's
 * keys, the packs list, the limits and the shape of rules and parameters.
 * Everything the file says is checked here, before an engine exists, so
 * that a mistake is a one-line message naming the file and never a silent
 * default (a misspelt key, a limit of 0, "packs: ./x" that is not a list).
 */
#include "config.h"
#include "value.h"
#include "yamlrd.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(gj_diag *d, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Set d to a message about the config at path; returns -1. */
static int fail(gj_diag *d, const char *path, const char *fmt, ...)
{
	char msg[sizeof d->message];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	gj_diag_file(d, path);
	gj_diag_set(d, 0, 0, "%s", msg);
	return -1;
}

/* Is v a whole number from lo to hi?  A double is tested before any cast:
 * casting .inf or 1e300 to an integer type is undefined. */
static int whole_in(const struct gj_value *v, double lo, double hi)
{
	if (gj_value_type(v) != GJ_V_NUM)
		return 0;
	double x = gj_value_num(v);
	return x >= lo && x <= hi && floor(x) == x;
}

static int read_limits(const struct gj_value *lv, const char *path, gj_config *c,
		       gj_diag *d)
{
	if (gj_value_type(lv) == GJ_V_NULL)
		return 0;
	if (gj_value_type(lv) != GJ_V_OBJ)
		return fail(d, path, "'limits' must be a mapping: memory_mb, instructions, seconds");
	for (int i = 0; i < gj_value_len(lv); i++) {
		const char *k = gj_value_key(lv, i);
		const struct gj_value *v = gj_value_item(lv, i);
		if (strcmp(k, "memory_mb") == 0) {
			if (!whole_in(v, 1, GJ_CONFIG_MAX_MEMORY_MB))
				return fail(d, path, "limits: memory_mb must be a whole number from 1 to 65536");
			c->lim.memory = (size_t)gj_value_num(v) * 1024 * 1024;
		} else if (strcmp(k, "instructions") == 0) {
			if (!whole_in(v, GJ_CONFIG_MIN_INSTRUCTIONS, GJ_CONFIG_MAX_INSTRUCTIONS))
				return fail(d, path, "limits: instructions must be a whole number from 1000 to 1000000000000");
			c->lim.instructions = (long)gj_value_num(v);
		} else if (strcmp(k, "seconds") == 0) {
			if (!whole_in(v, 1, GJ_CONFIG_MAX_SECONDS))
				return fail(d, path, "limits: seconds must be a whole number from 1 to 86400");
			c->lim.seconds = (long)gj_value_num(v);
		} else {
			return fail(d, path, "unknown limit '%s' (memory_mb, instructions, seconds)", k);
		}
	}
	return 0;
}

/* The folder of path, with no trailing slash ("." when there is none). */
static void folder_of(const char *path, gj_buf *out)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		gj_buf_adds(out, ".");
	else if (slash == path)
		gj_buf_adds(out, "/");
	else
		gj_buf_add(out, path, (size_t)(slash - path));
}

static int read_packs(const struct gj_value *pv, const char *path, gj_config *c,
		      gj_diag *d)
{
	if (gj_value_type(pv) == GJ_V_NULL)
		return 0;
	if (gj_value_type(pv) != GJ_V_ARR)
		return fail(d, path, "'packs' must be a list of names or folders");
	int n = gj_value_len(pv);
	c->packs = gj_xcalloc((size_t)n + 1, sizeof *c->packs);
	for (int i = 0; i < n; i++) {
		const struct gj_value *p = gj_value_item(pv, i);
		if (gj_value_type(p) != GJ_V_STR || gj_value_str(p)[0] == '\0')
			return fail(d, path, "'packs' must be a list of names or folders");
		const char *name = gj_value_str(p);
		gj_buf b;
		gj_buf_init(&b);
		/* "national" is a bundled pack; a folder is relative to the config */
		if (strchr(name, '/') && name[0] != '/') {
			folder_of(path, &b);
			gj_buf_addc(&b, '/');
		}
		gj_buf_adds(&b, name);
		c->packs[c->npacks++] = gj_buf_detach(&b, NULL);
	}
	return 0;
}

static int read_rules(const struct gj_value *rv, const char *path, gj_config *c,
		      gj_diag *d)
{
	static const char *const settings[] = { "off", "on", "false", "true", "error",
						"warning", "info", NULL };
	if (gj_value_type(rv) == GJ_V_NULL)
		return 0;
	if (gj_value_type(rv) != GJ_V_OBJ)
		return fail(d, path, "'rules' must be a mapping of rule ids to off, on, error, warning or info");
	for (int i = 0; i < gj_value_len(rv); i++) {
		const struct gj_value *v = gj_value_item(rv, i);
		int ok = gj_value_type(v) == GJ_V_BOOL;
		for (int k = 0; !ok && settings[k] && gj_value_type(v) == GJ_V_STR; k++)
			ok = strcmp(gj_value_str(v), settings[k]) == 0;
		if (!ok)
			return fail(d, path, "rule '%s': use off, on, error, warning or info",
				    gj_value_key(rv, i));
	}
	c->rules = rv;
	return 0;
}

static int read_params(const struct gj_value *pv, const char *path, gj_config *c,
		       gj_diag *d)
{
	if (gj_value_type(pv) == GJ_V_NULL)
		return 0;
	if (gj_value_type(pv) != GJ_V_OBJ)
		return fail(d, path, "'parameters' must be a mapping");
	for (int i = 0; i < gj_value_len(pv); i++) {
		gj_vtype t = gj_value_type(gj_value_item(pv, i));
		if (t == GJ_V_ARR || t == GJ_V_OBJ)
			return fail(d, path, "parameter '%s' must be a number, a string or true/false",
				    gj_value_key(pv, i));
	}
	c->params = pv;
	return 0;
}

int gj_config_parse(const char *text, size_t len, const char *path,
		    gj_config *c, gj_diag *d)
{
	static const char *const keys[] = { "packs", "rules", "parameters", "limits", NULL };
	memset(c, 0, sizeof *c);
	c->root = gj_yaml_parse(text, len, d);
	if (!c->root) {
		gj_diag_file(d, path);
		return -1;
	}
	if (gj_value_type(c->root) == GJ_V_NULL)
		return 0;   /* an empty file, or only comments */
	if (gj_value_type(c->root) != GJ_V_OBJ)
		return fail(d, path, "a config must be a YAML mapping");
	for (int i = 0; i < gj_value_len(c->root); i++) {
		const char *k = gj_value_key(c->root, i);
		int known = 0;
		for (int j = 0; keys[j]; j++)
			known |= strcmp(k, keys[j]) == 0;
		if (!known)
			return fail(d, path, "unknown key '%s'", k);
		/* a key given twice would leave one of them unread */
		for (int j = 0; j < i; j++)
			if (strcmp(gj_value_key(c->root, j), k) == 0)
				return fail(d, path, "key '%s' given twice", k);
	}
	const struct gj_value *v;
	if ((v = gj_value_get(c->root, "limits")) && read_limits(v, path, c, d) != 0)
		return -1;
	if ((v = gj_value_get(c->root, "packs")) && read_packs(v, path, c, d) != 0)
		return -1;
	if ((v = gj_value_get(c->root, "rules")) && read_rules(v, path, c, d) != 0)
		return -1;
	if ((v = gj_value_get(c->root, "parameters")) && read_params(v, path, c, d) != 0)
		return -1;
	return 0;
}

int gj_config_load(const char *path, gj_config *c, gj_diag *d)
{
	memset(c, 0, sizeof *c);
	size_t len;
	gj_diag why;
	memset(&why, 0, sizeof why);
	char *text = gj_read_file(path, GJ_CONFIG_MAX_BYTES, &len, &why);
	if (!text) {
		gj_diag_set(d, 0, 0, "cannot read config '%s': %s", path, why.message);
		return -1;
	}
	int rc = gj_config_parse(text, len, path, c, d);
	free(text);
	return rc;
}

void gj_config_release(gj_config *c)
{
	for (int i = 0; i < c->npacks; i++)
		free(c->packs[i]);
	free(c->packs);
	gj_value_free(c->root);
	memset(c, 0, sizeof *c);
}
