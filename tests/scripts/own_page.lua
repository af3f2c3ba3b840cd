-- own_page.lua — an output script that writes a whole page of its own
-- under --html (run.html is true there): gouji must write it as it is,
-- not through cmark.  Without --html it writes one line of Markdown.
local run, emit = ...
if run.html then
  emit("\n  <!doctype HTML>\n<html><body><p>", #run.reports, " report(s); <b>raw</b> HTML kept</p></body></html>\n")
else
  emit("run.html is ", tostring(run.html), "\n")
end
