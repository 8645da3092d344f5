#!/usr/bin/env python3
"""A large CSV of units is read by two threads, split at a line break near its middle
(src/input/csv_table.c): on generated files of 4.6 MB and more, `parscore rank FILE` must give exactly
what a reading by one thread gives (`cat FILE | parscore rank -`: a pipe is never split), status, stdout
and stderr, the file's name aside: valid files (LF, CR LF, no final line break, blank lines), a quoted
line break across the split (the second thread's rows dropped, the first reads on), and errors in the
second half, in both, and across them (a name given twice, a ragged row, a bad number, invalid UTF-8, an
unclosed quote at the end). The same for JSON, whose second pass is split at the first row that begins in
the file's second half: valid, errors in either half or both, rows over several lines, escapes, a syntax
error near the end, a BOM (not split). And JSON's first pass, whose rows from a guessed row start in the
second half are read ahead by a second thread: a guess inside a string, keys given twice, a column only
in the second half, syntax errors, a NUL byte, invalid UTF-8, a top-level key after the rows, a cut file,
escaped keys.
usage: rank-split.py PARSCORE"""
import json
import os
import random
import subprocess
import sys
import tempfile

PS = sys.argv[1]
ROWS = 70000  # about 4.6 MB: over the 4 MiB from which the reader splits
failures = 0
checks = 0


def rows(seed, count=ROWS):
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        values = ",".join(f"{rnd.uniform(20, 100):.2f}" for _ in range(9))
        out.append(f"Xã {i:07d},{values}")
    return out


def make(lines, header="unit,1,2,3,4,5,6,7,8,sipas", eol="\n", final=True):
    text = eol.join([header] + lines) + (eol if final else "")
    return text.encode()


def run(args, data=None):
    r = subprocess.run([PS] + args, input=data, capture_output=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
    return r.returncode, r.stdout, r.stderr


def same(name, data, formats=("csv",), file="units.csv"):
    global failures, checks
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, file)
        with open(path, "wb") as f:
            f.write(data)
        for fmt in formats:
            split = run(["rank", "--format", fmt, path])
            # a pipe: read by one thread
            one = subprocess.run(f"cat '{path}' | '{PS}' rank --format {fmt} -", shell=True, capture_output=True,
                                 env=dict(os.environ, LC_ALL="C.UTF-8"))
            one = (one.returncode, one.stdout, one.stderr.replace(b"<stdin>", path.encode()))
            checks += 1
            if split != one:
                failures += 1
                print(f"FAIL {name} ({fmt}): split exit {split[0]}, one thread exit {one[0]}")
                print(f"     split stderr: {split[2][:300]!r}\n     one   stderr: {one[2][:300]!r}")
                if split[1] != one[1]:
                    print(f"     stdout differs ({len(split[1])} vs {len(one[1])} bytes)")
            else:
                print(f"ok   {name} ({fmt}): exit {split[0]} {split[2][:90]!r}")


base = rows(1)
mid = ROWS // 2
same("valid, LF", make(base), ("csv", "json", "text"))
same("valid, CR LF", make(base, eol="\r\n"))
same("no final line break", make(base, final=False))
blank = base[:mid - 3] + ["", ",,,,,,,,,", ""] + base[mid - 3:] + ["", ""]
same("blank lines and empty rows", make(blank))
# a name with quoted line breaks from before the middle byte to after it: the split falls inside it
def across_middle(lines, field):
    size = len(make(lines)) + len(field.encode()) + 30
    at, offset = 0, len("unit,1,2,3,4,5,6,7,8,sipas\n")
    while offset + len(lines[at].encode()) + 1 < size // 2 - len(field.encode()) // 2:
        offset += len(lines[at].encode()) + 1
        at += 1
    return lines[:at] + [field + "," + ",".join(["50"] * 9)] + lines[at:]
long_name = '"Xã ' + "\n".join("dòng %d" % k for k in range(300)) + '"'
same("a quoted line break across the split", make(across_middle(base, long_name)), ("csv", "text"))
crlf_name = '"Xã ' + "\r\n".join("dòng %d" % k for k in range(300)) + '"'
same("a quoted CR LF across the split", make(across_middle(base, crlf_name), eol="\r\n"))
bad = list(base)
bad[mid + 5000] = bad[mid + 5000].replace(",", ",abc,", 1).rsplit(",", 1)[0]
same("a bad number in the second half", make(bad))
both = list(bad)
both[100] = both[100].replace(",", ",x%,", 1).rsplit(",", 1)[0]
same("bad numbers in both halves", make(both))
dup = list(base)
dup[mid + 9000] = "Xã 0000123," + dup[mid + 9000].split(",", 1)[1]
same("a name in the first half given again in the second", make(dup))
ragged = list(base)
ragged[mid + 100] += ",1"
same("a ragged row in the second half", make(ragged))
utf8 = make(base)
at = utf8.index(b"\n", len(utf8) * 3 // 4) + 4
same("invalid UTF-8 in the second half", utf8[:at] + b"\xff" + utf8[at + 1:])
same("an unclosed quote at the end", make(base + ['"Xã cuối,1,2,3,4,5,6,7,8,9']))
same("a BOM and comment lines", b"\xef\xbb\xbf# period: 2023-Q3\n# note\n" + make(base))
same("lone CR line ends (no split)", make(base, eol="\r"))

# JSON: pass 2 hands out the rows by two threads from the first row that begins in the second half
# (src/input/json_table.c); a pipe is copied aside and read by one
def json_rows(seed, count=ROWS):
    rnd = random.Random(seed)
    return [{"unit": f"Xã {i:07d}", **{k: round(rnd.uniform(20, 100), 2) for k in "12345678"},
             "sipas": round(rnd.uniform(20, 100), 2)} for i in range(count)]


def make_json(objects, texts=None, prefix=b""):
    texts = dict(texts or {})
    lines = [texts.get(i) or "  " + json.dumps(o, ensure_ascii=False) for i, o in enumerate(objects)]
    return prefix + ('{"period": "2023-Q3", "units": [\n' + ",\n".join(lines) + "\n]}\n").encode()


def same_json(name, data, formats=("csv",)):
    same(name, data, formats, "units.json")


units = json_rows(2)
same_json("JSON: valid", make_json(units), ("csv", "json", "text"))
late = mid + 7000
text = dict(units[late])
same_json("JSON: a string for a number in the second half",
          make_json(units, {late: "  " + json.dumps({**text, "4": "abc"}, ensure_ascii=False)}))
same_json("JSON: bad values in both halves",
          make_json(units, {late: "  " + json.dumps({**text, "4": "abc"}, ensure_ascii=False),
                            200: "  " + json.dumps({**units[200], "2": True}, ensure_ascii=False)}))
same_json("JSON: a name in the first half given again in the second",
          make_json(units, {late: "  " + json.dumps({**text, "unit": "Xã 0000123"}, ensure_ascii=False)}))
pretty = json.dumps(text, ensure_ascii=False, indent=4).replace("\n", "\n  ")
same_json("JSON: rows over several lines in the second half, one of them bad",
          make_json(units, {late: "  " + pretty, late + 3: "  " + json.dumps({**units[late + 3], "7": -1}, indent=2)}))
same_json("JSON: escapes in the second half",
          make_json(units, {late: '  {"unit": "X\\u00e3 \\"m\\u1ed9t\\"", "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, '
                                  '"6": 6, "7": 7, "8": 8, "sipas": 9}'}), ("csv", "json"))
same_json("JSON: a control character escaped in the second half",
          make_json(units, {late: '  {"unit": "X\\u001b[2J", "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, '
                                  '"7": 7, "8": 8, "sipas": 9}'}))
same_json("JSON: a criterion missing in a row of the second half",
          make_json(units, {late: "  " + json.dumps({k: v for k, v in text.items() if k != "5"}, ensure_ascii=False)}))
same_json("JSON: a trailing comma at the end", make_json(units)[:-4] + b",\n]}\n")
same_json("JSON: a BOM (one thread)", make_json(units, prefix=b"\xef\xbb\xbf"))

# JSON: pass 1 reads the rows from a place in the second half that looks like a row's start (a '{' after
# a comma) in a second thread, which the first takes when it reaches that place and a row starts there
def row_text(obj):
    return "  " + json.dumps(obj, ensure_ascii=False)


def with_key_twice(obj, key, value):
    return row_text(obj)[:-1] + f', "{key}": {value}}}'


early = 300
data = make_json(units)
middle = data.index(b"\n  {", len(data) // 2)
row_at_middle = data[:middle].count(b"\n") - 1  # the row whose line holds the middle
looks_like_rows = "Xã " + ", {" * 400  # the guess lands in this name: no row starts there
same_json("JSON: the guessed row start inside a string across the middle",
          make_json(units, {row_at_middle: row_text({**units[row_at_middle], "unit": looks_like_rows})}))
first_ahead = row_at_middle + 1  # the first row that begins past the middle: where the second thread starts
same_json("JSON: a key given twice in the second thread's first row (a column counted from its start)",
          make_json(units, {first_ahead: with_key_twice(units[first_ahead], "5", 50)}))
same_json("JSON: a NUL byte in the second thread's first row",
          make_json(units, {first_ahead: row_text(units[first_ahead]).replace("Xã", "X\0", 1)}))
# a row of about 200 KB that begins 2 KB before the middle of the file it makes: pass 2's second thread
# reads more than one block from the middle to its first row
longs = {k: c * 40000 for k, c in (("ghi chú", "x"), ("z", "y"), ("z2", "w"), ("z3", "v"), ("z4", "u"))}
long_len = len(row_text({**units[0], **longs}).encode()) - len(row_text(units[0]).encode())
long_at = data.count(b"\n", 0, len(data) // 2 + long_len // 2 - 2000) - 1
same_json("JSON: a row longer than three blocks across the middle (pass 2's second thread skips them)",
          make_json(units, {long_at: row_text({**units[long_at], **longs})}))
same_json("JSON: a key given twice in the second half",
          make_json(units, {late: with_key_twice(units[late], "3", 50)}))
same_json("JSON: a key given twice in both halves",
          make_json(units, {early: with_key_twice(units[early], "2", 50), late: with_key_twice(units[late], "3", 50)}))
same_json("JSON: a column only in the second half",
          make_json(units, {late: row_text({**units[late], "ghi chú": "x"}), late + 9: row_text({**units[late + 9], "z": 1})}),
          ("csv", "json"))
same_json("JSON: a syntax error in the second half",
          make_json(units, {late: row_text(units[late]).replace(", ", " ", 1)}))
same_json("JSON: syntax errors in both halves, a key given twice between",
          make_json(units, {early: row_text(units[early])[:-1], early + 5: with_key_twice(units[early + 5], "1", 1),
                            late: row_text(units[late]).replace(":", "", 1)}))
same_json("JSON: a NUL byte in the second half",
          make_json(units, {late: row_text(units[late]).replace("Xã", "X\0", 1)}))
bad_utf8 = make_json(units)
at = bad_utf8.index("Xã".encode(), len(bad_utf8) * 3 // 4) + 1
same_json("JSON: invalid UTF-8 in the second half, a syntax error in the first",
          make_json(units, {early: row_text(units[early]).replace(",", ";", 1)})[:at] + b"\xff" + bad_utf8[at + 1:])
same_json("JSON: invalid UTF-8 in the second half", bad_utf8[:at] + b"\xff" + bad_utf8[at + 1:])
same_json("JSON: a top-level key given again after the rows", make_json(units)[:-2] + b', "period": "2024-Q1"}\n')
same_json("JSON: cut short in the second half", make_json(units)[: len(make_json(units)) * 3 // 4])
escaped_key = '  {"unit": "%s", "\\u0031": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "sipas": 9}'
same_json("JSON: escaped keys in both halves, one given twice in the second",
          make_json(units, {early: escaped_key % "Xã sớm", late: escaped_key % "Xã muộn",
                            late + 2: escaped_key.replace('"2"', '"\\u0031"') % "Xã hai"}))
print(f"{checks} comparisons, {failures} different")
sys.exit(1 if failures else 0)
