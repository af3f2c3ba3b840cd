-- diff_template.lua — the template of `gouji diff` (scripts/diff.lua fills
-- it in).  The template language is described at the top of
-- scripts/lib/template.lua:
--
--   {{ x }}             a value (Markdown special characters escaped)
--   {{{ x }}}           a value as it is
--   {% if x %} … {% else %} … {% end %}
--   {% for item in list %} … {% end %}
--   {# a comment #}
--   md_code(s)          s as `code`
--
-- The data (built in scripts/diff.lua; every value is already text):
--   last, this = { heading, path, agency, year, format, unreadable }
--   warnings = { "…" }              the pair's agencies or years differ
--   changed, compared, unreadable_both, not_compared   cell counts
--   groups[i] = { heading, figures = { { row, column, last, this,
--                                        change, percent, big } } }
--                                   big: changed by more than big_change %
--   parts[i] = { title, last_chars, this_chars, same, note, flagged,
--                repeated, more }   repeated: sentences of this year's part
--                                   that were in last year's (the first
--                                   few), more: how many more
--   flagged                         how many parts are flagged
--   big, big_change                 how many figures changed beyond ±big_change %
--   threshold                       "50%"
--
-- To change the wording or layout, edit the text between the [==[ and ]==]
-- below; keep the {{ }} and {% %} parts that you still want.

return [==[
# 政府信息公开工作年度报告：与上年对比

- 上年：{{ last.heading }}（{{{ md_code(last.path) }}}；{{ last.agency }}，{{ last.year }} 年，{{ last.format }} 格式，不可读的单元格 {{ last.unreadable }} 个）
- 本年：{{ this.heading }}（{{{ md_code(this.path) }}}；{{ this.agency }}，{{ this.year }} 年，{{ this.format }} 格式，不可读的单元格 {{ this.unreadable }} 个）
{% if #warnings > 0 %}

注意 (note)：
{% for w in warnings %}
- {{ w }}
{% end %}
{% end %}

## 数字变化 (changed figures)

比较了 {{ compared }} 个单元格，{{ changed }} 个有变化（数值变了，或一年可读、一年不可读）。
{% if unreadable_both > 0 %}
{{ unreadable_both }} 个单元格两年都不可读，无法比较。
{% end %}
{% if not_compared > 0 %}
上年为 {{ last.format }} 格式，本年为 {{ this.format }} 格式：{{ not_compared }} 个单元格只在其中一年的表格里，未比较。
{% end %}
“不可读”是读不出的数字，不按 0 计算 (unreadable: the figure could not be read; it is never counted as 0)；增减率为“—”：上年为 0 或不可读 (—: last year's figure is 0 or unreadable)。
{% if big > 0 %}

**{{ big }} 个数字增减超过 ±{{ big_change }}%，请核实是否录入有误 ({{ big }} figures changed by more than ±{{ big_change }}%: check them for typos)。**
{% end %}
{% for g in groups %}

### {{ g.heading }}

| 项目 | 栏目 | 上年 | 本年 | 增减 | 增减率 |
|---|---|---:|---:|---:|---:|
{% for f in g.figures %}
| {{ f.row }} | {{ f.column }} | {{ f.last }} | {{ f.this }} | {{ f.change }} | {% if f.big %}**⚠ {{ f.percent }}**{% else %}{{ f.percent }}{% end %} |
{% end %}
{% end %}
{% if #groups == 0 %}

两年的数字没有变化 (no figure changed)。
{% end %}

## 文字与上年相同的比例 (text the same as last year's)

按相邻两字计算，去掉空白和标点 (character pairs, white space and punctuation left out)。
{% if flagged > 0 %}
{{ flagged }} 个部分的文字超过 {{ threshold }} 与上年相同。
{% end %}

| 部分 | 上年字数 | 本年字数 | 相同 | 说明 |
|---|---:|---:|---:|---|
{% for p in parts %}
| {{ p.title }} | {{ p.last_chars }} | {{ p.this_chars }} | {{ p.same }} | {% if p.flagged %}**{{ p.note }}**{% else %}{{ p.note }}{% end %} |
{% end %}
{% for p in parts %}
{% if p.repeated and #p.repeated > 0 %}

### {{ p.title }}：与上年相同的句子 (sentences repeated from last year)

{% for r in p.repeated %}
- {{ r }}
{% end %}
{% if p.more > 0 %}
- ……另有 {{ p.more }} 句 ({{ p.more }} more)
{% end %}
{% end %}
{% end %}
]==]
