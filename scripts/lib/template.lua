-- template.lua — a small template language for Markdown and HTML output,
-- compiled to Lua.  Output scripts get it with require("template").
--
--   local template = require("template")
--   local render = template.compile(source, "summary.md", {
--     escape = template.escape_markdown,   -- or escape_html, or a function
--     templates = { footer = "…" },        -- what {% include %} can name
--   })
--   emit(render({ reports = …, title = … }))
--
-- The language:
--
--   {{ expr }}          the value, escaped by the template's escaper
--   {{{ expr }}}        the value as it is (raw)
--   {% if expr %} … {% elseif expr %} … {% else %} … {% end %}
--   {% for x in expr %} … {% end %}      an array, in order (ipairs)
--   {% for k, v in expr %} … {% end %}   a table, keys in sorted order
--   {% include "name" %}                 another template, same data
--   {% include "name" with expr %}       another template, expr as its data
--   {# a comment #}
--
-- An expression is a Lua expression.  Its names are, first, the helpers
-- below, then the fields of the data given to render; loop variables are
-- Lua locals.  Nothing else is visible: no globals of the script.
--
--   fmt_number(n [, decimals])  "3119", "12.5"; nil stays nil
--   percent(a, b)               "12.5%"; "—" when b is 0 or a or b is nil
--   default(v, fallback)        fallback when v is nil (0 stays 0)
--   md_code(s)                  s as a Markdown code span: `like this`
--   tostring, tonumber, type, string, math
--
-- A nil value prints as nothing; write default(x, "不可读") to show it.
-- A table or function value is an error ("cannot insert a table value").
-- In {% if %}, as in Lua, only nil and false are false (0 is true).
--
-- Whitespace: a line holding only a {% … %} or {# … #} tag (and spaces)
-- leaves nothing in the output, not even its line break.  {%- and {{-
-- remove all white space (line breaks too) before the tag; -%} and -}}
-- after it.  For a literal "{{" write {{ "{{" }}.
--
-- Errors name the template and line:
--   template 'summary.md':12: unclosed {% if %}
--   template 'summary.md':7: attempt to index a nil value (field 'new')
--
-- Names starting with two underscores are the compiled code's own; do not
-- use them in templates.

local template = {}

local MAX_DEPTH = 8          -- includes nested deeper than this are refused

-- ---- escapers ----

function template.escape_none(s)
  return s
end

local HTML = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
               ['"'] = "&quot;", ["'"] = "&#39;" }

function template.escape_html(s)
  return (s:gsub("[&<>\"']", HTML))
end

-- One line of a value: a character that would start a list, a heading
-- underline, a thematic break or a code fence at the start of a Markdown
-- line gets a backslash ("- x" -> "\- x", "1. x" -> "1\. x"); "-5" and
-- "1.5" are left alone.
local function escape_line_start(line)
  local indent = line:match("^[ \t]*")
  local rest = line:sub(#indent + 1)
  local c = rest:sub(1, 1)
  if c == "-" or c == "+" or c == "=" or c == "~" then
    local after = rest:sub(2, 2)
    if after == "" or after == " " or after == "\t" or after == c then
      return indent .. "\\" .. rest
    end
  else
    local digits = rest:match("^%d+")
    if digits and #digits <= 9 then
      local mark = rest:sub(#digits + 1, #digits + 1)
      local after = rest:sub(#digits + 2, #digits + 2)
      if (mark == "." or mark == ")")
         and (after == "" or after == " " or after == "\t") then
        return indent .. digits .. "\\" .. rest:sub(#digits + 1)
      end
    end
  end
  return line
end

-- A value is one line of Markdown: a line break or another control
-- character in it becomes a space (a file name or an agency with a
-- newline would end a table's row, or a paragraph, and let what follows
-- be read as markup).
function template.escape_markdown(s)
  s = s:gsub("[%c]", " ")
  s = s:gsub("[\\`*_%[%]<>|#]", "\\%0")
  return escape_line_start(s)
end

-- ---- helpers visible to expressions ----

local function fmt_number(n, decimals)
  if n == nil then return nil end
  if type(n) == "string" then
    local x = tonumber(n)
    if x == nil then return n end
    n = x
  end
  if type(n) ~= "number" then
    error("fmt_number: expected a number, got a " .. type(n) .. " value", 2)
  end
  local i = math.tointeger(n)
  if i then return string.format("%d", i) end
  if n ~= n or n == math.huge or n == -math.huge then return tostring(n) end
  local d = math.tointeger(decimals or 2) or 2
  local s = string.format("%." .. d .. "f", n)
  if s:find(".", 1, true) then
    s = s:gsub("0+$", ""):gsub("%.$", "")
  end
  if s == "-0" then s = "0" end
  return s
end

local function percent(a, b)
  if type(a) ~= "number" or type(b) ~= "number" or b == 0 then
    return "—"
  end
  return fmt_number(a / b * 100, 1) .. "%"
end

local function default(v, fallback)
  if v == nil then return fallback end
  return v
end

local function text_of(v, level)
  local t = type(v)
  if t == "string" then return v end
  if t == "nil" then return "" end
  if t == "number" then
    local i = math.tointeger(v)
    if i then return string.format("%d", i) end
    return tostring(v)
  end
  if t == "boolean" then return tostring(v) end
  error("cannot insert a " .. t .. " value", level + 1)
end

-- a Markdown code span, with a fence longer than any run of backticks in s;
-- on one line (a line break in a file name would end the span, and a blank
-- line the paragraph, letting raw HTML after it through)
local function md_code(s)
  s = text_of(s, 2):gsub("%c", " ")
  if s == "" then return "" end
  local longest = 0
  for run in s:gmatch("`+") do
    if #run > longest then longest = #run end
  end
  local fence = string.rep("`", longest + 1)
  if s:sub(1, 1) == "`" or s:sub(-1) == "`"
     or (s:sub(1, 1) == " " and s:sub(-1) == " " and s:find("[^ ]")) then
    s = " " .. s .. " "
  end
  return fence .. s .. fence
end

local HELPERS = {
  fmt_number = fmt_number, percent = percent, default = default,
  md_code = md_code,
  tostring = tostring, tonumber = tonumber, type = type,
  string = string, math = math,
}

-- ---- what the compiled code calls ----

-- The names an expression sees: the helpers, then the data's fields.
-- Never the script's globals.
local function scope(data)
  return setmetatable({}, {
    __index = function(_, k)
      local h = HELPERS[k]
      if h ~= nil then return h end
      return data[k]
    end,
    __newindex = function(_, k)
      error("templates cannot set variables ('" .. tostring(k) .. "')", 2)
    end,
  })
end

local function loop_ipairs(t)
  if t == nil then return function() return nil end end
  if type(t) ~= "table" then
    error("cannot loop over a " .. type(t) .. " value", 2)
  end
  return ipairs(t)
end

-- numbers first, in order; then strings, in byte order; then the rest
local KIND = { number = 1, string = 2 }
local function key_before(a, b)
  local ka, kb = KIND[type(a)] or 3, KIND[type(b)] or 3
  if ka ~= kb then return ka < kb end
  if ka == 3 then return tostring(a) < tostring(b) end
  return a < b
end

local function loop_sorted(t)
  if t == nil then return function() return nil end end
  if type(t) ~= "table" then
    error("cannot loop over a " .. type(t) .. " value", 2)
  end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, key_before)
  local i = 0
  return function()
    i = i + 1
    local k = keys[i]
    if k ~= nil then return k, t[k] end
  end
end

-- ---- compiling ----

local KEYWORDS = {}
for w in ("and break do else elseif end false for function goto if in local "
          .. "nil not or repeat return then true until while"):gmatch("%a+") do
  KEYWORDS[w] = true
end

-- names a loop variable cannot have
local function reserved(n)
  return KEYWORDS[n] or n == "_ENV" or n:sub(1, 2) == "__"
end

local function count_lines(s)
  local n, at = 0, 1
  while true do
    at = s:find("\n", at, true)
    if not at then return n end
    n, at = n + 1, at + 1
  end
end

-- a Lua string literal on one line: the compiled code keeps the
-- template's line numbers, so a literal must not contain a line break
local QUOTE = { ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
                ['"'] = '\\"', ["\\"] = "\\\\" }
local function quote(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return QUOTE[c] or string.format("\\%03d", c:byte())
  end) .. '"'
end

-- "template:NAME:12: message" (Lua's form) -> 12, "message"
local function split_message(msg)
  local line, rest = msg:match("^template:.-:(%d+): ()")
  if line then return line, msg:sub(rest) end
end

local function fail(name, line, msg)
  error("template '" .. name .. "':" .. line .. ": " .. msg, 0)
end

-- The source as a list of tokens: { kind = "text", s } or { kind =
-- "expr" | "raw" | "tag" | "comment", body, line, trim_left, trim_right }.
local OPEN = {
  ["{{{"] = { kind = "raw", close = "}}}" },
  ["{{"] = { kind = "expr", close = "}}" },
  ["{%"] = { kind = "tag", close = "%}" },
  ["{#"] = { kind = "comment", close = "#}" },
}

local function tokenize(src, name)
  local tokens, pos, line = {}, 1, 1
  local function text(s)
    if s ~= "" then
      tokens[#tokens + 1] = { kind = "text", s = s, line = line }
      line = line + count_lines(s)
    end
  end
  while pos <= #src do
    local at = src:find("{", pos, true)
    while at do
      local c = src:sub(at + 1, at + 1)
      if c == "{" or c == "%" or c == "#" then break end
      at = src:find("{", at + 1, true)
    end
    if not at then
      text(src:sub(pos))
      break
    end
    text(src:sub(pos, at - 1))
    local opener = src:sub(at, at + 2) == "{{{" and "{{{" or src:sub(at, at + 1)
    local o = OPEN[opener]
    local body_start = at + #opener
    local close = src:find(o.close, body_start, true)
    if not close then fail(name, line, "unclosed " .. opener) end
    local body = src:sub(body_start, close - 1)
    local tok = { kind = o.kind, line = line, opener = opener }
    if body:sub(1, 1) == "-" then
      tok.trim_left, body = true, body:sub(2)
    end
    if body:sub(-1) == "-" then
      tok.trim_right, body = true, body:sub(1, -2)
    end
    tok.body = body
    tokens[#tokens + 1] = tok
    line = line + count_lines(src:sub(at, close + #o.close - 1))
    pos = close + #o.close
  end
  return tokens
end

-- where the last line break of s is, 0 if none
local function last_newline(s)
  local last, at = 0, 1
  while true do
    at = s:find("\n", at, true)
    if not at then return last end
    last, at = at, at + 1
  end
end

-- A {% %} or {# #} tag alone on its line takes the line with it: the
-- spaces before it and the line break after it are dropped.  Then {%- and
-- -%} remove the white space next to their tags.
local function trim(tokens)
  local cut_front, cut_back = {}, {}
  for i, tok in ipairs(tokens) do
    if tok.kind == "tag" or tok.kind == "comment" then
      local prev, nxt = tokens[i - 1], tokens[i + 1]
      local left, right, tail, head
      if not prev then
        left = true
      elseif prev.kind == "text" then
        tail = prev.s:sub(last_newline(prev.s) + 1)
        left = tail:find("^[ \t]*$") ~= nil
               and (i == 2 or prev.s:find("\n", 1, true) ~= nil)
      end
      if not nxt then
        right = true
      elseif nxt.kind == "text" then
        head = nxt.s:match("^[^\n]*")
        right = head:find("^[ \t]*$") ~= nil
                and (i + 1 == #tokens or nxt.s:find("\n", 1, true) ~= nil)
      end
      if left and right then
        if prev then cut_back[i - 1] = #tail end
        if nxt then
          local nl = nxt.s:find("\n", 1, true)
          cut_front[i + 1] = nl or #nxt.s
        end
      end
    end
  end
  for i, tok in ipairs(tokens) do
    if tok.kind == "text" then
      tok.s = tok.s:sub((cut_front[i] or 0) + 1, #tok.s - (cut_back[i] or 0))
    end
  end
  for i, tok in ipairs(tokens) do
    if tok.trim_left and tokens[i - 1] and tokens[i - 1].kind == "text" then
      tokens[i - 1].s = tokens[i - 1].s:gsub("%s+$", "")
    end
    if tok.trim_right and tokens[i + 1] and tokens[i + 1].kind == "text" then
      tokens[i + 1].s = tokens[i + 1].s:gsub("^%s+", "")
    end
  end
end

local NO_TEMPLATES = {}
local cache = {}        -- name -> { source, escape, templates, render, height }
local compile_named     -- defined below

-- Compile one template to a render function.  stack: the names being
-- compiled (for cycles), outermost first.
local function build(source, name, escape, templates, stack)
  local tokens = tokenize(source, name)
  trim(tokens)

  local code = { "local __rt = ... return function(__data) "
    .. "local _ENV = __rt.scope(__data) "
    .. "local __b, __n = {}, 0 "
    .. "local function __w(s) __n = __n + 1 __b[__n] = s end "
    .. "local __e, __r, __ip, __sp, __inc = "
    .. "__rt.e, __rt.r, __rt.ipairs, __rt.sorted, __rt.inc " }
  local cur = 1                 -- the line of the compiled code we are on
  local function at(line)
    while cur < line do
      code[#code + 1] = "\n"
      cur = cur + 1
    end
  end
  local function put(s)
    code[#code + 1] = s
    cur = cur + count_lines(s)
  end

  -- an expression: checked alone, for a message about it, then written
  -- inside parentheses exactly as it was checked
  local function expr(s, line, what)
    if s:find("^%s*$") then fail(name, line, what .. " needs an expression") end
    local ok, msg = load("return (" .. s .. ")", "=expr", "t", {})
    if not ok then
      local n, m = msg:match("^expr:(%d+): (.*)$")
      local shown = s:match("^%s*(.-)%s*$")
      fail(name, line + (tonumber(n) or 1) - 1,
           "bad expression '" .. shown .. "': " .. (m or msg))
    end
    at(line)
    put("(" .. s .. ")")
  end

  local includes, height = {}, 0
  local deps = {}               -- name -> source of every template included
  local blocks = {}             -- open if / for tags
  for _, tok in ipairs(tokens) do
    at(tok.line)
    if tok.kind == "text" then
      if tok.s ~= "" then put("__w(" .. quote(tok.s) .. ") ") end
    elseif tok.kind == "expr" or tok.kind == "raw" then
      put(tok.kind == "expr" and "__w(__e(" or "__w(__r(")
      expr(tok.body, tok.line, tok.opener .. " }}")
      put(")) ")
    elseif tok.kind == "tag" then
      local lead, word = tok.body:match("^(%s*)([%a_]*)")
      local rest = tok.body:sub(#lead + #word + 1)
      local line = tok.line + count_lines(lead)
      local top = blocks[#blocks]
      if word == "if" then
        put("if ")
        expr(rest, line, "{% if %}")
        put(" then ")
        blocks[#blocks + 1] = { word = "if", line = tok.line }
      elseif word == "elseif" or word == "else" then
        if not top or top.word ~= "if" then
          fail(name, tok.line, "{% " .. word .. " %} outside {% if %}")
        end
        if top.has_else then
          fail(name, tok.line, "{% " .. word .. " %} after {% else %}")
        end
        if word == "elseif" then
          put(" elseif ")
          expr(rest, line, "{% elseif %}")
          put(" then ")
        else
          if not rest:find("^%s*$") then
            fail(name, tok.line, "{% else %} takes no expression")
          end
          put(" else ")
          top.has_else = true
        end
      elseif word == "for" then
        local a, b, e = rest:match("^%s*([%a_][%w_]*)%s*,%s*([%a_][%w_]*)%s+in(%s.*)$")
        if not a then
          a, e = rest:match("^%s*([%a_][%w_]*)%s+in(%s.*)$")
        end
        if not a or reserved(a) or (b and reserved(b)) then
          fail(name, tok.line, "{% for %} is {% for x in list %} or {% for k, v in table %}")
        end
        local before = rest:sub(1, #rest - #e)
        if b then
          put("for " .. a .. ", " .. b .. " in __sp(")
        else
          put("for __i, " .. a .. " in __ip(")
        end
        expr(e, line + count_lines(before), "{% for %}")
        put(") do ")
        blocks[#blocks + 1] = { word = "for", line = tok.line }
      elseif word == "end" then
        if not top then fail(name, tok.line, "{% end %} with nothing to close") end
        if not rest:find("^%s*$") then
          fail(name, tok.line, "{% end %} takes nothing after it")
        end
        put(" end ")
        blocks[#blocks] = nil
      elseif word == "include" then
        local q, from = rest:match("^%s*([\"'])()")
        local to = q and rest:find(q, from, true)
        if not to then
          fail(name, tok.line, "{% include %} needs a quoted template name")
        end
        local target, after = rest:sub(from, to - 1), rest:sub(to + 1)
        local with = after:match("^%s+with(%s.*)$")
        if not with and not after:find("^%s*$") then
          fail(name, tok.line, "{% include \"" .. target .. "\" %} takes only 'with expr' after the name")
        end
        for i, n in ipairs(stack) do
          if n == target then
            local chain = {}
            for j = i, #stack do chain[#chain + 1] = stack[j] end
            chain[#chain + 1] = target
            local msg = "template '" .. target .. "' includes itself"
            if #chain > 2 then msg = msg .. " (" .. table.concat(chain, " -> ") .. ")" end
            fail(name, tok.line, msg)
          end
        end
        if #stack > MAX_DEPTH then
          fail(name, tok.line, "includes nested more than " .. MAX_DEPTH
               .. " deep (" .. table.concat(stack, " -> ") .. " -> " .. target .. ")")
        end
        local src = templates[target]
        if type(src) ~= "string" then
          fail(name, tok.line, "no template '" .. target .. "' to include")
        end
        local entry = compile_named(src, target, escape, templates, stack)
        if entry.height + 1 > height then height = entry.height + 1 end
        deps[target] = src
        for n, dsrc in pairs(entry.deps) do deps[n] = dsrc end
        includes[#includes + 1] = entry.render
        put("__w(__inc[" .. #includes .. "](")
        if with then
          expr(with, line + count_lines(rest:sub(1, #rest - #with)), "{% include ... with %}")
        else
          put("__data")
        end
        put(")) ")
      else
        if tok.body:find("^%s*$") then fail(name, tok.line, "empty {% %} tag") end
        local shown = word ~= "" and word or tok.body:match("^%s*(.-)%s*$")
        fail(name, tok.line, "unknown tag {% " .. shown .. " %}")
      end
    end
  end
  if #blocks > 0 then
    local open = blocks[#blocks]
    fail(name, open.line, "unclosed {% " .. open.word .. " %}")
  end
  put(" return __rt.concat(__b) end")

  -- The chunk's own globals are an empty table: the render function sets
  -- its _ENV to scope(data), the helpers and the data, and nothing else.
  local chunk, msg = load(table.concat(code), "=template:" .. name, "t", {})
  if not chunk then
    local line, m = split_message(msg)
    fail(name, line or 1, m or msg)
  end

  local function insert(v)
    local s = escape(text_of(v, 2))
    if type(s) ~= "string" then
      error("the escape function returned a " .. type(s) .. " value", 2)
    end
    return s
  end
  local function insert_raw(v)
    return text_of(v, 2)
  end
  local fn = chunk({ scope = scope, e = insert, r = insert_raw,
                     ipairs = loop_ipairs, sorted = loop_sorted,
                     inc = includes, concat = table.concat })

  -- errors while rendering name the template and its line
  local function render(data)
    if data == nil then data = {} end
    if type(data) ~= "table" then
      error("template '" .. name .. "': the data must be a table, not a "
            .. type(data) .. " value", 2)
    end
    local ok, res = pcall(fn, data)
    if ok then return res end
    if type(res) ~= "string" or res:find("^template '") then
      error(res, 0)
    end
    local line, m = split_message(res)
    if line then
      error("template '" .. name .. "':" .. line .. ": " .. m, 0)
    end
    error("template '" .. name .. "': " .. res, 0)
  end
  return render, height, deps
end

-- Can a cached entry stand for name compiled now: same source, same
-- options, the templates it includes unchanged, not too deep from here?
local function still_good(entry, source, escape, templates, depth)
  if entry.source ~= source or entry.escape ~= escape
     or entry.templates ~= templates or depth + entry.height > MAX_DEPTH then
    return false
  end
  for n, src in pairs(entry.deps) do
    if templates[n] ~= src then return false end
  end
  return true
end

-- The cached entry for name if it is still good, else a new one.
compile_named = function(source, name, escape, templates, stack)
  local entry = cache[name]
  if entry and still_good(entry, source, escape, templates, #stack) then
    return entry
  end
  stack[#stack + 1] = name
  local render, height, deps = build(source, name, escape, templates, stack)
  stack[#stack] = nil
  entry = { source = source, escape = escape, templates = templates,
            render = render, height = height, deps = deps }
  cache[name] = entry
  return entry
end

-- template.compile(source, name, options) -> render(data) -> string
function template.compile(source, name, options)
  if type(source) ~= "string" then
    error("template.compile: the source must be a string", 2)
  end
  if name == nil then name = "template" end
  if type(name) ~= "string" then
    error("template.compile: the name must be a string", 2)
  end
  options = options or {}
  local escape = options.escape or template.escape_none
  if type(escape) ~= "function" then
    error("template.compile: escape must be a function", 2)
  end
  local templates = options.templates or NO_TEMPLATES
  if type(templates) ~= "table" then
    error("template.compile: templates must be a table of name = source", 2)
  end
  return compile_named(source, name, escape, templates, {}).render
end

return template
