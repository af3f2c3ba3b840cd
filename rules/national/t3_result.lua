-- T3-RESULT — 表三每一列：（一）至（六）各项办理结果之和 = （七）总计。
-- Each column of 表三: the result rows （一）…（六） add up to （七）总计.

local names = require("names")
local tables = require("tables")

rule {
  id = "T3-RESULT",
  severity = "error",
  title = "表三：各项办理结果之和等于（七）总计 / the result rows add up to （七）总计",
  description = [[
表三“三、本年度办理结果”中，（一）予以公开、（二）部分公开、（三）不予公开各项、
（四）无法提供各项、（五）不予处理各项、（六）其他处理各项之和，应等于（七）总计；
逐列核对。空白格按 0 计（参数 blank_is_zero）。某一格缺失时报告“无法核对”；
有多种读法而无论哪种都不相符时，照样报告错误。

In 表三, the outcome rows （一） to （六） (with their numbered sub-rows) must
add up to （七）总计, column by column. Blank cells count as 0 (parameter
blank_is_zero). A missing cell makes the column not checkable; cells read
several ways none of which adds up are an error all the same.]],

  check = function(report, add, params)
    if not names.has_table(report, "requests") then return end
    local opts = tables.options(params)
    local rows = names.result_rows(report.tables.requests)
    local columns = { table.unpack(names.columns) }
    columns[#columns + 1] = "total"
    for _, column in ipairs(columns) do
      local parts = {}
      for _, row in ipairs(rows) do
        parts[#parts + 1] = "tables.requests." .. row .. "." .. column
      end
      local sum = tables.sum(report, parts, opts)
      local total = tables.cell(report, "tables.requests.total." .. column, opts)
      local result = tables.compare(sum, total)
      if result == "differ" or result == "never" then
        add{ path = "tables.requests.total." .. column,
             message = string.format("表三（七）总计%s列%s，但各项办理结果之和为 %s (total is %s, the result rows add up to %s)",
                                     names.column[column], tables.stated(total), tables.show(sum),
                                     tables.show(total, "en"), tables.show(sum, "en")) }
      elseif result == "unknown" then
        local unread = sum.unread or total.unread
        if unread then
          local _, row = names.place(unread)
          add{ path = unread, severity = "info",
               message = string.format("表三%s列：%s %s，无法核对办理结果之和 (not checkable)",
                                       names.column[column], names.row[row],
                                       names.unread_word(report.cells[unread])) }
        else
          add{ path = "tables.requests.total." .. column, severity = "info",
               message = string.format("表三%s列：数字有多种读法，其中有的相符，无法核对办理结果之和 (read several ways, some add up: not checkable)",
                                       names.column[column]) }
        end
      end
    end
  end,
}
