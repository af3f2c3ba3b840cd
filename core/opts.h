/*
 * opts.h — the command line's options: one parser for every command, so
 * they all read options the same way.  An option is "--name value",
 * "--name=value", or for a short one "-o value" and "-ovalue"; "--" ends
 * the options (what follows is an operand even when it starts with "-");
 * "-" alone is an operand (stdin).  Options and operands may come in any
 * order.  Each command describes its options in a table.
 */
#ifndef GJ_OPTS_H
#define GJ_OPTS_H

#include "util.h"

typedef enum {
	GJ_OPT_FLAG,    /* no value: *(int *)target = set */
	GJ_OPT_STRING,  /* a value: *(const char **)target (the last one wins) */
	GJ_OPT_LIST,    /* a value, given again and again:
			 * ((const char **)target)[(*count)++], up to max */
	GJ_OPT_NUMBER   /* a whole number from min to max: *(int *)target;
			 * need says what it must be, for the message */
} gj_opt_kind;

typedef struct {
	const char *name;       /* "--format", or a short "-o" */
	const char *alias;      /* another name ("--jobs" for "-j"), or NULL */
	gj_opt_kind kind;
	void *target;
	int set;                /* GJ_OPT_FLAG: the value stored */
	int *count;             /* GJ_OPT_LIST: how many so far */
	long min, max;          /* GJ_OPT_NUMBER: the range; GJ_OPT_LIST: max */
	const char *need;       /* GJ_OPT_NUMBER: "a number of workers from 1 to 256" */
} gj_opt;

/* Read argv[0..argc) (what follows the command's name) by the table opts,
 * ended by an entry whose name is NULL.  Operands go to operands[] in
 * order (room for argc of them), their count to *noperands.  Returns 0,
 * or -1 with d->message set, e.g. "unknown option '--frob' for dump",
 * "-o needs a value", "-j0 needs a number of workers from 1 to 256",
 * "--html takes no value", "too many --pack options". */
int gj_opts_parse(const gj_opt *opts, const char *cmd, int argc, char **argv,
		  char **operands, int *noperands, gj_diag *d);

#endif
