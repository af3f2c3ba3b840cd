-- text.lua — findings the way a compiler prints them, one per line:
--   file:line:column: severity: message [RULE-ID]
-- gouji calls report(r, findings, failures) once per report, in the order
-- the reports were given, as soon as each is checked: r is the report
-- (title, agency, year, tables …), findings its findings sorted by place,
-- failures the rules that broke on it.  run.rules (id -> id, title,
-- severity, description) and run.color are there from the start.
-- emit(text) writes output.  Copy this file and change it to make your own
-- format: gouji check --format my.lua …

local run, emit = ...

-- on a terminal the severity is coloured (run.color; NO_COLOR turns it off)
local colors = { error = "\27[1;31m", warning = "\27[1;33m", info = "\27[1;36m" }

-- a control character from a report (a file's name, a heading quoted in a
-- message) is shown as \x1b, never sent to the terminal as it is
local function shown(s)
  return (s:gsub("%c", function(c) return string.format("\\x%02x", c:byte()) end))
end

local function report(_, findings)
  for _, f in ipairs(findings) do
    local where = shown(f.report)
    if f.line > 0 then
      where = where .. ":" .. f.line
      if f.column > 0 then
        where = where .. ":" .. f.column
      end
    end
    local severity = f.severity
    if run.color then
      severity = colors[severity] .. severity .. "\27[0m"
    end
    emit(where .. ": " .. severity .. ": " .. shown(f.message) .. " [" .. shown(f.rule) .. "]\n")
  end
end

return { report = report }
