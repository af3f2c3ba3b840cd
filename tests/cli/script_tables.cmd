# a cyclic table handed to emit: refused, nothing written
sh tests/cli/hostile_script.sh tables
