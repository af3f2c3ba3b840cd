-- X-VALID — 上年现行有效 + 本年制发 − 本年废止 = 本年现行有效。
-- Last year's in force + issued − repealed = this year's in force.

rule {
  id = "X-VALID",
  severity = "warning",
  title = "现行有效件数前后衔接 / documents in force carry over from last year",
  description = [[
表二第二十条第（一）项：上一年度报告的现行有效件数，加本年制发件数，减本年废止
件数，应等于本年度的现行有效件数（规章、行政规范性文件分别核对）。需要上一年度
的报告（--previous）；两年都是 2021 年格式时才核对。

表二: last year's documents in force, plus those issued this year, minus
those repealed, equal this year's in force (regulations and normative
documents separately). Needs last year's report (--previous); both years
in the 2021 format.]],

  check = function(report, add, params, previous)
    if not previous or report.format ~= "2021" or previous.format ~= "2021" then return end
    local labels = { regulations = "规章", normative = "行政规范性文件" }
    for _, row in ipairs({ "regulations", "normative" }) do
      local last = previous.tables.active[row] or {}
      local this = report.tables.active[row] or {}
      if last.in_force and this.issued and this.repealed and this.in_force then
        local want = last.in_force + this.issued - this.repealed
        if want ~= this.in_force then
          add{ path = "tables.active." .. row .. ".in_force",
               message = string.format("%s：上年现行有效 %s + 本年制发 %s − 本年废止 %s = %s，但本年现行有效为 %s (expected %s, printed %s)",
                                       labels[row], last.in_force, this.issued, this.repealed,
                                       want, this.in_force, want, this.in_force) }
        end
      end
    end
  end,
}
