# a template that includes itself: refused with the template's name
sh tests/cli/hostile_script.sh self_include
