-- S-LABELS — 表格的行标签、列标签与规定文字不一致时给出提示。
-- A table's row or column label is worded differently from the official text.

-- 读取器在 report.notes 里记下的标签差异（core/tables.c 的 note_labels、
-- note_columns），本规则逐条报告。部分标题的差异归 S-SECTIONS，这里不报。
-- The reader records label differences as notes; this rule reports each.
-- Headings of the six parts are S-SECTIONS's business, not this rule's.

local names = require("names")

local table_names = { active = "表二", requests = "表三", appeals = "表四" }

-- 表四的块名 + 列名，表二只有行键；找不到中文名时用数据路径
-- A row's Chinese name for the message, or its data path
local function row_name(tbl, row)
  if tbl == "requests" and names.row[row] then return names.row[row] end
  if tbl == "appeals" and names.appeal_block[row] then return names.appeal_block[row] end
  return "tables." .. tbl .. "." .. row
end

rule {
  id = "S-LABELS",
  severity = "info",
  title = "表格标签与规定文字一致 / table labels are worded as the official format",
  description = [[
表二、表三、表四的行标签和列标签应与国办公开办函〔2021〕30号规定的文字一致。读取器
按模糊匹配找到了某一行或某一列，但印出的文字与规定文字不同（错字、漏字，或把
“社会公益组织”写成“社会组织”）时，本规则在该行给出提示。数字仍照常读取；提示是
请编制单位下次按规定文字印制。六个部分标题的差异由 S-SECTIONS 报告。

A row or column label of 表二, 表三 or 表四 that the reader found by fuzzy
matching but that is printed differently from the official wording (a typo,
a word left out, 社会组织 for 社会公益组织) is reported as information at
its line. The figures are still read. Headings of the six parts are
S-SECTIONS's.]],

  check = function(report, add)
    for _, note in ipairs(report.notes or {}) do
      local msg = note.message or ""
      local line = (note.line and note.line > 0) and note.line or 1
      local tbl, row, official, printed =
        msg:match("^label of tables%.(%w+)%.([%w_]+) differs from the official '(.-)': '(.*)'$")
      if tbl then
        add{ line = line,
             message = string.format("%s“%s”一行的标签印作“%s”，与规定文字“%s”不一致 (row label differs from the official text)",
                                     table_names[tbl] or tbl, row_name(tbl, row), printed, official) }
      else
        local col, official_col = msg:match("^column label '(.-)' differs from the official '(.-)'$")
        if col then
          add{ line = line,
               message = string.format("表三列标签印作“%s”，与规定文字“%s”不一致 (column label differs from the official text)",
                                       col, official_col) }
        end
      end
    end
  end,
}
