"""A second, independent JSON Schema implementation (Python's jsonschema, draft 2020-12) for Guichet's published
schemas, so that what one validator accepts by accident (a float's rounding, a keyword read differently) cannot hide:
run by platform/contracts ExamplesTest.

  second_validator.py examples <cases.json>
      cases.json: [{"name": ..., "schema": <schema file>, "instance": <instance file>}, ...]
      prints {"<name>": ["<error>", ...], ...} for every case (an empty list when valid)
  second_validator.py cents <schema file> <instance file> <field>
      validates the instance with <field> set to every amount from 0.01 to 999.99 (a JSON number, or a string when
      the instance's own value is a string); prints {"checked": n, "refused": [the first 20 refused], "refusedCount": k}
"""
import json
import sys
from decimal import Decimal

from jsonschema import Draft202012Validator


def validator(schema_file):
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def load(path):
    with open(path, encoding="utf-8") as f:
        # Numbers as Python parses JSON by default (floats): what a partner's Python code reads.
        return json.load(f)


def examples(cases_file):
    result = {}
    for case in load(cases_file):
        errors = validator(case["schema"]).iter_errors(load(case["instance"]))
        result[case["name"]] = sorted("/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in errors)
    print(json.dumps(result, ensure_ascii=False))


def cents(schema_file, instance_file, field):
    check = validator(schema_file)
    instance = load(instance_file)
    as_string = isinstance(instance[field], str)
    refused = []
    checked = 0
    for value in range(1, 100000):
        amount = Decimal(value).scaleb(-2)
        instance[field] = format(amount, "f") if as_string else json.loads(format(amount, "f"))
        checked += 1
        if not check.is_valid(instance):
            refused.append(format(amount, "f"))
    print(json.dumps({"checked": checked, "refused": refused[:20], "refusedCount": len(refused)}))


if __name__ == "__main__":
    if sys.argv[1] == "examples":
        examples(sys.argv[2])
    elif sys.argv[1] == "cents":
        cents(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit("usage: second_validator.py examples <cases.json> | cents <schema> <instance> <field>")
