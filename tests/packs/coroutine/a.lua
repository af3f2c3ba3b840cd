-- Rules that read the report from inside a coroutine: cells made on
-- first use and text.sentences' kept lists must come back on the
-- coroutine's own stack.
local text = require("text")

rule {
  id = "X-CO-CELLS", severity = "info",
  check = function(report, add)
    local read = coroutine.wrap(function()
      local cell = report.cells["tables.requests.new.total"]
      coroutine.yield(cell.status, cell.raw)
      local n = 0
      for _ in pairs(report.cells) do n = n + 1 end
      coroutine.yield(n)
    end)
    local status, raw = read()
    local n = read()
    add{ line = 1, message = string.format("new.total %s %s; %d cells", status, raw, n) }
  end,
}

rule {
  id = "X-CO-SENTENCES", severity = "info",
  check = function(report, add)
    local co = coroutine.create(function(s) return text.sentences(s) end)
    local ok, list = coroutine.resume(co, report.sections[1].text)
    local again = text.sentences(report.sections[1].text)
    local changed = pcall(function() list[1] = "x" end)
    add{ line = 1, message = string.format("%s %d sentences, same list %s, writable %s",
                                           tostring(ok), #list, tostring(list == again), tostring(changed)) }
  end,
}
