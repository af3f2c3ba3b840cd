# the same, with the cap's error caught and the script ending as if all
sh tests/cli/hostile_script.sh gigabytes_caught
