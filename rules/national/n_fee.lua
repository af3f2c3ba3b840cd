-- N-FEE — “六、其他需要报告的事项”说明信息处理费的收取情况。
-- Part 六 states the information processing fees collected (or none).

local text = require("text")

-- 说明收费情况的字样。要增加说法，在这里加一项。
-- Words that state the fee; add a phrasing here.
local fee_words = { "信息处理费", "处理费" }

rule {
  id = "N-FEE",
  severity = "warning",
  title = "第六部分说明信息处理费收取情况 / part 六 states the information processing fee",
  description = [[
2021 年起的年度报告格式要求在“六、其他需要报告的事项”中报告依据《政府信息公开
信息处理费管理办法》收取信息处理费的情况（收取了多少，或未收取）。表三“（六）2.
申请人逾期未按收费通知要求缴纳费用”不为 0 而正文称未收取费用时，给出提示：
说明发出过收费通知。参数 require_proposals 为 true 时（部分省份的要求），第六部分
还须报告人大代表建议和政协提案的办理情况。

From the 2021 format on, part 六 reports the information processing fees
collected under the fee measures (how much, or none). When 表三 （六）2
(applications dropped because a fee was not paid) is not 0 while part 六
says no fee was collected, an info notes that fee notices were sent. With
the parameter require_proposals set (some provinces ask for it), part 六
must also report on NPC deputies' suggestions and CPPCC proposals.]],

  check = function(report, add, params)
    if report.format ~= "2021" then return end
    local six
    for _, section in ipairs(report.sections) do
      if section.number == 6 then six = section end
    end
    if not six then return end      -- S-SECTIONS reports a missing part
    local body = text.normalize(six.text)
    local stated = false
    for _, word in ipairs(fee_words) do
      if body:find(word, 1, true) then stated = true end
    end
    if not stated then
      add{ path = "sections.6",
           message = "第六部分未说明信息处理费收取情况 (part 六 does not state the information processing fee)" }
      return
    end
    if params.require_proposals and not (body:find("建议", 1, true) and body:find("提案", 1, true)) then
      add{ path = "sections.6",
           message = "第六部分未报告人大代表建议和政协提案办理情况 (part 六 does not report on suggestions and proposals)" }
    end
    local none = body:find("未收取", 1, true) or body:find("无收取", 1, true)
                 or body:find("费 ?0 ?元") or body:find("没有收取", 1, true)
    local row = report.tables.requests.other_overdue_fee
    local unpaid = row and row.total
    if none and unpaid and unpaid > 0 then
      add{ path = "sections.6", severity = "info",
           message = string.format("第六部分称未收取信息处理费，表三（六）2 逾期未缴费为 %s 件：曾发出收费通知 (fee notices were sent for %s applications)",
                                   unpaid, unpaid) }
    end
  end,
}
