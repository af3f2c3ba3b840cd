-- rollup_html_template.lua — the page of `gouji check --format rollup
-- --html` (scripts/rollup.lua fills it in).  It is HTML with the holes of
-- the template language (scripts/lib/template.lua):
--
--   {{ x }}             a value, HTML special characters escaped
--   {{{ x }}}           a value as it is: only the charts, which
--                       scripts/lib/svg_chart.lua has escaped already
--   {% if x %} … {% else %} … {% end %}, {% for item in list %} … {% end %}
--   {% include "style" %}   the style sheet, scripts/lib/page_style.lua
--
-- The data is that of rollup_template.lua (read its header), and
-- charts = { received, outcomes }: the two charts, as SVG.
--
-- The page has no JavaScript and loads nothing: it can be mailed or put on
-- a USB stick.  A figure that could not be read is a red 不可读 cell; a
-- total that misses a report's figure is a yellow cell marked 不完整.

return [==[
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开工作年度报告汇总</title>
<style>
{% include "style" %}
</style>
</head>
<body>
<h1>政府信息公开工作年度报告汇总 <small>annual disclosure reports: roll-up</small></h1>
<p>共 {{ count }} 份报告，错误 {{ errors }} 条，警告 {{ warnings }} 条。
<small>{{ count }} reports, {{ errors }} errors, {{ warnings }} warnings.</small></p>

<h2>各报告 <small>reports, worst first</small></h2>
<table id="reports">
<thead>
<tr><th>机关 <small>agency</small></th><th class="num">年度</th><th class="num">收到申请</th><th class="num">办理总计</th><th class="num">结转下年度</th><th class="num">行政复议</th><th class="num">行政诉讼</th><th class="num">错误</th><th class="num">警告</th><th class="num">不可读单元格</th></tr>
</thead>
<tbody>
{% for r in rows %}
<tr{% if r.errors > 0 %} class="errors"{% elseif r.warnings > 0 %} class="warnings"{% end %}>
<td>{{ r.agency }}<br><small><code>{{ r.path }}</code></small></td>
{% if r.year == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ r.year }}</td>{% end %}
{% if r.received == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(r.received) }}</td>{% end %}
{% if r.handled == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(r.handled) }}</td>{% end %}
{% if r.forward == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(r.forward) }}</td>{% end %}
{% if r.review == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(r.review) }}</td>{% end %}
{% if r.suits == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(r.suits) }}</td>{% end %}
<td class="num">{{ r.errors }}</td>
<td class="num">{{ r.warnings }}</td>
<td class="num">{{ r.unreadable }}</td>
</tr>
{% end %}
</tbody>
</table>
<p class="note">不可读：单元格缺失或有歧义，不按 0 计。
Unreadable: the cell is missing or ambiguous in the report; it is never counted as 0.</p>

<h2>图表 <small>charts</small></h2>
<figure>
<figcaption>各部门收到申请件数（本年新收） <small>applications received by department</small></figcaption>
{{{ charts.received }}}
</figure>
<figure>
<figcaption>各部门办理结果构成（占办理结果总计） <small>outcomes by department, as shares of all handled</small></figcaption>
{{{ charts.outcomes }}}
</figure>
{% for tt in totals %}

<h2>{{ tt.heading }} <small>{{ tt.english }}</small></h2>
<table id="{{ tt.id }}">
<thead>
<tr><th>{{ tt.first }}</th>{% for c in tt.columns %}<th class="num">{{ c }}</th>{% end %}</tr>
</thead>
<tbody>
{% for t in tt.rows %}
<tr><th>{{ t.label }}</th>
{% for c in t.cells %}
{% if c.sum == nil %}<td class="unreadable">不可读</td>{% elseif c.missing > 0 %}<td class="num incomplete">{{ fmt_number(c.sum) }}<br><small>不完整，缺 {{ c.missing }} 份</small></td>{% else %}<td class="num">{{ fmt_number(c.sum) }}</td>{% end %}
{% end %}
</tr>
{% end %}
</tbody>
</table>
<h3>合计的勾稽关系 <small>the totals' own checks</small></h3>
<ul>
{% for c in tt.checks %}
<li{% if #c.problems > 0 %} class="bad"{% end %}>{{ c.what }}：{{ c.agree }} 处相符{% if #c.problems > 0 %}，{{ #c.problems }} 处不符{% end %}{% if c.unknown > 0 %}，{{ c.unknown }} 处缺数无法核对{% end %}。
{% if #c.problems > 0 %}
<ul>
{% for p in c.problems %}
<li>{{ p.where }}：{{ c.left_name }}为 {{ fmt_number(p.left) }}，{{ c.right_name }}为 {{ fmt_number(p.right) }}{% if p.reports ~= "" %}（本身不符的报告：{{ p.reports }}）{% end %}</li>
{% end %}
</ul>
{% end %}
</li>
{% end %}
</ul>
{% end %}

<footer>gouji check --format rollup --html</footer>
</body>
</html>
]==]
