-- template_test.lua — unit tests of scripts/lib/template.lua, run as an
-- output script:
--   gouji check --format tests/scripts/template_test.lua REPORT
-- Prints one line per failed test and a closing
-- "template: N passed, M failed" line.  The run's findings are ignored;
-- run.reports[1] is used only as a read-only table to loop over.

local run, emit = ...
local template = require("template")

local passed, failed = 0, 0

local function show(v)
  if type(v) == "string" then
    return '"' .. v:gsub("\n", "\\n") .. '"'
  end
  return tostring(v)
end

local function check(name, got, want)
  if got == want then
    passed = passed + 1
  else
    failed = failed + 1
    emit("FAIL ", name, "\n  got:  ", show(got), "\n  want: ", show(want), "\n")
  end
end

local count = 0
-- render source with data; each test compiles under its own name
local function render(source, data, options)
  count = count + 1
  return template.compile(source, "t" .. count, options)(data)
end

-- the message of the error fn raises, or "(no error)"
local function error_of(fn, ...)
  local ok, e = pcall(fn, ...)
  if ok then return "(no error)" end
  return e
end

local md = { escape = template.escape_markdown }
local html = { escape = template.escape_html }

-- ---- text and values ----
check("plain text", render("政府信息公开 plain\ntext\n"), "政府信息公开 plain\ntext\n")
check("empty template", render(""), "")
check("value", render("a{{ x }}b", { x = "X" }), "aXb")
check("nil is empty", render("[{{ x }}]", {}), "[]")
check("nil data", render("[{{ x }}]"), "[]")
check("integer", render("{{ n }}", { n = 3119 }), "3119")
check("integral float", render("{{ n }}", { n = 3.0 }), "3")
check("float", render("{{ n }}", { n = 2.5 }), "2.5")
check("zero is not nil", render("{{ n }}", { n = 0 }), "0")
check("boolean", render("{{ a }} {{ b }}", { a = true, b = false }), "true false")
check("expression", render("{{ a + b * 2 }}", { a = 1, b = 3 }), "7")
check("field", render("{{ r.tables.requests }}", { r = { tables = { requests = 5 } } }), "5")
check("string method", render("{{ s:upper() }}", { s = "abc" }), "ABC")
check("string literal with braces", render('{{ "{{" }} x }}'), "{{ x }}")
check("multi-line expression", render("{{ a\n + b }}", { a = 1, b = 2 }), "3")

-- ---- escaping ----
check("markdown specials", template.escape_markdown("\\ ` * _ [ ] < > | #"),
      "\\\\ \\` \\* \\_ \\[ \\] \\< \\> \\| \\#")
check("markdown in template", render("{{ s }}", { s = "a*b_c" }, md), "a\\*b\\_c")
check("markdown list start", template.escape_markdown("- item"), "\\- item")
check("markdown plus start", template.escape_markdown("+ item"), "\\+ item")
check("markdown ordered start", template.escape_markdown("12. item"), "12\\. item")
check("markdown paren start", template.escape_markdown("1) item"), "1\\) item")
check("markdown rule", template.escape_markdown("---"), "\\---")
check("markdown setext", template.escape_markdown("title\n==="), "title ===")
check("markdown fence", template.escape_markdown("~~~"), "\\~~~")
check("markdown indented", template.escape_markdown("  - y"), "  \\- y")
check("markdown one line", template.escape_markdown("某局\n\n<img src=x onerror=alert(1)>\r\27[31m"),
      "某局  \\<img src=x onerror=alert(1)\\>  \\[31m")
check("markdown heading", template.escape_markdown("# 标题"), "\\# 标题")
check("markdown quote", template.escape_markdown("> q"), "\\> q")
check("markdown negative number", template.escape_markdown("-5"), "-5")
check("markdown decimal", template.escape_markdown("1.5"), "1.5")
check("markdown date", template.escape_markdown("2024-01-22"), "2024-01-22")
check("markdown mid-line", template.escape_markdown("a - b. 1. c"), "a - b. 1. c")
check("markdown chinese", template.escape_markdown("（六）其他处理"), "（六）其他处理")
check("html", template.escape_html([[<a href="x">&'</a>]]),
      "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
check("html in template", render("<p>{{ s }}</p>", { s = "a<b" }, html), "<p>a&lt;b</p>")
check("html number", render("{{ n }}", { n = 5 }, html), "5")
check("raw", render("{{{ s }}}", { s = "<b>*x*</b>" }, html), "<b>*x*</b>")
check("raw nil", render("[{{{ s }}}]", {}, html), "[]")
check("no escape by default", render("{{ s }}", { s = "*x*" }), "*x*")
check("custom escape", render("{{ s }}!", { s = "ab" }, { escape = string.upper }), "AB!")
check("template text is not escaped", render("*{{ s }}*", { s = "*" }, md), "*\\**")

-- ---- if ----
local IF = "{% if n > 10 %}big{% elseif n > 5 %}mid{% else %}small{% end %}"
check("if", render(IF, { n = 11 }), "big")
check("elseif", render(IF, { n = 6 }), "mid")
check("else", render(IF, { n = 1 }), "small")
check("if nil", render("{% if x %}yes{% end %}", {}), "")
check("if zero is true", render("{% if x %}yes{% end %}", { x = 0 }), "yes")
check("nested if", render("{% if a %}{% if b %}ab{% else %}a{% end %}{% end %}",
                          { a = true, b = false }), "a")

-- ---- for ----
check("for array", render("{% for x in xs %}{{ x }},{% end %}", { xs = { "a", "b", "c" } }), "a,b,c,")
check("for stops at a hole", render("{% for x in xs %}{{ x }}{% end %}", { xs = { 1, 2, nil, 4 } }), "12")
check("for nil", render("[{% for x in xs %}{{ x }}{% end %}]", {}), "[]")
check("for sorted pairs",
      render("{% for k, v in t %}{{ k }}={{ v }};{% end %}", { t = { b = 2, c = 3, a = 1 } }),
      "a=1;b=2;c=3;")
check("for pairs numbers first",
      render("{% for k, v in t %}{{ k }};{% end %}", { t = { x = 1, [10] = 1, [2] = 1 } }),
      "2;10;x;")
check("for index", render("{% for i, x in xs %}{{ i }}{{ x }} {% end %}", { xs = { "a", "b" } }),
      "1a 2b ")
check("nested for",
      render("{% for r in rows %}{% for c in r %}{{ c }}{% end %};{% end %}",
             { rows = { { 1, 2 }, { 3 } } }), "12;3;")
check("loop variable shadows data",
      render("{% for x in xs %}{{ x }}{% end %}{{ x }}", { xs = { 1 }, x = "d" }), "1d")
local review = run.reports[1].tables.appeals.review
check("for over a read-only view",
      render("{% for k, v in t %}{{ k }}={{ v }} {% end %}", { t = review }),
      "corrected=0 other=0 pending=0 total=1 upheld=1 ")
check("ipairs over a read-only view",
      render("{% for r in rs %}{{ r.year }}{% end %} {{ #rs }}", { rs = run.reports }), "2023 1")

-- ---- comments and whitespace ----
check("comment", render("a{# not shown #}b"), "ab")
check("multi-line comment", render("a{# one\ntwo #}b"), "ab")
check("standalone tags take their lines",
      render("list:\n{% for x in xs %}\n- {{ x }}\n{% end %}\nend\n", { xs = { 1, 2 } }),
      "list:\n- 1\n- 2\nend\n")
check("indented standalone tags",
      render("a\n  {% if t %}\n  b\n  {% end %}\nc\n", { t = true }), "a\n  b\nc\n")
check("standalone comment", render("a\n{# note #}\nb\n"), "a\nb\n")
check("standalone at start and end", render("{% if t %}\nx\n{% end %}", { t = true }), "x\n")
check("tag inside a line keeps the line",
      render("a {% if t %}b{% end %}\nc", { t = true }), "a b\nc")
check("two tags on a line are not standalone",
      render("a\n{% if t %}{% end %}\nb", { t = true }), "a\n\nb")
check("trim left", render("a  \n  {%- if t %}b{% end %}", { t = true }), "ab")
check("trim right", render("{% if t -%}  \n  b{% end %}", { t = true }), "b")
check("trim expression", render("a\n {{- x -}} \nb", { x = "X" }), "aXb")
check("trim comment", render("a {#- c -#} b"), "ab")

-- ---- helpers ----
check("fmt_number integer", render("{{ fmt_number(n) }}", { n = 3119 }), "3119")
check("fmt_number float", render("{{ fmt_number(n) }}", { n = 12.5 }), "12.5")
check("fmt_number integral float", render("{{ fmt_number(n) }}", { n = 7.0 }), "7")
check("fmt_number decimals", render("{{ fmt_number(n, 1) }}", { n = 2 / 3 }), "0.7")
check("fmt_number nil", render("[{{ fmt_number(n) }}]", {}), "[]")
check("percent", render("{{ percent(1, 8) }}", {}), "12.5%")
check("percent whole", render("{{ percent(1, 2) }}", {}), "50%")
check("percent rounds", render("{{ percent(2, 3) }}", {}), "66.7%")
check("percent of zero", render("{{ percent(1, 0) }}", {}), "—")
check("percent nil a", render("{{ percent(a, 5) }}", {}), "—")
check("percent nil b", render("{{ percent(5, b) }}", {}), "—")
check("default nil", render("{{ default(n, '不可读') }}", {}), "不可读")
check("default zero", render("{{ default(n, '不可读') }}", { n = 0 }), "0")
check("default of fmt_number",
      render("{{ default(fmt_number(n), '不可读 (unreadable)') }}", {}), "不可读 (unreadable)")
check("md_code", render("{{{ md_code(p) }}}", { p = "a_b.pdf:3" }), "`a_b.pdf:3`")
check("md_code backticks", render("{{{ md_code(p) }}}", { p = "a`b" }), "``a`b``")
check("md_code edge backtick", render("{{{ md_code(p) }}}", { p = "`x" }), "`` `x ``")
check("md_code one line", render("{{{ md_code(p) }}}", { p = "a`\n\n<img onerror=x>.md" }),
      "``a`  <img onerror=x>.md``")
check("helpers before data", render("{{ percent(1, 4) }}", { percent = 5 }), "25%")

-- ---- no globals ----
check("no script globals",
      render("[{{ io }}{{ os }}{{ _G }}{{ print }}{{ load }}{{ require }}{{ setmetatable }}"
             .. "{{ pairs }}{{ emit }}{{ run }}{{ template }}{{ debug }}{{ package }}]", {}), "[]")
check("no setting variables",
      error_of(render, "x\n{{ (function() y = 1 end)() }}", {}),
      "template 't" .. count .. "':2: templates cannot set variables ('y')")

-- ---- include ----
local parts = {
  header = "# {{ title }}\n",
  item = "- {{ name }}\n",
  esc = "{{ s }}",
}
check("include", render("{% include \"header\" %}body", { title = "T" }, { templates = parts }),
      "# T\nbody")
check("include standalone",
      render("a\n{% include 'header' %}\nb\n", { title = "T" }, { templates = parts }),
      "a\n# T\nb\n")
check("include with",
      render("{% for x in xs %}{% include 'item' with x %}{% end %}",
             { xs = { { name = "a" }, { name = "b" } } }, { templates = parts }),
      "- a\n- b\n")
check("include uses the escaper",
      render("{% include 'esc' %}", { s = "<*>" }, { escape = template.escape_html, templates = parts }),
      "&lt;*&gt;")
local chain = {}
for i = 1, 9 do chain["i" .. i] = "{% include 'i" .. (i + 1) .. "' %}" end
chain.i9 = "deep"
check("include depth 8", render("{% include 'i2' %}", {}, { templates = chain }), "deep")
chain.i9 = "{% include 'i10' %}"
chain.i10 = "too deep"
check("include depth 9",
      error_of(template.compile, "{% include 'i2' %}", "i1", { templates = chain }),
      "template 'i9':1: includes nested more than 8 deep "
      .. "(i1 -> i2 -> i3 -> i4 -> i5 -> i6 -> i7 -> i8 -> i9 -> i10)")
check("include itself",
      error_of(template.compile, "x\n{% include 'a' %}", "a", { templates = {} }),
      "template 'a':2: template 'a' includes itself")
check("include cycle",
      error_of(template.compile, "{% include 'b' %}", "a",
               { templates = { b = "\n{% include 'c' %}", c = "{% include 'a' %}", a = "" } }),
      "template 'c':1: template 'a' includes itself (a -> b -> c -> a)")
check("include unknown",
      error_of(template.compile, "{% include 'nope' %}", "a2", { templates = parts }),
      "template 'a2':1: no template 'nope' to include")
check("include unquoted",
      error_of(template.compile, "{% include nope %}", "a3"),
      "template 'a3':1: {% include %} needs a quoted template name")

-- ---- compile errors ----
local function compile_error(source)
  return error_of(template.compile, source, "summary.md", md)
end
check("unclosed if", compile_error("a\nb\n{% if x %}\nc\n"),
      "template 'summary.md':3: unclosed {% if %}")
check("unclosed for", compile_error("{% for x in xs %}\n{% if x %}{% end %}"),
      "template 'summary.md':1: unclosed {% for %}")
check("innermost unclosed", compile_error("{% if a %}\n{% for x in xs %}\n"),
      "template 'summary.md':2: unclosed {% for %}")
check("end without block", compile_error("a\n{% end %}"),
      "template 'summary.md':2: {% end %} with nothing to close")
check("else outside if", compile_error("{% for x in y %}{% else %}{% end %}"),
      "template 'summary.md':1: {% else %} outside {% if %}")
check("elseif after else", compile_error("{% if a %}{% else %}\n{% elseif b %}{% end %}"),
      "template 'summary.md':2: {% elseif %} after {% else %}")
check("unknown tag", compile_error("\n\n{% endif %}"),
      "template 'summary.md':3: unknown tag {% endif %}")
check("empty tag", compile_error("{%  %}"), "template 'summary.md':1: empty {% %} tag")
check("unclosed expression", compile_error("a\n{{ x "), "template 'summary.md':2: unclosed {{")
check("unclosed tag", compile_error("{% if x"), "template 'summary.md':1: unclosed {%")
check("unclosed comment", compile_error("\n{# x"), "template 'summary.md':2: unclosed {#")
check("bad expression", compile_error("ok\n{{ a b }}"),
      "template 'summary.md':2: bad expression 'a b': ')' expected near 'b'")
check("bad expression in if", compile_error("{% if a == %}{% end %}"),
      "template 'summary.md':1: bad expression 'a ==': unexpected symbol near ')'")
check("empty expression", compile_error("{{ }}"), "template 'summary.md':1: {{ }} needs an expression")
check("no statements", compile_error("{{ 1) x = (2 }}"),
      "template 'summary.md':1: bad expression '1) x = (2': <eof> expected near 'x'")
check("bad for", compile_error("{% for in xs %}{% end %}"),
      "template 'summary.md':1: {% for %} is {% for x in list %} or {% for k, v in table %}")
check("for keyword", compile_error("{% for end in xs %}{% end %}"),
      "template 'summary.md':1: {% for %} is {% for x in list %} or {% for k, v in table %}")
check("compile needs a string", error_of(template.compile, nil, "x"),
      "template.compile: the source must be a string")
check("escape must be a function", error_of(template.compile, "", "x", { escape = "md" }),
      "template.compile: escape must be a function")

-- ---- runtime errors ----
check("runtime error line",
      error_of(template.compile("line 1\n{# two\nthree #}\n{% if t %}\n{{ a.b.c }}\n{% end %}", "rt", md),
               { t = true, a = {} }),
      "template 'rt':5: attempt to index a nil value (field 'b')")
check("runtime error global name",
      error_of(template.compile("\n\n{{ r.x }}", "rt2"), {}),
      "template 'rt2':3: attempt to index a nil value (global 'r')")
check("runtime error in a loop expression",
      error_of(template.compile("{% for x in n %}{% end %}", "rt3"), { n = 5 }),
      "template 'rt3':1: cannot loop over a number value")
check("inserting a table",
      error_of(template.compile("a\n{{ t }}", "rt4"), { t = {} }),
      "template 'rt4':2: cannot insert a table value")
check("error in an include names the include",
      error_of(template.compile("{% include 'bad' %}", "rt5",
                                { templates = { bad = "ok\n{{ 1 + nil }}" } }), {}),
      "template 'bad':2: attempt to perform arithmetic on a nil value")
check("error raised by a template function",
      error_of(template.compile("{{ f() }}", "rt6"), { f = function() error("boom", 0) end }),
      "template 'rt6': boom")
check("data must be a table", error_of(template.compile("x", "rt7"), "str"),
      "template 'rt7': the data must be a table, not a string value")

-- ---- cache ----
local a1 = template.compile("{{ x }}", "cached")
local a2 = template.compile("{{ x }}", "cached")
check("cache by name", rawequal(a1, a2), true)
local a3 = template.compile("<{{ x }}>", "cached")
check("new source, new function", rawequal(a1, a3), false)
check("new source renders", a3({ x = 1 }), "<1>")
check("old function still works", a1({ x = 1 }), "1")
check("other escaper, new function",
      rawequal(a3, template.compile("<{{ x }}>", "cached", md)), false)

local parts2 = { part = "A" }
local p1 = template.compile("{% include 'part' %}", "withpart", { templates = parts2 })
parts2.part = "B"
local p2 = template.compile("{% include 'part' %}", "withpart", { templates = parts2 })
check("changed include, new function", rawequal(p1, p2), false)
check("changed include renders", p2({}), "B")
check("compiled include kept", p1({}), "A")

-- ---- the summary template compiles ----
check("summary template", type(template.compile(require("summary_template"), "summary.md", md)),
      "function")

emit(string.format("template: %d passed, %d failed\n", passed, failed))
