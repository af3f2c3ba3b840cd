-- Q-BOILERPLATE — 第五部分不是空泛套话：至少有一个数字、具名对象或时限。
-- Part 五 says something concrete: a number, a named thing or a time limit.

local text = require("text")

-- “具体”的信号，任一出现即不报告。要增加，在这里加（保守：宁可不报）。
-- Signals that the text is concrete; any one of them and nothing is
-- reported.  A district can add to these lists.

-- 具名对象的字样：制度、平台、系统等（“跟班学习制度”“政务服务平台”）
-- Words naming a thing: a system, a platform, a website, a catalogue…
local object_words = { "系统", "平台", "网站", "目录", "制度", "专栏", "栏目", "清单", "台账",
                       "模板", "数据库", "公众号", "小程序", "APP", "热线", "手册", "指南" }

-- 时间、期限的字样（数字加“年/月”另外识别）
-- Words of time and deadline (a number with 年 or 月 is found separately)
local time_words = { "年底", "年内", "年前", "月底", "月前", "月内", "前完成", "季度", "上半年",
                     "下半年", "明年", "年度内" }

-- 具名对象：书名号《…》，或引号中的专名“…”（2 至 12 个字）
-- A named thing in 《…》, or a term in quotation marks (2 to 12 characters)
local QUOTED_MIN, QUOTED_MAX = 2, 12

-- 套话：报告时列出找到的几句（只用于说明，不影响判断）
-- Stock phrases: quoted in the message (they do not decide anything)
local stock_phrases = { "进一步加强", "进一步提升", "进一步完善", "不断提高", "不断完善", "有待提高",
                        "有待加强", "有待进一步", "仍需加强", "切实抓好", "认真贯彻落实", "持续推进",
                        "下一步", "加大力度", "提高认识", "扎实做好" }
local MAX_QUOTED_PHRASES = 3

local function first_of(body, words)
  for _, word in ipairs(words) do
    if body:find(word, 1, true) then return word end
  end
  return nil
end

-- 第一个具体信号（说明用），没有时为 nil
-- The first concrete signal found, or nil
-- a parameter listing words separated by 、 or spaces: "平台、台账"
local function word_list(value)
  local words = {}
  for word in tostring(value or ""):gmatch("[^、,，%s]+") do words[#words + 1] = word end
  return words
end

local function concrete(body, extra_words)
  if first_of(body, extra_words) then return first_of(body, extra_words) end
  for _, n in ipairs(text.numbers(body)) do
    return n.text
  end
  local digits = body:match("%d+")
  if digits then return digits end
  for _, unit in ipairs({ "年", "月" }) do       -- 二〇二五年, 六月
    local at = body:find(unit, 1, true)
    while at do
      local before = body:sub(1, at - 1):gsub("%s+$", "")
      local ch = before:match("[\xE3-\xE9][\x80-\xBF][\x80-\xBF]$")
      if ch and text.cn_number(ch) and ch ~= "一" then return ch .. unit end
      at = body:find(unit, at + #unit, true)
    end
  end
  local book = body:match("《[^》]+》")
  if book then return book end
  for quoted in body:gmatch("“([^”]+)”") do
    local len = utf8.len(quoted) or #quoted
    if len >= QUOTED_MIN and len <= QUOTED_MAX then return "“" .. quoted .. "”" end
  end
  return first_of(body, object_words) or first_of(body, time_words)
end

rule {
  id = "Q-BOILERPLATE",
  severity = "warning",
  title = "第五部分内容具体 / part 五 is concrete",
  description = [[
“五、存在的主要问题及改进情况”应针对本机关的实际写出问题和措施。通篇没有任何数字、
没有具名的对象（《文件》、引号中的专名，或“……制度”“……平台”“……目录”之类）、
也没有时限（X年、X月、年底、月底、X月前完成等）的，视为空泛套话，给出警告。
判断从宽：出现任一具体信号即不报告。信号词表和套话词表见本文件开头；不改代码也可
在 pack.yaml 或 gouji.yaml 中用参数 concrete_words（算作具体信号的词）和
boilerplate_phrases（消息中列出的套话）增加，词之间用“、”隔开。套话只在消息中列出，
不影响判断。为空或缺问题、缺措施的由 Q-SEC5 报告。

Part 五 should name this agency's own problems and measures. A part with
no number at all, no named thing (a document in 《》, a term in quotation
marks, a 制度 / 平台 / 目录 … word) and no time limit (a year, a month, 年底,
X月前完成 …) is stock phrasing: a warning. The test is lenient: any one
concrete signal and nothing is reported. The signal and stock-phrase lists
are at the top of this file, and the parameters concrete_words and
boilerplate_phrases (words separated by 、) add to them without editing
code; stock phrases are only quoted in the message.
An empty part, or one without problems or measures, is Q-SEC5's.]],

  check = function(report, add, params)
    local extra_words = word_list(params.concrete_words)
    local phrases = { table.unpack(stock_phrases) }
    for _, p in ipairs(word_list(params.boilerplate_phrases)) do phrases[#phrases + 1] = p end
    for _, section in ipairs(report.sections) do
      if section.number == 5 then
        local body = text.normalize(section.text)
        if text.count_chars(body) >= 10 and not concrete(body, extra_words) then
          local found = {}
          for _, phrase in ipairs(phrases) do
            if #found < MAX_QUOTED_PHRASES and body:find(phrase, 1, true) then
              found[#found + 1] = "“" .. phrase .. "”"
            end
          end
          local extra = #found > 0 and ("，只见" .. table.concat(found, "、") .. "等套话") or ""
          add{ path = "sections.5",
               message = string.format("第五部分共 %d 字，没有数字、具名对象或时限%s (part 五 has no number, named thing or time limit)",
                                       text.count_chars(body), extra) }
        end
      end
    end
  end,
}
