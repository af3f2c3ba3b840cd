/*
 * cmd_dump.h — `gouji dump [--yaml | --cells] [--encoding ENC] FILE...`:
 * each report's data model as JSON, YAML or one cell a line.
 */
#ifndef GJ_CMD_DUMP_H
#define GJ_CMD_DUMP_H

/* argv holds what follows "dump".  Returns the exit code: 0, or 2 when a
 * file could not be read (the others are still dumped) or on misuse. */
int gj_cmd_dump(int argc, char **argv);

#endif
