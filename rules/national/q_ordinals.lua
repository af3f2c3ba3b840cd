-- Q-ORDINALS — 正文中“一是、二是……”和“（一）（二）……”的序号连续，不缺不重。
-- The ordinals 一是 二是 … and （一）（二）… run on without a gap or repeat.

local text = require("text")

-- 序号用的汉字数字 / the Chinese numerals an ordinal is written with
local NUMERALS = {}
for _, c in ipairs({ "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" }) do
  NUMERALS[utf8.codepoint(c)] = true
end
local SHI = utf8.codepoint("是")
local DI = utf8.codepoint("第")          -- 第（一）项 is a reference, not a list
local OPEN = { [0x28] = true, [0xFF08] = true }   -- ( （
local CLOSE = { [0x29] = true, [0xFF09] = true }  -- ) ）
local SPAN_CHARS = 6                      -- characters of context for the span

-- “一是”前面应是句首、标点或空白（“统一是”“之一是”不算）
-- 一是 counts only at the start, or after punctuation or a space.
local function boundary(c)
  if c == nil then return true end
  if c < 0x80 then return not string.char(c):match("%w") end
  return (c >= 0x3000 and c <= 0x303F) or (c >= 0xFF00 and c <= 0xFF65)
      or (c >= 0x2000 and c <= 0x206F)
end

-- s 中的序号，按出现顺序：{ kind = "shi"|"paren", n = 数值, marker = 原文,
-- span = 原文加其后几个字（同一行内）}
-- The ordinals of s in order, with the text to locate each.
local function ordinals(s)
  local cps, at = {}, {}
  for p, c in utf8.codes(s) do
    cps[#cps + 1], at[#at + 1] = c, p
  end
  at[#cps + 1] = #s + 1
  local list = {}
  local function span(i, j)
    local k = j
    while k < #cps and k < j + SPAN_CHARS and cps[k + 1] ~= 0x0A do k = k + 1 end
    return s:sub(at[i], at[j + 1] - 1), s:sub(at[i], at[k + 1] - 1)
  end
  local i = 1
  while i <= #cps do
    local c = cps[i]
    if NUMERALS[c] then
      local j = i
      while j < #cps and NUMERALS[cps[j + 1]] and j - i < 2 do j = j + 1 end
      if cps[j + 1] == SHI and boundary(cps[i - 1]) and not NUMERALS[cps[i - 1] or 0] then
        local n = text.cn_number(s:sub(at[i], at[j + 1] - 1))
        if n then
          local marker, where = span(i, j + 1)
          list[#list + 1] = { kind = "shi", n = n, marker = marker, span = where }
        end
      end
      i = j + 1
    elseif OPEN[c] and NUMERALS[cps[i + 1] or 0] and cps[i - 1] ~= DI then
      local j = i + 1
      while j < #cps and NUMERALS[cps[j + 1]] and j - i < 3 do j = j + 1 end
      if CLOSE[cps[j + 1] or 0] then
        local n = text.cn_number(s:sub(at[i + 1], at[j + 1] - 1))
        if n then
          local marker, where = span(i, j + 1)
          list[#list + 1] = { kind = "paren", n = n, marker = marker, span = where }
        end
        i = j + 2
      else
        i = i + 1
      end
    else
      i = i + 1
    end
  end
  return list
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
从“一”重新开始视为新的一组。“第（一）项”之类的引用、“统一是”之类的词不算序号。

In each part's text, the ordinals 一是 二是 三是 … and （一）（二）（三）…
run on: a gap (一是 then 三是), a repeat (一是 then 一是) or a step back
(三是 then 二是) is reported as information. Starting again at 一 begins a
new list. References such as 第（一）项 and words such as 统一是 are not
ordinals.]],

  check = function(report, add)
    for _, section in ipairs(report.sections) do
      local path = "sections." .. section.number
      local last = { shi = 0, paren = 0 }
      for _, o in ipairs(ordinals(section.text or "")) do
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
      end
    end
  end,
}
