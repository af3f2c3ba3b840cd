-- findings live in C, beyond the sandbox's memory cap: a flood of them
rule {
  id = "H-FLOOD", severity = "warning", title = "a flood of findings",
  check = function(report, add)
    local m = string.rep("洪", 100000)
    for _ = 1, 100000 do add{ message = m } end
  end,
}
