-- a template that includes itself: refused with the template's name
local run, emit = ...
local template = require("template")
local page = "# 报告\n{% include \"page\" %}\n"
local render = template.compile(page, "page", { templates = { page = page } })
emit(render({}))
