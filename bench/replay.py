#!/usr/bin/env python3
"""Replay benchmark for `linli run` (issue: foundation).

Generates a community of 2,000 residents in 20 buildings and a 100,000-event
conversation (report → status → accept → done → rate, every command valid when
sent, `id` and `ts` on each line), runs the release binary against a file
database, and prints events/s and peak RSS as the median of N runs. In the same
run it measures two baselines, so the figure can be read as a ratio on a noisy
machine: the same number of `tick` events (read, decode, commit, no commands), and
the floor, bench/floor.c: the rows linli writes for the conversation, written from
C with prepared statements in transactions of the same size (no parsing, no
commands; see its header).

    bench/run.sh            # builds in release mode, then runs this
    BENCH_POSTGRES=postgres://user@127.0.0.1:5432/postgres python3 bench/replay.py
                            # the same on PostgreSQL: a fresh database on that server each run
"""
import itertools, json, os, resource, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("LINLI_BIN", os.path.join(ROOT, ".build/release/linli"))
FLOOR = os.environ.get("FLOOR_BIN", os.path.join(ROOT, ".build/bench-floor"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
POSTGRES = os.environ.get("BENCH_POSTGRES")
FRESH = itertools.count(1)
BUILDINGS, RESIDENTS = 20, 2000


def room(i):
    """The i-th room of a building, as a community file may give it: floors from 2, doors 1-30."""
    return f"{2 + i // 30}{1 + i % 30:02d}"


def community(path):
    lines = ["community:", "  id: bench", "  name: 基准社区", "  timezone: Asia/Shanghai", "  groups: [bench-office]",
             "grids:", "  - {id: g1, name: 一网格, leader: u-lead1}", "  - {id: g2, name: 二网格, leader: u-lead2}",
             "buildings:"]
    for b in range(1, BUILDINGS + 1):
        lines.append(f"  - {{id: b{b}, name: {b}栋, grid: g{1 + (b - 1) // 10}, captain: u-cap{b}, groups: [bench-b{b}]}}")
    lines += ["people:", "  - {id: u-lead1, name: 网格长一, roles: [grid_leader]}", "  - {id: u-lead2, name: 网格长二, roles: [grid_leader]}",
              "  - {id: u-staff, name: 社区, roles: [staff]}"]
    for b in range(1, BUILDINGS + 1):
        lines.append(f"  - {{id: u-cap{b}, name: 楼栋长{b}, home: b{b}-101, roles: [captain]}}")
    for r in range(RESIDENTS):
        b = r % BUILDINGS + 1
        lines.append(f"  - {{id: u-r{r}, name: 居民{r}, home: b{b}-{room(r // BUILDINGS)}}}")
    lines += ["categories:",
              "  - {id: leak, names: [leak, 漏水], priority: P1, accept: 30m, resolve: 24h}",
              "  - {id: noise, names: [noise, 噪音], priority: P2, accept: 1d, resolve: 7d, private: true}",
              "  - {id: light, names: [light, 路灯], priority: P2, accept: 1d, resolve: 7d}"]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def conversation(path, n):
    base = 1795827600  # 2026-11-28T01:00:00Z
    cats = [("报修 漏水", "厨房天花板滴水"), ("report light", "corridor lamp out"), ("反映 噪音", "楼上装修")]
    with open(path, "w") as f:
        i = 0
        order = 0
        while i < n:
            order += 1
            r = order % RESIDENTS
            b = r % BUILDINGS + 1
            word, details = cats[order % 3]
            steps = [
                (f"bench-b{b}", f"u-r{r}", f"{word} {details} {order}"),
                (None, f"u-r{r}", f"status R{order}"),
                (f"bench-b{b}", f"u-cap{b}", f"accept R{order}"),
                (None, f"u-cap{b}", f"done R{order} fixed"),
                (f"bench-b{b}", f"u-r{r}", f"rate R{order} 5 thanks"),
            ]
            for group, sender, text in steps:
                if i >= n:
                    break
                t = time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(base + 8 * 3600 + i))
                e = {"id": f"ev-{i}", "ts": t, "from": sender, "text": text}
                if group:
                    e["group"] = group
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
                i += 1


def ticks(path, n):
    base = 1795827600
    with open(path, "w") as f:
        for i in range(n):
            t = time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(base + 8 * 3600 + i))
            f.write(json.dumps({"id": f"t-{i}", "type": "tick", "ts": t}) + "\n")


def workspace(work, events, *names):
    """The community and the conversation of `events` events written in `work`;
    returns their paths, then the paths of `names` in it."""
    cfile, efile = os.path.join(work, "community.yaml"), os.path.join(work, "events.ndjson")
    community(cfile)
    conversation(efile, events)
    return (cfile, efile, *(os.path.join(work, n) for n in names))


def sqlite_file(workdir, name):
    """The path of a SQLite database `name` in `workdir`, with no file left from a run before."""
    db = os.path.join(workdir, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    return db


def run(events_file, community_file, workdir):
    if POSTGRES:
        name = f"linli_bench_{os.getpid()}_{next(FRESH)}"
        subprocess.run(["psql", "-q", POSTGRES, "-c", f"CREATE DATABASE {name}"], check=True)
        db = POSTGRES.rsplit("/", 1)[0] + "/" + name
    else:
        db = sqlite_file(workdir, "bench.sqlite")
    with open(events_file, "rb") as stdin, open(os.devnull, "wb") as devnull:
        start = time.perf_counter()
        proc = subprocess.Popen([BIN, "run", "--community", community_file, "--commands", os.path.join(ROOT, "commands"), "--db", db],
                                stdin=stdin, stdout=subprocess.PIPE, stderr=devnull, cwd=ROOT)
        lines = 0
        for _ in proc.stdout:
            lines += 1
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"linli exited with {status}")
    return elapsed, usage.ru_maxrss / 1024.0, lines


def floor(events_file, community_file, workdir):
    """Seconds the floor takes to write the conversation's rows into a database with
    linli's schema (made by linli from no input, not timed)."""
    db = sqlite_file(workdir, "floor.sqlite")
    subprocess.run([BIN, "run", "--community", community_file, "--commands", os.path.join(ROOT, "commands"), "--db", db],
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
    start = time.perf_counter()
    subprocess.run([FLOOR, db, events_file], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    if not os.path.exists(BIN) or not os.path.exists(FLOOR):
        sys.exit(f"no release binary at {BIN} or no floor at {FLOOR}: run bench/run.sh")
    with tempfile.TemporaryDirectory(prefix="linli-bench-") as work:
        cfile, efile, tfile = workspace(work, EVENTS, "ticks.ndjson")
        ticks(tfile, EVENTS)
        full, base, floors = [], [], []
        for k in range(RUNS):
            t, rss, lines = run(efile, cfile, work)
            full.append((EVENTS / t, rss, lines))
            bt, brss, _ = run(tfile, cfile, work)
            base.append((EVENTS / bt, brss))
            floors.append(EVENTS / floor(efile, cfile, work))
            print(f"run {k + 1}: conversation {EVENTS / t:,.0f} events/s, peak RSS {rss:.1f} MB, {lines} output lines; "
                  f"baseline (ticks) {EVENTS / bt:,.0f} events/s, peak RSS {brss:.1f} MB; floor (C, SQLite) {floors[-1]:,.0f} events/s")
        rate = statistics.median(f[0] for f in full)
        rss = statistics.median(f[1] for f in full)
        brate = statistics.median(b[0] for b in base)
        ratio = statistics.median(f[0] / b[0] for f, b in zip(full, base))
        to_floor = statistics.median(f[0] / fl for f, fl in zip(full, floors))
        print(f"median of {RUNS}: {rate:,.0f} events/s, peak RSS {rss:.1f} MB; "
              f"baseline {brate:,.0f} ticks/s; conversation/baseline = {ratio:.2f}")
        print(f"median of {RUNS}: floor (C, SQLite) {statistics.median(floors):,.0f} events/s; conversation/floor = {to_floor:.2f}")
        print(f"targets: >= 20,000 events/s: {'met' if rate >= 20000 else 'NOT met'}; < 100 MB: {'met' if rss < 100 else 'NOT met'}")


if __name__ == "__main__":
    main()
