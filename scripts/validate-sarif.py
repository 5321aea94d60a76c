#!/usr/bin/env python3
"""Validates SARIF logs against the committed OASIS SARIF 2.1.0 schema with python-jsonschema
(Draft 4, as the schema declares). Not part of `swift test`; run by hand on real output:

    scripts/record-outputs.sh /tmp/out && scripts/validate-sarif.py /tmp/out/*.sarif.out
"""
import json
import pathlib
import sys

import jsonschema

schema_path = pathlib.Path(__file__).resolve().parent.parent / "fixtures/schemas/sarif-schema-2.1.0.json"
schema = json.loads(schema_path.read_text())
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
failed = 0
checked = 0
for name in sys.argv[1:]:
    text = pathlib.Path(name).read_text()
    if not text.strip():
        continue  # a usage error printed nothing on stdout
    checked += 1
    errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.path))
    for error in errors[:5]:
        print(f"{name}: {'/'.join(map(str, error.path))}: {error.message}")
    failed += bool(errors)
print(f"jsonschema {jsonschema.__version__ if hasattr(jsonschema, '__version__') else ''}: "
      f"{checked} SARIF logs checked, {failed} invalid")
sys.exit(1 if failed else 0)
