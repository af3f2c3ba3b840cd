-- S-TABLES — 表二、表三、表四齐全，且行列完整（2021 格式 10 / 25×7 / 15 项）。
-- 表二, 表三 and 表四 are there with their full shape.

local names = require("names")

local table_names = { active = "表二", requests = "表三", appeals = "表四" }

rule {
  id = "S-TABLES",
  severity = "error",
  title = "三张统计表齐全且行列完整 / the three tables are there with their full shape",
  description = [[
年度报告应包括表二（主动公开，2021 格式 10 项）、表三（依申请公开，2021 格式
25 行 × 7 列；2019 格式 23 行）、表四（行政复议、行政诉讼，15 项）。缺少整张表，
或缺少某些行（例如 2021 年及以后的报告仍把“（六）其他处理”印成一行），为错误。
单个单元格缺失或有歧义由 T-MISSING 报告。2019 年以前的报告没有全国统一表格，
不检查。

The report has 表二 (10 figures in the 2021 format), 表三 (25 rows × 7
columns; 23 rows in the 2019 format) and 表四 (15 figures). A missing table,
or missing rows (such as （六）其他处理 printed as one row in a 2021 report),
is an error. Single unreadable cells are T-MISSING's. Reports before 2019
have no national tables and are not checked.]],

  check = function(report, add)
    if report.format ~= "2021" and report.format ~= "2019" then return end
    if report.unreadable == 0 then return end   -- every cell was read
    -- a row that was not printed has no figure at all: without such a row
    -- there is nothing to report, and the cells need not be read
    local empty_row = false
    for _, rows in pairs(report.tables) do
      for _, columns in pairs(rows) do
        local any = false
        for _ in pairs(columns) do any = true; break end
        if not any then empty_row = true end
      end
    end
    if not empty_row then return end
    -- one pass over the cells: for each table, its rows, and whether every
    -- cell of a row is absent (the row was not printed)
    local total_rows = { active = {}, requests = {}, appeals = {} }
    local absent = { active = {}, requests = {}, appeals = {} }
    for path, cell in pairs(report.cells) do
      local tbl, row = names.place(path)
      if total_rows[tbl] then
        total_rows[tbl][row] = true
        local gone = cell.status == "missing" and names.row_absent[cell.code or ""]
        if absent[tbl][row] == nil then absent[tbl][row] = true end
        if not gone then absent[tbl][row] = false end
      end
    end
    for _, tbl in ipairs({ "active", "requests", "appeals" }) do
      local seen = absent[tbl]
      -- the missing rows in table order (表三's by names.rows)
      local order = {}
      for _, row in ipairs(names.rows) do order[row] = _ end
      local missing_rows, count = {}, 0
      for row in pairs(total_rows[tbl]) do
        count = count + 1
        if seen[row] then missing_rows[#missing_rows + 1] = row end
      end
      table.sort(missing_rows, function(a, b)
        return (order[a] or 0) < (order[b] or 0) or ((order[a] or 0) == (order[b] or 0) and a < b)
      end)
      local missing = {}
      for i, row in ipairs(missing_rows) do missing[i] = names.row[row] or row end
      if #missing == count then
        add{ line = 1, message = string.format("未找到%s (%s not found)", table_names[tbl], table_names[tbl]) }
      elseif #missing > 0 then
        local why = ""
        if tbl == "requests" and report.format == "2021" and report.tables.requests.other then
          why = "；（六）其他处理按 2019 年格式印成一行 (（六） printed as one row, the 2019 layout)"
        end
        add{ path = "tables." .. tbl .. "." .. missing_rows[1] .. ".total",
             message = string.format("%s缺少 %d 行：%s%s (%d rows missing)", table_names[tbl],
                                     #missing, table.concat(missing, "、"), why, #missing) }
      end
    end
  end,
}
