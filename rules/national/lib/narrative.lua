-- narrative.lua — N-RESTATED、N-APPEALS、N-ACTIVE、N-BREAKDOWN、N-CATEGORIES
-- 共用的小工具 / small helpers shared by the rules that read numbers in the
-- narrative.  Rules get it with require("narrative").

local text = require("text")
local tables = require("tables")

local narrative = {}

-- 与上年比较、累计数的说法：这样的句子里的数不是本年的数，不核对。
-- Words of a comparison or a running total: the numbers of such a
-- sentence are not this year's, so they are not checked.
narrative.comparison_words = {
  "同比", "上年", "上一年", "去年", "较", "增长", "增加", "减少", "下降", "上升",
  "累计", "截至", "截止", "以来",
}

-- true when the sentence compares with another year, gives a running
-- total, or names a year (2000…2099) other than the report's
function narrative.not_this_year(sentence, year)
  local s = text.normalize(sentence)
  if text.has_any(s, narrative.comparison_words) then return true end
  for y in s:gmatch("(20%d%d) ?年") do
    if year and tonumber(y) ~= year then return true end
  end
  return false
end

-- 报告里的一段文字，供 add{ text = … } 定位：从 pos 起，向右延长到它在
-- section_text 中第一次出现就是 pos 处为止（不跨行）。
-- The text to give add{ text = … } for the span at pos (length len) of
-- a section's text: lengthened to the right until its first occurrence
-- in the section is the one at pos, so gouji points at the right place
-- (the column is the span's start).  Never crosses a line.
function narrative.span(section_text, pos, len)
  local stop = pos + len - 1
  while true do
    local piece = section_text:sub(pos, stop)
    if section_text:find(piece, 1, true) == pos then return piece end
    local after = stop + 1
    if after > #section_text or section_text:sub(after, after) == "\n" then
      return section_text:sub(pos, pos + len - 1)
    end
    local nxt = utf8.offset(section_text, 2, after)      -- one more character
    stop = (nxt or (#section_text + 1)) - 1
  end
end

-- 句子中 [a, b) 字节之间的文字（规范化后、去掉空白）
-- The text of s between byte positions a and b - 1, normalised, no spaces.
function narrative.between(s, a, b)
  if b <= a then return "" end
  return (text.normalize(s:sub(a, b - 1)):gsub("%s", ""))
end

-- 有文字的各部分及其句子 / the parts with text, and their sentences:
-- { section, number, sentences }
function narrative.sections(report)
  local list = {}
  for _, section in ipairs(report.sections) do
    if section.text and section.text ~= "" then
      list[#list + 1] = { section = section, number = section.number,
                          sentences = text.sentences(section.text) }
    end
  end
  return list
end

-- 一个数是否可以拿来核对：有单位，不是序数、约数
-- A number that can be checked: has a unit, not 第N, not 100余件.
function narrative.plain(n, unit)
  return n.unit ~= nil and not n.ordinal and not n.approx
         and (unit == nil or n.unit == unit)
end

-- 数字与关键词之间不能有的字：有了它们，数字说的可能是别的事。
-- What may not come between a keyword and its number: with one of these
-- the number may be about something else.
narrative.breaks = { "，", ",", "、", "；", ";", "：", ":", "和", "及", "与", "或",
                     "（", "(", "）", ")", "率", "第", "其中", "占" }

-- 句子 s 中关键词 word 各处所说的数：紧跟在词后（中间至多 gap 个字，且没有
-- 逗号等），或紧挨在词前（“3件行政复议”）。返回 { value, unit, text, pos,
-- at }，pos 是数字在 s 中的位置，at 是关键词的位置。
-- The numbers s gives for each occurrence of word: the first number with
-- one of units after it (at most gap characters between, none of
-- narrative.breaks), or a number right before it ("3件行政复议").  Each
-- is { value, unit, text, pos (in s), at (the keyword's position) }.
function narrative.counts(s, word, units, gap)
  local found = {}
  if not s:find(word, 1, true) then return found end   -- the usual case
  local numbers = text.numbers(s, units)
  local at = 1
  while true do
    local a, b = s:find(word, at, true)
    if not a then break end
    local hit
    for _, n in ipairs(numbers) do
      if n.pos > b then
        local mid = narrative.between(s, b + 1, n.pos)
        local clean = true
        for _, w in ipairs(narrative.breaks) do
          if mid:find(w, 1, true) then clean = false end
        end
        if clean and (utf8.len(mid) or #mid) <= gap and n.unit and n.unit ~= "%" then
          hit = n
        end
        break
      end
    end
    if not hit then
      for _, n in ipairs(numbers) do
        local stop = n.pos + #n.text
        if n.unit and n.unit ~= "%" and stop <= a and narrative.between(s, stop, a) == "" then
          hit = n
        end
      end
    end
    if hit and not hit.ordinal and not hit.approx then
      found[#found + 1] = { value = hit.value, unit = hit.unit, text = hit.text,
                            pos = hit.pos, at = a }
    end
    at = b + 1
  end
  return found
end

-- s 中最后一个标点（默认 ，,：:）之后的文字
-- The text of s after the last of the marks (by default ，,：:).
function narrative.after_last(s, marks)
  local from = 1
  for _, mark in ipairs(marks or { "，", ",", "：", ":" }) do
    local at = 1
    while true do
      local a, b = s:find(mark, at, true)
      if not a then break end
      if b + 1 > from then from = b + 1 end
      at = b + 1
    end
  end
  return s:sub(from)
end

-- s 的前 stop - 1 个字节中，最后一个分句标点（，,：:）之后的文字
-- The clause of s that ends at byte stop - 1: the text after the last
-- ，,：: before it.
function narrative.clause_before(s, stop)
  return narrative.after_last(s:sub(1, stop - 1))
end

-- 表中几行某一列之和（空白格按参数 blank_is_zero 计 0）；任何一格读不到
-- 时为 nil（不当作 0）。tbl 是 "requests" 或 "appeals"。
-- The sum of one column over some rows of table tbl ("requests",
-- "appeals"), a blank cell as 0 (parameter blank_is_zero); nil when any
-- cell cannot be read (never counted as 0).
function narrative.sum(report, tbl, rows, column, params)
  local paths = {}
  for i, row in ipairs(rows) do
    paths[i] = "tables." .. tbl .. "." .. row .. "." .. column
  end
  return tables.sum(report, paths, tables.options(params)).value
end

-- s 中是否有 words 里的任何一个词 / whether s contains any of the words
narrative.has_any = text.has_any

return narrative
