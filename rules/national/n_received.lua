-- N-RECEIVED — 正文所说的收到申请件数与表三“本年新收”一致。
-- The narrative's count of applications received matches 表三.

local text = require("text")

-- 正文中说“收到多少件申请”的说法。要增加新的说法，在这里加一行。
-- The ways reports say how many applications came in; add a line for a
-- new phrasing.  Each is a verb that must come before 申请 in a sentence.
local verbs = { "收到", "受理", "办理", "接收", "新收", "登记" }

-- the count a sentence gives: the first number with unit 件 after 申请,
-- when one of the verbs comes before 申请
local function stated_count(sentence)
  local at = sentence:find("申请", 1, true)
  if not at then return nil end
  local before = sentence:sub(1, at - 1)
  local has_verb = false
  for _, verb in ipairs(verbs) do
    if before:find(verb, 1, true) then has_verb = true end
  end
  if not has_verb then return nil end
  for _, n in ipairs(text.numbers(sentence:sub(at))) do
    if n.unit == "件" and not n.ordinal then
      return n.value, sentence:sub(at + n.pos - 1, at + n.pos + #n.text - 2)
    end
  end
  return nil
end

rule {
  id = "N-RECEIVED",
  severity = "warning",
  title = "正文收到申请件数与表三一致 / the narrative's count of applications matches 表三",
  description = [[
“一、总体情况”或“三、收到和处理政府信息公开申请情况”中说本年收到（受理、办理）
政府信息公开申请多少件，应等于表三“一、本年新收政府信息公开申请数量”的总计；
如果正文的数字包括上年结转的申请，则应等于本年新收与上年结转之和（此时给出提示，
说明按哪一项对上）。真实报告中曾出现正文写 17 件而表三为 95 件的情况。

The count of applications the narrative gives (收到/受理/办理…申请…N件)
must equal 表三's 本年新收 total, or 本年新收 + 上年结转 when the narrative
counts both (then an info says which matched). A published report said 17
in the text and 95 in the table.]],

  check = function(report, add)
    local t = report.tables.requests
    local new = t.new and t.new.total
    local carried = t.carried_over and t.carried_over.total or 0
    for _, section in ipairs(report.sections) do
      if section.number == 1 or section.number == 3 then
        for _, sentence in ipairs(text.sentences(section.text)) do
          local count, as_written = stated_count(sentence.text)
          if count then
            local path = "sections." .. section.number
            if new == nil then
              add{ path = path, text = as_written, severity = "info",
                   message = string.format("正文称收到申请 %s 件，表三本年新收缺失，无法核对 (not checkable)", count) }
            elseif count == new then
              -- agrees
            elseif count == new + carried then
              add{ path = path, text = as_written, severity = "info",
                   message = string.format("正文称 %s 件，等于表三本年新收 %s 件加上年结转 %s 件 (matches new + carried over)",
                                           count, new, carried) }
            else
              add{ path = path, text = as_written,
                   message = string.format("正文称收到申请 %s 件，但表三本年新收为 %s 件 (the text says %s, 表三 says %s)",
                                           count, new, count, new) }
            end
            return   -- the first statement of the count is the one to check
          end
        end
      end
    end
  end,
}
