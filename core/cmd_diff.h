/*
 * cmd_diff.h — `gouji diff [--format F] [-o FILE] [--html] [--encoding
 * ENC] LAST THIS`: last year's report against this year's (diff.h), run
 * through an output script.
 */
#ifndef GJ_CMD_DIFF_H
#define GJ_CMD_DIFF_H

/* argv holds what follows "diff".  Returns the exit code: 0, 2 usage or
 * input error, 3 the output script failed. */
int gj_cmd_diff(int argc, char **argv);

#endif
