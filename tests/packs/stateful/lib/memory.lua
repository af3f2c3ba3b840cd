-- a module that remembers the last title it was shown: state kept in an
-- upvalue, out of reach of any read-only view
local last
return {
  swap = function(title)
    local before = last
    last = title
    return before
  end,
}
