-- N-BREAKDOWN — 正文中“共 N 条，其中 a 条、b 条……”的各项之和与总数相符。
-- "共 N 条，其中 a 条、b 条…": the parts add up to the whole.

local text = require("text")
local narrative = require("narrative")

-- 引出分项的词。要增加说法，在这里加一项。
-- The words that begin a list of parts; add a phrasing here.
local part_words = { "其中" }

-- 分项里出现这些字时，各项可能有包含关系或不是本年的数，不核对。
-- When the list has one of these, its numbers may overlap or compare
-- with another year: it is not checked.
local unsure_words = { "含", "包括", "分别", "同比", "增长", "增加", "减少", "下降", "较", "累计", "另有" }

-- 表示“其余全部”的分项：有了它，各项之和应正好等于总数。
-- A part that is "all the rest": with it the list is complete, so the
-- parts must add up to the whole exactly.
local rest_words = { "其他", "其它", "其余" }

-- 总数与“其中”之间只能有标点 / only punctuation between the whole and 其中
local function only_punctuation(s)
  s = text.normalize(s):gsub("%s", "")
  s = s:gsub("[,:;%(%[]", ""):gsub("、", ""):gsub("。", "")
  return s == ""
end

-- s 中最后一个逗号（，,、：）之后的文字 / the text of s after its last comma
local function after_last_comma(s)
  return narrative.after_last(s, { "，", ",", "、", "：", ":" })
end

-- 括号层数的变化 / how much the brackets in s open (+) or close (-)
local function depth_change(s)
  s = text.normalize(s)
  local _, open = s:gsub("[%(%[]", "")
  local _, close = s:gsub("[%)%]]", "")
  return open - close
end

-- the last checkable number of a sentence that ends at byte stop (the
-- text after it must be punctuation only)
local function whole_before(sentence, stop)
  local last
  for _, n in ipairs(text.numbers(sentence:sub(1, stop - 1))) do
    if n.unit and n.unit ~= "%" then last = n end
  end
  if last and narrative.plain(last) and only_punctuation(sentence:sub(last.pos + #last.text, stop - 1)) then
    return last
  end
  return nil
end

rule {
  id = "N-BREAKDOWN",
  severity = "warning",
  title = "正文分项之和与总数相符 / the parts of a total add up",
  description = [[
正文中常写“共发布信息 24 条，其中政策解读 1 条，部门动态 11 条……”。“其中”之后
到句末、单位相同的各项数字（括号内的细分不计）之和不应超过总数；分项中有“其他”
“其余”时，各项已经列全，其和应等于总数。分项中有“含”“包括”“分别”或与上年
比较的字样时不核对。

Narratives say "共发布信息24条，其中政策解读1条，部门动态11条…". The
numbers with the same unit after 其中 up to the end of the sentence
(breakdowns in brackets left out) must not add up to more than the
whole; when one part is 其他/其余 (all the rest) the list is complete
and they must add up to it exactly. Lists with 含, 包括, 分别 or a
comparison with last year are not checked.]],

  check = function(report, add)
    for _, part in ipairs(narrative.sections(report)) do
      local sentences = part.sentences
      for i, sentence in ipairs(sentences) do
        local s = sentence.text
        for _, word in ipairs(part_words) do
          local q = s:find(word, 1, true)
          if q then
            -- the whole: just before 其中 in this sentence, or ending the
            -- sentence before when 其中 begins this one
            local whole, whole_sentence
            if only_punctuation(s:sub(1, q - 1)) then
              if i > 1 then
                local prev = sentences[i - 1].text
                whole, whole_sentence = whole_before(prev, #prev + 1), sentences[i - 1]
              end
            else
              whole, whole_sentence = whole_before(s, q), sentence
            end
            -- the parts: to the end of the sentence or the next 其中, at
            -- the bracket depth of 其中
            local from = q + #word
            local to = s:find(word, from, true) or (#s + 1)
            local region = s:sub(from, to - 1)
            if whole and not narrative.has_any(region, unsure_words) then
              local sum, count, rest, sums = 0, 0, false, {}
              local ok = true
              for _, n in ipairs(text.numbers(region)) do
                local d = depth_change(region:sub(1, n.pos - 1))
                if d < 0 then break end           -- the bracket 其中 was in closed
                if d == 0 and n.unit == whole.unit then
                  if n.approx or n.ordinal then ok = false break end
                  sum, count = sum + n.value, count + 1
                  sums[#sums + 1] = sum
                  -- is this part "the rest"? look at its label (since the
                  -- last comma)
                  local label = after_last_comma(region:sub(1, n.pos - 1))
                  if narrative.has_any(label, rest_words) then rest = true end
                end
              end
              if ok and count >= 2 then
                local path = "sections." .. part.number
                local at = whole_sentence.pos + whole.pos - 1
                local where = narrative.span(part.section.text, at, #whole.text)
                local exact_prefix = false
                for _, v in ipairs(sums) do
                  if v == whole.value then exact_prefix = true end
                end
                if sum > whole.value and not exact_prefix then
                  add{ path = path, text = where,
                       message = string.format("总数为 %s%s，“其中”所列 %d 项之和为 %s%s，超过总数 (the parts add up to %s, more than the whole %s)",
                                               whole.value, whole.unit, count, sum, whole.unit, sum, whole.value) }
                elseif sum < whole.value and rest then
                  add{ path = path, text = where,
                       message = string.format("总数为 %s%s，“其中”所列 %d 项（含“其他”）之和为 %s%s，与总数不符 (the parts, 其他 included, add up to %s, not the whole %s)",
                                               whole.value, whole.unit, count, sum, whole.unit, sum, whole.value) }
                end
              end
            end
          end
        end
      end
    end
  end,
}
