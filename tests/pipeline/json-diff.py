#!/usr/bin/env python3
# Not a ctest: runs two parscore binaries (e.g. before and after a change to the JSON reader) on generated
# JSON inputs, valid and damaged, and prints every input on which status, stdout or stderr differ.
# usage: json-diff.py OLD NEW [COUNT] [SEED]
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import jsongen  # noqa: E402

old, new = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
rng = random.Random(seed)
EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples") + "/"
work = tempfile.mkdtemp(prefix="json-diff-")
keep = os.path.join(work, "differ")
os.makedirs(keep)


def run(binary, args, stdin_path=None, piped=None):
    if piped is not None:  # standard input a pipe, not a file
        p = subprocess.run([binary] + args, input=piped, capture_output=True, timeout=120)
        return p.returncode, p.stdout, p.stderr
    with open(stdin_path, "rb") if stdin_path else open(os.devnull, "rb") as f:
        p = subprocess.run([binary] + args, stdin=f, capture_output=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


differ = 0
runs = 0
for case in range(count):
    r = rng.random()
    if r < 0.3:
        data, role = jsongen.units_doc(rng, rng.randint(1, 30)), "units"
    elif r < 0.45:
        data, role = jsongen.units_doc(rng, rng.randint(500, 2500), long_names=rng.random() < 0.3), "units"
    elif r < 0.6:
        data, role = jsongen.plan_doc(rng), "plan"
    elif r < 0.7:
        data, role = jsongen.peers_doc(rng), "peers"
    else:
        data, role = jsongen.scores_doc(rng), "scores"
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            data = jsongen.mutate(rng, data)
    damage = rng.random()
    if damage < 0.75:
        near = None
        if len(data) > 70000 and rng.random() < 0.7:
            near = rng.choice([65536, 65533, 131072, 131069, 196608]) if len(data) > 200000 else 65536
        for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 4)):
            data = jsongen.corrupt(rng, data, near)
    path = os.path.join(work, "case.json")
    with open(path, "wb") as f:
        f.write(data)
    if role == "units":
        arglists = [["rank", "--format", "csv", "--lang", "en", path]]
    elif role == "plan":
        arglists = [["--plan", path, "--format", "json", "--lang", "en"], ["--plan", path, EXAMPLES + "scores-2023-q3.csv"]]
    elif role == "peers":
        arglists = [["--peers", path, "--format", "json", EXAMPLES + "scores-2023-q3.csv"]]
    else:
        arglists = [[path], ["--lang", "en", "--format", "json", path]]
    stripped = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if stripped.lstrip(b" \t\r\n")[:1] in (b"{", b"[") and role in ("units", "scores"):
        arglists.append((["rank", "--format", "csv"] if role == "units" else []) + ["-"])
    if stripped.lstrip(b" \t\r\n")[:1] in (b"{", b"[") and role == "units":
        arglists.append(["rank", "--format", "csv", "--lang", "en", "-", "piped"])
    for args in arglists:
        runs += 1
        piped = data if args[-1] == "piped" else None
        args = args[:-1] if piped is not None else args
        stdin = path if args[-1] == "-" and piped is None else None
        a, b = run(old, args, stdin, piped), run(new, args, stdin, piped)
        if a != b:
            differ += 1
            name = os.path.join(keep, "case-%d.json" % case)
            with open(name, "wb") as f:
                f.write(data)
            print("DIFFER %s %s" % (name, " ".join(args[:-1])))
            print("  old: %d %r" % (a[0], a[2][:300]))
            print("  new: %d %r" % (b[0], b[2][:300]))
print("%d inputs, %d runs, %d differ (kept in %s)" % (count, runs, differ, keep))
sys.exit(1 if differ else 0)
