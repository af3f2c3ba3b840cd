-- the same, with the cap's error caught and the script ending as if all
-- went well: the cap is sticky, the output is refused all the same
local run, emit = ...
local mib = string.rep("x", 1024 * 1024 - 1) .. "\n"
pcall(function() while true do emit(mib) end end)
emit("all done\n")
