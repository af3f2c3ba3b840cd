-- T3-ROWSUM — 表三每一行：六类申请人之和等于总计。
-- Each row of 表三: the six applicant columns add up to the row's total.

local names = require("names")
local tables = require("tables")

rule {
  id = "T3-ROWSUM",
  severity = "error",
  title = "表三各行六类申请人之和应等于总计 / each row of 表三 adds up to its total",
  description = [[
表三每一行中，自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他
六类申请人的数量之和应等于该行“总计”（《中华人民共和国政府信息公开工作年度
报告格式》表三）。空白格按 0 计（参数 blank_is_zero）。数字连写在一起、无论
怎样拆分都不相符时，照样报告错误；某一格缺失，或有多种读法而其中一种相符时，
报告“无法核对”，不判对错。

In every row of 表三 the six applicant columns (natural persons, businesses,
research institutions, non-profits, legal services, others) must add up to
the row's 总计. Blank cells count as 0 (parameter blank_is_zero). Digits run
together that add up under no split are an error all the same; when a cell
is missing, or read several ways one of which adds up, the rule says the
row could not be checked instead of passing or failing it.]],

  check = function(report, add, params)
    if not names.has_table(report, "requests") then return end
    local opts = tables.options(params)
    for _, row in ipairs(names.rows) do
      local path = "tables.requests." .. row
      if names.request_row_printed(report, row) then
        local parts = {}
        for _, column in ipairs(names.columns) do
          parts[#parts + 1] = path .. "." .. column
        end
        local sum = tables.sum(report, parts, opts)
        local total = tables.cell(report, path .. ".total", opts)
        local result = tables.compare(sum, total)
        local split = sum.split_fails or total.split_fails
        if split then
          -- 连写的数字怎么拆都不相符 / no split of the row adds up
          local raw = report.cells[split].raw
          add{ path = path .. ".total",
               message = string.format("%s：连写的数字“%s”无论怎样拆分，六类申请人之和都不等于总计 (however the digits '%s' are split, the row does not add up)",
                                       names.row[row], raw, raw) }
        elseif result == "differ" or result == "never" then
          add{ path = path .. ".total",
               message = string.format("%s：总计%s，但六类申请人之和为 %s (row total is %s, the columns add up to %s)",
                                       names.row[row], tables.stated(total), tables.show(sum),
                                       tables.show(total, "en"), tables.show(sum, "en")) }
        elseif result == "unknown" then
          local unread = sum.unread or total.unread
          local message
          if unread then
            local _, _, column = names.place(unread)
            message = string.format("%s：%s %s，无法核对本行之和 (not checkable)",
                                    names.row[row], names.column[column],
                                    names.unread_word(report.cells[unread]))
          else
            message = string.format("%s：数字有多种读法，其中有的相符，无法核对本行之和 (read several ways, some add up: not checkable)",
                                    names.row[row])
          end
          add{ path = unread or (path .. ".total"), severity = "info", message = message }
        end
      end
    end
  end,
}
