-- rollup.lua — gouji check --format rollup: one table over many reports,
-- for a 政务公开办 that collects its departments' reports.
--   * one row per report (agency, year, received, handled, carried
--     forward, appeals, errors, warnings, unreadable cells), worst first;
--   * the district's totals of 表三 and 表四, summed over the reports, with
--     the totals' own 勾稽 checked (新收 + 上年结转 = 总计 + 结转下年度, the
--     outcomes add up to （七）总计, each row's applicants add up to its
--     total, each block of 表四 adds up to its total);
--   * with --html, a whole page with the same tables and two bar charts:
--     applications received by department and the mix of outcomes.
-- A figure that could not be read is shown as 不可读 and a total that
-- misses one is marked 不完整 (incomplete) — never counted as 0; a cell
-- printed blank (an office's way of writing 0) is counted as 0.
-- It streams (see docs/scripts.md): report() keeps a small row of figures
-- for each report as it is checked, finish() adds them up and writes the
-- output, so a roll-up of 10,000 reports does not hold 10,000 reports.
--
-- How to change it:
--   * the wording and layout: scripts/lib/rollup_template.lua (Markdown)
--     and scripts/lib/rollup_html_template.lua (the page);
--   * the rows of the totals: REQUEST_ROWS and APPEAL_BLOCKS below (made
--     from the catalogue: list your own there to change them);
--   * the charts' colours: OUTCOME_COLORS below; their sizes and SVG:
--     scripts/lib/svg_chart.lua.
-- For your own version, copy this file, paste a template's text in it
-- (local MY_TEMPLATE = [==[ … ]==]) in place of its require(…), and run
-- gouji check --format my_rollup.lua [--html] reports/

local run, emit = ...
local template = require("template")
local figures = require("figures")

-- 表三's rows in the totals: the table's rows outside the outcomes (一、
-- 本年新收 …), and the outcome groups （一）…（六） in their place; 表四's
-- blocks and columns.  All from the national format's catalogue (the
-- global `catalogue`, core/catalogue.inc).
local REQUEST_ROWS = {}
local group_added = {}
for _, row in ipairs(catalogue.requests.rows) do
  if not row.group then
    REQUEST_ROWS[#REQUEST_ROWS + 1] = { key = row.key, label = row.name }
  elseif not group_added[row.group] then
    group_added[row.group] = true
    for _, g in ipairs(catalogue.requests.groups) do
      if g.key == row.group then
        REQUEST_ROWS[#REQUEST_ROWS + 1] = { key = g.key, label = g.name, outcome = true }
      end
    end
  end
end

local APPEAL_BLOCKS = {}
for _, b in ipairs(catalogue.appeals.blocks) do
  APPEAL_BLOCKS[#APPEAL_BLOCKS + 1] = { key = b.key, label = b.name }
end
local APPEAL_COLUMNS = {}
for _, c in ipairs(catalogue.appeals.columns) do
  APPEAL_COLUMNS[#APPEAL_COLUMNS + 1] = c.key
end

-- the outcome chart's colours, in figures.OUTCOMES order: blues for what
-- was given out, warm colours for what was not (ink: the text on them)
local OUTCOME_COLORS = {
  { color = "#0072B2", ink = "#fff" }, { color = "#56B4E9", ink = "#000" },
  { color = "#D55E00", ink = "#fff" }, { color = "#E69F00", ink = "#000" },
  { color = "#CC79A7", ink = "#000" }, { color = "#999999", ink = "#000" },
}

-- ---- one figure of a report ----

-- tbl is "requests" or "appeals"; key a row, an outcome group or a block;
-- nil when the figure could not be read (a cell printed blank counts as 0)
local function report_value(report, tbl, key, column)
  local tables = report.tables or {}
  local blanks = report.blanks or {}
  if tbl == "requests" then
    for _, row in ipairs(REQUEST_ROWS) do
      if row.key == key and row.outcome then
        return figures.outcome(tables.requests, key, column, blanks.requests)
      end
    end
  end
  return figures.sum(tables[tbl], { key }, column, blanks[tbl])
end

-- every figure the totals, their checks and the charts read, keyed
-- "requests.new.total"; nil where it could not be read
local function values_of(report)
  local v = {}
  for _, row in ipairs(REQUEST_ROWS) do
    for _, column in ipairs(figures.COLUMNS) do
      v["requests." .. row.key .. "." .. column] = report_value(report, "requests", row.key, column)
    end
  end
  for _, block in ipairs(APPEAL_BLOCKS) do
    for _, column in ipairs(APPEAL_COLUMNS) do
      v["appeals." .. block.key .. "." .. column] = report_value(report, "appeals", block.key, column)
    end
  end
  return v
end

-- one figure of a row (a report), as report_value gives it
local function row_value(row, tbl, key, column)
  return row.values[tbl .. "." .. key .. "." .. column]
end

-- ---- one row per report, as each is checked ----

local rows = {}

local function report(r, findings)
  local c = { error = 0, warning = 0, info = 0 }
  for _, f in ipairs(findings) do c[f.severity] = c[f.severity] + 1 end
  local values = values_of(r)
  local direct = values["appeals.suit_direct.total"]
  local after = values["appeals.suit_after_review.total"]
  rows[#rows + 1] = {
    agency = r.agency or r.title or r.source.path, year = r.year,
    received = values["requests.new.total"],
    handled = values["requests.total.total"],
    forward = values["requests.carried_forward.total"],
    review = values["appeals.review.total"],
    suits = (direct and after) and direct + after or nil,
    errors = c.error, warnings = c.warning, unreadable = r.unreadable,
    path = r.source.path, values = values,
  }
end

-- ---- everything else, after the last report ----

local function finish()
  -- worst first: errors, then warnings, then unreadable cells, then path
  table.sort(rows, function(a, b)
    if a.errors ~= b.errors then return a.errors > b.errors end
    if a.warnings ~= b.warnings then return a.warnings > b.warnings end
    if a.unreadable ~= b.unreadable then return a.unreadable > b.unreadable end
    return a.path < b.path
  end)

  -- a report as the charts and messages name it: agency and year
  local function name_of(row)
    if row.year then return row.agency .. " " .. (math.tointeger(row.year) or row.year) end
    return row.agency
  end

  -- ---- the district's totals ----

  -- { sum, missing }: the sum of the reports that have the figure (nil when
  -- none has it) and how many do not
  local function total(tbl, key, column)
    local sum, missing = nil, 0
    for _, row in ipairs(rows) do
      local v = row_value(row, tbl, key, column)
      if v == nil then missing = missing + 1 else sum = (sum or 0) + v end
    end
    return { sum = sum, missing = missing }
  end

  local totals = { requests = {}, appeals = {} }
  local request_totals, appeal_totals = {}, {}
  for _, row in ipairs(REQUEST_ROWS) do
    local cells = {}
    totals.requests[row.key] = {}
    for i, column in ipairs(figures.COLUMNS) do
      cells[i] = total("requests", row.key, column)
      totals.requests[row.key][column] = cells[i]
    end
    request_totals[#request_totals + 1] = { label = row.label, cells = cells }
  end
  for _, block in ipairs(APPEAL_BLOCKS) do
    local cells = {}
    totals.appeals[block.key] = {}
    for i, column in ipairs(APPEAL_COLUMNS) do
      cells[i] = total("appeals", block.key, column)
      totals.appeals[block.key][column] = cells[i]
    end
    appeal_totals[#appeal_totals + 1] = { label = block.label, cells = cells }
  end

  -- a total as the checks see it: nil when a report's figure is missing
  local function district_value(tbl, key, column)
    local t = totals[tbl][key][column]
    if t.missing > 0 then return nil end
    return t.sum
  end

  -- ---- the totals' own 勾稽 ----
  -- A check: a text, where it applies, and two lists of { tbl, key, column }
  -- whose sums must be equal.

  local CHECKS = { requests = {}, appeals = {} }

  -- left_name = right_name is the relation, as the output prints it
  local function add_check(tbl, left_name, right_name, where, left, right)
    local list = CHECKS[tbl]
    list[#list + 1] = { left_name = left_name, right_name = right_name, where = where,
                        left = left, right = right }
  end

  for _, column in ipairs(figures.COLUMNS) do
    local where = figures.COLUMN_NAMES[column] .. "列"
    local function at(key) return { "requests", key, column } end
    add_check("requests", "新收 + 上年结转", "（七）总计 + 结转下年度", where,
      { at("new"), at("carried_over") }, { at("total"), at("carried_forward") })
    local outcomes = {}
    for _, o in ipairs(figures.OUTCOMES) do outcomes[#outcomes + 1] = at(o.key) end
    add_check("requests", "（一）至（六）之和", "（七）总计", where, outcomes, { at("total") })
  end
  for _, row in ipairs(REQUEST_ROWS) do
    local applicants = {}
    for i = 1, #figures.COLUMNS - 1 do
      applicants[i] = { "requests", row.key, figures.COLUMNS[i] }
    end
    add_check("requests", "六类申请人之和", "总计", row.label .. "行", applicants,
              { { "requests", row.key, "total" } })
  end
  for _, block in ipairs(APPEAL_BLOCKS) do
    local parts = {}
    for i = 1, #APPEAL_COLUMNS - 1 do parts[i] = { "appeals", block.key, APPEAL_COLUMNS[i] } end
    add_check("appeals", "结果维持 + 结果纠正 + 其他结果 + 尚未审结", "总计", block.label, parts,
              { { "appeals", block.key, "total" } })
  end

  -- the sum of terms, each read with get(tbl, key, column); nil if one is nil
  local function side(terms, get)
    local sum = 0
    for _, t in ipairs(terms) do
      local v = get(t[1], t[2], t[3])
      if v == nil then return nil end
      sum = sum + v
    end
    return sum
  end

  -- every check of one table on the totals: the relations (in order), each
  -- with how many places agree, how many could not be checked, and the
  -- places that disagree with the reports that disagree there on their own
  local function run_checks(list)
    local relations, by_what = {}, {}
    for _, check in ipairs(list) do
      local what = check.left_name .. " = " .. check.right_name
      local rel = by_what[what]
      if not rel then
        rel = { what = what, left_name = check.left_name, right_name = check.right_name,
                agree = 0, unknown = 0, problems = {} }
        by_what[what] = rel
        relations[#relations + 1] = rel
      end
      local left = side(check.left, district_value)
      local right = side(check.right, district_value)
      if left == nil or right == nil then
        rel.unknown = rel.unknown + 1
      elseif left == right then
        rel.agree = rel.agree + 1
      else
        local own = {}
        for _, row in ipairs(rows) do
          local get = function(tbl, key, column) return row_value(row, tbl, key, column) end
          local l, r = side(check.left, get), side(check.right, get)
          if l ~= nil and r ~= nil and l ~= r then own[#own + 1] = name_of(row) end
        end
        rel.problems[#rel.problems + 1] = { where = check.where, left = left, right = right,
                                            reports = table.concat(own, "、") }
      end
    end
    return relations
  end

  -- ---- the charts (HTML only) ----

  local function charts()
    local chart = require("svg_chart")
    -- the departments, most applications first; unreadable ones last
    local order = {}
    for _, row in ipairs(rows) do order[#order + 1] = row end
    table.sort(order, function(a, b)
      if (a.received == nil) ~= (b.received == nil) then return a.received ~= nil end
      if a.received and a.received ~= b.received then return a.received > b.received end
      return a.path < b.path
    end)
    local received, mix = {}, {}
    for _, row in ipairs(order) do
      received[#received + 1] = { label = name_of(row), value = row.received,
                                  tip = name_of(row) .. "（" .. row.path .. "）" }
      local parts = {}
      for i, o in ipairs(figures.OUTCOMES) do
        parts[i] = row_value(row, "requests", o.key, "total")
      end
      mix[#mix + 1] = { label = name_of(row), parts = parts, total = row.handled,
                        tip = name_of(row) .. "（" .. row.path .. "）" }
    end
    local series = {}
    for i, o in ipairs(figures.OUTCOMES) do
      series[i] = { label = o.short, color = OUTCOME_COLORS[i].color, ink = OUTCOME_COLORS[i].ink }
    end
    return {
      received = chart.bars{ id = "received", unit = "件", items = received,
                             title = "各部门收到申请件数 / applications received by department" },
      outcomes = chart.stacked{ id = "outcomes", unit = "件", items = mix, series = series,
                                title = "各部门办理结果构成 / outcomes by department" },
    }
  end

  -- ---- the output ----

  -- the two tables of totals, each with its columns' names and checks
  local function names_of(columns)
    local list = {}
    for _, c in ipairs(columns) do list[#list + 1] = c.name end
    return list
  end
  local data = {
    count = #rows, errors = 0, warnings = 0, rows = rows,
    totals = {
      { id = "requests", heading = "表三合计", english = "district totals of 表三",
        first = "项目", columns = names_of(catalogue.requests.columns),
        rows = request_totals, checks = run_checks(CHECKS.requests) },
      { id = "appeals", heading = "表四合计", english = "district totals of 表四",
        first = "类别", columns = names_of(catalogue.appeals.columns),
        rows = appeal_totals, checks = run_checks(CHECKS.appeals) },
    },
  }
  for _, row in ipairs(rows) do
    data.errors = data.errors + row.errors
    data.warnings = data.warnings + row.warnings
  end

  if run.html then
    data.charts = charts()
    local render = template.compile(require("rollup_html_template"), "rollup.html",
      { escape = template.escape_html, templates = { style = require("page_style") } })
    emit(render(data))
  else
    local render = template.compile(require("rollup_template"), "rollup.md",
      { escape = template.escape_markdown })
    emit(render(data))
  end
end

return { report = report, finish = finish }
