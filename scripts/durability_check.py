#!/usr/bin/env python3
"""Durability check: runs a write load against the server on SQLite, kills the server with SIGKILL
in the middle of it, restarts, and checks that the database passes its integrity check and that every
write the server acknowledged (a 303 answer) is present. Repeats --rounds times (20 by default).

Usage: python3 scripts/durability_check.py [--binary .build/debug/eclairage] [--rounds 20]"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from browser_check import Client  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(binary, env, port):
    server = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("the server did not start")


def writer(base, acknowledged, stop, address):
    """Starts diagnostics and saves a page of answers in each; records what the server acknowledged.
    Each writer comes from its own address (X-Forwarded-For from loopback, as behind the reverse proxy):
    starting diagnostics is limited per address, and a limit reached would leave later rounds with no
    write to check."""
    client = Client(base)
    client.opener.addheaders.append(("X-Forwarded-For", address))
    while not stop.is_set():
        try:
            status, _, headers = client.request("/diagnostic", {})
            if status == 303:
                diagnostic = headers["Location"].split("/")[-3]
                acknowledged.append(("diagnostic", diagnostic))
                status, _, _ = client.request(f"/diagnostics/{diagnostic}/etape/1", {"q.taille": "moins-de-10", "direction": "next"})
                if status == 303:
                    acknowledged.append(("answer", diagnostic))
        except Exception:
            return  # the server was killed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/eclairage"))
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--port", type=int, default=8096)
    arguments = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="eclairage-durability-")
    database = os.path.join(workdir, "durability.sqlite")
    env = dict(os.environ, SQLITE_PATH=database, CONTENT_PATH=os.path.join(ROOT, "Content"), LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    base = f"http://127.0.0.1:{arguments.port}"
    passed = failed = empty = 0
    total = 0
    for round_number in range(1, arguments.rounds + 1):
        server = start(arguments.binary, env, arguments.port)
        acknowledged, stop = [], threading.Event()
        threads = [threading.Thread(target=writer, args=(base, acknowledged, stop, f"198.18.{round_number}.{index + 1}"))
                   for index in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(random.uniform(0.4, 1.2))
        server.send_signal(signal.SIGKILL)
        server.wait()
        stop.set()
        for thread in threads:
            thread.join()
        with sqlite3.connect(database) as connection:
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
            diagnostics = {row[0] for row in connection.execute("SELECT id FROM diagnostics")}
            answered = {row[0] for row in connection.execute("SELECT DISTINCT diagnostic_id FROM diagnostic_answers")}
        missing = [(kind, ident) for kind, ident in acknowledged
                   if (kind == "diagnostic" and ident not in diagnostics) or (kind == "answer" and ident not in answered)]
        total += len(acknowledged)
        empty += not acknowledged
        if integrity == "ok" and not missing:
            passed += 1
            print(f"round {round_number:2}: {len(acknowledged):4} acknowledged writes, all present, integrity ok")
        else:
            failed += 1
            print(f"round {round_number:2}: integrity={integrity}, {len(missing)} acknowledged writes missing: {missing[:5]}")
    print(f"\n{total} acknowledged writes over {arguments.rounds} kills ({empty} rounds without any)")
    print(f"{passed} passed, {failed} failed")
    if empty * 2 > arguments.rounds:
        print("most rounds acknowledged no write: they checked nothing")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
