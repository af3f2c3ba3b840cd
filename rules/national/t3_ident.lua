-- T3-IDENT — 表三每一列：一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度）。
-- Each column of 表三: new + carried over = total handled + carried forward.

local names = require("names")

rule {
  id = "T3-IDENT",
  severity = "error",
  title = "表三：新收 + 上年结转 = 办理总计 + 结转下年度 / new + carried over = handled + carried forward",
  description = [[
表三注明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”：
每一列（自然人、各类法人或其他组织、总计）中，本年新收 + 上年结转 = 本年度办理
结果（七）总计 + 结转下年度继续办理。某一格缺失或有歧义时报告“无法核对”。

表三's own note: in every column, applications received this year plus
those carried over from last year equal those handled ((七) 总计) plus
those carried forward to next year.]],

  check = function(report, add)
    if not names.has_table(report, "requests") then return end
    local t = report.tables.requests
    local columns = { table.unpack(names.columns) }
    columns[#columns + 1] = "total"
    for _, column in ipairs(columns) do
      local parts = {
        { "new", t.new and t.new[column] },
        { "carried_over", t.carried_over and t.carried_over[column] },
        { "total", t.total and t.total[column] },
        { "carried_forward", t.carried_forward and t.carried_forward[column] },
      }
      local unreadable
      for _, p in ipairs(parts) do
        if p[2] == nil then unreadable = unreadable or p[1] end
      end
      if unreadable then
        add{ path = "tables.requests." .. unreadable .. "." .. column, severity = "info",
             message = string.format("表三%s列：%s 缺失，无法核对勾稽关系 (not checkable)",
                                     names.column[column], names.row[unreadable]) }
      else
        local left = parts[1][2] + parts[2][2]
        local right = parts[3][2] + parts[4][2]
        if left ~= right then
          add{ path = "tables.requests.total." .. column,
               message = string.format(
                 "表三%s列：新收 %s + 上年结转 %s = %s，但总计 %s + 结转下年度 %s = %s (new + carried over is %s, handled + carried forward is %s)",
                 names.column[column], parts[1][2], parts[2][2], left,
                 parts[3][2], parts[4][2], right, left, right) }
        end
      end
    end
  end,
}
