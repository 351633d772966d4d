#!/usr/bin/env python3
"""Idle memory of the release server, as a host would see it: starts the binary on an empty SQLite file,
waits for /healthz, asks for / and /healthz once, waits two seconds, then reads the resident set
(VmRSS, split into anonymous memory and file pages) from /proc. Exits 1 above --max-mb (decimal MB).

With --database-url the server uses that PostgreSQL database instead (the first run migrates it).

Usage: python3 scripts/memory_check.py [--binary .build-release/release/eclairage] [--max-mb 30] [--runs 3]
                                       [--database-url postgres://user@127.0.0.1:5432/database]
Build first: scripts/build-release"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from load_benchmark import ROOT, rss_kib  # noqa: E402


def one_run(binary, port, database_url):
    workdir = tempfile.mkdtemp(prefix="eclairage-memory-")
    env = dict(os.environ, SQLITE_PATH=os.path.join(workdir, "memory.sqlite"), CONTENT_PATH=os.path.join(ROOT, "Content"),
               LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    started = time.monotonic()
    server = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() - started > 30:
                    raise SystemExit("the server did not start")
                time.sleep(0.01)
        ready = time.monotonic() - started
        for path in ("/", "/healthz"):
            urllib.request.urlopen(base + path, timeout=5).read()
        time.sleep(2)
        return ready, {field: rss_kib(server.pid, field) for field in ("VmRSS", "RssAnon", "RssFile")}
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/eclairage"))
    parser.add_argument("--max-mb", type=float, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8095)
    parser.add_argument("--database-url", help="measure on PostgreSQL (default: a new SQLite file per run)")
    options = parser.parse_args()
    worst = 0
    for run in range(options.runs):
        ready, kib = one_run(options.binary, options.port, options.database_url)
        worst = max(worst, kib["VmRSS"])
        print(f"run {run + 1}: ready in {ready * 1000:.0f} ms · idle RSS {kib['VmRSS'] / 1024:.1f} MiB "
              f"({kib['VmRSS'] * 1.024:.0f} kB; anonymous {kib['RssAnon'] / 1024:.1f} MiB, file pages {kib['RssFile'] / 1024:.1f} MiB)")
    megabytes = worst * 1024 / 1e6
    verdict = "within" if megabytes <= options.max_mb else "ABOVE"
    database = "PostgreSQL" if options.database_url else "SQLite"
    print(f"worst idle RSS on {database} {megabytes:.1f} MB, {verdict} the {options.max_mb:g} MB target")
    return 0 if megabytes <= options.max_mb else 1


if __name__ == "__main__":
    sys.exit(main())
