"""Shared helpers of the translation-memory benchmark (standard library only)."""
import json
import os
import time
import unicodedata


def unesc(s):
    """Undoes the corpus escaping: \\\\ \\t \\n \\r (as the shared scripts write it)."""
    if "\\" not in s:
        return s
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def load_queries(path, side):
    """Rows of make_queries.py output for one side: dicts with qid, kind, text."""
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            qid, sd, kind, _src, _rate, text = line.rstrip("\n").split("\t", 5)
            if sd == side:
                rows.append({"qid": int(qid), "kind": kind, "text": unesc(text)})
    return rows


def pct(xs, p):
    """Percentile with linear interpolation, as baseline_fuzzy.py computes it."""
    xs = sorted(xs)
    if not xs:
        return None
    k = (len(xs) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def latency(xs):
    return {"p50": pct(xs, .5), "p95": pct(xs, .95), "p99": pct(xs, .99),
            "max": max(xs) if xs else None, "n": len(xs)}


def proc_status_kb(pid, field):
    """VmRSS / VmHWM of a live process, in KiB (None when gone)."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


_DROP = {ord(c): None for c in "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e"
         "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
         "\u2066\u2067\u2068\u2069\u3164\ufeff\uffa0"}
_FOLD = {ord(c): r for c, r in {
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u02bc": "'", "\u02bb": "'", "\u2032": "'", "`": "'",
    "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'}.items()}


def match_key(s):
    """An approximation of tm's Normalizer.key in Python: NFKC_Casefold (NFKC, casefold, NFKC, default ignorables
    dropped), dashes and quotes folded to ASCII, white space runs to one space, trimmed. Used only to compare tm's
    answers with the baselines', which score the raw text."""
    s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).casefold()).translate(_DROP)
    return " ".join(s.translate(_FOLD).split())


def write_json(path, obj):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
    os.replace(tmp, path)


def log(message):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)
