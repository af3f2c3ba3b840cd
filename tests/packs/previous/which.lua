-- Which of last year's reports each report was given (--previous).
rule {
  id = "Z-PREVIOUS", severity = "info", title = "the report of the year before",
  check = function(report, add, params, previous)
    add{ line = 1, message = previous
         and string.format("%s %d <- %s %d", report.agency, report.year, previous.agency, previous.year)
         or string.format("%s %d <- none", tostring(report.agency), report.year or 0) }
  end,
}
