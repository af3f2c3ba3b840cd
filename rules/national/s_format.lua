-- S-FORMAT — 报告采用的格式与报告年度相符。
-- The report's format fits its year.

-- 年度与格式：2021 年及以后用 2021 格式（国办公开办函〔2021〕30号），
-- 2019、2020 年用 2019 试行格式，2019 年以前没有全国统一格式。
-- Year and format: 2021 on, the 2021 format; 2019 and 2020, the 2019
-- trial format; before 2019, no national format.
local FORMAT_2021_FROM = 2021
local FORMAT_2019_FROM = 2019

rule {
  id = "S-FORMAT",
  severity = "warning",
  title = "报告格式与年度相符 / the report's format fits its year",
  description = [[
2021 年度及以后的报告应采用国办公开办函〔2021〕30号规定的格式；2019、2020 年度
的报告采用 2019 年的格式（2019、2020 年度报告用了 2021 格式不报告）。2021 年度及以后
的报告仍用旧格式，或 2019 年以前的报告却被读作全国统一格式，为警告；2019 年以前
的报告（legacy）早于全国统一格式，给出提示，表格规则不检查它。格式无法识别
（unknown）的由 S-TABLES 报告。

A report for 2021 or later must use the 2021 format; one still in the 2019
format (or with no national tables, legacy) is a warning, as is a report for
a year before 2019 read as a national format. A 2019 or 2020 report in the
2021 format is accepted. A report before 2019 (legacy) predates the national
format: it gets an information, and the table rules skip it. An unknown
format is S-TABLES's.]],

  check = function(report, add)
    local year, format = report.year, report.format
    if not year or format == "unknown" then return end
    if year >= FORMAT_2021_FROM and format ~= "2021" then
      add{ line = 1,
           message = string.format("%d 年度报告应采用 2021 年格式（国办公开办函〔2021〕30号），本报告为 %s 格式 (a %d report must use the 2021 format; this one is %s)",
                                   year, format, year, format) }
    elseif year < FORMAT_2019_FROM and format ~= "legacy" then
      add{ line = 1,
           message = string.format("%d 年度早于全国统一格式，本报告却读作 %s 格式，请核对年度 (a %d report predates the national format but reads as %s: check the year)",
                                   year, format, year, format) }
    elseif format == "legacy" and year < FORMAT_2019_FROM then
      add{ line = 1, severity = "info",
           message = string.format("%d 年度报告早于全国统一格式（2019 年起），表格不按全国格式检查 (a %d report predates the national format: its tables are not checked)",
                                   year, year) }
    elseif format == "legacy" then
      add{ line = 1,
           message = string.format("%d 年度报告应采用 2019 年格式，本报告没有全国统一表格 (a %d report must use the 2019 format; this one has no national tables)",
                                   year, year) }
    end
  end,
}
