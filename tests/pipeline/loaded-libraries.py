#!/usr/bin/env python3
"""The libraries a run loads (glibc's LD_DEBUG=files): a report, a check, rank and every text format load
neither libxlsxwriter nor libzip, nor the libcrypto both bring, nor expat; writing a workbook loads
libxlsxwriter, reading one libzip and expat, each only then.
usage: loaded-libraries.py PARSCORE EXAMPLES XLSXWRITER_SONAME LIBZIP_SONAME EXPAT_SONAME"""
import os
import re
import subprocess
import sys
import tempfile

ps, ex, xlsxwriter, libzip, expat = sys.argv[1:6]
CRYPTO = "libcrypto.so"
failures = 0


def loaded(args):
    env = dict(os.environ, LD_DEBUG="files", LC_ALL="C.UTF-8")
    run = subprocess.run([ps] + args, env=env, capture_output=True)
    if run.returncode not in (0, 1):
        raise SystemExit(f"{args}: exit {run.returncode}: {run.stderr[-400:]!r}")
    return set(re.findall(rb"file=(\S+) \[\d+\];\s+(?:needed|dynamically loaded)", run.stderr))


def expect(args, present, absent):
    global failures
    files = {f.decode() for f in loaded(args)}
    wrong = [f"{name} not loaded" for name in present if not any(f == name or f.endswith("/" + name) for f in files)]
    wrong += [f"{name} loaded" for name in absent if any(name in f for f in files)]
    for why in wrong:
        print(f"FAIL {' '.join(args)}: {why} ({', '.join(sorted(files))})")
    if not wrong:
        print(f"ok   {' '.join(args)}: {len(files)} files loaded")
    failures += len(wrong)


scores = os.path.join(ex, "scores-2023-q3.csv")
with tempfile.TemporaryDirectory() as tmp:
    book = os.path.join(tmp, "out.xlsx")
    for args in (
        [scores],
        ["--peers", os.path.join(ex, "peers-2022.csv"), scores],
        ["check", scores],
        ["--format", "json", scores],
        ["--format", "csv", scores],
        ["--format", "markdown", scores],
        ["--format", "svg", scores],
        ["rank", os.path.join(ex, "communes-2023.csv")],
        ["--version"],
    ):
        expect(args, [], [xlsxwriter, libzip, CRYPTO, expat])
    expect(["--format", "xlsx", "-o", book, scores], [xlsxwriter], [libzip, expat])
    expect([os.path.join(ex, "scores-2023-q3.xlsx")], [libzip, expat], [xlsxwriter])
sys.exit(1 if failures else 0)
