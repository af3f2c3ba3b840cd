-- memory: a bomb caught with pcall, and memory kept from report to report
rule {
  id = "H-MEMCATCH", severity = "error", title = "memory bomb in pcall",
  check = function(report, add)
    pcall(function() local s = "x" while true do s = s .. s end end)
  end,
}
local keep = {}
rule {
  id = "H-HOARD", severity = "error", title = "keeps memory",
  check = function(report, add)
    for _ = 1, 700 do keep[#keep + 1] = string.rep("x", 65536) .. #keep end
  end,
}
