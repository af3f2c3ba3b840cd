/* fuzz_textcore.c — libFuzzer harness for core/textcore.c, the C behind
 * rules/lib/text.lua: normalize, sentences, cn_number, numbers,
 * similarity, has_any and strip_words, called from Lua in the sandbox on
 * the fuzz input, as a rule would call them on a report's text.
 *
 * A Lua error (the memory cap) is a fine outcome.  A crash, a hang or a
 * broken promise is not: every sentence and every number must be the
 * text found at its byte position (text.lua's contract), the
 * similarity of a text with itself must be 1 or 0, and has_any and
 * strip_words must answer as the Lua loops they replace. */
#include "sandbox.h"
#include "textcore.h"

#include <lua.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char driver[] =
	"local s = ...\n"
	"local fixed = textcore.normalize(s)\n"
	"local units = { ['件'] = true, ['万元'] = true, ['%'] = true, ['人次'] = true }\n"
	"for _, n in ipairs(textcore.numbers(s, units, 2)) do\n"
	"  if type(n.value) ~= 'number' or type(n.pos) ~= 'number' then return 'bad entry' end\n"
	"end\n"
	"local list = textcore.sentences(s)\n"
	"if textcore.sentences(s) ~= list then return 'not kept' end\n"
	"textcore.cn_number(s)\n"
	"local sim = textcore.similarity(s, s)\n"
	"if sim ~= 1 and sim ~= 0 then return 'similarity with itself ' .. sim end\n"
	"textcore.similarity(s, fixed)\n"
	"-- positions, checked on valid UTF-8 (invalid bytes are repaired first)\n"
	"if utf8.len(s) then\n"
	"  for _, x in ipairs(list) do\n"
	"    if s:sub(x.pos, x.pos + #x.text - 1) ~= x.text then return 'sentence pos' end\n"
	"  end\n"
	"  for _, n in ipairs(textcore.numbers(s, units, 2)) do\n"
	"    if s:sub(n.pos, n.pos + #n.text - 1) ~= n.text then return 'number pos' end\n"
	"  end\n"
	"end\n"
	"-- has_any and strip_words answer as their Lua loops, on words cut\n"
	"-- from the input itself (so that they are found)\n"
	"local words = {}\n"
	"for i = 1, math.min(#s, 24), 3 do words[#words + 1] = s:sub(i, i + (i % 4)) end\n"
	"local any = false\n"
	"for _, w in ipairs(words) do if s:find(w, 1, true) then any = true end end\n"
	"if textcore.has_any(s, words) ~= any then return 'has_any' end\n"
	"for _, at_end in ipairs({ false, true }) do\n"
	"  local t, changed = s, true\n"
	"  while changed do\n"
	"    changed = false\n"
	"    for _, w in ipairs(words) do\n"
	"      if #w > 0 and not at_end and t:sub(1, #w) == w then t, changed = t:sub(#w + 1), true\n"
	"      elseif #w > 0 and at_end and #t >= #w and t:sub(-#w) == w then t, changed = t:sub(1, -#w - 1), true end\n"
	"    end\n"
	"  end\n"
	"  if textcore.strip_words(s, words, at_end) ~= t then return 'strip_words' end\n"
	"end\n"
	"return 'ok'\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gj_limits lim = { 32u * 1024 * 1024, 20000000L, 0 };
	gj_sandbox *sb = gj_sandbox_new(&lim);
	if (!sb)
		abort();
	/* textcore as the engine gives it */
	gj_textcore_open(gj_sandbox_lua(sb));
	gj_sandbox_define(sb, "textcore");
	gj_diag d;
	memset(&d, 0, sizeof d);
	if (gj_sandbox_load(sb, driver, sizeof driver - 1, "=fuzz", &d) != 0) {
		fprintf(stderr, "fuzz_textcore: %s\n", d.message);
		abort();
	}
	lua_State *L = gj_sandbox_lua(sb);
	lua_pushlstring(L, (const char *)data, size);
	if (gj_sandbox_call(sb, 1, 1, &d) == 0) {
		const char *r = lua_tostring(L, -1);
		if (!r || strcmp(r, "ok") != 0) {
			fprintf(stderr, "fuzz_textcore: %s\n", r ? r : "(no result)");
			abort();
		}
	}
	gj_sandbox_free(sb);
	return 0;
}
