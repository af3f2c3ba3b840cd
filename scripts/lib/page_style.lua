-- page_style.lua — the style sheet of the HTML pages that gouji's output
-- scripts write (the summary and the roll-up with --html).  Their
-- templates put it in the page with {% include "style" %}, so a page needs
-- nothing from elsewhere: it works offline and prints as it looks.
--
-- Classes the templates use:
--   num          a figure, right-aligned
--   unreadable   a figure that could not be read (不可读): red on pink
--   blank        a figure printed blank (空白): brown on pale yellow
--   incomplete   a total that misses some reports' figures (不完整)
--   bad / good   a relation of the totals that fails / holds
--   errors, warnings, infos   the headings of findings by severity
--   side-by-side a box whose tables stand next to each other
-- To change the look, change the rules below (plain CSS).

return [==[
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
       color: #222; max-width: 70em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }
h1 { font-size: 1.6em; border-bottom: 2px solid #0072B2; padding-bottom: .2em; }
h2 { font-size: 1.3em; margin-top: 1.6em; }
h3 { font-size: 1.1em; }
small { color: #666; font-weight: normal; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid #aaa; padding: .25em .6em; vertical-align: top; }
th { background: #eef3f8; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.unreadable { color: #b00000; background: #fde8e8; text-align: right; white-space: nowrap; }
td.blank { color: #6b5200; background: #fff6d6; text-align: right; white-space: nowrap; }
td.incomplete { background: #fff4d6; }
tr.errors td:first-child { border-left: 4px solid #b00000; }
tr.warnings td:first-child { border-left: 4px solid #E69F00; }
.side-by-side { display: flex; flex-wrap: wrap; gap: 0 2em; align-items: flex-start; }
code { font-family: monospace; font-size: .9em; background: #f4f4f4; padding: 0 .2em; }
.bad { color: #b00000; }
.good { color: #1b7837; }
h3.errors, h4.errors { color: #b00000; }
h3.warnings, h4.warnings { color: #a05a00; }
figure { margin: 1em 0 2em; }
figcaption { font-weight: bold; margin-bottom: .3em; }
svg.chart { max-width: 100%; height: auto; }
.note { color: #555; font-size: .9em; }
footer { margin-top: 3em; color: #888; font-size: .85em; }
@media print { body { max-width: none; margin: 0; } figure, table { break-inside: avoid; } }
]==]
