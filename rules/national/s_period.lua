-- S-PERIOD — 写明数据统计期限，且期限的年份与报告年度一致。
-- The report states its statistical period, for the report's year.

local text = require("text")

-- 统计期限句的引导词：找到其中之一后，在其后 PERIOD_WINDOW 个字节内找
-- “X年1月1日 … X年12月31日”。要增加说法，在这里加。
-- Words that introduce the period; the dates are looked for within
-- PERIOD_WINDOW bytes after one of them.
local lead_words = { "统计期限", "统计时限", "统计时间", "统计区间", "统计周期" }
local PERIOD_WINDOW = 120

-- 数字与“年月日”之间可以有空格（PDF 转出的文字常见）
-- Spaces may stand between the digits and 年 月 日 (usual in PDFs).
local DATE = "(%d%d%d%d)%s*年%s*(%d%d?)%s*月%s*(%d%d?)%s*日"

-- 在 s 中找统计期限：返回 起止日期（各 {y, m, d}）和引导词后的原文片段，
-- 找到引导词而读不出日期时只返回片段。
-- The period in s: the first and the last date ({y, m, d} each) and the
-- words after the lead word; only the words when no date is read.
local function find_period(s)
  local body = text.normalize(s)
  for _, word in ipairs(lead_words) do
    local at = body:find(word, 1, true)
    if at then
      local window = body:sub(at, at + #word + PERIOD_WINDOW)
      local dates = {}
      for y, m, d in window:gmatch(DATE) do
        dates[#dates + 1] = { tonumber(y), tonumber(m), tonumber(d) }
        if #dates == 2 then break end
      end
      return dates[1], dates[2], word
    end
  end
  return nil
end

rule {
  id = "S-PERIOD",
  severity = "warning",
  title = "写明数据统计期限 / the report states its statistical period",
  description = [[
年度报告应写明“本报告所列数据统计期限为X年1月1日至X年12月31日”（或“统计期限
自X年1月1日起至X年12月31日止”），X 为报告年度。期限的年份与报告年度不一致，或
期限不是整年，为警告。在标题、第一部分之前的引言和各部分正文中都找不到统计期限，
也为警告。引导词见本文件开头，可按本地说法增加。

The report states its statistical period, 1 January to 31 December of the
report's year. A period for another year, or not the whole year, is a
warning, and so is a report that states no period in its title, its
introduction (the text before part 一) or its parts. The lead words are
listed at the top of this file.]],

  check = function(report, add)
    if report.format == "legacy" then return end   -- before the national format
    local first, last, word, path
    local places = { { text = report.title, path = nil } }
    if report.preamble then
      places[#places + 1] = { text = report.preamble.text, line = report.preamble.line }
    end
    for _, section in ipairs(report.sections) do
      places[#places + 1] = { text = section.text, path = "sections." .. section.number }
    end
    local line
    for _, place in ipairs(places) do
      first, last, word = find_period(place.text)
      if word then path, line = place.path, place.line; break end
    end
    local year = report.year
    if not word then
      add{ line = 1, message = "报告未写明数据统计期限 (the report states no statistical period)" }
      return
    end
    local where = path and { path = path, text = word } or { line = line or 1 }
    local function say(message)
      where.message = message
      add(where)
    end
    if not first then
      say(string.format("“%s”后未读到起止日期 (no dates after %s)", word, word))
    elseif year and (first[1] ~= year or (last and last[1] ~= year)) then
      say(string.format("统计期限为 %d 年，与报告年度 %d 年不一致 (the period is for %d, the report for %d)",
                        (first[1] ~= year) and first[1] or last[1], year,
                        (first[1] ~= year) and first[1] or last[1], year))
    elseif not last or first[2] ~= 1 or first[3] ~= 1 or last[2] ~= 12 or last[3] ~= 31 then
      local to = last and string.format("%d年%d月%d日", last[1], last[2], last[3]) or "？"
      say(string.format("统计期限为 %d年%d月%d日至%s，不是整年 (the period is not the whole year)",
                        first[1], first[2], first[3], to))
    end
  end,
}
