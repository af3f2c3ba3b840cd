-- A streaming output script: one line per report as it is checked, a
-- total at the end.  What the top level emits comes first.
local run, emit = ...
emit("reports:\n")
local n, errors = 0, 0
return {
  report = function(r, findings, failures)
    n = n + 1
    for _, f in ipairs(findings) do
      if f.severity == "error" then errors = errors + 1 end
    end
    emit(string.format("%d %s %s findings=%d failures=%d\n", n, r.source.path,
                       r.year or "?", #findings, #failures))
  end,
  finish = function(final)
    emit(string.format("total %d reports, %d errors, %d failures, rules known: %s\n",
                       n, errors, #final.failures, tostring(final.rules["T4-SUM"] ~= nil)))
  end,
}
