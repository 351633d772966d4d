#!/usr/bin/env python3
"""Symbol order for the release link: which functions the server runs, in the order it first runs them.

Why: the kernel maps a binary's code in 64 KiB windows around each page it touches, so functions
run at start-up and per request, scattered across 30 MiB of code, keep most of it resident. Listing
them first (lld --symbol-ordering-file, see Package.swift) packs them into a few MiB.

How: the server runs under ptrace with a one-shot breakpoint (int3) on the first byte of every
function of the executable; each hit is recorded, the byte restored and the thread resumed. Meanwhile
the site is used as a visitor and a member would (every page of pages.tsv and the main forms).

Usage: python3 scripts/link_order.py [--binary .build-release/release/eclairage] [--out Sources/Eclairage/symbol-order.txt]
                                     [--postgres postgres://user@127.0.0.1:5432/empty_database]
Build first with scripts/build-release. SwiftPM does not track the order file: delete the binary and
run scripts/build-release again to link with the new order. x86_64 Linux, as root or with ptrace
allowed; takes a few seconds. Regenerate when start-up or the main pages change much: functions
missing from the list still work, they are only laid out further away."""
import argparse
import ctypes
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from browser_check import PAGES, PASSWORD, EMAIL, Client, create_data  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PTRACE_TRACEME, PTRACE_CONT, PTRACE_GETREGS, PTRACE_SETREGS = 0, 7, 12, 13
PTRACE_SETOPTIONS, PTRACE_GETEVENTMSG = 0x4200, 0x4201
PTRACE_O_TRACECLONE, PTRACE_O_EXITKILL = 0x8, 0x100000
PTRACE_EVENT_CLONE, WALL, RIP = 3, 0x40000000, 16

libc = ctypes.CDLL(None, use_errno=True)
libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
libc.ptrace.restype = ctypes.c_long
Registers = ctypes.c_ulonglong * 27
REAPED = {}  # exit codes of untraced helper processes, which the tracing loop's waitpid collects


def functions(binary):
    """Function symbols of the executable: {address relative to the load base: [names]}."""
    out = subprocess.run(["readelf", "-sW", "--wide", binary], capture_output=True, text=True, check=True).stdout
    table = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 8 and parts[3] == "FUNC" and parts[6] not in ("UND", "ABS") and int(parts[2]) > 0:
            table.setdefault(int(parts[1], 16), []).append(parts[7].split("@")[0])
    return table


def code_mapping(pid, binary):
    real = os.path.realpath(binary)
    base, ranges = None, []
    with open(f"/proc/{pid}/maps") as maps:
        for line in maps:
            parts = line.split()
            if len(parts) < 6 or os.path.realpath(parts[5]) != real:
                continue
            start, end = (int(x, 16) for x in parts[0].split("-"))
            if base is None:
                base = start - int(parts[2], 16)
            if "x" in parts[1]:
                ranges.append((start, end))
    return base, ranges


def trace(binary, arguments, env, on_ready):
    """Runs the binary under ptrace; returns (address, names) of each function run, in first-run order."""
    table = functions(binary)
    child = os.fork()
    if child == 0:
        libc.ptrace(PTRACE_TRACEME, 0, None, None)
        os.chdir(ROOT)
        os.execve(binary, [binary] + arguments, env)
    os.waitpid(child, WALL)
    libc.ptrace(PTRACE_SETOPTIONS, child, None, PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL)
    base, ranges = code_mapping(child, binary)
    memory = open(f"/proc/{child}/mem", "r+b", buffering=0)
    original = {}
    for start, end in ranges:
        memory.seek(start)
        code = bytearray(memory.read(end - start))
        for offset in table:
            address = base + offset
            if start <= address < end:
                original[address] = code[address - start]
                code[address - start] = 0xCC
        memory.seek(start)
        memory.write(bytes(code))
    print(f"{len(original)} breakpoints set", file=sys.stderr)
    hits, restored, threads = [], set(), {child}
    libc.ptrace(PTRACE_CONT, child, None, None)
    ready = False
    while threads:
        tid, status = os.waitpid(-1, WALL)
        if os.WIFEXITED(status) or os.WIFSIGNALED(status):
            if tid not in threads:  # a helper process the exercise started: not traced
                REAPED[tid] = os.waitstatus_to_exitcode(status)
            threads.discard(tid)
            if tid == child:
                break
            continue
        threads.add(tid)  # a new thread may stop before its parent reports the clone
        signal_number, event = os.WSTOPSIG(status), status >> 16
        deliver = 0
        if signal_number == signal.SIGTRAP and event == PTRACE_EVENT_CLONE:
            message = ctypes.c_ulong()
            libc.ptrace(PTRACE_GETEVENTMSG, tid, None, ctypes.byref(message))
            threads.add(message.value)
        elif signal_number == signal.SIGTRAP:
            registers = Registers()
            libc.ptrace(PTRACE_GETREGS, tid, None, ctypes.byref(registers))
            address = registers[RIP] - 1
            if address in original and address not in restored:
                memory.seek(address)
                memory.write(bytes([original[address]]))
                restored.add(address)
                hits.append(address - base)
            if address in restored:
                registers[RIP] = address
                libc.ptrace(PTRACE_SETREGS, tid, None, ctypes.byref(registers))
            else:
                deliver = signal_number
        elif signal_number != signal.SIGSTOP:
            deliver = signal_number
        libc.ptrace(PTRACE_CONT, tid, None, deliver)
        if not ready and tid == child:
            ready = True
            threading.Thread(target=on_ready, args=(child,), daemon=True).start()
    return [(offset, table[offset]) for offset in hits]


def exercise(binary, env, port, log_path):
    """Uses the site as people do (the administrator is created once the server runs), then stops it."""
    def run(pid):
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        urllib.request.urlopen(base + "/", timeout=2).read()
        admin = subprocess.Popen([binary, "create-admin", "--email", EMAIL, "--name", "Ordre"], stdin=subprocess.PIPE,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
        admin.stdin.write((PASSWORD + "\n").encode())
        admin.stdin.close()
        while admin.pid not in REAPED:
            time.sleep(0.05)
        if REAPED[admin.pid] != 0:
            os.kill(pid, signal.SIGTERM)
            raise SystemExit("create-admin failed")
        client = Client(base)
        data = create_data(client, log_path)
        visitor = Client(base)
        for line in open(PAGES, encoding="utf-8").read().splitlines():
            if line and not line.startswith("#"):
                _, who, path = line.split("\t")
                (visitor if who == "visitor" else client).request(path.format(**data))
        client.request("/outils?q=tableur+libre&budget=free")
        client.request(f"/diagnostics/{data['diagnostic']}/export.csv")
        for _ in range(3):
            Client(base).request("/connexion", {"email": EMAIL, "password": "pas le bon mot de passe"})
        os.kill(pid, signal.SIGTERM)
    return run


def session(binary, port, database_url=None):
    """One traced run on a fresh database, as a fresh install starts: the migrations run under the
    trace, default settings."""
    workdir = tempfile.mkdtemp(prefix="eclairage-order-")
    log_path = os.path.join(workdir, "server.log")
    env = dict(os.environ, SQLITE_PATH=os.path.join(workdir, "order.sqlite"), CONTENT_PATH=os.path.join(ROOT, "Content"))
    for name in ("DATABASE_URL", "BASE_URL", "LOG_LEVEL"):
        env.pop(name, None)
    if database_url:
        env["DATABASE_URL"] = database_url
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT)
    saved = os.dup(1), os.dup(2)
    os.dup2(log, 1), os.dup2(log, 2)
    try:
        return trace(binary, ["serve", "--port", str(port)], env, exercise(binary, env, port, log_path))
    finally:
        os.dup2(saved[0], 1), os.dup2(saved[1], 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/eclairage"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Sources/Eclairage/symbol-order.txt"))
    parser.add_argument("--port", type=int, default=8096)
    parser.add_argument("--postgres", metavar="URL",
                        help="an empty PostgreSQL database: a second run there adds the functions only PostgreSQL uses")
    options = parser.parse_args()
    binary = os.path.realpath(options.binary)
    runs = [session(binary, options.port)]
    if options.postgres:
        runs.append(session(binary, options.port, options.postgres))
    names, seen = [], set()
    for hits in runs:  # SQLite's functions first, then those only PostgreSQL runs
        for _, symbols in hits:
            for name in symbols:
                if name not in seen:
                    seen.add(name)
                    names.append(name)
    with open(options.out, "w") as out:
        out.write("\n".join(names) + "\n")
    print(f"{sum(len(hits) for hits in runs)} function hits in {len(runs)} run(s), {len(names)} symbols written to "
          f"{os.path.relpath(options.out, ROOT)}")


if __name__ == "__main__":
    main()
