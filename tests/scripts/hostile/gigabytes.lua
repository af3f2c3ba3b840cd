-- an output script that prints without end: stopped by the output cap
-- (256 MiB); nothing is written, not even the part before the cap
local run, emit = ...
local mib = string.rep("x", 1024 * 1024 - 1) .. "\n"
while true do emit(mib) end
