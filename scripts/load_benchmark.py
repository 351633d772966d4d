#!/usr/bin/env python3
"""Load benchmark, one command: builds the release binary, fills a fresh SQLite database with a
realistic dataset (hundreds of associations, thousands of diagnostics, the full content), starts the
server, measures cold start and idle memory, runs wrk on the main pages and write routes, and prints
a Markdown table (requests/s, p50, p99, errors, the server's CPU milliseconds per request from its own
counters and their ratio to /healthz's in the same run, server RSS idle and peak).

Usage: python3 scripts/load_benchmark.py [--duration 10] [--connections 16] [--skip-build] [--short]
Needs wrk (Debian package). Not a pass/fail check: copy its table into docs/PERFORMANCE.md."""
import argparse
import os
import platform
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


def rss_kib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    """The process's user + system CPU time so far (/proc/PID/stat, fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(pid, url, connections, duration, script=None, headers=(), profile=None):
    """wrk on one route, with the server's CPU per request: (rate, p50, p99, errors, CPU ms per request).
    `profile`: a file where `perf record -g` writes the server's samples during the run."""
    recorder = None
    if profile:
        recorder = subprocess.Popen(["perf", "record", "-q", "-F", "999", "-g", "-p", str(pid), "-o", profile, "--",
                                     "sleep", str(duration)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    before = cpu_seconds(pid)
    rate, p50, p99, errors, count = wrk(url, connections, duration, script, headers, counted=True)
    spent = cpu_seconds(pid) - before
    if recorder:
        recorder.wait()
    return rate, p50, p99, errors, spent * 1000 / max(count, 1)


def against_floor(pid, url, floor_url, connections, duration, rounds, script=None, headers=(), profile=None):
    """The route in `rounds` slices of `duration`, each right after a slice of /healthz (the floor):
    this machine's speed drifts from one second to the next (other tenants, frequency), by up to a
    third between two 5-second runs of the same route, so the ratio is taken pair by pair and the
    median pair kept. Returns (rate, p50, p99, errors, CPU ms per request, × /healthz); the floor
    itself is one slice, at 1.00."""
    if url == floor_url:
        return (*measured(pid, url, connections, duration, script, headers, profile), 1.0)
    pairs = []
    for _ in range(rounds):
        floor = measured(pid, floor_url, connections, duration)
        route = measured(pid, url, connections, duration, script, headers, profile)
        pairs.append((route, route[4] / max(floor[4], 1e-9)))
    pairs.sort(key=lambda pair: pair[1])
    route, ratio = pairs[len(pairs) // 2]
    return (*route, ratio)


def table(rows):
    """The Markdown table of (name, rate, p50, p99, errors, cpu ms, × /healthz) rows."""
    lines = ["| route | requests/s | p50 (ms) | p99 (ms) | errors | CPU ms/request | × /healthz |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, rate, p50, p99, errors, cpu, ratio in rows:
        lines.append(f"| {name} | {rate:,.0f} | {p50:.2f} | {p99:.2f} | {errors} | {cpu:.3f} | {ratio:.2f} |")
    return "\n".join(lines)


def wrk(url, connections, duration, script=None, headers=(), counted=False):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    def latency(percent):
        match = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", output)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else (value * 1000 if unit == "s" else value)
    count = int(re.search(r"(\d+) requests in", output).group(1))
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"):
        match = re.search(pattern, output)
        if match:
            errors += sum(int(g) for g in match.groups())
    if counted:
        return rate, latency(50), latency(99), errors, count
    return rate, latency(50), latency(99), errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=8098)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--binary", default=BINARY, help="another build to measure (implies --skip-build)")
    parser.add_argument("--only", help="run only the routes whose name contains this text (and /healthz)")
    parser.add_argument("--short", action="store_true", help="a quick run for CI: 3 × 1 s per route, 4 connections")
    parser.add_argument("--rounds", type=int, default=1, help="slices per route, each after one of /healthz (median kept)")
    parser.add_argument("--profile", metavar="DIR", help="record each route's samples with perf into DIR "
                        "(read them with: perf report -i DIR/N.data --children --sort symbol --stdio -g none)")
    arguments = parser.parse_args()
    if arguments.short:
        arguments.duration, arguments.connections, arguments.rounds = 1, 4, 3
    if arguments.binary != BINARY:
        arguments.skip_build = True
    if not arguments.skip_build:
        subprocess.run([os.path.join(ROOT, "scripts/build-release")], cwd=ROOT, check=True)
    workdir = tempfile.mkdtemp(prefix="eclairage-bench-")
    env = dict(os.environ, SQLITE_PATH=os.path.join(workdir, "bench.sqlite"), CONTENT_PATH=os.path.join(ROOT, "Content"),
               BASE_URL=f"http://127.0.0.1:{arguments.port}", LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    seeded = subprocess.run([arguments.binary, "seed-demo", "--associations", "400", "--diagnostics-per-association", "3", "--anonymous", "3000",
                             "--password", PASSWORD], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    print(seeded.stdout.strip())
    started = time.monotonic()
    server = subprocess.Popen([arguments.binary, "serve", "--port", str(arguments.port)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{arguments.port}"
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.005)
    cold_start = time.monotonic() - started
    time.sleep(2)
    idle = rss_kib(server.pid)
    rows = []
    try:
        visitor = Client(base)
        step = visitor.location("/diagnostic", {})
        diagnostic = step.split("/")[2]
        token = next(c.value for c in visitor.jar if c.name == "eclairage_diag")
        csrf = visitor.csrf()
        member = Client(base)
        member.location("/connexion", {"email": "demo1@example.org", "password": PASSWORD})
        session = next(c.value for c in member.jar if c.name == "SESSION_ID")
        association = re.search(r'href="/associations/([a-z0-9]+)"', member.request("/associations")[1]).group(1)
        # the association's latest completed diagnostic (seeded), as its member reads it: the comparison
        # with the previous one, the plan, the nearby help
        association_report = re.search(r'href="(/diagnostics/[a-z0-9]+/rapport)"',
                                       member.request(f"/associations/{association}")[1]).group(1)
        # fill the anonymous diagnostic so its report has content
        from browser_check import answer_everything
        answer_everything(visitor, diagnostic)
        theme = re.findall(r'name="(q\.[^"]+)" value="([^"]+)"', visitor.request(f"/diagnostics/{diagnostic}/etape/3")[1])
        body = "&".join(f"{name}={value}" for name, value in dict(theme).items()) + f"&direction=next&_csrf={csrf}"
        post_script = os.path.join(workdir, "post.lua")
        with open(post_script, "w") as script:
            script.write('wrk.method = "POST"\n')
            script.write(f'wrk.body = "{body}"\n')
            script.write('wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
            script.write(f'wrk.headers["Cookie"] = "eclairage_csrf={csrf}; eclairage_diag={token}"\n')
        varied_script = os.path.join(workdir, "varied.lua")
        words = ["whatsapp", "drive", "doodle", "compta", "mot", "passe", "visio", "zoom", "site", "mail", "agenda", "sondage",
                 "formulaire", "adherent", "don", "cotisation", "facture", "sauvegarde", "linux", "office", "tableur", "dessin",
                 "reseau", "facebook", "video", "chat", "fichier", "partage", "wiki", "tache", "projet", "vote", "evenement",
                 "billet", "lettre", "liste", "domaine", "serveur", "nextcloud", "signal", "libre", "gratuit", "framasoft",
                 "teams", "google", "microsoft", "canva", "helloasso", "galette", "dolibarr", "yunohost", "mobilizon"]
        with open(varied_script, "w") as script:
            script.write("words = {" + ",".join(f'"{w}"' for w in words) + "}\n")
            script.write('filters = {"", "&libre=1", "&cout=free", "&difficulte=1", "&ue=1", "&libre=1&difficulte=2", "&cout=freemium", "&autoheberge=1"}\n')
            script.write('request = function()\n  local path = "/outils?q=" .. words[math.random(#words)] .. filters[math.random(#filters)] .. "&page=" .. math.random(1, 3)\n')
            script.write('  return wrk.format("GET", path)\nend\n')
        cases = [
            ("GET /healthz", base + "/healthz", None, ()),
            ("GET / (home)", base + "/", None, ()),
            ("GET /fiches/mots-de-passe", base + "/fiches/mots-de-passe", None, ()),
            ("GET catalogue search ?q=drive", base + "/outils?q=drive", None, ()),
            ("GET catalogue search, 1,248 different queries", base + "/outils", varied_script, ()),
            ("GET need page /besoins/video-meetings", base + "/besoins/video-meetings", None, ()),
            ("GET report (anonymous)", base + f"/diagnostics/{diagnostic}/rapport", None, (f"Cookie: eclairage_diag={token}",)),
            ("POST one page of answers", base + f"/diagnostics/{diagnostic}/etape/3", post_script, ()),
            ("GET association page (signed in)", base + f"/associations/{association}", None, (f"Cookie: SESSION_ID={session}",)),
            ("GET association's report (signed in)", base + association_report, None, (f"Cookie: SESSION_ID={session}",)),
        ]
        for name, url, script, headers in cases:
            # /healthz always runs: the other routes' CPU is read against its.
            if arguments.only and arguments.only not in name and name != "GET /healthz":
                continue
            profile = None
            if arguments.profile:
                os.makedirs(arguments.profile, exist_ok=True)
                profile = os.path.join(arguments.profile, f"{len(rows)}.data")
                print(f"{profile}: {name}")
            rows.append((name, *against_floor(server.pid, url, base + "/healthz", arguments.connections,
                                              arguments.duration, arguments.rounds, script, headers, profile)))
        peak = rss_kib(server.pid, "VmHWM")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            print("the server did not stop within 15 s after SIGTERM; killed", file=sys.stderr)
            server.kill()
    print(f"\nMachine: {platform.node()} · {os.cpu_count()} cores · {platform.platform()} · {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"wrk -t1 -c{arguments.connections} -d{arguments.duration}s × {arguments.rounds} per route, SQLite, release build\n")
    print(table(rows))
    print(f"\nCold start to first answer: {cold_start * 1000:.0f} ms · RSS idle: {idle / 1024:.1f} MiB · RSS peak: {peak / 1024:.1f} MiB "
          f"({'within' if peak / 1024 <= 100 else 'ABOVE'} the 100 MiB peak target)")
    if len(rows) > 1 and rows[0][0] == "GET /healthz":
        print(f"Home page throughput = {rows[1][1] / rows[0][1] * 100:.0f} % of /healthz")


if __name__ == "__main__":
    main()
