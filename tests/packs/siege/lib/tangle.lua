-- a module whose value is cyclic and 100,000 tables deep: require freezes
-- it once per table
local m = {}
m.self = m
local t = m
for _ = 1, 100000 do
  t.next = {}
  t = t.next
end
return m
