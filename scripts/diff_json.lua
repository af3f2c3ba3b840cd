-- diff_json.lua — gouji diff --format json: the year-over-year comparison
-- as one JSON document, for other programs:
--
--   { "last": {report}, "this": {report}, "warnings": ["…"],
--     "compared": N, "unreadable_both": N, "not_compared": N,
--     "figures": [ { "path", "table", "label", "row_label", "column_label",
--                    "last", "this", "last_status", "this_status",
--                    "change", "percent" } ],
--     "sections": [ { "number", "title", "missing_last", "missing_this",
--                     "similarity", "last_chars", "this_chars" } ] }
--
-- {report} is { "path", "title", "agency", "year", "format", "published",
-- "unreadable" }.  A figure that could not be read is null, never 0;
-- "change" and "percent" are null when either year's figure is unreadable
-- ("percent" also when last year's figure is 0).  "similarity" (0..1) is
-- null when the part is missing in either year.  The parts' texts are
-- left out (scripts/diff.lua's run.sections has them).

local run, emit = ...
if run.this == nil then
  error("diff_json.lua is an output of 'gouji diff LAST THIS', not of gouji check", 0)
end
local encode = require("json_encode")

local NULL = setmetatable({}, { __jsontype = "null" })

-- a JSON object with these keys in this order; nil becomes null
local function object(keys, get)
  local t = {}
  for _, k in ipairs(keys) do
    local v = get(k)
    if v == nil then v = NULL end
    t[k] = v
  end
  return setmetatable(t, { __jsontype = "object", __jsonorder = keys })
end

local function array(list)
  return setmetatable(list, { __jsontype = "array" })
end

local REPORT = { "path", "title", "agency", "year", "format", "published", "unreadable" }
local FIGURE = { "path", "table", "label", "row_label", "column_label", "last", "this",
                 "last_status", "this_status", "change", "percent" }
local SECTION = { "number", "title", "missing_last", "missing_this", "similarity",
                  "last_chars", "this_chars" }

local function report(r)
  return object(REPORT, function(k)
    if k == "path" then return r.source.path end
    return r[k]
  end)
end

local figures = {}
for _, f in ipairs(run.figures) do
  figures[#figures + 1] = object(FIGURE, function(k) return f[k] end)
end

local sections = {}
for _, s in ipairs(run.sections) do
  sections[#sections + 1] = object(SECTION, function(k) return s[k] end)
end

local warnings = {}
for _, w in ipairs(run.warnings) do
  warnings[#warnings + 1] = w
end

local doc = {
  last = report(run.last), this = report(run.this), warnings = array(warnings),
  compared = run.compared, unreadable_both = run.unreadable_both,
  not_compared = run.not_compared,
  figures = array(figures), sections = array(sections),
}
emit(encode(setmetatable(doc, { __jsontype = "object", __jsonorder = {
  "last", "this", "warnings", "compared", "unreadable_both", "not_compared",
  "figures", "sections" } }), "  "), "\n")
