#!/usr/bin/env python3
"""Starts `tm serve --port 0` on a database twice: the first start after the import builds the fuzzy indexes and
saves their snapshot (DB.index-ko, DB.index-en; the start is timed, then the script waits for both files); the
second start reads the snapshot, and is the one measured for the time to ready, the server's RSS and the queries
over HTTP on loopback (one keep-alive connection, one request at a time).

Time to ready = from spawn to the first 200 on GET /v1/health (the server loads the fuzzy indexes before it
listens, so the "listening" line comes after the index load; its time is recorded too).

Usage: serve_bench.py TM_BINARY DB QUERIES.tsv --out serve.json --results PREFIX [--max-queries 200]
                      [--pin-server CPU] [--min 75] [--limit 5]
Writes serve.json (summary) and PREFIX.SIDE.jsonl (per query: qid, ms, took_ms, matches [[id, score, text]]).
"""
import argparse
import http.client
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import latency, load_queries, proc_status_kb, write_json  # noqa: E402

READY_TIMEOUT_S = 300


def wait_listening(proc, deadline):
    """Reads the server's stdout until the 'listening on http://HOST:PORT' line; returns the port."""
    buf = b""
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise SystemExit("tm serve exited with %s before listening" % proc.returncode)
        ready, _, _ = select.select([proc.stdout], [], [], 0.05)
        if not ready:
            continue
        chunk = os.read(proc.stdout.fileno(), 4096)
        buf += chunk
        m = re.search(rb"listening on http://[^:]+:(\d+)", buf)
        if m:
            return int(m.group(1))
    raise SystemExit("tm serve did not print its listening line within %d s" % READY_TIMEOUT_S)


def wait_healthy(port, deadline):
    """Polls GET /v1/health until 200; returns the parsed body."""
    while time.perf_counter() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/v1/health")
            resp = conn.getresponse()
            body = resp.read()
            conn.close()
            if resp.status == 200:
                return json.loads(body)
        except OSError:
            pass
        time.sleep(0.005)
    raise SystemExit("tm serve did not answer /v1/health within %d s" % READY_TIMEOUT_S)


def stop(proc):
    """SIGTERM, then SIGKILL if the server has not stopped within 30 s."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tm")
    ap.add_argument("db")
    ap.add_argument("queries")
    ap.add_argument("--out", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--max-queries", type=int, default=200, help="per side")
    ap.add_argument("--min", type=int, default=75)
    ap.add_argument("--limit", type=int, default=5)
    ap.add_argument("--pin-server", default=None)
    ap.add_argument("--log", default=None, help="where the server's stderr goes")
    a = ap.parse_args()

    cmd = [a.tm, "serve", "--db", a.db, "--port", "0"]
    if a.pin_server is not None:
        cmd = ["taskset", "-c", a.pin_server] + cmd
    log = open(a.log or os.devnull, "w")
    summary = {"db": a.db}
    snapshot_files = [a.db + ".index-ko", a.db + ".index-en"]

    # First start: no snapshot yet; the server builds the indexes, answers, and saves the snapshot in the background.
    for path in snapshot_files:
        if os.path.exists(path):
            os.remove(path)
    spawn = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log)
    try:
        deadline = spawn + READY_TIMEOUT_S
        port = wait_listening(proc, deadline)
        wait_healthy(port, deadline)
        summary["cold_ready_s"] = round(time.perf_counter() - spawn, 3)
        summary["cold_hwm_ready_mb"] = round((proc_status_kb(proc.pid, "VmHWM") or 0) / 1024, 1)
        while not all(os.path.exists(p) for p in snapshot_files):
            if time.perf_counter() > deadline + READY_TIMEOUT_S:
                raise SystemExit("tm serve saved no index snapshot within %d s" % (2 * READY_TIMEOUT_S))
            time.sleep(0.05)
        summary["snapshot_saved_s"] = round(time.perf_counter() - spawn, 3)
        summary["cold_hwm_mb"] = round((proc_status_kb(proc.pid, "VmHWM") or 0) / 1024, 1)
        summary["snapshot_bytes"] = {p.rsplit("-", 1)[1]: os.path.getsize(p) for p in snapshot_files}
        print("first start: ready in %.2f s (built the indexes), snapshot saved after %.2f s (%.0f MiB), peak RSS %.0f MiB"
              % (summary["cold_ready_s"], summary["snapshot_saved_s"], sum(summary["snapshot_bytes"].values()) / 1048576,
                 summary["cold_hwm_mb"]), flush=True)
    finally:
        stop(proc)

    # Second start: reads the snapshot. Measured.
    spawn = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log)
    try:
        deadline = spawn + READY_TIMEOUT_S
        port = wait_listening(proc, deadline)
        listening = time.perf_counter() - spawn
        health = wait_healthy(port, deadline)
        ready = time.perf_counter() - spawn
        summary.update({"listening_s": round(listening, 3), "ready_s": round(ready, 3),
                        "segments": health.get("segments"),
                        "rss_ready_mb": round((proc_status_kb(proc.pid, "VmRSS") or 0) / 1024, 1),
                        "hwm_ready_mb": round((proc_status_kb(proc.pid, "VmHWM") or 0) / 1024, 1)})
        print("ready in %.2f s (listening after %.2f s), %s segments, RSS %.0f MiB"
              % (ready, listening, health.get("segments"), summary["rss_ready_mb"]), flush=True)

        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

        def get(text, side):
            path = "/v1/matches?" + urllib.parse.urlencode(
                {"q": text, "from": side, "min": a.min, "limit": a.limit})
            start = time.perf_counter()
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            ms = (time.perf_counter() - start) * 1000
            if resp.status != 200:
                raise SystemExit("GET /v1/matches answered %d: %s" % (resp.status, body[:200]))
            return ms, json.loads(body)

        for side in ("ko", "en"):
            qs = load_queries(a.queries, side)[:a.max_queries]
            for q in qs[:10]:
                get(q["text"], side)  # warm-up: connection, caches
            lat, took = [], []
            with open("%s.%s.jsonl" % (a.results, side), "w", encoding="utf-8") as out:
                for q in qs:
                    ms, res = get(q["text"], side)
                    lat.append(ms)
                    took.append(res["took_ms"])
                    matches = [[str(m["id"]), str(m["score"]), m[side]] for m in res["matches"]]
                    out.write(json.dumps({"qid": q["qid"], "ms": round(ms, 4), "took_ms": res["took_ms"],
                                          "matches": matches}, ensure_ascii=False) + "\n")
            summary[side] = {"http": latency(lat), "took": latency(took)}
            print("HTTP %s: %d queries, p50 %.3f ms p95 %.3f ms (server took_ms p50 %.3f)"
                  % (side, len(lat), summary[side]["http"]["p50"], summary[side]["http"]["p95"],
                     summary[side]["took"]["p50"]), flush=True)
        conn.close()
        summary["rss_after_queries_mb"] = round((proc_status_kb(proc.pid, "VmRSS") or 0) / 1024, 1)
        summary["hwm_after_queries_mb"] = round((proc_status_kb(proc.pid, "VmHWM") or 0) / 1024, 1)
    finally:
        stop(proc)
        log.close()
    write_json(a.out, summary)


if __name__ == "__main__":
    main()
