-- names.lua — the official Chinese names of 表三's rows and columns and
-- 表四's blocks, for messages, and a few questions the table rules share.
-- Rules get it with require("names").  The names themselves are the
-- national format's catalogue (the global `catalogue`, from
-- core/catalogue.inc): nothing of the format is written here.

local names = {}

local requests = catalogue.requests

-- 表三's applicant columns, in table order, without 总计
names.columns = {}
-- a column's name: names.column.natural == "自然人"
names.column = {}
for _, c in ipairs(requests.columns) do
  if c.key ~= "total" then names.columns[#names.columns + 1] = c.key end
  names.column[c.key] = c.name
end

-- 表三's rows in table order (both formats: the 2019 format has "other"
-- where the 2021 format has the three other_* rows), and their names
-- for messages: names.row.denied_secret == "（三）1.属于国家秘密"
names.rows = {}
names.row = {}
for _, r in ipairs(requests.rows) do
  names.rows[#names.rows + 1] = r.key
  names.row[r.key] = r.name
end

-- 表四's blocks and columns
names.appeal_blocks = {}
names.appeal_block = {}
for _, b in ipairs(catalogue.appeals.blocks) do
  names.appeal_blocks[#names.appeal_blocks + 1] = b.key
  names.appeal_block[b.key] = b.name
end
names.appeal_column = {}
for _, c in ipairs(catalogue.appeals.columns) do
  names.appeal_column[c.key] = c.name
end

-- why a whole row is not in the printed table, by the cell's code (S-TABLES
-- reports these; T-MISSING reports the other unreadable cells)
names.row_absent = {
  row_not_found = true,
  not_in_document = true,
  merged_other = true,
}

-- 读不出的格怎么说 / how a message says a cell could not be read
function names.unread_word(cell)
  if cell == nil then return "缺失" end
  if cell.status == "blank" then return "空白" end
  if cell.status == "ambiguous" then return "有歧义" end
  return "缺失"
end

-- 表三这一行是否印在本报告的格式中：（六）印成一行时代替三个子行
-- Whether 表三's row belongs to this report's printed format (（六）
-- printed as one row stands for its three sub-rows).
local layout = {}
for _, r in ipairs(requests.rows) do layout[r.key] = r.layout end

function names.request_row_printed(report, row)
  if report.cells["tables.requests." .. row .. ".total"] == nil then return false end
  if layout[row] == "subrow" and report.cells["tables.requests.other.total"] then
    return false
  end
  return true
end

-- 单元格路径的三段：表、行、列 / the table, row and column of a cell's
-- path: names.place("tables.requests.new.total") --> "requests", "new",
-- "total".  Every report has the same paths, so each is split once.
local places = {}
function names.place(path)
  local p = places[path]
  if not p then
    local tbl, row, column = path:match("^tables%.(%w+)%.([%w_]+)%.([%w_]+)$")
    p = { tbl, row, column }
    places[path] = p
  end
  return p[1], p[2], p[3]
end

-- true when the report has the national tables and at least one cell of
-- this table ("active", "requests", "appeals") was read: a table that is
-- not there at all is S-TABLES's and T-MISSING's business, not every rule's
function names.has_table(report, name)
  if report.format ~= "2021" and report.format ~= "2019" then
    return false
  end
  for _, row in pairs(report.tables[name]) do
    for _, value in pairs(row) do
      if value ~= nil then return true end
    end
  end
  return false
end

-- the result rows of 表三 that a report has: （一）…（六）, the one row of
-- （六） in place of its sub-rows when the report prints it so
local group_of = {}
for _, r in ipairs(requests.rows) do group_of[r.key] = r.group end

function names.result_rows(tables_requests)
  local rows = {}
  for _, row in ipairs(names.rows) do
    if group_of[row] and tables_requests[row] ~= nil then
      local sub = layout[row] == "subrow"
      if not (sub and tables_requests.other ~= nil) then
        rows[#rows + 1] = row
      end
    end
  end
  return rows
end

return names
