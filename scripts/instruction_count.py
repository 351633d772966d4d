#!/usr/bin/env python3
"""Instructions per request, route by route, counted by valgrind's callgrind: unlike requests per
second, the count does not drift with the machine's load or the code's place in memory, so two builds
can be compared exactly. Each binary is started under callgrind on its own seeded SQLite database;
for each route the counters are zeroed, --requests requests are sent one at a time, and the counters
are dumped. Background work in those windows (the scheduler's tick) is counted too, which --requests
spreads thin.

Usage: python3 scripts/instruction_count.py --binary OLD --binary NEW [--requests 100]"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from browser_check import Client, answer_everything  # noqa: E402
from load_benchmark import PASSWORD, ROOT  # noqa: E402


def total_instructions(dump):
    with open(dump) as text:
        for line in text:
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1])
    raise SystemExit(f"no totals in {dump}")


def stripped_copy(binary, workdir):
    """valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: run a copy without it,
    beside a link to the resources folder the binary looks for next to itself."""
    copy = os.path.join(workdir, "eclairage")
    subprocess.run(["objcopy", "--strip-debug", binary, copy], check=True)
    folder = os.path.dirname(os.path.abspath(binary))
    for resources in glob.glob(os.path.join(folder, "*.resources")):
        os.symlink(resources, os.path.join(workdir, os.path.basename(resources)))
    return copy


def measure(binary, requests, port):
    workdir = tempfile.mkdtemp(prefix="eclairage-ir-")
    binary = stripped_copy(binary, workdir)
    env = dict(os.environ, SQLITE_PATH=os.path.join(workdir, "ir.sqlite"), CONTENT_PATH=os.path.join(ROOT, "Content"),
               BASE_URL=f"http://127.0.0.1:{port}", LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    subprocess.run([binary, "seed-demo", "--associations", "40", "--diagnostics-per-association", "3", "--anonymous", "100",
                    "--password", PASSWORD], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    out = os.path.join(workdir, "callgrind.out")
    server = subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}.%p", "--dump-instr=no",
                               binary, "serve", "--port", str(port)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5).read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() - started > 300:
                raise SystemExit("the server did not start under valgrind")
            time.sleep(0.5)
    results = {}
    try:
        visitor = Client(base)
        diagnostic = visitor.location("/diagnostic", {}).split("/")[2]
        answer_everything(visitor, diagnostic)
        member = Client(base)
        member.location("/connexion", {"email": "demo1@example.org", "password": PASSWORD})
        association = re.search(r'href="/associations/([a-z0-9]+)"', member.request("/associations")[1]).group(1)
        theme = dict(re.findall(r'name="(q\.[^"]+)" value="([^"]+)"', visitor.request(f"/diagnostics/{diagnostic}/etape/3")[1]))
        routes = [
            ("GET /healthz", visitor, "/healthz", None),
            ("GET / (home)", visitor, "/", None),
            ("GET /fiches/mots-de-passe", visitor, "/fiches/mots-de-passe", None),
            ("GET catalogue search ?q=drive", visitor, "/outils?q=drive", None),
            ("GET need page /besoins/video-meetings", visitor, "/besoins/video-meetings", None),
            ("GET report (anonymous)", visitor, f"/diagnostics/{diagnostic}/rapport", None),
            ("POST one page of answers", visitor, f"/diagnostics/{diagnostic}/etape/3", dict(theme, direction="next")),
            ("GET association page (signed in)", member, f"/associations/{association}", None),
        ]
        pid = str(server.pid)
        for name, client, path, fields in routes:
            client.request(path, fields)  # once before counting: caches warm, as in steady use
            if fields is not None:
                fields = dict(fields, _csrf=client.csrf())
            subprocess.run(["callgrind_control", "-z", pid], check=True, capture_output=True)
            for _ in range(requests):
                if fields is None:
                    client.request(path)
                else:
                    client.post_raw(path, fields)
            before = set(glob.glob(out + ".*"))
            subprocess.run(["callgrind_control", "-d", pid], check=True, capture_output=True)
            time.sleep(0.5)
            dump = max(set(glob.glob(out + ".*")) - before, key=os.path.getmtime)
            results[name] = total_instructions(dump) / requests
    finally:
        server.terminate()
        server.wait(timeout=60)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", action="append", required=True)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--port", type=int, default=8097)
    options = parser.parse_args()
    columns = [measure(binary, options.requests, options.port) for binary in options.binary]
    print(f"Instructions per request (callgrind, {options.requests} requests per route, SQLite)\n")
    print("| route | " + " | ".join(os.path.relpath(b, ROOT) for b in options.binary) + (" | change |" if len(columns) == 2 else " |"))
    print("|---|" + "---:|" * (len(columns) + (1 if len(columns) == 2 else 0)))
    for name in columns[0]:
        values = [column[name] for column in columns]
        change = f" | {(values[1] / values[0] - 1) * 100:+.1f} %" if len(values) == 2 else ""
        print(f"| {name} | " + " | ".join(f"{v / 1e6:.2f} M" for v in values) + change + " |")


if __name__ == "__main__":
    main()
