# a loop with no end, behind pcall: the instruction budget stops it
sh tests/cli/hostile_script.sh runaway
