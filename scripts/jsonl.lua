-- jsonl.lua — one JSON object per finding, one per line (JSON Lines):
--   {"report":…,"line":…,"column":…,"severity":…,"rule":…,"message":…,"path":…}
-- always these keys in this order; "path" is null when the finding names no
-- cell, "line" and "column" are 0 when the place is not known.  Rule
-- failures are not findings: gouji reports them on stderr (exit status 3).
--
-- A streaming script: it returns { report = function … end }, and gouji
-- calls report once per report as soon as it is checked, in the order the
-- reports were given, keeping nothing — memory stays flat over any number
-- of reports.

local run, emit = ...
local encode = require("json_encode")

local NULL = setmetatable({}, { __jsontype = "null" })
local ORDER = { __jsontype = "object",
                __jsonorder = { "report", "line", "column", "severity",
                                "rule", "message", "path" } }

local function report(_, findings)
  for _, f in ipairs(findings) do
    emit(encode(setmetatable({
      report = f.report, line = f.line, column = f.column,
      severity = f.severity, rule = f.rule, message = f.message,
      path = f.path or NULL,
    }, ORDER)), "\n")
  end
end

return { report = report }
