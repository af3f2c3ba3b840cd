-- sarif.lua — the run as SARIF 2.1.0 (Static Analysis Results Interchange
-- Format, OASIS), for code-scanning tools and editors:
--   one run; tool.driver lists every rule (sorted by id); one result per
--   finding, located in the report file (line and column, in code points,
--   when known) and at the cell's data path (a logical location); rules
--   that failed are tool execution notifications of the invocation.
-- Validated against tests/schemas/sarif-schema-2.1.0.json by the tests.

local run, emit = ...
local encode = require("json_encode")

local VERSION = run.version
local SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

-- JSON shapes: an array, and an object whose keys are written in the order
-- given (keys whose value is nil are left out)
local function array(t)
  return setmetatable(t or {}, { __jsontype = "array" })
end

local function object(order, t)
  return setmetatable(t, { __jsontype = "object", __jsonorder = order })
end

local LEVEL = { error = "error", warning = "warning", info = "note" }

local function level(severity)
  return LEVEL[severity] or "warning"
end

-- a file path as a URI reference: characters outside the unreserved and
-- sub-delimiter sets (spaces, %, #, ?, non-ASCII bytes, …) percent-encoded;
-- "./" before a first segment with a colon, which would read as a scheme
local function uri(path)
  local u = path:gsub("[^%w%-%._~/!$&'()*+,;=:@]", function(c)
    return string.format("%%%02X", c:byte())
  end)
  if u:match("^[^/]*"):find(":", 1, true) then
    u = "./" .. u
  end
  return u
end

-- the message as a finding's identity: spaces collapsed, numbers hidden
-- (a corrected figure that still does not add up is the same problem)
local function normalise(message)
  return (message:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""):gsub("%d+", "#"))
end

-- the rules, sorted by id; their index in driver.rules
local ids = {}
for id in pairs(run.rules) do
  ids[#ids + 1] = id
end
table.sort(ids)

local rules, index = array(), {}
local RULE = { "id", "name", "shortDescription", "fullDescription", "defaultConfiguration" }
for i, id in ipairs(ids) do
  local r = run.rules[id]
  index[id] = i - 1
  rules[i] = object(RULE, {
    id = id,
    name = id,
    shortDescription = r.title and r.title ~= "" and { text = r.title } or nil,
    fullDescription = r.description and r.description ~= "" and { text = r.description } or nil,
    defaultConfiguration = { level = level(r.severity) },
  })
end

local function location(report, line, column, path)
  local physical = object({ "artifactLocation", "region" }, {
    artifactLocation = { uri = uri(report) },
  })
  if line and line > 0 then
    physical.region = object({ "startLine", "startColumn" }, {
      startLine = line,
      startColumn = column and column > 0 and column or nil,
    })
  end
  local loc = object({ "physicalLocation", "logicalLocations" }, {
    physicalLocation = physical,
  })
  if path then
    loc.logicalLocations = array{
      object({ "fullyQualifiedName", "kind" }, { fullyQualifiedName = path, kind = "member" }),
    }
  end
  return loc
end

local results = array()
local RESULT = { "ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints" }
for i, f in ipairs(run.findings) do
  results[i] = object(RESULT, {
    ruleId = f.rule,
    ruleIndex = index[f.rule],
    level = level(f.severity),
    message = { text = f.message },
    locations = array{ location(f.report, f.line, f.column, f.path) },
    partialFingerprints = {
      ["goujiFinding/v1"] = f.rule .. "|" .. (f.path or "") .. "|" .. normalise(f.message),
    },
  })
end

local notifications = array()
local NOTIFICATION = { "level", "message", "locations", "associatedRule" }
for i, f in ipairs(run.failures) do
  notifications[i] = object(NOTIFICATION, {
    level = "error",
    message = { text = f.message or "failed" },
    locations = f.report and array{ location(f.report) } or nil,
    associatedRule = f.rule and object({ "id", "index" }, { id = f.rule, index = index[f.rule] }) or nil,
  })
end

local invocation = object({ "executionSuccessful", "toolExecutionNotifications" }, {
  executionSuccessful = #notifications == 0,
  toolExecutionNotifications = #notifications > 0 and notifications or nil,
})

local sarif = object({ "$schema", "version", "runs" }, {
  ["$schema"] = SCHEMA,
  version = "2.1.0",
  runs = array{
    object({ "tool", "invocations", "columnKind", "results" }, {
      tool = { driver = object({ "name", "version", "rules" }, {
        name = "gouji", version = VERSION, rules = rules,
      }) },
      invocations = array{ invocation },
      columnKind = "unicodeCodePoints",
      results = results,
    }),
  },
})

emit(encode(sarif, "  "), "\n")
