-- annotated_style.lua — the style sheet of the annotated report's page
-- (scripts/annotated.lua), after page_style.lua.  Classes:
--   sev-error / sev-warning / sev-info   a finding's severity: the colour
--       of a highlighted sentence or cell, of its sign and of its note
--   st-blank / st-missing / st-ambiguous / st-inferred   a cell that is
--       not plainly read; .mark is its word (空白, 缺, 有歧义, 推), .cands
--       the readings that fit
--   block        a part of the text with its notes beside it (.notes)
--   page-mark    where a page of the PDF begins
-- Colours are those of page_style.lua; every severity also has its own
-- sign, so nothing is told by colour alone, and the page prints in grey.

return [==[
.block { display: grid; grid-template-columns: minmax(0, 1fr) 19em; gap: 0 1.2em; align-items: start; }
.block > .notes:empty { display: none; }
.block > .text > p, .block > .text > h2 { margin-top: .4em; }
.notes { font-size: .9em; }
.note { border-left: 4px solid #888; background: #f6f6f6; padding: .3em .5em; margin: .4em 0; }
.note .rule { color: #555; font-size: .85em; white-space: nowrap; }
.note .fix { margin-top: .2em; font-weight: bold; }
.note a.back { text-decoration: none; font-weight: bold; color: inherit; }
.sev-word { font-weight: bold; }
.note.sev-error { border-left-color: #b00000; background: #fde8e8; }
.note.sev-warning { border-left-color: #E69F00; background: #fff4d6; }
.note.sev-info { border-left-color: #0072B2; background: #e8f1f8; }
.sign.sev-error, a.ref.sev-error, .note.sev-error .sev-word { color: #b00000; }
.sign.sev-warning, a.ref.sev-warning, .note.sev-warning .sev-word { color: #a05a00; }
.sign.sev-info, a.ref.sev-info, .note.sev-info .sev-word { color: #005a8c; }
mark { padding: 0 .1em; color: inherit; }
mark.sev-error { background: #f9c4c4; border-bottom: 2px solid #b00000; }
mark.sev-warning { background: #ffe3a3; border-bottom: 2px dashed #a05a00; }
mark.sev-info { background: #d4e6f4; border-bottom: 2px dotted #005a8c; }
a.ref { font-size: .75em; vertical-align: super; text-decoration: none; font-weight: bold; margin-left: .1em; }
:target { outline: 3px solid #0072B2; outline-offset: 2px; }
table.drawn { font-size: .9em; }
table.drawn th { font-weight: normal; }
table.drawn thead th { background: #eef3f8; font-weight: bold; }
table.drawn td.st-blank { background: #f0f0f0; color: #555; }
table.drawn td.st-missing, table.drawn td.st-ambiguous { background: #fde8e8; color: #b00000; }
table.drawn td.st-inferred { background: #eef7ee; }
table.drawn td.sev-error { outline: 3px solid #b00000; outline-offset: -3px; }
table.drawn td.sev-warning { outline: 3px dashed #E69F00; outline-offset: -3px; }
table.drawn td.sev-info { outline: 2px dotted #0072B2; outline-offset: -2px; }
.mark { font-size: .85em; font-weight: bold; }
.cands { display: block; font-size: .8em; white-space: normal; }
figure.table { margin: .5em 0 1em; }
figure.table.sev-error figcaption { color: #b00000; }
details.raw { font-size: .85em; color: #555; }
details.raw pre { white-space: pre-wrap; background: #f8f8f8; padding: .5em; }
.page-mark { text-align: center; color: #777; font-size: .85em; border-top: 1px dashed #bbb; margin: 1em 0 .5em; }
.page-mark span { background: #fff; padding: 0 .6em; position: relative; top: -.8em; }
ol.findings { padding-left: 2.2em; }
ol.findings li { margin: .2em 0; }
ol.findings .where { color: #555; font-size: .9em; }
table.reports td.bad { color: #b00000; font-weight: bold; }
.legend span { margin-right: 1.2em; }
@media (max-width: 60em) { .block { grid-template-columns: 1fr; } }
@media print {
  .block { grid-template-columns: minmax(0, 1fr) 15em; break-inside: avoid; }
  details.raw { display: none; }
  :target { outline: none; }
  section.report { break-before: page; }
  section.report:first-of-type { break-before: auto; }
}
]==]
