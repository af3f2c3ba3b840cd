-- N-RESTATED — 正文中同一个数量前后说了两次，数字却不同。
-- One quantity stated twice in the narrative with different numbers.

local text = require("text")
local narrative = require("narrative")

-- 怎样算“同一个数量”（两种，任一相同即是）：
-- What makes two mentions "the same quantity" (either way):
--
-- 1. 同一个带引号的名称（“沙坡头工信”、《……》）后 12 字以内，宾语（数字前
--    两个字，如“信息”）和单位相同：
--      利用微信公众号“沙坡头工信”，全年推送信息204条
--      政务新媒体“沙坡头工信”共公开各类信息 202 条
--    The same quoted name, at most 12 characters before the number, with
--    the same object (the two characters before the number) and unit.
-- 2. 数字前的整个分句（去掉“全年”“共”等）相同，且至少 6 个字：
--      主动公开政府信息 1136 条 …… 主动公开政府信息 1163 条
--    The same clause before the number (less 全年, 共 …), 6 characters
--    or more.
local quote_reach = 12
local min_phrase = 6

-- 分句首尾可去掉的字 / words dropped from the ends of the clause
local lead_fillers = { "全年", "本年度", "本年", "今年", "年度", "年", "共计", "共", "合计", "总计", "我局", "我区", "我市", "我县", "我镇" }
local tail_fillers = { "共计", "共", "达到", "达", "为", "计", "约", "有" }

-- 有这些字的句子说的是比较或累计，不收 / comparisons, running totals
local skip_words = { "同比", "上年", "去年", "较", "增长", "增加", "减少", "下降", "累计", "截至", "截止" }

local quote_ends = { "”", "》", "」", "』" }
local quote_pairs = { ["”"] = "“", ["》"] = "《", ["」"] = "「", ["』"] = "『" }

-- the last two characters of s / 末两字
local function last_two(s)
  local n = utf8.len(s) or 0
  if n < 2 then return nil end
  return s:sub(utf8.offset(s, n - 1))
end

-- the keys of the number n of sentence s (prev_end: where the number
-- before it ends)
local function keys_of(s, n, prev_end)
  local keys = {}
  local before = s:sub(prev_end, n.pos - 1)
  -- 1. a quoted name
  local best, best_end
  for _, mark in ipairs(quote_ends) do
    local at = 1
    while true do
      local a, b = before:find(mark, at, true)
      if not a then break end
      if not best_end or b > best_end then best, best_end = mark, b end
      at = b + 1
    end
  end
  if best then
    local name
    local from = 1
    while true do
      local a, b = before:find(quote_pairs[best], from, true)
      if not a or a > best_end then break end
      name, from = before:sub(b + 1, best_end - #best), b + 1
    end
    local gap = narrative.between(before, best_end + 1, #before + 1)
    gap = text.strip_words(gap, tail_fillers, true)
    local object = last_two(gap)
    if name and name ~= "" and object and (utf8.len(gap) or 99) <= quote_reach then
      keys[#keys + 1] = "“" .. name .. "”" .. object .. "|" .. n.unit
    end
  end
  -- 2. the clause
  local clause = narrative.clause_before(before, #before + 1)
  local c = text.normalize(clause):gsub("%s", "")
  c = c:gsub("、", "")
  c = text.strip_words(text.strip_words(c, lead_fillers), tail_fillers, true)
  if (utf8.len(c) or 0) >= min_phrase and not c:find("%d") and not narrative.has_any(c, { "其中", "分别" }) and not narrative.has_any(c, { "“", "”", "《", "》" }) then
    keys[#keys + 1] = c .. "|" .. n.unit
  end
  return keys
end

rule {
  id = "N-RESTATED",
  severity = "info",
  title = "同一数量前后说法一致 / a quantity stated twice is stated the same",
  description = [[
报告常在“一、总体情况”和“六、其他需要报告的事项”中重复同一个数量，例如同一个
微信公众号的推送条数。同一个数量前后两次给出不同的数字时给出提示。“同一个数量”
从严认定：同一个带引号的名称（“沙坡头工信”）之后、数字前两个字和单位都相同；或
数字前的整个分句（去掉“全年”“共”等字）相同且不少于 6 个字。与上年比较或累计的
句子、约数、百分比不收。真实报告中曾在第一部分写推送信息 204 条，在第六部分写
202 条。

Reports often repeat a quantity in part 一 and part 六, e.g. the posts of
one WeChat account. An info is given when the two numbers differ. "The
same quantity" is read narrowly: the same quoted name (“沙坡头工信”)
shortly before, with the same two characters before the number and the
same unit; or the same whole clause before the number (less 全年, 共 …),
of 6 characters or more. Comparisons, running totals, approximate
numbers and percentages are left out. A published report said 204 posts
in part 一 and 202 in part 六.]],

  check = function(report, add)
    local seen = {}        -- key -> the first mention
    local reported = {}
    for _, part in ipairs(narrative.sections(report)) do
      for _, sentence in ipairs(part.sentences) do
        local s = sentence.text
        -- comparisons and running totals are left out before anything else
        local numbers = narrative.has_any(s, skip_words) and {} or text.numbers(s)
        local other_year = false
        if #numbers > 0 then          -- most sentences have no number
          for y in text.normalize(s):gmatch("(20%d%d) ?年") do
            if report.year and tonumber(y) ~= report.year then other_year = true end
          end
        end
        if #numbers > 0 and not other_year then
          local prev_end = 1
          for _, n in ipairs(numbers) do
            if n.unit and n.unit ~= "%" and not n.ordinal and not n.approx then
              for _, key in ipairs(keys_of(s, n, prev_end)) do
                local first = seen[key]
                local here = { value = n.value, number = part.number, text = n.text,
                               pos = sentence.pos + n.pos - 1, section = part.section }
                if not first then
                  seen[key] = here
                elseif first.value ~= n.value and not reported[key] then
                  reported[key] = true
                  local label = key:match("^(.*)|") or key
                  add{ path = "sections." .. part.number,
                       text = narrative.span(part.section.text, here.pos, #n.text),
                       message = string.format("%s：前文（第%s部分）为 %s %s，此处为 %s %s (stated as %s before, %s here)",
                                               label, first.number, first.value, n.unit, n.value, n.unit,
                                               first.value, n.value) }
                end
              end
            end
            if n.unit then prev_end = n.pos + #n.text end
          end
        end
      end
    end
  end,
}
