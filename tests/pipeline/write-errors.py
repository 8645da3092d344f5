#!/usr/bin/python3
"""Where the output goes: a full disk is an error (status 2, a message, the old file kept); a reader that
leaves a pipe early is not, in any command; -o replaces a regular file keeping its mode, writes through a
symlink, and writes into a FIFO or a device instead of replacing it (devices made with mknod in a scratch
folder, as root: the CI runs as root; without root those checks are said to be skipped).
usage: write-errors.py PARSCORE EXAMPLE_SCORES UNITS"""
import os
import stat
import subprocess
import sys
import tempfile
import threading

BIN, EXAMPLE, UNITS = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []
checks = 0

# every command and format that writes, each a reader may leave early
COMMANDS = [
    [EXAMPLE],
    ["--format", "json", EXAMPLE],
    ["--format", "csv", EXAMPLE],
    ["--format", "markdown", EXAMPLE],
    ["--format", "svg", EXAMPLE],
    ["check", EXAMPLE],
    ["trend", EXAMPLE, EXAMPLE],
    ["rank", UNITS],
    ["rank", "--format", "json", UNITS],
    ["rank", "--format", "csv", UNITS],
    ["--help"],
]


def run(args, **kw):
    return subprocess.run([BIN, *args], stderr=subprocess.PIPE, **kw)


def expect(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


# a full disk: status 2 and the reason, for a whole report and for rank, which streams
for args in (COMMANDS[0], COMMANDS[7]):
    with open("/dev/full", "wb") as full:
        p = run(args, stdout=full)
    expect(p.returncode == 2, f"{args} > /dev/full: status {p.returncode}, expected 2")
    expect(b"No space left on device" in p.stderr, f"{args} > /dev/full: no message naming the error")

# a reader that has gone before the first byte, or after the first line: status 0, nothing said
for args in COMMANDS:
    r, w = os.pipe()
    os.close(r)
    p = run(args, stdout=w)
    os.close(w)
    expect(p.returncode in (0, 1) and p.stderr == b"", f"{args} into a closed pipe: status {p.returncode}, "
           f"stderr {p.stderr[:80]!r}")
    status = 1 if args[0] == "check" else 0
    for _ in range(20):
        p = subprocess.run(["bash", "-c", '"$0" "$@" | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}"', BIN, *args],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.stdout.strip() != str(status).encode() or p.stderr:
            failures.append(f"{args} | head -c 1: status {p.stdout.strip()}, stderr {p.stderr[:80]!r}")
            break
    checks += 1

with tempfile.TemporaryDirectory() as d:
    target = os.path.join(d, "report.txt")
    with open(target, "w") as f:
        f.write("old report\n")
    os.chmod(target, 0o600)
    p = run(["-o", target, os.path.join(d, "missing.csv")], stdout=subprocess.PIPE)
    expect(p.returncode == 2, f"-o with bad input: status {p.returncode}")
    expect(open(target).read() == "old report\n", "-o with bad input: the old file changed")
    expect(p.stdout == b"", "-o with bad input: something on stdout")
    p = run(["-o", target, EXAMPLE], stdout=subprocess.PIPE)
    expect(p.returncode == 0, f"-o: status {p.returncode}")
    content = open(target).read()
    expect("Sìn Hồ" in content and "64,94" in content, "-o: the new report is not in the file")
    expect(p.stdout == b"", "-o: the report also went to stdout")
    expect(stat.S_IMODE(os.stat(target).st_mode) == 0o600, "-o: a chmod 600 file came back with another mode")
    expect(sorted(os.listdir(d)) == ["report.txt"], f"-o left files behind: {os.listdir(d)}")
    p = run(["-o", os.path.join(d, "no-such-dir", "r.txt"), EXAMPLE], stdout=subprocess.PIPE)
    expect(p.returncode == 2 and b"no-such-dir" in p.stderr, "-o into a missing folder: no error")

    # a symlink is written through: the link stays, its target gets the report
    real = os.path.join(d, "real.txt")
    with open(real, "w") as f:
        f.write("old\n")
    link = os.path.join(d, "link.txt")
    os.symlink("real.txt", link)
    p = run(["-o", link, EXAMPLE])
    expect(p.returncode == 0 and os.path.islink(link), "-o through a symlink: the link was replaced")
    expect("64,94" in open(real).read(), "-o through a symlink: its target did not get the report")
    dangling = os.path.join(d, "dangling.txt")
    os.symlink("made-by-parscore.txt", dangling)
    p = run(["-o", dangling, EXAMPLE])
    expect(p.returncode == 0 and os.path.islink(dangling) and os.path.exists(os.path.join(d, "made-by-parscore.txt")),
           "-o through a dangling symlink: the file it names was not made")

    # a FIFO is written into, not replaced: a reader on the other end gets the report
    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo)
    got = {}
    reader = threading.Thread(target=lambda: got.setdefault("data", open(fifo, "rb").read()), daemon=True)
    reader.start()
    p = run(["-o", fifo, "rank", "--format", "csv", UNITS])
    reader.join(timeout=10)
    if reader.is_alive():  # nobody wrote into the FIFO: let the reader go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    expect(p.returncode == 0, f"-o FIFO: status {p.returncode}")
    expect(stat.S_ISFIFO(os.stat(fifo).st_mode), "-o FIFO: the FIFO became another file")
    expect(got.get("data", b"").startswith(b"rank;unit;total"), "-o FIFO: the reader did not get the ranking")

    # a character device, made here (never the real /dev): written into, still a device after it
    if os.geteuid() == 0:
        null = os.path.join(d, "null")
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        p = run(["-o", null, EXAMPLE])
        expect(p.returncode == 0, f"-o character device: status {p.returncode}")
        expect(stat.S_ISCHR(os.stat(null).st_mode), "-o character device: replaced by a regular file")
        full = os.path.join(d, "full")
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        p = run(["-o", full, EXAMPLE])
        expect(p.returncode == 2 and b"No space left on device" in p.stderr, "-o a full device: no error")
        expect(stat.S_ISCHR(os.stat(full).st_mode), "-o a full device: replaced by a regular file")
    else:
        print("skipped: the device checks need root (mknod)")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
