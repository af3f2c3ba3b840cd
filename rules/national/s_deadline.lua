-- S-DEADLINE — 年度报告在规定期限内发布（部门 1 月 31 日前，政府 3 月 31 日前）。
-- The report was published by its deadline.

-- 名称以这些字结尾的机关是“人民政府”（含管委会），按 deadline_government
-- 的期限；其余按部门，用 deadline_department。要增加，在这里加。
-- An agency whose name ends with one of these is a government (the
-- deadline_government date); any other is a department.
local government_suffixes = { "人民政府", "管委会", "管理委员会" }

-- 政府的报告常由其办公室（办公厅）发布：发布机构以这些字结尾、而报告标题
-- 里没有这几个字时，去掉后再判断（“某管委会办公室”发布“某实验区年度报告”）。
-- A government's report is often published by its office: when the agency
-- ends with one of these and the title does not name the office, the
-- ending is dropped before deciding.
local office_suffixes = { "办公室", "办公厅" }

-- 2018 年度及以前的报告，按修订前的《条例》（2008）第三十一条，一律 3 月 31 日前
-- Reports for 2018 and before: the 2008 regulations, 31 March for all.
local OLD_RULES_UNTIL = 2018
local OLD_DEADLINE = "03-31"

local function ends_with(s, suffix)
  return #s >= #suffix and s:sub(-#suffix) == suffix
end

local function is_government(report)
  local agency = (report.agency or ""):gsub("%s", "")
  local title = (report.title or ""):gsub("%s", "")
  for _, office in ipairs(office_suffixes) do
    if ends_with(agency, office) and not title:find(office, 1, true) then
      agency = agency:sub(1, #agency - #office)
    end
  end
  if agency == "" then return nil end
  for _, suffix in ipairs(government_suffixes) do
    if ends_with(agency, suffix) then return true end
  end
  return false
end

rule {
  id = "S-DEADLINE",
  severity = "warning",
  title = "按期发布年度报告 / the report was published by its deadline",
  description = [[
《政府信息公开条例》第四十九条、第五十条：政府部门应在每年 1 月 31 日前公布上一
年度的报告，县级以上地方人民政府在 3 月 31 日前公布。期限由参数
deadline_department（默认 "01-31"）和 deadline_government（默认 "03-31"）给出。
发布机构名称以“人民政府”“管委会”“管理委员会”结尾的按政府，其余按部门（列表
见本文件开头；政府办公室代政府发布、标题中不含“办公室”的按政府）。2018 年度
及以前的报告按修订前的《条例》，一律 3 月 31 日。发布日期不详的不检查。

Departments publish the previous year's report by 31 January, governments
by 31 March (parameters deadline_department and deadline_government). An
agency whose name ends with 人民政府, 管委会 or 管理委员会 is a government
(the list is at the top of this file; a government's office publishing a
report whose title does not name the office counts as the government);
any other is a department. Reports for 2018 and before follow the 2008
regulations: 31 March for all. Reports with no known publication date are
not checked.]],

  check = function(report, add, params)
    local published, year = report.published, report.year
    if not published or not year then return end
    if not published:match("^%d%d%d%d%-%d%d%-%d%d$") then return end
    local government = is_government(report)
    if government == nil then return end
    local day, who
    if year <= OLD_RULES_UNTIL then
      day, who = OLD_DEADLINE, "2018 年度及以前"
    elseif government then
      day, who = params.deadline_government or "03-31", "人民政府"
    else
      day, who = params.deadline_department or "01-31", "政府部门"
    end
    local deadline = string.format("%04d-%s", year + 1, day)
    if published > deadline then
      add{ line = 1,
           message = string.format("%s的 %d 年度报告应于 %s 前发布，实际发布于 %s (due by %s, published %s)",
                                   who, year, deadline, published, deadline, published) }
    end
  end,
}
