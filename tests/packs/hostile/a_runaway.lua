-- a rule that never ends, even when its loop is wrapped in pcall
rule {
  id = "X-RUNAWAY", severity = "error", title = "runaway",
  check = function(report, add)
    while true do pcall(function() while true do end end) end
  end,
}
