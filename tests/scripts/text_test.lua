-- text_test.lua — tests of rules/lib/text.lua, run as an output script:
--   gouji check --format tests/scripts/text_test.lua tests/variants/pipe_tables.md
-- Emits "text: N passed, M failed", then one line per failure.

local _, emit = ...
local text = require("text")

local passed, failures = 0, {}

-- a readable form of a value, tables with their keys sorted
local function show(v)
  if type(v) == "string" then
    return string.format("%q", v)
  elseif type(v) ~= "table" then
    return tostring(v) .. (math.type(v) == "float" and "(f)" or "")
  end
  local keys = {}
  for k in pairs(v) do
    keys[#keys + 1] = k
  end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then
      return a < b
    end
    return type(a) == "number"
  end)
  local parts = {}
  for _, k in ipairs(keys) do
    if math.type(k) == "integer" and k >= 1 and k <= #v then
      parts[#parts + 1] = show(v[k])
    else
      parts[#parts + 1] = tostring(k) .. "=" .. show(v[k])
    end
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- equal values; numbers must also be of the same kind (integer or float)
local function same(a, b)
  if type(a) ~= type(b) then
    return false
  elseif type(a) == "number" then
    return a == b and math.type(a) == math.type(b)
  elseif type(a) ~= "table" then
    return a == b
  end
  for k, v in pairs(a) do
    if not same(v, b[k]) then
      return false
    end
  end
  for k in pairs(b) do
    if a[k] == nil then
      return false
    end
  end
  return true
end

local function check(name, got, want)
  if same(got, want) then
    passed = passed + 1
  else
    failures[#failures + 1] = name .. ": got " .. show(got) .. ", want " .. show(want)
  end
end

local function close(name, got, want)
  if type(got) == "number" and math.abs(got - want) < 1e-9 then
    passed = passed + 1
  else
    failures[#failures + 1] = name .. ": got " .. show(got) .. ", want about " .. show(want)
  end
end

-- the call fails and its message contains want
local function fails(name, f, want)
  local ok, err = pcall(f)
  if not ok and tostring(err):find(want, 1, true) then
    passed = passed + 1
  else
    failures[#failures + 1] = name .. ": expected an error with " .. show(want)
        .. ", got " .. (ok and "no error" or show(tostring(err)))
  end
end

-- ------------------------------------------------------------ normalize
local N = text.normalize
check("normalize digits", N("受理申请１２件"), "受理申请12件")
check("normalize punctuation", N("（一）占比１２．５％，共３，１１９件！？；：") ,
      "(一)占比12.5%,共3,119件!?;:")
check("normalize letters", N("ＡＢＣｘｙｚ～！"), "ABCxyz~!")
check("normalize ideographic space", N("总体　情况"), "总体 情况")
check("normalize keeps CJK punctuation", N("一、总体情况。“好”《条例》"), "一、总体情况。“好”《条例》")
check("normalize keeps half-width forms", N("｟｠｡｢｣､･ｱ"), "｟｠｡｢｣､･ｱ")
check("normalize ascii", N("abc 123"), "abc 123")
check("normalize empty", N(""), "")
-- as the reader normalises (core/norm.c): wide spaces and dashes too
check("normalize dashes as the reader", N("3—5件，−2，2–4"), "3-5件,-2,2-4")
check("normalize no-break space", N("共\u{A0}3件"), "共 3件")
check("find with a dash in the pattern", { text.find("增减—2件", "减—(%d)件") }, { 4, 11, "2" })
check("normalize nil", N(nil), "")
check("normalize number", N(12), "12")
check("normalize invalid utf-8", N("a\xFFb１"), "a\u{FFFD}b1")
check("normalize truncated utf-8", N("条\xE4\xBB"), "条\u{FFFD}\u{FFFD}")
check("normalize long", N(string.rep("１２件　", 20000)), string.rep("12件 ", 20000))
fails("normalize table", function() return N({}) end, "text.normalize: expected a string, got table")

-- ------------------------------------------------------------ cn_number
local C = text.cn_number
local cn_cases = {
  { "二十三", 23 }, { "一百零五", 105 }, { "两千", 2000 }, { "十", 10 },
  { "三万四千", 34000 }, { "3万", 30000 }, { "零", 0 }, { "〇", 0 },
  { "一", 1 }, { "九", 9 }, { "两", 2 }, { "十五", 15 }, { "一十五", 15 },
  { "二十", 20 }, { "一百", 100 }, { "一百一十", 110 }, { "一百十", 110 },
  { "一百五", 150 }, { "两千五", 2500 }, { "一千零十", 1010 },
  { "一千零一", 1001 }, { "一千〇五十", 1050 }, { "九千九百九十九", 9999 },
  { "一万", 10000 }, { "十万", 100000 }, { "一百万", 1000000 },
  { "三万四", 34000 }, { "一万零五", 10005 }, { "一万零五百", 10500 },
  { "九千九百九十九万九千九百九十九", 99999999 }, { "一亿", 100000000 },
  { "三亿五千万", 350000000 }, { "三亿零五万", 300050000 }, { "三亿四", 340000000 },
  { "一万亿", 1000000000000 }, { "二〇二三", 2023 }, { "二零二四", 2024 },
  { "壹佰贰拾叁", 123 }, { "叁仟零肆拾", 3040 }, { "玖拾", 90 }, { "拾", 10 },
  { "伍万", 50000 }, { "兩萬", 20000 },
  { "24", 24 }, { "１２", 12 }, { "3,119", 3119 }, { "３，１１９", 3119 },
  { "1,234,567", 1234567 }, { "12.5", 12.5 }, { "0.5", 0.5 }, { "007", 7 },
  { "3万", 30000 }, { "1.5万", 15000 }, { "12万", 120000 }, { "3千2百", 3200 },
  { "3万4千", 34000 }, { "2亿", 200000000 }, { "三点一四", 3.14 },
  { "陆柒捌", 678 }, { "3千亿", 300000000000 }, { "三十亿", 3000000000 },
  { "9223372036854775807千", 9223372036854775807 * 1000.0 },
  { "三点五万", 35000 }, { "零点五", 0.5 }, { "  二十三 ", 23 }, { "　十二　", 12 },
}
for _, c in ipairs(cn_cases) do
  check("cn_number " .. c[1], C(c[1]), c[2])
end
local not_numbers = { "", "   ", "abc", "二十三件", "百", "千", "万", "亿", "十百",
  "百十", "一百零", "零五十", "万一", "十万万", "三万一万", "一亿亿", "点五",
  "三点", "3,11", "1,2,3", "12,3456", "12.5.6", "-5", "1e5", "0x10", "二十 三",
  "统一", "第一", string.rep("一", 30) }
for _, s in ipairs(not_numbers) do
  check("cn_number nil " .. show(s), C(s), nil)
end
check("cn_number nil arg", C(nil), nil)
check("cn_number integer kind", math.type(C("二十三")), "integer")
check("cn_number number arg", C(42), 42)

-- ------------------------------------------------------------ numbers
local function nums(s, units)
  local out = {}
  for _, n in ipairs(text.numbers(s, units)) do
    out[#out + 1] = n
  end
  return out
end
-- bytes that are not UTF-8 are read as U+FFFD first: positions and text
-- are those of the repaired text (short texts and long ones alike)
check("numbers invalid utf-8", nums("a\xFF共24条"),
      { { value = 24, unit = "条", text = "24条", pos = 8 } })
check("numbers invalid utf-8, long text", nums(string.rep("x", 2000) .. "\xFF共24条")[1].pos, 2007)
check("numbers invalid utf-8, long text value", nums(string.rep("x", 2000) .. "\xFF共24条")[1].value, 24)
check("sentences invalid utf-8", text.sentences("a\xFF。b"),
      { { text = "a\u{FFFD}", pos = 1 }, { text = "b", pos = 8 } })
check("sentences invalid utf-8, long text", #text.sentences(string.rep("甲。", 1000) .. "\xFF"), 1001)
check("cn_number invalid utf-8", text.cn_number("二十\xFF"), nil)
check("numbers 24条", nums("共发布各类信息24条"),
      { { value = 24, unit = "条", text = "24条", pos = 22 } })
check("numbers full-width", nums("受理申请１２件"),
      { { value = 12, unit = "件", text = "１２件", pos = 13 } })
check("numbers chinese", nums("二十三件"), { { value = 23, unit = "件", text = "二十三件", pos = 1 } })
check("numbers percent", nums("占比12.5%"), { { value = 12.5, unit = "%", text = "12.5%", pos = 7 } })
check("numbers full-width percent", nums("占比１２．５％"),
      { { value = 12.5, unit = "%", text = "１２．５％", pos = 7 } })
check("numbers thousands", nums("3,119件"), { { value = 3119, unit = "件", text = "3,119件", pos = 1 } })
check("numbers no unit", nums("2023年"), { { value = 2023, text = "2023", pos = 1 } })
check("numbers empty", nums(""), {})
check("numbers nil", nums(nil), {})
check("numbers none", nums("没有任何数字。"), {})
check("numbers several", nums("本年度新收申请12件，上年结转3件，共计15件。"), {
  { value = 12, unit = "件", text = "12件", pos = 22 },
  { value = 3, unit = "件", text = "3件", pos = 42 },
  { value = 15, unit = "件", text = "15件", pos = 55 },
})
check("numbers every unit", nums("1件2条3篇4次5个6项7期8人9家10元11%"), {
  { value = 1, unit = "件", text = "1件", pos = 1 }, { value = 2, unit = "条", text = "2条", pos = 5 },
  { value = 3, unit = "篇", text = "3篇", pos = 9 }, { value = 4, unit = "次", text = "4次", pos = 13 },
  { value = 5, unit = "个", text = "5个", pos = 17 }, { value = 6, unit = "项", text = "6项", pos = 21 },
  { value = 7, unit = "期", text = "7期", pos = 25 }, { value = 8, unit = "人", text = "8人", pos = 29 },
  { value = 9, unit = "家", text = "9家", pos = 33 }, { value = 10, unit = "元", text = "10元", pos = 37 },
  { value = 11, unit = "%", text = "11%", pos = 42 },
})
check("numbers 万元", nums("收费3.5万元"), { { value = 3.5, unit = "万元", text = "3.5万元", pos = 7 } })
check("numbers 三万元", nums("三万元"), { { value = 3, unit = "万元", text = "三万元", pos = 1 } })
check("numbers 3万条", nums("3万条"), { { value = 30000, unit = "条", text = "3万条", pos = 1 } })
check("numbers 3万", nums("约3万"), { { value = 30000, text = "3万", pos = 4 } })
check("numbers 1.5万人", nums("1.5万人"), { { value = 15000, unit = "人", text = "1.5万人", pos = 1 } })
check("numbers 百分之", nums("增长百分之十二点五"),
      { { value = 12.5, unit = "%", text = "百分之十二点五", pos = 7 } })
check("numbers 百分之 arabic", nums("百分之95"), { { value = 95, unit = "%", text = "百分之95", pos = 1 } })
check("numbers 百分之百 is not", nums("百分之百"), {})
check("numbers space before unit", nums("24 条"), { { value = 24, unit = "条", text = "24 条", pos = 1 } })
check("numbers ideographic space", nums("24　条"), { { value = 24, unit = "条", text = "24　条", pos = 1 } })
check("numbers trailing space", nums("24 "), { { value = 24, text = "24", pos = 1 } })
check("numbers approx", nums("100余件，二十多个"), {
  { value = 100, unit = "件", text = "100余件", pos = 1, approx = true },
  { value = 20, unit = "个", text = "二十多个", pos = 13, approx = true },
})
check("numbers approx without unit", nums("10余年"), { { value = 10, text = "10", pos = 1 } })
check("numbers ordinal", nums("依据第三十六条"),
      { { value = 36, unit = "条", text = "三十六条", pos = 10, ordinal = true } })
check("numbers ordinal arabic", nums("第1期"), { { value = 1, unit = "期", text = "1期", pos = 4, ordinal = true } })
check("numbers words left out", nums("统一规范，一是加强，进一步，十分重要，万一，百姓，千万"), {})
check("numbers headings left out", nums("（一）总体情况 十一、其他 （十二）"), {})
check("numbers one with unit", nums("开展培训一次"), { { value = 1, unit = "次", text = "一次", pos = 13 } })
check("numbers two with unit", nums("两个"), { { value = 2, unit = "个", text = "两个", pos = 1 } })
check("numbers year", nums("二〇二三年"), { { value = 2023, text = "二〇二三", pos = 1 } })
check("numbers mixed", nums("3万4千件"), { { value = 34000, unit = "件", text = "3万4千件", pos = 1 } })
check("numbers decimal stop", nums("共12."), { { value = 12, text = "12", pos = 4 } })
check("numbers list commas", nums("1,2,3件"), {
  { value = 1, text = "1", pos = 1 }, { value = 2, text = "2", pos = 3 },
  { value = 3, unit = "件", text = "3件", pos = 5 },
})
check("numbers full-width comma groups", nums("3，119件"),
      { { value = 3119, unit = "件", text = "3，119件", pos = 1 } })
check("numbers date", nums("2023年1月1日"), {
  { value = 2023, text = "2023", pos = 1 }, { value = 1, text = "1", pos = 8 },
  { value = 1, text = "1", pos = 12 },
})
check("numbers custom units", nums("办理时限15个工作日，接待30人次", { "个工作日", "人次" }), {
  { value = 15, unit = "个工作日", text = "15个工作日", pos = 13 },
  { value = 30, unit = "人次", text = "30人次", pos = 36 },
})
check("numbers custom units drop default", nums("12件", { "份" }), { { value = 12, text = "12", pos = 1 } })
check("numbers text.UNITS", #text.UNITS, 12)
check("numbers text.UNITS as units", nums("5万元", text.UNITS),
      { { value = 5, unit = "万元", text = "5万元", pos = 1 } })
do
  local s = "本年度主动公开信息３，１１９条，其中政策解读二十三篇。"
  local ok = true
  for _, n in ipairs(text.numbers(s)) do
    if s:sub(n.pos, n.pos + #n.text - 1) ~= n.text then
      ok = false
    end
  end
  check("numbers pos and text agree", ok, true)
  check("numbers values", #text.numbers(s) == 2 and text.numbers(s)[1].value + text.numbers(s)[2].value, 3142)
end
do
  local long = string.rep("本年度共发布信息24条，回应关切３次。", 3000)
  local list = text.numbers(long)
  check("numbers long count", #list, 6000)
  check("numbers long last", list[6000], { value = 3, unit = "次", text = "３次", pos = 53 * 2999 + 45 })
end
check("numbers long numeral", #nums(string.rep("一", 60) .. "件"), 3)
fails("numbers bad arg", function() return text.numbers(true) end, "text.numbers: expected a string")

-- ------------------------------------------------------------ sentences
check("sentences basic", text.sentences("本年度共发布信息24条。其中政策解读3篇！是否及时？是；下一句"), {
  { text = "本年度共发布信息24条", pos = 1 }, { text = "其中政策解读3篇", pos = 33 },
  { text = "是否及时", pos = 58 }, { text = "是", pos = 73 }, { text = "下一句", pos = 79 },
})
check("sentences newlines and trim", text.sentences("一、总体情况\n  本年度情况。 \r\n\n　二、主动公开  "), {
  { text = "一、总体情况", pos = 1 }, { text = "本年度情况", pos = 22 }, { text = "二、主动公开", pos = 47 },
})
check("sentences ascii marks", text.sentences("a! b? c; d"), {
  { text = "a", pos = 1 }, { text = "b", pos = 4 }, { text = "c", pos = 7 }, { text = "d", pos = 10 },
})
check("sentences closing quote", text.sentences("他说：“好。”下一句。"), {
  { text = "他说：“好", pos = 1 }, { text = "下一句", pos = 22 },
})
check("sentences empty dropped", text.sentences("。。！？\n\n；"), {})
check("sentences empty", text.sentences(""), {})
check("sentences nil", text.sentences(nil), {})
check("sentences spaces", text.sentences("  \n\t "), {})
check("sentences no mark", text.sentences("没有句号"), { { text = "没有句号", pos = 1 } })
check("sentences decimal not split", text.sentences("占比12.5%。"), { { text = "占比12.5%", pos = 1 } })
check("sentences comma not split", text.sentences("一是，二是，三是"), { { text = "一是，二是，三是", pos = 1 } })
do
  local long = string.rep("第一句。第二句！", 5000)
  local list = text.sentences(long)
  check("sentences long count", #list, 10000)
  check("sentences long last", list[10000], { text = "第二句", pos = 24 * 4999 + 13 })
end

-- ------------------------------------------------------------ similarity
local S = text.similarity
check("similarity same", S("本年度共发布信息24条。", "本年度共发布信息24条。"), 1.0)
check("similarity normalised", S("本年度共发布信息24条。", "本年度　共发布信息２４条"), 1.0)
check("similarity punctuation ignored", S("一、总体情况：好", "一总体情况好！"), 1.0)
check("similarity nothing shared", S("政府信息", "公开工作"), 0.0)
check("similarity half", S("abc", "abd"), 0.5)
close("similarity dice", S("政府信息公开", "政府信息工作"), 2 * 3 / 10)
close("similarity repeats counted", S("好好好", "好好"), 2 * 1 / 3)
check("similarity symmetric", S("本年度发布信息", "发布信息本年度") == S("发布信息本年度", "本年度发布信息"), true)
check("similarity empty", S("", ""), 0.0)
check("similarity empty and text", S("", "政府信息"), 0.0)
check("similarity nil", S(nil, "政府信息"), 0.0)
check("similarity punctuation only", S("。，！", "。，！"), 0.0)
check("similarity one char same", S("好", "好。"), 1.0)
check("similarity one char other", S("好", "坏"), 0.0)
check("similarity limit", text.SIMILARITY_LIMIT, 200000)
do
  local base = string.rep("本机关依法依规做好政府信息公开工作，", 6000)   -- 108,000 characters
  check("similarity long same", S(base, base), 1.0)
  local a = base .. base .. "甲乙丙丁"
  local b = base .. base .. string.rep("完全不同的结尾", 10000)
  check("similarity truncated", S(a, b), 1.0)
  local mixed = {}
  for i = 1, 40000 do
    mixed[#mixed + 1] = utf8.char(0x4E00 + (i * 7919) % 20000)
  end
  mixed = table.concat(mixed)
  check("similarity long distinct", S(mixed, mixed), 1.0)
  check("similarity long vs short", S(mixed, "政府") < 0.001, true)
end

-- ------------------------------------------------------------ find / match / gmatch
check("find full-width digits", { text.find("共发布１２条", "发布(%d+)条") }, { 4, 14, "12" })
check("find full-width pattern literal", { text.find("共发布12条（一）", "（一）") }, { 15, 19 })
check("find full-width percent in pattern", { text.find("占比１２％", "(%d+)％") }, { 7, 9, "12" })
check("find plain", { text.find("a.b（", "（", 1, true) }, { 4, 4 })
check("find init", { text.find("12件和３４件", "(%d+)件", 5) }, { 9, 13, "34" })
check("find none", text.find("没有", "%d"), nil)
check("find empty", text.find("", "%d"), nil)
check("find nil", text.find(nil, "x"), nil)
check("match", text.match("共受理申请１２件", "受理申请(%d+)件"), "12")
check("match two", { text.match("新收１２件，结转3件", "新收(%d+)件.-结转(%d+)件") }, { "12", "3" })
check("match none", text.match("受理申请件", "受理申请(%d+)件"), nil)
do
  local got = {}
  for n in text.gmatch("１件２件，30件", "(%d+)件") do
    got[#got + 1] = n
  end
  check("gmatch", got, { "1", "2", "30" })
end
check("find long", { text.find(string.rep("文字", 50000) .. "共１２条", "共(%d+)条") }, { 300001, 300008, "12" })

-- ------------------------------------------------------------ chars / count_chars
check("chars", text.chars("政府a１ "), { "政", "府", "a", "１", " " })
check("chars empty", text.chars(""), {})
check("chars nil", text.chars(nil), {})
check("chars invalid", text.chars("a\xFFb"), { "a", "\u{FFFD}", "b" })
check("chars emoji", text.chars("好😀"), { "好", "😀" })
check("chars long", #text.chars(string.rep("政府", 50000)), 100000)
check("count_chars", text.count_chars("总体 情况\n。"), 5)
check("count_chars spaces", text.count_chars(" \t\r\n　\u{A0}"), 0)
check("count_chars punctuation counts", text.count_chars("一、（二）"), 5)
check("count_chars empty", text.count_chars(""), 0)
check("count_chars nil", text.count_chars(nil), 0)
check("count_chars long", text.count_chars(string.rep("政府 信息\n", 20000)), 80000)

-- ------------------------------------------------------------ has_any
-- the C loop answers as s:find(w, 1, true) over the list does
local function has_any_lua(s, words)
  for _, w in ipairs(words) do
    if s:find(w, 1, true) then return true end
  end
  return false
end
check("has_any", text.has_any("同比增长12%", { "同比", "上年" }), true)
check("has_any none", text.has_any("本年度", { "同比", "上年" }), false)
check("has_any last word", text.has_any("较上年", { "同比", "上年" }), true)
check("has_any empty list", text.has_any("同比", {}), false)
check("has_any empty word", text.has_any("", { "" }), true)
check("has_any nil text", text.has_any(nil, { "a" }), false)
check("has_any at the end", text.has_any("xxab", { "ab" }), true)
check("has_any longer than s", text.has_any("ab", { "abc" }), false)
check("has_any stops at nil", text.has_any("b", { "a", nil, "b" }), false)
check("has_any bytes", text.has_any("a\0b", { "\0b" }), true)
check("has_any half a character", text.has_any("同", { "\xE5" }), true)
fails("has_any not a list", function() text.has_any("a", "a") end, "table expected")
fails("has_any not a word", function() text.has_any("a", { 1 }) end,
      "text.has_any: word 1 is a number, not a string")
do
  local words = { "申请", "复议", "诉讼", "件", "，", "a", "", "x" }
  local same_count, n = 0, 0
  for i = 1, 400 do
    local s = string.rep("申请复议，诉讼件ax", 1):sub(i % 23, i % 23 + i % 7)
    local list = { words[i % 8 + 1], words[(i * 3) % 8 + 1] }
    if i % 5 == 0 then list = { "不在其中" } end
    n = n + 1
    if text.has_any(s, list) == has_any_lua(s, list) then same_count = same_count + 1 end
  end
  check("has_any as the Lua loop", same_count, n)
end

-- ------------------------------------------------------------ strip_words
-- the C loop answers as this Lua loop does (for non-empty words)
local function strip_lua(s, words, at_end)
  local changed = true
  while changed do
    changed = false
    for _, w in ipairs(words) do
      if not at_end and s:sub(1, #w) == w then
        s, changed = s:sub(#w + 1), true
      elseif at_end and #s >= #w and s:sub(-#w) == w then
        s, changed = s:sub(1, -#w - 1), true
      end
    end
  end
  return s
end
check("strip_words", text.strip_words("全年共发布信息", { "全年", "共" }), "发布信息")
check("strip_words at end", text.strip_words("推送信息共计", { "共计", "共" }, true), "推送信息")
check("strip_words order", text.strip_words("共计发布", { "共", "共计" }), "计发布")
check("strip_words again", text.strip_words("年年度年发布", { "年度", "年" }), "发布")
check("strip_words all of it", text.strip_words("共共", { "共" }), "")
-- a pass per word taken off: 10,000 passes (the stack stays level)
check("strip_words many passes", text.strip_words(string.rep("共", 10000) .. "x", { "年", "共" }), "x")
check("strip_words many passes at end", text.strip_words("x" .. string.rep("共", 10000), { "共" }, true), "x")
check("strip_words nothing", text.strip_words("发布", { "共" }), "发布")
check("strip_words empty word", text.strip_words("发布", { "" }), "发布")
check("strip_words longer word", text.strip_words("共", { "共计" }, true), "共")
check("strip_words nil", text.strip_words(nil, { "a" }), "")
check("strip_words not normalised", text.strip_words("（共）", { "(" }), "（共）")
fails("strip_words not a word", function() text.strip_words("a", { {} }) end,
      "text.strip_words: word 1 is a table, not a string")
do
  local words = { "全年", "共计", "共", "年", "计", "a", "ab" }
  local agree, n = 0, 0
  for i = 1, 500 do
    local src = "全年共计共年a共ab计年共"
    local s = src:sub(1 + (i % 5) * 3, 3 * (i % 11) + 6)
    local list = { words[i % 7 + 1], words[(i * 3) % 7 + 1], words[(i * 5) % 7 + 1] }
    local at_end = i % 2 == 0
    n = n + 1
    if text.strip_words(s, list, at_end) == strip_lua(s, list, at_end) then agree = agree + 1 end
  end
  check("strip_words as the Lua loop", agree, n)
end

-- ------------------------------------------------------------ the module
fails("module read-only", function() text.normalize = nil end, "read-only")
fails("UNITS read-only", function() text.UNITS[1] = "x" end, "read-only")

emit(string.format("text: %d passed, %d failed\n", passed, #failures))
for _, f in ipairs(failures) do
  emit("FAIL " .. f .. "\n")
end
