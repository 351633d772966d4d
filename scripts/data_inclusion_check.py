#!/usr/bin/env python3
"""Checks the directory's data·inclusion export against data·inclusion's own models (PyPI package
`data-inclusion-schema`, pydantic): every structure and every service must validate.

Usage: python3 scripts/data_inclusion_check.py FILE_OR_URL [...]   (e.g. http://127.0.0.1:8080/annuaire/lieux.json)
Exits non-zero on the first invalid record, naming it and the fields at fault."""
import json
import sys
import urllib.request

from data_inclusion.schema.v1.services import Service
from data_inclusion.schema.v1.structures import Structure


def load(source):
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source) as response:
            return json.load(response)
    with open(source, encoding="utf-8") as handle:
        return json.load(handle)


def main(sources):
    failed = False
    for source in sources:
        document = load(source)
        for kind, model in (("structures", Structure), ("services", Service)):
            for record in document.get(kind, []):
                try:
                    model.model_validate(record)
                except Exception as error:  # pydantic.ValidationError, shown whole
                    print(f"{source} : {kind} {record.get('id')} invalide :\n{error}")
                    failed = True
        print(f"{source} : {len(document.get('structures', []))} structures, {len(document.get('services', []))} services"
              + (" — des erreurs ci-dessus" if failed else " — valides"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
