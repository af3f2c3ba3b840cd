-- T3-IDENT — 表三每一列：一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度）。
-- Each column of 表三: new + carried over = total handled + carried forward.

local names = require("names")
local tables = require("tables")

rule {
  id = "T3-IDENT",
  severity = "error",
  title = "表三：新收 + 上年结转 = 办理总计 + 结转下年度 / new + carried over = handled + carried forward",
  description = [[
表三注明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”：
每一列（自然人、各类法人或其他组织、总计）中，本年新收 + 上年结转 = 本年度办理
结果（七）总计 + 结转下年度继续办理。空白格按 0 计（参数 blank_is_zero）。某一格
缺失时报告“无法核对”；有多种读法而无论哪种都不相符时，照样报告错误。

表三's own note: in every column, applications received this year plus
those carried over from last year equal those handled ((七) 总计) plus
those carried forward to next year. Blank cells count as 0 (parameter
blank_is_zero). A missing cell makes the column not checkable; cells read
several ways none of which makes it hold are an error all the same.]],

  check = function(report, add, params)
    if not names.has_table(report, "requests") then return end
    local opts = tables.options(params)
    local columns = { table.unpack(names.columns) }
    columns[#columns + 1] = "total"
    for _, column in ipairs(columns) do
      local function at(row) return "tables.requests." .. row .. "." .. column end
      local new = tables.cell(report, at("new"), opts)
      local carried_over = tables.cell(report, at("carried_over"), opts)
      local total = tables.cell(report, at("total"), opts)
      local carried_forward = tables.cell(report, at("carried_forward"), opts)
      local left = tables.sum(report, { at("new"), at("carried_over") }, opts)
      local right = tables.sum(report, { at("total"), at("carried_forward") }, opts)
      local result = tables.compare(left, right)
      if result == "differ" or result == "never" then
        add{ path = at("total"),
             message = string.format(
               "表三%s列：新收 %s + 上年结转 %s = %s，但总计 %s + 结转下年度 %s = %s (new + carried over is %s, handled + carried forward is %s)",
               names.column[column], tables.show(new), tables.show(carried_over), tables.show(left),
               tables.show(total), tables.show(carried_forward), tables.show(right),
               tables.show(left, "en"), tables.show(right, "en")) }
      elseif result == "unknown" then
        local unread = left.unread or right.unread
        if unread then
          local _, row = names.place(unread)
          add{ path = unread, severity = "info",
               message = string.format("表三%s列：%s %s，无法核对勾稽关系 (not checkable)",
                                       names.column[column], names.row[row],
                                       names.unread_word(report.cells[unread])) }
        else
          add{ path = at("total"), severity = "info",
               message = string.format("表三%s列：数字有多种读法，其中有的相符，无法核对勾稽关系 (read several ways, some hold: not checkable)",
                                       names.column[column]) }
        end
      end
    end
  end,
}
