-- T-MISSING — 表格中缺失、有歧义或无法读取的单元格：逐一说明。
-- A table cell is missing, ambiguous or unreadable: say which and why.

local names = require("names")

rule {
  id = "T-MISSING",
  severity = "warning",
  title = "表格单元格缺失或有歧义 / a table cell is missing or ambiguous",
  description = [[
表二、表三、表四中未能读出的单元格：报告中空白、印为“/”或“-”、未找到，或数字
连写后有多种拆分方式（列出全部候选值）。依赖这些单元格的规则只报告“无法核对”。
本规则每个表格只报一次，并列出缺失的单元格。

Cells of 表二, 表三 and 表四 that could not be read: blank, printed as "/"
or "-", not found, or digits run together that split more than one way
(the candidates are listed). Rules that need such a cell say they could not
check it. One finding per table and reason, listing the cells.]],

  check = function(report, add)
    if report.unreadable == 0 then return end   -- every cell was read
    -- group the unreadable cells by table and reason, in path order
    local paths = {}
    for path, cell in pairs(report.cells) do
      -- rows that are not in the table at all are S-TABLES's
      local status = cell.status
      local absent = status == "missing" and names.row_absent[cell.why or ""]
      if (status == "missing" or status == "ambiguous") and not absent then
        paths[#paths + 1] = path
      end
    end
    table.sort(paths)
    local groups, order = {}, {}
    for _, path in ipairs(paths) do
      local cell = report.cells[path]
      local tbl = path:match("^tables%.(%w+)%.")
      local why = cell.why or cell.status
      local key = tbl .. "|" .. why
      if not groups[key] then
        groups[key] = { first = path, cells = {}, why = why, status = cell.status }
        order[#order + 1] = key
      end
      local shown = path:gsub("^tables%.%w+%.", "")
      if cell.status == "ambiguous" and #cell.candidates > 0 then
        local c = {}
        for _, v in ipairs(cell.candidates) do c[#c + 1] = tostring(v) end
        shown = shown .. "（候选 " .. table.concat(c, "/") .. "）"
      end
      groups[key].cells[#groups[key].cells + 1] = shown
    end
    local table_names = { active = "表二", requests = "表三", appeals = "表四" }
    for _, key in ipairs(order) do
      local g = groups[key]
      local list = g.cells
      local more = ""
      if #list > 8 then
        more = string.format(" 等 %d 格", #list)
        list = { table.unpack(list, 1, 8) }
      end
      local tbl = g.first:match("^tables%.(%w+)%.")
      add{ path = g.first,
           message = string.format("%s %s：%s%s (%s)", table_names[tbl] or tbl,
                                   g.status == "ambiguous" and "有歧义" or "缺失",
                                   table.concat(list, "、"), more, g.why) }
    end
  end,
}
