-- summary_html_template.lua — the page of `gouji check --format markdown
-- --html` (scripts/markdown.lua fills it in; without --html the summary
-- is Markdown, summary_template.lua).  It is HTML with the holes of the
-- template language (scripts/lib/template.lua):
--
--   {{ x }}             a value, HTML special characters escaped
--   {% if x %} … {% else %} … {% end %}, {% for item in list %} … {% end %}
--   {% include "style" %}   the style sheet, scripts/lib/page_style.lua
--   default(v, "…"), fmt_number(n)
--
-- The data is that of summary_template.lua (read its header).  A figure
-- that could not be read is a red 不可读 cell, never 0.  The page has no
-- JavaScript and loads nothing.

return [==[
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开工作年度报告检查结果</title>
<style>
{% include "style" %}
</style>
</head>
<body>
<h1>政府信息公开工作年度报告检查结果 <small>annual disclosure reports: summary</small></h1>
<p>共检查 {{ count }} 份报告：错误 {{ errors }} 条，警告 {{ warnings }} 条，提示 {{ infos }} 条。</p>
{% for r in reports %}

<section class="report">
<h2>{{ r.heading }}</h2>
<table class="facts">
<tr><th>文件</th><td><code>{{ r.path }}</code></td></tr>
{% if r.agency == nil %}<tr><th>机关</th><td class="unreadable">不可读 (unreadable)</td></tr>{% else %}<tr><th>机关</th><td>{{ r.agency }}</td></tr>{% end %}
{% if r.year == nil %}<tr><th>年度</th><td class="unreadable">不可读 (unreadable)</td></tr>{% else %}<tr><th>年度</th><td>{{ r.year }}</td></tr>{% end %}
<tr><th>表格格式</th><td>{{ r.format }}</td></tr>
{% if r.published %}
<tr><th>发布日期</th><td>{{ r.published }}</td></tr>
{% end %}
<tr><th>不可读的单元格</th><td>{{ r.unreadable }}</td></tr>
{% if r.blank > 0 %}
<tr><th>空白的单元格</th><td>{{ r.blank }}（按 0 计）</td></tr>
{% end %}
</table>

<h3>主要数字 <small>key figures</small></h3>
<div class="side-by-side">
<table>
<tr><th>表三 依申请公开</th><th class="num">件数</th></tr>
{% for f in r.requests %}
<tr><td>{{ f.label }}</td>{% if f.value == nil and f.unread == "空白" %}<td class="blank">空白</td>{% elseif f.value == nil %}<td class="unreadable">不可读 (unreadable)</td>{% else %}<td class="num">{{ fmt_number(f.value) }}</td>{% end %}</tr>
{% end %}
</table>

<table>
<tr><th>办理结果</th><th class="num">件数</th><th class="num">占总计</th></tr>
{% for f in r.outcomes %}
<tr><td>{{ f.label }}</td>{% if f.value == nil %}<td class="unreadable">不可读 (unreadable)</td>{% else %}<td class="num">{{ fmt_number(f.value) }}</td>{% end %}{% if f.share == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ f.share }}</td>{% end %}</tr>
{% end %}
</table>
</div>
<p>实质公开率（予以公开 + 部分公开）÷ 总计：{% if r.open_rate == nil %}<span class="bad">不可读 (unreadable)</span>{% else %}<strong>{{ r.open_rate }}</strong>{% end %}</p>

<table>
<tr><th>表四 行政复议、行政诉讼</th><th class="num">结果维持</th><th class="num">结果纠正</th><th class="num">其他结果</th><th class="num">尚未审结</th><th class="num">总计</th><th class="num">纠错率</th></tr>
{% for a in r.appeals %}
<tr><td>{{ a.label }}</td>
{% if a.upheld == nil and a.unread.upheld == "空白" %}<td class="blank">空白</td>{% elseif a.upheld == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(a.upheld) }}</td>{% end %}
{% if a.corrected == nil and a.unread.corrected == "空白" %}<td class="blank">空白</td>{% elseif a.corrected == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(a.corrected) }}</td>{% end %}
{% if a.other == nil and a.unread.other == "空白" %}<td class="blank">空白</td>{% elseif a.other == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(a.other) }}</td>{% end %}
{% if a.pending == nil and a.unread.pending == "空白" %}<td class="blank">空白</td>{% elseif a.pending == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(a.pending) }}</td>{% end %}
{% if a.total == nil and a.unread.total == "空白" %}<td class="blank">空白</td>{% elseif a.total == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ fmt_number(a.total) }}</td>{% end %}
{% if a.rate == nil %}<td class="unreadable">不可读</td>{% else %}<td class="num">{{ a.rate }}</td>{% end %}
</tr>
{% end %}
</table>
<p class="note">纠错率 = 结果纠正 ÷ 已审结（总计 − 尚未审结）。不可读：单元格缺失或有歧义，不按 0 计 (unreadable: missing or ambiguous, never counted as 0)；空白：单元格印成空白，按 0 计 (blank: printed blank, counted as 0)。</p>

<table>
<tr><th>表二 主动公开</th><th class="num">数量</th></tr>
{% for f in r.active %}
<tr><td>{{ f.label }}</td>{% if f.value == nil and f.unread == "空白" %}<td class="blank">空白</td>{% elseif f.value == nil %}<td class="unreadable">不可读 (unreadable)</td>{% else %}<td class="num">{{ fmt_number(f.value) }}</td>{% end %}</tr>
{% end %}
</table>

<h3>检查发现 <small>findings</small></h3>
{% for g in r.groups %}
<h4 class="{{ g.class }}">{{ g.label }}（{{ #g.findings }} 条）</h4>
<ul>
{% for f in g.findings %}
<li><code>{{ f.where }}</code> {{ f.message }}（规则 <code>{{ f.rule }}</code>）</li>
{% end %}
</ul>
{% end %}
{% if #r.groups == 0 %}
<p>未发现问题。</p>
{% end %}
{% if #r.failures > 0 %}
<h3 class="errors">规则运行失败 <small>rules that failed</small></h3>
<ul>
{% for f in r.failures %}
<li>规则 <code>{{ f.rule }}</code>：{{ f.message }}</li>
{% end %}
</ul>
{% end %}
</section>
{% end %}
{% if #others > 0 %}

<h2>其他检查发现 <small>other findings</small></h2>
<ul>
{% for f in others %}
<li><code>{{ f.where }}</code> {{ f.message }}（规则 <code>{{ f.rule }}</code>）</li>
{% end %}
</ul>
{% end %}

<footer>gouji check --format markdown --html</footer>
</body>
</html>
]==]
