#!/usr/bin/env python3
# check_truth.py GOUJI REPORT... — each report's cells of 表三 and 表四
# against the truth beside it (REPORT.truth.json, written by layouts.py,
# or NAME.truth.json for NAME.md, as the hand-read corpus keeps it):
# right (the value; blank where the truth is null), flagged (missing or
# ambiguous where the truth has a number), or WRONG (anything else).
# Prints a line per report; exits 1 on any WRONG.
import json, os, subprocess, sys

gouji, reports = sys.argv[1], sys.argv[2:]
bad = 0
for path in reports:
    beside = path + '.truth.json'
    if not os.path.exists(beside):
        beside = os.path.splitext(path)[0] + '.truth.json'
    truth = json.load(open(beside, encoding='utf-8'))['tables']
    out = subprocess.run(gouji.split() + ['dump', path], capture_output=True)
    model = json.loads(out.stdout)
    right = flagged = wrong = 0
    notes = []
    for tname, rows in truth.items():
        for row, cols in rows.items():
            for col, want in cols.items():
                key = 'tables.%s.%s.%s' % (tname, row, col)
                got = model['tables'][tname].get(row, {}).get(col)
                status = model['cells'].get(key, {}).get('status')
                if want is None and got is None and status == 'blank':
                    right += 1
                elif want is not None and got == want:
                    right += 1
                elif want is not None and got is None and status in ('missing', 'ambiguous'):
                    flagged += 1
                    notes.append('  flagged %s (%s)' % (key, status))
                else:
                    wrong += 1
                    notes.append('  WRONG %s = %s (%s), truth %s' % (key, got, status, want))
    bad += wrong
    print('%s: %d right, %d flagged, %d wrong' % (path, right, flagged, wrong))
    for n in notes:
        print(n)
sys.exit(1 if bad else 0)
