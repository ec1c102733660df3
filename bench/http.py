#!/usr/bin/env python3
"""HTTP ingress benchmark (issue: linli serve).

Starts the release `linli serve` on 127.0.0.1 with a secret, loads
`POST /v1/events` with signed single-event bodies (reports from many residents,
pre-signed: a signature covers the body and stays valid for 5 minutes) using wrk
and a Lua script, at several numbers of connections (BENCH_CONNECTIONS, default
16,32,50: wrk and the server share the machine's two cores, so past a point more
connections only queue), then loads `GET /healthz` the same way. In the same
run it loads a bare Hummingbird 2 app (bench/baseline: `GET /healthz` answers
"ok", `POST /v1/events` reads the body and answers a fixed JSON) with the same
requests, wrk settings and connections, right after each load of linli.
Prints requests/s and p99 latency, median of N runs, and the ratios of linli's
figures to the bare app's (and of POST to /healthz).

    bench/http.sh        # installs wrk, builds linli and the bare app in release mode, runs this
"""
import base64, hashlib, hmac, importlib.util, json, os, re, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("LINLI_BIN", os.path.join(ROOT, ".build/release/linli"))
BASELINE = os.environ.get("BASELINE_BIN", os.path.join(ROOT, "bench/baseline/.build/release/baseline"))
PORT = int(os.environ.get("BENCH_PORT", "18190"))
BARE = f"http://127.0.0.1:{PORT + 100}"  # the bare app
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
# Requests with their own ids in a run: more than linli answers in SECONDS.
UNIQUE = int(os.environ.get("BENCH_UNIQUE", str(60_000 * SECONDS)))
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "16,32,50").split(",")]
# PostgreSQL instead of SQLite (a server's URL; a fresh database is made on it), and
# with it BENCH_SERVERS `linli serve` sharing that database behind nginx on PORT.
POSTGRES = os.environ.get("BENCH_POSTGRES")
SERVERS = int(os.environ.get("BENCH_SERVERS", "1"))


def sign(body, i, tag, ts=None):
    key = base64.b64decode(SECRET[6:])
    msg_id, ts = f"msg_{tag}_{i}", ts or str(int(time.time()))
    sig = base64.b64encode(hmac.new(key, f"{msg_id}.{ts}.{body}".encode(), hashlib.sha256).digest()).decode()
    return {"webhook-id": msg_id, "webhook-timestamp": ts, "webhook-signature": f"v1,{sig}", "content-type": "application/json"}


THREADS = 2
# Gives each wrk thread its number (0, 1, …) as the global `tid`.
THREAD_IDS = """local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end"""


# A report's body, as json.dumps writes it (Python) and string.format rebuilds it (Lua).
BODY = '{"ts": "2026-11-28T09:00:00+08:00", "group": "%s", "from": "%s", "text": "报修 路灯 楼道灯不亮 %d"}'
RESIDENTS = [("u-li", "fudi-b3"), ("u-zhang", "fudi-b3"), ("u-wu", "fudi-b1"), ("u-xu", "fudi-b2"), ("u-huang", "fudi-b4"), ("u-zhao", "fudi-b4")]


def lua(path, n, tag):
    """n signed requests, each with its own webhook-id (a repeated id is answered
    from the server's replay guard, which would measure nothing). The script keeps
    only each request's signature and builds its body when sending: a Lua function
    holds at most 65,536 constants, so the signatures come in functions of 20,000."""
    ts = str(int(time.time()))
    lines = ["local sigs = {}"]
    for first in range(0, n, 20000):
        chunk = []
        for i in range(first, min(n, first + 20000)):
            who, group = RESIDENTS[i % len(RESIDENTS)]
            body = BODY % (group, who, i)
            assert body == json.dumps({"ts": "2026-11-28T09:00:00+08:00", "group": group, "from": who, "text": f"报修 路灯 楼道灯不亮 {i}"}, ensure_ascii=False)
            chunk.append(json.dumps(sign(body, i, tag, ts)["webhook-signature"]))
        lines.append("for _, s in ipairs((function() return {%s} end)()) do sigs[#sigs + 1] = s end" % ",".join(chunk))
    # Each of wrk's threads takes every THREADS-th request: the same list in both would
    # send every id twice, and half the requests would be replays.
    residents = ",".join('{"%s","%s"}' % r for r in RESIDENTS)
    lines += [THREAD_IDS, f"local residents = {{{residents}}}", f"local body = {json.dumps(BODY, ensure_ascii=False)}", "local i = 0",
              "request = function()", f"  local k = (i * {THREADS} + tid) % #sigs", "  i = i + 1",
              "  local r = residents[k % #residents + 1]",
              f'  local headers = {{["host"] = "127.0.0.1", ["webhook-id"] = "msg_{tag}_" .. k, ["webhook-timestamp"] = "{ts}",',
              '    ["webhook-signature"] = sigs[k + 1], ["content-type"] = "application/json"}',
              '  return wrk.format("POST", "/v1/events", headers, string.format(body, r[2], r[1], k))', "end"]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return n


def wrk(url, script=None, connections=50):
    cmd = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{SECONDS}s", "--latency", url] + (["-s", script] if script else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sent = int(re.search(r"(\d+) requests in", out).group(1))
    return rps, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0, sent


def proxy(work, ports):
    """nginx on PORT in front of `ports` (as deploy/nginx-linli.conf); returns its stop."""
    spec = importlib.util.spec_from_file_location("bench_deliver", os.path.join(ROOT, "bench/deliver.py"))
    deliver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(deliver)
    servers = " ".join(f"server 127.0.0.1:{p};" for p in ports)
    return deliver.nginx(work, PORT, upstream=f"upstream linli {{ {servers} keepalive 64; }}",
                         location='proxy_pass http://linli; proxy_http_version 1.1; proxy_set_header Connection "";')


def median(pairs, side, figure):
    """The median of one figure (0: req/s, 1: p99 ms) of one side (0: linli, 1: the bare app) over the runs."""
    return statistics.median(pair[side][figure] for pair in pairs)


def report(health, posts):
    """The medians of the runs, and linli's rates as ratios to the bare app's in the same run."""
    get_to_bare = statistics.median(h[0] / g[0] for h, g in health)
    print(f"median of {RUNS}: GET /healthz {median(health, 0, 0):,.0f} req/s, p99 {median(health, 0, 1):.2f} ms; "
          f"bare GET {median(health, 1, 0):,.0f} req/s, p99 {median(health, 1, 1):.2f} ms; healthz/bare GET = {get_to_bare:.2f}")
    for c in CONNECTIONS:
        rate, p99 = median(posts[c], 0, 0), median(posts[c], 0, 1)
        to_health = statistics.median(p[0] / h[0] for (p, _), (h, _) in zip(posts[c], health))
        to_bare = statistics.median(p[0] / b[0] for p, b in posts[c])
        met = f"issue 19: >= 5,000/s {'met' if rate >= 5000 else 'NOT met'}, p99 < 20 ms {'met' if p99 < 20 else 'NOT met'}"
        print(f"median of {RUNS}, {c} connections: POST {rate:,.0f} events/s, p99 {p99:.2f} ms; bare POST {median(posts[c], 1, 0):,.0f} "
              f"req/s, p99 {median(posts[c], 1, 1):.2f} ms; POST/bare POST = {to_bare:.2f}, POST/healthz = {to_health:.2f}; {met}")
    # Issue 20's targets, as ratios to the bare app.
    def said(ok):
        return "met" if ok else "NOT met"

    line = f"issue 20: healthz/bare GET >= 0.80 {said(get_to_bare >= 0.8)}"
    if 32 in CONNECTIONS:
        post = statistics.median(p[0] / b[0] for p, b in posts[32]) >= 0.5
        line += f"; at 32 connections POST/bare POST >= 0.50 {said(post)}, p99 < 10 ms in every run {said(all(p[1] < 10 for p, _ in posts[32]))}"
    print(line)


def main():
    if not os.path.exists(BIN) or not os.path.exists(BASELINE):
        sys.exit(f"no release binary at {BIN} or no bare app at {BASELINE}: run bench/http.sh")
    with tempfile.TemporaryDirectory(prefix="linli-http-") as work:
        script = os.path.join(work, "post.lua")
        env = dict(os.environ, LINLI_INGRESS_SECRET=SECRET)
        # The demo community without its webhooks: this measures ingress, not delivery.
        community = os.path.join(work, "community.yaml")
        with open(os.path.join(ROOT, "seeds/fudi.yaml")) as f:
            text = re.sub(r", webhook: [\w-]+", "", f.read()).replace("    webhook: generic-water\n", "")
        with open(community, "w") as f:
            f.write(text)
        if POSTGRES:
            name = f"linli_http_{os.getpid()}"
            subprocess.run(["psql", "-q", POSTGRES, "-c", f"CREATE DATABASE {name}"], check=True)
            db = POSTGRES.rsplit("/", 1)[0] + "/" + name
        elif SERVERS > 1:
            sys.exit("BENCH_SERVERS > 1 needs BENCH_POSTGRES: servers share a PostgreSQL database")
        else:
            db = os.path.join(work, "bench.sqlite")
        ports = [PORT] if SERVERS == 1 else [PORT + 1 + k for k in range(SERVERS)]
        servers = [subprocess.Popen([BIN, "serve", "--community", community, "--commands", os.path.join(ROOT, "commands"),
                                     "--db", db, "--port", str(port), "--sender-limit", "0", "--drain-timeout", "0"],
                                    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for port in ports]
        stop_proxy = proxy(work, ports) if SERVERS > 1 else (lambda: None)
        bare = subprocess.Popen([BASELINE, str(PORT + 100)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.5)
        try:
            # (linli, bare app) pairs of wrk figures, one per run.
            posts, health = {c: [] for c in CONNECTIONS}, []
            for k in range(RUNS):
                for c in CONNECTIONS:
                    # Fresh ids (signatures made now: valid for five minutes), more than a run
                    # sends: past them, ids would repeat and be answered from the replay guard.
                    n = lua(script, UNIQUE, f"{k}_{c}")
                    p, b = wrk(f"http://127.0.0.1:{PORT}", script, c), wrk(BARE, script, c)
                    if p[3] > n:
                        print(f"warning: {p[3]:,} requests for {n:,} ids: the rate is inflated by repeats")
                    posts[c].append((p, b))
                    print(f"run {k + 1}, {c} connections: POST /v1/events {p[0]:,.0f} req/s, p99 {p[1]:.2f} ms, non-2xx {p[2]}; "
                          f"bare POST {b[0]:,.0f} req/s, p99 {b[1]:.2f} ms")
                h, g = wrk(f"http://127.0.0.1:{PORT}/healthz"), wrk(f"{BARE}/healthz")
                health.append((h, g))
                print(f"run {k + 1}, 50 connections: GET /healthz {h[0]:,.0f} req/s, p99 {h[1]:.2f} ms; "
                      f"bare GET {g[0]:,.0f} req/s, p99 {g[1]:.2f} ms")
            report(health, posts)
        finally:
            bare.terminate()
            bare.wait(timeout=30)
            stop_proxy()
            for server in servers:
                server.terminate()
                server.wait(timeout=30)


if __name__ == "__main__":
    main()
