# a memory bomb: the sandbox's memory cap stops it
sh tests/cli/hostile_script.sh memory
