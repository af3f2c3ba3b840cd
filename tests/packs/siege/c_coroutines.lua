-- coroutines that spread the budget: many threads, each a little at a
-- time, resumed round-robin (one counter serves every thread)
rule {
  id = "H-COROUTINES", severity = "error", title = "coroutines",
  check = function(report, add)
    local threads = {}
    for i = 1, 1000 do
      threads[i] = coroutine.create(function()
        while true do
          for _ = 1, 1000 do end
          coroutine.yield()
        end
      end)
    end
    while true do
      for _, co in ipairs(threads) do
        local ok = coroutine.resume(co)
        if not ok then threads = { coroutine.create(function() while true do end end) } end
      end
    end
  end,
}
