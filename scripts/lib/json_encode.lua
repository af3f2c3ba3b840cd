-- json_encode.lua — Lua values as JSON text, for output scripts.
--
--   local encode = require("json_encode")
--   encode(value)          compact: {"a":1,"b":[true,null]}
--   encode(value, "  ")    pretty, indented by the given string per level
--
-- Strings are written as UTF-8 with quotes, backslashes and control
-- characters escaped (\n \r \t \b \f by name, the others as \u00XX);
-- bytes that are not valid UTF-8 become U+FFFD, so the text is always
-- valid JSON.  Integers are written as integers, other numbers with up to
-- 17 significant digits; NaN and infinities are errors.
--
-- A Lua table is an array or an object.  A metatable says which, and in
-- what order an object's keys are written:
--
--   setmetatable(t, { __jsontype = "array" })      t[1] .. t[#t]; {} is []
--   setmetatable(t, { __jsontype = "object",       the listed keys first,
--                     __jsonorder = { "b", "a" } }) in that order (absent
--                                                    ones skipped), then
--                                                    the others sorted
--   setmetatable({}, { __jsontype = "null" })      null (nil cannot be a
--                                                    table's value)
--
-- An unmarked table is an array when its keys are exactly 1..n (n > 0),
-- otherwise an object with its keys sorted, so output is deterministic.
-- Object keys must be strings (or numbers, written as strings).  The
-- read-only views an output script is given (run.findings, …) can be
-- encoded directly.  Cycles are errors.

local escapes = {
  ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\r'] = '\\r',
  ['\t'] = '\\t', ['\b'] = '\\b', ['\f'] = '\\f',
}

local function escape_char(c)
  return escapes[c] or string.format("\\u%04x", c:byte())
end

-- s with every byte sequence that is not UTF-8 replaced by U+FFFD
local function valid_utf8(s)
  if utf8.len(s) then
    return s
  end
  local parts, pos = {}, 1
  while pos <= #s do
    local n, bad = utf8.len(s, pos)
    if n then
      parts[#parts + 1] = s:sub(pos)
      break
    end
    parts[#parts + 1] = s:sub(pos, bad - 1)
    parts[#parts + 1] = "\u{FFFD}"
    pos = bad + 1
    -- skip the continuation bytes of the broken sequence
    while pos <= #s do
      local b = s:byte(pos)
      if b < 0x80 or b >= 0xC0 then break end
      pos = pos + 1
    end
  end
  return table.concat(parts)
end

local SPECIAL = '[\0-\31"\\\127]'

local function quote(s)
  s = valid_utf8(s)
  if not s:find(SPECIAL) then        -- the usual case: nothing to escape
    return '"' .. s .. '"'
  end
  return '"' .. s:gsub(SPECIAL, escape_char) .. '"'
end

local function number(v)
  if v ~= v or v == math.huge or v == -math.huge then
    error("json_encode: " .. tostring(v) .. " is not a JSON number", 0)
  end
  if math.type(v) == "integer" then
    return string.format("%d", v)
  end
  local i = math.tointeger(v)
  if i and math.abs(v) < 2^53 then
    return string.format("%d", i)
  end
  local s = string.format("%.15g", v)
  if tonumber(s) ~= v then
    s = string.format("%.17g", v)
  end
  return s
end

local function kind_of(t)
  local mt = getmetatable(t)
  if type(mt) == "table" then      -- the views of run answer "read-only"
    local k = rawget(mt, "__jsontype")
    if k ~= nil then
      if k ~= "array" and k ~= "object" and k ~= "null" then
        error("json_encode: __jsontype must be \"array\", \"object\" or \"null\", not "
              .. tostring(k), 0)
      end
      return k, rawget(mt, "__jsonorder")
    end
    return nil, rawget(mt, "__jsonorder")
  end
  return nil, nil
end

local function key_string(k)
  local tk = type(k)
  if tk == "string" then
    return k
  elseif tk == "number" then
    return number(k)
  end
  error("json_encode: an object key must be a string, not a " .. tk, 0)
end

-- the keys of object t as strings, and their values, in output order
local function object_entries(t, order)
  local keys, values, listed = {}, {}, {}
  if order then
    for _, k in ipairs(order) do
      local v = t[k]
      if v ~= nil and not listed[k] then
        listed[k] = true
        keys[#keys + 1] = key_string(k)
        values[#keys] = v
      end
    end
  end
  local rest, seen = {}, {}
  for k, v in pairs(t) do
    if not listed[k] then
      local s = key_string(k)
      if seen[s] then
        error("json_encode: the key \"" .. s .. "\" is given twice", 0)
      end
      seen[s] = true
      rest[#rest + 1] = { s, v }
    end
  end
  table.sort(rest, function(a, b) return a[1] < b[1] end)
  for _, e in ipairs(rest) do
    keys[#keys + 1] = e[1]
    values[#keys] = e[2]
  end
  return keys, values
end

-- is t's key set exactly 1..n, n > 0?
local function is_sequence(t)
  local n = 0
  for k in pairs(t) do
    if math.type(k) ~= "integer" or k < 1 then
      return false
    end
    n = n + 1
  end
  return n > 0 and n == #t
end

local function encode(value, indent)
  local out = {}
  local active = {}         -- tables being written, against cycles
  local newline = indent and "\n" or ""
  local colon = indent and ": " or ":"

  local write

  -- before item i of a list at depth: a comma after the first item, and
  -- in pretty output a new line and the indentation
  local function separator(i, depth)
    out[#out + 1] = (i > 1 and "," or "") .. newline .. (indent and string.rep(indent, depth + 1) or "")
  end

  -- the end of a list of n items at depth
  local function finish(n, depth, close)
    if n > 0 then
      out[#out + 1] = newline .. (indent and string.rep(indent, depth) or "")
    end
    out[#out + 1] = close
  end

  write = function(v, depth)
    local tv = type(v)
    if tv == "string" then
      out[#out + 1] = quote(v)
    elseif tv == "number" then
      out[#out + 1] = number(v)
    elseif tv == "boolean" then
      out[#out + 1] = v and "true" or "false"
    elseif tv == "nil" then
      out[#out + 1] = "null"
    elseif tv == "table" then
      local kind, order = kind_of(v)
      if kind == "null" then
        out[#out + 1] = "null"
        return
      end
      if active[v] then
        error("json_encode: a table contains itself", 0)
      end
      active[v] = true
      if kind == nil then
        kind = is_sequence(v) and "array" or "object"
      end
      if kind == "array" then
        local n = #v
        out[#out + 1] = "["
        for i = 1, n do
          separator(i, depth)
          write(v[i], depth + 1)        -- a hole is null
        end
        finish(n, depth, "]")
      else
        local keys, values = object_entries(v, order)
        out[#out + 1] = "{"
        for i = 1, #keys do
          separator(i, depth)
          out[#out + 1] = quote(keys[i]) .. colon
          write(values[i], depth + 1)
        end
        finish(#keys, depth, "}")
      end
      active[v] = nil
    else
      error("json_encode: cannot encode a " .. tv, 0)
    end
  end

  write(value, 0)
  return table.concat(out)
end

return encode
