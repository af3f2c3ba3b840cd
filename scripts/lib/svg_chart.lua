-- svg_chart.lua — bar charts as inline SVG, for HTML pages that work
-- offline (no JavaScript, no fonts or files from elsewhere).  Output
-- scripts get it with require("svg_chart"); scripts/rollup.lua draws its
-- two charts with it.
--
--   local chart = require("svg_chart")
--
--   -- one bar per item, its length the value
--   emit(chart.bars{
--     id = "received",                       -- unique on the page
--     title = "收到申请 / applications received",
--     unit = "件",
--     items = { { label = "淮安市人民政府 2024", value = 3119 },
--               { label = "洪泽区人民政府 2023", value = nil } },  -- 不可读
--   })
--
--   -- one bar per item, split into parts: the mix, as shares of 100%
--   emit(chart.stacked{
--     id = "outcomes", title = "办理结果 / outcomes",
--     series = { { label = "予以公开", color = "#0072B2", ink = "#fff" }, … },
--     items = { { label = "…", parts = { 50, 9, 4, nil, 0, 0 }, total = 95 } },
--   })
--
-- A value that could not be read (nil) is never drawn as a bar of length
-- 0: it gets a hatched red box marked 不可读 (unreadable).  In a stacked
-- bar, unreadable parts are the hatched rest of the bar when the item's
-- total is known and larger than the readable parts; otherwise the whole
-- bar is hatched, since the mix cannot be drawn.
--
-- How it looks is in the templates at the end of this file (SVG with
-- {{ }} holes, see scripts/lib/template.lua) and in SIZES.  To change them
-- for one page, pass your own: chart.bars{ …, template = MY_BARS,
-- sizes = { width = 600 } }.

local template = require("template")

local chart = {}

chart.SIZES = {
  width = 900,          -- the whole chart, in px (wider if the legend needs it)
  row = 26,             -- one bar's row
  bar = 18,             -- the bar's thickness
  font = 13,            -- text size
  label_max = 240,      -- the longest label column before labels are cut
  value_room = 140,     -- room right of the bars for "3119 件" or 不可读
  top = 8,              -- above the first bar (bars chart)
  legend = 30,          -- the legend's row (stacked chart)
  unreadable_box = 60,  -- the hatched box that stands for an unreadable value
}

chart.COLORS = {
  bar = "#0072B2",        -- bars of the bars chart
  axis = "#555",
  unreadable = "#b00000", -- the hatching and text of unreadable figures
}

local UNREADABLE = "不可读 (unreadable)"

-- a coordinate as short text: 12, 12.5
local function px(n)
  local s = string.format("%.1f", n)
  return (s:gsub("%.0$", ""))
end

-- how wide a text is drawn, roughly: Chinese characters one font size,
-- others about half
local function text_width(s, size)
  local w = 0
  for _, c in utf8.codes(s) do
    w = w + ((c >= 0x1100) and 1 or 0.6)
  end
  return w * size
end

-- s cut to about width px, with "…" when it was cut
local function fit(s, width, size)
  if text_width(s, size) <= width then return s end
  local out, w = {}, text_width("…", size)
  for _, c in utf8.codes(s) do
    local cw = ((c >= 0x1100) and 1 or 0.6) * size
    if w + cw > width then break end
    out[#out + 1] = utf8.char(c)
    w = w + cw
  end
  return table.concat(out) .. "…"
end

-- a number as text: 3119, 7730.28
local function number(v)
  local i = math.tointeger(v)
  if i then return string.format("%d", i) end
  return (string.format("%.2f", v):gsub("0+$", ""):gsub("%.$", ""))
end

-- the label column: as wide as the longest label, within label_max
local function label_column(items, size, max)
  local widest = 0
  for _, item in ipairs(items) do
    local w = text_width(item.label or "", size)
    if w > widest then widest = w end
  end
  return math.min(widest, max) + 8
end

-- the sizes for one chart: spec.sizes where it says, else chart.SIZES
local function sizes(spec)
  return setmetatable({}, { __index = function(_, k)
    local v = spec.sizes and spec.sizes[k]
    if v == nil then v = chart.SIZES[k] end
    return v
  end })
end

local function render(source, name, data)
  return template.compile(source, name, { escape = template.escape_html })(data)
end

-- ---- one bar per item ----

function chart.bars(spec)
  local S, C = sizes(spec), chart.COLORS
  local items = spec.items or {}
  local unit = spec.unit or ""
  local label_w = label_column(items, S.font, S.label_max)
  local x0 = label_w + 4
  local span = S.width - x0 - S.value_room
  local largest = 0
  for _, item in ipairs(items) do
    if item.value and item.value > largest then largest = item.value end
  end
  local bars = {}
  for i, item in ipairs(items) do
    local y = S.top + (i - 1) * S.row
    local bar = {
      label = fit(item.label or "", label_w - 8, S.font),
      label_x = px(label_w), text_y = px(y + S.row / 2 + S.font * 0.35),
      x = px(x0), y = px(y + (S.row - S.bar) / 2), height = px(S.bar),
    }
    if item.value == nil then
      bar.unreadable = true
      bar.width = px(S.unreadable_box)
      bar.text_x = px(x0 + S.unreadable_box + 6)
      bar.text = UNREADABLE
      bar.tip = (item.tip or item.label or "") .. "：" .. UNREADABLE
    else
      local w = largest > 0 and item.value / largest * span or 0
      bar.width = px(w)
      bar.text_x = px(x0 + w + 6)
      bar.text = number(item.value) .. " " .. unit
      bar.tip = (item.tip or item.label or "") .. "：" .. bar.text
    end
    bars[#bars + 1] = bar
  end
  local height = S.top * 2 + #items * S.row
  return render(spec.template or chart.BARS, "svg_chart.bars", {
    id = spec.id or "chart", title = spec.title or "", width = S.width,
    height = height, font = S.font, color = spec.color or C.bar, axis = C.axis,
    red = C.unreadable, x0 = px(x0), axis_top = px(S.top - 2),
    axis_bottom = px(height - S.top + 2), bars = bars,
  })
end

-- ---- one bar per item, split into its parts ----

-- the segments of one stacked bar, left to right, and what is written at
-- its end
local function segments(item, series, x0, span, unit, font)
  local known, unknown = 0, 0
  for i = 1, #series do
    local v = item.parts[i]
    if v == nil then unknown = unknown + 1 else known = known + v end
  end
  local whole = known
  if unknown > 0 then
    if item.total == nil or item.total < known then
      return nil, UNREADABLE      -- the mix cannot be drawn at all
    end
    whole = item.total
  end
  local total_text = "共 " .. number(item.total or known) .. " " .. unit
  if whole == 0 then return {}, total_text end
  local list, x = {}, x0
  for i, s in ipairs(series) do
    local v = item.parts[i]
    if v and v > 0 then
      local w = v / whole * span
      local share = string.format("%.0f%%", v / whole * 100)
      list[#list + 1] = {
        x = px(x), width = px(w), color = s.color, ink = s.ink or "#000",
        tip = s.label .. "：" .. number(v) .. " " .. unit .. "（" .. share .. "）",
        -- the share is written inside when it fits
        share = w >= text_width(share, font) + 6 and share or nil,
        mid = px(x + w / 2),
      }
      x = x + w
    end
  end
  if unknown > 0 then
    local w = x0 + span - x
    list[#list + 1] = { x = px(x), width = px(w), unreadable = true, mid = px(x + w / 2),
                        tip = UNREADABLE .. "：" .. number(whole - known) .. " " .. unit }
    total_text = total_text .. "，含不可读"
  end
  return list, total_text
end

function chart.stacked(spec)
  local S, C = sizes(spec), chart.COLORS
  local items, series = spec.items or {}, spec.series or {}
  local unit = spec.unit or ""
  local label_w = label_column(items, S.font, S.label_max)
  local x0 = label_w + 4
  local span = S.width - x0 - S.value_room
  -- the legend: a coloured square and the series' name, left to right
  local legend, lx = {}, x0
  for _, s in ipairs(series) do
    legend[#legend + 1] = { x = px(lx), text_x = px(lx + 16), label = s.label, color = s.color }
    lx = lx + 16 + text_width(s.label, S.font) + 14
  end
  legend[#legend + 1] = { x = px(lx), text_x = px(lx + 16), label = UNREADABLE, unreadable = true }
  local width = math.max(S.width, math.ceil(lx + 16 + text_width(UNREADABLE, S.font) + 8))
  local bars = {}
  for i, item in ipairs(items) do
    local y = S.legend + (i - 1) * S.row
    local segs, text = segments(item, series, x0, span, unit, S.font)
    bars[#bars + 1] = {
      label = fit(item.label or "", label_w - 8, S.font),
      tip = item.tip or item.label or "",
      label_x = px(label_w), text_y = px(y + S.row / 2 + S.font * 0.35),
      y = px(y + (S.row - S.bar) / 2), height = px(S.bar),
      segments = segs or {}, unreadable = segs == nil,
      x = px(x0), span = px(span), mid = px(x0 + span / 2),
      text = text, text_x = px(x0 + span + 6),
    }
  end
  local height = S.legend + #items * S.row + S.top
  return render(spec.template or chart.STACKED, "svg_chart.stacked", {
    id = spec.id or "chart", title = spec.title or "", width = width,
    height = height, font = S.font, axis = C.axis, red = C.unreadable,
    legend_y = px(S.legend / 2 - 6), legend_text_y = px(S.legend / 2 + S.font * 0.35),
    x0 = px(x0), axis_top = px(S.legend - 2), axis_bottom = px(height - S.top + 2),
    legend = legend, bars = bars,
  })
end

-- ---- the templates ----
-- One <svg> each.  <title> inside a <g> is the tooltip a browser shows on
-- that bar.  The hatching is a <pattern> named after the chart's id, so
-- two charts on one page do not share it.

chart.HATCH = [==[
<defs><pattern id="{{ id }}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="{{ red }}" stroke-width="2"/></pattern></defs>
]==]

chart.BARS = [==[
<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{{ id }}" width="{{ width }}" height="{{ height }}" viewBox="0 0 {{ width }} {{ height }}" font-family="sans-serif" font-size="{{ font }}" role="img" aria-labelledby="{{ id }}-title">
<title id="{{ id }}-title">{{ title }}</title>
]==] .. chart.HATCH .. [==[
{% for b in bars %}
<g class="bar"><title>{{ b.tip }}</title>
<text x="{{ b.label_x }}" y="{{ b.text_y }}" text-anchor="end">{{ b.label }}</text>
{% if b.unreadable %}
<rect class="unreadable" x="{{ b.x }}" y="{{ b.y }}" width="{{ b.width }}" height="{{ b.height }}" fill="url(#{{ id }}-hatch)" stroke="{{ red }}" stroke-dasharray="4 2"/>
<text x="{{ b.text_x }}" y="{{ b.text_y }}" fill="{{ red }}">{{ b.text }}</text>
{% else %}
<rect x="{{ b.x }}" y="{{ b.y }}" width="{{ b.width }}" height="{{ b.height }}" fill="{{ color }}"/>
<text x="{{ b.text_x }}" y="{{ b.text_y }}">{{ b.text }}</text>
{% end %}
</g>
{% end %}
<line x1="{{ x0 }}" y1="{{ axis_top }}" x2="{{ x0 }}" y2="{{ axis_bottom }}" stroke="{{ axis }}"/>
</svg>
]==]

chart.STACKED = [==[
<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{{ id }}" width="{{ width }}" height="{{ height }}" viewBox="0 0 {{ width }} {{ height }}" font-family="sans-serif" font-size="{{ font }}" role="img" aria-labelledby="{{ id }}-title">
<title id="{{ id }}-title">{{ title }}</title>
]==] .. chart.HATCH .. [==[
<g class="legend">
{% for l in legend %}
{% if l.unreadable %}
<rect x="{{ l.x }}" y="{{ legend_y }}" width="12" height="12" fill="url(#{{ id }}-hatch)" stroke="{{ red }}"/>
{% else %}
<rect x="{{ l.x }}" y="{{ legend_y }}" width="12" height="12" fill="{{ l.color }}"/>
{% end %}
<text x="{{ l.text_x }}" y="{{ legend_text_y }}">{{ l.label }}</text>
{% end %}
</g>
{% for b in bars %}
<g class="bar"><title>{{ b.tip }}</title>
<text x="{{ b.label_x }}" y="{{ b.text_y }}" text-anchor="end">{{ b.label }}</text>
{% if b.unreadable %}
<rect class="unreadable" x="{{ b.x }}" y="{{ b.y }}" width="{{ b.span }}" height="{{ b.height }}" fill="url(#{{ id }}-hatch)" stroke="{{ red }}" stroke-dasharray="4 2"/>
{% end %}
{% for s in b.segments %}
{% if s.unreadable %}
<rect class="unreadable" x="{{ s.x }}" y="{{ b.y }}" width="{{ s.width }}" height="{{ b.height }}" fill="url(#{{ id }}-hatch)" stroke="{{ red }}" stroke-dasharray="4 2"><title>{{ s.tip }}</title></rect>
{% else %}
<rect x="{{ s.x }}" y="{{ b.y }}" width="{{ s.width }}" height="{{ b.height }}" fill="{{ s.color }}"><title>{{ s.tip }}</title></rect>
{% if s.share %}
<text x="{{ s.mid }}" y="{{ b.text_y }}" text-anchor="middle" fill="{{ s.ink }}">{{ s.share }}</text>
{% end %}
{% end %}
{% end %}
{% if b.unreadable %}
<text x="{{ b.text_x }}" y="{{ b.text_y }}" fill="{{ red }}">{{ b.text }}</text>
{% else %}
<text x="{{ b.text_x }}" y="{{ b.text_y }}">{{ b.text }}</text>
{% end %}
</g>
{% end %}
<line x1="{{ x0 }}" y1="{{ axis_top }}" x2="{{ x0 }}" y2="{{ axis_bottom }}" stroke="{{ axis }}"/>
</svg>
]==]

return chart
