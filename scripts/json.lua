-- json.lua — the findings as one JSON document:
--   {"findings": [{"report", "line", "column", "severity", "rule",
--                  "message", "path"}, …], "failures": [...]}

local run, emit = ...

-- a JSON string: quotes, backslashes and control characters escaped
local function str(s)
  s = s:gsub('[%c"\\]', function(c)
    local named = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n',
                    ['\t'] = '\\t', ['\r'] = '\\r' }
    return named[c] or string.format('\\u%04x', c:byte())
  end)
  return '"' .. s .. '"'
end

local function object(fields)
  local parts = {}
  for _, kv in ipairs(fields) do
    local value = kv[2]
    if value ~= nil then
      if type(value) == "string" then value = str(value) end
      parts[#parts + 1] = str(kv[1]) .. ": " .. tostring(value)
    end
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local findings = {}
for _, f in ipairs(run.findings) do
  findings[#findings + 1] = "    " .. object{
    { "report", f.report }, { "line", f.line }, { "column", f.column },
    { "severity", f.severity }, { "rule", f.rule },
    { "message", f.message }, { "path", f.path },
  }
end

local failures = {}
for _, f in ipairs(run.failures) do
  failures[#failures + 1] = "    " .. object{
    { "report", f.report }, { "rule", f.rule }, { "message", f.message },
  }
end

local function list(items)
  if #items == 0 then return "[]" end
  return "[\n" .. table.concat(items, ",\n") .. "\n  ]"
end

emit("{\n  \"findings\": " .. list(findings) .. ",\n  \"failures\": " .. list(failures) .. "\n}\n")
