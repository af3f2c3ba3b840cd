-- T2-PLAUSIBLE — 表二：现行有效件数不应少于本年制发件数。
-- 表二: documents in force are at least those issued this year.

rule {
  id = "T2-PLAUSIBLE",
  severity = "warning",
  title = "表二：现行有效件数 ≥ 本年制发件数 / in force ≥ issued this year",
  description = [[
表二第二十条第（一）项中，本年制发的规章、行政规范性文件（除非当年即废止）应计入
现行有效件数，因此现行有效件数一般不少于本年制发件数。不符合时请核对（可能是
漏填或填反）。

In 表二, regulations and normative documents issued this year are normally
still in force, so 现行有效件数 should not be below 本年制发件数. When it
is, a figure was probably left out or swapped.]],

  check = function(report, add)
    local names = { regulations = "规章", normative = "行政规范性文件" }
    for _, row in ipairs({ "regulations", "normative" }) do
      local r = report.tables.active[row]
      if r and r.issued ~= nil and r.in_force ~= nil and r.in_force < r.issued then
        add{ path = "tables.active." .. row .. ".in_force",
             message = string.format("表二%s：现行有效 %s 件少于本年制发 %s 件 (in force %s < issued %s)",
                                     names[row], r.in_force, r.issued, r.in_force, r.issued) }
      end
    end
  end,
}
