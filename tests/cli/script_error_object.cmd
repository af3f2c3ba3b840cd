# an error object whose metamethods would loop if gouji called them
sh tests/cli/hostile_script.sh error_object
