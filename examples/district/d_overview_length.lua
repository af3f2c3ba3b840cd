-- D-OVERVIEW — 本区要求：“一、总体情况”不超过规定字数（参数 overview_max_chars）。
-- Local rule: the overview (part 一) is at most overview_max_chars characters.

local text = require("text")

rule {
  id = "D-OVERVIEW",
  severity = "warning",
  title = "总体情况篇幅不超过规定字数 / the overview is not longer than the district allows",
  description = [[
本区要求年度报告“一、总体情况”简明扼要，字数不超过参数 overview_max_chars（在
pack.yaml 或 gouji.yaml 中设置）。字数按字符计，不含空白（包括全角空格）。

The district asks for a short overview: part 一 may have at most
overview_max_chars characters (set in pack.yaml or gouji.yaml), not
counting white space (the ideographic space included).]],

  check = function(report, add, params)
    local limit = params.overview_max_chars
    for _, section in ipairs(report.sections) do
      if section.number == 1 then
        -- 字数不计空白（全角空格也不计）/ characters, white space not counted
        local length = text.count_chars(section.text)
        if length > limit then
          add{ path = "sections.1",
               message = string.format("总体情况共 %d 字，超过本区规定的 %d 字 (%d characters, the limit is %d)",
                                       length, limit, length, limit) }
        end
      end
    end
  end,
}
