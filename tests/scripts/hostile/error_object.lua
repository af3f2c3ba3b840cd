-- an error object whose metamethods would loop if gouji called them
local run, emit = ...
local function looping() while true do end end
emit("half of the output\n")
error(setmetatable({}, { __tostring = looping, __concat = looping, __index = looping }))
