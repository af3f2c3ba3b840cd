-- an output script that takes its time (tests/cli/script_killed.cmd kills
-- gouji while it runs); run with tests/configs/slow.yaml
local run, emit = ...
local start = os.clock()
while os.clock() - start < 5 do end
emit("# done\n")
