#!/usr/bin/env python3
"""Checks calendar files (RFC 5545) with Python's `icalendar`, independently of the Swift writer.

Usage: python3 scripts/ics_check.py [files or URLs] [--expect UID=20270327T090000Z ...]
Without files: the golden files in Tests/Fixtures/ics/, with the UTC instants they must give.
Needs: pip install icalendar (7.x). Exits 1 on any problem.

For each file: CRLF line endings, lines of at most 75 octets, no fold inside a UTF-8 character;
parsed without error; each VEVENT has UID, DTSTAMP, DTSTART; times with TZID are read both through
the file's own VTIMEZONE and through the system's tz database, and must give the same UTC instant;
METHOD:REQUEST/CANCEL carry ORGANIZER and ATTENDEE, and CANCEL says STATUS:CANCELLED.
"""
import glob, os, sys, urllib.request
from datetime import datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

# The golden files' sessions: DTSTART in UTC, worked out by hand (Paris is UTC+1 in winter, +2 in summer).
FIXTURE_STARTS = {
    "session-101@eclairage.example": "20270327T090000Z",  # Saturday 10:00, still winter time
    "session-102@eclairage.example": "20270329T080000Z",  # Monday 10:00, summer time since Sunday
    "session-103@eclairage.example": "20271030T120000Z",  # Saturday 14:00, eve of winter time
    "session-104@eclairage.example": "20271106T083000Z",  # Saturday 09:30, winter time
}


def read(source):
    if source.startswith(("http://", "https://", "webcal://")):
        url = "https://" + source[len("webcal://"):] if source.startswith("webcal://") else source
        request = urllib.request.Request(url, headers={"User-Agent": "eclairage-ics-check"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()
    with open(source, "rb") as file:
        return file.read()


def check_lines(data):
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("le fichier ne finit pas par CRLF")
    lines = data.split(b"\r\n")
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"ligne {number} : fin de ligne sans CRLF")
        if len(line) > 75:
            problems.append(f"ligne {number} : {len(line)} octets (75 au plus)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"ligne {number} : coupée au milieu d'un caractère UTF-8")
    return problems


def utc(value):
    return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def check_calendar(calendar, expect):
    problems, report = [], []
    for component in calendar.walk():
        problems += [f"{component.name} : {error}" for error in component.errors]
    if str(calendar.get("VERSION", "")) != "2.0":
        problems.append("VERSION:2.0 manquant")
    if "PRODID" not in calendar:
        problems.append("PRODID manquant")
    method = str(calendar.get("METHOD", "")).upper()
    own_zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in calendar.walk("VTIMEZONE")}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", "?"))
        for name in ("UID", "DTSTAMP", "DTSTART"):
            if name not in event:
                problems.append(f"{uid} : {name} manquant")
        if method in ("REQUEST", "CANCEL"):
            for name in ("ORGANIZER", "ATTENDEE"):
                if name not in event:
                    problems.append(f"{uid} : {name} manquant pour METHOD:{method}")
        if method == "CANCEL" and str(event.get("STATUS", "")).upper() != "CANCELLED":
            problems.append(f"{uid} : METHOD:CANCEL sans STATUS:CANCELLED")
        times = {}
        for name in ("DTSTART", "DTEND"):
            if name not in event:
                continue
            value = event[name].dt
            if not isinstance(value, datetime) or value.tzinfo is None:
                problems.append(f"{uid} : {name} sans fuseau ni Z ({value})")
                continue
            times[name] = value
            tzid = event[name].params.get("TZID")
            if tzid:
                naive = value.replace(tzinfo=None)
                by_file = utc(naive.replace(tzinfo=own_zones[tzid])) if tzid in own_zones else None
                try:
                    by_system = utc(naive.replace(tzinfo=ZoneInfo(tzid)))
                except (ValueError, ZoneInfoNotFoundError):  # not an Olson name: the file's VTIMEZONE alone
                    by_system = by_file
                if by_file is None:
                    problems.append(f"{uid} : pas de VTIMEZONE pour {tzid}")
                elif by_file != by_system:
                    problems.append(f"{uid} : {name} {naive} donne {by_file} par le VTIMEZONE du fichier, {by_system} par la base tz")
        if "DTSTART" in times and "DTEND" in times and times["DTEND"] <= times["DTSTART"]:
            problems.append(f"{uid} : DTEND n'est pas après DTSTART")
        if "DTSTART" in times:
            start = utc(times["DTSTART"])
            if uid in expect and expect[uid] != start:
                problems.append(f"{uid} : DTSTART = {start}, attendu {expect[uid]}")
            local = times["DTSTART"].astimezone(ZoneInfo("Europe/Paris")).strftime("%Y-%m-%d %H:%M %Z")
            report.append(f"  {uid} : {start} ({local}), {event.get('STATUS', '-')}, SEQUENCE {event.get('SEQUENCE', 0)}")
    return problems, report


def main(arguments):
    expect, sources = {}, []
    it = iter(arguments)
    for argument in it:
        if argument == "--expect":
            uid, _, instant = next(it, "").partition("=")
            expect[uid] = instant
        else:
            sources.append(argument)
    if not sources:
        root = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
        sources = sorted(glob.glob(os.path.join(root, "Tests", "Fixtures", "ics", "*.ics")))
        expect = {**FIXTURE_STARTS, **expect}
    failed = False
    for source in sources:
        try:
            data = read(source)
        except OSError as error:
            print(f"{source} : illisible ({error})")
            failed = True
            continue
        problems = check_lines(data)
        report = []
        try:
            calendar = icalendar.Calendar.from_ical(data)
        except Exception as error:  # icalendar raises ValueError and others on broken input
            problems.append(f"analyse impossible : {error}")
        else:
            more, report = check_calendar(calendar, expect)
            problems += more
        print(f"{source} : {'OK' if not problems else f'{len(problems)} problème(s)'}")
        for line in report + [f"  ✗ {p}" for p in problems]:
            print(line)
        failed = failed or bool(problems)
    if not sources:
        print("aucun fichier")
    return 1 if failed or not sources else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
