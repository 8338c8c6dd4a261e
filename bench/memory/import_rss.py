"""Peak memory of imports: `tm import` of a large TMX from the CLI, and POST /v1/import of a large body to a running
`tm serve`, against the memory the final fuzzy index takes (the RSS of a server ready on the imported database,
less that of a server on an empty one). Goal: peak RSS <= final index + 256 MiB, whatever the file size.

Usage: python3 import_rss.py TM_BINARY WORK_DIR [--cli-mb 200] [--server-mb 60]
"""
import argparse, json, os, random, resource, shutil, subprocess, sys, time, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("tm")
parser.add_argument("work")
parser.add_argument("--cli-mb", type=int, default=200)
parser.add_argument("--server-mb", type=int, default=60)
args = parser.parse_args()
os.makedirs(args.work, exist_ok=True)
MiB = 1 << 20


def make_tmx(path, megabytes, seed):
    """Synthetic news-like pairs, each unique, until the file reaches the size."""
    random.seed(seed)
    ko_words = "정부 북한 대통령 회담 미사일 발사 경제 서울 평양 위원장 국방부 발표 협상 제재 통일부 외교부 오늘 지난 달 이번 주".split()
    en_words = ("the government North Korea president talks missile launch economy Seoul Pyongyang chairman defense "
                "ministry announced negotiations sanctions unification foreign today last month this week said").split()
    target = megabytes * MiB
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ko" datatype="plaintext" '
                'segtype="sentence" adminlang="en" creationtool="bench" creationtoolversion="1" o-tmf="none"/><body>\n')
        while f.tell() < target:
            ko = " ".join(random.choice(ko_words) for _ in range(random.randint(8, 16))) + f" {count}."
            en = " ".join(random.choice(en_words) for _ in range(random.randint(12, 26))) + f" {count}."
            f.write(f'<tu><tuv xml:lang="ko"><seg>{ko}</seg></tuv><tuv xml:lang="en"><seg>{en}</seg></tuv></tu>\n')
            count += 1
        f.write("</body></tmx>\n")
    return count


def vm(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def serve(db, extra=()):
    out = open(os.path.join(args.work, "serve.out"), "w+")
    process = subprocess.Popen([args.tm, "serve", "--db", db, "--port", "0", *extra], stdout=out, stderr=subprocess.DEVNULL)
    for _ in range(6000):
        out.seek(0)
        text = out.read()
        if "listening on" in text:
            url = text.split("listening on ")[1].split()[0]
            return process, url
        time.sleep(0.01)
    raise SystemExit("tm serve did not start")


def get(url):
    with urllib.request.urlopen(url, timeout=600) as response:
        return json.loads(response.read())


def ready_rss(db):
    process, url = serve(db)
    get(url + "/v1/health")
    time.sleep(0.5)
    rss = vm(process.pid, "VmRSS")
    process.terminate()
    process.wait()
    return rss


rows = []
empty = os.path.join(args.work, "empty.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(empty + suffix): os.remove(empty + suffix)
base = ready_rss(empty)

# CLI import of the large file.
tmx = os.path.join(args.work, f"import-{args.cli_mb}mb.tmx")
if not os.path.exists(tmx) or os.path.getsize(tmx) < args.cli_mb * MiB:
    units = make_tmx(tmx, args.cli_mb, 1)
db = os.path.join(args.work, "cli.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix): os.remove(db + suffix)
start = time.time()
before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
result = subprocess.run([args.tm, "import", "--db", db, "--json", tmx], capture_output=True, text=True)
seconds = time.time() - start
if result.returncode != 0:
    raise SystemExit(f"tm import failed: {result.stderr}")
cli_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
report = json.loads(result.stdout)
index = max(0, ready_rss(db) - base)
rows.append(("tm import (CLI)", os.path.getsize(tmx), report["added"], seconds, cli_peak, index))

# Server import of a large body.
body_path = os.path.join(args.work, f"import-{args.server_mb}mb.tmx")
if not os.path.exists(body_path) or os.path.getsize(body_path) < args.server_mb * MiB:
    make_tmx(body_path, args.server_mb, 2)
db = os.path.join(args.work, "server.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix): os.remove(db + suffix)
process, url = serve(db, ["--max-body", str(args.server_mb + 16), "--timeout", "600"])
try:
    with open(body_path, "rb") as f:
        data = f.read()
    start = time.time()
    request = urllib.request.Request(
        url + "/v1/import?format=tmx", data=data, method="POST", headers={"Content-Type": "application/x-tmx+xml"})
    with urllib.request.urlopen(request, timeout=600) as response:
        report = json.loads(response.read())
    del data
    # The import answers after its commit; the index follows the change log: wait until it holds every pair.
    while get(url + "/v1/stats")["indexed_en"] < report["added"]:
        time.sleep(0.1)
    seconds = time.time() - start
    server_peak = vm(process.pid, "VmHWM")
finally:
    process.terminate()
    process.wait()
index = max(0, ready_rss(db) - base)
rows.append(("POST /v1/import (server)", os.path.getsize(body_path), report["added"], seconds, server_peak, index))

print(f"\nimport peak memory (server baseline RSS on an empty database: {base / MiB:.0f} MiB)")
print(f"{'path':<26} {'file MiB':>9} {'pairs':>9} {'s':>7} {'pairs/s':>9} {'peak MiB':>9} {'index MiB':>10} {'goal MiB':>9}  verdict")
for name, size, pairs, seconds, peak, index in rows:
    goal = index + 256 * MiB
    verdict = "PASS" if peak <= goal else "FAIL"
    print(f"{name:<26} {size / MiB:>9.0f} {pairs:>9} {seconds:>7.1f} {pairs / seconds:>9.0f} {peak / MiB:>9.0f} {index / MiB:>10.0f} "
          f"{goal / MiB:>9.0f}  {verdict} (peak / file size {peak / size:.2f}×)")
