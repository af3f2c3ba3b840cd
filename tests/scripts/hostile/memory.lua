-- a memory bomb: the sandbox's memory cap stops it
local run, emit = ...
local t = {}
while true do t[#t + 1] = string.rep("x", 1 << 20) .. #t end
