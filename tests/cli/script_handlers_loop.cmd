# a streaming script's table whose __index loops: stopped by the budget
sh tests/cli/hostile_script.sh handlers_loop
