-- tests/unit/test_engine.c: the pack's state is rebuilt after b_bomb.lua
-- meets the memory cap; the test changes this file's text first, so that
-- the rebuild fails here
rule { id = "R-FIRST", severity = "info", title = "runs first",
       check = function(report, add) add{ line = 1, message = "first ran" } end }
