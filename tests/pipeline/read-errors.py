#!/usr/bin/python3
"""Read failures: an unreadable file, a directory, and a file that grows while it is read all end in a
clear message and status 2 with nothing on stdout."""
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

BIN = sys.argv[1]
failures = []
checks = 0


def expect(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


with tempfile.TemporaryDirectory() as d:
    os.chmod(d, 0o755)
    scores = os.path.join(d, "scores.csv")
    with open(scores, "w") as f:
        f.write("id,score\n1,50\n")
    os.chmod(scores, 0o000)
    # root reads anything: drop to nobody for this one when running as root
    if os.geteuid() == 0 and shutil.which("setpriv"):
        # a copy of the binary in the open folder: the build folder may be closed to nobody
        binary = os.path.join(d, "parscore")
        shutil.copy(BIN, binary)
        os.chmod(binary, 0o755)
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary, scores]
    else:
        cmd = [BIN, scores]
    p = run(cmd)
    expect(p.returncode == 2, f"unreadable: status {p.returncode}")
    expect(b"Permission denied" in p.stderr and scores.encode() in p.stderr, f"unreadable: {p.stderr!r}")
    expect(p.stdout == b"", "unreadable: output on stdout")

    p = run([BIN, d])
    expect(p.returncode == 2 and b"th\xc6\xb0 m\xe1\xbb\xa5c" in p.stderr, f"directory: {p.returncode} {p.stderr!r}")
    expect(p.stdout == b"", "directory: output on stdout")

    # a units file that grows while parscore rank streams it
    units = os.path.join(d, "units.csv")
    with open(units, "w") as f:
        f.write("unit,1,2,3,4,5,6,7,8\n")
        for i in range(300000):
            f.write(f"X{i},50,60,70,80,90,50,60,70\n")
    stop = threading.Event()

    def append():
        with open(units, "a") as f:
            n = 0
            while not stop.is_set() and n < 5000:
                f.write(f"late{n},50,60,70,80,90,50,60,70\n")
                f.flush()
                n += 1
                time.sleep(0.001)

    writer = threading.Thread(target=append)
    writer.start()
    time.sleep(0.01)
    p = run([BIN, "--lang", "en", "rank", "--format", "csv", units])
    stop.set()
    writer.join()
    expect(p.returncode == 2, f"growing file: status {p.returncode}")
    expect(b"changed while it was being read" in p.stderr, f"growing file: {p.stderr[:200]!r}")
    expect(p.stdout == b"", "growing file: output on stdout")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
