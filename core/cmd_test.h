/*
 * cmd_test.h — `gouji test PACK...`: run a pack's own tests, fixtures in
 * PACK/tests with the findings each must and must not produce.
 */
#ifndef GJ_CMD_TEST_H
#define GJ_CMD_TEST_H

/* argv holds what follows "test".  Prints "N passed, N failed"; returns
 * the exit code: 0 all passed, 1 a test failed, 2 a pack cannot load. */
int gj_cmd_test(int argc, char **argv);

#endif
