-- a pack that registers rules without end: each is kept in C, beyond the
-- sandbox's memory cap, so their number is capped
for i = 1, 1000000 do
  rule { id = "H-MANY-" .. i, severity = "info", title = "one of many",
         check = function() end }
end
