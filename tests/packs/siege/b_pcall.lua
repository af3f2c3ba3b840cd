-- pcall and xpcall loops around runaway code: the budget is sticky, and
-- an xpcall handler that loops is skipped once the budget is spent
rule {
  id = "H-PCALL", severity = "error", title = "pcall loops",
  check = function(report, add)
    while true do
      pcall(function()
        while true do pcall(function() while true do end end) end
      end)
    end
  end,
}
rule {
  id = "H-XPCALL", severity = "error", title = "xpcall handler loops",
  check = function(report, add)
    while true do
      xpcall(function() while true do end end, function() while true do end end)
    end
  end,
}
