rule { id = "R-LAST", severity = "info", title = "runs last",
       check = function(report, add) add{ line = 1, message = "last ran" } end }
