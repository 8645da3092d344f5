#!/usr/bin/python3
"""Runs every example of the README: each command of a ```sh block (in a scratch folder where build/parscore
is the built binary and examples/ and data/ are the project's), each `$ ` transcript of a ```text block
(files written with `$ cat` first), and checks that every line of the other ```text blocks appears in what
those commands printed. usage: readme-examples.py PARSCORE README"""
import os
import re
import subprocess
import sys
import tempfile

BIN, README = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ROOT = os.path.dirname(README)
failures = []
checks = 0


def expect(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


def blocks(text):
    """(info, lines) of every fenced block."""
    out, info, lines = [], None, []
    for line in text.split("\n"):
        if info is None and line.startswith("```"):
            info, lines = line[3:].strip(), []
        elif info is not None and line.startswith("```"):
            out.append((info, lines))
            info = None
        elif info is not None:
            lines.append(line)
    return out


def strip_comment(line):
    """Drops a trailing '# …' comment that is outside quotes."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] == " "):
            return line[:i].rstrip()
    return line.rstrip()


def run(command, cwd):
    p = subprocess.run(["bash", "-c", command], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env={**os.environ, "NO_COLOR": "1", "LC_ALL": "C.UTF-8"})
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


with tempfile.TemporaryDirectory() as sandbox:
    os.makedirs(os.path.join(sandbox, "build"))
    os.symlink(BIN, os.path.join(sandbox, "build", "parscore"))
    for name in ("examples", "data", "doc"):
        os.symlink(os.path.join(ROOT, name), os.path.join(sandbox, name))
    printed = set()
    commands = 0
    for info, lines in blocks(open(README, encoding="utf-8").read()):
        if info == "sh":
            for raw in lines:
                command = strip_comment(raw)
                # the set-up scripts and packaging build the project: the suite itself is their test
                if not command or command.startswith(("scripts/", "set ", "cmake ", "cd build")):
                    continue
                commands += 1
                status, out, err = run(command, sandbox)
                printed.update(out.split("\n"))
                allowed = (0, 1) if " check " in f" {command} " else (0,)
                expect(status in allowed, f"`{command}` exited {status}: {err.strip()[:200]}")
        elif info == "text" and any(l.startswith("$ ") for l in lines):
            i = 0
            while i < len(lines):
                command = lines[i][2:]
                j = i + 1
                while j < len(lines) and not lines[j].startswith("$ "):
                    j += 1
                shown = lines[i + 1 : j]
                m = re.match(r"cat (\S+)$", command)
                if m:  # the file the next commands read
                    with open(os.path.join(sandbox, m.group(1)), "w", encoding="utf-8") as f:
                        f.write("\n".join(shown) + "\n")
                else:
                    commands += 1
                    status, out, err = run(command, sandbox)
                    actual = (out + err).rstrip("\n").split("\n")
                    expect(actual == shown, f"`{command}` printed {actual!r}, the README shows {shown!r}")
                i = j
        elif info == "text":
            for line in lines:
                if line.strip() and line != "…":
                    expect(line in printed, f"README line printed by no example: {line!r}")
    expect(commands >= 20, f"only {commands} commands found in the README")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
