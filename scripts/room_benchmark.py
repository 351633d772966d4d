#!/usr/bin/env python3
"""Workshop room benchmark, one command: a fresh SQLite database with a small directory and one
training of 20 weekly sessions, a server on loopback, then
  1. one room with 200 participants, each with a live screen (server-sent events, as salle.js opens
     them): a participant raises a hand (the plain form's POST), and the time until every live
     screen has received the queue showing that hand is measured, round after round
     (target: p99 < 200 ms);
  2. 20 rooms of 50 participants at once: a hand raised in every room at the same moment, the same
     measure over all 1,000 screens (target: the same);
  3. the server's memory before and after the screens connect, divided by the screens: the memory
     per connected participant (RSS and anonymous memory, /proc).
Needs aiohttp (PyPI) in a virtual environment:
  python3 -m venv /tmp/room-venv && /tmp/room-venv/bin/pip install aiohttp
  /tmp/room-venv/bin/python scripts/room_benchmark.py [--binary .build/debug/eclairage] [--rounds 30]
With no --binary, the release build (scripts/build-release) is used if present, else the debug build."""
import argparse
import itertools
import asyncio
import datetime
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import aiohttp

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMAIL, PASSWORD = "bench@example.org", "phrase de passe du banc d'essai"
CSRF = re.compile(r'name="_csrf" value="([^"]*)"')


def default_binary():
    release = os.path.join(ROOT, ".build-release/release/eclairage")
    return release if os.path.exists(release) else os.path.join(ROOT, ".build/debug/eclairage")


def memory_kib(pid):
    """(RSS, anonymous RSS) of the process, in KiB."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "RssAnon"):
                values[name] = int(rest.split()[0])
    return values.get("VmRSS", 0), values.get("RssAnon", 0)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Participant:
    phones = itertools.count(1)
    """A phone: its own cookies, its place in a room, its live screen."""

    def __init__(self, base, room, code, name):
        self.base, self.room, self.code, self.name = base, room, code, name
        # Each phone has its own address (as the reverse proxy names it): joins are limited per address.
        number = next(Participant.phones)
        address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        self.http = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True), headers={"X-Forwarded-For": address})
        self.id = None
        self.csrf = None
        self.waiting = {}  # hand's participant id -> future set when a screen shows it
        self.events = 0

    async def join(self):
        async with self.http.get(self.base + "/salle?code=" + self.code) as response:
            self.csrf = CSRF.search(await response.text()).group(1)
        form = {"_csrf": self.csrf, "code": self.code, "name": self.name}
        async with self.http.post(self.base + "/salle", data=form, allow_redirects=False) as response:
            assert response.status == 303, f"join answered {response.status}"
        async with self.http.get(self.base + f"/salles/{self.room}") as response:
            page = await response.text()
        self.id = re.search(r'data-me="([a-z0-9]+)"', page).group(1)
        self.csrf = CSRF.search(page).group(1)

    async def raise_hand(self):
        """Raises the hand; answers when the server's answer (303) came, for the write's own share of the time."""
        form = {"_csrf": self.csrf, "action": "raise", "kind": "topic"}
        async with self.http.post(self.base + f"/salles/{self.room}", data=form, allow_redirects=False) as response:
            assert response.status == 303, f"raise answered {response.status}"
        return time.perf_counter()

    async def watch(self, connected):
        """Reads the live screen's events; each `data-p` seen resolves whoever waits for it."""
        timeout = aiohttp.ClientTimeout(total=None, sock_read=None)
        async with self.http.get(self.base + f"/salles/{self.room}/direct", timeout=timeout) as response:
            assert response.status == 200, f"stream answered {response.status}"
            connected.release()
            data = []
            async for raw in response.content:
                line = raw.decode().rstrip("\n")
                if line.startswith("data: "):
                    data.append(line[6:])
                elif line == "" and data:
                    now = time.perf_counter()
                    self.events += 1
                    text = "\n".join(data)
                    data = []
                    for hand, future in list(self.waiting.items()):
                        if f'data-p="{hand}"' in text and not future.done():
                            future.set_result(now)


async def run_rooms(base, rooms, per_room, rounds, server_pid):
    """Joins `per_room` participants to each room, opens their screens, then raises one hand per room
    per round: answers the per-screen latencies (ms) and the memory figures."""
    participants = []
    for room, code in rooms:
        participants.append([Participant(base, room, code, f"P{index}") for index in range(per_room)])
    flat = [p for group in participants for p in group]
    for start in range(0, len(flat), 50):
        await asyncio.gather(*(p.join() for p in flat[start:start + 50]))
    await asyncio.sleep(1)
    before = memory_kib(server_pid)
    connected = asyncio.Semaphore(0)
    watchers = [asyncio.create_task(p.watch(connected)) for p in flat]
    for _ in flat:
        await connected.acquire()
    await asyncio.sleep(2)
    after = memory_kib(server_pid)
    latencies, posts = [], []
    for round_number in range(rounds):
        raisers = [group[round_number % per_room] for group in participants]
        futures = []
        for group, raiser in zip(participants, raisers):
            for screen in group:
                future = asyncio.get_running_loop().create_future()
                screen.waiting[raiser.id] = future
                futures.append(future)
        started = time.perf_counter()
        answered = await asyncio.gather(*(raiser.raise_hand() for raiser in raisers))
        posts += [(moment - started) * 1000 for moment in answered]
        arrivals = await asyncio.wait_for(asyncio.gather(*futures), timeout=30)
        latencies += [(arrival - started) * 1000 for arrival in arrivals]
        for group, raiser in zip(participants, raisers):
            for screen in group:
                screen.waiting.pop(raiser.id, None)
        await asyncio.sleep(0.3)
    for watcher in watchers:
        watcher.cancel()
    await asyncio.gather(*watchers, return_exceptions=True)
    await asyncio.gather(*(p.http.close() for p in flat))
    return latencies, before, after, len(flat), posts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--rounds", type=int, default=30)
    arguments = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 8192)), hard))
    work = tempfile.mkdtemp(prefix="eclairage-room-bench-")
    env = dict(os.environ, SQLITE_PATH=os.path.join(work, "bench.sqlite"), CONTENT_PATH=os.path.join(ROOT, "Content"),
               BASE_URL=f"http://127.0.0.1:{arguments.port}", LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    env.pop("SENDMAIL_PATH", None)
    places = os.path.join(work, "places.csv")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/make_directory_csv.py"), "--rows", "5", "--seed", "1",
                    "--departements", "37", "--date-ref", "2026-11-01", "-o", places], check=True, capture_output=True, timeout=120)
    subprocess.run([arguments.binary, "annuaire", "importer", "--appliquer", places], env=env, cwd=ROOT, capture_output=True,
                   check=True, timeout=300)
    subprocess.run([arguments.binary, "create-admin", "--email", EMAIL, "--name", "Banc"], input=PASSWORD + "\n", env=env,
                   cwd=ROOT, capture_output=True, text=True, check=True, timeout=300)
    server = subprocess.Popen([arguments.binary, "serve", "--hostname", "127.0.0.1", "--port", str(arguments.port)], env=env,
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{arguments.port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.05)
    try:
        sys.path.insert(0, os.path.dirname(__file__))
        from browser_check import Client  # noqa: E402
        admin = Client(base)
        admin.location("/connexion", {"email": EMAIL, "password": PASSWORD})
        _, page, _ = admin.request("/annuaire")
        place = re.findall(r"/annuaire/lieux/([a-z0-9]+)", page)[0]
        first = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
        training = admin.location("/agenda/nouvelle", {
            "place": place, "title": "Atelier en salle", "kind": "atelier", "description": "Parler chacun son tour.",
            "location": "", "online_url": "", "start": f"{first}T14:00", "duration": "120", "every": "7", "count": "21",
            "capacity": "60"})
        _, page, _ = admin.request(training)
        sessions = list(dict.fromkeys(re.findall(r"/agenda/seances/([a-z0-9]+)/inscription", page)))

        def open_room(session):
            room = admin.location(f"/agenda/seances/{session}/salle", {}).split("/")[-2]
            _, page, _ = admin.request(f"/salles/{room}/animation")
            return room, re.search(r"<strong>([A-Z0-9]{6})</strong>", page).group(1)

        idle = memory_kib(server.pid)
        one = asyncio.run(run_rooms(base, [open_room(sessions[0])], 200, arguments.rounds, server.pid))
        many = asyncio.run(run_rooms(base, [open_room(s) for s in sessions[1:21]], 50, arguments.rounds, server.pid))
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"\nworkshop room, SQLite, {arguments.binary}, {os.cpu_count()} cores, {arguments.rounds} rounds\n")
    print("| case | live screens | deliveries measured | p50 (ms) | p99 (ms) | max (ms) | target p99 | the raise's own POST p50 / max (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    ok = True
    for label, (latencies, _, _, screens, posts) in (("one room of 200", one), ("20 rooms of 50, a hand in each at once", many)):
        p99 = percentile(latencies, 0.99)
        ok = ok and p99 < 200
        print(f"| {label} | {screens} | {len(latencies)} | {statistics.median(latencies):.1f} | {p99:.1f} | "
              f"{max(latencies):.1f} | < 200 | {statistics.median(posts):.1f} / {max(posts):.1f} |")
    print(f"\nload average during the run (1, 5, 15 min): {os.getloadavg()}")
    print(f"\nserver memory idle: RSS {idle[0] / 1024:.1f} MiB, anonymous {idle[1] / 1024:.1f} MiB\n")
    print("| case | screens | RSS before → after (MiB) | anonymous before → after (MiB) | per connected participant (KiB, RSS / anonymous) |")
    print("|---|---:|---:|---:|---:|")
    for label, (_, before, after, screens, _) in (("one room of 200", one), ("20 rooms of 50", many)):
        print(f"| {label} | {screens} | {before[0] / 1024:.1f} → {after[0] / 1024:.1f} | {before[1] / 1024:.1f} → "
              f"{after[1] / 1024:.1f} | {(after[0] - before[0]) / screens:.1f} / {(after[1] - before[1]) / screens:.1f} |")
    print("\n" + ("targets met" if ok else "TARGETS MISSED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
