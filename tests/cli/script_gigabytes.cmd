# an output script that prints without end: stopped by the output cap
sh tests/cli/hostile_script.sh gigabytes
