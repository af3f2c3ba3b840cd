#!/usr/bin/env python3
"""validate_sarif.py SCHEMA [FILE...] — check SARIF documents (FILEs, or
stdin) against the SARIF 2.1.0 JSON schema, plus the cross-references the
schema cannot express (ruleIndex and associatedRule.index point at the rule
with that id).  Prints "valid (N results, N notifications)" for each
document, or one line per error; exits 1 on errors.

Needs python3 and jsonschema (Debian: python3-jsonschema)."""

import json
import sys

import jsonschema


def cross_references(doc):
    for r, run in enumerate(doc.get("runs", [])):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        ids = [rule.get("id") for rule in rules]

        def check(where, rule_id, index):
            if index is None:
                return
            if not 0 <= index < len(ids):
                yield f"{where}: rule index {index} out of range ({len(ids)} rules)"
            elif rule_id is not None and ids[index] != rule_id:
                yield f"{where}: rule index {index} is {ids[index]}, not {rule_id}"

        for i, res in enumerate(run.get("results", [])):
            yield from check(f"runs/{r}/results/{i}", res.get("ruleId"), res.get("ruleIndex"))
        for v, inv in enumerate(run.get("invocations", [])):
            for n, note in enumerate(inv.get("toolExecutionNotifications", [])):
                ref = note.get("associatedRule", {})
                yield from check(f"runs/{r}/invocations/{v}/toolExecutionNotifications/{n}",
                                 ref.get("id"), ref.get("index"))


def counts(doc):
    runs = doc.get("runs", [])
    results = sum(len(run.get("results", [])) for run in runs)
    notes = sum(len(inv.get("toolExecutionNotifications", []))
                for run in runs for inv in run.get("invocations", []))
    return f"{results} results, {notes} notifications"


def errors(validator, data, name, summaries):
    try:
        doc = json.loads(data.decode("utf-8"))
    except ValueError as e:   # UnicodeDecodeError is one
        yield f"{name}: not JSON: {e}"
        return
    schema_errors = []
    for e in validator.iter_errors(doc):
        where = "/".join(str(p) for p in e.absolute_path) or "(document)"
        schema_errors.append(f"{name}: {where}: {e.message}")
    if schema_errors:   # the shapes below are only known for a valid document
        yield from sorted(schema_errors)
        return
    summaries.append(counts(doc))
    for message in cross_references(doc):
        yield f"{name}: {message}"


def main(argv):
    if len(argv) < 2:
        print("usage: validate_sarif.py SCHEMA [FILE...]", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER
                    if hasattr(cls, "FORMAT_CHECKER") else jsonschema.FormatChecker())
    found, summaries = [], []
    if len(argv) == 2:
        found += errors(validator, sys.stdin.buffer.read(), "stdin", summaries)
    for path in argv[2:]:
        with open(path, "rb") as f:
            found += errors(validator, f.read(), path, summaries)
    for line in found:
        print(line)
    if not found:
        for summary in summaries:
            print(f"valid ({summary})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
