-- annotated.lua — gouji check --format annotated: the report itself, part
-- by part, with each finding marked where it is.
--   * the report's own text, each part under its heading; the sentence a
--     finding is about is highlighted and the finding is written beside it;
--   * 表二, 表三 and 表四 drawn as tables from what gouji read: a cell
--     printed blank (空白), missing (缺), ambiguous (有歧义, with the
--     readings that fit) or filled by arithmetic (推) is marked as such,
--     and a cell a finding is about is highlighted;
--   * at the top, every finding in the order of the text, each a link to
--     its place; for a PDF, page markers and 第N页第M行 for each finding;
--   * severity is shown by colour and by a sign: ✖ 错误, ⚠ 警告, ℹ 提示;
--     a finding that carries a suggested correction (f.fix) shows it.
-- With --html it writes a whole page that needs nothing else (no
-- JavaScript, nothing loaded from elsewhere) and prints as it looks;
-- otherwise Markdown.  gouji serve shows this page for each report.
--
-- It streams (see docs/scripts.md) and asks for each report in full
-- (detail = true at the end): report() gets the report with its text,
-- paragraphs and cells, and turns it into a part of the output at once;
-- finish() writes the list of reports and every part.
--
-- How to change it:
--   * the signs and words of the severities: SEVERITIES below;
--   * the marks of cells that are not plainly read: STATUS below;
--   * the page: scripts/lib/annotated_html_template.lua, its style
--     scripts/lib/annotated_style.lua; the Markdown is written below
--     (markdown_report).

local run, emit = ...
local template = require("template")

local SEVERITIES = {
  error = { icon = "✖", label = "错误", order = 1 },
  warning = { icon = "⚠", label = "警告", order = 2 },
  info = { icon = "ℹ", label = "提示", order = 3 },
}

-- cells: what is shown instead of (or beside) the value, and why
local STATUS = {
  ok = { mark = nil },
  inferred = { mark = "推", title = "由表内勾稽推出 (filled by the table's arithmetic)" },
  blank = { mark = "空白", title = "印为空白 (printed blank)" },
  missing = { mark = "缺", title = "未能读出 (missing)" },
  ambiguous = { mark = "有歧义", title = "几种读法都说得通 (several readings fit)" },
}

local TABLE_NAMES = {
  active = "表二 主动公开政府信息情况",
  requests = "表三 收到和处理政府信息公开申请情况",
  appeals = "表四 政府信息公开行政复议、行政诉讼情况",
}
local TABLE_ORDER = { "active", "requests", "appeals" }
-- the part each table belongs under when its text was not found
local TABLE_SECTION = { active = 2, requests = 3, appeals = 4 }

local esc = template.escape_html

local function number_text(v)
  if v == nil then return "" end
  if math.type(v) == "integer" then return tostring(v) end
  if v == math.floor(v) and v > -1e15 and v < 1e15 then return string.format("%d", v) end
  return (string.format("%.4f", v):gsub("0+$", ""):gsub("%.$", ""))
end

-- ---- places ----

-- the page of a line (PDF), or nil
local function page_of(r, line)
  local page
  for i, first in ipairs(r.pages or {}) do
    if first <= line then page = i else break end
  end
  return page
end

-- where a finding is, as a clerk finds it: 第4页第12行 in a PDF, 第12行
-- (or 第12行第5字) elsewhere
local function where_text(r, line, column)
  if not line or line <= 0 then return "全文" end
  local page = page_of(r, line)
  if page and #r.pages > 1 then
    return string.format("第%d页第%d行", page, line - r.pages[page] + 1)
  end
  if column and column > 0 then
    return string.format("第%d行第%d字", line, column)
  end
  return string.format("第%d行", line)
end

-- the byte range of each piece of a paragraph: { from, to, line, column }
local function spans_of(p)
  local spans = {}
  local pieces = p.pieces or {}
  for i, pc in ipairs(pieces) do
    local to = pieces[i + 1] and pieces[i + 1].offset - 1 or #p.text
    spans[i] = { from = pc.offset, to = to, line = pc.line, column = pc.column }
  end
  return spans
end

-- the byte offset in p.text of (line, column), or nil when it is not in p
local function offset_in(p, spans, line, column)
  for _, s in ipairs(spans) do
    if s.line == line and s.column <= column then
      local n = column - s.column
      local at = n == 0 and s.from or utf8.offset(p.text, n + 1, s.from)
      if at and at <= s.to then return at end
    end
  end
  return nil
end

-- the lines a paragraph was printed on
local function lines_of(p, spans)
  if #spans > 0 then return spans[1].line, spans[#spans].line end
  local extra = select(2, p.text:gsub("\n", ""))
  return p.line, p.line + extra
end

-- the sentence around byte offset at: from after the last 。！？；or line
-- break before it to the next one (included)
local ENDS = { "。", "！", "？", "；", "\n" }
local function sentence_at(text, at)
  local from, to = 1, #text
  for _, e in ipairs(ENDS) do
    local i = 1
    while true do
      local s, f = text:find(e, i, true)
      if not s then break end
      if f < at and f + 1 > from then from = f + 1 end
      if s >= at and (e == "\n" and s - 1 or f) < to then
        to = e == "\n" and s - 1 or f
        break
      end
      i = f + 1
    end
  end
  if to < from then to = from end
  return from, to
end

-- ---- one report ----

local function worst(list)
  local best
  for _, f in ipairs(list) do
    if not best or SEVERITIES[f.severity].order < SEVERITIES[best].order then best = f.severity end
  end
  return best or "info"
end

-- what every part of the report is, in order, with its findings placed
local function layout(r, findings, prefix)
  local blocks = {}
  local top = { kind = "top", notes = {} }

  -- the findings, numbered in the order they come (by place)
  local items = {}
  for i, f in ipairs(findings) do
    local sev = SEVERITIES[f.severity] and f.severity or "info"
    items[i] = {
      n = i, id = prefix .. "f" .. i, note_id = prefix .. "n" .. i,
      severity = sev, icon = SEVERITIES[sev].icon, label = SEVERITIES[sev].label,
      rule = f.rule, message = f.message, fix = f.fix, path = f.path,
      line = f.line or 0, column = f.column or 0,
      where = where_text(r, f.line, f.column),
    }
  end

  -- the tables: which cells each has, and where each cell was printed
  local cells = r.cells or {}
  local tables, cell_at = {}, {}
  for _, path in ipairs(r.cell_paths or {}) do
    local c = cells[path]
    if c then
      local t = tables[c.table] or { key = c.table, name = TABLE_NAMES[c.table], cells = {},
                                     notes = {}, marks = {} }
      tables[c.table] = t
      t.cells[#t.cells + 1] = { path = path, cell = c }
      if c.line and c.line > 0 then
        cell_at[c.line .. ":" .. (c.column or 0)] = { table = c.table, path = path }
      end
    end
  end

  -- the blocks: preamble, then each part's heading and paragraphs; a
  -- paragraph in which a table's cells were printed is that table
  local placed = {}
  if r.preamble and r.preamble.text and r.preamble.text ~= "" then
    local first = r.preamble.line or 0
    local extra = select(2, r.preamble.text:gsub("\n", ""))
    blocks[#blocks + 1] = { kind = "preamble", text = r.preamble.text, first = first,
                            last = first + extra, notes = {}, marks = {} }
  end
  for _, s in ipairs(r.sections or {}) do
    blocks[#blocks + 1] = { kind = "heading", section = s.number, title = s.title,
                            first = s.line, last = s.line, notes = {}, marks = {},
                            anchor = prefix .. "s" .. s.number }
    for _, p in ipairs(s.paragraphs or {}) do
      local spans = spans_of(p)
      local first, last = lines_of(p, spans)
      local in_table
      for _, span in ipairs(spans) do
        for key, t in pairs(tables) do
          for _, tc in ipairs(t.cells) do
            local c = tc.cell
            if c.line == span.line and c.column and c.column >= span.column and
               offset_in(p, { span }, c.line, c.column) then
              in_table = in_table or key
            end
          end
        end
        if in_table then break end
      end
      if in_table and not placed[in_table] then
        placed[in_table] = true
        blocks[#blocks + 1] = { kind = "table", table = tables[in_table], first = first,
                                last = last, raw = { p.text }, notes = tables[in_table].notes }
      elseif in_table then
        -- more of a table already drawn: its text joins the table's
        for i = #blocks, 1, -1 do
          if blocks[i].kind == "table" and blocks[i].table.key == in_table then
            local raw = blocks[i].raw
            raw[#raw + 1] = p.text
            if last > blocks[i].last then blocks[i].last = last end
            break
          end
        end
      else
        blocks[#blocks + 1] = { kind = "paragraph", p = p, spans = spans, first = first,
                                last = last, notes = {}, marks = {} }
      end
    end
    -- a table whose text was not found goes at the end of its part
    for _, key in ipairs(TABLE_ORDER) do
      if TABLE_SECTION[key] == s.number and tables[key] and not placed[key] then
        placed[key] = true
        blocks[#blocks + 1] = { kind = "table", table = tables[key], first = s.line,
                                last = s.line, raw = {}, notes = tables[key].notes }
      end
    end
  end
  -- tables of parts that are not there
  for _, key in ipairs(TABLE_ORDER) do
    if tables[key] and not placed[key] then
      blocks[#blocks + 1] = { kind = "table", table = tables[key], first = 0, last = 0,
                              raw = {}, notes = tables[key].notes }
    end
  end

  -- each finding to its place
  local function heading_of(n)
    for _, b in ipairs(blocks) do
      if b.kind == "heading" and b.section == n then return b end
    end
  end
  for _, it in ipairs(items) do
    local path = it.path or ""
    local tkey, rest = path:match("^tables%.(%a+)%.?(.*)$")
    local section_n = tonumber(path:match("^sections%.(%d+)"))
    local done = false
    if tkey and tables[tkey] then
      local t = tables[tkey]
      local target = cells[path] and path
      if not target and it.line > 0 and it.column > 0 then
        local at = cell_at[it.line .. ":" .. it.column]
        if at and at.table == tkey then target = at.path end
      end
      if target then
        t.marks[target] = t.marks[target] or {}
        table.insert(t.marks[target], it)
        it.anchor_in_cell = true
      end
      t.notes[#t.notes + 1] = it
      it.place = t.name .. (rest ~= "" and target and cells[target] and
        ("：" .. (cells[target].row_label or "") .. " · " .. (cells[target].column_label or "")) or "")
      done = true
    end
    if not done and it.line > 0 then
      -- the block that holds the line (and column); else the nearest before
      local hold, before
      for _, b in ipairs(blocks) do
        if b.first > 0 and b.first <= it.line and it.line <= b.last then
          if b.kind == "paragraph" then
            local at = it.column > 0 and offset_in(b.p, b.spans, it.line, it.column)
            if at or it.column == 0 or not hold then hold = b end
            if at then it.offset = at break end
          elseif not hold or hold.kind ~= "paragraph" then
            hold = b
          end
        end
        if b.first > 0 and b.first <= it.line then before = b end
      end
      local b = hold or before
      if b then
        if b.kind == "paragraph" and it.offset then
          local from, to = sentence_at(b.p.text, it.offset)
          b.marks[#b.marks + 1] = { from = from, to = to, items = { it } }
        elseif b.kind == "paragraph" and hold == b then
          b.whole = b.whole or {}
          b.whole[#b.whole + 1] = it
        elseif b.kind == "heading" or b.kind == "preamble" then
          b.whole = b.whole or {}
          b.whole[#b.whole + 1] = it
        end
        b.notes[#b.notes + 1] = it
        done = true
      end
    end
    if not done and section_n and heading_of(section_n) then
      local b = heading_of(section_n)
      b.whole = b.whole or {}
      b.whole[#b.whole + 1] = it
      b.notes[#b.notes + 1] = it
      done = true
    end
    if not done then
      top.notes[#top.notes + 1] = it
    end
  end

  -- page markers: before the first block of each page after the first
  local last_page = 1
  for _, b in ipairs(blocks) do
    local page = b.first > 0 and page_of(r, b.first)
    if page and page > last_page and #(r.pages or {}) > 1 then
      b.page = page
      last_page = page
    end
  end
  return blocks, top, items, tables
end

-- ---- HTML ----

local function sign(it)
  return '<span class="sign sev-' .. it.severity .. '" title="' .. it.label .. '">' ..
         it.icon .. "</span>"
end

-- the numbers of the findings at a place, each a link to its note
local function refs(list)
  local out = {}
  for _, it in ipairs(list) do
    out[#out + 1] = '<a class="ref sev-' .. it.severity .. '" href="#' .. it.note_id .. '">' ..
                    it.icon .. it.n .. "</a>"
  end
  return table.concat(out)
end

-- text with its line breaks kept
local function text_html(s)
  return (esc(s):gsub("\n", "<br>"))
end

-- a paragraph's text with its findings' sentences highlighted
local function paragraph_html(b)
  local text = b.p.text
  table.sort(b.marks, function(x, y)
    if x.from ~= y.from then return x.from < y.from end
    return x.items[1].n < y.items[1].n
  end)
  -- overlapping sentences become one mark with all their findings
  local merged = {}
  for _, m in ipairs(b.marks) do
    local prev = merged[#merged]
    if prev and m.from <= prev.to then
      if m.to > prev.to then prev.to = m.to end
      for _, it in ipairs(m.items) do prev.items[#prev.items + 1] = it end
    else
      merged[#merged + 1] = { from = m.from, to = m.to, items = { table.unpack(m.items) } }
    end
  end
  local out, at = {}, 1
  for _, m in ipairs(merged) do
    out[#out + 1] = text_html(text:sub(at, m.from - 1))
    local ids = {}
    for k, it in ipairs(m.items) do
      if k > 1 then ids[#ids + 1] = '<span id="' .. it.id .. '"></span>' end
    end
    out[#out + 1] = '<mark class="sev-' .. worst(m.items) .. '" id="' .. m.items[1].id .. '">' ..
                    table.concat(ids) .. text_html(text:sub(m.from, m.to)) .. "</mark>" ..
                    refs(m.items)
    at = m.to + 1
  end
  out[#out + 1] = text_html(text:sub(at))
  return table.concat(out)
end

-- a table's rows in blocks of rows that have the same columns (表二's
-- parts, 表三, 表四's three blocks): { labels, rows = { { label, cells } } }
local function table_blocks(t)
  local rows, row_of = {}, {}
  for _, tc in ipairs(t.cells) do
    local c = tc.cell
    local row = row_of[c.row]
    if not row then
      row = { key = c.row, label = c.row_label or c.row, cells = {}, columns = {} }
      row_of[c.row] = row
      rows[#rows + 1] = row
    end
    row.cells[#row.cells + 1] = tc
    row.columns[#row.columns + 1] = c.column_key
  end
  local blocks = {}
  for _, row in ipairs(rows) do
    local sig = table.concat(row.columns, ",")
    local cur = blocks[#blocks]
    if not cur or cur.sig ~= sig then
      cur = { sig = sig, rows = {}, labels = {} }
      for _, tc in ipairs(row.cells) do
        cur.labels[#cur.labels + 1] = tc.cell.column_label or tc.cell.column_key
      end
      blocks[#blocks + 1] = cur
    end
    cur.rows[#cur.rows + 1] = row
  end
  return blocks
end

-- a table drawn from the cells
local function table_html(t)
  local blocks = table_blocks(t)
  local out = {}
  for _, blk in ipairs(blocks) do
    out[#out + 1] = '<table class="drawn"><thead><tr><th></th>'
    for _, label in ipairs(blk.labels) do out[#out + 1] = '<th class="num">' .. esc(label or "") .. "</th>" end
    out[#out + 1] = "</tr></thead><tbody>"
    for _, row in ipairs(blk.rows) do
      out[#out + 1] = "<tr><th>" .. esc(row.label) .. "</th>"
      for _, tc in ipairs(row.cells) do
        local c = tc.cell
        local st = STATUS[c.status] or { mark = c.status }
        local marks = t.marks[tc.path]
        local classes = { "num", "st-" .. (c.status or "ok") }
        if marks then classes[#classes + 1] = "sev-" .. worst(marks) end
        local tip = {}
        if st.title then tip[#tip + 1] = st.title end
        if c.why then tip[#tip + 1] = c.why end
        if c.raw then tip[#tip + 1] = "原文：" .. c.raw end
        if c.line and c.line > 0 then tip[#tip + 1] = "第" .. c.line .. "行" end
        local body = {}
        if c.value ~= nil then body[#body + 1] = esc(number_text(c.value)) end
        if st.mark then body[#body + 1] = '<span class="mark">' .. esc(st.mark) .. "</span>" end
        if c.status == "ambiguous" and c.candidates and #c.candidates > 0 then
          local cands = {}
          for i, v in ipairs(c.candidates) do cands[i] = number_text(v) end
          body[#body + 1] = '<span class="cands">候选 ' .. esc(table.concat(cands, " / ")) .. "</span>"
        end
        local id = marks and (' id="' .. marks[1].id .. '"') or ""
        out[#out + 1] = "<td" .. id .. ' class="' .. table.concat(classes, " ") .. '" title="' ..
                        esc(table.concat(tip, "；")) .. '" data-path="' .. esc(tc.path) .. '">' ..
                        table.concat(body, " ") .. (marks and refs(marks) or "") .. "</td>"
      end
      out[#out + 1] = "</tr>"
    end
    out[#out + 1] = "</tbody></table>"
  end
  return table.concat(out)
end

local function note_html(it)
  local fix = it.fix and ('<div class="fix">建议改为：' .. esc(it.fix) .. "</div>") or ""
  return '<div class="note sev-' .. it.severity .. '" id="' .. it.note_id .. '">' ..
         '<a class="back" href="#' .. it.id .. '">' .. sign(it) .. " " .. it.n .. "</a> " ..
         '<span class="sev-word">' .. it.label .. "</span> " .. esc(it.message) ..
         ' <span class="rule">' .. esc(it.rule) .. " · " .. esc(it.where) .. "</span>" ..
         fix .. "</div>"
end

local function notes_html(list)
  local out = {}
  for _, it in ipairs(list) do out[#out + 1] = note_html(it) end
  return table.concat(out)
end

-- the report's part of the page: its blocks as HTML, ready for the template
local function html_report(r, findings, index)
  local prefix = "r" .. index .. "-"
  local blocks, top, items = layout(r, findings, prefix)
  local parts = {}
  for _, b in ipairs(blocks) do
    local part = { page = b.page, notes = notes_html(b.notes or {}) }
    if b.kind == "heading" then
      local whole = b.whole and #b.whole > 0
      part.html = "<h2 id=\"" .. b.anchor .. "\">" ..
        (whole and ('<mark class="sev-' .. worst(b.whole) .. '" id="' .. b.whole[1].id .. '">') or "") ..
        esc(b.title or "") .. (whole and ("</mark>" .. refs(b.whole)) or "") .. "</h2>"
      if whole then
        for k = 2, #b.whole do part.html = part.html .. '<span id="' .. b.whole[k].id .. '"></span>' end
      end
    elseif b.kind == "preamble" then
      local whole = b.whole and #b.whole > 0
      part.html = '<p class="preamble">' ..
        (whole and ('<mark class="sev-' .. worst(b.whole) .. '" id="' .. b.whole[1].id .. '">') or "") ..
        text_html(b.text) .. (whole and ("</mark>" .. refs(b.whole)) or "") .. "</p>"
    elseif b.kind == "paragraph" then
      local whole = b.whole and #b.whole > 0
      local body = paragraph_html(b)
      if whole then
        body = '<mark class="sev-' .. worst(b.whole) .. '" id="' .. b.whole[1].id .. '">' .. body ..
               "</mark>" .. refs(b.whole)
      end
      part.html = "<p>" .. body .. "</p>"
    elseif b.kind == "table" then
      local t = b.table
      local raw = ""
      if #b.raw > 0 then
        raw = '<details class="raw"><summary>原文 (as printed)</summary><pre>' ..
              esc(table.concat(b.raw, "\n")) .. "</pre></details>"
      end
      -- table findings not on one cell are anchored at the table's caption
      local loose = {}
      for _, it in ipairs(b.notes) do
        if not it.anchor_in_cell then loose[#loose + 1] = it end
      end
      local ids = {}
      for _, it in ipairs(loose) do ids[#ids + 1] = '<span id="' .. it.id .. '"></span>' end
      part.html = '<figure class="table' .. (#loose > 0 and (" sev-" .. worst(loose)) or "") ..
                  '"><figcaption>' .. table.concat(ids) .. esc(t.name) .. refs(loose) ..
                  "</figcaption>" .. table_html(t) .. raw .. "</figure>"
    end
    parts[#parts + 1] = part
  end
  local counts = { error = 0, warning = 0, info = 0 }
  for _, it in ipairs(items) do counts[it.severity] = counts[it.severity] + 1 end
  return {
    anchor = "report-" .. index,
    heading = r.title or r.source.path,
    path = r.source.path, kind = r.source.kind, agency = r.agency, year = r.year,
    format = r.format, published = r.published, unreadable = r.unreadable or 0,
    pages = #(r.pages or {}),
    errors = counts.error, warnings = counts.warning, infos = counts.info,
    findings = items, top_notes = notes_html(top.notes), parts = parts,
  }
end

-- ---- Markdown ----

local md = template.escape_markdown

local function md_cell(t, tc)
  local c = tc.cell
  local st = STATUS[c.status] or { mark = c.status }
  local s = {}
  if c.value ~= nil then s[#s + 1] = number_text(c.value) end
  if st.mark then s[#s + 1] = st.mark end
  if c.status == "ambiguous" and c.candidates and #c.candidates > 0 then
    local cands = {}
    for i, v in ipairs(c.candidates) do cands[i] = number_text(v) end
    s[#s + 1] = "（候选 " .. table.concat(cands, "/") .. "）"
  end
  for _, it in ipairs(t.marks[tc.path] or {}) do s[#s + 1] = "**" .. it.icon .. it.n .. "**" end
  return table.concat(s, " ")
end

local function md_table(t)
  local out = {}
  for _, blk in ipairs(table_blocks(t)) do
    local head, rule = { "| |" }, { "|---|" }
    for _, l in ipairs(blk.labels) do
      head[#head + 1] = " " .. md(l) .. " |"
      rule[#rule + 1] = "---:|"
    end
    out[#out + 1] = table.concat(head) .. "\n" .. table.concat(rule) .. "\n"
    for _, row in ipairs(blk.rows) do
      local line = { "| " .. md(row.label) .. " |" }
      for _, tc in ipairs(row.cells) do line[#line + 1] = " " .. md_cell(t, tc) .. " |" end
      out[#out + 1] = table.concat(line) .. "\n"
    end
    out[#out + 1] = "\n"
  end
  return table.concat(out)
end

local function md_note(it)
  local s = "> " .. it.icon .. " " .. it.n .. " " .. it.label .. "：" .. md(it.message) ..
            " [" .. it.rule .. "]（" .. it.where .. "）"
  if it.fix then s = s .. "  \n> 建议改为：" .. md(it.fix) end
  return s .. "\n"
end

local function md_notes(list)
  local out = {}
  for _, it in ipairs(list) do out[#out + 1] = md_note(it) end
  return #out > 0 and (table.concat(out, ">\n") .. "\n") or ""
end

-- a text of several lines, each escaped (a value is one line of Markdown
-- to the escaper), the lines kept
local function md_lines(s)
  local lines = {}
  for line in (s .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = md(line) end
  return table.concat(lines, "\n")
end

-- a paragraph with its findings' sentences in bold and their numbers after
local function md_paragraph(b)
  local text = b.p.text
  table.sort(b.marks, function(x, y) return x.from < y.from end)
  local out, at = {}, 1
  for _, m in ipairs(b.marks) do
    if m.from >= at then
      out[#out + 1] = md_lines(text:sub(at, m.from - 1))
      local nums = {}
      for _, it in ipairs(m.items) do nums[#nums + 1] = it.icon .. it.n end
      out[#out + 1] = "**" .. md_lines(text:sub(m.from, m.to)) .. "**【" .. table.concat(nums, " ") .. "】"
      at = m.to + 1
    end
  end
  out[#out + 1] = md_lines(text:sub(at))
  return (table.concat(out):gsub("\n", "  \n"))
end

local function markdown_report(r, findings, index)
  local blocks, top, items = layout(r, findings, "r" .. index .. "-")
  local out = { "# " .. md(r.title or r.source.path) .. "\n\n" }
  out[#out + 1] = "- 文件：" .. md(r.source.path) .. "\n"
  out[#out + 1] = "- 机关：" .. md(r.agency or "不可读") .. "；年度：" ..
                  (r.year and tostring(r.year) or "不可读") .. "；格式：" .. md(r.format or "") .. "\n"
  out[#out + 1] = "- 不可读的单元格：" .. (r.unreadable or 0) .. "\n\n"
  out[#out + 1] = "## 检查发现\n\n"
  if #items == 0 then out[#out + 1] = "未发现问题。\n\n" end
  for _, it in ipairs(items) do
    out[#out + 1] = it.n .. ". " .. it.icon .. " " .. it.label .. "（" .. it.where .. "）：" ..
                    md(it.message) .. " [" .. it.rule .. "]\n"
  end
  out[#out + 1] = "\n" .. md_notes(top.notes)
  for _, b in ipairs(blocks) do
    if b.page then out[#out + 1] = "*— 第 " .. b.page .. " 页 —*\n\n" end
    if b.kind == "heading" then
      local nums = {}
      for _, it in ipairs(b.whole or {}) do nums[#nums + 1] = it.icon .. it.n end
      out[#out + 1] = "## " .. md(b.title or "") ..
                      (#nums > 0 and ("【" .. table.concat(nums, " ") .. "】") or "") .. "\n\n"
    elseif b.kind == "preamble" then
      out[#out + 1] = md_lines(b.text):gsub("\n", "  \n") .. "\n\n"
    elseif b.kind == "paragraph" then
      local nums = {}
      for _, it in ipairs(b.whole or {}) do nums[#nums + 1] = it.icon .. it.n end
      out[#out + 1] = md_paragraph(b) .. (#nums > 0 and ("【" .. table.concat(nums, " ") .. "】") or "") .. "\n\n"
    elseif b.kind == "table" then
      out[#out + 1] = "**" .. b.table.name .. "**\n\n" .. md_table(b.table)
    end
    if b.notes and #b.notes > 0 then out[#out + 1] = md_notes(b.notes) end
  end
  return table.concat(out)
end

-- ---- the run ----

local parts, rows = {}, {}

local function report(r, findings, failures)
  local index = #rows + 1
  local failed = {}
  for _, f in ipairs(failures or {}) do
    failed[#failed + 1] = { rule = f.rule or "?", message = (f.message or ""):match("^[^\n]*") }
  end
  if run.html then
    local data = html_report(r, findings, index)
    data.failures = failed
    rows[index] = data
  else
    local text = markdown_report(r, findings, index)
    for _, f in ipairs(failed) do
      text = text .. "\n规则 " .. f.rule .. " 运行失败：" .. md(f.message) .. "\n"
    end
    parts[index] = text
    rows[index] = true
  end
end

local function finish()
  if run.html then
    local render = template.compile(require("annotated_html_template"), "annotated.html",
      { escape = template.escape_html,
        templates = { style = require("page_style"), annotated_style = require("annotated_style") } })
    emit(render{ reports = rows, count = #rows })
  else
    emit(table.concat(parts, "\n---\n\n"))
  end
end

return { report = report, finish = finish, detail = true }
