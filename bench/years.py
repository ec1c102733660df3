#!/usr/bin/env python3
"""Cost flat with the years (issue 19, item 9).

Replays 1,000,000 events (about ten years of a large community: the replay
benchmark's conversation, 2,000 residents) into one file database with the
release binary, and reports events/s for each 100,000, timed by when the reply
to the last event of each 100,000 is printed. The target: the last 100,000 run at
>= 80% of the rate of the first.

    bench/years.sh          # builds in release mode, then runs this
    BENCH_EVENTS=300000 python3 bench/years.py   # a shorter look
"""
import json, os, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from replay import BIN, ROOT, workspace  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "1000000"))
STEP = int(os.environ.get("BENCH_STEP", "100000"))


def main():
    if not os.path.exists(BIN):
        sys.exit(f"no release binary at {BIN}: run bench/years.sh")
    with tempfile.TemporaryDirectory(prefix="linli-years-") as work:
        cfile, efile, db = workspace(work, EVENTS, "years.sqlite")
        # Timed from the reply to the first event: the start-up is not part of the first 100,000.
        marks = {"ev-0": 1, **{f"ev-{k - 1}": k for k in range(STEP, EVENTS + 1, STEP)}}
        times = {}
        with open(efile, "rb") as stdin:
            start = time.perf_counter()
            proc = subprocess.Popen([BIN, "run", "--community", cfile, "--commands", os.path.join(ROOT, "commands"), "--db", db],
                                    stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
            for line in proc.stdout:
                if b'"in_reply_to"' not in line:
                    continue
                reply = json.loads(line).get("in_reply_to")
                if reply in marks:
                    times[marks[reply]] = time.perf_counter() - start
            if proc.wait() != 0:
                sys.exit(f"linli exited with {proc.returncode}")
        size = sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s)) / 1e6
    previous, first, rates = 1, times.pop(1), []
    for k in sorted(times):
        rates.append((k - previous) / (times[k] - (times.get(previous) or first)))
        print(f"events {previous + 1:>9,}-{k:>9,}: {rates[-1]:>8,.0f} events/s")
        previous = k
    ratio = rates[-1] / rates[0]
    elapsed = times[previous] - first
    print(f"{EVENTS:,} events in {elapsed:.1f} s ({(EVENTS - 1) / elapsed:,.0f} events/s), database {size:,.0f} MB; "
          f"last/first = {ratio:.2f} (target >= 0.80: {'met' if ratio >= 0.8 else 'NOT met'})")


if __name__ == "__main__":
    main()
