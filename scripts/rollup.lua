-- rollup.lua — gouji check --format rollup: one table over many reports,
-- for a 政务公开办 that collects its departments' reports.
--   * one row per report (agency, year, received, handled, carried
--     forward, appeals, errors, warnings, unreadable cells), worst first;
--   * the district's totals of 表三 and 表四, summed over the reports, with
--     the totals' own 勾稽 checked (新收 + 上年结转 = 办理总计 + 结转下年度).
-- A figure that could not be read is shown as 不可读 and a total that
-- misses one is marked 不完整 (incomplete) — never counted as 0.
-- Copy this file to change it: gouji check --format my_rollup.lua reports/

local run, emit = ...

local UNREADABLE = "不可读"

-- Markdown table cells: escape the characters that would break the table
local function cell(v)
  if v == nil then return UNREADABLE end
  if math.type(v) == "float" and v == math.floor(v) then v = math.tointeger(v) end
  return (tostring(v):gsub("([|\\*_`<>%[%]])", "\\%1"))
end

-- findings per report and severity
local counts = {}
for _, f in ipairs(run.findings) do
  local c = counts[f.report] or { error = 0, warning = 0, info = 0 }
  c[f.severity] = c[f.severity] + 1
  counts[f.report] = c
end

local function get(report, tbl, row, column)
  local t = report.tables and report.tables[tbl]
  return t and t[row] and t[row][column]
end

-- one row per report
local rows = {}
for _, r in ipairs(run.reports) do
  local c = counts[r.source.path] or { error = 0, warning = 0, info = 0 }
  local review = get(r, "appeals", "review", "total")
  local direct = get(r, "appeals", "suit_direct", "total")
  local after = get(r, "appeals", "suit_after_review", "total")
  local suits = (direct and after) and direct + after or nil
  rows[#rows + 1] = {
    agency = r.agency or r.title or r.source.path, year = r.year,
    received = get(r, "requests", "new", "total"),
    handled = get(r, "requests", "total", "total"),
    forward = get(r, "requests", "carried_forward", "total"),
    review = review, suits = suits,
    errors = c.error, warnings = c.warning, unreadable = r.unreadable,
    path = r.source.path,
  }
end
-- worst first: errors, then warnings, then unreadable cells, then name
table.sort(rows, function(a, b)
  if a.errors ~= b.errors then return a.errors > b.errors end
  if a.warnings ~= b.warnings then return a.warnings > b.warnings end
  if a.unreadable ~= b.unreadable then return a.unreadable > b.unreadable end
  return a.path < b.path
end)

emit("# 政府信息公开工作年度报告汇总\n\n")
emit(string.format("共 %d 份报告，错误 %d 条，警告 %d 条。\n\n", #rows,
  (function() local n = 0 for _, r in ipairs(rows) do n = n + r.errors end return n end)(),
  (function() local n = 0 for _, r in ipairs(rows) do n = n + r.warnings end return n end)()))
emit("| 机关 | 年度 | 收到申请 | 办理总计 | 结转下年度 | 行政复议 | 行政诉讼 | 错误 | 警告 | 不可读单元格 |\n")
emit("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
for _, r in ipairs(rows) do
  emit(string.format("| %s | %s | %s | %s | %s | %s | %s | %d | %d | %d |\n",
    cell(r.agency), cell(r.year), cell(r.received), cell(r.handled), cell(r.forward),
    cell(r.review), cell(r.suits), r.errors, r.warnings, r.unreadable))
end

-- district totals: every row and column of 表三 and 表四 summed; a total
-- that misses a report's figure is marked incomplete
local REQUEST_ROWS = {
  { "new", "本年新收" }, { "carried_over", "上年结转" }, { "granted", "予以公开" },
  { "partial", "部分公开" }, { "total", "办理结果总计" }, { "carried_forward", "结转下年度" },
}
local COLUMNS = { "natural", "commercial", "research", "nonprofit", "legal", "other", "total" }
local COLUMN_NAMES = { "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计" }

local function total(tbl, row, column)
  local sum, missing = 0, 0
  for _, r in ipairs(run.reports) do
    local v = get(r, tbl, row, column)
    if v == nil then missing = missing + 1 else sum = sum + v end
  end
  return sum, missing
end

local function shown(sum, missing)
  if missing > 0 then return cell(sum) .. "（不完整，缺 " .. missing .. " 份）" end
  return cell(sum)
end

emit("\n## 表三合计\n\n| 项目 | " .. table.concat(COLUMN_NAMES, " | ") .. " |\n")
emit("|---" .. string.rep("|---:", #COLUMNS) .. "|\n")
for _, row in ipairs(REQUEST_ROWS) do
  local parts = {}
  for i, column in ipairs(COLUMNS) do parts[i] = shown(total("requests", row[1], column)) end
  emit("| " .. row[2] .. " | " .. table.concat(parts, " | ") .. " |\n")
end

-- the totals' own 勾稽: 新收 + 上年结转 = 办理总计 + 结转下年度, per column
local problems = {}
for i, column in ipairs(COLUMNS) do
  local new, m1 = total("requests", "new", column)
  local carried, m2 = total("requests", "carried_over", column)
  local handled, m3 = total("requests", "total", column)
  local forward, m4 = total("requests", "carried_forward", column)
  if m1 + m2 + m3 + m4 == 0 and new + carried ~= handled + forward then
    problems[#problems + 1] = string.format("%s列：新收 %s + 上年结转 %s ≠ 办理总计 %s + 结转下年度 %s",
      COLUMN_NAMES[i], cell(new), cell(carried), cell(handled), cell(forward))
  end
end
if #problems == 0 then
  emit("\n合计的勾稽关系（新收 + 上年结转 = 办理总计 + 结转下年度）：各列相符或无法核对。\n")
else
  emit("\n合计的勾稽关系不符：\n\n")
  for _, p in ipairs(problems) do emit("- " .. p .. "\n") end
end

emit("\n## 表四合计\n\n| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---:|---:|---:|---:|---:|\n")
local BLOCKS = { { "review", "行政复议" }, { "suit_direct", "行政诉讼（未经复议直接起诉）" },
                 { "suit_after_review", "行政诉讼（复议后起诉）" } }
for _, block in ipairs(BLOCKS) do
  local parts = {}
  for i, column in ipairs({ "upheld", "corrected", "other", "pending", "total" }) do
    parts[i] = shown(total("appeals", block[1], column))
  end
  emit("| " .. block[2] .. " | " .. table.concat(parts, " | ") .. " |\n")
end
