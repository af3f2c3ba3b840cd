-- a rule table whose check comes through __index, and then goes away:
-- the function given at registration is the one that runs
local calls = 0
rule(setmetatable({ id = "H-INDEX", severity = "error", title = "check via __index" }, {
  __index = function(t, k)
    if k == "check" then
      calls = calls + 1
      if calls == 1 then
        return function(report, add) add{ message = "H-INDEX ran the check it registered" } end
      end
      while true do end
    end
  end,
}))
