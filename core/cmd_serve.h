/*
 * cmd_serve.h — the command `gouji serve`: its options, the engines it
 * checks with (the packs and config of `gouji check`), and the server's
 * life until SIGINT or SIGTERM (serve.h does the serving).
 */
#ifndef GJ_CMD_SERVE_H
#define GJ_CMD_SERVE_H

/* argv holds the arguments after "serve".  Returns the exit code. */
int gj_cmd_serve(int argc, char **argv);

#endif
