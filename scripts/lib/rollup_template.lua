-- rollup_template.lua — the Markdown of `gouji check --format rollup`
-- (scripts/rollup.lua fills it in; with --html the page is
-- rollup_html_template.lua).  The template language is described at the
-- top of scripts/lib/template.lua:
--
--   {{ x }}             a value (Markdown special characters escaped)
--   {% if x %} … {% else %} … {% end %}
--   {% for item in list %} … {% end %}
--   default(v, "…")     what to print when v could not be read
--   fmt_number(n)       a number as digits
--
-- The data (built in scripts/rollup.lua):
--   count, errors, warnings        numbers for the whole run
--   rows[i] = { agency, year, received, handled, forward, review, suits,
--               errors, warnings, unreadable, path }   worst first;
--             a figure is nil when it could not be read
--   request_totals[i], appeal_totals[i] = { label, cells }
--     cells[j] = { sum, missing }  sum over the reports that have the
--               figure (nil when none has it), missing: how many do not
--   request_checks[i], appeal_checks[i] = { what, left_name, right_name,
--               agree, unknown, problems }  what: "left_name = right_name";
--               agree, unknown: how many places agree, cannot be checked
--     problems[j] = { where, left, right, reports }  reports: the names of
--               the reports that break the same relation on their own
--
-- To change the wording or layout, edit the text between the [==[ and ]==]
-- below; keep the {{ }} and {% %} parts that you still want.

return [==[
# 政府信息公开工作年度报告汇总

共 {{ count }} 份报告，错误 {{ errors }} 条，警告 {{ warnings }} 条。

| 机关 | 年度 | 收到申请 | 办理总计 | 结转下年度 | 行政复议 | 行政诉讼 | 错误 | 警告 | 不可读单元格 |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
{% for r in rows %}
| {{ r.agency }} | {{ default(r.year, "不可读") }} | {{ default(fmt_number(r.received), "不可读") }} | {{ default(fmt_number(r.handled), "不可读") }} | {{ default(fmt_number(r.forward), "不可读") }} | {{ default(fmt_number(r.review), "不可读") }} | {{ default(fmt_number(r.suits), "不可读") }} | {{ r.errors }} | {{ r.warnings }} | {{ r.unreadable }} |
{% end %}

不可读：单元格缺失或有歧义，不按 0 计 (unreadable: missing or ambiguous, never counted as 0)。

## 表三合计

| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---:|---:|---:|---:|---:|---:|---:|
{% for t in request_totals %}
| {{ t.label }} |{% for c in t.cells %} {% if c.sum == nil %}不可读{% else %}{{ fmt_number(c.sum) }}{% if c.missing > 0 %}（不完整，缺 {{ c.missing }} 份）{% end %}{% end %} |{% end %}
{% end %}

合计的勾稽关系 (the totals' own checks)：

{% for c in request_checks %}
- {{ c.what }}：{{ c.agree }} 处相符{% if #c.problems > 0 %}，{{ #c.problems }} 处不符{% end %}{% if c.unknown > 0 %}，{{ c.unknown }} 处缺数无法核对{% end %}。
{% for p in c.problems %}
  - {{ p.where }}：{{ c.left_name }}为 {{ fmt_number(p.left) }}，{{ c.right_name }}为 {{ fmt_number(p.right) }}{% if p.reports ~= "" %}（本身不符的报告：{{ p.reports }}）{% end %}
{% end %}
{% end %}

## 表四合计

| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---:|---:|---:|---:|---:|
{% for t in appeal_totals %}
| {{ t.label }} |{% for c in t.cells %} {% if c.sum == nil %}不可读{% else %}{{ fmt_number(c.sum) }}{% if c.missing > 0 %}（不完整，缺 {{ c.missing }} 份）{% end %}{% end %} |{% end %}
{% end %}

合计的勾稽关系 (the totals' own checks)：

{% for c in appeal_checks %}
- {{ c.what }}：{{ c.agree }} 处相符{% if #c.problems > 0 %}，{{ #c.problems }} 处不符{% end %}{% if c.unknown > 0 %}，{{ c.unknown }} 处缺数无法核对{% end %}。
{% for p in c.problems %}
  - {{ p.where }}：{{ c.left_name }}为 {{ fmt_number(p.left) }}，{{ c.right_name }}为 {{ fmt_number(p.right) }}{% if p.reports ~= "" %}（本身不符的报告：{{ p.reports }}）{% end %}
{% end %}
{% end %}
]==]
