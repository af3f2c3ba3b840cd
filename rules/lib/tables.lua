-- tables.lua — 表格算术：取一格的值、求几格之和、判断等式是否成立。
-- The arithmetic of the report's tables, for rules and output scripts:
-- a cell's value, the sum of some cells, and whether a sum holds.
--
--   local tables = require("tables")
--
-- 函数一览 / what is here:
--
--   tables.cell(report, path [, opts])     一格 / one cell, as a term
--   tables.sum(report, paths [, opts])     几格之和 / the sum of some cells
--   tables.compare(left, right)            两个和是否相等 / do two sums agree
--   tables.show(term [, "en"])             写进消息的样子 / for a message
--   tables.stated(term)                    句中说一格：“为 8”“空白（按 0 计）”
--
-- 一“项”（term）是一格或几格之和，是一个表：
-- A term (one cell, or a sum of cells) is a table:
--
--   term.value     数值；读不出时为 nil / the number, or nil
--   term.choices   有歧义时可能的值（升序）/ the values it may take when
--                  cells are ambiguous (ascending), else nil
--   term.unread    读不出的第一格的路径 / the path of the first cell that
--                  could not be read (missing, or too many readings)
--   term.blanks    其中印成空白的格数 / how many of its cells are blank
--   term.blank     这一项就是一个空白格 / the term is one blank cell
--   term.split_fails  某格所在行的连写数字怎么拆都不相符 / a cell's row of
--                  run-together digits adds up under no split (code
--                  no_split_adds_up): the path of the first such cell
--
-- 空白格 / blank cells: 办公室常把 0 留空。opts.blank_is_zero 为 true 时
-- 空白按 0 计（全国规则包的参数 blank_is_zero，默认 true）；否则空白格和
-- 缺失一样读不出。Offices often leave a zero cell blank: with
-- opts.blank_is_zero a blank counts as 0 (the national pack's parameter
-- blank_is_zero, true by default), else it cannot be read, like a missing
-- cell.  tables.options(params) makes opts from a pack's parameters.

local tables = {}

-- 可能值最多这么多个，再多就当作读不出 / a sum with more possible values
-- than this is treated as unreadable
local MAX_CHOICES = 256

-- 规则包参数 -> opts / a pack's parameters as options
function tables.options(params)
  local blank_is_zero = true
  if params and params.blank_is_zero == false then blank_is_zero = false end
  return { blank_is_zero = blank_is_zero }
end

-- 一格 / one cell as a term
function tables.cell(report, path, opts)
  opts = opts or tables.options(nil)
  local cell = report.cells[path]
  local term = { blanks = 0 }
  if cell == nil then
    term.unread = path                 -- 不在本报告格式中 / not in this format
    return term
  end
  local status = cell.status
  if status == "ok" or status == "inferred" then
    local tbl, row, column = path:match("^tables%.(%w+)%.([%w_]+)%.([%w_]+)$")
    term.value = report.tables[tbl][row][column]
  elseif status == "blank" then
    term.blanks = 1
    term.blank = true
    if opts.blank_is_zero then term.value = 0 else term.unread = path end
  elseif status == "ambiguous" and cell.code ~= "many_readings"
         and #cell.candidates > 0 then
    -- 候选值齐全 / the candidates are all the readings there are
    local choices = {}
    for i, v in ipairs(cell.candidates) do choices[i] = v end
    table.sort(choices)
    term.choices = choices
  else
    term.unread = path
  end
  if cell.code == "no_split_adds_up" then term.split_fails = path end
  return term
end

-- a + b for two terms
local function add(a, b)
  local out = {
    blanks = a.blanks + b.blanks,
    unread = a.unread or b.unread,
    split_fails = a.split_fails or b.split_fails,
  }
  if out.unread then return out end
  if a.value and b.value then
    out.value = a.value + b.value
    return out
  end
  -- 至少一方有歧义：两两相加 / at least one is ambiguous: every pair
  local seen, list = {}, {}
  for _, x in ipairs(a.choices or { a.value }) do
    for _, y in ipairs(b.choices or { b.value }) do
      local s = x + y
      if not seen[s] then
        seen[s] = true
        list[#list + 1] = s
        if #list > MAX_CHOICES then
          out.unread = a.unread or b.unread or "?"
          return out
        end
      end
    end
  end
  table.sort(list)
  if #list == 1 then out.value = list[1] else out.choices = list end
  return out
end

-- 几格之和 / the sum of the cells at paths
function tables.sum(report, paths, opts)
  local total = { value = 0, blanks = 0 }
  for _, path in ipairs(paths) do
    total = add(total, tables.cell(report, path, opts))
  end
  return total
end

-- 两项是否相等 / whether two terms agree:
--   "equal"      相等 / they are equal
--   "differ"     不等 / they differ
--   "never"      有歧义，但无论取哪种读法都不等 / ambiguous, and they
--                differ whichever reading is taken
--   "unknown"    读不出，或某种读法下相等 / a cell could not be read, or
--                some reading makes them equal
function tables.compare(left, right)
  if left.unread or right.unread then return "unknown" end
  if left.value and right.value then
    return left.value == right.value and "equal" or "differ"
  end
  local have = {}
  for _, v in ipairs(left.choices or { left.value }) do have[v] = true end
  for _, v in ipairs(right.choices or { right.value }) do
    if have[v] then return "unknown" end
  end
  return "never"
end

-- 写进消息：数值，“空白”，或“a/b/c 之一”/ a term as a message shows it:
-- its value, "空白" for a blank cell, or its possible values; with "en",
-- in English words
function tables.show(term, lang)
  if term.blank then return lang == "en" and "blank" or "空白" end
  if term.value then return tostring(term.value) end
  if term.choices then
    local parts = {}
    for i, v in ipairs(term.choices) do
      if i > 6 then parts[#parts + 1] = "…"; break end
      parts[#parts + 1] = tostring(v)
    end
    return table.concat(parts, "/") .. (lang == "en" and " (one of)" or " 之一")
  end
  return "？"
end

-- 句中说一格：“为 8”“空白（按 0 计）”/ a cell as a Chinese sentence
-- states it (in English, show(term, "en") says it)
function tables.stated(term)
  if term.blank then return "空白（按 0 计）" end
  return "为 " .. tables.show(term)
end

return tables
