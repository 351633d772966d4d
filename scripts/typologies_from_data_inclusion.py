#!/usr/bin/env python3
"""Writes Content/directory/typologies.tsv: each structure type code of the data·inclusion vocabulary
(the codes the schema's `typologie` column carries) with its label in words.

The labels come from the PyPI package data-inclusion-schema 0.27.0, module
`data_inclusion.schema.v0.typologies_de_structures` (the last version that ships the vocabulary; 1.x
dropped it). Run once after `pip download data-inclusion-schema==0.27.0 --no-deps` and unpacking the
wheel, with its folder on PYTHONPATH:

    PYTHONPATH=/tmp/di/x python3 scripts/typologies_from_data_inclusion.py > Content/directory/typologies.tsv
"""
import re
import sys

from data_inclusion.schema.v0.typologies_de_structures import TypologieStructure

print("code\tlibelle")
for member in TypologieStructure:
    label = re.sub(r"\s+", " ", member.label).strip()
    # The vocabulary often repeats the code in brackets after the words: keep the words.
    label = re.sub(r"\s*\(" + re.escape(member.value) + r"\)$", "", label)
    sys.stdout.write(f"{member.value}\t{label}\n")
