# templates that include each other in a ring: refused, the ring named
sh tests/cli/hostile_script.sh include_cycle
