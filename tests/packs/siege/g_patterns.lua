-- patterns with catastrophic backtracking: one C call no hook can stop,
-- so the pattern is refused before it runs (gouji has no PCRE2)
rule {
  id = "H-PATTERN", severity = "error", title = "a*a*a*b",
  check = function(report, add)
    return string.rep("a", 3000):find("a*a*a*b")
  end,
}
rule {
  id = "H-PATTERN-WIDE", severity = "error", title = ".-.-b in gsub",
  check = function(report, add)
    return report.sections[1].text:rep(100):gsub(".-.-b", "")
  end,
}
