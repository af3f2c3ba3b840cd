-- an honest rule that runs after all the others failed: its finding must
-- be there, and it sees the report as read
rule {
  id = "H-LAST", severity = "warning", title = "last",
  check = function(report, add)
    add{ path = "tables.appeals.review.total",
         message = "H-LAST ran: 表四行政复议总计为 " .. tostring(report.tables.appeals.review.total) }
  end,
}
