/*
 * textcore.h — C helpers behind rules/lib/text.lua, given to rules and
 * scripts as the global table textcore: normalize(s), sentences(s),
 * cn_number(s), numbers(s, set, longest), similarity(a, b),
 * count_chars(s), has_any(s, words), strip_words(s, words, at_end).
 * text.lua documents them; call that module.  The Lua side of the core
 * (… → model → Lua); similarity and count_chars serve gouji diff too.
 */
#ifndef GJ_TEXTCORE_H
#define GJ_TEXTCORE_H

#include <stddef.h>

struct lua_State;

/* How alike two texts are, 0..1: the Dice coefficient of their character
 * bigrams after dropping white space and punctuation, full-width ASCII
 * read as ASCII.  text.similarity (X-SIMILAR) and gouji diff both use it.
 * Each text is cut at GJ_SIMILARITY_LIMIT characters. */
#define GJ_SIMILARITY_LIMIT 200000
double gj_text_similarity(const char *a, size_t alen, const char *b, size_t blen);

/* Characters other than white space (text.count_chars; gouji diff); a byte
 * that is not UTF-8 counts as one character. */
size_t gj_text_count_chars(const char *s, size_t len);

/* Push the table of functions (as luaopen_* do; returns 1).  sentences
 * keeps the lists it made, read-only, for the texts it saw last.  The
 * engine gives it to rules and scripts as the global textcore. */
int gj_textcore_open(struct lua_State *L);

#endif
