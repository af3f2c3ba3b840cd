local names = require("names")
rule { id = "K-CLASH", severity = "info", title = "uses its own names",
       check = function(report, add) end }
