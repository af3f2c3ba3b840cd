-- annotated_html_template.lua — the page of `gouji check --format
-- annotated --html` (scripts/annotated.lua fills it in) and of gouji
-- serve.  HTML with the holes of the template language
-- (scripts/lib/template.lua): {{ x }} is escaped, {{{ x }}} is HTML that
-- annotated.lua has made already (escaping the report's text itself).
--
--   count          reports on the page
--   reports[i]     anchor, heading, path, kind, agency, year, format,
--                  published, pages, unreadable, errors, warnings, infos,
--                  failures { rule, message },
--                  findings[k] { n, id, severity, icon, label, rule,
--                                message, fix, where },
--                  top_notes (HTML: findings with no place in the text),
--                  parts[k] { page, html, notes }: the report's text, part
--                  by part, each with the notes of its findings
-- No JavaScript: the links to the findings are plain anchors.

return [==[
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% if count == 1 %}{{ reports[1].heading }} — {% end %}检查批注</title>
<style>
{% include "style" %}
{% include "annotated_style" %}
</style>
</head>
<body>
{% if count > 1 %}
<h1>政府信息公开工作年度报告检查批注 <small>{{ count }} 份报告</small></h1>
<table class="reports">
<tr><th>报告</th><th>机关</th><th class="num">年度</th><th class="num">错误</th><th class="num">警告</th><th class="num">提示</th><th class="num">不可读单元格</th></tr>
{% for r in reports %}
<tr><td><a href="#{{ r.anchor }}">{{ r.heading }}</a></td><td>{{ default(r.agency, "不可读") }}</td><td class="num">{{ default(r.year, "不可读") }}</td>{% if r.errors > 0 %}<td class="num bad">{{ r.errors }}</td>{% else %}<td class="num">0</td>{% end %}<td class="num">{{ r.warnings }}</td><td class="num">{{ r.infos }}</td><td class="num">{{ r.unreadable }}</td></tr>
{% end %}
</table>
{% end %}
{% for r in reports %}
<section class="report" id="{{ r.anchor }}">
<h1>{{ r.heading }}</h1>
<table class="facts">
<tr><th>文件</th><td><code>{{ r.path }}</code>{% if r.pages > 1 %}（PDF，{{ r.pages }} 页）{% end %}</td></tr>
<tr><th>机关</th><td>{{ default(r.agency, "不可读 (unreadable)") }}</td></tr>
<tr><th>年度 · 格式</th><td>{{ default(r.year, "不可读") }} · {{ r.format }}</td></tr>
{% if r.published %}<tr><th>发布日期</th><td>{{ r.published }}</td></tr>{% end %}
<tr><th>不可读的单元格</th><td>{{ r.unreadable }}</td></tr>
</table>

<h2>检查发现 <small>findings: {{ r.errors }} 错误 · {{ r.warnings }} 警告 · {{ r.infos }} 提示</small></h2>
<p class="legend"><span class="sign sev-error">✖</span>错误 <span class="sign sev-warning">⚠</span>警告 <span class="sign sev-info">ℹ</span>提示 · 表中：<strong>空白</strong> 印为空白 · <strong>缺</strong> 未能读出 · <strong>有歧义</strong> 几种读法（候选）· <strong>推</strong> 由勾稽推出</p>
{% if #r.findings == 0 %}<p>未发现问题。</p>{% end %}
<ol class="findings">
{% for f in r.findings %}
<li class="sev-{{ f.severity }}"><a href="#{{ f.id }}"><span class="sign sev-{{ f.severity }}">{{ f.icon }}</span> {{ f.label }}</a> <span class="where">{{ f.where }}</span> {{ f.message }} <code>{{ f.rule }}</code>{% if f.fix %}<br>建议改为：<strong>{{ f.fix }}</strong>{% end %}</li>
{% end %}
</ol>
{% if #r.failures > 0 %}
<h3 class="errors">规则运行失败 <small>rules that failed</small></h3>
<ul>{% for f in r.failures %}<li><code>{{ f.rule }}</code>：{{ f.message }}</li>{% end %}</ul>
{% end %}
{% if r.top_notes ~= "" %}<div class="notes">{{{ r.top_notes }}}</div>{% end %}

<h2>报告原文与批注 <small>the report, annotated</small></h2>
{% for p in r.parts %}
{% if p.page %}<div class="page-mark"><span>第 {{ p.page }} 页</span></div>{% end %}
<div class="block"><div class="text">{{{ p.html }}}</div><div class="notes">{{{ p.notes }}}</div></div>
{% end %}
</section>
{% end %}
<footer>gouji check --format annotated --html</footer>
</body>
</html>
]==]
