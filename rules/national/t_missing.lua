-- T-MISSING — 表格中缺失、有歧义或无法读取的单元格：逐一说明；空白格每表说一次。
-- A table cell is missing, ambiguous or unreadable: say which and why;
-- blank cells once per table.

local names = require("names")
local tables = require("tables")

local TABLE_NAMES = { active = "表二", requests = "表三", appeals = "表四" }

rule {
  id = "T-MISSING",
  severity = "warning",
  title = "表格单元格缺失或有歧义 / a table cell is missing or ambiguous",
  description = [[
表二、表三、表四中未能读出的单元格：未印出、不是数字，或数字连写后有多种拆分
方式（列出全部候选值）。依赖这些单元格的规则只报告“无法核对”。本规则每个表格、
每种原因只报一次，并列出这些单元格。

印成空白（或“/”“-”）的单元格另报：办公室常把 0 留空，按规范应填 0。参数
blank_is_zero 为 true（默认）时，各表的勾稽规则把空白按 0 计，本规则每个表格
说一次有几格空白；为 false 时空白格和缺失一样列出。

Cells of 表二, 表三 and 表四 that could not be read: not printed, not a
number, or digits run together that split more than one way (the
candidates are listed). Rules that need such a cell say they could not
check it. One finding per table and reason, listing the cells.

Cells printed blank (or "/", "-") are reported apart: offices often leave a
zero blank where the format asks for 0. With blank_is_zero (the default)
the sum rules count blanks as 0 and this rule says once per table how many
are blank; without it blanks are listed like missing cells.]],

  check = function(report, add, params)
    if report.unreadable == 0 and report.blank == 0 then return end
    local opts = tables.options(params)
    -- group the unreadable cells by table and reason, in path order
    local paths, blanks, first_blank = {}, {}, {}
    for path, cell in pairs(report.cells) do
      -- rows that are not in the table at all are S-TABLES's
      local status = cell.status
      local absent = status == "missing" and names.row_absent[cell.code or ""]
      local tbl = names.place(path)
      if status == "blank" and opts.blank_is_zero then
        blanks[tbl] = (blanks[tbl] or 0) + 1
        if not first_blank[tbl] or path < first_blank[tbl] then first_blank[tbl] = path end
      elseif (status == "missing" or status == "ambiguous" or status == "blank") and not absent then
        paths[#paths + 1] = path
      end
    end
    table.sort(paths)
    local groups, order = {}, {}
    for _, path in ipairs(paths) do
      local cell = report.cells[path]
      local tbl = names.place(path)
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
    for _, key in ipairs(order) do
      local g = groups[key]
      local list = g.cells
      local more = ""
      if #list > 8 then
        more = string.format(" 等 %d 格", #list)
        list = { table.unpack(list, 1, 8) }
      end
      local tbl = names.place(g.first)
      local word = g.status == "ambiguous" and "有歧义" or g.status == "blank" and "空白" or "缺失"
      add{ path = g.first,
           message = string.format("%s %s：%s%s (%s)", TABLE_NAMES[tbl] or tbl,
                                   word, table.concat(list, "、"), more, g.why) }
    end
    -- 空白格：每个表格说一次 / blank cells: once per table
    for _, tbl in ipairs({ "active", "requests", "appeals" }) do
      local n = blanks[tbl]
      if n then
        add{ path = first_blank[tbl],
             message = string.format("%s有 %d 个空白单元格，应填写 0（核对时按 0 计）(%d cells of %s are blank; they should read 0, and are counted as 0)",
                                     TABLE_NAMES[tbl], n, n, TABLE_NAMES[tbl]) }
      end
    end
  end,
}
