-- N-APPEALS — 正文所说行政复议、行政诉讼的件数和结果与表四一致。
-- The narrative's counts and outcomes of 行政复议 and 行政诉讼 match 表四.
--
-- 每个句子分四步核对（下面四个函数，各管一种说法）：
--   check_counts    “行政复议 3 件”与表四总计
--   check_outcomes  其后逐项的“其中结果维持 2 件……”与表四各栏
--   check_none      “未发生行政复议”时表四应为 0
--   check_all_upheld “均获维持”时结果维持应等于总计
-- Each sentence is checked in four steps, one function each (above).

local narrative = require("narrative")
local names = require("names")

-- 正文的说法。要增加新的说法，在相应的表里加一行。
-- The phrasings; add a line to the right list for a new one.

-- 案件种类 / the kinds of case and 表四's blocks they add up
local kinds = {
  { word = "行政复议", name = "行政复议", blocks = { "review" } },
  { word = "行政诉讼", name = "行政诉讼", blocks = { "suit_direct", "suit_after_review" } },
}

-- 件数的单位 / units of a count of cases
local units = { "件", "起", "宗", "个", "次", "例" }

-- 说“没有发生”的字样，在同一分句中、案件种类之前
-- "there were none", in the same clause before the kind of case
local none_before = { "未发生", "没有", "无", "未有", "未出现", "未收到", "未产生", "未涉及", "零" }
-- ……或在其后 / … or after it
local none_after = { "为零", "为 0", "为0" }
-- 分句中有这些字时，“没有”说的是纠错、败诉等，不是案件数
-- With these in the clause, "none" is about corrections or lost cases
local none_about_other = { "纠", "败诉", "撤销", "率", "确认违法" }

-- 说“全部维持”的字样 / "all upheld"
local all_upheld = { "均获维持", "均维持", "全部维持", "均被维持", "均予维持", "均予以维持",
                     "均胜诉", "全部胜诉" }

-- 结果的分项（“其中结果维持 72 件……”）/ outcomes given one by one
local outcomes = {
  { word = "维持", column = "upheld" },
  { word = "纠正", column = "corrected" },
  { word = "其他结果", column = "other" },
  { word = "未审结", column = "pending" },
}

-- the clauses of s (split at ，,；;) with their start positions
local clause_marks = { "，", ",", "；", ";" }
local function clauses(s)
  local list, from = {}, 1
  while true do
    -- the nearest mark from here on
    local a, b
    for _, mark in ipairs(clause_marks) do
      local x, y = s:find(mark, from, true)
      if x and (not a or x < a) then a, b = x, y end
    end
    if not a then break end
    list[#list + 1] = { text = s:sub(from, a - 1), pos = from }
    from = b + 1
  end
  list[#list + 1] = { text = s:sub(from), pos = from }
  return list
end

-- 一个句子的核对所需：报告、表四的数、句子和定位
-- What each step needs: the report's figures, the sentence, where it is.
local function context(report, params, part, sentence, add)
  local ctx = { sentence = sentence.text, add = add, path = "sections." .. part.number }
  -- 表四中几块某一列之和，读不到时为 nil / a column summed over blocks
  function ctx.figure(kind, column)
    return narrative.sum(report, "appeals", kind.blocks, column, params)
  end
  -- the text at pos (length len) of the sentence, as add{ text = … } wants
  function ctx.at(pos, len)
    return narrative.span(part.section.text, sentence.pos + pos - 1, len)
  end
  return ctx
end

-- “行政复议 N 件”之后、下一种案件之前，逐项说的结果与表四各栏
-- Outcomes one by one after a count, up to the next kind of case.
local function check_outcomes(ctx, kind, from)
  local s = ctx.sentence
  local to = #s + 1
  for _, other in ipairs(kinds) do
    local o = s:find(other.word, from, true)
    if o and o < to then to = o end
  end
  local region = s:sub(from, to - 1)
  for _, outcome in ipairs(outcomes) do
    local want = ctx.figure(kind, outcome.column)
    for _, o in ipairs(narrative.counts(region, outcome.word, units, 2)) do
      if want ~= nil and o.pos > o.at and o.value ~= want then
        ctx.add{ path = ctx.path, text = ctx.at(from + o.pos - 1, #o.text),
                 message = string.format("正文称%s%s %s 件，但表四为 %s 件 (the text says %s, 表四 says %s)",
                                         kind.name, names.appeal_column[outcome.column],
                                         o.value, want, o.value, want) }
      end
    end
  end
end

-- “行政复议 N 件”与表四总计；相符时再看逐项的结果。返回说了件数的种类。
-- Counts against 表四's totals, and when they agree the outcomes after
-- them.  Returns the kinds the sentence gave a count of.
local function check_counts(ctx)
  local counted = {}
  for _, kind in ipairs(kinds) do
    local total = ctx.figure(kind, "total")
    for _, c in ipairs(narrative.counts(ctx.sentence, kind.word, units, 6)) do
      counted[kind.word] = true
      if total ~= nil and c.value ~= total then
        ctx.add{ path = ctx.path, text = ctx.at(c.pos, #c.text),
                 message = string.format("正文称%s %s 件，但表四%s总计为 %s 件 (the text says %s, 表四 says %s)",
                                         kind.name, c.value, kind.name, total, c.value, total) }
      elseif total ~= nil then
        check_outcomes(ctx, kind, c.pos + #c.text)
      end
    end
  end
  return counted
end

-- “未发生行政复议、行政诉讼”：表四应为 0（已说了件数的种类不再看）
-- "none": 表四 must say 0 (kinds the sentence counted are left alone).
local function check_none(ctx, counted)
  for _, clause in ipairs(clauses(ctx.sentence)) do
    local c = clause.text
    if not narrative.has_any(c, none_about_other) then
      for _, kind in ipairs(kinds) do
        local k = c:find(kind.word, 1, true)
        if k and not counted[kind.word] then
          local none = narrative.has_any(c:sub(1, k - 1), none_before)
                       or narrative.has_any(c:sub(k), none_after)
          local total = ctx.figure(kind, "total")
          if none and total ~= nil and total ~= 0 then
            ctx.add{ path = ctx.path, text = ctx.at(clause.pos + k - 1, #kind.word),
                     message = string.format("正文称无%s，但表四%s总计为 %s 件 (the text says none, 表四 says %s)",
                                             kind.name, kind.name, total, total) }
          end
        end
      end
    end
  end
end

-- “均获维持”：表四结果维持应等于总计（“胜诉”只说行政诉讼）
-- "all upheld": 结果维持 must equal 总计 ("胜诉" is said of suits only).
local function check_all_upheld(ctx)
  local s = ctx.sentence
  for _, phrase in ipairs(all_upheld) do
    local p = s:find(phrase, 1, true)
    if p then
      for _, kind in ipairs(kinds) do
        local k = s:find(kind.word, 1, true)
        local suits_only = phrase:find("胜诉", 1, true) and kind.word ~= "行政诉讼"
        local total, upheld = ctx.figure(kind, "total"), ctx.figure(kind, "upheld")
        if k and k < p and not suits_only and total and upheld and total > 0
            and upheld ~= total then
          ctx.add{ path = ctx.path, text = ctx.at(p, #phrase),
                   message = string.format("正文称%s%s，但表四%s总计 %s 件中结果维持 %s 件 (the text says all upheld, 表四 says %s of %s)",
                                           kind.name, phrase, kind.name, total, upheld, upheld, total) }
        end
      end
    end
  end
end

rule {
  id = "N-APPEALS",
  severity = "warning",
  title = "正文行政复议、行政诉讼情况与表四一致 / the narrative's appeals match 表四",
  description = [[
正文说发生行政复议多少件、行政诉讼多少件（“发生行政复议案件3件”“行政诉讼2起”），
应分别等于表四行政复议的总计、行政诉讼两栏（未经复议直接起诉、复议后起诉）总计
之和；说“无行政复议”“未发生行政复议、行政诉讼”时，表四应为 0；说“均获维持”
“全部胜诉”时，表四结果维持应等于总计；逐项说“其中结果维持 N 件、结果纠正 N 件……”
时，各项应与表四相应栏一致。与上年比较或累计的数不核对。

The narrative's count of 行政复议 and 行政诉讼 cases must equal 表四's
review total and the two suit totals added; "无行政复议" or
"未发生行政复议、行政诉讼" needs 0 in 表四; "均获维持"/"全部胜诉" needs
结果维持 = 总计; outcomes given one by one (其中结果维持 N 件…) must match
their columns. Comparisons with last year and running totals are not
checked.]],

  check = function(report, add, params)
    if not names.has_table(report, "appeals") then return end
    for _, part in ipairs(narrative.sections(report)) do
      for _, sentence in ipairs(part.sentences) do
        local s = sentence.text
        local about = s:find("行政复议", 1, true) or s:find("行政诉讼", 1, true)
        if about and not narrative.not_this_year(s, report.year) then
          local ctx = context(report, params, part, sentence, add)
          local counted = check_counts(ctx)
          check_none(ctx, counted)
          check_all_upheld(ctx)
        end
      end
    end
  end,
}
