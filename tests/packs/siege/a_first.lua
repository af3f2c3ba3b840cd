-- an honest rule that runs before anything breaks: its finding must stay
rule {
  id = "H-FIRST", severity = "warning", title = "first",
  check = function(report, add)
    add{ path = "tables.appeals.review.total",
         message = "H-FIRST ran: 表四行政复议总计为 " .. tostring(report.tables.appeals.review.total) }
  end,
}
