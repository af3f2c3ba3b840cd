-- templates that include each other in a ring: refused, the ring named
local run, emit = ...
local template = require("template")
local parts = {
  head = "{% include \"body\" %}",
  body = "{% include \"foot\" %}",
  foot = "{% include \"head\" %}",
}
emit(template.compile(parts.head, "head", { templates = parts })({}))
