#!/usr/bin/python3
"""Workbooks (.xlsx) as input, against the CSV files with the same values: scores, plan, peers and units
written by openpyxl (its inline strings, some turned into shared strings with rich text and a phonetic
run, numbers as Excel's 17-digit doubles such as 61.200000000000003, ids typed as numbers, a formula with
its cached value, a percent-formatted cell), one saved by LibreOffice from the CSV (examples/, made by
doc/example-workbook.sh), and parscore's own template (libxlsxwriter's shared strings) filled in; each gives
the JSON report of its CSV. Then the choice of sheet (--sheet, BOOK.xlsx#NAME, a hidden first sheet),
warnings placed in the sheet, standard input, what a cell shows (dates, TRUE), and Windows-1258 CSV with
and without --encoding.
usage: xlsx-input.py PARSCORE EXAMPLES_DIR DATA_DIR"""
import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

import openpyxl

BIN, EX, DATA = (os.path.abspath(a) for a in sys.argv[1:4])
SHEET = "xl/worksheets/sheet1.xml"
failures = []
checks = 0
scratch = tempfile.mkdtemp(prefix="parscore-xlsx-input.")


def expect(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
    return cond


def run(args, stdin=None):
    return subprocess.run([BIN] + args, input=stdin, capture_output=True, env=dict(os.environ, LC_ALL="C.UTF-8"))


def report(args, stdin=None):
    """The JSON report, less the name of the input (which differs by design); None when it failed."""
    p = run(["--format", "json"] + args, stdin)
    if not expect(p.returncode in (0, 1) and p.stdout, f"{args}: status {p.returncode}, {p.stderr.decode()}"):
        return None
    doc = json.loads(p.stdout)
    for key in ("scores_source", "plan_source", "source", "peers_source"):
        doc.pop(key, None)
    for part in ("plan", "ranking"):
        if isinstance(doc.get(part), dict):
            doc[part].pop("source", None)
            doc[part].pop("peers_source", None)
    return json.dumps(doc, sort_keys=True), p.stderr


def csv_rows(path):
    """A CSV's comment lines (each a row of one cell) and its rows, as a spreadsheet would hold them."""
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    lines = text.splitlines(keepends=True)
    comments = [ln for ln in lines if ln.startswith("#")]
    body = "".join(lines[len(comments):])
    delim = ";" if body.split("\n")[0].count(";") > body.split("\n")[0].count(",") else ","
    return [[c.rstrip("\r\n")] for c in comments], list(csv.reader(io.StringIO(body), delimiter=delim))


def as_number(text):
    """A value a spreadsheet would take as a number (an id such as 1 too), else the text."""
    t = text.strip()
    if re.fullmatch(r"-?\d+", t):
        return int(t)
    if re.fullmatch(r"-?\d+\.\d+", t):
        return float(t)
    return text if text != "" else None


def workbook(rows, title="Sheet1", extra=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    if extra:
        extra(wb, ws)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def rewrite(data, changes):
    """The archive with parts changed: changes maps a part's name to a function of its bytes (None adds)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        names = src.namelist()
        for name in names:
            content = src.read(name)
            z.writestr(name, changes[name](content) if name in changes else content)
        for name, change in changes.items():
            if name not in names:
                z.writestr(name, change(None))
    return out.getvalue()


def with_artefacts(sheet_xml):
    """Every number as the 17 significant digits of its double, as Excel writes 61.2: 61.200000000000003."""
    return re.sub(rb"<v>(-?\d+\.\d+)</v>", lambda m: b"<v>%s</v>" % (b"%.17g" % float(m.group(1))), sheet_xml)


def shared_strings(data):
    """Every other inline string of the sheet moved to a shared strings part; the first of them as rich text
    runs with a phonetic reading (which is not the cell's text)."""
    strings, seen = [], [0]

    def move(m):
        seen[0] += 1
        if seen[0] % 2 == 0:
            return m.group(0)
        strings.append(m.group(2))
        return b'<c r="%s" t="s"><v>%d</v></c>' % (m.group(1), len(strings) - 1)

    src = zipfile.ZipFile(io.BytesIO(data))
    sheet = re.sub(rb'<c r="([A-Z]+\d+)" t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>', move, src.read(SHEET))
    kept = strings
    items = []
    rich = False
    for s in kept:
        if not rich and len(s) > 3 and b"&" not in s:
            rich = True
            half = len(s.decode()) // 2
            a, b = s.decode()[:half].encode(), s.decode()[half:].encode()
            items.append(b'<si><r><t xml:space="preserve">%s</t></r><r><rPr><b/></rPr><t xml:space="preserve">%s'
                         b'</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>' % (a, b))
        else:
            items.append(b"<si><t xml:space=\"preserve\">%s</t></si>" % s)
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
           b' count="%d" uniqueCount="%d">%s</sst>' % (len(kept), len(kept), b"".join(items)))
    rel = (b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
           b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    ctype = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             b'spreadsheetml.sharedStrings+xml"/></Types>')
    return rewrite(data, {SHEET: lambda c: sheet, "xl/sharedStrings.xml": lambda c: sst,
                          "xl/_rels/workbook.xml.rels": lambda c: c.replace(b"</Relationships>", rel),
                          "[Content_Types].xml": lambda c: c.replace(b"</Types>", ctype)}), len(kept)


def book_of_csv(path, name):
    """The CSV as openpyxl writes it, numbers as numbers with Excel's artefacts, half its strings shared."""
    comments, rows = csv_rows(path)
    data = workbook(comments + [rows[0]] + [[as_number(v) for v in r] for r in rows[1:]])
    data = rewrite(data, {SHEET: with_artefacts})
    data, shared = shared_strings(data)
    target = os.path.join(scratch, name)
    with open(target, "wb") as f:
        f.write(data)
    sheet = zipfile.ZipFile(target).read(SHEET)
    expect(b't="s"' in sheet and b't="inlineStr"' in sheet and shared > 2, f"{name}: shared and inline strings")
    return target, sheet


def same(args_csv, args_book, what):
    a, b = report(args_csv), report(args_book)
    if a and b:
        expect(a[0] == b[0], f"{what}: the workbook's report differs from the CSV's")
        expect(b[1] == b"", f"{what}: the workbook gave messages: {b[1].decode()}")


# ---- every loader: the workbook of a CSV gives the CSV's report ----

scores, sheet = book_of_csv(f"{EX}/scores-2023-q3.csv", "scores-2023-q3.xlsx")
expect(b"<v>61.200000000000003</v>" in sheet and b"<v>41.299999999999997</v>" in sheet,
       "scores: the workbook holds Excel's 17-digit doubles")
same([f"{EX}/scores-2023-q3.csv"], [scores], "scores")
vi_scores, _ = book_of_csv(f"{EX}/scores-2023-q3-vi.csv", "scores-2023-q3-vi.xlsx")
same([f"{EX}/scores-2023-q3-vi.csv"], [vi_scores], "scores saved the Vietnamese way (decimal commas as text)")
peers, _ = book_of_csv(f"{EX}/peers-2022.csv", "peers-2022.xlsx")
same(["--peers", f"{EX}/peers-2022.csv", f"{EX}/scores-2023-q3.csv"], ["--peers", peers, scores], "peers")
plan, _ = book_of_csv(f"{os.path.dirname(EX)}/data/sin-ho-2023.csv", "sin-ho-2023.xlsx")
same(["--plan", f"{os.path.dirname(EX)}/data/sin-ho-2023.csv", f"{EX}/scores-2023-q3.csv"],
     ["--plan", plan, scores], "plan")
sub_plan, _ = book_of_csv(f"{EX}/plan-sub-criteria.csv", "plan-sub-criteria.xlsx")
sub_scores, _ = book_of_csv(f"{EX}/scores-2023-q3-sub.csv", "scores-2023-q3-sub.xlsx")
same(["--plan", f"{EX}/plan-sub-criteria.csv", f"{EX}/scores-2023-q3-sub.csv"], ["--plan", sub_plan, sub_scores],
     "sub-criteria plan and scores")
units, _ = book_of_csv(f"{EX}/communes-2023.csv", "communes-2023.xlsx")
same(["rank", f"{EX}/communes-2023.csv"], ["rank", units], "units (rank)")
a, b = report([f"{EX}/scores-2023-q3.csv"]), report(["-"], stdin=open(scores, "rb").read())
expect(a and b and a[0] == b[0], "a workbook on standard input: not the CSV's report")

# ---- the decimal typed, not the double kept: 41.3 is 41.299999999999997, which is below "tối thiểu 41,3%" ----

edge_plan = os.path.join(scratch, "plan-edge.csv")
with open(edge_plan, "w", encoding="utf-8") as f:
    f.write("id,kind,name,max_points,baseline,baseline_rank,target,target_rank,owners\n"
            "a,criterion,A,10,40,,tối thiểu 41.3%,,\nt,total,Tổng,,40,,>= 41.3,,\n")
data = rewrite(workbook([["id", "score"], ["a", 41.3]]), {SHEET: with_artefacts})
expect(b"<v>41.299999999999997</v>" in zipfile.ZipFile(io.BytesIO(data)).read(SHEET), "edge: no artefact in the test")
p = run(["check", "--plan", edge_plan, "-"], stdin=data)
expect(p.returncode == 0, f"41.299999999999997 against 'tối thiểu 41,3%': status {p.returncode}, {p.stdout.decode()}")

# ---- LibreOffice: examples/scores-2023-q3.xlsx (made by doc/example-workbook.sh) ----

lo = f"{EX}/scores-2023-q3.xlsx"
expect(b"LibreOffice" in zipfile.ZipFile(lo).read("docProps/app.xml"), "the LibreOffice workbook is LibreOffice's")
same([f"{EX}/scores-2023-q3.csv"], [lo], "saved by LibreOffice")

# ---- a formula with its cached value, a percent cell, what other cells show ----


def percent(wb, ws):
    ws["B4"].number_format = "0.00%"


rows = [["id", "score", "note"], [1, 48.5, None], [3, "=60+1.2", datetime.date(2023, 9, 30)], [4, 0.86, True],
        [5, 50, datetime.datetime(2023, 9, 30, 14, 5, 59)], [6, 50, datetime.datetime(2023, 9, 30, 23, 59, 59, 600000)]]
data = workbook(rows, extra=percent)
data = rewrite(data, {SHEET: lambda c: c.replace(b"<f>60+1.2</f><v></v>", b"<f>60+1.2</f><v>61.200000000000003</v>")
                      .replace(b"<f>60+1.2</f><v/>", b"<f>60+1.2</f><v>61.200000000000003</v>")})
expect(b"<f>60+1.2</f><v>61.200000000000003</v>" in zipfile.ZipFile(io.BytesIO(data)).read(SHEET),
       "formula: the test workbook holds a cached value")
p = run(["--format", "json", "-"], stdin=data)
if expect(p.returncode == 0, f"formula, percent: status {p.returncode}, {p.stderr.decode()}"):
    lines = {i["id"]: i for i in json.loads(p.stdout)["indicators"]}
    expect(lines["3"]["score"] == 61.2, f"formula: the cached 61.2 read as {lines['3']['score']}")
    expect(lines["4"]["score"] == 86 and lines["4"]["met"] is False, "a percent cell (86.00%) is 86, not 0.86")
    expect(lines["3"]["note"] == "2023-09-30", f"a date in a text column: {lines['3']['note']!r}")
    expect(lines["4"]["note"] == "TRUE", f"a boolean in a text column: {lines['4']['note']!r}")
    expect(lines["5"]["note"] == "2023-09-30 14:05:59", f"a date and time: {lines['5']['note']!r}")
    expect(lines["6"]["note"] == "2023-10-01", f"23:59:59.6 rounds to the next day: {lines['6']['note']!r}")

# ---- which sheet ----


def two_sheets(hidden):
    def extra(wb, ws):
        ws.append(["Ghi chú: bảng điểm ở trang tính bên cạnh"])
        if hidden:
            ws.sheet_state = "hidden"
        other = wb.create_sheet("Điểm quý 3")
        for row in [["id", "score"], [1, 48.5], [2, 92.5]]:
            other.append(row)

    return workbook([], title="Ghi chú", extra=extra)


book = os.path.join(scratch, "two-sheets.xlsx")
with open(book, "wb") as f:
    f.write(two_sheets(False))
p = run([book])
expect(p.returncode == 2 and "two-sheets.xlsx:'Ghi chú'!1:1:" in p.stderr.decode(),
       f"the first sheet is read by default: {p.stderr.decode()}")
for args in (["--sheet", "Điểm quý 3", book], ["--sheet", "ĐIỂM QUÝ 3", book], [book + "#Điểm quý 3"]):
    p = run(args)
    expect(p.returncode == 0 and "48,50" in p.stdout.decode(), f"{args}: status {p.returncode}, {p.stderr.decode()}")
p = run([book + "#Không có"])
expect(p.returncode == 2 and "two-sheets.xlsx: không có trang tính 'Không có'; các trang tính là: Ghi chú, Điểm quý 3"
       in p.stderr.decode(), f"no such sheet: {p.stderr.decode()}")
with open(book, "wb") as f:
    f.write(two_sheets(True))
p = run([book])
expect(p.returncode == 0, f"a hidden first sheet is passed over: {p.stderr.decode()}")

# ---- warnings name the cell; blank rows and trailing empty cells are nothing ----


def blanks(wb, ws):
    ws["E2"].number_format = "0.00"  # a formatted empty cell past the table
    ws["A4"].value = "   "


data = workbook([["id", "score", "ghi chu x"], [1, 48.5], [], [None], [2, 92.5]], extra=blanks)
p = run(["-"], stdin=data)
expect(p.returncode == 0 and p.stderr.decode().startswith("<stdin>:Sheet1!C1: cảnh báo: ") and
       p.stderr.decode().count("\n") == 1, f"an unknown column: {p.stderr.decode()}")
expect("92,50" in p.stdout.decode(), "a row after blank rows: not read")

# ---- the template: parscore's own workbook, filled in by openpyxl, loads as it stands ----

for lang in ("vi", "en"):
    template = os.path.join(scratch, f"template-{lang}.xlsx")
    p = run(["template", "--lang", lang, "--plan", f"{EX}/plan-sub-criteria.csv", "--format", "xlsx", "-o", template])
    if not expect(p.returncode == 0 and p.stderr == b"", f"template {lang}: {p.stderr.decode()}"):
        continue
    wb = openpyxl.load_workbook(template)
    ws = wb.active
    head = [c.value for c in ws[1]]
    expect(head == ["id", "name", "max_points", "owners", "points", "score", "appraised", "evidence", "note"],
           f"template {lang}: header {head}")
    expect(ws.protection.sheet, f"template {lang}: the sheet is not protected")
    expect(all(ws.cell(2, c).protection.locked for c in range(1, 5)), f"template {lang}: the plan's columns are open")
    expect(not any(ws.cell(2, c).protection.locked for c in range(5, 10)), f"template {lang}: the value columns are locked")
    expect(all(ws.cell(1, c).comment and ws.cell(1, c).comment.text for c in range(1, 10)),
           f"template {lang}: a header cell has no note")
    expect("minh họa" in ws.cell(1, 3).comment.text or "illustrative" in ws.cell(1, 3).comment.text,
           f"template {lang}: the max points' note does not say they are illustrative")
    rules = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    expect(rules.get("E2") == 'OR(AND(ISNUMBER(E2),E2>=0,E2<=2),OR(E2="KAD",E2="NA",E2="N/A",E2="không áp dụng"))',
           f"template {lang}: points of 1.1 (max 2): {rules.get('E2')}")
    expect(any(k.startswith("F2:F") and "F2<=100" in v for k, v in rules.items()), f"template {lang}: no percent rule")
    ids = {str(ws.cell(r, 1).value): r for r in range(2, ws.max_row + 1)}
    comments, rows = csv_rows(f"{EX}/scores-2023-q3-sub.csv")
    header = rows[0]
    for row in rows[1:]:
        r = ids[row[0]]
        for key, value in zip(header, row):
            if key != "id" and value != "":
                ws.cell(r, head.index(key) + 1).value = as_number(value.replace(",", ".")) if key in (
                    "points", "score", "appraised") else value
    filled = os.path.join(scratch, f"filled-{lang}.xlsx")
    wb.save(filled)
    a = report(["--plan", f"{EX}/plan-sub-criteria.csv", f"{EX}/scores-2023-q3-sub.csv"])
    b = report(["--plan", f"{EX}/plan-sub-criteria.csv", filled])
    if a and b:
        strip = lambda s: re.sub(r'"period": [^,]*, ', "", s)  # the template has no period line
        expect(strip(a[0]) == strip(b[0]), f"template {lang}: the filled-in workbook's report differs from the CSV's")
        expect(b[1] == b"", f"template {lang}: loading it warned: {b[1].decode()}")

# ---- CSV in Windows-1258, as "CSV (Comma delimited)" saves it: tone marks as combining characters ----

with open(f"{EX}/peers-2022.csv", encoding="utf-8") as f:
    text = f.read()


def cp1258(text):
    """Text as Windows-1258 writes it: a letter it has whole (â, ơ, đ), then the tone mark it lacks as a
    combining character (ồ is ô and U+0300)."""
    out = []
    for ch in text:
        marks = unicodedata.normalize("NFD", ch)
        base, marks = marks[0], list(marks[1:])
        for mark in list(marks):  # ậ is a, dot below, circumflex: â is the letter, the dot the tone
            whole = unicodedata.normalize("NFC", base + mark)
            if len(whole) == 1 and whole.encode("cp1258", "ignore"):
                base = whole
                marks.remove(mark)
        out.append(base + "".join(marks))
    return "".join(out).encode("cp1258")


cp = os.path.join(scratch, "peers-cp1258.csv")
with open(cp, "wb") as f:
    f.write(cp1258(text))
expect(b"H\xf4\xcc" in open(cp, "rb").read(), "the Windows-1258 file writes the tone of Sìn Hồ apart")
p = run(["--peers", cp, f"{EX}/scores-2023-q3.csv"])
expect(p.returncode == 2 and p.stdout == b"" and "theo bảng mã Windows-1258; hãy lưu lại dạng 'CSV UTF-8', hoặc chạy với "
       "--encoding cp1258" in p.stderr.decode(), f"Windows-1258 without --encoding: {p.stderr.decode()}")
for name in ("cp1258", "windows-1258", "Windows-1258"):
    a = report(["--peers", f"{EX}/peers-2022.csv", f"{EX}/scores-2023-q3.csv"])
    b = report(["--encoding", name, "--peers", cp, f"{EX}/scores-2023-q3.csv"])
    expect(a and b and a[0] == b[0] and b[1] == b"", f"--encoding {name}: not the UTF-8 file's report")
a, b = report([f"{EX}/scores-2023-q3-vi.csv"]), report(["--encoding", "cp1258", f"{EX}/scores-2023-q3-vi.csv"])
expect(a and b and a[0] == b[0], "--encoding cp1258 on a UTF-8 file: it is read as UTF-8 all the same")
bad = os.path.join(scratch, "not-cp1258.csv")
with open(bad, "wb") as f:
    f.write(b"id,score,note\n1,48.5,a\x81b\n")
p = run(["--encoding", "cp1258", bad])
expect(p.returncode == 2 and "not-cp1258.csv:2:9: byte 0x81 không có trong bảng mã Windows-1258" in p.stderr.decode(),
       f"a byte Windows-1258 lacks: {p.stderr.decode()}")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
subprocess.run(["rm", "-rf", scratch])
sys.exit(1 if failures else 0)
