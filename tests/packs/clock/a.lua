-- a rule that runs for ever, under a budget too large to stop it: the
-- wall clock does (tests/configs/clock.yaml: 1 second a call)
rule {
  id = "C-FOREVER", severity = "error", title = "runs for ever",
  check = function(report, add)
    while true do pcall(function() while true do end end) end
  end,
}
rule {
  id = "C-AFTER", severity = "info", title = "runs after it",
  check = function(report, add)
    add{ message = "still ran" }
  end,
}
