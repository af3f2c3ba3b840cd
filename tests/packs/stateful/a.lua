-- A rule that carries state from one report to the next three ways: a
-- module's upvalue, its file's local, its file's global.  Each report's
-- rules run in fresh environments, so it sees none of it: every report
-- says "before nil; seen 1; global 1", whichever worker checks it.
local memory = require("memory")
local seen = 0
rule {
  id = "S-CARRY", severity = "info", title = "what is left of the last report",
  check = function(report, add)
    seen = seen + 1
    counter = (rawget(_ENV, "counter") or 0) + 1
    add{ line = 1, message = string.format("before %s; seen %d; global %d",
                                           tostring(memory.swap(report.title)), seen, counter) }
  end,
}
