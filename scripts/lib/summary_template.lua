-- summary_template.lua — the template of `gouji check --format markdown`
-- (scripts/markdown.lua fills it in).  The template language is described
-- at the top of scripts/lib/template.lua:
--
--   {{ x }}             a value (Markdown special characters escaped)
--   {{{ x }}}           a value as it is
--   {% if x %} … {% else %} … {% end %}
--   {% for item in list %} … {% end %}
--   {# a comment #}
--   default(v, "…")     what to print when v could not be read
--   fmt_number(n)       a number as digits
--   md_code(s)          s as `code`
--
-- A line holding only a {% %} or {# #} tag leaves no blank line behind;
-- blank lines are written before headings, so the output ends cleanly.
-- The data (built in scripts/markdown.lua):
--   count, errors, warnings, infos           numbers for the whole run
--   reports[i] = { heading, path, agency, year, format, published,
--                  unreadable, requests, outcomes, open_rate, appeals,
--                  active, groups, failures }
--     requests[j], active[j] = { label, value }    value nil: unreadable
--     outcomes[j] = { label, value, share }        （一）…（六）, （七）总计;
--                  share: "52.6%" of （七）总计, "—" when that is 0
--     open_rate    实质公开率 = （予以公开 + 部分公开）÷ 总计, as share
--     appeals[j] = { label, upheld, corrected, other, pending, total,
--                    rate }                       rate: 纠错率 = 纠正 ÷ (总计 − 未审结)
--     groups[j] = { label, class, findings = { { where, rule, message } } }
--     failures[j] = { rule, message }
--   others = { { where, rule, message } }    findings of no listed report
--
-- To change the wording or layout, edit the text between the [==[ and ]==]
-- below; keep the {{ }} and {% %} parts that you still want.

return [==[
# 政府信息公开工作年度报告检查结果

共检查 {{ count }} 份报告：错误 {{ errors }} 条，警告 {{ warnings }} 条，提示 {{ infos }} 条。
{% for r in reports %}

## {{ r.heading }}

- 文件：{{{ md_code(r.path) }}}
- 机关：{{ default(r.agency, "不可读 (unreadable)") }}
- 年度：{{ default(r.year, "不可读 (unreadable)") }}
- 表格格式：{{ r.format }}
{% if r.published %}
- 发布日期：{{ r.published }}
{% end %}
- 不可读的单元格：{{ r.unreadable }}
{% if r.blank > 0 %}
- 空白的单元格：{{ r.blank }}（按 0 计）
{% end %}

### 主要数字

| 表三 依申请公开 | 件数 |
|---|---:|
{% for f in r.requests %}
| {{ f.label }} | {{ default(fmt_number(f.value), f.unread) }} |
{% end %}

| 办理结果 | 件数 | 占总计 |
|---|---:|---:|
{% for f in r.outcomes %}
| {{ f.label }} | {{ default(fmt_number(f.value), "不可读 (unreadable)") }} | {{ default(f.share, "不可读 (unreadable)") }} |
{% end %}

实质公开率（予以公开 + 部分公开）÷ 总计：{{ default(r.open_rate, "不可读 (unreadable)") }}

| 表四 行政复议、行政诉讼 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 纠错率 |
|---|---:|---:|---:|---:|---:|---:|
{% for a in r.appeals %}
| {{ a.label }} | {{ default(fmt_number(a.upheld), a.unread.upheld) }} | {{ default(fmt_number(a.corrected), a.unread.corrected) }} | {{ default(fmt_number(a.other), a.unread.other) }} | {{ default(fmt_number(a.pending), a.unread.pending) }} | {{ default(fmt_number(a.total), a.unread.total) }} | {{ default(a.rate, "不可读") }} |
{% end %}

纠错率 = 结果纠正 ÷ 已审结（总计 − 尚未审结）；不可读 = 单元格缺失或有歧义 (unreadable)，不按 0 计；空白 = 单元格印成空白，按 0 计。

| 表二 主动公开 | 数量 |
|---|---:|
{% for f in r.active %}
| {{ f.label }} | {{ default(fmt_number(f.value), f.unread) }} |
{% end %}

### 检查发现
{# groups holds only the severities that have findings #}
{% for g in r.groups %}

#### {{ g.label }}（{{ #g.findings }} 条）

{% for f in g.findings %}
- {{{ md_code(f.where) }}} {{ f.message }}（规则 {{{ md_code(f.rule) }}}）
{% end %}
{% end %}
{% if #r.groups == 0 %}

未发现问题。
{% end %}
{% if #r.failures > 0 %}

### 规则运行失败

{% for f in r.failures %}
- 规则 {{{ md_code(f.rule) }}}：{{ f.message }}
{% end %}
{% end %}
{% end %}
{% if #others > 0 %}

## 其他检查发现

{% for f in others %}
- {{{ md_code(f.where) }}} {{ f.message }}（规则 {{{ md_code(f.rule) }}}）
{% end %}
{% end %}
]==]
