#!/usr/bin/env python3
"""Badges in bulk (issue 25, "beyond the anchors": 200 awards from a training's attendance in < 10 s).

Starts Éclairage (debug build is enough) on a fresh SQLite database as the browser check does; through
the site, a vetted body with its issuer profile and a badge class, the sample directory imported and
the body's place linked, a training there. Then N people are marked present at its session, written
straight into `registrations` (registering 200 people through the form is not what is measured, and
the registration form is rate-limited per address). The measured request is the one an advisor sends:
POST /badges/classes/{id}/formation, which reads the attendance, makes the N awards and puts N mails
in the outbox, in one transaction. Prints the time of that request (and of one award by e-mail for
comparison), then checks that N assertions answer.

Usage: python3 scripts/badges_benchmark.py [--binary .build/debug/eclairage] [--attendees 200] [--port 8099]"""
import argparse
import datetime
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from browser_check import Client, EMAIL, PASSWORD, import_sample, start_server  # noqa: E402
from badges_check import create_award  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/eclairage")
    parser.add_argument("--attendees", type=int, default=200)
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds the bulk award may take")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="eclairage-badges-bench-")
    server, _ = start_server(os.path.abspath(args.binary), args.port, workdir)
    try:
        base = f"http://127.0.0.1:{args.port}"
        client = Client(base)
        client.location("/connexion", {"email": EMAIL, "password": PASSWORD})
        body, _ = create_award(client)
        _, place = import_sample(client)
        client.location(f"/structures/{body}/fiche", {"place": place})
        day = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
        training = client.location("/agenda/nouvelle", {
            "place": place, "title": "Sauvegarder ses données", "kind": "atelier", "description": "Atelier",
            "location": "", "online_url": "", "start": day + "T10:00", "duration": "90", "every": "0", "count": "1",
            "capacity": str(args.attendees)}).split("/")[-1]
        _, page, _ = client.request(f"/structures/{body}/badges")
        badge_class = re.search(r"/badges/classes/([a-z0-9]+)/formation", page).group(1)

        database = sqlite3.connect(os.path.join(workdir, "check.sqlite"), timeout=30)
        (session,) = database.execute("SELECT id FROM training_sessions WHERE training_id = ?", (training,)).fetchone()
        now = int(time.time())
        database.executemany(
            "INSERT INTO registrations (id, session_id, token_hash, name, email, status, position, offered_until,"
            " attended, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'confirmed', ?, NULL, 1, ?, ?)",
            [(f"bench{i:011d}", session, f"hash{i:060d}", f"Personne {i}", f"personne{i}@example.org", i, now, now)
             for i in range(args.attendees)])
        database.commit()
        database.close()

        started = time.monotonic()
        status, page, _ = client.request(f"/badges/classes/{badge_class}/formation", {f"training-{badge_class}": training})
        bulk = time.monotonic() - started
        if status != 303:
            raise SystemExit(f"the bulk award answered {status}\n{page[:800]}")
        started = time.monotonic()
        client.location(f"/badges/classes/{badge_class}/attribuer", {f"emails-{badge_class}": "une@example.org"})
        single = time.monotonic() - started

        _, page, _ = client.request(f"/structures/{body}/badges")
        awards = re.findall(r"/badges/attributions/([a-z0-9]+)", page)
        answered = sum(1 for award in awards
                       if urllib.request.urlopen(f"{base}/badges/assertions/{award}").status == 200)
        print(f"bulk award to {args.attendees} attendees: {bulk:.2f} s (one POST, awards and mails in one transaction)")
        print(f"one award by e-mail: {single:.3f} s")
        print(f"assertions answering: {answered} of {len(awards)} awards listed")
        ok = bulk < args.limit and answered == len(awards) == args.attendees + 2
        print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
        sys.exit(0 if ok else 1)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
