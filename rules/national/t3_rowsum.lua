-- T3-ROWSUM — 表三每一行：六类申请人之和等于总计。
-- Each row of 表三: the six applicant columns add up to the row's total.

local names = require("names")

rule {
  id = "T3-ROWSUM",
  severity = "error",
  title = "表三各行六类申请人之和应等于总计 / each row of 表三 adds up to its total",
  description = [[
表三每一行中，自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他
六类申请人的数量之和应等于该行“总计”（《中华人民共和国政府信息公开工作年度
报告格式》表三）。某一格缺失或有歧义时，本规则报告“无法核对”，不判对错。

In every row of 表三 the six applicant columns (natural persons, businesses,
research institutions, non-profits, legal services, others) must add up to
the row's 总计. When a cell is missing or ambiguous the rule says the row
could not be checked instead of passing or failing it.]],

  check = function(report, add)
    if not names.has_table(report, "requests") then return end
    local requests = report.tables.requests
    for _, row in ipairs(names.rows) do
      local cells = requests[row]
      local path = "tables.requests." .. row
      -- the row is in this report's format (（六） printed as one row
      -- stands for its three sub-rows)
      local in_format = report.cells[path .. ".total"] ~= nil
      if row:match("^other_") and report.cells["tables.requests.other.total"] then
        in_format = false
      end
      if in_format then
        local sum, unreadable = 0, nil
        for _, column in ipairs(names.columns) do
          local value = cells and cells[column]
          if value == nil then
            unreadable = unreadable or column
          else
            sum = sum + value
          end
        end
        local total = cells and cells.total
        if unreadable or total == nil then
          local what = names.column[unreadable or "total"]
          add{ path = path .. "." .. (unreadable or "total"), severity = "info",
               message = string.format("%s：%s 缺失，无法核对本行之和 (not checkable)",
                                       names.row[row], what) }
        elseif sum ~= total then
          add{ path = path .. ".total",
               message = string.format("%s：总计为 %s，但六类申请人之和为 %s (row total is %s, the columns add up to %s)",
                                       names.row[row], total, sum, total, sum) }
        end
      end
    end
  end,
}
