-- S-SECTIONS — 报告六个部分齐全且顺序正确；标题错写的部分给出提示。
-- The six parts are present and in order; a misspelt heading is noted.

local titles = {
  "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
}

rule {
  id = "S-SECTIONS",
  severity = "error",
  title = "六个部分齐全且顺序正确 / the six parts are present and in order",
  description = [[
年度报告应依次包括六个部分（国办公开办函〔2021〕30号）：一、总体情况；二、主动
公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、
行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。缺少某一部分
或顺序颠倒为错误；标题与规定文字不一致（错字、漏字）为提示。

The annual report has six parts in a fixed order. A missing or misplaced
part is an error; a heading worded differently from the official one (a
typo, a word left out) is reported as information.]],

  check = function(report, add)
    local seen, last = {}, 0
    for _, section in ipairs(report.sections) do
      seen[section.number] = true
      if section.number < last then
        add{ path = "sections." .. section.number,
             message = string.format("第%d部分出现在第%d部分之后 (part %d comes after part %d)",
                                     section.number, last, section.number, last) }
      end
      last = math.max(last, section.number)
      if not section.exact then
        add{ path = "sections." .. section.number, severity = "info",
             message = string.format("标题“%s”与规定的“%s”不一致 (heading differs from the official text)",
                                     section.title, titles[section.number]) }
      end
    end
    for number, title in ipairs(titles) do
      if not seen[number] then
        add{ line = 1, message = string.format("缺少第%d部分“%s” (part %d is missing)",
                                              number, title, number) }
      end
    end
  end,
}
