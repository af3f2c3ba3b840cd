-- T4-SUM — 表四每一块：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。
-- Each block of 表四: upheld + corrected + other + pending = total.

local names = require("names")

rule {
  id = "T4-SUM",
  severity = "error",
  title = "表四各项之和应等于总计 / each block of 表四 adds up to its total",
  description = [[
表四的行政复议、未经复议直接起诉、复议后起诉三块，每一块的结果维持、结果纠正、
其他结果、尚未审结四项之和应等于该块“总计”。实际报告中常见总计印为 0 而分项
不为 0 的错误。某一格缺失或有歧义时报告“无法核对”。

In each block of 表四 (administrative review; suits without review; suits
after review) upheld + corrected + other + pending must equal the block's
total. Reports have been published with totals printed as 0 while the parts
were not.]],

  check = function(report, add)
    if not names.has_table(report, "appeals") then return end
    local appeals = report.tables.appeals
    for _, block in ipairs(names.appeal_blocks) do
      local cells = appeals[block] or {}
      local path = "tables.appeals." .. block
      local parts = { "upheld", "corrected", "other", "pending" }
      local sum, unreadable = 0, nil
      for _, column in ipairs(parts) do
        if cells[column] == nil then
          unreadable = unreadable or column
        else
          sum = sum + cells[column]
        end
      end
      if unreadable or cells.total == nil then
        local column = unreadable or "total"
        add{ path = path .. "." .. column, severity = "info",
             message = string.format("表四%s：%s 缺失，无法核对 (not checkable)",
                                     names.appeal_block[block], names.appeal_column[column]) }
      elseif sum ~= cells.total then
        add{ path = path .. ".total",
             message = string.format("表四%s：总计为 %s，但四项之和为 %s (total is %s, the parts add up to %s)",
                                     names.appeal_block[block], cells.total, sum, cells.total, sum) }
      end
    end
  end,
}
