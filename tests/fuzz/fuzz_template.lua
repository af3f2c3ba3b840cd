-- fuzz_template.lua — the output script that fuzz_template.c runs for each
-- input.  The input, a template source, arrives as run.failures[1].message;
-- it is compiled with scripts/lib/template.lua and rendered on the fixed
-- data below (the shape scripts/markdown.lua gives the summary template,
-- plus a read-only report and some awkward values).
--
-- A template error is a fine outcome.  What the harness looks for: a crash,
-- a hang or memory without bound (the sandbox's limits stop those), and an
-- error that does not name the template, which it is told of by an output
-- that starts with "\0UNNAMED\0".

local run, emit = ...
local template = require("template")

local source = run.failures[1].message
local report = run.reports[1]

local data = {
  count = 2, errors = 1, warnings = 0, infos = 3,
  title = "检查结果 *x* <b>",
  reports = {
    {
      heading = report.title, path = "reports/a|b`c.md",
      agency = report.agency, year = report.year, format = report.format,
      published = nil, unreadable = report.unreadable,
      requests = { { label = "本年新收申请", value = 217 },
                   { label = "上年结转", value = nil } },
      appeals = { { label = "行政复议", value = 0 } },
      groups = { { label = "错误", findings = {
        { where = "a.md:1:2", rule = "T4-SUM", message = "- 总计\n1. 为 0" } } } },
      failures = { { rule = "X-RUNAWAY", message = "instruction budget exceeded" } },
    },
  },
  others = {},
  report = report,                 -- a read-only view, as rules see
  tables = report.tables,
  list = { 1, 2.5, "三", true, -0.0, 1e300 },
  map = { b = 2, a = 1, [3] = "x", [1.5] = "y" },
  zero = 0, nan = 0 / 0, big = math.maxinteger, s = "<&>\"'`|#*_",
  empty = {},
}

local templates = {
  self = source,                   -- a template that includes itself
  row = "| {{ label }} | {{ default(fmt_number(value), '不可读') }} |\n",
  loop = '{% include "loop" %}',
  a = '{% include "b" %}', b = '{% include "a" %}',
  summary = require("summary_template"),
}

local escape = #source % 2 == 0 and template.escape_markdown or template.escape_html

local ok, result = pcall(function()
  return template.compile(source, "fuzz", { escape = escape, templates = templates })(data)
end)
if ok then
  emit(result)
elseif type(result) ~= "string" or not result:find("^template '") then
  emit("\0UNNAMED\0", tostring(result))
end
