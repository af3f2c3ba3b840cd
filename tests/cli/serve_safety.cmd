# gouji serve's safety list over loopback (tests/serve/safety.py): 413 for
# oversize uploads, a foreign Host, a missing or wrong token and another
# site's form refused, client paths never used, a slowloris client not
# blocking a second one, 200 concurrent requests all answered, nothing
# left in the temporary folder.
. tests/cli/bounded.sh
bounded 240 4096 /usr/bin/python3 tests/serve/safety.py
