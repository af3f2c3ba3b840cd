rule { id = "R-BOMB", severity = "info", title = "meets the memory cap",
       check = function(report, add) local s = "x" while true do s = s .. s end end }
