-- chart_test.lua — unit tests of scripts/lib/svg_chart.lua and
-- scripts/lib/figures.lua, run as an output script:
--   gouji check --format tests/scripts/chart_test.lua REPORT
-- Prints one line per failed test and a closing
-- "chart: N passed, M failed" line.  The run's findings are ignored.

local run, emit = ...
local chart = require("svg_chart")
local figures = require("figures")

local passed, failed = 0, 0

local function check(name, got, want)
  if got == want then
    passed = passed + 1
  else
    failed = failed + 1
    emit("FAIL ", name, "\n  got:  ", tostring(got), "\n  want: ", tostring(want), "\n")
  end
end

local function count(s, pattern)
  local n = 0
  for _ in s:gmatch(pattern) do n = n + 1 end
  return n
end

-- ---- figures ----
local requests = {
  granted = { total = 50 }, partial = { total = 9 },
  denied_secret = { total = 1 }, denied_law = { total = 2 }, denied_safety = { total = 0 },
  denied_third_party = { total = 0 }, denied_internal = { total = 0 },
  denied_process = { total = 1 }, denied_enforcement = { total = 0 }, denied_query = { total = 0 },
  unable_not_held = { total = 20 }, unable_create = { total = 3 }, unable_unclear = {},
  refused_complaint = { total = 1 }, refused_repeat = { total = 0 },
  refused_publication = { total = 0 }, refused_massive = { total = 0 },
  refused_confirm = { total = 0 },
  other_overdue_correction = { total = 1 }, other_overdue_fee = { total = 0 },
  other_misc = { total = 2 },
  total = { total = 95 },
}
check("one row", figures.outcome(requests, "granted", "total"), 50)
check("a group's sum", figures.outcome(requests, "denied", "total"), 4)
check("a group with an unreadable row is unreadable", figures.outcome(requests, "unable", "total"), nil)
check("（六） from its three rows", figures.outcome(requests, "other", "total"), 3)
local one_row = { other = { total = 7 }, other_misc = {} }
check("（六） printed as one row", figures.outcome(one_row, "other", "total"), 7)
check("（六） one row, unreadable", figures.outcome({ other = {} }, "other", "total"), nil)
check("no table at all", figures.outcome(nil, "granted", "total"), nil)
check("six outcomes", #figures.outcomes(requests), 6)
check("outcome labels", figures.outcomes(requests)[3].label, "（三）不予公开")
check("share", figures.share(50, 95), "52.6%")
check("share keeps one decimal", figures.share(1, 4), "25.0%")
check("share of nothing", figures.share(0, 0), "—")
check("share of an unreadable part", figures.share(nil, 95), nil)
check("share of an unreadable whole", figures.share(5, nil), nil)
check("实质公开率", figures.open_rate(requests), "62.1%")
check("实质公开率 unreadable", figures.open_rate({ granted = { total = 1 }, total = { total = 2 } }), nil)
check("纠错率 over concluded cases",
      figures.correction_rate({ corrected = 64, pending = 37, total = 351 }), "20.4%")
check("纠错率 with nothing concluded",
      figures.correction_rate({ corrected = 0, pending = 2, total = 2 }), "—")
check("纠错率 unreadable", figures.correction_rate({ corrected = 1, total = 3 }), nil)

-- ---- bars ----
local svg = chart.bars{ id = "t1", title = "收到 <申请> & more", unit = "件",
  items = { { label = "甲局 2024", value = 100 }, { label = "乙局", value = 25 },
            { label = "丙局", value = 0 }, { label = "丁局", value = nil } } }
check("one svg", count(svg, "<svg "), 1)
check("title escaped", svg:find("收到 &lt;申请&gt; &amp; more", 1, true) ~= nil, true)
local widths = {}
for w in svg:gmatch('width="([%d.]+)" height="18" fill="#0072B2"') do widths[#widths + 1] = tonumber(w) end
check("a bar for each readable value", #widths, 3)
check("bars in proportion", math.abs(widths[2] / widths[1] - 0.25) < 0.001, true)
check("a zero bar", widths[3], 0)
check("zero is a bar of length 0, written 0", svg:find(">0 件<", 1, true) ~= nil, true)
check("unreadable is hatched", count(svg, 'class="unreadable"'), 1)
check("unreadable is written", svg:find(">不可读 %(unreadable%)<") ~= nil, true)
check("unreadable is not written 0", count(svg, ">0 件<"), 1)
check("hatching named after the chart", svg:find('id="t1-hatch"', 1, true) ~= nil, true)
local long = chart.bars{ items = { { label = string.rep("很长的机关名称", 10), value = 1 } } }
check("a long label is cut", long:find("…", 1, true) ~= nil, true)
check("a long label is whole in the tooltip", long:find(string.rep("很长的机关名称", 10), 1, true) ~= nil, true)
check("sizes can change", chart.bars{ sizes = { width = 500 }, items = {} }:find('width="500"', 1, true) ~= nil, true)

-- ---- stacked ----
local series = { { label = "甲", color = "#111111" }, { label = "乙", color = "#222222" },
                 { label = "丙", color = "#333333" } }
local function stacked(parts, total)
  return chart.stacked{ id = "t2", unit = "件", series = series,
                        items = { { label = "某局", parts = parts, total = total } } }
end
local full = stacked({ 50, 30, 20 }, 100)
check("one segment per part", count(full, 'fill="#%d%d%d%d%d%d"><title>'), 3)
check("shares written", full:find(">50%<", 1, true) ~= nil, true)
check("no unreadable segment", count(full, '<rect class="unreadable"'), 0)
check("total written", full:find(">共 100 件<", 1, true) ~= nil, true)
local rest = stacked({ 50, nil, 20 }, 100)
check("unreadable part: the rest is hatched", count(rest, '<rect class="unreadable"'), 1)
check("unreadable part: said so", rest:find("共 100 件，含不可读", 1, true) ~= nil, true)
check("unreadable part: 30 件 hatched", rest:find("不可读 (unreadable)：30 件", 1, true) ~= nil, true)
local none = stacked({ 50, nil, 20 }, nil)
check("unreadable part and total: whole bar hatched", count(none, '<rect class="unreadable"'), 1)
check("unreadable part and total: no segments", count(none, 'fill="#%d%d%d%d%d%d"><title>'), 0)
check("unreadable part and total: said so", none:find(">不可读 %(unreadable%)</text>") ~= nil, true)
local less = stacked({ 50, nil, 20 }, 60)
check("total below the readable parts: whole bar hatched", count(less, 'fill="#%d%d%d%d%d%d"><title>'), 0)
local zero = stacked({ 0, 0, 0 }, 0)
check("no applications: no segments", count(zero, "<rect x="), 4)   -- the legend's squares
check("no applications: 共 0 件", zero:find(">共 0 件<", 1, true) ~= nil, true)
check("legend has the unreadable key", full:find(">不可读 %(unreadable%)</text>") ~= nil, true)

emit(string.format("chart: %d passed, %d failed\n", passed, failed))
