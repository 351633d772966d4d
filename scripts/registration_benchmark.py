#!/usr/bin/env python3
"""Registration limits benchmark, one command: a fresh SQLite database with a small directory and one
training of ten weekly sessions, a server on loopback, then
  1. a desk: 100 registrations from one client address for 100 people over the ten sessions, sent
     as fast as they go (target: all within 10 s, none refused by a limit);
  2. the same 100 registrations from 100 client addresses for one recipient (target: all but the
     recipient's allowance refused by a limit, HTTP 429).
Client addresses are given as a reverse proxy gives them (X-Forwarded-For on a connection from
127.0.0.1, see README "Behind a reverse proxy"). Prints the figures.

Usage: python3 scripts/registration_benchmark.py [--binary .build/debug/eclairage] [--port 8098]
With no --binary, the release build (scripts/build-release) is used if present, else the debug build."""
import argparse
import datetime
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from browser_check import Client  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMAIL, PASSWORD = "bench@example.org", "phrase de passe du banc d'essai"
RECIPIENT_ALLOWANCE = 10  # FormLimit.registration's perRecipient (Sources/EclairageWeb/RateLimits/FormLimit.swift)


class Visitor(Client):
    """A visitor whose requests come, through the proxy, from `address`."""

    def __init__(self, base, address):
        super().__init__(base)
        self.opener.addheaders = [("X-Forwarded-For", address)]


def default_binary():
    release = os.path.join(ROOT, ".build-release/release/eclairage")
    return release if os.path.exists(release) else os.path.join(ROOT, ".build/debug/eclairage")


def register(visitor, session, name, email):
    status, _, _ = visitor.request(f"/agenda/seances/{session}/inscription", {"name": name, "email": email})
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--port", type=int, default=8098)
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="eclairage-registration-bench-")
    env = dict(os.environ, SQLITE_PATH=os.path.join(work, "bench.sqlite"), CONTENT_PATH=os.path.join(ROOT, "Content"),
               BASE_URL=f"http://127.0.0.1:{arguments.port}", LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    env.pop("SENDMAIL_PATH", None)
    places = os.path.join(work, "places.csv")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/make_directory_csv.py"), "--rows", "20", "--seed", "1",
                    "--departements", "37", "--date-ref", "2026-11-01", "-o", places], check=True, capture_output=True, timeout=120)
    subprocess.run([arguments.binary, "annuaire", "importer", "--appliquer", places], env=env, cwd=ROOT, capture_output=True, check=True, timeout=300)
    subprocess.run([arguments.binary, "create-admin", "--email", EMAIL, "--name", "Banc"], input=PASSWORD + "\n", env=env, cwd=ROOT,
                   capture_output=True, text=True, check=True, timeout=300)
    server = subprocess.Popen([arguments.binary, "serve", "--hostname", "127.0.0.1", "--port", str(arguments.port)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{arguments.port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.05)
    try:
        admin = Visitor(base, "203.0.113.1")
        admin.location("/connexion", {"email": EMAIL, "password": PASSWORD})
        _, page, _ = admin.request("/annuaire")
        place = re.findall(r"/annuaire/lieux/([a-z0-9]+)", page)[0]
        first = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
        training = admin.location("/agenda/nouvelle", {
            "place": place, "title": "Premiers pas", "kind": "atelier", "description": "Allumer, cliquer, écrire.", "location": "",
            "online_url": "", "start": f"{first}T14:00", "duration": "60", "every": "7", "count": "10", "capacity": "20"})
        _, page, _ = admin.request(training)
        sessions = list(dict.fromkeys(re.findall(r"/agenda/seances/([a-z0-9]+)/inscription", page)))
        if len(sessions) != 10:
            raise SystemExit(f"set-up failed: {len(sessions)} sessions found instead of 10")

        desk = Visitor(base, "198.51.100.10")
        started = time.monotonic()
        statuses = [register(desk, sessions[index % 10], f"Personne {index}", f"personne{index}@example.org") for index in range(100)]
        desk_seconds = time.monotonic() - started
        desk_refused = statuses.count(429)
        desk_other = len([s for s in statuses if s not in (303, 429)])

        started = time.monotonic()
        statuses = [register(Visitor(base, f"192.0.2.{index + 1}"), sessions[index % 10], "Marie Curie", "marie@example.org")
                    for index in range(100)]
        spread_seconds = time.monotonic() - started
        spread_refused = statuses.count(429)
        spread_other = len([s for s in statuses if s not in (303, 429)])
    finally:
        server.terminate()
        server.wait(timeout=15)
    print(f"\nregistration limits, SQLite, {arguments.binary}\n")
    print("| case | time (s) | refused by a limit (429) | target | other answers |")
    print("|---|---:|---:|---:|---:|")
    print(f"| a desk: 100 registrations from one address, 100 recipients, 10 sessions | {desk_seconds:.1f} | {desk_refused} | 0, within 10 s | {desk_other} |")
    print(f"| 100 registrations from 100 addresses, one recipient | {spread_seconds:.1f} | {spread_refused} | "
          f"{100 - RECIPIENT_ALLOWANCE} | {spread_other} |")
    ok = desk_refused == 0 and desk_seconds <= 10 and spread_refused == 100 - RECIPIENT_ALLOWANCE and desk_other == 0 and spread_other == 0
    print("\n" + ("targets met" if ok else "TARGETS MISSED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
