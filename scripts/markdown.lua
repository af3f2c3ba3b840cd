-- markdown.lua — gouji check --format markdown: a summary of each report
-- in Markdown, to read or to paste into a document: its title, agency and
-- year, its key figures from 表三 and 表四, then what the rules found.
--
-- How to change it:
--   * the wording and layout are in scripts/lib/summary_template.lua;
--   * which figures are shown is the FIGURES and APPEALS lists below
--     (row and column keys: docs/data-model.md; their Chinese names:
--     rules/national/lib/names.lua);
--   * the severity headings are SEVERITIES below.
-- For your own version, copy this file, paste the template's text in it
-- (local SOURCE = [==[ … ]==]) instead of require("summary_template"), and
-- run gouji check --format my_summary.lua …
--
-- A figure that could not be read is nil in run.reports and is printed as
-- "不可读 (unreadable)" by the template — never as 0.

local run, emit = ...
local template = require("template")

-- 表三 (requests) figures: label, row, column
local FIGURES = {
  { "本年新收申请（收到）", "new", "total" },
  { "上年结转", "carried_over", "total" },
  { "予以公开", "granted", "total" },
  { "部分公开", "partial", "total" },
  { "办理结果总计", "total", "total" },
  { "结转下年度继续办理", "carried_forward", "total" },
}

-- 表四 (appeals) figures: label, block, column
local APPEALS = {
  { "行政复议", "review", "total" },
  { "行政诉讼（未经复议直接起诉）", "suit_direct", "total" },
  { "行政诉讼（复议后起诉）", "suit_after_review", "total" },
}

-- findings are grouped under these headings, in this order
local SEVERITIES = {
  { "error", "错误" },
  { "warning", "警告" },
  { "info", "提示" },
}

-- table[row][column], or nil when the row or the cell is not there
local function cell(tbl, row, column)
  local r = tbl and tbl[row]
  return r and r[column]
end

-- "file:line:column" as text.lua prints it
local function where(f)
  local w = f.report
  if f.line and f.line > 0 then
    w = w .. ":" .. f.line
    if f.column and f.column > 0 then
      w = w .. ":" .. f.column
    end
  end
  return w
end

-- a failure's message is an error and a traceback: keep its first line
local function first_line(s)
  return (s:match("^[^\n]*"))
end

-- the figures of one table, as { label, value } (value nil: unreadable)
local function figures(tbl, list)
  local out = {}
  for _, f in ipairs(list) do
    out[#out + 1] = { label = f[1], value = cell(tbl, f[2], f[3]) }
  end
  return out
end

local data = { count = #run.reports, errors = 0, warnings = 0, infos = 0,
               reports = {}, others = {} }
local by_path = {}

for _, r in ipairs(run.reports) do
  local tables = r.tables or {}
  local report = {
    heading = r.title or r.source.path,
    path = r.source.path,
    agency = r.agency,
    year = r.year,
    format = r.format,
    published = r.published,
    unreadable = r.unreadable,
    requests = figures(tables.requests, FIGURES),
    appeals = figures(tables.appeals, APPEALS),
    by_severity = {},
    groups = {},
    failures = {},
  }
  data.reports[#data.reports + 1] = report
  by_path[r.source.path] = report
end

local counter = { error = "errors", warning = "warnings", info = "infos" }
for _, f in ipairs(run.findings) do
  local item = { where = where(f), rule = f.rule, message = f.message }
  if counter[f.severity] then
    data[counter[f.severity]] = data[counter[f.severity]] + 1
  end
  local report = by_path[f.report]
  if report then
    local list = report.by_severity[f.severity] or {}
    report.by_severity[f.severity] = list
    list[#list + 1] = item
  else
    data.others[#data.others + 1] = item
  end
end

-- only the severities that have findings get a heading
for _, report in ipairs(data.reports) do
  for _, s in ipairs(SEVERITIES) do
    local list = report.by_severity[s[1]]
    if list then
      report.groups[#report.groups + 1] = { label = s[2], findings = list }
    end
  end
end

for _, f in ipairs(run.failures) do
  local item = { rule = f.rule or "?", message = first_line(f.message or "") }
  local report = by_path[f.report]
  if report then
    report.failures[#report.failures + 1] = item
  else
    data.others[#data.others + 1] = { where = f.report or "?", rule = item.rule,
                                      message = "规则运行失败：" .. item.message }
  end
end

local render = template.compile(require("summary_template"), "summary.md",
                                { escape = template.escape_markdown })
emit(render(data))
