/*
 * cmd_rules.h — `gouji rules [--pack P]... [--config FILE]`: the rules in
 * force, and `gouji explain [--pack P]... [--config FILE] ID`: what one
 * checks and why.
 */
#ifndef GJ_CMD_RULES_H
#define GJ_CMD_RULES_H

/* argv holds what follows the command's name.  Return the exit code: 0,
 * or 2 on misuse, a pack or config that cannot be loaded, an unknown ID. */
int gj_cmd_rules(int argc, char **argv);
int gj_cmd_explain(int argc, char **argv);

#endif
