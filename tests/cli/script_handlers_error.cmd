# a streaming script's table whose __index raises: its handlers are read
sh tests/cli/hostile_script.sh handlers_error
