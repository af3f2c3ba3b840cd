-- rules that try to leave the sandbox or to change what others read
rule {
  id = "X-IO", severity = "error", title = "io",
  check = function(report, add) io.open("/etc/passwd") end,
}
rule {
  id = "X-TAMPER", severity = "error", title = "tamper",
  check = function(report, add) report.tables.appeals.review.total = 999 end,
}
rule {
  id = "X-MEMORY", severity = "error", title = "memory",
  check = function(report, add) local s = "x" while true do s = s .. s end end,
}
