#!/usr/bin/env python3
"""Paris time in the release binary: starts it on a fresh SQLite file, creates through the site trainings
whose sessions straddle the next two changes of hour (the Saturday before at 10:00 and a week later; the
Sunday of the change at 03:30), then reads the training pages and checks that each session shows the
French clock (Europe/Paris, as Python's zoneinfo computes it), not UTC. The release binary links the
Swift runtime statically, where Foundation's `TimeZone(identifier:)` was seen to find no time-zone
database: the site must not depend on it. Exits 1 on any difference.

Usage: python3 scripts/paris_time_check.py [--binary .build-release/release/eclairage] [--port 8094]
Build first: scripts/build-release"""
import argparse
import datetime
import os
import re
import sys
import tempfile
import zoneinfo

sys.path.insert(0, os.path.dirname(__file__))
from browser_check import ROOT, Client, import_sample, start_server  # noqa: E402

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]


def changes_after(today, count):
    """The next `count` Sundays on which the hour changes, with a Saturday before them after `today`."""
    found = []
    for year in range(today.year, today.year + 3):
        for month in (3, 10):
            sunday = datetime.date(year, month, 31)
            sunday -= datetime.timedelta(days=(sunday.weekday() + 1) % 7)
            if sunday - datetime.timedelta(days=1) > today:
                found.append(sunday)
    return found[:count]


def shown(local):
    """How the French interface writes a Paris wall-clock time: "27 mars 2027 à 10 h 00"."""
    day = "1er" if local.day == 1 else str(local.day)
    return f"{day} {MONTHS[local.month - 1]} {local.year} à {local.hour} h {local.minute:02d}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/eclairage"))
    parser.add_argument("--port", type=int, default=8094)
    arguments = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="eclairage-paris-")
    base = f"http://127.0.0.1:{arguments.port}"
    server, _ = start_server(arguments.binary, arguments.port, workdir)
    failures = []
    try:
        client = Client(base)
        client.location("/connexion", {"email": "verification@example.org", "password": "phrase de passe pour la verification"})
        _, place = import_sample(client)
        for sunday in changes_after(datetime.date.today(), 2):
            saturday = sunday - datetime.timedelta(days=1)
            for first, every, count in ((datetime.datetime.combine(saturday, datetime.time(10, 0)), "7", "2"),
                                        (datetime.datetime.combine(sunday, datetime.time(3, 30)), "0", "1")):
                training = client.location("/agenda/nouvelle", {
                    "place": place, "title": f"Changement d'heure du {sunday.isoformat()}", "kind": "atelier", "description": "",
                    "location": "", "online_url": "", "start": first.strftime("%Y-%m-%dT%H:%M"), "duration": "90", "every": every,
                    "count": count, "capacity": "8"})
                _, page, _ = client.request(training)
                page = page.replace("\u00a0", " ").replace("\u202f", " ")  # times carry no-break spaces
                for week in range(int(count)):
                    local = first + datetime.timedelta(days=7 * week)
                    instant = local.replace(tzinfo=PARIS)
                    expected = shown(local)
                    utc = instant.astimezone(datetime.timezone.utc)
                    ok = expected in page
                    print(f"{'ok  ' if ok else 'FAIL'} {utc:%Y-%m-%d %H:%M} UTC ({instant:%Z}) shown as « {expected} »")
                    if not ok:
                        near = re.findall(r"\d+(?:er)? \w+ \d{4} à \d+ h \d\d", page)
                        failures.append(f"{training}: « {expected} » not shown (the page shows {near})")
    finally:
        server.terminate()
        server.wait(timeout=10)
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("Paris time: every session shown at its French clock time")


if __name__ == "__main__":
    main()
