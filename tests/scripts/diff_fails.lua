error("this script fails on purpose")
