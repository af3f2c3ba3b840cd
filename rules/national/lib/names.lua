-- names.lua — the official Chinese names of 表三's rows and columns and
-- 表四's blocks, for messages.  Rules get it with require("names").

local names = {}

names.columns = { "natural", "commercial", "research", "nonprofit", "legal", "other" }

names.column = {
  natural = "自然人", commercial = "商业企业", research = "科研机构",
  nonprofit = "社会公益组织", legal = "法律服务机构", other = "其他", total = "总计",
}

-- 表三's rows in table order (the 2021 format; the 2019 format has
-- "other" where 2021 has the three other_* rows)
names.rows = {
  "new", "carried_over", "granted", "partial",
  "denied_secret", "denied_law", "denied_safety", "denied_third_party",
  "denied_internal", "denied_process", "denied_enforcement", "denied_query",
  "unable_not_held", "unable_create", "unable_unclear",
  "refused_complaint", "refused_repeat", "refused_publication",
  "refused_massive", "refused_confirm",
  "other", "other_overdue_correction", "other_overdue_fee", "other_misc",
  "total", "carried_forward",
}

names.row = {
  new = "一、本年新收", carried_over = "二、上年结转",
  granted = "（一）予以公开", partial = "（二）部分公开",
  denied_secret = "（三）1.属于国家秘密", denied_law = "（三）2.其他法律行政法规禁止公开",
  denied_safety = "（三）3.危及“三安全一稳定”", denied_third_party = "（三）4.保护第三方合法权益",
  denied_internal = "（三）5.属于三类内部事务信息", denied_process = "（三）6.属于四类过程性信息",
  denied_enforcement = "（三）7.属于行政执法案卷", denied_query = "（三）8.属于行政查询事项",
  unable_not_held = "（四）1.本机关不掌握相关政府信息", unable_create = "（四）2.没有现成信息需要另行制作",
  unable_unclear = "（四）3.补正后申请内容仍不明确",
  refused_complaint = "（五）1.信访举报投诉类申请", refused_repeat = "（五）2.重复申请",
  refused_publication = "（五）3.要求提供公开出版物", refused_massive = "（五）4.无正当理由大量反复申请",
  refused_confirm = "（五）5.要求行政机关确认或重新出具已获取信息",
  other = "（六）其他处理", other_overdue_correction = "（六）1.逾期不补正",
  other_overdue_fee = "（六）2.逾期未缴费", other_misc = "（六）3.其他",
  total = "（七）总计", carried_forward = "四、结转下年度继续办理",
}

names.appeal_blocks = { "review", "suit_direct", "suit_after_review" }
names.appeal_block = {
  review = "行政复议", suit_direct = "行政诉讼（未经复议直接起诉）",
  suit_after_review = "行政诉讼（复议后起诉）",
}
names.appeal_column = {
  upheld = "结果维持", corrected = "结果纠正", other = "其他结果",
  pending = "尚未审结", total = "总计",
}

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
function names.request_row_printed(report, row)
  if report.cells["tables.requests." .. row .. ".total"] == nil then return false end
  if row:match("^other_") and report.cells["tables.requests.other.total"] then
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

-- the result rows of 表三 that a report has: （一）…（六）
function names.result_rows(requests)
  local rows = {}
  for _, row in ipairs(names.rows) do
    local result = row ~= "new" and row ~= "carried_over" and row ~= "total"
                   and row ~= "carried_forward"
    if result and requests[row] ~= nil then
      -- （六） printed as one row replaces its three sub-rows
      local sub = row:match("^other_")
      if not (sub and requests.other ~= nil) then
        rows[#rows + 1] = row
      end
    end
  end
  return rows
end

return names
