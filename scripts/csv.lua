-- csv.lua — gouji check --format csv: one row per report, for Excel and
-- other spreadsheets: file, agency, year, format, the key figures of 表二,
-- 表三 and 表四, the findings by severity and the cells that could not be
-- read (the columns are scripts/lib/report_table.lua's).
--
-- The file is UTF-8 with a byte-order mark and CRLF line ends, so Excel
-- opens it as it is, Chinese included.  A figure that could not be read is
-- 不可读, never 0 (Excel's SUM leaves text out).  A text that would start
-- a formula in Excel (=, +, -, @) gets a ' before it, so a report cannot
-- put a formula in the sheet.
--
-- It streams: each report's row is written as soon as it is checked.

local run, emit = ...
local report_table = require("report_table")

local function field(v, col)
  if v == nil then return col.kind == "text" and "" or "不可读" end
  if type(v) == "number" then
    if math.type(v) == "integer" or v == math.floor(v) then return string.format("%d", v) end
    return (string.format("%.4f", v):gsub("0+$", ""):gsub("%.$", ""))
  end
  local s = tostring(v)
  if s:match("^[=+%-@\t\r]") then s = "'" .. s end
  if s:find('[",\r\n]') then s = '"' .. s:gsub('"', '""') .. '"' end
  return s
end

local function line(values, columns)
  local out = {}
  for i, col in ipairs(columns) do out[i] = field(values[i], col) end
  emit(table.concat(out, ","), "\r\n")
end

local headers = {}
for i, col in ipairs(report_table.COLUMNS) do headers[i] = col.header end
emit("\239\187\191")   -- the byte-order mark: Excel reads the file as UTF-8
line(headers, report_table.COLUMNS)

local function report(r, findings)
  line((report_table.row(r, findings)), report_table.COLUMNS)
end

return { report = report }
