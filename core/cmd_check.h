/*
 * cmd_check.h — `gouji check [options] PATH...`: run the rule packs on
 * each report (folders walked, --files-from lists read), N at a time, and
 * hand the findings to an output script in the order the reports were
 * given.
 */
#ifndef GJ_CMD_CHECK_H
#define GJ_CMD_CHECK_H

/* argv holds what follows "check".  Returns the exit code: 0 no
 * error-level finding, 1 error-level findings, 2 usage or input error,
 * 3 a rule or the output script failed. */
int gj_cmd_check(int argc, char **argv);

#endif
