#!/usr/bin/python3
"""Validates a parscore JSON report (argv[2], or stdin for '-') against the schema (argv[1]); exit 1 on any error."""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    source = sys.stdin if sys.argv[2] == "-" else open(sys.argv[2], encoding="utf-8")
    document = json.load(source)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        print("/".join(str(p) for p in error.path) + ": " + error.message, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
