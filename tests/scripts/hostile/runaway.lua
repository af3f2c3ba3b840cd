-- a loop with no end, behind pcall: the instruction budget stops it
local run, emit = ...
emit("started\n")
while true do pcall(function() while true do end end) end
