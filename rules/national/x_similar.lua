-- X-SIMILAR — 某部分文字与上年报告过半相同（照抄上年）。
-- A part's text is more than half the same as last year's.

local text = require("text")

-- 比较的部分：一、总体情况；五、存在的主要问题及改进情况（第六部分的收费说明年年相同，不比较）
local compared = { [1] = true, [5] = true }

rule {
  id = "X-SIMILAR",
  severity = "warning",
  title = "与上年报告文字雷同 / a part repeats last year's text",
  description = [[
“一、总体情况”“五、存在的主要问题及改进情况”的文字，
与上一年度报告对应部分的相似度（字的二元组重合度）超过参数 similarity_threshold
（默认 0.5）时提示：问题和改进照抄上年，是第三方评估扣分的常见原因。需要上一
年度的报告（--previous）。

Parts 一 and 五 compared with last year's: a similarity (character
bigram overlap) above similarity_threshold (0.5 by default) is reported;
copying last year's problems and measures is a common reason assessors
deduct points. Needs last year's report (--previous).]],

  check = function(report, add, params, previous)
    if not previous then return end
    local threshold = params.similarity_threshold or 0.5
    local last = {}
    for _, section in ipairs(previous.sections) do last[section.number] = section.text end
    for _, section in ipairs(report.sections) do
      local before = last[section.number]
      if compared[section.number] and before and text.count_chars(section.text) >= 30 then
        local score = text.similarity(section.text, before)
        if score > threshold then
          add{ path = "sections." .. section.number,
               message = string.format("第%d部分与上年报告相似度 %.0f%%，超过 %.0f%% (%.0f%% the same as last year's)",
                                       section.number, score * 100, threshold * 100, score * 100) }
        end
      end
    end
  end,
}
