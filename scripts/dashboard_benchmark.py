#!/usr/bin/env python3
"""Advisor dashboard benchmark: fills a fresh SQLite database with demo associations, 200 of them
followed by one support body (plan steps, notes, diagnostics), signs in as its advisor and times
sequential GETs of the body's page (one client), printing p50/p95/max in milliseconds. The target
(issue 21) is p95 < 50 ms on the release build.

Usage: python3 scripts/dashboard_benchmark.py [--followed 200] [--requests 200] [--skip-build]
       [--binary PATH]"""
import argparse
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
BINARY = os.path.join(ROOT, ".build-release/release/eclairage")
PASSWORD = "demonstration du site eclairage"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--followed", type=int, default=200)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--binary", default=BINARY)
    arguments = parser.parse_args()
    if arguments.binary == BINARY and not arguments.skip_build:
        subprocess.run([os.path.join(ROOT, "scripts/build-release")], cwd=ROOT, check=True)
    workdir = tempfile.mkdtemp(prefix="eclairage-dashboard-")
    env = dict(os.environ, SQLITE_PATH=os.path.join(workdir, "bench.sqlite"), CONTENT_PATH=os.path.join(ROOT, "Content"),
               BASE_URL=f"http://127.0.0.1:{arguments.port}", LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    seeded = subprocess.run(
        [arguments.binary, "seed-demo", "--associations", str(max(arguments.followed, 300)),
         "--diagnostics-per-association", "3", "--anonymous", "0", "--followed", str(arguments.followed),
         "--password", PASSWORD], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    print(seeded.stdout.strip())
    server = subprocess.Popen([arguments.binary, "serve", "--port", str(arguments.port)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{arguments.port}"
    try:
        for _ in range(2000):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.01)
        advisor = Client(base)
        advisor.location("/connexion", {"email": "conseil@example.org", "password": PASSWORD})
        body = re.search(r'href="/structures/([a-z0-9]+)"', advisor.request("/structures")[1]).group(1)
        path = f"/structures/{body}"
        status, page, _ = advisor.request(path)
        shown = page.count('<li><a href="/associations/')
        if status != 200 or shown != arguments.followed:
            raise SystemExit(f"the dashboard answered {status} with {shown} associations")
        timings = []
        for _ in range(arguments.requests):
            started = time.perf_counter()
            advisor.request(path)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        def at(share):
            return timings[min(len(timings) - 1, int(share * len(timings)))]
        print(f"dashboard with {shown} associations, {len(timings)} sequential requests: "
              f"p50 {at(0.5):.1f} ms, p95 {at(0.95):.1f} ms, max {timings[-1]:.1f} ms")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
