-- figures.lua — the key figures of a report, worked out the same way for
-- the summary (scripts/markdown.lua) and the roll-up (scripts/rollup.lua).
-- Scripts get it with require("figures").
--
-- Every function here gives nil when a figure it needs could not be read:
-- a sum with one unreadable part is unreadable, never a smaller number.
-- A cell printed blank (an office's way of writing 0) counts as 0 in sums
-- when the function is given the report's `blanks` for that table (r.blanks
-- is shaped like r.tables: blanks.requests.new.natural == true), and is
-- shown as 空白, not 不可读.
--
--   figures.cell(tbl, row, column)        tbl[row][column], or nil
--   figures.blank(blanks, row, column)    true when that cell is printed blank
--   figures.unread(blanks, row, column)   how a nil figure is shown:
--                                         "空白" or "不可读"
--   figures.sum(tbl, rows, column, blanks) the rows' sum, nil if one is nil
--   figures.outcome(requests, key, column, blanks) one outcome group of 表三
--   figures.outcomes(requests, column, blanks) all six, { key, label, value }
--   figures.share(part, whole)            "12.5%" (one decimal, always),
--                                         "—" when whole is 0
--   figures.open_rate(requests, blanks)   实质公开率, as share() gives it
--   figures.correction_rate(block)        纠错率 of one 表四 block:
--                                         结果纠正 ÷ (总计 − 尚未审结)

local figures = {}

-- 表三's outcomes, （一）…（六）, and the rows of each, from the national
-- format's catalogue (the global `catalogue`, core/catalogue.inc): { key,
-- label "（一）予以公开", short "予以公开", rows }.  （六）其他处理 is one
-- row "other" in the 2019 format (and in reports that print it so), three
-- rows other_* in the 2021 format: its rows are those three.
figures.OUTCOMES = {}
for _, g in ipairs(catalogue.requests.groups) do
  figures.OUTCOMES[#figures.OUTCOMES + 1] = { key = g.key, label = g.name, short = g.short,
                                              rows = g.rows }
end

-- 表三's applicant columns, then the total column, and their names
figures.COLUMNS = {}
figures.COLUMN_NAMES = {}
for _, c in ipairs(catalogue.requests.columns) do
  figures.COLUMNS[#figures.COLUMNS + 1] = c.key
  figures.COLUMN_NAMES[c.key] = c.name
end

-- table[row][column], or nil when the row or the cell is not there
function figures.cell(tbl, row, column)
  local r = tbl and tbl[row]
  return r and r[column]
end

-- true when the cell at row, column was printed blank
function figures.blank(blanks, row, column)
  local r = blanks and blanks[row]
  return (r and r[column]) == true
end

-- how a figure that is nil is shown: 空白 (printed blank) or 不可读
function figures.unread(blanks, row, column)
  if figures.blank(blanks, row, column) then return "空白" end
  return "不可读"
end

-- the sum of several rows of one column; nil when any of them is
-- unreadable (a blank one counts as 0)
function figures.sum(tbl, rows, column, blanks)
  local total = 0
  for _, row in ipairs(rows) do
    local v = figures.cell(tbl, row, column)
    if v == nil and figures.blank(blanks, row, column) then v = 0 end
    if v == nil then return nil end
    total = total + v
  end
  return total
end

-- one outcome group ("granted", "denied", …) of 表三, in one column
function figures.outcome(requests, key, column, blanks)
  if key == "other" and requests and requests.other ~= nil then
    -- （六） printed as one row stands for its three sub-rows
    return figures.sum(requests, { "other" }, column, blanks)
  end
  for _, o in ipairs(figures.OUTCOMES) do
    if o.key == key then return figures.sum(requests, o.rows, column, blanks) end
  end
  error("no outcome group '" .. tostring(key) .. "'", 2)
end

-- the six outcome groups of one column: { key, label, short, value }
function figures.outcomes(requests, column, blanks)
  local list = {}
  for _, o in ipairs(figures.OUTCOMES) do
    list[#list + 1] = { key = o.key, label = o.label, short = o.short,
                        value = figures.outcome(requests, o.key, column or "total", blanks) }
  end
  return list
end

-- part of whole as "12.5%"; "—" when whole is 0; nil when either is
-- unreadable (the template then prints 不可读)
function figures.share(part, whole)
  if part == nil or whole == nil then return nil end
  if whole == 0 then return "—" end
  return string.format("%.1f%%", part / whole * 100)
end

-- 实质公开率 = （予以公开 + 部分公开）÷ 办理结果总计
function figures.open_rate(requests, blanks)
  local opened = figures.sum(requests, { "granted", "partial" }, "total", blanks)
  return figures.share(opened, figures.sum(requests, { "total" }, "total", blanks))
end

-- 纠错率 = 结果纠正 ÷ 已审结 (总计 − 尚未审结), for one block of 表四
-- (review, suit_direct, suit_after_review): cases still pending have no
-- result yet, so they are not counted either way
function figures.correction_rate(block)
  if block == nil or block.total == nil or block.pending == nil then return nil end
  return figures.share(block.corrected, block.total - block.pending)
end

return figures
