-- T-VALUE — 件数为非负整数；只有收费金额可以是小数。
-- Counts are non-negative whole numbers; only a fee amount may be a decimal.

rule {
  id = "T-VALUE",
  severity = "error",
  title = "件数为非负整数 / counts are non-negative whole numbers",
  description = [[
表二、表三、表四中的件数、数量不能为负数或小数；只有表二行政事业性收费的“本年收费
金额（单位：万元）”和 2019 年格式的政府集中采购“采购总金额”可以是小数。2019 年
格式的“本年增/减”可以为负数。

Counts in 表二, 表三 and 表四 are whole numbers, not negative. Only the fee
amount (万元) and the 2019 format's procurement amount may have a fraction;
the 2019 format's 本年增/减 (change) may be negative.]],

  check = function(report, add)
    -- every figure of the three tables that is a cell of the catalogue
    for tbl, rows in pairs(report.tables) do
      for row, columns in pairs(rows) do
        for column, value in pairs(type(columns) == "table" and columns or {}) do
          -- most figures are whole (value % 1 == 0) and not negative:
          -- nothing more to look at
          local odd = type(value) == "number" and (value < 0 or value % 1 ~= 0)
          local path = odd and "tables." .. tbl .. "." .. row .. "." .. column
          if odd and report.cells[path] then
            local decimal_ok = column == "amount"
            local negative_ok = column == "change"
            if value < 0 and not negative_ok then
              add{ path = path, message = string.format("%s 为负数 %s (a count cannot be negative)", path, value) }
            elseif value ~= math.floor(value) and not decimal_ok then
              add{ path = path, message = string.format("%s 为小数 %s (a count must be a whole number)", path, value) }
            end
          end
        end
      end
    end
  end,
}
