-- 4,096 rules sharing one title of 64 KiB, each within its own cap: the
-- texts of a pack are capped in all (they once took 570 MiB an engine)
local title = string.rep("x", 65536)
for i = 1, 4096 do
  rule { id = "H-TEXT" .. i, severity = "info", title = title, check = function() end }
end
