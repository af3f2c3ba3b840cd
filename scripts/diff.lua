-- diff.lua — gouji diff LAST THIS: last year's report against this year's,
-- in Markdown: the two reports, the figures that changed (by table), and
-- how much of each part's text is the same as last year's.
--
-- How to change it:
--   * the wording and layout are in scripts/lib/diff_template.lua;
--   * when a part is flagged is THRESHOLD and TABLE_PARTS below;
--   * how numbers are written is the small functions below.
-- For your own version, copy this file, paste the template's text in it
-- (local SOURCE = [==[ … ]==]) instead of require("diff_template"), and
-- run gouji diff --format my_diff.lua LAST THIS.
--
-- What gouji gives the script (docs/scripts.md):
--   run.last, run.this   each report: title, agency, year, format,
--                        published, source.path, tables, unreadable
--   run.figures          the figures whose value or readability changed:
--                        path, table, label, row_label, column_label,
--                        last, this (nil: unreadable), last_status,
--                        this_status, change, percent
--   run.sections         the six parts: number, title, similarity (0..1,
--                        nil when a year lacks the part), missing_last,
--                        missing_this, last_chars, this_chars, last_text,
--                        this_text
--   run.compared, run.unreadable_both, run.not_compared   cell counts
--   run.warnings         notes about the pair (agency, years)
--
-- A figure that could not be read is nil and is written "不可读"
-- (unreadable) — never 0.

local run, emit = ...
if run.this == nil then
  error("diff.lua is an output of 'gouji diff LAST THIS', not of gouji check", 0)
end
local template = require("template")
local text = require("text")

-- 超过这个比例的部分标为“过半与上年相同” / a part whose text is more than
-- this share the same as last year's is flagged
local THRESHOLD = 0.5

-- 主要是统计表的部分：表头文字年年相同，不标 / parts that are mostly the
-- statistical table: the table's labels are the same every year, so a high
-- share says nothing about the writing; they are not flagged
local TABLE_PARTS = { [2] = true, [3] = true, [4] = true }

-- the tables, in this order, with their headings
local TABLES = {
  { "active", "表二 主动公开政府信息情况" },
  { "requests", "表三 收到和处理政府信息公开申请情况" },
  { "appeals", "表四 政府信息公开行政复议、行政诉讼情况" },
}

-- 增减超过这个百分比的数字单独提醒核实 / a change beyond this many per
-- cent, up or down, is called out: a typo (30 for 3) looks like this
local BIG_CHANGE = 500

-- 与上年相同的句子最多列出几句、每句最多几个字 / how many of the
-- sentences repeated from last year are shown, and at most how long each
local REPEATED_MAX = 8
local REPEATED_CHARS = 60

-- how a figure that could not be read is written, by its status
local UNREADABLE = {
  missing = "不可读（缺）",          -- not printed, or not found
  ambiguous = "不可读（有歧义）",     -- several readings fit
  blank = "空白",                    -- printed blank (a zero left blank, often)
}

-- a number as digits: 3, 7730.28 (at most 6 decimals, no trailing zeros)
local function number(n)
  if math.tointeger(n) then
    return string.format("%d", math.tointeger(n))
  end
  local s = string.format("%.6f", n):gsub("0+$", ""):gsub("%.$", "")
  return s
end

-- a figure, or how it could not be read
local function figure(value, status)
  if value == nil then
    return UNREADABLE[status] or "不可读"
  end
  return number(value)
end

-- a change with its sign: +3, -5, 0; "—" when it cannot be computed
local function signed(n, suffix)
  if n == nil then
    return "—"
  end
  local s = number(n)
  if n > 0 then
    s = "+" .. s
  end
  return s .. (suffix or "")
end

-- a report's line in the header
local function report(r)
  return {
    heading = r.title or r.source.path,
    path = r.source.path,
    agency = r.agency or "不可读",
    year = r.year and tostring(r.year) or "不可读",
    format = r.format,
    unreadable = r.unreadable,
  }
end

-- a sentence's letters: white space and punctuation left out, so that
-- re-wrapped or re-punctuated sentences still count as the same
local function letters(sentence)
  return (text.normalize(sentence):gsub("[%s%p]", ""):gsub("[\xE3][\x80][\x80-\x9F]", "")
          :gsub("\xEF\xBC[\x80-\x8F]", ""))
end

-- a sentence that is a part's subheading: （四）政府信息公开平台建设情况
local function subheading(sentence)
  local s = sentence:gsub("^%s+", "")
  local numbered = s:find("^（[一二三四五六七八九十]+）") or s:find("^[一二三四五六七八九十]+、")
  return numbered ~= nil and (utf8.len(s) or 0) < 25
end

-- the sentences of this year's part that were in last year's part too
-- (of 12 characters or more: a subheading like （二）依申请公开情况 is no
-- writing repeated)
local function repeated(last_text, this_text)
  local before = {}
  for _, s in ipairs(text.sentences(last_text or "")) do
    before[letters(s.text)] = true
  end
  local list, seen = {}, {}
  for _, s in ipairs(text.sentences(this_text or "")) do
    local key = letters(s.text)
    if (utf8.len(key) or #key) >= 12 and before[key] and not seen[key]
       and not subheading(s.text) then
      seen[key] = true
      local shown = s.text:gsub("%s+", " ")
      if (utf8.len(shown) or 0) > REPEATED_CHARS then
        shown = shown:sub(1, (utf8.offset(shown, REPEATED_CHARS + 1) or #shown + 1) - 1) .. "……"
      end
      list[#list + 1] = shown
    end
  end
  return list
end

-- the changed figures, grouped by table
local groups = {}
local big = 0
for _, t in ipairs(TABLES) do
  local rows = {}
  for _, f in ipairs(run.figures) do
    if f.table == t[1] then
      rows[#rows + 1] = {
        row = f.row_label, column = f.column_label,
        last = figure(f.last, f.last_status),
        this = figure(f.this, f.this_status),
        change = signed(f.change),
        percent = signed(f.percent, "%"),
        big = f.percent ~= nil and math.abs(f.percent) > BIG_CHANGE,
      }
      if rows[#rows].big then big = big + 1 end
    end
  end
  if #rows > 0 then
    groups[#groups + 1] = { heading = t[2], figures = rows }
  end
end

-- the six parts
local parts = {}
for _, s in ipairs(run.sections) do
  local p = { title = s.title, last_chars = "—", this_chars = "—", same = "—", note = "" }
  if s.missing_last or s.missing_this then
    p.note = s.missing_last and s.missing_this and "两年都缺少此部分 (missing in both years)"
             or s.missing_last and "上年缺少此部分 (not in last year's report)"
             or "本年缺少此部分 (not in this year's report)"
  end
  if not s.missing_last then p.last_chars = number(s.last_chars) end
  if not s.missing_this then p.this_chars = number(s.this_chars) end
  if s.similarity ~= nil then
    if s.last_chars == 0 or s.this_chars == 0 then
      p.note = "无文字可比 (no text to compare)"
    else
      p.same = string.format("%.0f%%", s.similarity * 100)
      if TABLE_PARTS[s.number] then
        p.note = "以统计表为主 (mostly the table)"
      elseif s.similarity > THRESHOLD then
        p.note = "过半与上年相同 (more than half the same as last year's)"
        p.flagged = true
        local list = repeated(s.last_text, s.this_text)
        p.repeated = { table.unpack(list, 1, REPEATED_MAX) }
        p.more = #list - #p.repeated
      end
    end
  end
  parts[#parts + 1] = p
end

local flagged = 0
for _, p in ipairs(parts) do
  if p.flagged then flagged = flagged + 1 end
end

local data = {
  last = report(run.last),
  this = report(run.this),
  warnings = run.warnings,
  changed = #run.figures,
  compared = run.compared,
  unreadable_both = run.unreadable_both,
  not_compared = run.not_compared,
  groups = groups,
  parts = parts,
  flagged = flagged,
  threshold = string.format("%.0f%%", THRESHOLD * 100),
  big = big,
  big_change = BIG_CHANGE,
}

local render = template.compile(require("diff_template"), "diff.md",
                                { escape = template.escape_markdown })
emit(render(data))
