#!/usr/bin/python3
"""The workbook (--format xlsx) read back with openpyxl and compared with the JSON report of the same input:
every number, met or missed (in words and in colour), unknown as an empty cell, the sheet names in both
languages, the native charts and their series, the page set-up, the illustrative note on every sheet; for
the report (with --peers), the plan, a partial total, check, trend and rank. Two runs give the same bytes
whatever the clock, the time zone and the temporary folder; -o stays all or nothing; temporary files go.
usage: xlsx.py PARSCORE EXAMPLES_DIR"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import openpyxl

BIN, EX = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
SCORES, PEERS = f"{EX}/scores-2023-q3.csv", f"{EX}/peers-2022.csv"
QUARTERS = [f"{EX}/scores-2023-q{q}.csv" for q in (1, 2, 3)]
MET_FILL, MISSED_FILL = "FFC6EFCE", "FFFFC7CE"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
failures = []
checks = 0
scratch = tempfile.mkdtemp(prefix="parscore-xlsx-test.")


def expect(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
    return cond


def run(args, env=None, stdout=subprocess.PIPE):
    return subprocess.run([BIN, *args], stdout=stdout, stderr=subprocess.PIPE,
                          env={**os.environ, "LC_ALL": "C.UTF-8", **(env or {})})


def workbook(args, name, status=0, env=None):
    """Writes the workbook of args with -o, checks the status, and returns (path, workbook)."""
    path = os.path.join(scratch, name)
    p = run(["--format", "xlsx", "-o", path, *args], env=env)
    expect(p.returncode == status and p.stdout == b"" and p.stderr == b"",
           f"{name}: status {p.returncode}, stdout {len(p.stdout)} bytes, stderr {p.stderr[:300]!r}")
    return path, openpyxl.load_workbook(path)


def report_json(args, status=0):
    p = run(["--format", "json", *args])
    expect(p.returncode == status, f"JSON of {args}: status {p.returncode}")
    return json.loads(p.stdout)


def cents(value):
    """A number as the reports show it: 2 decimals, half away from zero."""
    return Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def shown(value, lang):
    """A number as the text shows it in that language: 53,48 or 53.48."""
    text = f"{cents(value):.2f}"
    return text.replace(".", ",") if lang == "vi" else text


def same_number(cell, want, what):
    """A cell against a JSON number: empty for null (never 0), else a number equal at 2 decimals."""
    if want is None:
        return expect(cell.value is None, f"{what}: {cell.value!r} where JSON has null")
    if not expect(isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool),
                  f"{what}: {cell.value!r} is not a number"):
        return False
    return expect(cents(cell.value) == cents(want), f"{what}: {cell.value} where JSON has {want}")


def same_verdict(cell, met, lang, what):
    """Met or missed in words and in colour; empty where it cannot be told."""
    words = {"vi": ("Đạt", "Chưa đạt"), "en": ("met", "missed")}[lang]
    if met is None:
        return expect(cell.value is None, f"{what}: {cell.value!r} where JSON has null")
    fill = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
    expect(cell.value == words[0 if met else 1], f"{what}: {cell.value!r}, met is {met}")
    return expect(fill == (MET_FILL if met else MISSED_FILL), f"{what}: fill {fill}, met is {met}")


def target_text(op, value, lang):
    return ("> " if op == ">" else "≥ ") + shown(value, lang)


def table(ws, first_head, start=1):
    """The table whose header row starts with first_head (from row start): (header row, {head: column},
    [row number...]) with the rows down to the first whose column A is empty."""
    for r in range(start, ws.max_row + 1):
        if ws.cell(r, 1).value == first_head and ws.cell(r, 1).font.b:
            heads = {}
            for c in range(1, ws.max_column + 1):
                if ws.cell(r, c).value is not None:
                    heads[ws.cell(r, c).value] = c
            rows = []
            k = r + 1
            while k <= ws.max_row and ws.cell(k, 1).value is not None:
                rows.append(k)
                k += 1
            return r, heads, rows
    expect(False, f"{ws.title}: no table headed {first_head!r}")
    return None, {}, []


def texts(ws):
    return [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def charts(path):
    """Per chart part of the package: (chart type, bar direction, grouping, series count, sheets named)."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
            plot = ET.fromstring(z.read(name)).find(f"{C}chart/{C}plotArea")
            kind = next(ch for ch in plot if ch.tag.endswith("Chart"))
            bar_dir = kind.find(f"{C}barDir")
            grouping = kind.find(f"{C}grouping")
            refs = [f.text for f in kind.iter(f"{C}f")]
            out.append((kind.tag[len(C):], bar_dir.get("val") if bar_dir is not None else None,
                        grouping.get("val") if grouping is not None else None,
                        len(kind.findall(f"{C}ser")), refs))
    return out


def page_setup(wb, what, one_page=()):
    """A4 landscape, one page wide (the chart's sheet one page in all), and a numbered footer."""
    for ws in wb.worksheets:
        ps = ws.page_setup
        expect(ps.orientation == "landscape" and ps.paperSize in (9, "9"), f"{what}/{ws.title}: not A4 landscape")
        expect(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
               f"{what}/{ws.title}: not fitted to the page")
        tall = 1 if ws.title in one_page else 0
        expect(ps.fitToWidth in (None, 1, "1") and int(1 if ps.fitToHeight is None else ps.fitToHeight) == tall,
               f"{what}/{ws.title}: fit to {ps.fitToWidth} × {ps.fitToHeight} pages")
        expect("&P" in (ws.oddFooter.center.text or ""), f"{what}/{ws.title}: no page number in the footer")


def note_everywhere(wb, word, what):
    for ws in wb.worksheets:
        expect(any(word in t for t in texts(ws)), f"{what}/{ws.title}: no illustrative note")


def check_main_rows(ws, rows_of, heads, j, lang, what, has_scores=True):
    """The indicators' table against the JSON indicators (by id, in order)."""
    year, base = j["year"], j["baseline_year"]
    words = {"vi": ("Mục tiêu", "Giá trị mục tiêu", "Chênh lệch", "Kết quả", "Thay đổi", "Đơn vị", "Cần tăng"),
             "en": ("Target", "Target value", "Gap", "Result", "Change", "Offices", "Gain needed")}[lang]
    target, value, gap, result, change, offices, need = words
    for r, ind in rows_of:
        where = f"{what}: {ind['id']}"
        expect(ws.cell(r, 1).value == ind["id"], f"{where}: wrong row")
        name = ind["name_en"] if lang == "en" and ind.get("name_en") else ind["name"]
        if "Chỉ số" in heads or "Indicator" in heads:
            expect(ws.cell(r, heads["Chỉ số" if lang == "vi" else "Indicator"]).value == name, f"{where}: name")
        if base in heads and ind["kind"] != "kpi":
            same_number(ws.cell(r, heads[base]), ind["baseline"], f"{where}: baseline")
        if has_scores:
            same_number(ws.cell(r, heads[year]), ind["score"], f"{where}: score")
            same_number(ws.cell(r, heads[gap]), ind["gap"], f"{where}: gap")
            if change in heads:
                same_number(ws.cell(r, heads[change]), ind["change"], f"{where}: change")
        t = ind["target"]
        if t["op"] is None:
            expect(ws.cell(r, heads[target]).value is None, f"{where}: a target where there is none")
        else:
            expect(ws.cell(r, heads[target]).value == target_text(t["op"], t["value"], lang), f"{where}: target text")
            same_number(ws.cell(r, heads[value]), t["value"], f"{where}: target value")
        same_verdict(ws.cell(r, heads[result]), ind["met"], lang, f"{where}: result")
        if offices in heads:
            want = "; ".join(ind["owners"]) or None
            expect(ws.cell(r, heads[offices]).value == want, f"{where}: offices")
        if not has_scores and need in heads and ind["kind"] != "kpi":
            same_number(ws.cell(r, heads[need]), ind["need"], f"{where}: gain needed")
        expect(ws.cell(r, 1).font.b == (ind["kind"] == "total"), f"{where}: bold only on the total")


def indicators(j):
    """The JSON indicators in the report's order: the JSON keeps the total apart, the report has it after
    SIPAS (where the plans of these tests have it)."""
    rest = j["indicators"]
    at = max(k for k, i in enumerate(rest) if i["kind"] != "kpi") + 1
    return [*rest[:at], j["total"], *rest[at:]]


# ---- the report with peers, in Vietnamese ----

args = ["--peers", PEERS, SCORES]
path, wb = workbook(args, "report.xlsx")
j = report_json(args)
expect(wb.sheetnames == ["Báo cáo", "Chỉ tiêu mục III", "Xếp hạng", "Biểu đồ"], f"sheets: {wb.sheetnames}")
ws = wb["Báo cáo"]
expect(ws["A1"].value == "Sìn Hồ: chỉ số năm 2023, kỳ 2023-Q3" and ws["A1"].font.b, f"title: {ws['A1'].value!r}")
expect(ws["A2"].value == f"Kế hoạch: {j['plan']['source']}" and ws["A3"].value == f"Điểm: {SCORES}",
       "the sources in the header block")
head, heads, rows = table(ws, "Mã")
main = [i for i in indicators(j) if i["kind"] != "kpi"]
expect([ws.cell(r, 1).value for r in rows] == [i["id"] for i in main], "report: one row per indicator, in order")
check_main_rows(ws, list(zip(rows, main)), heads, j, "vi", "report")
expect(ws.freeze_panes == f"A{head + 1}", f"report: frozen at {ws.freeze_panes}, header on row {head}")
expect(ws.auto_filter.ref == f"A{head}:J{rows[-1]}", f"report: filter {ws.auto_filter.ref}")
expect(ws.column_dimensions["B"].width >= 30, "report: the name column is narrow")
s = j["summary"]
expect(f"Đạt {s['met']}/{s['targets']} mục tiêu; {s['unknown']} mục tiêu chưa đánh giá được (chưa có điểm, hoặc "
       f"tổng tạm tính)." in texts(ws), "report: the summary line")
expect(any("tổng là 65,50" in t for t in texts(ws)), "report: the plan's coherence")

ws = wb["Chỉ tiêu mục III"]
head, heads, rows = table(ws, "Mã")
kpis = [i for i in indicators(j) if i["kind"] == "kpi"]
expect([ws.cell(r, 1).value for r in rows] == [i["id"] for i in kpis], "office targets: one row each")
check_main_rows(ws, list(zip(rows, kpis)), heads, j, "vi", "office targets")

ws = wb["Xếp hạng"]
head, heads, rows = table(ws, "Mã")
ranked = [i for i in indicators(j) if i["rank"] is not None or i["rank_met"] is not None]
expect([ws.cell(r, 1).value for r in rows] == [i["id"] for i in ranked], "ranking: one row per ranked indicator")
for r, ind in zip(rows, ranked):
    where = f"ranking: {ind['id']}"
    same_number(ws.cell(r, heads["Hạng 2022"]), ind["baseline_rank"], f"{where}: 2022 rank")
    cell = ws.cell(r, heads["Dự kiến"])
    same_number(cell, ind["rank"], f"{where}: projected rank")
    expect(cell.number_format == f'0"/{ind["rank_of"]}"', f"{where}: shown as {cell.number_format}")
    cell = ws.cell(r, heads["Mục tiêu"])
    same_number(cell, ind["target"]["rank"], f"{where}: target rank")
    expect(cell.number_format == '"≤ "0', f"{where}: target rank shown as {cell.number_format}")
    same_number(ws.cell(r, heads["Cần thêm"]), ind["points_to_target_rank"], f"{where}: points still needed")
    same_verdict(ws.cell(r, heads["Kết quả"]), ind["rank_met"], "vi", f"{where}: rank met")
takes = j["what_it_takes"]
expect(f"Mục tiêu tổng > 65,00: cần thêm {shown(takes['to_target'], 'vi')} điểm." in texts(ws), "ranking: what the total needs")
head, heads, rows = table(ws, "Mã", head + len(rows) + 1)
expect([ws.cell(r, 1).value for r in rows] == [c["id"] for c in takes["criteria"]], "levers: one row per criterion")
for r, lever in zip(rows, takes["criteria"]):
    same_number(ws.cell(r, heads["Điểm tối đa"]), lever["max_points"], f"lever {lever['id']}: max points")
    same_number(ws.cell(r, heads["Còn có thể tăng"]), lever["headroom"], f"lever {lever['id']}: headroom")
    same_number(ws.cell(r, heads["Cho mục tiêu tổng"]), lever["for_target"], f"lever {lever['id']}: for the target")

ws = wb["Biểu đồ"]
expect(len(ws._charts) == 1, f"chart sheet: {len(ws._charts)} charts")
head, heads, rows = table(ws, "Mã")
expect([ws.cell(r, 1).value for r in rows] == [i["id"] for i in main], "chart figures: one row per indicator")
for r, ind in zip(rows, main):
    same_number(ws.cell(r, heads["2022"]), ind["baseline"], f"chart {ind['id']}: baseline")
    same_number(ws.cell(r, heads["2023"]), ind["score"], f"chart {ind['id']}: score")
    same_number(ws.cell(r, heads["Giá trị mục tiêu"]), ind["target"]["value"], f"chart {ind['id']}: target")
found = charts(path)
expect(len(found) == 1 and found[0][:4] == ("barChart", "col", "clustered", 3), f"chart: {found}")
col = openpyxl.utils.get_column_letter
want_refs = [f"'Biểu đồ'!${col(heads[h])}${rows[0]}:${col(heads[h])}${rows[-1]}" for h in ("2022", "2023", "Giá trị mục tiêu")]
expect(all(ref in found[0][4] for ref in want_refs), f"chart series draw {found[0][4]}, not {want_refs}")
page_setup(wb, "report", one_page=("Biểu đồ",))
note_everywhere(wb, "là số minh họa", "report")
expect(wb.properties.created == datetime.datetime(2023, 9, 30), f"created {wb.properties.created}")
expect(wb.properties.title == "Sìn Hồ: chỉ số năm 2023, kỳ 2023-Q3", f"title property {wb.properties.title!r}")

# ---- the same in English ----

path, wb = workbook(["--lang", "en", *args], "report-en.xlsx")
expect(wb.sheetnames == ["Report", "Office targets", "Ranking", "Chart"], f"English sheets: {wb.sheetnames}")
ws = wb["Report"]
head, heads, rows = table(ws, "Id")
check_main_rows(ws, list(zip(rows, main)), heads, j, "en", "report (en)")
note_everywhere(wb, "are illustrative", "report (en)")

# ---- the plan, without scores ----

path, wb = workbook([], "plan.xlsx")
jp = report_json([])
expect(wb.sheetnames == ["Báo cáo", "Chỉ tiêu mục III", "Biểu đồ"], f"plan sheets: {wb.sheetnames}")
ws = wb["Báo cáo"]
head, heads, rows = table(ws, "Mã")
main_plan = [i for i in indicators(jp) if i["kind"] != "kpi"]
check_main_rows(ws, list(zip(rows, main_plan)), heads, jp, "vi", "plan", has_scores=False)
for r, ind in zip(rows, main_plan):
    same_number(ws.cell(r, heads["Hạng"]), ind["baseline_rank"], f"plan {ind['id']}: rank")
    # the least whole hundredths that meet the target: a plain number, as in every other output
    same_number(ws.cell(r, heads["Cần tăng"]), ind["need"], f"plan {ind['id']}: need")
found = charts(path)
expect(len(found) == 1 and found[0][:4] == ("barChart", "col", "clustered", 2), f"plan chart: {found}")
expect(wb.properties.created == datetime.datetime(2023, 12, 31), f"plan: created {wb.properties.created}")

# ---- a partial total: unknown is an empty cell, never 0 ----

partial = os.path.join(scratch, "scores-partial.csv")
with open(SCORES, encoding="utf-8") as f:
    lines = [l for l in f if not l.startswith("3,")]
with open(partial, "w", encoding="utf-8") as f:
    f.writelines(lines)
path, wb = workbook([partial], "partial.xlsx")
jq = report_json([partial])
expect(jq["total"]["partial"] and jq["total"]["met"] is None, "the partial example is not partial")
ws = wb["Báo cáo"]
head, heads, rows = table(ws, "Mã")
check_main_rows(ws, list(zip(rows, [i for i in indicators(jq) if i["kind"] != "kpi"])), heads, jq, "vi", "partial")
expect("Tạm tính: thiếu điểm lĩnh vực 3" in texts(ws), "partial: the note on the total")

# ---- sub-criteria: every item with its flags, where the points are lost, the appraisal ----

sargs = ["--plan", f"{EX}/plan-sub-criteria.csv", f"{EX}/scores-2023-q3-sub.csv"]
path, wb = workbook(sargs, "subs.xlsx")
js = report_json(sargs)
expect(wb.sheetnames == ["Báo cáo", "Chỉ tiêu mục III", "Tiêu chí thành phần", "Thẩm định", "Biểu đồ"],
       f"sub-criteria sheets: {wb.sheetnames}")
FLAG_WORDS = {"not_applicable": "không áp dụng", "no_score": "chưa có điểm", "zero": "không đạt điểm",
              "low": "điểm thấp", "no_evidence": "thiếu tài liệu kiểm chứng"}


def with_subs(items, depth=0):
    """The criteria that have sub-criteria, each followed by its rows depth first: (depth, item)."""
    for item in items:
        if depth > 0 or item["children"]:
            yield depth, item
            yield from with_subs(item["children"], depth + 1)


ws = wb["Tiêu chí thành phần"]
head, heads, rows = table(ws, "Mã")
items = list(with_subs(js["indicators"]))
expect([ws.cell(r, 1).value for r in rows] == [i["id"] for _, i in items], "sub-criteria: one row per item, in order")
for r, (depth, item) in zip(rows, items):
    where = f"sub-criteria {item['id']}"
    expect(int(ws.cell(r, 1).alignment.indent or 0) == depth, f"{where}: indented {ws.cell(r, 1).alignment.indent}")
    same_number(ws.cell(r, heads["Điểm"]), item["points"], f"{where}: points")
    same_number(ws.cell(r, heads["%"]), item["score"], f"{where}: percent")
    if item["kind"] == "sub":
        same_number(ws.cell(r, heads["Tối đa"]), item["max_points"], f"{where}: max")
        same_number(ws.cell(r, heads["Thẩm định"]), item["appraised_points"], f"{where}: appraised")
    same_number(ws.cell(r, heads["Tự đánh giá"]), item["self_points"], f"{where}: self-assessed")
    flags = "; ".join(FLAG_WORDS[f] for f in FLAG_WORDS if f in item["flags"]) or None
    expect(ws.cell(r, heads["Ghi nhận"]).value == flags, f"{where}: flags {ws.cell(r, heads['Ghi nhận']).value!r}")
    red = ws.cell(r, heads["Ghi nhận"]).fill.fgColor.rgb == MISSED_FILL
    expect(red == bool({"zero", "no_evidence"} & set(item["flags"])), f"{where}: flags coloured {red}")
    expect(ws.cell(r, heads["Tài liệu kiểm chứng"]).value == item["evidence"], f"{where}: evidence")
head, heads, rows = table(ws, "Mã", head + len(rows) + 1)
lost = js["points_lost"][:10]
expect([ws.cell(r, 1).value for r in rows] == [i["id"] for i in lost], "points lost: the 10 largest, in order")
for r, item in zip(rows, lost):
    same_number(ws.cell(r, heads["Còn mất"]), item["lost_points"], f"points lost {item['id']}")
    same_number(ws.cell(r, heads["Tổng tăng"]), item["total_effect"], f"points lost {item['id']}: total effect")
ws = wb["Thẩm định"]
head, heads, rows = table(ws, "Mã")
cuts = js["appraisal_cuts"]
expect([ws.cell(r, 1).value for r in rows] == [c["id"] for c in cuts], "appraisal: one row per cut")
for r, cut in zip(rows, cuts):
    same_number(ws.cell(r, heads["Tự đánh giá"]), cut["self_points"], f"cut {cut['id']}: self-assessed")
    same_number(ws.cell(r, heads["Thẩm định"]), cut["appraised_points"], f"cut {cut['id']}: appraised")
found = charts(path)
expect(len(found) == 1 and found[0][3] == 3, f"sub-criteria chart: {found}")
ws = wb["Biểu đồ"]
head, heads, rows = table(ws, "Mã")
expect([ws.cell(r, 1).value for r in rows] == [i["id"] for i in indicators(js) if i["kind"] not in ("kpi", "sub")],
       "sub-criteria chart: the criteria, SIPAS and the total only")
note_everywhere(wb, "ví dụ minh họa", "sub-criteria")

# ---- check: its sheet first, then the report's; the exit status of a check ----

path, wb = workbook(["check", SCORES], "check.xlsx", status=1)
jc = report_json(["check", SCORES], status=1)
expect(wb.sheetnames == ["Kiểm tra", "Báo cáo", "Chỉ tiêu mục III", "Biểu đồ"], f"check sheets: {wb.sheetnames}")
ws = wb["Kiểm tra"]
head, heads, rows = table(ws, "Kết quả")
items = jc["check"]["targets"]
expect([ws.cell(r, heads["Mã"]).value for r in rows] == [t["id"] for t in items],
       f"check: one row per target: {[ws.cell(r, heads['Mã']).value for r in rows]}")
for r, t in zip(rows, items):
    same_number(ws.cell(r, heads["Điểm"]), t["score"], f"check {t['id']}: score")
    same_number(ws.cell(r, heads["Chênh lệch"]), t["gap"], f"check {t['id']}: gap")
    fill = ws.cell(r, 1).fill.fgColor.rgb
    expect(fill == (MET_FILL if t["passed"] else MISSED_FILL), f"check {t['id']}: fill {fill}")
c = jc["check"]
expect(any(t.startswith(f"Đạt {c['met']}/{c['selected']} mục tiêu được kiểm tra") for t in texts(ws)), "check: the verdict")

# ---- trend: quarters as columns, a line chart of the total ----

targs = ["trend", "--peers", PEERS, *QUARTERS]
path, wb = workbook(targs, "trend.xlsx")
jt = report_json(targs)
expect(wb.sheetnames == ["Diễn biến", "Biểu đồ"], f"trend sheets: {wb.sheetnames}")
ws = wb["Diễn biến"]
head, heads, rows = table(ws, "Mã")
trows = [r for r in rows if ws.cell(r, 1).value != "hạng"]
expect([ws.cell(r, 1).value for r in trows] == [i["id"] for i in jt["indicators"]], "trend: one row per indicator")
for r, ind in zip(trows, jt["indicators"]):
    where = f"trend {ind['id']}"
    for k, period in enumerate(jt["periods"]):
        cell = ws.cell(r, heads[period])
        same_number(cell, ind["values"][k], f"{where} {period}")
        change = ind["changes"][k]
        if change is not None:
            sign = "+" if cents(change) > 0 or (cents(change) == 0 and change > 0) else ("-" if change < 0 else "")
            literal = f"({sign}{shown(abs(change), 'vi')})"
            expect(literal in cell.number_format, f"{where} {period}: change {literal} not in {cell.number_format}")
    same_number(ws.cell(r, heads["Dự báo Q4*"]), ind["outlook"], f"{where}: outlook")
    same_number(ws.cell(r, heads["Giá trị mục tiêu"]), ind["target"]["value"] if ind["target"] else None, f"{where}: target")
    same_verdict(ws.cell(r, heads["Theo dự báo"]), ind["outlook_met"], "vi", f"{where}: outlook met")
rank_rows = [r for r in rows if ws.cell(r, 1).value == "hạng"]
expect(len(rank_rows) == 1 and rank_rows[0] == trows[[i["id"] for i in jt["indicators"]].index("total")] + 1,
       "trend: the total's ranks under it")
found = charts(path)
expect(len(found) == 1 and found[0][0] == "lineChart" and found[0][3] == 2, f"trend chart: {found}")
ws = wb["Biểu đồ"]
head, heads, rows = table(ws, "Kỳ")
total = next(i for i in jt["indicators"] if i["id"] == "total")
expect([ws.cell(r, 1).value for r in rows] == jt["periods"], "trend chart: one row per period")
for k, r in enumerate(rows):
    same_number(ws.cell(r, heads["Tổng (PAR INDEX)"]), total["values"][k], f"trend chart {jt['periods'][k]}")
page_setup(wb, "trend", one_page=("Biểu đồ",))
note_everywhere(wb, "là số minh họa", "trend")
expect(wb.properties.created == datetime.datetime(2023, 9, 30), f"trend: created {wb.properties.created}")

# ---- rank: the CSV's columns ----

rargs = ["rank", f"{EX}/communes-2023.csv"]
path, wb = workbook(rargs, "rank.xlsx")
jr = report_json(rargs)
expect(wb.sheetnames == ["Xếp hạng đơn vị"], f"rank sheets: {wb.sheetnames}")
ws = wb["Xếp hạng đơn vị"]
head, heads, rows = table(ws, "Hạng")
expect(list(heads) == ["Hạng", "Đơn vị", "Tổng", "Tạm tính", "Chênh lệch", "Kết quả", "Lĩnh vực chưa đạt", "Thiếu"],
       f"rank columns: {list(heads)}")
expect(len(rows) == len(jr["units"]), f"rank: {len(rows)} rows for {len(jr['units'])} units")
for r, u in zip(rows, jr["units"]):
    where = f"rank {u['unit']}"
    same_number(ws.cell(r, 1), u["rank"], f"{where}: rank")
    expect(ws.cell(r, 2).value == u["unit"], f"{where}: name")
    same_number(ws.cell(r, 3), u["total"], f"{where}: total")
    expect(ws.cell(r, 4).value is u["partial"], f"{where}: partial")
    same_number(ws.cell(r, 5), u["gap"], f"{where}: gap")
    same_verdict(ws.cell(r, 6), u["met"], "vi", f"{where}: met")
    expect(ws.cell(r, 7).value == (", ".join(u["missed"]) or None), f"{where}: missed")
    expect(ws.cell(r, 8).value == (", ".join(u["missing"]) or None), f"{where}: missing")
expect(ws.freeze_panes == f"A{head + 1}" and ws.auto_filter.ref == f"A{head}:H{rows[-1]}", "rank: frozen and filtered")
expect("Điểm tối đa là số minh họa, chưa phải bảng chính thức." in texts(ws), "rank: the illustrative note")
page_setup(wb, "rank")

# ---- the same bytes every time; stdout when it is not a terminal ----

for name, a in (("report", args), ("trend", targs), ("rank", rargs)):
    first = open(os.path.join(scratch, f"{name}.xlsx"), "rb").read()
    time.sleep(1.1)  # a second later, in another time zone and another temporary folder
    other = tempfile.mkdtemp(dir=scratch)
    p = run(["--format", "xlsx", *a], env={"TZ": "Asia/Ho_Chi_Minh", "TMPDIR": other})
    expect(p.returncode == 0 and p.stdout == first, f"{name}: a second run to a pipe gave other bytes")
    expect(os.listdir(other) == [], f"{name}: temporary files left: {os.listdir(other)}")

# ---- output all or nothing ----

target = os.path.join(scratch, "kept.xlsx")
with open(target, "wb") as f:
    f.write(b"old workbook")
p = run(["--format", "xlsx", "-o", target, os.path.join(scratch, "missing.csv")])
expect(p.returncode == 2 and p.stdout == b"" and open(target, "rb").read() == b"old workbook",
       "bad input: the old workbook changed")
p = run(["--format", "xlsx", "-o", target, SCORES], env={"TMPDIR": os.path.join(scratch, "no-such-folder")})
expect(p.returncode == 2 and p.stdout == b"" and b"No such file or directory" in p.stderr
       and b"TMPDIR" in p.stderr, f"no temporary folder: status {p.returncode}, {p.stderr!r}")
expect(open(target, "rb").read() == b"old workbook", "no temporary folder: the old workbook changed")
p = run(["rank", "--format", "xlsx", f"{EX}/communes-2023.csv"], env={"TMPDIR": os.path.join(scratch, "no-such-folder")})
expect(p.returncode == 2 and p.stdout == b"" and b"TMPDIR" in p.stderr, f"rank, no temporary folder: {p.stderr!r}")
with open("/dev/full", "wb") as full:
    p = run(["--format", "xlsx", SCORES], stdout=full)
    expect(p.returncode == 2 and b"No space left on device" in p.stderr, "a full disk: not an error")

# ---- a name longer than a cell holds is cut where it shows, with "…" ----

plan = os.path.join(scratch, "plan-long-name.csv")
with open(f"{os.path.dirname(EX)}/data/sin-ho-2023.csv", encoding="utf-8") as f:
    text = f.read()
long_name = "Tên rất dài " * 3000  # 36,000 characters, 44,000 bytes: within a field's 65,536 bytes
text = text.replace("Cải cách tài chính công", long_name.strip(), 1)
with open(plan, "w", encoding="utf-8") as f:
    f.write(text)
path, wb = workbook(["--plan", plan, SCORES], "long-name.xlsx")
ws = wb["Báo cáo"]
head, heads, rows = table(ws, "Mã")
name = ws.cell(rows[5], heads["Chỉ số"]).value
expect(len(name) == 32767 and name.endswith("…") and long_name.startswith(name[:-1]), f"long name: {len(name)} characters")
height = ws.row_dimensions[rows[5]].height
expect(height is not None and 15 < height <= 409, f"long name: a row {height} points tall (Excel has at most 409)")

for f in failures:
    print("FAIL:", f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
subprocess.run(["rm", "-rf", scratch])
sys.exit(1 if failures else 0)
