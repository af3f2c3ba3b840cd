-- text.lua — 处理中文叙述文字的小工具 / helpers for rules that read the
-- Chinese narrative of a report.  Any rule or output script gets it with
--
--   local text = require("text")
--
-- 函数一览 / what is here:
--
--   text.normalize(s)          全角转半角 / full-width ASCII to ASCII
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

-- 全角字符 U+FF01–FF5E 对应 ASCII 0x21–0x7E；U+3000 是全角空格
-- The full-width forms U+FF01–FF5E are ASCII 0x21–0x7E moved up by
-- 0xFEE0; U+3000 is the ideographic space.
local function norm_cp(c)
  if c >= 0xFF01 and c <= 0xFF5E then
    return c - 0xFEE0
  elseif c == 0x3000 then
    return 0x20
  end
  return c
end

-- 空白字符 / whitespace: ASCII, no-break space, the Unicode spaces,
-- the ideographic space U+3000 and the byte-order mark
local function is_space(c)
  return c == 0x20 or (c >= 0x09 and c <= 0x0D) or c == 0xA0
      or c == 0x1680 or (c >= 0x2000 and c <= 0x200B)
      or c == 0x2028 or c == 0x2029 or c == 0x202F or c == 0x205F
      or c == 0x3000 or c == 0xFEFF
end

-- 同样的空白，写成 gsub 的模式（UTF-8 字节）/ the same whitespace as
-- patterns over UTF-8 bytes, for counting with gsub
local SPACE_PATTERNS = {
  "[\t-\r ]",                       -- ASCII tab, newlines, space
  "\xC2\xA0",                        -- U+00A0 no-break space
  "\xE1\x9A\x80",                    -- U+1680
  "\xE2\x80[\x80-\x8B\xA8\xA9\xAF]",    -- U+2000–200B, 2028, 2029, 202F
  "\xE2\x81\x9F",                    -- U+205F
  "\xE3\x80\x80",                    -- U+3000 ideographic space
  "\xEF\xBB\xBF",                    -- U+FEFF byte-order mark
}

-- 标点和空白（ASCII 以外的）所在的码位区间，similarity 比较时去掉。
-- The punctuation and whitespace beyond ASCII that similarity leaves
-- out, as ranges of code points.  〇 (U+3007) is a numeral, not
-- punctuation.  (ASCII punctuation and spaces are %p and %s.)
local PUNCT_RANGES = {
  { 0xA0, 0xBF },       -- no-break space ¡ « · » ¿ …
  { 0x1680, 0x1680 },   -- ogham space
  { 0x2000, 0x205F },   -- spaces ‐ – — ‘ ’ “ ” … ‰ ※ …
  { 0x3000, 0x3003 },   -- 　 、 。 〃
  { 0x3008, 0x3011 },   -- 〈 〉 《 》 「 」 『 』 【 】
  { 0x3014, 0x301F },   -- 〔 〕 〖 〗 〘 〙 〚 〛 〜 〝 〞 〟
  { 0x3030, 0x3030 },   -- 〰
  { 0x303D, 0x303D },   -- 〽
  { 0x30FB, 0x30FB },   -- ・
  { 0xFE10, 0xFE19 },   -- vertical forms ︐ ︑ …
  { 0xFE30, 0xFE6B },   -- small forms ﹐ ﹑ …
  { 0xFEFF, 0xFEFF },   -- byte-order mark
  { 0xFF01, 0xFF0F },   -- ！ ＂ … （ ） ， ．
  { 0xFF1A, 0xFF20 },   -- ： ； ＜ ＝ ＞ ？ ＠
  { 0xFF3B, 0xFF40 },   -- ［ ＼ ］ ＾ ＿ ｀
  { 0xFF5B, 0xFF65 },   -- ｛ ｜ ｝ ～ ｟ ｠ ｡ ｢ ｣ ､ ･
}

-- 供 gsub 用的查找表：{ ["，"] = "" , … }，表中没有的字 gsub 保留原样。
-- For gsub: each such character (as UTF-8 text) maps to "", so that
-- s:gsub(pattern, DROP) removes them in C, without a Lua call per
-- character; a character not in the table is kept.
local DROP = {}
for _, r in ipairs(PUNCT_RANGES) do
  for c = r[1], r[2] do
    DROP[utf8.char(c)] = ""
  end
end

-- 全角转半角的查找表 / full-width ASCII to ASCII, for gsub:
-- { ["１"] = "1", ["（"] = "(", … } (U+FF01–FF5E is ASCII + 0xFEE0)
local HALF = {}
for c = 0xFF01, 0xFF5E do
  HALF[utf8.char(c)] = string.char(c - 0xFEE0)
end

-- 把 s 拆成字：cps[i] 是第 i 个字（已规范化）的码位，at[i] 是它在 s 中
-- 的字节位置；at[n + 1] == #s + 1。
-- Decode s: cps[i] is the i-th character's code point (normalised),
-- at[i] its byte position in s; at[n + 1] is #s + 1.
local function decode(s)
  local cps, at, n = {}, {}, 0
  for p, c in utf8.codes(s) do
    n = n + 1
    cps[n], at[n] = norm_cp(c), p
  end
  at[n + 1] = #s + 1
  return cps, at, n
end

-- ---------------------------------------------------------------------
-- text.normalize
-- ---------------------------------------------------------------------

-- 全角 ASCII（U+FF01–FF5E，如 １２、（、％、，）转成半角，全角空格 U+3000
-- 转成普通空格；其余文字不变（｟ ｡ ｢ 等半角形式也不变）。返回新字符串。
-- Full-width ASCII (U+FF01–FF5E: １２ （ ％ ，…) becomes ASCII and the
-- ideographic space U+3000 a plain space; everything else is kept.
--   text.normalize("受理申请１２件（含％）")  --> "受理申请12件(含%)"
function text.normalize(s)
  s = valid(str(s, "normalize"))
  if not s:find("[\xE3\xEF]") then
    return s   -- no byte that could start U+3000 or U+FFxx
  end
  s = s:gsub("\xE3\x80\x80", " ")
  s = s:gsub("\xEF[\xBC\xBD][\x80-\xBF]", HALF)
  return s
end

-- ---------------------------------------------------------------------
-- 中文数字 / Chinese numerals
-- ---------------------------------------------------------------------

-- 数字字 / digits (大写 too, and the traditional 兩 貳 參 陸)
local DIGIT = {
  [0x4E00] = 1, [0x4E8C] = 2, [0x4E24] = 2, [0x5169] = 2, [0x4E09] = 3,  -- 一 二 两 兩 三
  [0x56DB] = 4, [0x4E94] = 5, [0x516D] = 6, [0x4E03] = 7, [0x516B] = 8,  -- 四 五 六 七 八
  [0x4E5D] = 9,                                                          -- 九
  [0x58F9] = 1, [0x8D30] = 2, [0x8CB3] = 2, [0x53C1] = 3, [0x53C3] = 3,  -- 壹 贰 貳 叁 參
  [0x8086] = 4, [0x4F0D] = 5, [0x9646] = 6, [0x9678] = 6, [0x67D2] = 7,  -- 肆 伍 陆 陸 柒
  [0x634C] = 8, [0x7396] = 9,                                            -- 捌 玖
}
local ZERO = { [0x96F6] = true, [0x3007] = true }                        -- 零 〇
local SMALL = {                                                          -- 十 百 千
  [0x5341] = 10, [0x62FE] = 10, [0x767E] = 100, [0x4F70] = 100,         -- 十 拾 百 佰
  [0x5343] = 1000, [0x4EDF] = 1000,                                     -- 千 仟
}
local BIG = {                                                            -- 万 亿
  [0x4E07] = 10000, [0x842C] = 10000, [0x4EBF] = 100000000, [0x5104] = 100000000,
}
local POINT = 0x70B9          -- 点 (三点五 = 3.5)

-- 一个数可以从这些字开始：阿拉伯数字、数字字、零、十，以及“百分之”的“百”
-- A number can begin with these: 0-9, a digit, 零, 十, and 百 of 百分之.
local STARTS = { [0x5341] = true, [0x62FE] = true, [0x767E] = true }  -- 十 拾 百
for c = 0x30, 0x39 do
  STARTS[c] = true
end
for c in pairs(DIGIT) do
  STARTS[c] = true
end
for c in pairs(ZERO) do
  STARTS[c] = true
end
local MAX_TOKENS = 24         -- a numeral longer than this is cut

local function is_ascii_digit(c)
  return c ~= nil and c >= 0x30 and c <= 0x39
end

-- 读一个阿拉伯数字（可带千分位逗号和小数），从 cps[i] 起，不超过 j。
-- 千分位：逗号后正好三位数字（“3,119”“3，119”；“1,2,3”不是）。
-- 返回 数值 和 最后一个字的下标。
-- Read an Arabic number at cps[i] (not past j): digits, "3,119"
-- thousands groups (a comma, then exactly three digits), a decimal part.
-- Returns the value and the index of its last character.
local function read_arabic(cps, i, j)
  local digits, k = {}, i
  while k <= j and is_ascii_digit(cps[k]) do
    digits[#digits + 1] = string.char(cps[k])
    k = k + 1
  end
  if #digits <= 3 then
    -- thousands groups: ",ddd" not followed by another digit
    while k + 3 <= j and cps[k] == 0x2C and is_ascii_digit(cps[k + 1]) and is_ascii_digit(cps[k + 2])
        and is_ascii_digit(cps[k + 3]) and not is_ascii_digit(cps[k + 4]) do
      for d = k + 1, k + 3 do
        digits[#digits + 1] = string.char(cps[d])
      end
      k = k + 4
    end
  end
  if k + 1 <= j and cps[k] == 0x2E and is_ascii_digit(cps[k + 1]) then
    digits[#digits + 1] = "."
    k = k + 1
    while k <= j and is_ascii_digit(cps[k]) do
      digits[#digits + 1] = string.char(cps[k])
      k = k + 1
    end
  end
  return tonumber(table.concat(digits)), k - 1
end

-- 把 cps[i..j] 切成数字记号，遇到不是数字的字就停。返回记号列表和下一个字的
-- 下标。每个记号 = { kind = "digit"|"zero"|"arabic"|"small"|"big"|"point",
-- value = …, last = 最后一个字的下标 }。
-- Cut cps[i..j] into numeral tokens, stopping at the first character that
-- is not part of a numeral (or after MAX_TOKENS tokens).  Returns the
-- tokens and the index after the last one read.
local function tokenize(cps, i, j)
  local tokens, k = {}, i
  while k <= j and #tokens < MAX_TOKENS do
    local c, tok = cps[k], nil
    if is_ascii_digit(c) then
      local v, last = read_arabic(cps, k, j)
      tok = { kind = "arabic", value = v, last = last }
    elseif DIGIT[c] then
      tok = { kind = "digit", value = DIGIT[c], last = k }
    elseif ZERO[c] then
      tok = { kind = "zero", value = 0, last = k }
    elseif SMALL[c] then
      tok = { kind = "small", value = SMALL[c], last = k }
    elseif BIG[c] then
      tok = { kind = "big", value = BIG[c], last = k }
    elseif c == POINT and #tokens > 0 and k < j
        and (DIGIT[cps[k + 1]] or ZERO[cps[k + 1]]) then
      tok = { kind = "point", value = 0, last = k }
    else
      break
    end
    tokens[#tokens + 1] = tok
    k = tok.last + 1
  end
  return tokens, k
end

-- a × b；太大时用浮点数，不让整数溢出（3千亿亿 之类的阿拉伯数字混写）
-- a × b, as a float when integers would overflow (huge mixed numbers)
local function times(a, b)
  if math.type(a) == "integer" and math.type(b) == "integer"
      and a >= math.maxinteger // b then
    return (a + 0.0) * b
  end
  return a * b
end

-- 万以下的数：二十三、一百零五、三千、十五、一百五（=150）、3千。
-- A number below ten thousand from tokens a..b: 二十三, 一百零五, 十五,
-- 一百五 (= 150, the spoken short form), 3千.  nil when it is not one.
local function below_wan(t, a, b)
  if a > b then
    return nil
  end
  local total, last_unit, pending, after_zero, had_unit = 0, math.huge, nil, false, false
  for k = a, b do
    local tok = t[k]
    if tok.kind == "digit" or tok.kind == "arabic" then
      if pending then
        return nil               -- 三五: two digits in a row
      end
      pending = tok
    elseif tok.kind == "zero" then
      if pending or not had_unit then
        return nil               -- 零 only after a unit: 一百零五
      end
      after_zero = true
    elseif tok.kind == "small" then
      if tok.value >= last_unit then
        return nil               -- units must get smaller: not 十百
      end
      local n = 1                -- 十 alone is 一十
      if pending then
        n = pending.value
      elseif tok.value ~= 10 then
        return nil               -- 百 and 千 need a digit: 三百
      end
      total = total + times(n, tok.value)
      last_unit, pending, after_zero, had_unit = tok.value, nil, false, true
    else
      return nil                 -- 万, 亿, 点 are not read here
    end
  end
  if after_zero and not pending then
    return nil                   -- 一百零: nothing after the 零
  end
  if pending then
    if had_unit and not after_zero and last_unit >= 100 and pending.kind == "digit" then
      total = total + pending.value * (last_unit // 10)   -- 一百五 = 150
    else
      total = total + pending.value
    end
  end
  return total
end

-- 大数：a..b 中第一个“万”（unit = 10000）或“亿”（unit = 10^8）把数分成
-- 两半，左边 × unit + 右边；左边用 left_reader 读，右边用 right_reader 读，
-- 右边必须小于 unit。没有这个单位时整段用 right_reader 读。
-- 三万四千、三万四（= 34000）、一万零五、三亿五千万、一万亿。
-- A number with 万 or 亿: split at the first such unit, left × unit +
-- right (read with left_reader and right_reader; right must be below the
-- unit); without that unit, all of a..b is read with right_reader:
-- 三万四千, 三万四 (= 34000), 一万零五 (= 10005), 三亿五千万, 一万亿.
local function with_unit(t, a, b, unit, left_reader, right_reader)
  local k = nil
  for x = a, b do
    if t[x].kind == "big" and t[x].value == unit then
      k = x
      break
    end
  end
  if not k then
    return right_reader(t, a, b)
  end
  local left = left_reader(t, a, k - 1)
  if not left or left == 0 then
    return nil
  end
  local right = 0
  if k < b then
    local r = k + 1
    if r == b and t[r].kind == "digit" then
      right = t[r].value * (unit // 10)           -- 三万四 = 34000
    else
      while r <= b and t[r].kind == "zero" do     -- 一万零五 = 10005
        r = r + 1
      end
      right = right_reader(t, r, b)
      if not right or right >= unit then
        return nil
      end
    end
  end
  return times(left, unit) + right
end

local function below_yi(t, a, b)
  return with_unit(t, a, b, 10000, below_wan, below_wan)
end

local function any_size(t, a, b)
  return with_unit(t, a, b, 100000000, below_yi, below_yi)
end

-- 只由数字字组成：按位读，二〇二三 = 2023，五 = 5。
-- Only digit characters: read them place by place, 二〇二三 = 2023.
local function digit_string(t, a, b)
  local s = {}
  for k = a, b do
    local kind = t[k].kind
    if kind ~= "digit" and kind ~= "zero" then
      return nil
    end
    s[#s + 1] = tostring(t[k].value)
  end
  return table.concat(s)
end

-- 记号 a..b 的数值，不是一个数时为 nil。整数尽量返回整数。
-- The value of tokens a..b, or nil; whole numbers come back as integers.
local function value_of(t, a, b)
  if a > b then
    return nil
  end
  local v = nil
  local point = nil
  for k = a, b do
    if t[k].kind == "point" then
      point = k
      break
    end
  end
  if point then
    -- 三点五 = 3.5; 三点五万 = 35000
    local scale = 1
    if t[b].kind == "big" then
      scale, b = t[b].value, b - 1
    end
    local whole = value_of(t, a, point - 1)
    local frac = digit_string(t, point + 1, b)
    if whole and frac and frac ~= "" and math.type(whole) == "integer" then
      v = tonumber(whole .. "." .. frac) * scale
    end
  elseif digit_string(t, a, b) then
    v = tonumber(digit_string(t, a, b))          -- 二〇二三 = 2023, 零 = 0
  else
    v = any_size(t, a, b)
  end
  if v == nil then
    return nil
  end
  return math.tointeger(v) or v
end

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
  local cps, _, n = decode(text.normalize(str(s, "cn_number")))
  local i, j = 1, n
  while i <= j and is_space(cps[i]) do
    i = i + 1
  end
  while j >= i and is_space(cps[j]) do
    j = j - 1
  end
  if i > j then
    return nil
  end
  local tokens, next_char = tokenize(cps, i, j)
  if next_char <= j then
    return nil       -- something that is not a numeral, or too long
  end
  return value_of(tokens, 1, #tokens)
end

-- ---------------------------------------------------------------------
-- text.numbers
-- ---------------------------------------------------------------------

-- 默认单位 / the units looked for after a number (longest first)
local UNITS = { "件", "条", "篇", "次", "个", "项", "期", "人", "家", "万元", "元", "%" }
text.UNITS = UNITS

local APPROX = { [0x4F59] = true, [0x591A] = true }   -- 余 多: 100余件
local ORDINAL = 0x7B2C                                -- 第
local ENUM_COMMA = 0x3001                             -- 、
local OPEN_PAREN, CLOSE_PAREN = 0x28, 0x29            -- ( ) after normalising （ ）

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

-- cps[k] 起的单位（最长优先），返回单位和它最后一个字的下标，没有则 nil。
-- The unit starting at cps[k], longest first: the unit and the index of
-- its last character, or nil.
local function unit_at(cps, k, n, set, longest)
  for len = math.min(longest, n - k + 1), 1, -1 do
    local parts = {}
    for x = k, k + len - 1 do
      parts[#parts + 1] = utf8.char(cps[x])
    end
    local u = table.concat(parts)
    if set[u] then
      return u, k + len - 1
    end
  end
  return nil
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
-- cps[i] 起的一个数（cps[i] 是 STARTS 里的字）。返回 两个值：找到的数
-- （表，如 text.numbers 所列；不收的数为 false），以及接着往下看的下标。
-- The number that begins at cps[i] (a character in STARTS): the entry
-- text.numbers lists (false for one it leaves out, nil when there is no
-- number here), and the index to go on from.
local function number_at(s, cps, at, n, i, set, longest)
  local start, first = i, i
  -- 百分之… : a percentage written out
  local percent = cps[i] == 0x767E
  if percent then
    if cps[i + 1] ~= 0x5206 or cps[i + 2] ~= 0x4E4B or not STARTS[cps[i + 3]]
        or cps[i + 3] == 0x767E then
      return nil, i + 1
    end
    first = i + 3
  end
  local tokens = tokenize(cps, first, n)
  -- the longest run of tokens that is a number
  local count, value = #tokens, nil
  while count > 0 do
    value = value_of(tokens, 1, count)
    if value then
      break
    end
    count = count - 1
  end
  if not value then
    return nil, i + 1
  end
  local last = tokens[count].last
  -- 3万元: prefer a unit that begins with the number's last character
  if count > 1 and tokens[count].kind == "big" then
    local u = unit_at(cps, last, n, set, longest)
    local shorter = u and utf8.len(u) > 1 and value_of(tokens, 1, count - 1)
    if shorter then
      count, value = count - 1, shorter
      last = tokens[count].last
    end
  end
  -- the unit: after spaces, and after 余/多 when a unit follows them
  local k = last + 1
  while k <= n and cps[k] == 0x20 do
    k = k + 1
  end
  local approx = false
  if APPROX[cps[k]] then
    k, approx = k + 1, true
  end
  local unit, unit_end = nil, nil
  if percent then
    unit, unit_end = "%", last
  elseif k <= n then
    unit, unit_end = unit_at(cps, k, n, set, longest)
  end
  local stop = unit_end or last
  -- Chinese digits with no unit are often words or headings: left out
  if not unit then
    local chinese = true
    for x = 1, count do
      if tokens[x].kind == "arabic" then
        chinese = false
      end
    end
    if chinese and (last == first                               -- 统一, 一是, 十分
        or cps[last + 1] == ENUM_COMMA                          -- 十一、
        or (cps[start - 1] == OPEN_PAREN and cps[last + 1] == CLOSE_PAREN)) then  -- （十二）
      return false, stop + 1
    end
  end
  return {
    value = value,
    unit = unit,
    text = s:sub(at[start], at[stop + 1] - 1),
    pos = at[start],
    ordinal = cps[start - 1] == ORDINAL or nil,
    approx = (unit and approx) or nil,
  }, stop + 1
end

function text.numbers(s, units)
  s = valid(str(s, "numbers"))
  local set, longest = DEFAULT_SET, DEFAULT_LONGEST
  if units ~= nil then
    set, longest = cached_set(units)
  end
  local cps, at, n = decode(s)
  local found = {}
  local i = 1
  while i <= n do
    if not STARTS[cps[i]] then
      i = i + 1        -- the usual case: no number begins here
    else
      local entry
      entry, i = number_at(s, cps, at, n, i, set, longest)
      if entry then
        found[#found + 1] = entry
      end
    end
  end
  return found
end

-- ---------------------------------------------------------------------
-- text.sentences
-- ---------------------------------------------------------------------

local ENDS = {                -- 句末 / what ends a sentence (after normalising)
  [0x3002] = true, [0xFF61] = true,              -- 。 ｡
  [0x21] = true, [0x3F] = true, [0x3B] = true,   -- ！ ？ ； (and ! ? ;)
  [0x0A] = true, [0x0D] = true,                  -- newlines
  [0x2028] = true, [0x2029] = true,
}
local CLOSERS = {             -- 句末后的后引号、括号算上一句的
  [0x201D] = true, [0x2019] = true, [0x300D] = true, [0x300F] = true,  -- ” ’ 」 』
  [0x29] = true, [0x300B] = true, [0x3011] = true,                     -- ） 》 】
}

-- 按 。！？；（全角或半角）和换行分句。返回列表，每项 { text = 句子,
-- pos = 它在 s 中的字节位置 }；句子去掉首尾空白，不含句末标点，也不含紧跟
-- 句末标点的后引号或括号（“好。”）；空句子不要。
-- Split s at 。！？； (full-width or ASCII) and newlines.  Each entry is
-- { text, pos }: the sentence trimmed, without its closing mark (nor a
-- closing quote or bracket right after that mark); empty ones are dropped.
--   text.sentences("一、总体情况\n本年度共发布信息24条。其中……")
--   --> { {text = "一、总体情况", pos = 1}, {text = "本年度共发布信息24条", …},
--         {text = "其中……", …} }
function text.sentences(s)
  s = valid(str(s, "sentences"))
  local cps, at, n = decode(s)
  local list = {}
  local function add(a, b)
    while a <= b and is_space(cps[a]) do
      a = a + 1
    end
    while b >= a and is_space(cps[b]) do
      b = b - 1
    end
    if a <= b then
      list[#list + 1] = { text = s:sub(at[a], at[b + 1] - 1), pos = at[a] }
    end
  end
  local begin, k = 1, 1
  while k <= n do
    if ENDS[cps[k]] then
      add(begin, k - 1)
      k = k + 1
      while k <= n and CLOSERS[cps[k]] do
        k = k + 1
      end
      begin = k
    else
      k = k + 1
    end
  end
  add(begin, n)
  return list
end

-- ---------------------------------------------------------------------
-- text.similarity
-- ---------------------------------------------------------------------

text.SIMILARITY_LIMIT = 200000   -- 只比较前 20 万字 / characters compared

-- 文字的“二字组”计数：先取前 SIMILARITY_LIMIT 个字、规范化、去掉空白和
-- 标点（都用 gsub，在 C 里做），再数相邻两字。键是两个码位拼成的整数（不建
-- 字符串，省内存）。返回 计数表、组数、去掉标点后的文字。
-- Count the character bigrams of s: cut at SIMILARITY_LIMIT characters,
-- normalise, drop whitespace and punctuation (gsub does these in C), then
-- count each pair of neighbours.  A key is the two code points as one
-- integer, so no strings are made.  Returns the counts, how many pairs,
-- and the stripped text.
local function bigrams(s)
  s = valid(str(s, "similarity"))
  local cut = utf8.offset(s, text.SIMILARITY_LIMIT + 1)
  if cut then
    s = s:sub(1, cut - 1)
  end
  s = text.normalize(s)
  s = s:gsub("[%s%p]", "")                                  -- ASCII
  s = s:gsub("\xC2[\x80-\xBF]", DROP)                         -- U+0080–00BF
  s = s:gsub("[\xE1\xE2\xE3\xEF][\x80-\xBF][\x80-\xBF]", DROP)     -- U+1xxx, 2xxx, 3xxx, Fxxx
  local counts, prev = {}, nil
  for _, c in utf8.codes(s) do
    if prev then
      local key = prev * 0x200000 + c
      counts[key] = (counts[key] or 0) + 1
    end
    prev = c
  end
  return counts, math.max(utf8.len(s) - 1, 0), s
end

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
function text.similarity(a, b)
  local ca, na, sa = bigrams(a)
  local cb, nb, sb = bigrams(b)
  if na == 0 or nb == 0 then
    -- at most one character left on one side: no pairs to compare
    if na == 0 and nb == 0 and sa ~= "" and sa == sb then
      return 1.0
    end
    return 0.0
  end
  local shared = 0
  for key, count in pairs(cb) do
    local other = ca[key]
    if other then
      shared = shared + math.min(count, other)
    end
  end
  return 2 * shared / (na + nb)
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
  p = p:gsub("\xE3\x80\x80", " ")
  p = p:gsub("\xEF[\xBC\xBD][\x80-\xBF]", function(c)
    local a = HALF[c]
    if a and MAGIC[a] then
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
  s = valid(str(s, "count_chars"))
  -- all characters, less the whitespace ones (each gsub returns how
  -- many it replaced; counting this way is done in C)
  local count = utf8.len(s)
  for _, space in ipairs(SPACE_PATTERNS) do
    local _, n = s:gsub(space, "")
    count = count - n
  end
  return count
end

return text
