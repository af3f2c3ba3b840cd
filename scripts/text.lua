-- text.lua — findings the way a compiler prints them, one per line:
--   file:line:column: severity: message [RULE-ID]
-- The run gives: run.findings (sorted by file and place), run.failures
-- (rules that broke), run.rules (id -> id, title, severity, description).
-- emit(text) writes output.  Copy this file and change it to make your own
-- format: gouji check --format my.lua …

local run, emit = ...

for _, f in ipairs(run.findings) do
  local where = f.report
  if f.line > 0 then
    where = where .. ":" .. f.line
    if f.column > 0 then
      where = where .. ":" .. f.column
    end
  end
  emit(where .. ": " .. f.severity .. ": " .. f.message .. " [" .. f.rule .. "]\n")
end
