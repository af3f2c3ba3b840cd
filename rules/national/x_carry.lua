-- X-CARRY — 上年报告的“结转下年度继续办理”等于本年报告的“上年结转”。
-- Last year's carried forward equals this year's carried over.

local names = require("names")

rule {
  id = "X-CARRY",
  severity = "error",
  title = "上年结转下年度 = 本年上年结转 / last year's carried forward = this year's carried over",
  description = [[
上一年度报告表三“四、结转下年度继续办理”的各列，应等于本年度报告表三“二、上年
结转政府信息公开申请数量”的对应列。需要上一年度的报告：gouji check --previous
上年报告或文件夹 本年报告（按机关名称和年度配对）。没有上一年度报告时不检查。

Each column of last year's 表三 四、结转下年度继续办理 must equal this
year's 二、上年结转. Needs last year's report: gouji check --previous
LAST THIS (matched by agency and year).]],

  check = function(report, add, params, previous)
    if not previous then return end
    if not names.has_table(report, "requests") or not names.has_table(previous, "requests") then
      return
    end
    local last = previous.tables.requests.carried_forward or {}
    local this = report.tables.requests.carried_over or {}
    local columns = { table.unpack(names.columns) }
    columns[#columns + 1] = "total"
    for _, column in ipairs(columns) do
      local a, b = last[column], this[column]
      if a ~= nil and b ~= nil and a ~= b then
        add{ path = "tables.requests.carried_over." .. column,
             message = string.format("%s列：上年报告结转下年度 %s 件，本年报告上年结转 %s 件 (last year carried forward %s, this year carried over %s)",
                                     names.column[column], a, b, a, b) }
      end
    end
  end,
}
