-- markdown.lua — gouji check --format markdown: a summary of each report
-- in Markdown, to read or to paste into a document: its title, agency and
-- year, its key figures (applications and their outcomes with shares,
-- 实质公开率, appeals and their correction rate, active disclosure), then
-- what the rules found, by severity.  With --html it writes a whole page
-- instead (the same figures as HTML tables).
--
-- How to change it:
--   * the wording and layout are in scripts/lib/summary_template.lua
--     (Markdown) and scripts/lib/summary_html_template.lua (the page);
--   * which figures are shown is the lists below: REQUESTS, APPEALS and
--     ACTIVE (row and column keys: docs/data-model.md; their Chinese
--     names: rules/national/lib/names.lua); the outcome groups are
--     figures.OUTCOMES in scripts/lib/figures.lua;
--   * the severity headings are SEVERITIES below.
-- For your own version, copy this file, paste the template's text in it
-- (local SOURCE = [==[ … ]==]) instead of require("summary_template"), and
-- run gouji check --format my_summary.lua …
--
-- A figure that could not be read is nil in run.reports and is printed as
-- "不可读 (unreadable)" by the template — never as 0; one printed blank is
-- "空白", and counts as 0 in the shares and rates.

local run, emit = ...
local template = require("template")
local figures = require("figures")

-- 表三 (requests) figures: label, row, column
local REQUESTS = {
  { "本年新收申请（收到）", "new", "total" },
  { "上年结转", "carried_over", "total" },
  { "办理结果总计", "total", "total" },
  { "结转下年度继续办理", "carried_forward", "total" },
}

-- 表四 (appeals) blocks: label, block, from the national format's
-- catalogue (the global `catalogue`)
local APPEALS = {}
for _, b in ipairs(catalogue.appeals.blocks) do
  APPEALS[#APPEALS + 1] = { b.name, b.key }
end

-- 表二 (active disclosure) figures by the report's format: label, row,
-- column.  A report of another format is shown with the 2021 list.
local ACTIVE = {
  ["2021"] = {
    { "规章：本年制发", "regulations", "issued" },
    { "规章：现行有效", "regulations", "in_force" },
    { "规范性文件：本年制发", "normative", "issued" },
    { "规范性文件：现行有效", "normative", "in_force" },
    { "行政许可：本年处理决定", "licensing", "decisions" },
    { "行政处罚：本年处理决定", "penalty", "decisions" },
    { "行政强制：本年处理决定", "coercion", "decisions" },
    { "行政事业性收费：本年收费金额（万元）", "fees", "amount" },
  },
  ["2019"] = {
    { "规章：本年新制作", "regulations", "made" },
    { "规章：对外公开总数", "regulations", "total" },
    { "规范性文件：本年新制作", "normative", "made" },
    { "规范性文件：对外公开总数", "normative", "total" },
    { "行政许可：处理决定", "licensing", "decisions" },
    { "其他对外管理服务事项：处理决定", "other_services", "decisions" },
    { "行政处罚：处理决定", "penalty", "decisions" },
    { "行政强制：处理决定", "coercion", "decisions" },
    { "政府集中采购：项目数量", "procurement", "count" },
    { "政府集中采购：采购总金额", "procurement", "amount" },
  },
}

-- findings are grouped under these headings, in this order
local SEVERITIES = {
  { "error", "错误", "errors" },
  { "warning", "警告", "warnings" },
  { "info", "提示", "infos" },
}

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

-- the figures of one table, as { label, value, unread } (value nil: not
-- read; unread says how: 空白 or 不可读)
local function list(tbl, spec, blanks)
  local out = {}
  for _, f in ipairs(spec) do
    out[#out + 1] = { label = f[1], value = figures.cell(tbl, f[2], f[3]),
                      unread = figures.unread(blanks, f[2], f[3]) }
  end
  return out
end

-- 表三's outcomes （一）…（六）, each with its share of （七）总计
local function outcomes(requests, blanks)
  local total = figures.sum(requests, { "total" }, "total", blanks)
  local out = figures.outcomes(requests, "total", blanks)
  for _, o in ipairs(out) do
    o.share = figures.share(o.value, total)
  end
  out[#out + 1] = { label = "（七）总计", value = total, share = figures.share(total, total) }
  return out
end

-- 表四's blocks, each with its columns, how each unread one is shown (空白
-- or 不可读) and 纠错率 (a blank counted as 0)
local function appeals(tbl, blanks)
  local out = {}
  for _, a in ipairs(APPEALS) do
    local block = tbl and tbl[a[2]] or {}
    local unread, counted = {}, {}
    for _, column in ipairs({ "upheld", "corrected", "other", "pending", "total" }) do
      unread[column] = figures.unread(blanks, a[2], column)
      counted[column] = figures.sum(tbl, { a[2] }, column, blanks)
    end
    out[#out + 1] = { label = a[1], upheld = block.upheld, corrected = block.corrected,
                      other = block.other, pending = block.pending, total = block.total,
                      unread = unread, rate = figures.correction_rate(counted) }
  end
  return out
end

local data = { count = #run.reports, errors = 0, warnings = 0, infos = 0,
               reports = {}, others = {} }
local by_path = {}

for _, r in ipairs(run.reports) do
  local tables = r.tables or {}
  local blanks = r.blanks or {}
  local report = {
    heading = r.title or r.source.path,
    path = r.source.path,
    agency = r.agency,
    year = r.year,
    format = r.format,
    published = r.published,
    unreadable = r.unreadable,
    blank = r.blank or 0,
    requests = list(tables.requests, REQUESTS, blanks.requests),
    outcomes = outcomes(tables.requests, blanks.requests),
    open_rate = figures.open_rate(tables.requests, blanks.requests),
    appeals = appeals(tables.appeals, blanks.appeals),
    active = list(tables.active, ACTIVE[r.format] or ACTIVE["2021"], blanks.active),
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
    local found = report.by_severity[f.severity] or {}
    report.by_severity[f.severity] = found
    found[#found + 1] = item
  else
    data.others[#data.others + 1] = item
  end
end

-- only the severities that have findings get a heading
for _, report in ipairs(data.reports) do
  for _, s in ipairs(SEVERITIES) do
    local found = report.by_severity[s[1]]
    if found then
      report.groups[#report.groups + 1] = { label = s[2], class = s[3], findings = found }
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

if run.html then
  local render = template.compile(require("summary_html_template"), "summary.html",
    { escape = template.escape_html, templates = { style = require("page_style") } })
  emit(render(data))
else
  local render = template.compile(require("summary_template"), "summary.md",
                                  { escape = template.escape_markdown })
  emit(render(data))
end
