-- text.lua — 处理中文叙述文字的小工具 / helpers for rules that read the
-- Chinese narrative of a report.  Any rule or output script gets it with
--
--   local text = require("text")
--
-- 函数一览 / what is here:
--
--   text.normalize(s)          全角转半角等 / full-width to ASCII, as the reader
--   text.cn_number(s)          "二十三" -> 23, "3万" -> 30000, else nil
--   text.numbers(s [, units])  句中每个数字及其单位 / every number in s
--   text.sentences(s)          按 。！？；和换行 分句 / split into sentences
--   text.similarity(a, b)      相似度 0..1 / how alike two texts are
--   text.find / match / gmatch Lua 模式查找（先规范化）/ string.find etc.
--   text.chars(s)              逐字列表 / the list of characters
--   text.count_chars(s)        字数（不计空白）/ characters, not spaces
--
-- 约定 / conventions:
--   * s 为 nil 时当作空字符串 "" 处理（报告中读不到的文字为 nil）。
--     A nil s is read as "" (text that could not be read is nil).
--   * 位置 pos 是 s 中的字节位置（从 1 起），s:sub(pos, pos + #t - 1) == t。
--     A pos is a byte position in s as given, so s:sub(pos, pos + #t - 1)
--     is the text t it belongs to.
--   * 非法 UTF-8 字节按 "�" (U+FFFD) 处理。Bytes that are not valid UTF-8
--     are read as "�" (U+FFFD); positions then refer to that repaired text.

local text = {}

-- 分句、读数字等费时的部分用 C 写成（core/textcore.c），这里是它们的说明。
-- The inner loops (sentences, numbers, normalising) are in C, in
-- core/textcore.c; this file says what each function does.
local core = textcore
local type = type

-- ---------------------------------------------------------------------
-- 内部小工具 / small helpers used below (not part of the module)
-- ---------------------------------------------------------------------

-- nil -> "", 数字 -> 字符串，其余非字符串报错
-- nil becomes "", a number its decimal text; anything else is an error.
local function str(s, fname)
  if s == nil then
    return ""
  end
  local t = type(s)
  if t == "string" then
    return s
  elseif t == "number" then
    return tostring(s)
  end
  error("text." .. fname .. ": expected a string, got " .. t, 3)
end

-- 把非法 UTF-8 字节换成 "�"，合法文字原样返回
-- Replace each byte that is not valid UTF-8 by U+FFFD; valid text is
-- returned as it is.
local function valid(s)
  if utf8.len(s) then
    return s
  end
  local parts, i = {}, 1
  while true do
    local n, bad = utf8.len(s, i)
    if n then
      parts[#parts + 1] = s:sub(i)
      break
    end
    parts[#parts + 1] = s:sub(i, bad - 1)
    parts[#parts + 1] = "\u{FFFD}"
    i = bad + 1
  end
  return table.concat(parts)
end

-- 全角转半角的查找表 / full-width ASCII to ASCII, for gsub:
-- { ["１"] = "1", ["（"] = "(", … } (U+FF01–FF5E is ASCII + 0xFEE0)
local HALF = {}
for c = 0xFF01, 0xFF5E do
  HALF[utf8.char(c)] = string.char(c - 0xFEE0)
end

-- ---------------------------------------------------------------------
-- text.normalize
-- ---------------------------------------------------------------------

-- 全角 ASCII（U+FF01–FF5E，如 １２、（、％、，）转成半角，全角空格等宽空白
-- 转成普通空格，破折号、减号（— – − ﹣）转成 “-”；其余文字不变（中文引号
-- “”、｟ ｡ ｢ 等也不变）。与读报告时的规范化相同（core/norm.c）。返回新字符串。
-- Full-width ASCII (U+FF01–FF5E: １２ （ ％ ，…) becomes ASCII, wide spaces
-- (the ideographic space U+3000, no-break spaces…) a plain space, dashes
-- and minus signs "-"; everything else is kept (Chinese quotes too).  The
-- same as the reader's normalising (core/norm.c).
--   text.normalize("受理申请１２件（含％）")  --> "受理申请12件(含%)"
function text.normalize(s)
  if type(s) ~= "string" then s = str(s, "normalize") end
  return core.normalize(s)
end

-- ---------------------------------------------------------------------
-- 中文数字 / Chinese numerals
-- ---------------------------------------------------------------------

-- 中文数字的读法（在 C 里实现，core/textcore.c）/ how numerals are read
-- (in C, core/textcore.c):
--   数字字 一二两三…九、大写 壹贰叁…玖、零 〇；单位 十百千（拾佰仟）、万 亿；
--   万以下：二十三、一百零五、十五、一百五（= 150）、3千；
--   万、亿：左边 × 单位 + 右边，三万四千、三万四（= 34000）、一万零五、三亿五千万；
--   只有数字字时按位读：二〇二三 = 2023；三点五 = 3.5，三点五万 = 35000；
--   阿拉伯数字可带千分位（3,119）和小数（12.5）；一个数最多 24 个记号。
-- Digits 一…九 (大写 壹…玖), 零 〇, units 十 百 千, 万 亿: below 万 as
-- spoken (一百五 = 150); 万 and 亿 split the number, left × unit + right;
-- digits alone are read place by place (二〇二三 = 2023); 三点五 = 3.5;
-- Arabic numbers may have ",ddd" groups and decimals; at most 24 tokens.

-- 把一段文字整体读成一个数：中文数字（〇一二…九十百千万亿、两、零，
-- 大写壹贰叁…拾佰仟）、阿拉伯数字（含全角、千分位 3,119、小数 12.5）
-- 或混写（3万 = 30000，1.5万 = 15000）。前后空白可有；不是数字返回 nil。
-- The whole of s read as one number: Chinese numerals, Arabic digits
-- (full-width too, "3,119", "12.5") or both ("3万" = 30000).  Spaces
-- around it are allowed; anything else in s gives nil.
--   text.cn_number("二十三") --> 23     text.cn_number("一百零五") --> 105
--   text.cn_number("两千")   --> 2000   text.cn_number("三万四千") --> 34000
--   text.cn_number("十")     --> 10     text.cn_number("3万")      --> 30000
--   text.cn_number("二〇二三") --> 2023 text.cn_number("二十三件") --> nil
function text.cn_number(s)
  return core.cn_number(str(s, "cn_number"))
end

-- ---------------------------------------------------------------------
-- text.numbers
-- ---------------------------------------------------------------------

-- 默认单位 / the units looked for after a number (longest first)
local UNITS = { "件", "条", "篇", "次", "个", "项", "期", "人", "家", "万元", "元", "%" }
text.UNITS = UNITS

-- 单位表：{ [单位] = true }，以及最长单位的字数
-- A set of units and the length of the longest, in characters.
local function unit_set(units)
  local set, longest = {}, 0
  for _, u in ipairs(units) do
    local len = utf8.len(u) or #u
    set[text.normalize(u)] = true
    if len > longest then
      longest = len
    end
  end
  return set, longest
end
local DEFAULT_SET, DEFAULT_LONGEST = unit_set(UNITS)

-- 同一张单位表只整理一次（规则每句都传同一张表）；表改过就重新整理。
-- Each list of units is turned into a set once (rules pass the same list
-- for every sentence), again when the list has changed since.  Weak keys:
-- a list no longer used is dropped.
local sets = setmetatable({}, { __mode = "k" })
local function cached_set(units)
  local known = sets[units]
  local same = known ~= nil and #known.units == #units
  for i = 1, same and #units or 0 do
    same = same and known.units[i] == units[i]
  end
  if not same then
    local set, longest = unit_set(units)
    known = { units = table.move(units, 1, #units, 1, {}), set = set, longest = longest }
    sets[units] = known
  end
  return known.set, known.longest
end

-- 找出 s 中的每一个数，连同紧跟的单位。返回列表，每项为
--   { value = 数值, unit = "件" 或 nil, text = 原文（数字连单位）,
--     pos = 原文在 s 中的字节位置,
--     ordinal = true（前面有“第”，如 第三十六条）,
--     approx = true（数字和单位之间有“余/多”，如 100余件）}
-- 单位是数字后面（可隔空格）列表 units 里的字（默认 text.UNITS：件 条 篇
-- 次 个 项 期 人 家 万元 元 %），最长优先。“3万元”读作 3 万元，“3万条”
-- 读作 30000 条。“百分之十二”读作 12 %。
-- 不收：没有单位的单个汉字数字（“统一”“一是”中的“一”）和没有单位的编号
-- （“十一、”“（二）”）。其他没有单位的中文数字仍可能出自普通词语（“十四五”
-- 读作 14），规则一般只看有单位的数。
-- Every number in s with the unit right after it (spaces between are
-- allowed), from units (default text.UNITS), longest first.  Each entry
-- is { value, unit (or nil), text (the number and unit as written), pos
-- (its byte position in s), ordinal = true after 第, approx = true for
-- 100余件 }.  "3万元" is 3 万元, "3万条" is 30000 条, "百分之十二" is 12 %.
-- Left out: a single Chinese digit with no unit (the 一 of 统一, 一是)
-- and numbered headings with no unit (十一、 （二）).  Other Chinese
-- numerals with no unit may still come from ordinary words (十四五 gives
-- 14): rules mostly want the numbers that have a unit.
--   text.numbers("共发布各类信息24条")  --> { { value = 24, unit = "条",
--                                             text = "24条", pos = 22 } }
--   text.numbers("受理申请１２件")       --> 12 件 (text = "１２件")
--   text.numbers("占比12.5%")           --> 12.5 %
-- 要加单位就自己列一张表 / to look for more units, make a list:
--   local units = { "天", "份", "人次" }
--   for _, u in ipairs(text.UNITS) do units[#units + 1] = u end
--   for _, n in ipairs(text.numbers(s, units)) do … end
function text.numbers(s, units)
  local set, longest = DEFAULT_SET, DEFAULT_LONGEST
  if units ~= nil then
    set, longest = cached_set(units)
  end
  if type(s) ~= "string" then s = str(s, "numbers") end
  return core.numbers(s, set, longest)
end

-- ---------------------------------------------------------------------
-- text.sentences
-- ---------------------------------------------------------------------

-- 按 。！？；（全角或半角）和换行分句。返回列表，每项 { text = 句子,
-- pos = 它在 s 中的字节位置 }；句子去掉首尾空白，不含句末标点，也不含紧跟
-- 句末标点的后引号或括号（“好。”）；空句子不要。
-- Split s at 。！？； (full-width or ASCII) and newlines.  Each entry is
-- { text, pos }: the sentence trimmed, without its closing mark (nor a
-- closing quote or bracket right after that mark); empty ones are dropped.
-- 列表只读：同一段文字再分句时，返回的是同一个列表（各条规则不必各分一遍）。
-- The list is read-only, and the same text gives back the same list, so
-- rules that split the same part do the work once.
--   text.sentences("一、总体情况\n本年度共发布信息24条。其中……")
--   --> { {text = "一、总体情况", pos = 1}, {text = "本年度共发布信息24条", …},
--         {text = "其中……", …} }
function text.sentences(s)
  if type(s) ~= "string" then s = str(s, "sentences") end
  return core.sentences(s)
end

-- ---------------------------------------------------------------------
-- text.similarity
-- ---------------------------------------------------------------------

text.SIMILARITY_LIMIT = 200000   -- 只比较前 20 万字 / characters compared

-- 两段文字的相似度，0（毫不相同）到 1（相同）：去掉空白和标点、全角转半角
-- 后，相邻两字组成的“二字组”的 Dice 系数 = 2 × 共有组数 ÷ 两边组数之和。
-- 用于“与上年报告雷同超过 50%”之类的规则。各只比较前 20 万字；空文字
-- 与任何文字的相似度为 0；只有一个字时，相同为 1，不同为 0。
-- How alike a and b are, 0 to 1: the Dice coefficient of their character
-- bigrams (2 × shared ÷ total) once normalised, with whitespace and
-- punctuation removed.  Linear time; each text is cut at
-- text.SIMILARITY_LIMIT characters.  An empty text is 0 to anything; two
-- one-character texts are 1 when the same character, else 0.
--   text.similarity("本年度共发布信息24条。", "本年度共发布信息２４条")  --> 1.0
--   if text.similarity(this_year, last_year) > 0.5 then add{…} end
-- （在 C 里计算，gouji diff 用的是同一个函数 / computed in C, by the same
-- function gouji diff uses）
function text.similarity(a, b)
  return core.similarity(str(a, "similarity"), str(b, "similarity"))
end

-- ---------------------------------------------------------------------
-- text.find / text.match / text.gmatch
-- ---------------------------------------------------------------------

local MAGIC = {}
for c in ("^$()%.[]*+-?"):gmatch(".") do
  MAGIC[c] = true
end

-- 模式也要规范化：模式里写的全角字符是字面字符，转成半角后如果是 Lua 模式
-- 的特殊字符（如“（”→“(”）就加 % 转义。
-- Normalise a pattern too: a full-width character written in it is a
-- literal, so when it becomes a magic character ("（" -> "(") it is
-- escaped ("%(").
local function normalize_pattern(p, plain)
  p = valid(str(p, "find"))
  if plain then
    return text.normalize(p)
  end
  -- every character the text's normalising changes (full-width forms,
  -- wide spaces, dashes): as it becomes, escaped when that is magic
  p = p:gsub("[\xC2-\xF4][\x80-\xBF]*", function(c)
    local a = HALF[c] or text.normalize(c)
    if a ~= c and MAGIC[a] then
      return "%" .. a
    end
    return a
  end)
  return p
end

-- 在规范化后的 s 中用 Lua 模式查找，同 string.find(s, pattern, init, plain)。
-- 注意：Lua 模式按字节匹配，不认识汉字：“.”只匹配一个字节，“[一二三]”是
-- 一组字节而不是三个字。请写字面汉字加 %d 等：
--   text.find(s, "共发布(%d+)条")        -- 全角“１２”也能找到
--   text.match(s, "受理.-申请(%d+)件")    -- ".-" 跨过任意文字
-- 返回的位置是规范化后文字（text.normalize(s)）中的位置，不是原文的。
-- 不支持正则（PCRE）；过于复杂的模式在长文字上会被沙箱拒绝（“pattern too
-- costly”），请用简单模式和循环。
-- string.find on text.normalize(s).  Lua patterns work on bytes, not
-- characters: "." is one byte and "[一二三]" a set of bytes, so write
-- Chinese as literal text and use %d, %s, ".-" etc.  Full-width
-- characters in the pattern are literals (（一） finds "(一)").  The
-- positions are in text.normalize(s), not in s.  This is not PCRE; the
-- sandbox refuses patterns with several wide repeats on long text.
function text.find(s, pattern, init, plain)
  return string.find(text.normalize(s), normalize_pattern(pattern, plain), init, plain)
end

-- 同 string.match，在规范化后的 s 上 / string.match on text.normalize(s)
--   local n = text.match("共受理申请１２件", "受理申请(%d+)件")  --> "12"
function text.match(s, pattern, init)
  return string.match(text.normalize(s), normalize_pattern(pattern), init)
end

-- 同 string.gmatch，在规范化后的 s 上 / string.gmatch on text.normalize(s)
--   for n in text.gmatch(s, "(%d+)件") do … end
function text.gmatch(s, pattern)
  return string.gmatch(text.normalize(s), normalize_pattern(pattern))
end

-- ---------------------------------------------------------------------
-- text.chars / text.count_chars
-- ---------------------------------------------------------------------

-- 逐字拆开（按 UTF-8 字符，不是字节），不做规范化。
-- The list of UTF-8 characters of s (not bytes), as written.
--   text.chars("政府a") --> { "政", "府", "a" }
function text.chars(s)
  s = valid(str(s, "chars"))
  local list = {}
  for _, c in utf8.codes(s) do
    list[#list + 1] = utf8.char(c)
  end
  return list
end

-- 字数：不计空白（半角、全角空格、换行、制表符等）的字符个数；标点照计。
-- The number of characters, not counting whitespace (spaces, the
-- ideographic space, newlines, tabs); punctuation counts.
--   text.count_chars("总体 情况\n。") --> 5
function text.count_chars(s)
  return core.count_chars(str(s, "count_chars"))
end

-- ---------------------------------------------------------------------
-- text.has_any
-- ---------------------------------------------------------------------

-- s 中是否有 words 里的任何一个词（原样比较，不做规范化）。
-- Whether s contains any of the words (compared as written, not
-- normalised).  Same as looping s:find(w, 1, true) over the list, in C.
--   text.has_any("同比增长12%", { "同比", "上年" }) --> true
--   text.has_any("本年度", { "同比", "上年" })      --> false
function text.has_any(s, words)
  if type(s) ~= "string" then s = str(s, "has_any") end
  return core.has_any(s, words)
end

-- ---------------------------------------------------------------------
-- text.strip_words
-- ---------------------------------------------------------------------

-- 去掉 s 开头（at_end 为真时：结尾）的 words 中的词：按列表顺序逐个试，
-- 一轮去掉了什么就再来一轮，直到去不掉为止（空词不算）。不做规范化。
-- Take the words off the start of s (the end when at_end is true): each
-- word in list order, pass after pass, until a pass takes none off;
-- empty words are skipped.  Compared as written, not normalised.
--   text.strip_words("全年共发布信息", { "全年", "共" })     --> "发布信息"
--   text.strip_words("推送信息共计", { "共计", "共" }, true) --> "推送信息"
function text.strip_words(s, words, at_end)
  if type(s) ~= "string" then s = str(s, "strip_words") end
  return core.strip_words(s, words, at_end)
end

return text
