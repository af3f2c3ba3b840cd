/*
 * opts.c — the command line's options (opts.h).  Only the commands
 * (cmd_*.c) call it; it reads argv, and says what is wrong in a
 * diagnostic rather than on stderr, so that it can be tested.
 */
#include "opts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The option arg names, and where its value starts when it is attached
 * ("--name=value", "-ovalue"); NULL when it names none. */
static const gj_opt *find(const gj_opt *opts, const char *arg, const char **attached)
{
	for (const gj_opt *o = opts; o->name; o++) {
		const char *names[2] = { o->name, o->alias };
		for (int k = 0; k < 2; k++) {
			const char *n = names[k];
			if (!n)
				continue;
			size_t len = strlen(n);
			if (strncmp(arg, n, len) != 0)
				continue;
			if (arg[len] == '\0') {
				*attached = NULL;
				return o;
			}
			if (n[1] != '-' && len == 2) {      /* -ovalue */
				*attached = arg + len;
				return o;
			}
			if (arg[len] == '=') {              /* --name=value */
				*attached = arg + len + 1;
				return o;
			}
		}
	}
	return NULL;
}

/* Store value for option o (as typed: arg).  -1 with d set. */
static int store(const gj_opt *o, const char *arg, const char *value, gj_diag *d)
{
	switch (o->kind) {
	case GJ_OPT_FLAG:
		*(int *)o->target = o->set;
		return 0;
	case GJ_OPT_STRING:
		*(const char **)o->target = value;
		return 0;
	case GJ_OPT_LIST:
		if (*o->count >= o->max) {
			gj_diag_set(d, 0, 0, "too many %s options", o->name);
			return -1;
		}
		((const char **)o->target)[(*o->count)++] = value;
		return 0;
	case GJ_OPT_NUMBER: {
		char *end = NULL;
		errno = 0;
		long n = value ? strtol(value, &end, 10) : 0;
		if (!value || !*value || *end || errno || n < o->min || n > o->max) {
			gj_diag_set(d, 0, 0, "%s needs %s", arg, o->need);
			return -1;
		}
		*(int *)o->target = (int)n;
		return 0;
	}
	}
	return -1;
}

int gj_opts_parse(const gj_opt *opts, const char *cmd, int argc, char **argv,
		  char **operands, int *noperands, gj_diag *d)
{
	*noperands = 0;
	int done = 0;           /* after "--": operands only */
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (done || arg[0] != '-' || arg[1] == '\0') {
			operands[(*noperands)++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			done = 1;
			continue;
		}
		const char *value = NULL;
		const gj_opt *o = find(opts, arg, &value);
		if (!o) {
			gj_diag_set(d, 0, 0, "unknown option '%s' for %s", arg, cmd);
			return -1;
		}
		if (o->kind == GJ_OPT_FLAG) {
			if (value) {
				gj_diag_set(d, 0, 0, "%s takes no value", o->name);
				return -1;
			}
		} else if (!value) {
			if (i + 1 >= argc) {
				if (o->kind == GJ_OPT_NUMBER)
					gj_diag_set(d, 0, 0, "%s needs %s", arg, o->need);
				else
					gj_diag_set(d, 0, 0, "%s needs a value", arg);
				return -1;
			}
			value = argv[++i];
		}
		if (store(o, arg, value, d) != 0)
			return -1;
	}
	return 0;
}
