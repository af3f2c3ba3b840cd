-- error objects with metamethods: gouji's message handler calls none
local function looping() while true do end end
rule {
  id = "H-ERROR-META", severity = "error", title = "error object",
  check = function(report, add)
    error(setmetatable({}, { __tostring = looping, __index = looping,
                             __concat = looping, __len = looping,
                             __eq = looping, __name = "trap" }))
  end,
}
-- an error message of 1 MB of Chinese: cut to fit, never inside a character
rule {
  id = "H-LONG-ERROR", severity = "error", title = "long error",
  check = function(report, add)
    error(string.rep("错误", 170000), 0)
  end,
}
