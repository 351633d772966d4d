#!/usr/bin/env python3
"""Open Badges check (issue 25, item 2): starts Éclairage on a fresh database as the browser check does,
makes a vetted body's issuer profile, a badge class and an award through the site's own forms, then
asks independent tools:
- the 1EdTech validator (PyPI `openbadges` 1.1.2), in its own virtual environment, verifies the hosted
  assertion against the running server, with the earner's e-mail as the expected recipient;
- `openbadges-bakery` extracts the assertion baked into the downloaded PNG, which must name the
  assertion's address;
- once revoked, the assertion's address answers 410 with `revoked` and the reason, and the validator
  fails it.
There is no internet here: the validator's JSON-LD loader would fetch the Open Badges context from
https://w3id.org/openbadges/v2; the runner answers that address (and only it) with the copy the
validator itself ships (`openbadges.verifier.openbadges_context`), by wrapping requests' HTTP adapter.

Usage: python3 scripts/badges_check.py [--binary .build/debug/eclairage] [--port 8098] [--venv DIR]"""
import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import urllib.request
import zlib

sys.path.insert(0, os.path.dirname(__file__))
from browser_check import Client, EMAIL, PASSWORD, start_server  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EARNER = "Lea.Martin@Example.org"
VALIDATOR_REQUIREMENTS = ["openbadges==1.1.2", "openbadges-bakery==1.2.4"]
# The validator pins versions that do not run on Python 3.11; these do, and keep its API.
VALIDATOR_UPGRADES = ["python-jose>=3.3", "pytz>=2023.3", "pycryptodome>=3.19"]

RUNNER = r'''
import json, sys
import requests
from requests.adapters import HTTPAdapter
from openbadges.verifier.openbadges_context import OPENBADGES_CONTEXT_V2_DICT, OPENBADGES_CONTEXT_V2_URI

original_send = HTTPAdapter.send

def send(self, request, **kwargs):
    # The one address outside this machine the validator reads: the Open Badges context, from its own copy.
    if request.url.rstrip("/") == OPENBADGES_CONTEXT_V2_URI:
        response = requests.Response()
        response.status_code = 200
        response._content = json.dumps(OPENBADGES_CONTEXT_V2_DICT).encode()
        response.headers["Content-Type"] = "application/ld+json"
        response.url = request.url
        response.request = request
        return response
    if not request.url.startswith(("http://127.0.0.1", "http://localhost")):
        raise requests.ConnectionError("no network here: " + request.url)
    return original_send(self, request, **kwargs)

HTTPAdapter.send = send

command = sys.argv[1]
if command == "verify":
    import os
    from openbadges import verify
    source = sys.argv[2]
    # A baked image is given as a file; an address as itself.
    badge_input = open(source, "rb") if os.path.exists(source) else source
    report = verify(badge_input, recipient_profile={"email": sys.argv[3]}, use_cache=False)
    print(json.dumps(report, default=str))
elif command == "unbake":
    from openbadges_bakery import unbake
    with open(sys.argv[2], "rb") as image:
        print(unbake(image))
'''


def square_png(size=64):
    """A plain square PNG (a disc of colour), written by hand: no imaging library needed."""
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 2.2) ** 2
            row += bytes([30, 90, 160, 255]) if inside else bytes([0, 0, 0, 0])
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows)))
            + chunk(b"IEND", b""))


def multipart(client, path, fields, image):
    """Posts a badge form as the page does: the token first, the fields, then the picture."""
    boundary = "----eclairage-badges-check"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{client.csrf()}\r\n'.encode()]
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="image"; filename="badge.png"\r\n'
              f'Content-Type: image/png\r\n\r\n'.encode(), image, f"\r\n--{boundary}--\r\n".encode()]
    request = urllib.request.Request(client.base + path, data=b"".join(parts),
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        response = client.opener.open(request)
        return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def create_award(client, body=None):
    """Signed in as an advisor of a vetted body (made here if not given): the issuer profile, a
    badge class aligned to DigComp, an award to EARNER. Returns (body, award id)."""
    if body is None:
        body = client.location("/structures/nouvelle", {"name": "Point d'appui badges", "departement": "37"}).split("/")[-1]
        client.location(f"/structures/{body}/verification", {"decision": "vetted", "note": ""})
    image = square_png()
    status, page, _ = multipart(client, f"/structures/{body}/badges/emetteur", {
        "name": "Point d'appui badges", "url": "https://point-appui.example.org", "email": "contact@point-appui.example.org"},
        image)
    if status != 303:
        raise SystemExit(f"set-up failed: the issuer form answered {status}\n{page[:800]}")
    status, page, _ = multipart(client, f"/structures/{body}/badges/classes", {
        "class_name": "Sauvegarder ses données", "description": "Met en place une sauvegarde hors site.",
        "criteria": "A suivi l'atelier et restauré un fichier depuis sa sauvegarde.", "framework": "DigComp",
        "target_name": "4.1 Protéger les appareils", "target_url": "https://joint-research-centre.ec.europa.eu/digcomp"},
        image)
    if status != 303:
        raise SystemExit(f"set-up failed: the badge class form answered {status}\n{page[:800]}")
    _, page, _ = client.request(f"/structures/{body}/badges")
    badge_class = re.search(r"/badges/classes/([a-z0-9]+)/attribuer", page).group(1)
    client.location(f"/badges/classes/{badge_class}/attribuer", {f"emails-{badge_class}": EARNER})
    _, page, _ = client.request(f"/structures/{body}/badges")
    return body, re.search(r"/badges/attributions/([a-z0-9]+)", page).group(1)


def validator_python(venv):
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        for step in (VALIDATOR_REQUIREMENTS, ["--upgrade", *VALIDATOR_UPGRADES]):
            # pip warns that the upgrades leave the validator's pins behind: that is the point.
            done = subprocess.run([python, "-m", "pip", "install", "-q", *step], capture_output=True, text=True)
            if done.returncode != 0:
                shutil.rmtree(venv, ignore_errors=True)
                raise SystemExit(f"installing the validator failed:\n{done.stdout}{done.stderr}")
    return python


def run(python, *args):
    done = subprocess.run([python, "-c", RUNNER, *args], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"the validator's runner failed ({' '.join(args)}):\n{done.stderr[-3000:]}")
    return done.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/eclairage")
    parser.add_argument("--port", type=int, default=8098)
    parser.add_argument("--venv", default=os.path.join(tempfile.gettempdir(), "eclairage-openbadges-venv"))
    args = parser.parse_args()
    python = validator_python(args.venv)
    workdir = tempfile.mkdtemp(prefix="eclairage-badges-")
    server, _ = start_server(os.path.abspath(args.binary), args.port, workdir)
    failures = []
    try:
        base = f"http://127.0.0.1:{args.port}"
        client = Client(base)
        client.location("/connexion", {"email": EMAIL, "password": PASSWORD})
        body, award = create_award(client)
        assertion_url = f"{base}/badges/assertions/{award}"

        with urllib.request.urlopen(assertion_url) as response:
            if response.headers["Content-Type"] != "application/ld+json":
                failures.append(f"the assertion is served as {response.headers['Content-Type']}")
            assertion = json.loads(response.read())
        if assertion.get("id") != assertion_url:
            failures.append(f"the assertion's id {assertion.get('id')} is not its address {assertion_url}")

        report = json.loads(run(python, "verify", assertion_url, EARNER.lower()))
        errors = [m for m in report["report"]["messages"] if m.get("messageLevel") == "ERROR"]
        print(f"validator: valid={report['report']['valid']}, errors={len(errors)}, "
              f"warnings={report['report']['warningCount']}, recipient={report['report'].get('recipientProfile')}")
        if not report["report"]["valid"] or errors:
            failures.append("the validator refused the assertion: " + json.dumps(errors, ensure_ascii=False))
        wrong = json.loads(run(python, "verify", assertion_url, "someone.else@example.org"))
        if wrong["report"]["valid"]:
            failures.append("the validator accepted the badge for another address")

        baked = os.path.join(workdir, "badge.png")
        with urllib.request.urlopen(f"{base}/badges/assertions/{award}/badge") as response, open(baked, "wb") as out:
            out.write(response.read())
        unbaked = run(python, "unbake", baked).strip()
        try:
            carried = json.loads(unbaked).get("id")
        except ValueError:
            carried = unbaked
        print(f"bakery: the PNG carries {carried}")
        if carried != assertion_url:
            failures.append(f"the baked PNG carries {unbaked[:200]!r}, not the assertion {assertion_url}")
        report = json.loads(run(python, "verify", baked, EARNER.lower()))
        print(f"validator on the baked PNG: valid={report['report']['valid']}")
        if not report["report"]["valid"]:
            failures.append("the validator refused the baked PNG: " + json.dumps(report["report"]["messages"]))

        client.location(f"/badges/assertions/{award}/revoquer", {f"reason-{award}": "Attribué par erreur"})
        try:
            urllib.request.urlopen(assertion_url)
            failures.append("a revoked assertion still answers 200")
        except urllib.error.HTTPError as error:
            gone = json.loads(error.read())
            print(f"revoked: {error.code} {gone}")
            if error.code != 410 or gone.get("revoked") is not True or gone.get("revocationReason") != "Attribué par erreur":
                failures.append(f"a revoked assertion answers {error.code} {gone}")
        report = json.loads(run(python, "verify", assertion_url, EARNER.lower()))
        print(f"validator after revocation: valid={report['report']['valid']}")
        if report["report"]["valid"]:
            failures.append("the validator still accepts a revoked assertion")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{0 if failures else 1} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
