-- __gc finalisers (they would run outside the budget) and collectgarbage
rule {
  id = "H-GC", severity = "error", title = "__gc",
  check = function(report, add)
    setmetatable({}, { __gc = function() while true do end end })
  end,
}
rule {
  id = "H-COLLECT", severity = "error", title = "collectgarbage",
  check = function(report, add)
    collectgarbage("stop")
  end,
}
-- a to-be-closed variable whose __close loops: it runs, under the budget
rule {
  id = "H-CLOSE", severity = "error", title = "__close",
  check = function(report, add)
    local x <close> = setmetatable({}, { __close = function() while true do end end })
  end,
}
