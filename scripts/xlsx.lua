-- xlsx.lua — gouji check --format xlsx -o 汇总.xlsx: an Excel workbook
-- with two sheets, 报告 (one row per report: the columns of
-- scripts/lib/report_table.lua, the same as --format csv) and 发现 (one
-- row per finding: file, line, column, page, severity, rule, message,
-- data path).  Numbers are numbers, the header row is bold and stays in
-- view, the columns have widths.  A figure that could not be read is
-- 不可读, never 0.  The workbook is binary: write it to a file (-o); gouji
-- will not write it to a terminal.
--
-- The workbook is made by xlsx_book{ sheets = … } (docs/scripts.md): the
-- script gives the sheets as tables and emits the bytes it gets back.
-- It keeps a row per report and per finding, and writes the book at the end.

local run, emit = ...
local report_table = require("report_table")

local reports, findings = {}, {}

-- a row with 不可读 for each figure that could not be read
local function with_unreadable(values, columns)
  local row = {}
  for i, col in ipairs(columns) do
    local v = values[i]
    if v == nil and col.kind ~= "text" then v = "不可读" end
    row[i] = v
  end
  return row
end

local function report(r, found)
  reports[#reports + 1] = with_unreadable((report_table.row(r, found)), report_table.COLUMNS)
  for _, f in ipairs(found) do
    findings[#findings + 1] = (report_table.finding_row(r, f))
  end
end

local function finish()
  emit(xlsx_book{ sheets = {
    { name = "报告", columns = report_table.COLUMNS, rows = reports },
    { name = "发现", columns = report_table.FINDING_COLUMNS, rows = findings },
  } })
end

return { report = report, finish = finish, detail = true }
