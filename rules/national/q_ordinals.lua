-- Q-ORDINALS — 正文中“一是、二是……”和“（一）（二）……”的序号连续，不缺不重。
-- The ordinals 一是 二是 … and （一）（二）… run on without a gap or repeat.

local text = require("text")

-- 序号用的汉字数字 / the Chinese numerals an ordinal is written with
-- 序号用的数字字（UTF-8 文字）/ the numerals of ordinals, as text
local NUMERALS = {}
for _, c in ipairs({ "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" }) do
  NUMERALS[c] = true
end
local DI = utf8.codepoint("第")          -- 第（一）项 is a reference, not a list
local SPAN_CHARS = 6                      -- characters of context for the span

-- 序号前面应是开头、标点或空白，不能是字母数字或别的字（“统一是”不算）
-- What may come before an ordinal: the start, punctuation or space.
local function boundary(c)
  if c == nil then return true end
  if c < 0x80 then return not string.char(c):match("%w") end
  return (c >= 0x3000 and c <= 0x303F) or (c >= 0xFF00 and c <= 0xFF65)
      or (c >= 0x2000 and c <= 0x206F)
end

-- 字节位置 p 之前那个字的码位（p 是开头时为 nil）
-- The code point of the character before byte p (nil at the start).
local function char_before(s, p)
  if p <= 1 then return nil end
  local q = p - 1
  while q > 1 and s:byte(q) >= 0x80 and s:byte(q) < 0xC0 do q = q - 1 end
  return utf8.codepoint(s, q)
end

-- 序号的原文，以及多带几个字（不跨行）的一段，供 add{ text = … } 定位
-- The marker from byte a to b, and the same with up to SPAN_CHARS more
-- characters (not past the line's end), for add{ text = … }.
local function span(s, a, b)
  local stop = b
  for _ = 1, SPAN_CHARS do
    local nxt = stop + 1
    if nxt > #s or s:byte(nxt) == 0x0A then break end
    stop = (utf8.offset(s, 2, nxt) or (#s + 1)) - 1
  end
  return s:sub(a, b), s:sub(a, stop)
end

-- 文字中的序号：“一是”“二是”（前面是开头或标点）和“（一）”“(二)”
-- （前面不是“第”），数字字一至三个。按出现顺序返回
-- { kind = "shi" 或 "paren", n = 数值, marker = 原文, span = 定位用的一段 }。
-- The ordinals of s: 一是, 二是 … after the start or punctuation, and
-- （一）, (二) … not after 第; one to three numerals.  In text order.
local function ordinals(s)
  local list = {}
  -- …是: step back over the numerals before each 是
  local at = 1
  while true do
    local p = s:find("是", at, true)
    if not p then break end
    local q, count = p, 0
    while q > 3 and NUMERALS[s:sub(q - 3, q - 1)] do
      q, count = q - 3, count + 1
    end
    if count >= 1 and count <= 3 and boundary(char_before(s, q)) then
      local n = text.cn_number(s:sub(q, p - 1))
      if n then
        local marker, where = span(s, q, p + #"是" - 1)
        list[#list + 1] = { pos = q, kind = "shi", n = n, marker = marker, span = where }
      end
    end
    at = p + #"是"
  end
  -- (…) and （…）
  for _, open in ipairs({ "(", "（" }) do
    at = 1
    while true do
      local p = s:find(open, at, true)
      if not p then break end
      local q, count = p + #open, 0
      while count < 4 and NUMERALS[s:sub(q, q + 2)] do
        q, count = q + 3, count + 1
      end
      local close = (s:sub(q, q) == ")" and 1) or (s:sub(q, q + 2) == "）" and 3)
      if count >= 1 and count <= 3 and close and char_before(s, p) ~= DI then
        local n = text.cn_number(s:sub(p + #open, q - 1))
        if n then
          local marker, where = span(s, p, q + close - 1)
          list[#list + 1] = { pos = p, kind = "paren", n = n, marker = marker, span = where }
        end
      end
      at = p + #open
    end
  end
  table.sort(list, function(x, y) return x.pos < y.pos end)
  return list
end

-- 正文中的表格：各部分的 tables 给出表格在 text 中的起止位置（字节）。表中
-- 的“（一）予以公开”“（三）不予公开”是表的行标签，不是正文的序号（竖排的
-- 合并单元格还会把“（三）”拆开）。按位置而不是按行排除：一份抓取的报告往往
-- 整篇只有一行。
-- The tables of a part: section.tables gives where each is in its text
-- (bytes).  表三's row labels (（一）予以公开, （三）不予公开) are no list of
-- the text.  They are left out by place, not by line: a crawled report is
-- often one line from start to end.
local function in_table(section, pos)
  for _, t in ipairs(section.tables or {}) do
    if pos >= t.start and pos <= t.stop then return true end
  end
  return false
end

local function cn(n, kind)
  local digits = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" }
  local word = digits[n] or (n < 20 and "十" .. digits[n - 10]) or tostring(n)
  if kind == "shi" then return word .. "是" end
  return "（" .. word .. "）"
end

rule {
  id = "Q-ORDINALS",
  severity = "info",
  title = "序号连续不缺不重 / ordinals run on without a gap or repeat",
  description = [[
各部分正文中，“一是、二是、三是……”和“（一）（二）（三）……”两种序号应依次连续：
跳号（一是之后是三是）、重号（一是之后又是一是）或倒序（三是之后是二是）给出提示。
从“一”重新开始视为新的一组。“第（一）项”之类的引用、“统一是”之类的词、表格各行
的标签（“（一）予以公开”）不算序号。

In each part's text, the ordinals 一是 二是 三是 … and （一）（二）（三）…
run on: a gap (一是 then 三是), a repeat (一是 then 一是) or a step back
(三是 then 二是) is reported as information. Starting again at 一 begins a
new list. References such as 第（一）项, words such as 统一是 and a
table's row labels (（一）予以公开) are not ordinals.]],

  check = function(report, add)
    for _, section in ipairs(report.sections) do
      local path = "sections." .. section.number
      local last = { shi = 0, paren = 0 }
      for _, o in ipairs(ordinals(section.text or "")) do
        if in_table(section, o.pos) then goto next end   -- 表的行标签 / a table's label
        local prev = last[o.kind]
        local message
        if o.n == prev then
          message = string.format("第%d部分序号“%s”重复 (ordinal %s is repeated)",
                                  section.number, o.marker, o.marker)
        elseif o.n == 1 then
          message = nil                         -- a new list
        elseif o.n > prev + 1 then
          local missing = {}
          for k = prev + 1, math.min(o.n - 1, prev + 5) do missing[#missing + 1] = cn(k, o.kind) end
          local gap = table.concat(missing, "、") .. (o.n - 1 > prev + 5 and "…" or "")
          message = string.format("第%d部分序号“%s”之前缺少“%s” (ordinal %s is missing before %s)",
                                  section.number, o.marker, gap, gap, o.marker)
        elseif o.n < prev then
          message = string.format("第%d部分序号“%s”出现在“%s”之后 (ordinal %s comes after %s)",
                                  section.number, o.marker, cn(prev, o.kind), o.marker, cn(prev, o.kind))
        end
        if message then
          add{ path = path, text = o.span, message = message }
        end
        last[o.kind] = o.n
        ::next::
      end
    end
  end,
}
