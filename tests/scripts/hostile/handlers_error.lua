-- a streaming script's table whose __index raises: its handlers are read
-- in a protected, budgeted call (this once aborted gouji)
local run, emit = ...
emit("top\n")
return setmetatable({}, { __index = function(t, k) error("no handler " .. k) end })
