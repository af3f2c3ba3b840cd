-- N-ACTIVE — 正文所说本年制发规章、规范性文件件数与表二一致。
-- The narrative's count of 规章 and 规范性文件 issued matches 表二.

local text = require("text")
local narrative = require("narrative")
local names = require("names")

-- 说“制发”的动词，须在同一分句中、文件名称之前。要增加说法，在这里加一行。
-- The verbs that say "issued", in the same clause before the kind of
-- document; add a line for a new phrasing.
local verbs = { "制发", "出台", "制定", "印发", "发布", "新增" }

-- 分句中有这些字时，说的不是本年制发的件数（废止、清理、现行有效……）。
-- With one of these in the clause the count is not of documents issued.
local other_counts = { "废止", "清理", "保留", "修订", "修改", "现行", "有效", "备案",
                       "审查", "审核", "解读", "征求", "草案", "失效", "宣布" }

-- 文件种类、表二中的行 / the kinds of document and their row of 表二
local kinds = {
  { word = "规范性文件", row = "normative", name = "行政规范性文件" },
  { word = "规章", row = "regulations", name = "规章", not_before = "制度" },
}

local units = { "件", "个", "部", "份", "项", "篇" }

rule {
  id = "N-ACTIVE",
  severity = "warning",
  title = "正文制发规章、规范性文件件数与表二一致 / the narrative's count of rules issued matches 表二",
  description = [[
正文说本年制发（出台、制定、印发）规章或规范性文件多少件，应等于表二“第二十条
第（一）项”的“本年制发件数”（2019 年格式为“本年新制作数量”）。说废止、清理、
现行有效、备案审查的件数，与上年比较或累计的数，不核对。

When the narrative says how many 规章 or 规范性文件 were issued this year
(制发/出台/制定/印发 …件), it must equal 表二's 本年制发件数 (本年新制作
数量 in the 2019 format). Counts of repealed, reviewed or in-force
documents, comparisons with last year and running totals are not checked.]],

  check = function(report, add)
    if not names.has_table(report, "active") then return end
    local active = report.tables.active
    for _, part in ipairs(narrative.sections(report)) do
      for _, sentence in ipairs(part.sentences) do
        local s = sentence.text
        if (s:find("规章", 1, true) or s:find("规范性文件", 1, true))
            and not narrative.not_this_year(s, report.year) then
          for _, kind in ipairs(kinds) do
            local row = active[kind.row]
            local issued = row and (row.issued or row.made)
            for _, c in ipairs(narrative.counts(s, kind.word, units, 4)) do
              local follows = s:sub(c.at + #kind.word, c.at + #kind.word + #(kind.not_before or "") - 1)
              local clause = narrative.clause_before(s, c.at)
              local verb = narrative.has_any(clause, verbs)
              if issued ~= nil and verb and c.pos > c.at
                  and not narrative.has_any(clause, other_counts)
                  and not (kind.not_before and follows == kind.not_before)
                  and c.value ~= issued then
                add{ path = "sections." .. part.number,
                     text = narrative.span(part.section.text, sentence.pos + c.pos - 1, #c.text),
                     message = string.format("正文称本年制发%s %s 件，但表二本年制发件数为 %s 件 (the text says %s issued, 表二 says %s)",
                                             kind.name, c.value, issued, c.value, issued) }
              end
            end
          end
        end
      end
    end
  end,
}
