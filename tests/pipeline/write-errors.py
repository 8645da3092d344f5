#!/usr/bin/python3
"""Write failures: a full disk and a closed pipe give status 2 and a message; -o keeps the old file on error."""
import os
import subprocess
import sys
import tempfile

BIN, EXAMPLE = sys.argv[1], sys.argv[2]
failures = []


def run(args, **kw):
    return subprocess.run([BIN, *args], stderr=subprocess.PIPE, **kw)


def expect(cond, what):
    if not cond:
        failures.append(what)


with open("/dev/full", "wb") as full:
    p = run([EXAMPLE], stdout=full)
    expect(p.returncode == 2, f"/dev/full: status {p.returncode}, expected 2")
    expect(b"No space left on device" in p.stderr, "/dev/full: no message naming the error")

r, w = os.pipe()
os.close(r)
p = run([EXAMPLE], stdout=w)
os.close(w)
expect(p.returncode == 2, f"closed pipe: status {p.returncode}, expected 2")
expect(b"Broken pipe" in p.stderr, "closed pipe: no message naming the error")

with tempfile.TemporaryDirectory() as d:
    target = os.path.join(d, "report.txt")
    with open(target, "w") as f:
        f.write("old report\n")
    p = run(["-o", target, os.path.join(d, "missing.csv")], stdout=subprocess.PIPE)
    expect(p.returncode == 2, f"-o with bad input: status {p.returncode}")
    expect(open(target).read() == "old report\n", "-o with bad input: the old file changed")
    expect(p.stdout == b"", "-o with bad input: something on stdout")
    p = run(["-o", target, EXAMPLE], stdout=subprocess.PIPE)
    expect(p.returncode == 0, f"-o: status {p.returncode}")
    content = open(target).read()
    expect("Sìn Hồ" in content and "64,94" in content, "-o: the new report is not in the file")
    expect(p.stdout == b"", "-o: the report also went to stdout")
    expect(sorted(os.listdir(d)) == ["report.txt"], f"-o left files behind: {os.listdir(d)}")
    p = run(["-o", os.path.join(d, "no-such-dir", "r.txt"), EXAMPLE], stdout=subprocess.PIPE)
    expect(p.returncode == 2 and b"no-such-dir" in p.stderr, "-o into a missing folder: no error")

for f in failures:
    print("FAIL:", f)
print(f"{4 + 3 + 7 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
