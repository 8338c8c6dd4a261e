#!/usr/bin/env python3
"""Load and failure scenarios for bench/cluster.sh, against running `tm serve` nodes (standard library only).

  load.py mixed   --nodes URL,URL.. --corpus real.tsv --seconds S --clients C --write-share W
      C client threads, client i on node i mod n, each with its own keep-alive connection: a share W of requests
      POST a new pair to /v1/segments, the rest GET /v1/matches for a corpus sentence with one word dropped.
      Prints one JSON object: requests/s, p50/p99 per kind, statuses.
  load.py catchup --nodes URL,URL.. --probes N
      N times: POST a new pair through the first node, then poll every other node's /v1/matches for it (every
      5 ms) until it is found; prints the delays (ms).
  load.py outage  --nodes URL,URL --down CMD --up CMD
      searches and writes on both nodes while CMD_DOWN stops PostgreSQL for 3 s and CMD_UP starts it again;
      counts the answers by status while it is down and says how long after `up` the first write succeeds and
      whether a write through one node is then found by the other.
  load.py kill    --nodes URL,URL --pid PID
      4 threads write through the first node and record every acknowledged id; after 2 s the node (PID) is killed
      with SIGKILL; then every acknowledged id is read back through the second node, which is searched meanwhile.
"""
import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid


def connection(url):
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


class Client:
    """One keep-alive connection to one node; reconnects after an error."""

    def __init__(self, url):
        self.url = url
        self.conn = connection(url)

    def request(self, method, path, body=None):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        data = json.dumps(body).encode() if body is not None else None
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            payload = response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = connection(self.url)
            payload, status = b"", 0  # 0: no answer (refused, reset)
        return status, payload, (time.perf_counter() - start) * 1000

    def search(self, text, minimum=75):
        return self.request("GET", "/v1/matches?" + urllib.parse.urlencode({"q": text, "min": minimum}))

    def write(self, tag):
        return self.request("POST", "/v1/segments", {"ko": f"벤치마크 문장 {tag} 번이다.", "en": f"Benchmark sentence {tag}.", "origin": "bench"})


def queries(corpus, n=2000, seed=7):
    rows = [line.rstrip("\n").split("\t") for line in open(corpus, encoding="utf-8")]
    rng = random.Random(seed)
    out = []
    for en, ko in (r[:2] for r in rng.sample(rows, min(n, len(rows))) if len(r) >= 2):
        text = en if rng.random() < 0.5 else ko
        words = text.split()
        if len(words) > 3:
            del words[rng.randrange(len(words))]
        out.append(" ".join(words)[:300])
    return [q for q in out if q.strip()]


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p / 100 * len(values)))], 2)


def mixed(args):
    nodes = args.nodes.split(",")
    texts = queries(args.corpus)
    deadline = time.monotonic() + args.seconds
    results = []
    lock = threading.Lock()

    def run(i):
        client = Client(nodes[i % len(nodes)])
        rng = random.Random(i)
        local = []
        while time.monotonic() < deadline:
            if rng.random() < args.write_share:
                status, _, ms = client.write(uuid.uuid4().hex)
                local.append(("write", status, ms))
            else:
                status, _, ms = client.search(rng.choice(texts))
                local.append(("search", status, ms))
        with lock:
            results.extend(local)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report = {"nodes": len(nodes), "requests_per_s": round(len(results) / args.seconds, 1)}
    for kind in ("search", "write"):
        ok = [ms for k, s, ms in results if k == kind and s in (200, 201)]
        report[kind] = {
            "count": sum(1 for k, _, _ in results if k == kind),
            "errors": sum(1 for k, s, _ in results if k == kind and s not in (200, 201)),
            "p50_ms": percentile(ok, 50),
            "p99_ms": percentile(ok, 99),
        }
    print(json.dumps(report))


def found(client, text):
    status, payload, _ = client.search(text, minimum=100)
    return status == 200 and any(m.get("en") == text for m in json.loads(payload).get("matches", []))


def catchup(args):
    nodes = args.nodes.split(",")
    writer = Client(nodes[0])
    readers = [Client(url) for url in nodes[1:]]
    delays = []
    for _ in range(args.probes):
        tag = uuid.uuid4().hex
        status, _, _ = writer.write(tag)
        if status not in (200, 201):
            print(json.dumps({"error": f"write answered {status}"}))
            return
        written = time.perf_counter()
        for reader in readers:
            while not found(reader, f"Benchmark sentence {tag}."):
                if time.perf_counter() - written > 10:
                    break
                time.sleep(0.005)
            delays.append((time.perf_counter() - written) * 1000)
        time.sleep(0.05)
    print(json.dumps({"probes": len(delays), "p50_ms": percentile(delays, 50), "max_ms": round(max(delays), 1)}))


def outage(args):
    nodes = args.nodes.split(",")
    seed_client = Client(nodes[0])
    texts = ["Benchmark sentence seed-" + str(i) + "." for i in range(20)]
    for i in range(20):
        seed_client.write("seed-" + str(i))
    time.sleep(1)  # both nodes have followed the seed writes
    phase = {"name": "before"}
    counts = {}
    slowest = {}
    lock = threading.Lock()
    stop = threading.Event()

    def run(i):
        client = Client(nodes[i % len(nodes)])
        while not stop.is_set():
            if i % 2 == 0:
                status, payload, ms = client.search(texts[random.randrange(len(texts))], minimum=90)
                kind = "search"
                with lock:
                    slowest[phase["name"]] = max(slowest.get(phase["name"], 0), round(ms, 1))
                if status == 200:
                    answer = json.loads(payload)
                    status = "200-no-match" if not answer.get("matches") else "200-from-index" if answer.get("notice") else 200
            else:
                status, _, _ = client.write(uuid.uuid4().hex)
                kind = "write"
            with lock:
                key = f"{phase['name']} {kind} {status}"
                counts[key] = counts.get(key, 0) + 1
            time.sleep(0.01)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    time.sleep(1)
    phase["name"] = "stopping"
    subprocess.run(args.down, shell=True, check=True)
    phase["name"] = "down"
    time.sleep(3)
    phase["name"] = "restarting"
    up_at = time.perf_counter()
    subprocess.run(args.up, shell=True, check=True)
    probe = Client(nodes[0])
    first_write = None
    while time.perf_counter() - up_at < 30:
        status, _, _ = probe.write(uuid.uuid4().hex)
        if status in (200, 201):
            first_write = (time.perf_counter() - up_at) * 1000
            break
        time.sleep(0.02)
    phase["name"] = "after"
    time.sleep(1)
    stop.set()
    for t in threads:
        t.join()
    tag = uuid.uuid4().hex
    Client(nodes[0]).write(tag)
    other = Client(nodes[-1])
    written = time.perf_counter()
    while not found(other, f"Benchmark sentence {tag}.") and time.perf_counter() - written < 10:
        time.sleep(0.005)
    print(json.dumps({
        "counts": dict(sorted(counts.items())),
        "slowest_search_ms": slowest,
        "first_write_after_up_ms": None if first_write is None else round(first_write, 1),
        "write_after_up_found_by_other_node_ms": round((time.perf_counter() - written) * 1000, 1),
    }))


def kill(args):
    nodes = args.nodes.split(",")
    acked = []
    attempts = {"sent": 0, "refused_or_reset": 0}
    lock = threading.Lock()
    stop = threading.Event()
    searches = {}

    def write(i):
        client = Client(nodes[0])
        while not stop.is_set():
            status, payload, _ = client.write(uuid.uuid4().hex)
            with lock:
                attempts["sent"] += 1
                if status in (200, 201):
                    acked.append(json.loads(payload)["segment"]["id"])
                elif status == 0:
                    attempts["refused_or_reset"] += 1
            if status == 0:
                time.sleep(0.05)

    def search():
        client = Client(nodes[1])
        while not stop.is_set():
            status, _, _ = client.search("Benchmark sentence with a few words.", minimum=50)
            with lock:
                searches[status] = searches.get(status, 0) + 1

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)] + [threading.Thread(target=search)]
    for t in threads:
        t.start()
    time.sleep(2)
    os.kill(args.pid, signal.SIGKILL)
    time.sleep(1)
    stop.set()
    for t in threads:
        t.join()
    reader = Client(nodes[1])
    missing = [i for i in acked if reader.request("GET", f"/v1/segments/{i}")[0] != 200]
    print(json.dumps({
        "writes_sent": attempts["sent"], "acknowledged": len(acked), "unanswered": attempts["refused_or_reset"],
        "acknowledged_missing": len(missing), "other_node_searches": {str(k): v for k, v in searches.items()},
    }))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=["mixed", "catchup", "outage", "kill"])
    parser.add_argument("--nodes", required=True)
    parser.add_argument("--corpus")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--write-share", type=float, default=0.1)
    parser.add_argument("--probes", type=int, default=20)
    parser.add_argument("--down")
    parser.add_argument("--up")
    parser.add_argument("--pid", type=int)
    args = parser.parse_args()
    {"mixed": mixed, "catchup": catchup, "outage": outage, "kill": kill}[args.scenario](args)


if __name__ == "__main__":
    sys.exit(main())
