#!/usr/bin/env python3
"""The streaming JSON reader on generated units files (fixed seed), large ones crossing many 64 KiB
blocks: a valid file gives the same ranking as the same document written compactly and as the same file
on standard input (read whole); a NUL byte, a byte that is not UTF-8 and a cut anywhere (at block ends
above all) give their message at the place computed here, from a file and from standard input alike.
usage: json-stream.py PARSCORE"""
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import jsongen  # noqa: E402

PS = sys.argv[1]
rng = random.Random(20261202)
work = tempfile.mkdtemp(prefix="json-stream-")
failures = 0
checks = 0


def run(path, data=None):
    args = [PS, "rank", "--format", "csv", "--lang", "en", path]
    p = subprocess.run(args, input=data, capture_output=True, timeout=300)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def write(name, data):
    path = os.path.join(work, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def place(data, offset):
    """line and column of a byte as parscore counts them: CR, LF and CRLF end lines; a column is a character"""
    line, column, after_cr = 1, 1, False
    for b in data[:offset]:
        if b == 0x0A:
            if not after_cr:
                line += 1
            column = 1
        elif b == 0x0D:
            line += 1
            column = 1
        elif b & 0xC0 != 0x80:
            column += 1
        after_cr = b == 0x0D
    return line, column


def check(what, got, want):
    global failures, checks
    checks += 1
    if got != want:
        failures += 1
        print("FAIL %s\n  got:  %r\n  want: %r" % (what, got, want))


def expect_message(what, data, offset, text):
    """from a file and from standard input: FILE:LINE:COLUMN: text at the byte offset of the body"""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    path = write("bad.json", data)
    line, column = place(body, offset)
    for name, result in ((path, run(path)), ("<stdin>", run("-", data))):
        if name == "<stdin>" and body.lstrip(b" \t\r\n")[:1] not in (b"{", b"["):
            continue  # standard input is JSON only when it opens like JSON
        want = "%s:%d:%d: %s" % (name, line, column, text) if offset is not None else "%s: %s" % (name, text)
        check("%s (%s)" % (what, name), (result[0], result[1], result[2].split("\n")[0][: len(want)]),
              (2, b"", want))


def boundary_offsets(data):
    """offsets near the ends of 64 KiB blocks (the file's own blocks count the BOM), else anywhere"""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    ends = [k * 65536 - bom + d for k in range(1, len(data) // 65536 + 1) for d in range(-4, 5)]
    ends = [e for e in ends if 0 < e < len(data) - bom]
    return ends or [rng.randrange(len(data) - bom)]


docs = [jsongen.units_doc(rng, rng.randint(1, 40)) for _ in range(30)]
docs += [jsongen.units_doc(rng, rng.randint(1500, 4000), long_names=True) for _ in range(4)]

for n, data in enumerate(docs):
    path = write("doc.json", data)
    whole = run(path)
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    compact = json.dumps(json.loads(body.decode("utf-8")), ensure_ascii=False, separators=(",", ":"))
    check("doc %d compact" % n, run(write("compact.json", compact.encode("utf-8")))[:2], whole[:2])
    check("doc %d from stdin" % n, run("-", data)[:2], whole[:2])
    check("doc %d ranks" % n, whole[0], 0)

    offsets = boundary_offsets(data) if len(data) > 65536 else [rng.randrange(len(body)) for _ in range(6)]
    bom = data[: len(data) - len(body)]
    for at in offsets[:6]:
        while 0 < at < len(body) and body[at] & 0xC0 == 0x80:
            at -= 1  # a byte put inside a character would make the character the bad one
        expect_message("doc %d NUL at %d" % (n, at), bom + body[:at] + b"\x00" + body[at:], at, "invalid NUL byte")
        expect_message("doc %d 0xFF at %d" % (n, at), bom + body[:at] + b"\xff" + body[at:], at,
                       "invalid UTF-8 byte")
        # a cut: inside a character it is bad UTF-8 at its start; after blanks only, nothing to read;
        # after the closing brace, the whole document; else truncated at the end
        cut = body[:at]
        start = at
        while start > 0 and start > at - 4 and cut[start - 1] & 0xC0 == 0x80:
            start -= 1
        lead = cut[start - 1] if start > 0 else 0
        width = 2 if lead >= 0xC0 else 0
        width = 3 if lead >= 0xE0 else width
        width = 4 if lead >= 0xF0 else width
        if start > 0 and width and start - 1 + width > at:
            expect_message("doc %d cut at %d" % (n, at), bom + cut, start - 1, "invalid UTF-8 byte")
        elif not cut.strip(b" \t\r\n"):
            expect_message("doc %d cut at %d" % (n, at), bom + cut, None, "empty JSON input")
        elif cut.rstrip(b" \t\r\n").endswith(b"}") and len(cut.rstrip(b" \t\r\n")) == len(body.rstrip(b" \t\r\n")):
            check("doc %d cut at %d" % (n, at), run(write("cut.json", bom + cut))[:2], whole[:2])
        else:
            expect_message("doc %d cut at %d" % (n, at), bom + cut, len(cut), "truncated JSON")

print("%d checks on %d documents, %d failed" % (checks, len(docs), failures))
sys.exit(1 if failures else 0)
