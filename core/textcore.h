/*
 * textcore.h — C helpers behind rules/lib/text.lua, given to scripts as
 * the global table textcore: normalize(s), sentences(s), cn_number(s),
 * numbers(s, set, longest).  text.lua documents them; call that module.
 */
#ifndef GJ_TEXTCORE_H
#define GJ_TEXTCORE_H

#include "sandbox.h"

/* Push the table of functions on the sandbox's stack.  sentences keeps
 * the lists it made, read-only, for the texts it saw last. */
void gj_textcore_push(gj_sandbox *sb);

#endif
