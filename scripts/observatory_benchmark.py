#!/usr/bin/env python3
"""Observatory benchmark: fills a fresh database with N observatory records (`seed-demo
--observatory N`, spread over 36 months and every département), starts the server, times how long
the observatory's job takes to work out every year, then times sequential GETs (one client) of the
observatory's pages (the whole instance, a région, a département; a year and a quarter), printing
p50/p95/max in milliseconds. Targets (issue 21): p95 < 300 ms over 100,000 diagnostics on SQLite,
< 100 ms on PostgreSQL, < 1 s over 1,000,000 on PostgreSQL.

Usage: python3 scripts/observatory_benchmark.py [--records 100000] [--requests 200] [--binary PATH]
       [--database-url postgres://...] (SQLite in a temporary folder when none)"""
import argparse
import os
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


def peak_memory(pid):
    """The process's peak resident memory (VmHWM), in MiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return f"{int(line.split()[1]) / 1024:.0f} MiB"
    return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=8098)
    parser.add_argument("--binary", default=BINARY)
    parser.add_argument("--database-url", default=None)
    arguments = parser.parse_args()
    if arguments.binary == BINARY and not os.path.exists(BINARY):
        subprocess.run([os.path.join(ROOT, "scripts/build-release")], cwd=ROOT, check=True)
    workdir = tempfile.mkdtemp(prefix="eclairage-observatory-")
    env = dict(os.environ, SQLITE_PATH=os.path.join(workdir, "bench.sqlite"), CONTENT_PATH=os.path.join(ROOT, "Content"),
               BASE_URL=f"http://127.0.0.1:{arguments.port}", LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    if arguments.database_url:
        env["DATABASE_URL"] = arguments.database_url
    started = time.perf_counter()
    seeded = subprocess.run(
        [arguments.binary, "seed-demo", "--associations", "1", "--diagnostics-per-association", "0",
         "--anonymous", "0", "--followed", "1", "--observatory", str(arguments.records), "--password", PASSWORD],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    print(seeded.stdout.strip(), f"({time.perf_counter() - started:.1f} s)")
    server = subprocess.Popen([arguments.binary, "serve", "--port", str(arguments.port)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{arguments.port}"
    year = time.gmtime().tm_year
    try:
        launched = time.perf_counter()
        for _ in range(2000):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.01)
        advisor = Client(base)
        advisor.location("/connexion", {"email": "conseil@example.org", "password": PASSWORD})
        paths = [f"/observatoire/ensemble/{year}", f"/observatoire/region-84/{year}",
                 f"/observatoire/departement-69/{year}-t2", f"/observatoire/region-11/{year - 1}"]
        # The job works out every year when the server starts (the records marked them): wait for it.
        while True:
            status, page, _ = advisor.request(paths[0])
            if status != 200:
                raise SystemExit(f"{paths[0]} answered {status}")
            if "Chiffres calculés" in page and "prochain calcul" not in page:
                break
            if time.perf_counter() - launched > 1800:
                raise SystemExit("the observatory's job did not finish within 30 minutes")
            time.sleep(0.5)
        print(f"observatory job: every year worked out {time.perf_counter() - launched:.1f} s after the server started; "
              f"server's peak memory {peak_memory(server.pid)}")
        timings = []
        for index in range(arguments.requests):
            began = time.perf_counter()
            status, _, _ = advisor.request(paths[index % len(paths)])
            timings.append((time.perf_counter() - began) * 1000)
            if status != 200:
                raise SystemExit(f"{paths[index % len(paths)]} answered {status}")
        timings.sort()

        def at(share):
            return timings[min(len(timings) - 1, int(share * len(timings)))]
        kind = "PostgreSQL" if arguments.database_url else "SQLite"
        print(f"observatory pages over {arguments.records} records ({kind}), {len(timings)} sequential requests: "
              f"p50 {at(0.5):.1f} ms, p95 {at(0.95):.1f} ms, max {timings[-1]:.1f} ms")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
