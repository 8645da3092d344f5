#!/usr/bin/python3
"""Colour only on a terminal: a pseudo-terminal gets ANSI colours, NO_COLOR, a pipe, -o and --color=never
get none, --color=always gets them anywhere."""
import os
import pty
import subprocess
import sys
import tempfile

BIN, EXAMPLE = sys.argv[1], sys.argv[2]
ESC = b"\x1b["
failures = []
checks = 0


def expect(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


def on_terminal(args, env):
    """Runs parscore with its stdout on a pseudo-terminal and returns what it wrote there."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(BIN, [BIN, *args], env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out


base = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
base["TERM"] = "xterm"
args = ["check", "--only", "1,2", EXAMPLE]
out = on_terminal(args, base)
expect(ESC + b"32m" in out and ESC + b"31m" in out, "terminal: no green and red")
expect(ESC not in on_terminal(args, {**base, "NO_COLOR": "1"}), "terminal with NO_COLOR: colour")
expect(ESC not in on_terminal(args, {**base, "TERM": "dumb"}), "dumb terminal: colour")
expect(ESC not in on_terminal(["--color=never", *args], base), "--color=never: colour")
piped = subprocess.run([BIN, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=base).stdout
expect(ESC not in piped and b"1" in piped, "pipe: colour")
always = subprocess.run([BIN, "--color=always", *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                        env={**base, "NO_COLOR": "1"}).stdout
expect(ESC + b"32m" in always, "--color=always: no colour")
with tempfile.TemporaryDirectory() as d:
    target = os.path.join(d, "out.txt")
    on_terminal(["-o", target, *args], base)
    expect(ESC not in open(target, "rb").read(), "-o FILE on a terminal: colour in the file")
    # --color=always never puts escapes into a file: the man page promises files carry no colour
    subprocess.run([BIN, "--color=always", "-o", target, *args], env=base, stderr=subprocess.DEVNULL)
    expect(ESC not in open(target, "rb").read(), "--color=always -o FILE: colour in the file")
# rank colours met and missed on a terminal as the report does
units = os.path.join(os.path.dirname(EXAMPLE), "communes-2023.csv")
ranked = on_terminal(["rank", units], base)
expect(ESC + b"32m" in ranked and ESC + b"31m" in ranked, "rank on a terminal: no green and red")
expect(ESC not in subprocess.run([BIN, "rank", units], stdout=subprocess.PIPE, env=base).stdout,
       "rank into a pipe: colour")
json_out = on_terminal(["--format", "json", *args], base)
expect(ESC not in json_out, "JSON on a terminal: colour")
bad = subprocess.run([BIN, "--color=sometimes", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
expect(bad.returncode == 2 and bad.stdout == b"", "--color=sometimes: not a usage error")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
