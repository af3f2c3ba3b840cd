-- N-CATEGORIES — 正文所说各类办理结果的件数、公开率与表三一致。
-- The narrative's counts of each outcome (予以公开 N 件 …) and its 公开率
-- match 表三.

local text = require("text")
local narrative = require("narrative")
local names = require("names")

-- 办理结果的说法和表三中对应的行（多行时相加）。要增加说法，在这里加一行。
-- The outcomes as the narrative names them and 表三's rows they add up;
-- add a line for a new phrasing.
-- group: 表三's outcome group (the national format's catalogue).
local outcomes = {
  { word = "予以公开", group = "granted" },
  { word = "部分公开", group = "partial" },
  { word = "不予公开", group = "denied" },
  { word = "无法提供", group = "unable" },
  { word = "不予处理", group = "refused" },
}

local units = { "件", "个", "条", "次", "项" }

-- 句中须有这些字之一，才算在说依申请公开的办理结果
-- A sentence must have one of these to be about the answers to requests
local about_requests = { "申请", "答复", "办理", "办结" }

-- 表三中一类结果的总计 / the total of an outcome in 表三 (nil if unread)
local group_rows = {}
for _, g in ipairs(catalogue.requests.groups) do group_rows[g.key] = g.rows end

local function figure(report, outcome, params)
  return narrative.sum(report, "requests", group_rows[outcome.group], "total", params)
end

-- the decimals a percentage is written with: "52.6" → 1
local function decimals(written)
  local d = text.normalize(written):match("%d+%.(%d+)")
  return d and #d or 0
end

-- does pct (written with `places` decimals) round part / whole?
local function rounds_to(pct, part, whole, places)
  if not part or not whole or whole == 0 then return false end
  local exact = part * 100 / whole
  local half = 0.5 * 10 ^ -places + 1e-9
  return math.abs(exact - pct) <= half
end

rule {
  id = "N-CATEGORIES",
  severity = "warning",
  title = "正文办理结果件数、公开率与表三一致 / the narrative's outcomes match 表三",
  description = [[
正文说予以公开、部分公开、不予公开、无法提供、不予处理各多少件，应等于表三相应
的行（不予公开、无法提供、不予处理为各小项之和）；紧跟其后的“占 xx%”，以及
“公开率 xx%”，应能由表三算出（分母为办理结果总计、本年新收或新收加结转之一；
公开率按予以公开、或予以公开加部分公开计），按所写的小数位四舍五入。
与上年比较或累计的数不核对。

The narrative's counts of 予以公开, 部分公开, 不予公开, 无法提供 and 不予处理
must equal 表三's rows (the sum of the sub-rows for the last three); a
"占 xx%" right after one, and a "公开率 xx%", must be what 表三 gives
(over the total answered, the new requests, or new + carried over;
公开率 counting 予以公开, or 予以公开 + 部分公开), rounded to the
decimals written. Comparisons with last year and running totals are not
checked.]],

  check = function(report, add, params)
    if not names.has_table(report, "requests") then return end
    local requests = report.tables.requests
    local function total_of(row) return requests[row] and requests[row].total end
    local wholes = { total_of("total"), total_of("new") }
    if total_of("new") and total_of("carried_over") then
      wholes[#wholes + 1] = total_of("new") + total_of("carried_over")
    end
    local function any_whole(pct, part, places)
      for _, w in ipairs(wholes) do
        if rounds_to(pct, part, w, places) then return true end
      end
      return false
    end
    -- 表三 figure of each outcome, once for the report
    local wants = {}
    for i, outcome in ipairs(outcomes) do wants[i] = figure(report, outcome, params) end
    for _, part in ipairs(narrative.sections(report)) do
      local path = "sections." .. part.number
      for _, sentence in ipairs(part.sentences) do
        local s = sentence.text
        if narrative.has_any(s, about_requests) and not narrative.not_this_year(s, report.year) then
          local function where(pos, len)
            return narrative.span(part.section.text, sentence.pos + pos - 1, len)
          end
          local numbers = text.numbers(s)
          for i, outcome in ipairs(outcomes) do
            local want = wants[i]
            for _, c in ipairs(narrative.counts(s, outcome.word, units, 4)) do
              if want ~= nil and c.value ~= want then
                add{ path = path, text = where(c.pos, #c.text),
                     message = string.format("正文称%s %s 件，但表三为 %s 件 (the text says %s, 表三 says %s)",
                                             outcome.word, c.value, want, c.value, want) }
              elseif want ~= nil then
                -- a share right after it: 予以公开 50 件，占 52.6%
                for _, n in ipairs(numbers) do
                  if n.pos > c.pos and n.unit == "%" then
                    local mid = narrative.between(s, c.pos + #c.text, n.pos)
                    if (utf8.len(mid) or #mid) <= 4 and mid:find("占", 1, true)
                        and not any_whole(n.value, want, decimals(n.text)) then
                      add{ path = path, text = where(n.pos, #n.text),
                           message = string.format("正文称%s占 %s%%，按表三 %s 件算不出这一比例 (表三's %s does not give %s%%)",
                                                   outcome.word, n.value, want, want, n.value) }
                    end
                    break
                  end
                end
              end
            end
          end
          -- 公开率 xx%
          local a, b = s:find("公开率", 1, true)
          if a then
            for _, n in ipairs(numbers) do
              if n.pos > b and n.unit == "%" then
                local mid = narrative.between(s, b + 1, n.pos)
                local granted, partial = total_of("granted"), total_of("partial")
                if (utf8.len(mid) or #mid) <= 3 and granted and partial then
                  local places = decimals(n.text)
                  if not any_whole(n.value, granted, places)
                      and not any_whole(n.value, granted + partial, places) then
                    add{ path = path, text = where(n.pos, #n.text),
                         message = string.format("正文称公开率 %s%%，但表三予以公开 %s 件、部分公开 %s 件、办理结果总计 %s 件 (表三 does not give %s%%)",
                                                 n.value, granted, partial, total_of("total") or "?", n.value) }
                  end
                end
                break
              end
            end
          end
        end
      end
    end
  end,
}
