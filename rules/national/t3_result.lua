-- T3-RESULT — 表三每一列：（一）至（六）各项办理结果之和 = （七）总计。
-- Each column of 表三: the result rows （一）…（六） add up to （七）总计.

local names = require("names")

rule {
  id = "T3-RESULT",
  severity = "error",
  title = "表三：各项办理结果之和等于（七）总计 / the result rows add up to （七）总计",
  description = [[
表三“三、本年度办理结果”中，（一）予以公开、（二）部分公开、（三）不予公开各项、
（四）无法提供各项、（五）不予处理各项、（六）其他处理各项之和，应等于（七）总计；
逐列核对。某一格缺失或有歧义时报告“无法核对”。

In 表三, the outcome rows （一） to （六） (with their numbered sub-rows) must
add up to （七）总计, column by column.]],

  check = function(report, add)
    if not names.has_table(report, "requests") then return end
    local t = report.tables.requests
    local rows = names.result_rows(t)
    local columns = { table.unpack(names.columns) }
    columns[#columns + 1] = "total"
    for _, column in ipairs(columns) do
      local sum, unreadable = 0, nil
      for _, row in ipairs(rows) do
        local v = t[row][column]
        if v == nil then unreadable = unreadable or row else sum = sum + v end
      end
      local total = t.total and t.total[column]
      if unreadable or total == nil then
        local row = unreadable or "total"
        add{ path = "tables.requests." .. row .. "." .. column, severity = "info",
             message = string.format("表三%s列：%s 缺失，无法核对办理结果之和 (not checkable)",
                                     names.column[column], names.row[row]) }
      elseif sum ~= total then
        add{ path = "tables.requests.total." .. column,
             message = string.format("表三（七）总计%s列为 %s，但各项办理结果之和为 %s (total is %s, the result rows add up to %s)",
                                     names.column[column], total, sum, total, sum) }
      end
    end
  end,
}
