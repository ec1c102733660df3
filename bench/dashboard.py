#!/usr/bin/env python3
"""The staff pages' speed (issue 18, item 6).

Makes one year of a 2,000-household community (about 100,000 work orders, written
straight into a database `linli` created), starts the release `linli serve` on it,
signs in through a link the bot gives, and times, as the median of 10 requests
each: GET /healthz, GET /dashboard (this month, the whole community), and
GET /open311/v2/requests.json for the last 90 days. Targets: the overview under
200 ms, requests.json under 300 ms.

    bench/dashboard.sh                 # builds in release mode, then runs this
    BENCH_ORDERS=20000 python3 bench/dashboard.py
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != HERE]  # bench/http.py would hide the standard library's http
import json, random, re, socket, sqlite3, statistics, subprocess, tempfile, time, urllib.error, urllib.request  # noqa: E402

sys.path.insert(0, HERE)
from replay import BIN, ROOT, community  # noqa: E402

ORDERS = int(os.environ.get("BENCH_ORDERS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
BUILDINGS, RESIDENTS = 20, 2000
LIMITS = {"leak": (30 * 60, 24 * 3600), "noise": (86400, 7 * 86400), "light": (86400, 7 * 86400)}


def fill(db, now_ms):
    """ORDERS work orders spread over the year before now, in every state."""
    rng = random.Random(18)
    year = 365 * 86400 * 1000
    con = sqlite3.connect(db)
    rows = []
    for n in range(1, ORDERS + 1):
        created = now_ms - year + n * year // (ORDERS + 1)
        r = rng.randrange(RESIDENTS)
        b = r % BUILDINGS + 1
        cat = ("leak", "light", "noise")[n % 3]
        accept, resolve = LIMITS[cat]
        roll = rng.random()
        accepted = resolved = closed = rating = resolution = overdue = None
        state = "submitted"
        if roll < 0.9 or created < now_ms - 7 * 86400 * 1000:
            accepted = created + rng.randrange(accept * 2) * 1000
            state = "accepted"
            if roll < 0.85 or created < now_ms - 30 * 86400 * 1000:
                resolved = accepted + rng.randrange(resolve * 2) * 1000
                state, resolution = "resolved", ("fixed", "fixed", "fixed", "unable", "referred")[n % 5]
                if resolved - accepted > resolve * 1000:
                    overdue = accepted + resolve * 1000
                if rng.random() < 0.7:
                    rating, state, closed = rng.choice([5, 5, 4, 4, 3, 2]), "closed", resolved + 3600_000
                elif resolved < now_ms - 3 * 86400 * 1000:
                    state, closed = "closed", resolved + 3 * 86400 * 1000
        if roll > 0.985:
            state, accepted, resolved, closed, rating, resolution, overdue = "cancelled", None, None, None, None, None, None
        rows.append((n, cat, f"b{b}", f"{200 + r // BUILDINGS}", f"报修内容 {n}", f"u-r{r}", f"bench-b{b}", state, "person", f"u-cap{b}",
                     "captain", created, accepted, resolved, closed, "修好了" if resolved else None, rating, resolution, overdue))
    con.executemany("""INSERT INTO work_orders(number, category, building, place, details, reporter, origin_group, state, assignee_kind,
        assignee, level, created_at, accepted_at, resolved_at, closed_at, result, rating, resolution, overdue_at)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows)
    con.commit()
    con.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(url, headers=None):
    samples = []
    for _ in range(RUNS):
        request = urllib.request.Request(url, headers=headers or {})
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            body = response.read()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), len(body)


def main():
    if not os.path.exists(BIN):
        sys.exit(f"no release binary at {BIN}: run bench/dashboard.sh")
    with tempfile.TemporaryDirectory(prefix="linli-dash-") as work:
        cfile, db = os.path.join(work, "community.yaml"), os.path.join(work, "dash.sqlite")
        community(cfile)
        text = open(cfile).read().replace("  groups: [bench-office]", "  groups: [bench-office]\n  open311: true", 1)
        open(cfile, "w").write(text)
        subprocess.run([BIN, "run", "--community", cfile, "--commands", os.path.join(ROOT, "commands"), "--db", db],
                       input=b"", check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started = time.perf_counter()
        fill(db, int(time.time() * 1000))
        print(f"{ORDERS:,} work orders written in {time.perf_counter() - started:.1f} s")
        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        serve = subprocess.Popen([BIN, "serve", "--community", cfile, "--commands", os.path.join(ROOT, "commands"), "--db", db,
                                  "--port", str(port), "--insecure-no-auth", "--public-url", origin],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(origin + "/healthz").read()
                    break
                except OSError:
                    time.sleep(0.05)
            event = json.dumps({"id": "dash-1", "from": "u-staff", "text": "后台"}).encode()
            reply = json.loads(urllib.request.urlopen(urllib.request.Request(origin + "/v1/events", data=event)).read())
            link = re.search(r"(http://\S+/dashboard/login\?token=\S+)", reply["events"][0]["text"]).group(1)

            class NoRedirect(urllib.request.HTTPRedirectHandler):
                def redirect_request(self, *args):
                    return None
            try:
                urllib.request.build_opener(NoRedirect).open(link)
                sys.exit("the sign-in link did not redirect")
            except urllib.error.HTTPError as e:
                cookie = e.headers["Set-Cookie"].split(";")[0]
            health, _ = timed(origin + "/healthz")
            overview, size = timed(origin + "/dashboard", {"Cookie": cookie})
            requests, count = timed(origin + "/open311/v2/requests.json")
            print(f"GET /healthz                         median {health:7.1f} ms")
            print(f"GET /dashboard (this month)          median {overview:7.1f} ms ({size:,} bytes)  target < 200 ms: {'met' if overview < 200 else 'NOT met'}")
            print(f"GET /open311/v2/requests.json (90 d) median {requests:7.1f} ms ({count:,} bytes)  target < 300 ms: {'met' if requests < 300 else 'NOT met'}")
        finally:
            serve.terminate()
            serve.wait()


if __name__ == "__main__":
    main()
