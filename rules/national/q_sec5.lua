-- Q-SEC5 — “五、存在的主要问题及改进情况”不空，既写问题又写改进措施。
-- Part 五 is not empty and states both problems and improvements.

local text = require("text")

-- 说问题的字样、说改进的字样。要增加说法，在这里加。
-- Words that name problems, and words that announce measures.
local problem_words = { "问题", "不足", "差距", "薄弱", "有待", "仍需", "还需", "不够", "欠缺",
                        "短板", "不及时", "单一", "不规范", "不高", "滞后", "缺乏" }
local measure_words = { "下一步", "改进", "整改", "措施", "将", "加强", "提升", "完善", "推进" }

local function mentions(body, words)
  for _, word in ipairs(words) do
    if body:find(word, 1, true) then return true end
  end
  return false
end

rule {
  id = "Q-SEC5",
  severity = "error",
  title = "第五部分写明问题和改进措施 / part 五 names problems and improvements",
  description = [[
“五、存在的主要问题及改进情况”应如实写出工作中存在的主要问题，并写出改进措施
（国办公开办函〔2021〕30号）。本部分为空、只写问题没有改进、或只写改进没有问题，
均为错误。什么字样算“问题”、什么算“改进”，见本文件开头的两张词表，可按本地
要求增删。

Part 五 must name the main problems and the measures to improve. An empty
part, problems without measures, or measures without problems is an error.
The word lists at the top of this file decide what counts; a district can
change them.]],

  check = function(report, add)
    local five
    for _, section in ipairs(report.sections) do
      if section.number == 5 then five = section end
    end
    if not five then return end      -- S-SECTIONS reports a missing part
    local body = text.normalize(five.text)
    if text.count_chars(body) < 10 then
      add{ path = "sections.5", message = "第五部分为空 (part 五 is empty)" }
    elseif not mentions(body, problem_words) then
      add{ path = "sections.5", message = "第五部分没有写出存在的问题 (part 五 names no problem)" }
    elseif not mentions(body, measure_words) then
      add{ path = "sections.5", message = "第五部分没有写出改进措施 (part 五 states no improvement)" }
    end
  end,
}
