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
--   totals[i] = { id, heading, english, first, columns, rows, checks }
--             表三合计 then 表四合计: first and columns are the headings
--     rows[j] = { label, cells }
--       cells[k] = { sum, missing }  sum over the reports that have the
--               figure (nil when none has it), missing: how many do not
--     checks[j] = { what, left_name, right_name, agree, unknown, problems }
--               what: "left_name = right_name"; agree, unknown: how many
--               places agree, cannot be checked
--       problems[k] = { where, left, right, reports }  reports: the names
--               of the reports that break the same relation on their own
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
{% for tt in totals %}

## {{ tt.heading }}

| {{ tt.first }} |{% for c in tt.columns %} {{ c }} |{% end %}
|---|{% for c in tt.columns %}---:|{% end %}
{% for t in tt.rows %}
| {{ t.label }} |{% for c in t.cells %} {% if c.sum == nil %}不可读{% else %}{{ fmt_number(c.sum) }}{% if c.missing > 0 %}（不完整，缺 {{ c.missing }} 份）{% end %}{% end %} |{% end %}
{% end %}

合计的勾稽关系 (the totals' own checks)：

{% for c in tt.checks %}
- {{ c.what }}：{{ c.agree }} 处相符{% if #c.problems > 0 %}，{{ #c.problems }} 处不符{% end %}{% if c.unknown > 0 %}，{{ c.unknown }} 处缺数无法核对{% end %}。
{% for p in c.problems %}
  - {{ p.where }}：{{ c.left_name }}为 {{ fmt_number(p.left) }}，{{ c.right_name }}为 {{ fmt_number(p.right) }}{% if p.reports ~= "" %}（本身不符的报告：{{ p.reports }}）{% end %}
{% end %}
{% end %}
{% end %}
]==]
