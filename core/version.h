/*
 * version.h — gouji's version, written here once: `gouji --version`
 * prints it and output scripts get it as run.version (the SARIF output's
 * tool.driver.version).  The manual page's header is checked against it
 * (tests/cli/version_manpage.cmd).
 */
#ifndef GJ_VERSION_H
#define GJ_VERSION_H

#define GJ_VERSION "0.1.0"

#endif
