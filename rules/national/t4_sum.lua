-- T4-SUM — 表四每一块：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。
-- Each block of 表四: upheld + corrected + other + pending = total.

local names = require("names")
local tables = require("tables")

rule {
  id = "T4-SUM",
  severity = "error",
  title = "表四各项之和应等于总计 / each block of 表四 adds up to its total",
  description = [[
表四的行政复议、未经复议直接起诉、复议后起诉三块，每一块的结果维持、结果纠正、
其他结果、尚未审结四项之和应等于该块“总计”。实际报告中常见总计印为 0 而分项
不为 0 的错误。空白格按 0 计（参数 blank_is_zero）。十五个数字连写在一起、无论
怎样拆分都有一块不相符时，照样报告错误；某一格缺失时报告“无法核对”。

In each block of 表四 (administrative review; suits without review; suits
after review) upheld + corrected + other + pending must equal the block's
total. Reports have been published with totals printed as 0 while the parts
were not. Blank cells count as 0 (parameter blank_is_zero). Fifteen digits
run together that leave a block wrong under every split are an error all
the same; a missing cell makes the block not checkable.]],

  check = function(report, add, params)
    if not names.has_table(report, "appeals") then return end
    local opts = tables.options(params)
    local split = nil
    for _, block in ipairs(names.appeal_blocks) do
      local path = "tables.appeals." .. block
      local sum = tables.sum(report, { path .. ".upheld", path .. ".corrected",
                                       path .. ".other", path .. ".pending" }, opts)
      local total = tables.cell(report, path .. ".total", opts)
      local result = tables.compare(sum, total)
      local split_here = sum.split_fails or total.split_fails
      if split_here and result ~= "equal" and result ~= "differ" then
        -- 这一块的数字来自怎么拆都不相符的连写数字 / the block's figures
        -- come from a run of digits that adds up under no split
        split = split or split_here
      elseif result == "differ" or result == "never" then
        add{ path = path .. ".total",
             message = string.format("表四%s：总计%s，但四项之和为 %s (total is %s, the parts add up to %s)",
                                     names.appeal_block[block], tables.stated(total), tables.show(sum),
                                     tables.show(total, "en"), tables.show(sum, "en")) }
      elseif result == "unknown" then
        local unread = sum.unread or total.unread
        local message
        if unread then
          local _, _, column = names.place(unread)
          message = string.format("表四%s：%s %s，无法核对 (not checkable)",
                                  names.appeal_block[block], names.appeal_column[column],
                                  names.unread_word(report.cells[unread]))
        else
          message = string.format("表四%s：数字有多种读法，其中有的相符，无法核对 (read several ways, some add up: not checkable)",
                                  names.appeal_block[block])
        end
        add{ path = unread or (path .. ".total"), severity = "info", message = message }
      end
    end
    -- 连写的十五个数字怎么拆都有一块不符：在第一块这样的数字处报一次
    -- no split of the run-together digits makes every block add up: one
    -- error, at the first block whose figures depend on the split
    if split then
      local _, block = names.place(split)
      local raw = report.cells[split].raw
      add{ path = split,
           message = string.format("表四%s：连写的数字“%s”无论怎样拆分，总有一块的四项之和不等于总计 (however the digits '%s' are split, a block does not add up)",
                                   names.appeal_block[block], raw, raw) }
    end
  end,
}
