-- report_table.lua — one row per report for a spreadsheet: the columns of
-- `--format csv` (scripts/csv.lua) and of the 报告 sheet of `--format
-- xlsx` (scripts/xlsx.lua), so the two always agree.  Scripts get it with
-- require("report_table").
--
--   report_table.COLUMNS      { header, width, kind = "text"|"number" }
--   report_table.row(r, findings)   the row's values, in COLUMNS order:
--                             a figure that could not be read is nil
--                             (written 不可读 by the scripts, never 0)
--   report_table.FINDING_COLUMNS, report_table.finding_row(r, f)
--                             the same for one finding (the 发现 sheet)
--
-- To add a column: add { header, width, get = function(r, c) … end } to
-- COLUMNS, where r is the report and c the counts of its findings.

local figures = require("figures")

local report_table = {}

local function cell(r, tbl, row, column)
  return figures.cell(r.tables and r.tables[tbl], row, column)
end

-- 表二's figure by format: 2021 and 2019 name their columns differently
local function active(r, row, column2021, column2019)
  return cell(r, "active", row, r.format == "2019" and column2019 or column2021)
end

local function outcome(r, key)
  return figures.outcome(r.tables and r.tables.requests, key, "total")
end

local function appeal(r, block, column)
  return cell(r, "appeals", block, column)
end

report_table.COLUMNS = {
  { header = "文件", width = 36, kind = "text", get = function(r) return r.source.path end },
  { header = "机关", width = 30, kind = "text", get = function(r) return r.agency end },
  { header = "年度", width = 7, get = function(r) return r.year end },
  { header = "格式", width = 7, kind = "text", get = function(r) return r.format end },
  { header = "表二 规章 本年制发", width = 10,
    get = function(r) return active(r, "regulations", "issued", "made") end },
  { header = "表二 规章 现行有效", width = 10,
    get = function(r) return active(r, "regulations", "in_force", "total") end },
  { header = "表二 规范性文件 本年制发", width = 10,
    get = function(r) return active(r, "normative", "issued", "made") end },
  { header = "表二 规范性文件 现行有效", width = 10,
    get = function(r) return active(r, "normative", "in_force", "total") end },
  { header = "表二 行政许可", width = 10,
    get = function(r) return active(r, "licensing", "decisions", "decisions") end },
  { header = "表二 行政处罚", width = 10,
    get = function(r) return active(r, "penalty", "decisions", "decisions") end },
  { header = "表二 行政强制", width = 10,
    get = function(r) return active(r, "coercion", "decisions", "decisions") end },
  { header = "表二 收费金额（万元）", width = 10,
    -- the 2019 format has no amount: "—", not 不可读
    get = function(r) if r.format == "2019" then return "—" end return cell(r, "active", "fees", "amount") end },
  { header = "表三 本年新收", width = 9, get = function(r) return cell(r, "requests", "new", "total") end },
  { header = "表三 上年结转", width = 9,
    get = function(r) return cell(r, "requests", "carried_over", "total") end },
  { header = "表三 予以公开", width = 9, get = function(r) return outcome(r, "granted") end },
  { header = "表三 部分公开", width = 9, get = function(r) return outcome(r, "partial") end },
  { header = "表三 不予公开", width = 9, get = function(r) return outcome(r, "denied") end },
  { header = "表三 无法提供", width = 9, get = function(r) return outcome(r, "unable") end },
  { header = "表三 不予处理", width = 9, get = function(r) return outcome(r, "refused") end },
  { header = "表三 其他处理", width = 9, get = function(r) return outcome(r, "other") end },
  { header = "表三 总计", width = 9, get = function(r) return cell(r, "requests", "total", "total") end },
  { header = "表三 结转下年度", width = 9,
    get = function(r) return cell(r, "requests", "carried_forward", "total") end },
  { header = "表四 行政复议 总计", width = 9, get = function(r) return appeal(r, "review", "total") end },
  { header = "表四 行政复议 结果纠正", width = 9, get = function(r) return appeal(r, "review", "corrected") end },
  { header = "表四 行政诉讼 总计", width = 9, get = function(r)
      local a, b = appeal(r, "suit_direct", "total"), appeal(r, "suit_after_review", "total")
      return a and b and a + b or nil
    end },
  { header = "表四 行政诉讼 结果纠正", width = 9, get = function(r)
      local a, b = appeal(r, "suit_direct", "corrected"), appeal(r, "suit_after_review", "corrected")
      return a and b and a + b or nil
    end },
  { header = "错误", width = 6, get = function(_, c) return c.error end },
  { header = "警告", width = 6, get = function(_, c) return c.warning end },
  { header = "提示", width = 6, get = function(_, c) return c.info end },
  { header = "不可读单元格", width = 8, get = function(r) return r.unreadable or 0 end },
}

-- the counts of a report's findings by severity
local function counts(findings)
  local c = { error = 0, warning = 0, info = 0 }
  for _, f in ipairs(findings) do
    if c[f.severity] then c[f.severity] = c[f.severity] + 1 end
  end
  return c
end

-- one report's values, in COLUMNS order (nil: not readable); n is the
-- number of columns, for rows with nil in them
function report_table.row(r, findings)
  local c = counts(findings)
  local values = {}
  for i, col in ipairs(report_table.COLUMNS) do
    values[i] = col.get(r, c)
  end
  return values, #report_table.COLUMNS
end

local SEVERITY = { error = "错误", warning = "警告", info = "提示" }

-- the page of a line in a PDF, from the report's pages (when it has them)
local function page_of(r, line)
  local page
  for i, first in ipairs(r.pages or {}) do
    if first <= line then page = i end
  end
  return page
end

report_table.FINDING_COLUMNS = {
  { header = "文件", width = 36, kind = "text" },
  { header = "行", width = 6 },
  { header = "列", width = 6 },
  { header = "页", width = 5 },
  { header = "严重程度", width = 8, kind = "text" },
  { header = "规则", width = 14, kind = "text" },
  { header = "说明", width = 90, kind = "text" },
  { header = "数据路径", width = 36, kind = "text" },
  { header = "建议改为", width = 30, kind = "text" },
}

function report_table.finding_row(r, f)
  local line = f.line and f.line > 0 and f.line or nil
  local column = f.column and f.column > 0 and f.column or nil
  return { f.report, line, column, line and page_of(r, line) or nil,
           SEVERITY[f.severity] or f.severity, f.rule, f.message, f.path, f.fix },
         #report_table.FINDING_COLUMNS
end

return report_table
