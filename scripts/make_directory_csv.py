#!/usr/bin/env python3
"""Fabrique un fichier CSV au schéma national « Lieux de médiation numérique » 1.0.2, pour les essais
de charge et d'import de l'annuaire.

Le schéma est lu dans Content/directory/schema-lieux-mediation.yaml (colonnes dans l'ordre, colonnes
obligatoires, colonnes multiples jointes par « | », valeurs admises, motifs) et les positions dans
Content/directory/communes.tsv. Python 3 seul, aucune dépendance.

Utilisation :

    python3 scripts/make_directory_csv.py -o /tmp/lieux.csv                     # 5 000 lignes valides
    python3 scripts/make_directory_csv.py --rows 20 --invalid-every 4 --details -o /tmp/essai.csv
    python3 scripts/make_directory_csv.py --rows 5000 --pad-bytes 10000 -o /tmp/50mo.csv
    python3 scripts/make_directory_csv.py --encoding cp1252 --separator ';' --departements 37,41 -o -

Chaque ligne : un `id` unique (bench-000001…), un SIRET à clé de Luhn valide, un nom plausible
(« Médiathèque de Tours », « Repair café du Mans »…), une commune réelle de communes.tsv (son premier
code postal, son code INSEE, sa position décalée de 2 km au plus), une adresse, un téléphone dans les
tranches que l'ARCEP réserve à la fiction, courriel et site sous example.org, des horaires en syntaxe
OpenStreetMap, un résumé de 280 caractères au plus, une date_maj des deux dernières années (AAAA-MM-JJ,
comptées depuis --date-ref), 1 à 4 services, 0 à 2 publics, frais, modalités, itinérance et typologie
(codes de la liste reference_values du schéma). Les valeurs listées sont écrites exactement comme
dans le schéma. Chaque ligne valide est vérifiée contre les motifs et les listes du schéma avant
d'être écrite. Guillemets RFC 4180 (module csv), fins de ligne CRLF, aucune cellule sur plusieurs
lignes : la ligne N du fichier est la ligne de données N - 1.

--invalid-every K (K > 0) : une ligne sur K (la K-ième, la 2K-ième…) porte un seul défaut, pris à
tour de rôle dans cet ordre :
  1. nom absent                       → refus, colonne « nom » (valeur obligatoire absente)
  2. valeur inconnue dans services    → refus, colonne « services » (valeur non admise)
  3. latitude hors de France (55–65°) → refus, colonne « latitude » (coordonnées hors de France)
  4. code postal à 4 chiffres         → refus, colonne « code_postal » (le dernier chiffre est ôté,
                                        pour qu'un zéro ajouté en tête ne puisse pas le corriger)
  5. date_maj impossible (31/02/AAAA…) → refus, colonne « date_maj »
  6. nombre de champs faux (31 ou 33)  → refus de la ligne entière
--details écrit sur la sortie d'erreur la ligne, l'id et le défaut de chaque ligne invalide.

--pad-bytes B ajoute à chaque ligne une presentation_detail d'environ B octets (dans l'encodage
choisi, sans retour à la ligne) pour atteindre 50 Mo avec moins de lignes ; le lecteur CSV de
l'application coupe un champ au-delà de 100 000 octets.

La sortie est la même pour une même graine, les mêmes options et la même --date-ref (par défaut la
date du jour : la passer pour obtenir le même fichier d'un jour à l'autre). Le bilan (lignes écrites,
lignes invalides, taille du fichier, durée) est écrit sur la sortie d'erreur.
"""
import argparse
import csv
import datetime
import io
import json
import math
import random
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "Content/directory/schema-lieux-mediation.yaml"
COMMUNES = ROOT / "Content/directory/communes.tsv"
READER_MAX_FIELD = 100_000  # CSVReader.records(maxField:) in the application

# Same rough boxes as FranceArea (PlaceRowChecker+Values.swift): a jittered position must stay inside.
FRANCE_BOXES = [
    ((41.3, 51.2), (-5.3, 9.7)),
    ((15.8, 16.6), (-61.9, -60.9)), ((14.3, 14.95), (-61.3, -60.75)), ((2.0, 5.9), (-54.7, -51.5)),
    ((-21.45, -20.85), (55.2, 55.9)), ((-13.1, -12.6), (44.9, 45.35)),
    ((46.7, 47.2), (-56.5, -56.1)), ((17.8, 18.15), (-63.2, -62.75)),
    ((-28.0, -7.0), (-155.0, -134.0)), ((-23.0, -19.0), (163.0, 169.0)), ((-14.4, -13.1), (-178.3, -176.0)),
]

DEFECTS = ["nom absent", "service inconnu", "latitude hors de France", "code postal à 4 chiffres",
           "date_maj impossible", "nombre de champs faux"]
UNKNOWN_SERVICES = ["Réparation de smartphones", "Cours de dactylographie", "Initiation au Minitel"]
# "Étapes numériques (La Poste)" is left out: its spelling differs between the 1.0.2 description and
# its pattern (see the schema file), so a strict 1.0.2 validator could refuse it.
LEFT_OUT_LABELS = {"Étapes numériques (La Poste)"}

# Kinds of place: name, typologie codes, services offered first, national programme (or None).
KINDS = [
    ("Espace numérique", ["EPN"], ["Maîtrise des outils numériques du quotidien", "Accès internet et matériel informatique"], "Conseillers numériques"),
    ("Médiathèque", ["BIB"], ["Loisirs et créations numériques", "Accès internet et matériel informatique"], "Bibliothèques numérique de référence"),
    ("Repair café", ["ASSO"], ["Acquisition de matériel informatique à prix solidaire", "Compréhension du monde numérique"], None),
    ("Fablab", ["FABLAB", "TIERS_LIEUX"], ["Loisirs et créations numériques", "Compréhension du monde numérique"], "Grande école du numérique"),
    ("France Services", ["RFS", "MSAP"], ["Aide aux démarches administratives", "Insertion professionnelle via le numérique"], "France Services"),
    ("Ressourcerie", ["RESSOURCERIE", "ASSO"], ["Acquisition de matériel informatique à prix solidaire", "Accès internet et matériel informatique"], "Emmaüs Connect"),
    ("Tiers-lieu", ["TIERS_LIEUX"], ["Loisirs et créations numériques", "Insertion professionnelle via le numérique"], None),
    ("Centre social", ["CSC"], ["Aide aux démarches administratives", "Parentalité et éducation avec le numérique"], "Promeneurs du net"),
    ("Maison des habitants", ["MDH"], ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"], None),
    ("Point numérique du CCAS", ["CCAS"], ["Aide aux démarches administratives", "Utilisation sécurisée du numérique"], "Aidants Connect"),
    ("MJC", ["MJC"], ["Loisirs et créations numériques", "Parentalité et éducation avec le numérique"], "Promeneurs du net"),
    ("Mission locale", ["ML"], ["Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique"], "Promeneurs du net"),
    ("Atelier numérique", ["ASSO"], ["Maîtrise des outils numériques du quotidien", "Utilisation sécurisée du numérique"], "Conseillers numériques"),
    ("Bus numérique", ["ENM"], ["Maîtrise des outils numériques du quotidien", "Aide aux démarches administratives"], "Conseillers numériques"),
]
ITINERANT_KINDS = {"Bus numérique"}

STREET_TYPES = ["rue", "rue", "rue", "avenue", "place", "boulevard", "allée", "chemin", "impasse", "quai", "route"]
STREET_NAMES = ["de la Gare", "de la République", "Victor Hugo", "Jean Jaurès", "de l'Église", "du Moulin", "des Écoles",
                "Pasteur", "du Château", "de la Mairie", "des Tilleuls", "Gambetta", "du 8 Mai 1945", "de la Liberté",
                "Jules Ferry", "des Acacias", "du Stade", "de la Poste", "Émile Zola", "Louise Michel", "du Marché",
                "de la Fontaine", "Georges Clemenceau", "des Lilas", "du Général de Gaulle", "Marie Curie"]
COMPLEMENTS = ["1er étage", "Rez-de-chaussée", "Bâtiment B", "Entrée par la cour", "2e étage, porte gauche",
               "Salle polyvalente", "Espace jeunesse, rez-de-jardin", "Accès de plain-pied"]
# OSM opening_hours, as found in real files.
HOURS = [
    "Mo-Fr 09:00-12:00,14:00-17:00; PH off",
    "Tu,Th 14:00-18:00; Sa 10:00-12:00",
    "Mo-Sa 10:00-19:00",
    "Mo-Fr 08:30-12:30,13:30-17:00; Sa 09:00-12:00; PH off",
    "We 14:00-19:00; Fr 17:00-21:00; Sa 10:00-18:00",
    "Tu-Sa 10:00-12:30,14:00-18:00; PH off",
    "Mo,Tu,Th 09:00-12:00,13:30-17:00; We 09:00-12:00; PH off",
    "We,Sa 09:30-12:30; Fr 14:00-18:00",
    "Tu 09:00-12:00; Th 14:00-17:00; PH off",
    "Mo-Fr 09:00-17:30",
]
SUMMARY_OPENINGS = ["Accueil sans rendez-vous", "Accompagnement sur rendez-vous", "Accueil libre et ateliers",
                    "Permanences gratuites", "Ateliers en petits groupes", "Aide personnalisée"]
SUMMARY_TOPICS = {
    "Aide aux démarches administratives": "pour les démarches en ligne (CAF, impôts, retraite, ANTS)",
    "Maîtrise des outils numériques du quotidien": "pour apprendre à utiliser ordinateur, tablette et smartphone",
    "Insertion professionnelle via le numérique": "pour le CV, la recherche d'emploi et les candidatures en ligne",
    "Utilisation sécurisée du numérique": "pour se protéger des arnaques et gérer ses mots de passe",
    "Parentalité et éducation avec le numérique": "pour les parents : écrans, ENT et contrôle parental",
    "Loisirs et créations numériques": "autour de la photo, de la vidéo et de l'impression 3D",
    "Compréhension du monde numérique": "pour comprendre internet, les données et l'intelligence artificielle",
    "Accès internet et matériel informatique": "avec des postes en accès libre, une imprimante et le wifi",
    "Acquisition de matériel informatique à prix solidaire": "et vente d'ordinateurs reconditionnés à petit prix",
}
SUMMARY_ENDINGS = ["Ouvert à tous.", "Animé par des conseillers numériques.", "Entrée libre aux heures d'ouverture.",
                   "Bénévoles et salariés vous accueillent.", "Pensez à apporter vos identifiants.", ""]
OTHER_LABELS = ["Label Numérique Inclusif", "Label Réemploi", "Pass numérique APTIC", "Qualiopi"]
SOURCES = ["", "", "Éclairage (jeu d'essai)", "Hub numérique régional"]
PADDING_SENTENCES = [
    "Le lieu accueille chaque semaine des habitants de tous âges pour des ateliers d'initiation.",
    "Les conseillers accompagnent les démarches en ligne, de la création d'une adresse électronique à la déclaration de revenus.",
    "Des ordinateurs, une imprimante et un scanner sont à disposition pendant les heures d'ouverture.",
    "Les ateliers collectifs abordent la sécurité en ligne, la messagerie, la photo et les visioconférences.",
    "Une permanence est assurée dans les communes voisines, sur rendez-vous, avec du matériel prêté.",
    "L'équipe oriente vers les partenaires du territoire lorsque la demande dépasse le numérique.",
    "Les bénévoles réparent et reconditionnent le matériel donné par les entreprises et les particuliers.",
    "Un espace enfants permet aux parents de suivre un atelier pendant que les plus jeunes jouent.",
]


# ---------------------------------------------------------------- schema (a YAML subset, no library)

def parse_scalar(text, where):
    text = text.strip()
    if text.startswith('"') or text.startswith("["):
        try:
            return json.loads(text)  # double-quoted YAML strings and flow lists of them read as JSON here
        except json.JSONDecodeError as error:
            sys.exit(f"{where} : valeur illisible ({error})")
    if text.startswith("'"):
        if not text.endswith("'") or len(text) < 2:
            sys.exit(f"{where} : chaîne entre apostrophes non fermée")
        return text[1:-1].replace("''", "'")
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def load_schema(path):
    """The `columns` of the schema file, as dicts (name, required, multiple, pattern, values…)."""
    columns, section, list_key = [], None, None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}, ligne {number}"
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent == 0:
            section = stripped.split(":", 1)[0]
            continue
        if section != "columns":
            continue
        if indent == 2 and stripped.startswith("- "):
            key, _, value = stripped[2:].partition(":")
            columns.append({key.strip(): parse_scalar(value, where)})
            list_key = None
        elif indent == 4 and columns:
            key, colon, value = stripped.partition(":")
            if not colon:
                sys.exit(f"{where} : « clé: valeur » attendu")
            if value.strip():
                columns[-1][key.strip()] = parse_scalar(value, where)
                list_key = None
            else:
                list_key = key.strip()
                columns[-1][list_key] = []
        elif indent == 6 and stripped.startswith("- ") and list_key:
            columns[-1][list_key].append(parse_scalar(stripped[2:], where))
        else:
            sys.exit(f"{where} : forme non prévue par ce lecteur de YAML")
    if len(columns) != 32 or any("name" not in c for c in columns):
        sys.exit(f"{path.name} : 32 colonnes nommées attendues, {len(columns)} trouvées")
    for column in columns:
        column.setdefault("required", False)
        column.setdefault("multiple", False)
        column["regex"] = re.compile(column["pattern"]) if column.get("pattern") else None
    return columns


def load_communes(path, departements):
    """The communes kept, and the postcodes of every commune by name (all departments)."""
    communes, known, postcodes_by_name = [], set(), {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        next(reader)
        for insee, name, departement, postcodes, latitude, longitude in reader:
            known.add(departement)
            postcodes_by_name.setdefault(slug(name, 200), set()).update(postcodes.split(","))
            if departements and departement not in departements:
                continue
            if not postcodes:  # Paris, Lyon, Marseille: the postcodes are on the arrondissements
                continue
            communes.append((insee, name, departement, postcodes.split(","), float(latitude), float(longitude)))
    unknown = sorted(set(departements or ()) - known)
    if unknown:
        sys.exit(f"départements inconnus dans {path.name} : {', '.join(unknown)}")
    if not communes:
        sys.exit("aucune commune retenue")
    return communes, postcodes_by_name


# ---------------------------------------------------------------- values

def luhn_key(digits):
    """The digit that makes `digits` + key Luhn-valid."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def siret(rng):
    while True:
        siren = str(rng.randint(1, 9)) + "".join(str(rng.randrange(10)) for _ in range(7))
        siren += luhn_key(siren)
        if siren != "356000000":  # La Poste: another rule
            break
    nic = f"{rng.choice([0, 0, 0, rng.randrange(100)]):02d}{rng.randint(1, 99):02d}"
    return siren + nic + luhn_key(siren + nic)


def of(commune):
    """« de Tours », « du Mans », « de la Flèche », « d'Amboise »."""
    for article, contracted in (("Le ", "du "), ("Les ", "des "), ("La ", "de la "), ("L'", "de l'")):
        if commune.startswith(article):
            return contracted + commune[len(article):]
    if unicodedata.normalize("NFD", commune[0])[0] in "AEIOUYaeiouy":
        return "d'" + commune
    return "de " + commune


def slug(text, limit=40):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-") or "lieu"


def in_france(latitude, longitude):
    return any(a <= latitude <= b and c <= longitude <= d for (a, b), (c, d) in FRANCE_BOXES)


def jitter(rng, latitude, longitude, max_km=2.0):
    for _ in range(20):
        distance, bearing = max_km * math.sqrt(rng.random()), rng.random() * 2 * math.pi
        lat = latitude + distance * math.cos(bearing) / 111.32
        lon = longitude + distance * math.sin(bearing) / (111.32 * max(math.cos(math.radians(latitude)), 0.01))
        if in_france(lat, lon):
            return lat, lon
        max_km /= 2
    return latitude, longitude


def pick(rng, values, low, high):
    """Between low and high values of the list, in the list's order."""
    count = min(rng.randint(low, high), len(values))
    chosen = set(rng.sample(range(len(values)), count))
    return [value for index, value in enumerate(values) if index in chosen]


class Generator:
    def __init__(self, columns, communes, postcodes_by_name, args):
        self.columns = columns
        self.postcodes_by_name = postcodes_by_name
        self.names = [c["name"] for c in columns]
        self.values = {c["name"]: c.get("values") or [] for c in columns}
        self.communes = communes
        self.args = args
        self.rng = random.Random(args.seed)
        self.today = args.date_ref
        typologies = set(next(c for c in columns if c["name"] == "typologie").get("reference_values") or [])
        self.kinds = [(name, [code for code in codes if code in typologies] or ["Autre"], first, programme)
                      for name, codes, first, programme in KINDS]
        for name, _, first, programme in KINDS:
            missing = [v for v in first if v not in self.values["services"]]
            if missing or (programme and programme not in self.values["dispositif_programmes_nationaux"]):
                sys.exit(f"valeur absente du schéma pour « {name} » : {missing or programme}")
        self.labels = [v for v in self.values["formations_labels"] if v not in LEFT_OUT_LABELS]
        self.padding = self.padding_pool() if args.pad_bytes > 0 else None

    def padding_pool(self):
        rng = random.Random(self.args.seed + 1)
        sentences, length = [], 0
        while length < 2 * self.args.pad_bytes + 4096:
            sentence = rng.choice(PADDING_SENTENCES)
            sentences.append(sentence)
            length += len(sentence) + 1
        text = " ".join(sentences)
        ratio = len(text.encode(self.args.encoding)) / len(text)
        return text, max(1, round(self.args.pad_bytes / ratio))

    def row(self, number):
        rng = self.rng
        insee, commune, departement, postcodes, latitude, longitude = rng.choice(self.communes)
        kind, typologie, first_services, programme = rng.choice(self.kinds)
        if kind == "France Services":
            name = f"France Services {of(commune)}"
        elif rng.random() < 0.08:
            name = f"{kind} {of(commune)}, antenne {rng.choice(STREET_NAMES).split(' ', 1)[-1]}"
        else:
            name = f"{kind} {of(commune)}"
        host = slug(f"{kind} {commune}", 63) + ".example.org"
        lat, lon = jitter(rng, latitude, longitude)
        others = [v for v in self.values["services"] if v not in first_services]
        services = pick(rng, first_services, 1, 2)
        services += pick(rng, others, 0, rng.randint(0, 4 - len(services)))
        services = [v for v in self.values["services"] if v in services]
        updated = self.today - datetime.timedelta(days=rng.randint(0, 730))
        opening = rng.choice(SUMMARY_OPENINGS)
        summary = f"{opening} {SUMMARY_TOPICS[rng.choice(services)]}. {rng.choice(SUMMARY_ENDINGS)}".strip()[:280]
        fees = rng.choice([["Gratuit"]] * 5 + [["Gratuit sous condition"], ["Payant"], ["Payant", "Gratuit sous condition"]])
        programmes = [programme] if programme and rng.random() < 0.6 else []
        if rng.random() < 0.15:
            programmes.append(rng.choice([p for p in self.values["dispositif_programmes_nationaux"] if p not in programmes]))
        access = pick(rng, [v for v in self.values["modalites_acces"] if v != "Ce lieu n'accueille pas de public"], 1, 3)
        cells = {
            "id": f"bench-{number:06d}",
            "pivot": siret(rng),
            "nom": name,
            "commune": commune,
            "code_postal": postcodes[0],
            "code_insee": insee,
            "adresse": f"{rng.randint(1, 120)} {rng.choice(STREET_TYPES)} {rng.choice(STREET_NAMES)}",
            "complement_adresse": rng.choice(COMPLEMENTS) if rng.random() < 0.2 else "",
            "latitude": f"{lat:.6f}",
            "longitude": f"{lon:.6f}",
            "typologie": typologie[: rng.randint(1, len(typologie))],
            # ARCEP's numbers for fiction: 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49, 06 39 98 + 4 digits
            "telephone": "+33" + rng.choice(["19900", "26191", "35301", "46571", "53649", "63998"]) + f"{rng.randrange(10000):04d}",
            "courriels": [f"contact@{host}"] + ([f"accueil@{host}"] if rng.random() < 0.1 else []),
            "site_web": [f"https://{host}/"] if rng.random() < 0.8 else [],
            "horaires": rng.choice(HOURS),
            "presentation_resume": summary,
            "presentation_detail": self.pad(rng),
            "source": rng.choice(SOURCES),
            "itinerance": ["Itinérant"] if kind in ITINERANT_KINDS else (["Fixe", "Itinérant"] if rng.random() < 0.05 else ["Fixe"]),
            "structure_parente": f"Ville {of(commune)}" if rng.random() < 0.25 else "",
            "date_maj": updated.isoformat(),
            "services": services,
            "publics_specifiquement_adresses": pick(rng, self.values["publics_specifiquement_adresses"], 0, rng.choice([0, 0, 1, 2])),
            "prise_en_charge_specifique": pick(rng, self.values["prise_en_charge_specifique"], 0, rng.choice([0, 0, 0, 1, 2])),
            "frais_a_charge": fees,
            "dispositif_programmes_nationaux": programmes,
            "formations_labels": [rng.choice(self.labels)] if self.labels and rng.random() < 0.1 else [],
            "autres_formations_labels": [rng.choice(OTHER_LABELS)] if rng.random() < 0.05 else [],
            "modalites_acces": access,
            "modalites_accompagnement": pick(rng, self.values["modalites_accompagnement"], 1, 3),
            "fiche_acces_libre": f"https://acceslibre.example.org/app/{departement}-{slug(commune)}/{slug(name)}/" if rng.random() < 0.15 else "",
            "prise_rdv": f"https://rdv.example.org/{slug(name)}" if rng.random() < 0.15 else "",
        }
        return cells

    def pad(self, rng):
        if not self.padding:
            return ""
        text, length = self.padding
        length = max(1, round(length * rng.uniform(0.9, 1.1)))
        start = rng.randrange(0, len(text) - length)
        return text[start:start + length].strip() or "."

    def defect(self, cells, kind):
        """Gives the row one defect; returns a short description and the fields (a list)."""
        rng = self.rng
        if kind == 0:
            cells["nom"] = ""
            detail = "nom vide"
        elif kind == 1:
            unknown = UNKNOWN_SERVICES[rng.randrange(len(UNKNOWN_SERVICES))]
            cells["services"] = cells["services"] + [unknown]
            detail = f"services contient « {unknown} »"
        elif kind == 2:
            cells["latitude"] = f"{rng.uniform(55, 65):.4f}"
            detail = f"latitude {cells['latitude']}"
        elif kind == 3:
            # One digit left out, never so that a leading zero put back gives a postcode of a commune of
            # that name: the importer would then correct it (the last digit goes, unless that happens).
            code, taken = cells["code_postal"], self.postcodes_by_name.get(slug(cells["commune"], 200), set())
            short = next(s for s in (code[:i] + code[i + 1:] for i in (4, 3, 2, 1, 0)) if "0" + s not in taken)
            cells["code_postal"] = short
            detail = f"code postal « {short} »"
        elif kind == 4:
            year = int(cells["date_maj"][:4])
            day, month = rng.choice([(31, 2), (30, 2), (31, 4), (31, 6), (31, 9), (31, 11)] + ([(29, 2)] if year % 4 else []))
            cells["date_maj"] = f"{day:02d}/{month:02d}/{year}"
            detail = f"date_maj « {cells['date_maj']} »"
        fields = self.fields(cells)
        if kind == 5:
            if rng.random() < 0.5:
                fields = fields[:-1]
            else:
                fields = fields + ["colonne en trop"]
            detail = f"{len(fields)} champs au lieu de {len(self.names)}"
        return f"{DEFECTS[kind]} ({detail})", fields

    def fields(self, cells):
        return ["|".join(v) if isinstance(v, list) else v for v in (cells[name] for name in self.names)]

    def check(self, fields, number):
        """A valid row must satisfy the schema as the application reads it (programming error otherwise)."""
        for column, value in zip(self.columns, fields):
            name = column["name"]
            if not value:
                assert not column["required"], f"ligne {number} : {name} obligatoire vide"
                continue
            assert "\n" not in value and "\r" not in value, f"ligne {number} : retour à la ligne dans {name}"
            for piece in value.split("|") if column["multiple"] else [value]:
                if column.get("values"):
                    assert piece in column["values"], f"ligne {number} : « {piece} » hors de la liste de {name}"
                if column["regex"]:
                    assert column["regex"].fullmatch(piece), f"ligne {number} : « {piece} » hors du motif de {name}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "), epilog="Voir l'en-tête du script pour les défauts.")
    parser.add_argument("--rows", type=int, default=5000, help="nombre de lignes de données (5000)")
    parser.add_argument("--seed", type=int, default=1, help="graine : même graine, même fichier (1)")
    parser.add_argument("--departements", default="", help="codes de départements séparés par des virgules (tous)")
    parser.add_argument("--invalid-every", type=int, default=0, metavar="K", help="une ligne sur K porte un défaut (0 : aucune)")
    parser.add_argument("--encoding", choices=["utf-8", "cp1252"], default="utf-8")
    parser.add_argument("--separator", choices=[",", ";"], default=",", metavar="{',',';'}")
    parser.add_argument("--pad-bytes", type=int, default=0, metavar="B", help="presentation_detail d'environ B octets par ligne")
    parser.add_argument("--date-ref", type=datetime.date.fromisoformat, default=datetime.date.today(), metavar="AAAA-MM-JJ",
                        help="date_maj tirées dans les 730 jours qui la précèdent (aujourd'hui)")
    parser.add_argument("--details", action="store_true", help="liste les lignes invalides sur la sortie d'erreur")
    parser.add_argument("-o", "--output", default="-", help="fichier à écrire (sortie standard : -)")
    args = parser.parse_args()
    if args.rows < 0 or args.invalid_every < 0 or args.pad_bytes < 0:
        parser.error("--rows, --invalid-every et --pad-bytes ne peuvent pas être négatifs")
    if args.pad_bytes > READER_MAX_FIELD:
        print(f"attention : l'application coupe un champ au-delà de {READER_MAX_FIELD} octets", file=sys.stderr)

    started = time.perf_counter()
    columns = load_schema(SCHEMA)
    departements = [d.strip().upper() for d in args.departements.split(",") if d.strip()]  # 2a → 2A
    generator = Generator(columns, *load_communes(COMMUNES, departements), args)

    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
    size = invalid = 0
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=args.separator, lineterminator="\r\n")
    writer.writerow(generator.names)
    try:
        for number in range(1, args.rows + 1):
            cells = generator.row(number)
            if args.invalid_every and number % args.invalid_every == 0:
                kind = (number // args.invalid_every - 1) % len(DEFECTS)
                description, fields = generator.defect(cells, kind)
                invalid += 1
                if args.details:
                    print(f"ligne {number + 1} ({cells['id']}) : {description}", file=sys.stderr)
            else:
                fields = generator.fields(cells)
                generator.check(fields, number + 1)
            writer.writerow(fields)
            if buffer.tell() >= 1 << 20 or number == args.rows:  # about 1 MB at a time
                data = buffer.getvalue().encode(args.encoding)
                out.write(data)
                size += len(data)
                buffer.seek(0)
                buffer.truncate()
        data = buffer.getvalue().encode(args.encoding)  # the header when --rows 0
        out.write(data)
        size += len(data)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
        else:
            out.flush()
    elapsed = time.perf_counter() - started
    print(f"{args.rows} lignes écrites, dont {invalid} invalides ; {size} octets ({size / 1_000_000:.1f} Mo) "
          f"en {elapsed:.2f} s{'' if args.output == '-' else ' : ' + args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
