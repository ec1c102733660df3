#!/usr/bin/env python3
"""Delivery benchmark for the webhook outbox (issue: webhooks with libcurl).

Queues 10,000 pushes (a community whose captain has a signed generic webhook,
10,000 reports), then times `linli deliver --flush --until-empty` against nginx
on 127.0.0.1, and in the same run posts the same bodies with the curl CLI
(`curl --parallel --parallel-max 50`, the same libcurl) as the baseline.
Prints deliveries/s for both as the median of N runs and their ratio.

    bench/deliver.sh        # installs nginx and curl, builds in release mode, runs this
"""
import os, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("LINLI_BIN", os.path.join(ROOT, ".build/release/linli"))
PUSHES = int(os.environ.get("BENCH_PUSHES", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PORT = int(os.environ.get("BENCH_PORT", "18089"))
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def community(path, url):
    people = ["  - {id: u-cap, name: 楼栋长, home: b1-101, roles: [captain], webhook: hook}"]
    people += [f"  - {{id: u-r{i}, name: 居民{i}, home: b1-{2 + i // 30}{1 + i % 30:02d}}}" for i in range(200)]
    text = "\n".join([
        "community: {id: bench, name: 基准社区, timezone: Asia/Shanghai}",
        "buildings:", "  - {id: b1, name: 1栋, captain: u-cap, groups: [bench-b1]}",
        "people:", *people,
        "categories:", "  - {id: leak, names: [leak, 漏水], priority: P0, accept: 30d, resolve: 30d}",
        "webhooks:", f"  - {{id: hook, format: generic, url: '{url}', secret: {SECRET}}}",
    ])
    with open(path, "w") as f:
        f.write(text + "\n")


def nginx(workdir, port=PORT, access_log="off", location="""return 200 '{"errcode":0,"errmsg":"ok"}';""", upstream=""):
    """nginx on 127.0.0.1:`port`, by default answering every request 200; `access_log`:
    nginx's directive (say, a file and the format `arrivals`: `$msec $request_uri`);
    `location`, `upstream`: what it does instead (bench/http.py: a load balancer)."""
    conf = os.path.join(workdir, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
    log_format arrivals '$msec $request_uri';
    access_log {access_log};
    client_body_temp_path {workdir};
    keepalive_requests 100000;
    {upstream}
    server {{
        listen 127.0.0.1:{port};
        location / {{ client_body_buffer_size 64k; {location} }}
    }}
}}
""")
    subprocess.run(["nginx", "-c", conf, "-p", workdir], check=True)
    time.sleep(0.3)
    return lambda: subprocess.run(["nginx", "-c", conf, "-p", workdir, "-s", "stop"], check=False)


def main():
    if not os.path.exists(BIN):
        sys.exit(f"no release binary at {BIN}: run bench/deliver.sh")
    with tempfile.TemporaryDirectory(prefix="linli-deliver-") as work:
        down, up = os.path.join(work, "down.yaml"), os.path.join(work, "up.yaml")
        url = f"http://127.0.0.1:{PORT}/hook"
        community(down, "http://127.0.0.1:9/unreachable")
        community(up, url)
        events = os.path.join(work, "events.txt")
        with open(events, "w") as f:
            for i in range(PUSHES):
                f.write(f"@2026-11-28T09:00:00+08:00 [bench-b1] u-r{i % 200}: report leak pipe {i}\n")
        queued = os.path.join(work, "queued.sqlite")
        with open(events) as stdin:
            subprocess.run([BIN, "run", "--community", down, "--commands", os.path.join(ROOT, "commands"), "--db", queued, "--drain-timeout", "0"],
                           stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        db = sqlite3.connect(queued)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        bodies = [row[0] for row in db.execute("SELECT event FROM outbox WHERE status = 'queued' ORDER BY id")]
        db.close()
        if len(bodies) != PUSHES:
            sys.exit(f"expected {PUSHES} queued pushes, found {len(bodies)}")
        config = os.path.join(work, "curl.cfg")
        with open(config, "w") as f:
            entries = []
            for body in bodies:
                escaped = body.replace("\\", "\\\\").replace('"', '\\"')
                entries.append(f'url = "{url}"\nheader = "Content-Type: application/json"\ndata-binary = "{escaped}"\noutput = "/dev/null"\n')
            f.write("next\n".join(entries))
        stop = nginx(work)
        try:
            ours, theirs = [], []
            for k in range(RUNS):
                run_db = os.path.join(work, f"run{k}.sqlite")
                shutil.copy(queued, run_db)
                start = time.perf_counter()
                subprocess.run([BIN, "deliver", "--community", up, "--commands", os.path.join(ROOT, "commands"), "--db", run_db, "--flush", "--until-empty"],
                               check=True, stderr=subprocess.DEVNULL)
                elapsed = time.perf_counter() - start
                db = sqlite3.connect(run_db)
                delivered = db.execute("SELECT count(*) FROM outbox WHERE status = 'delivered'").fetchone()[0]
                db.close()
                start = time.perf_counter()
                subprocess.run(["curl", "--parallel", "--parallel-max", "50", "--no-progress-meter", "-s", "-K", config], check=True)
                curl_elapsed = time.perf_counter() - start
                ours.append(delivered / elapsed)
                theirs.append(PUSHES / curl_elapsed)
                print(f"run {k + 1}: linli deliver {delivered} in {elapsed:.2f} s = {delivered / elapsed:,.0f}/s; "
                      f"curl --parallel {PUSHES} in {curl_elapsed:.2f} s = {PUSHES / curl_elapsed:,.0f}/s")
            rate, base = statistics.median(ours), statistics.median(theirs)
            ratio = statistics.median(o / t for o, t in zip(ours, theirs))
            print(f"median of {RUNS}: linli {rate:,.0f} deliveries/s; curl {base:,.0f}/s; linli/curl = {ratio:.2f}")
            print(f"targets: >= 5,000/s: {'met' if rate >= 5000 else 'NOT met'}; at least curl's rate: {'met' if ratio >= 1 else 'NOT met'}")
        finally:
            stop()


if __name__ == "__main__":
    main()
