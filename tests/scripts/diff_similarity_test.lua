-- diff_similarity_test.lua — gouji diff computes each part's similarity in
-- C (core/diff.c); text.similarity (rules/lib/text.lua, used by X-SIMILAR)
-- computes it in Lua.  They must give the same number:
--   gouji diff --format tests/scripts/diff_similarity_test.lua LAST THIS
-- Prints one line per part with both values, then "N agree, M differ".

local run, emit = ...
local text = require("text")

local agree, differ = 0, 0
for _, s in ipairs(run.sections) do
  if s.similarity == nil then
    emit(string.format("part %d: missing in a year\n", s.number))
  else
    local lua = text.similarity(s.this_text, s.last_text)
    local same = lua == s.similarity
    if same then agree = agree + 1 else differ = differ + 1 end
    emit(string.format("part %d: C %.17g, text.lua %.17g%s\n", s.number,
                       s.similarity, lua, same and "" or "  DIFFER"))
  end
end
emit(string.format("%d agree, %d differ\n", agree, differ))
