#!/usr/bin/env python3
"""Runs `tm import` into a fresh database and records wall time, pairs/s and the peak RSS of the import process
(ru_maxrss from wait4, the figure /usr/bin/time -v prints).

Usage: tm_import.py TM_BINARY DB FILE --format tsv|tmx --pairs N --out import.json [--pin CPU]
"""
import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import write_json  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tm")
    ap.add_argument("db")
    ap.add_argument("file")
    ap.add_argument("--format", default="tsv")
    ap.add_argument("--pairs", type=int, required=True, help="pairs in the file (for pairs/s)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--pin", default=None, help="CPU to pin the import to (taskset)")
    a = ap.parse_args()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(a.db + suffix):
            os.remove(a.db + suffix)
    cmd = [a.tm, "import", "--db", a.db, "--format", a.format, "--skip-bad", a.file]
    if a.pin is not None:
        cmd = ["taskset", "-c", a.pin] + cmd
    out_path, err_path = a.out + ".stdout", a.out + ".stderr"
    with open(out_path, "w") as out_file, open(err_path, "w") as err_file:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out_file, stderr=err_file)
        _, status, usage = os.wait4(proc.pid, 0)  # our child: its own peak RSS, as /usr/bin/time -v reports it
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    with open(out_path) as f:
        out = f.read()
    with open(err_path) as f:
        err = f.read()
    if proc.returncode != 0:
        sys.stderr.write(out + err)
        sys.exit("tm import failed (%d)" % proc.returncode)
    m = re.search(r"(\d+) added, (\d+) already present, (\d+) skipped \(([\d.]+) s\)", out)
    added, present, skipped, tm_seconds = (int(m.group(1)), int(m.group(2)), int(m.group(3)),
                                           float(m.group(4))) if m else (None, None, None, None)
    result = {"file": a.file, "format": a.format, "pairs_in_file": a.pairs, "added": added,
              "already_present": present, "skipped": skipped, "wall_s": round(wall, 3),
              "tm_reported_s": tm_seconds, "pairs_per_s": round(a.pairs / wall, 1),
              "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
              "db_bytes": sum(os.path.getsize(a.db + s) for s in ("", "-wal") if os.path.exists(a.db + s)),
              "stderr": err.strip().splitlines()[:5]}
    write_json(a.out, result)
    print("%s: %s pairs in %.1f s = %.0f pairs/s (%s added, %s present, %s skipped), peak RSS %.0f MiB"
          % (os.path.basename(a.file), a.pairs, wall, a.pairs / wall, added, present, skipped,
             usage.ru_maxrss / 1024))


if __name__ == "__main__":
    main()
