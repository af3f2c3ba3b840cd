/*
 * textcore.h — C helpers behind rules/lib/text.lua, given to scripts as
 * the global table textcore: normalize(s), sentences(s), cn_number(s),
 * numbers(s, set, longest).  text.lua documents them; call that module.
 */
#ifndef GJ_TEXTCORE_H
#define GJ_TEXTCORE_H

struct lua_State;

/* Push the table of functions. */
void gj_textcore_push(struct lua_State *L);

#endif
