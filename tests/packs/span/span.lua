-- findings on a text span: gouji finds the text in the section and gives
-- its line and column; text it cannot find falls back to the heading
rule { id = "X-SPAN", severity = "info", title = "span",
  check = function(report, add)
    add{ path = "sections.1", text = "204条", message = "204 条 here" }
    add{ path = "sections.6", text = "不在报告中的文字", message = "not in the text: the heading" }
  end }
