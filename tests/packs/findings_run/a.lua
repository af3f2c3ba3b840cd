-- Just under 1 MiB of findings on every report (the cap of one rule on one
-- report): over many reports they pass the 256 MiB a run may hold.
rule {
  id = "H-STEADY", severity = "info", title = "a steady stream of findings",
  check = function(report, add)
    local m = string.rep("x", 999)
    for _ = 1, 1000 do add{ message = m } end
  end,
}
