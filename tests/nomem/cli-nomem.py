#!/usr/bin/python3
"""Out of memory in the real CLI, at every allocation: each main command runs once to count its
allocations, then once per allocation with that one failing (PARSCORE_FAIL_ALLOC=n; libxlsxwriter's
own allocations are not among them). Each run must either give exactly the output of a run where
nothing failed (status, stdout, stderr, the -o file), or say "out of memory" once, with status 2,
nothing on stdout, nothing else on stderr but the warnings the good run gave too, and an -o file left
as it was. Under AddressSanitizer a leak on any of those paths fails the run (its own status).
PARSCORE_NOMEM_STRIDE=k tries every k-th allocation (1: all, as CI does).
usage: cli-nomem.py PARSCORE_FAILALLOC SOURCE_DIR"""
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

BIN, ROOT = sys.argv[1], sys.argv[2]
STRIDE = max(1, int(os.environ.get("PARSCORE_NOMEM_STRIDE", "1")))
EX = "examples/"
SCORES, PEERS = EX + "scores-2023-q3.csv", EX + "peers-2022.csv"
SUB_PLAN, SUB_SCORES = EX + "plan-sub-criteria.csv", EX + "scores-2023-q3-sub.csv"
OUTPUT = "@OUT@"  # an -o file, made per run with old content that a failed run must leave

COMMANDS = [
    ["--peers", PEERS, SCORES],
    ["--format", "json", "--peers", PEERS, SCORES],
    ["--format", "csv", SCORES],
    ["--format", "markdown", "--by", "owner", SCORES],
    ["check", SCORES],
    ["check", "--format", "json", "--only", "rank,1,sipas", "--peers", PEERS, SCORES],
    ["rank", EX + "communes-2023.csv"],
    ["rank", "--format", "json", EX + "communes-2023.csv"],
    ["trend", "--peers", PEERS, EX + "scores-2023-q1.csv", EX + "scores-2023-q2.csv", SCORES],
    ["--plan", SUB_PLAN, SUB_SCORES],
    ["--lang", "en", "--format", "json", "--plan", SUB_PLAN, SUB_SCORES],
    ["-o", OUTPUT, "--peers", PEERS, SCORES],
    ["--format", "xlsx", "-o", OUTPUT, "--peers", PEERS, SCORES],
    # a workbook in (LibreOffice's: shared strings and styles), the template out as one
    ["--peers", PEERS, EX + "scores-2023-q3.xlsx#scores-2023-q3"],
    ["template", "--format", "xlsx", "-o", OUTPUT, "--plan", SUB_PLAN],
    # a Windows-1258 CSV through iconv and NFC
    ["--encoding", "cp1258", "tests/cli/data/scores-cp1258.csv"],
    # JSON input, streamed from a file: the period, the rows, a list column (the plan's owners)
    ["--peers", "tests/cli/data/peers-2022.json", "tests/cli/data/json-scores-2023-q3.json"],
    ["rank", "--format", "csv", "tests/cli/data/rank-units.json"],
    ["--plan", "tests/pipeline/data/plan-small.json", "--format", "json"],
    # 70,000 units (4.6 MB): read by two threads, ranked by two and written by two
    ["rank", "@LARGE@"],
    # 40,000 units as JSON (5.6 MB): the second pass by two threads
    ["rank", "--format", "csv", "@LARGE_JSON@"],
]
LARGE_ROWS = 70000
LARGE_JSON_ROWS = 40000
OOM = re.compile(r"^(parscore|\S.*?)(:\d+)*: (hết bộ nhớ|out of memory)$")
OLD = b"old content\n"


def run(args, fail_at):
    """Status, stdout, stderr and the -o file's content after one run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.txt")
        with open(out, "wb") as f:
            f.write(OLD)
        argv = [BIN] + [out if a == OUTPUT else LARGE.get(a, a) for a in args]
        env = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1")
        env.pop("PARSCORE_FAIL_ALLOC", None)
        if fail_at is not None:
            env["PARSCORE_FAIL_ALLOC"] = str(fail_at)
        p = subprocess.run(argv, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        with open(out, "rb") as f:
            file = f.read()
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"), file


def allocations(args):
    status, _, err, _ = run(args, 0)
    last = err.splitlines()[-1] if err else ""
    m = re.fullmatch(r"parscore-failalloc: (\d+) allocations", last)
    if not m:
        sys.exit(f"cli-nomem: {args}: no count of allocations (status {status}): {err!r}")
    return int(m.group(1))


def judge(args, good, n):
    """None when run n is the good output or a clean "out of memory"; else what is wrong."""
    got = run(args, n)
    if got == good:
        return None
    status, out, err, file = got
    lines = err.splitlines()
    oom = [line for line in lines if OOM.match(line)]
    others = [line for line in lines if not OOM.match(line) and line not in good[2].splitlines()]
    if status == 2 and out == b"" and len(oom) == 1 and not others and file == OLD:
        return None
    return f"allocation {n}: status {status}, stdout {len(out)} bytes ({out[:80]!r}), stderr {err[:600]!r}, " \
           f"-o file {'kept' if file == OLD else 'changed'}"


def value(k, c):
    return f"{20 + (k * 7 + c * 13) % 80}.{(k * 31 + c) % 100:02d}"


def make_large(folder):
    """Units files, CSV and JSON, over the size from which rank reads them with two threads."""
    path = os.path.join(folder, "units-large.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("unit,1,2,3,4,5,6,7,8,sipas\n")
        for k in range(LARGE_ROWS):
            f.write(f"Xã {k:07d},{','.join(value(k, c) for c in range(9))}\n")
    json_path = os.path.join(folder, "units-large.json")
    keys = [str(c + 1) for c in range(8)] + ["sipas"]
    with open(json_path, "w", encoding="utf-8") as f:
        f.write('{"units": [\n')
        for k in range(LARGE_JSON_ROWS):
            values = ", ".join(f'"{keys[c]}": {value(k, c)}' for c in range(9))
            f.write(f'  {{"unit": "Xã {k:07d}", {values}}}{"," if k + 1 < LARGE_JSON_ROWS else ""}\n')
        f.write("]}\n")
    return {"@LARGE@": path, "@LARGE_JSON@": json_path}


def main():
    global LARGE
    scratch = tempfile.TemporaryDirectory()
    LARGE = make_large(scratch.name)
    failures, runs = [], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for args in COMMANDS:
            good = run(args, None)
            if good[0] not in (0, 1):
                sys.exit(f"cli-nomem: {args}: the run without failures gave status {good[0]}: {good[2]}")
            total = allocations(args)
            points = sorted(set(range(1, total + 1, STRIDE)) | {total})
            bad = [b for b in pool.map(lambda n: judge(args, good, n), points) if b]
            runs += len(points)
            shown = " ".join(os.path.basename(LARGE.get(a, a)) if a in LARGE else a for a in args)
            print(f"{shown}: {total} allocations, {len(points)} failed one by one, {len(bad)} wrong")
            failures += [f"{shown}: {b}" for b in bad[:5]]
    for f in failures:
        print("FAIL:", f)
    print(f"{runs} runs, {len(failures)} wrong")
    return 1 if failures else 0


sys.exit(main())
