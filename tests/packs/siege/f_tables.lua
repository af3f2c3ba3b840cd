-- deep and cyclic tables handed to C: as a message, as an error object,
-- as a check's return value, and from a shared module
local function cyclic()
  local t = {}
  t.self, t.message, t.path = t, t, t
  return t
end
local function deep(n)
  local t = {}
  for _ = 1, n do t = { t } end
  return t
end
rule {
  id = "H-CYCLIC", severity = "error", title = "cyclic message",
  check = function(report, add)
    add(cyclic())
  end,
}
rule {
  id = "H-DEEP", severity = "error", title = "deep error object",
  check = function(report, add)
    error(deep(100000))
  end,
}
rule {
  id = "H-RETURN", severity = "error", title = "returns tables",
  check = function(report, add)
    return cyclic(), deep(100000)
  end,
}
rule {
  id = "H-MODULE", severity = "error", title = "a module of deep tables",
  check = function(report, add)
    local m = require("tangle")
    -- the module is read-only, cycles and all
    m.self.self.x = 1
  end,
}
