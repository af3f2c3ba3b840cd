-- What a rule sees of report.cells: each cell read-only, with the fields
-- gouji dump shows, the same value when read twice.  A cell kept in an
-- upvalue for the next report is not there: the pack's files run again
-- in fresh environments for each report, so `kept` starts as nil each
-- time (were it kept, its report being gone, it would have nothing).
local kept

local function show(cell)
  local fields = {}
  for k, v in pairs(cell) do
    if k == "candidates" then
      local c = {}
      for i, x in ipairs(v) do c[i] = tostring(x) end
      v = "{" .. table.concat(c, ",") .. "}"
    end
    fields[#fields + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(fields, " ")
end

rule {
  id = "X-CELLS", severity = "info",
  check = function(report, add)
    local path = "tables.active.normative.issued"
    local cell = report.cells[path]
    add{ line = 1, message = show(cell) }
    add{ line = 1, message = string.format("%s; same %s; #candidates %d; first %s",
                                           tostring(cell), tostring(cell == report.cells[path]),
                                           #cell.candidates, tostring(cell.candidates[1])) }
    local _, e1 = pcall(function() cell.status = "ok" end)
    local _, e2 = pcall(function() cell.candidates[1] = 0 end)
    local _, e3 = pcall(function() report.cells[path] = 1 end)
    add{ line = 1, message = string.format("%s | %s | %s", e1, e2, e3) }
    add{ line = 1, message = string.format("metatable %s; nothing %s; no such cell %s; type %s",
                                           tostring(getmetatable(cell)), tostring(cell.nothing),
                                           tostring(report.cells["tables.x"]), type(cell)) }
    if kept then
      -- last report's cell: its report is gone, so it has nothing
      local n = 0
      for _ in pairs(kept) do n = n + 1 end
      add{ line = 1, message = string.format("kept: status %s, %s, fields %d", tostring(kept.status),
                                             tostring(kept), n) }
    end
    kept = cell
  end,
}
