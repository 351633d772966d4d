#!/usr/bin/env python3
"""Idle memory of the release server, as a host pays for it: starts the binary on an empty SQLite file,
waits for /healthz, asks for / and /healthz once, waits two seconds, then reads from /proc the
anonymous memory (RssAnon: the heap and stacks, which only this process can hold and the kernel
cannot drop), and beside it the resident set (VmRSS) with its file pages (code, which the kernel
shares between processes and reclaims under pressure) and the proportional set size (Pss).
Exits 1 when anonymous memory is above --max-anon-mib.

With --database-url the server uses that PostgreSQL database instead (the first run migrates it).

Usage: python3 scripts/memory_check.py [--binary .build-release/release/eclairage] [--max-anon-mib 16] [--runs 3]
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


def pss_kib(pid):
    """Proportional set size: each shared page counted as a share of the processes mapping it."""
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


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
        kib = {field: rss_kib(server.pid, field) for field in ("VmRSS", "RssAnon", "RssFile")}
        kib["Pss"] = pss_kib(server.pid)
        return ready, kib
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/eclairage"))
    parser.add_argument("--max-anon-mib", type=float, default=16)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8095)
    parser.add_argument("--database-url", help="measure on PostgreSQL (default: a new SQLite file per run)")
    options = parser.parse_args()
    worst = 0
    for run in range(options.runs):
        ready, kib = one_run(options.binary, options.port, options.database_url)
        worst = max(worst, kib["RssAnon"])
        print(f"run {run + 1}: ready in {ready * 1000:.0f} ms · anonymous {kib['RssAnon'] / 1024:.1f} MiB · "
              f"RSS {kib['VmRSS'] / 1024:.1f} MiB (file pages {kib['RssFile'] / 1024:.1f} MiB) · PSS {kib['Pss'] / 1024:.1f} MiB")
    mebibytes = worst / 1024
    within = mebibytes <= options.max_anon_mib
    database = "PostgreSQL" if options.database_url else "SQLite"
    print(f"worst idle anonymous memory on {database}: {mebibytes:.1f} MiB, {'within' if within else 'ABOVE'} "
          f"the {options.max_anon_mib:g} MiB target")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
