#!/usr/bin/env python3
"""Chat platform callbacks against `linli serve` (issue 15), beside POST /v1/events.

Starts the release `linli serve` on the demo community with a DingTalk platform and
a Feishu app (with an encrypt key) whose groups map to fudi-b3 and who know u-li's
accounts, and nginx on 127.0.0.1 standing for DingTalk's session webhooks and
Feishu's API (its token and reply endpoints). Then, in the same run, wrk at
BENCH_CONNECTIONS (32) loads:
  - POST /v1/events: signed reports by u-li in fudi-b3 (as bench/http.py);
  - POST /v1/platforms/dd: signed DingTalk callbacks with the same reports, each
    with its own msgId and its own session webhook on the sink;
  - POST /v1/platforms/fs: encrypted and signed Feishu callbacks with the same
    reports, each with its own event and message id (answered on the reply API).
Prints requests/s and the p99 of the answer for each, the ratios, and the p99 of a
reply's arrival at the sink after its callback queued it (outbox created_at to sink
arrival, both wall-clock ms on this machine). Targets: callbacks within 80% of
/v1/events, replies at the sink within 50 ms p99.

    bench/platforms.sh        # installs wrk, builds in release mode, runs this
"""
import base64, hashlib, hmac, importlib.util, json, os, re, sqlite3, statistics, subprocess, sys, tempfile, time

try:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
except ImportError:
    sys.exit("the Feishu run encrypts with python3-cryptography: apt-get install python3-cryptography")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(name):
    """A sibling bench script as a module (bench/http.py would shadow the standard library's http)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", os.path.join(ROOT, f"bench/{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench_http, bench_deliver = load("http"), load("deliver")

BIN = bench_http.BIN
PORT = int(os.environ.get("BENCH_PORT", "18191"))
SINK = int(os.environ.get("BENCH_SINK_PORT", "18192"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
APP_SECRET = "SECbenchsecret"
FEISHU_KEY, FEISHU_TOKEN = "bench encrypt key", "vtBench"
# The sink: Feishu's token endpoint, and a success for everything else (DingTalk and Feishu alike).
SINK_ANSWERS = ("if ($request_uri ~ tenant_access_token) { return 200 '{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-bench\",\"expire\":7200}'; } "
                "return 200 '{\"errcode\":0,\"errmsg\":\"ok\",\"code\":0,\"msg\":\"success\"}';")


def arrivals(log):
    """When nginx (the sink, standing for DingTalk's session webhooks and Feishu's API) answered each path, in ms."""
    out = {}
    with open(log) as f:
        for line in f:
            at, path = line.split(" ", 1)
            out.setdefault(path.strip(), float(at) * 1000)
    return out


SIGNED = 0  # milliseconds of timestamps taken by earlier runs


def dingtalk_lua(path, tag, n=60000):
    """n callbacks, each with its own msgId, session URL and signature: DingTalk signs
    the timestamp (ms) only, and Linli takes a signature for one message, so each
    callback has its own timestamp (valid an hour). Past n, signatures repeat with
    other messages and are refused (counted as non-2xx). Each run takes timestamps no
    earlier run took (`SIGNED`): a signature seen before would be refused, and a fast
    refusal would pass for a callback handled."""
    global SIGNED
    start = int(time.time() * 1000) - SIGNED
    SIGNED += n
    expires = start + 3_600_000
    body = ('{"conversationId":"cidBench","msgId":"%s","senderStaffId":"manager4721","senderNick":"李菊珍",'
            '"conversationType":"2","isInAtList":true,"sessionWebhookExpiredTime":' + str(expires) + ','
            '"sessionWebhook":"http://127.0.0.1:' + str(SINK) + '/session/%s","text":{"content":" 报修 路灯 楼道灯不亮 %s"},"msgtype":"text"}')
    lines = ["signs = {}"]
    for i in range(n):
        ts = str(start - i)
        sign = base64.b64encode(hmac.new(APP_SECRET.encode(), f"{ts}\n{APP_SECRET}".encode(), hashlib.sha256).digest()).decode()
        lines.append(f'signs[{i + 1}] = {{"{ts}", "{sign}"}}')
    # Each of wrk's threads its own numbers (every THREADS-th): the same in both would
    # send every message twice, and half the callbacks would be repeats.
    lines.append(bench_http.THREAD_IDS)
    lines.append(f"""
local i = 0
local template = {json.dumps(body, ensure_ascii=False)}
request = function()
  local n = i * {bench_http.THREADS} + tid + 1
  i = i + 1
  local s = signs[(n - 1) % #signs + 1]
  local id = "{tag}_" .. n
  local headers = {{["timestamp"] = s[1], ["sign"] = s[2], ["content-type"] = "application/json"}}
  return wrk.format("POST", "/v1/platforms/dd", headers, string.format(template, id, id, n))
end
""")
    with open(path, "w") as f:
        f.write("\n".join(lines))


def feishu_lua(path, tag, n=20000):
    """n Feishu callbacks, each with its own event id and message id, encrypted (AES-256-CBC,
    key SHA-256 of the encrypt key, a random IV) and signed (SHA-256 of timestamp, nonce,
    encrypt key and body) as Feishu sends them. Each body is its own ciphertext, so the
    script holds them all (in functions of 10,000: a Lua function holds at most 65,536
    constants); past n, event ids repeat and are answered from what was kept."""
    key = hashlib.sha256(FEISHU_KEY.encode()).digest()
    stamp, nonce = str(int(time.time())), "benchnonce"
    lines = ["local bodies = {}"]
    for first in range(0, n, 10000):
        chunk = []
        for i in range(first, min(n, first + 10000)):
            content = json.dumps({"text": f"@_user_1 报修 路灯 楼道灯不亮 {i}"}, ensure_ascii=False)
            event = {"schema": "2.0",
                     "header": {"event_id": f"{tag}_{i}", "token": FEISHU_TOKEN, "create_time": stamp + "000",
                                "event_type": "im.message.receive_v1", "tenant_key": "bench", "app_id": "cli_bench"},
                     "event": {"message": {"chat_id": "oc_bench", "chat_type": "group", "content": content, "message_type": "text",
                                           "message_id": f"om_{tag}_{i}",
                                           "mentions": [{"id": {"open_id": "ou_bot"}, "key": "@_user_1", "name": "小邻", "tenant_key": "bench"}]},
                               "sender": {"sender_id": {"open_id": "ou_li"}, "sender_type": "user", "tenant_key": "bench"}}}
            plain = json.dumps(event, ensure_ascii=False).encode()
            plain += bytes([16 - len(plain) % 16]) * (16 - len(plain) % 16)  # PKCS#7
            iv = os.urandom(16)
            encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
            body = json.dumps({"encrypt": base64.b64encode(iv + encryptor.update(plain) + encryptor.finalize()).decode()})
            signature = hashlib.sha256((stamp + nonce + FEISHU_KEY + body).encode()).hexdigest()
            chunk.append("{%s,%s}" % (json.dumps(signature), json.dumps(body)))
        lines.append("for _, b in ipairs((function() return {%s} end)()) do bodies[#bodies + 1] = b end" % ",".join(chunk))
    lines.append(bench_http.THREAD_IDS)
    lines.append(f"""
local i = 0
request = function()
  local b = bodies[(i * {bench_http.THREADS} + tid) % #bodies + 1]
  i = i + 1
  local headers = {{["x-lark-request-timestamp"] = "{stamp}", ["x-lark-request-nonce"] = "{nonce}", ["x-lark-signature"] = b[1],
    ["content-type"] = "application/json"}}
  return wrk.format("POST", "/v1/platforms/fs", headers, b[2])
end
""")
    with open(path, "w") as f:
        f.write("\n".join(lines))
    return n


def main():
    if not os.path.exists(BIN):
        sys.exit(f"no release binary at {BIN}: run bench/platforms.sh")
    with tempfile.TemporaryDirectory(prefix="linli-platforms-") as work:
        log = os.path.join(work, "arrivals.log")
        stop_sink = bench_deliver.nginx(work, SINK, f"{log} arrivals", location=SINK_ANSWERS)
        community = os.path.join(work, "community.yaml")
        with open(os.path.join(ROOT, "seeds/fudi.yaml")) as f:
            text = re.sub(r", webhook: [\w-]+", "", f.read()).replace("    webhook: generic-water\n", "")
        text = text.replace("{id: u-li, name: 李菊珍, home: b3-501, lang: zh}",
                            '{id: u-li, name: 李菊珍, home: b3-501, lang: zh, accounts: {dd: "manager4721", fs: ou_li}}')
        text += (f"\nplatforms:\n  - {{id: dd, kind: dingtalk, app_secret: {APP_SECRET}, groups: {{cidBench: fudi-b3}}}}\n"
                 f"  - {{id: fs, kind: feishu, app_id: cli_bench, app_secret: fs-secret, verification_token: {FEISHU_TOKEN}, "
                 f"encrypt_key: {FEISHU_KEY}, bot_open_id: ou_bot, api_base: \"http://127.0.0.1:{SINK}\", groups: {{oc_bench: fudi-b3}}}}\n")
        with open(community, "w") as f:
            f.write(text)
        db = os.path.join(work, "bench.sqlite")
        env = dict(os.environ, LINLI_INGRESS_SECRET=bench_http.SECRET)
        server = subprocess.Popen([BIN, "serve", "--community", community, "--commands", os.path.join(ROOT, "commands"),
                                   "--db", db, "--port", str(PORT), "--sender-limit", "0", "--drain-timeout", "5"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.5)
        events, callbacks, feishu = [], [], []
        try:
            for k in range(RUNS):
                script = os.path.join(work, "events.lua")
                bench_http.lua(script, bench_http.UNIQUE, f"p{k}")
                e = bench_http.wrk(f"http://127.0.0.1:{PORT}", script, CONNECTIONS)
                events.append(e)
                print(f"run {k + 1}: POST /v1/events {e[0]:,.0f} req/s, p99 {e[1]:.2f} ms, non-2xx {e[2]}")
                script = os.path.join(work, "dingtalk.lua")
                dingtalk_lua(script, f"r{k}")
                c = bench_http.wrk(f"http://127.0.0.1:{PORT}", script, CONNECTIONS)
                callbacks.append(c)
                print(f"run {k + 1}: POST /v1/platforms/dd {c[0]:,.0f} callbacks/s, p99 {c[1]:.2f} ms, non-2xx {c[2]}")
                time.sleep(2)  # let the outbox catch up before the next load
                script = os.path.join(work, "feishu.lua")
                n = feishu_lua(script, f"f{k}")
                fc = bench_http.wrk(f"http://127.0.0.1:{PORT}", script, CONNECTIONS)
                feishu.append(fc)
                print(f"run {k + 1}: POST /v1/platforms/fs {fc[0]:,.0f} callbacks/s, p99 {fc[1]:.2f} ms, non-2xx {fc[2]}")
                if fc[3] > n:
                    print(f"warning: {fc[3]:,} Feishu callbacks for {n:,} event ids: the rate is inflated by repeats")
                time.sleep(2)
        finally:
            server.terminate()
            server.wait(timeout=60)
        con = sqlite3.connect(db)
        stop_sink()
        time.sleep(0.3)
        arrived = arrivals(log)
        base = statistics.median(e[0] for e in events)
        print(f"median of {RUNS} at {CONNECTIONS} connections: /v1/events {base:,.0f} req/s (p99 {statistics.median(e[1] for e in events):.2f} ms)")
        for name, endpoint, runs, path in [
                ("DingTalk", "platform:dd", callbacks, lambda d: d.get("url", "")[d.get("url", "").find("/session/"):]),
                ("Feishu", "platform:fs", feishu, lambda d: f"/open-apis/im/v1/messages/{d.get('message_id', '')}/reply")]:
            rows = con.execute("SELECT event, created_at FROM outbox WHERE webhook = ?", (endpoint,)).fetchall()
            delays, missing = [], 0
            for event, created in rows:
                at = arrived.get(path(json.loads(event)))
                if at is None:
                    missing += 1
                else:
                    delays.append(at - created)
            print(f"{name} callbacks {statistics.median(c[0] for c in runs):,.0f}/s (p99 {statistics.median(c[1] for c in runs):.2f} ms); "
                  f"callbacks / events = {statistics.median(c[0] / e[0] for c, e in zip(runs, events)):.2f} (target >= 0.80)")
            if delays:
                delays.sort()
                p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))]
                print(f"  replies at the sink: {len(delays):,} of {len(rows):,} queued ({missing:,} not arrived by shutdown); "
                      f"queued-to-sink p50 {statistics.median(delays):.1f} ms, p99 {p99:.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
