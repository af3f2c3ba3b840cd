-- a rule whose title is 1 MB: rule texts are kept in C, so they are capped
rule { id = "H-TITLE", severity = "info", title = string.rep("长", 350000),
       check = function() end }
