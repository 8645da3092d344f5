#!/usr/bin/python3
# Makes the hostile and broken workbooks of the bad-input corpus (tests/bad/xlsx-*.xlsx, committed; run
# again only to change them: /usr/bin/python3 tests/bad/make-xlsx.py). Each starts as a small workbook
# written by openpyxl (which writes inline strings); the broken ones are then taken apart and put back together with zipfile.
import datetime
import io
import os
import re
import struct
import zipfile
import zlib

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
SHEET = "xl/worksheets/sheet1.xml"


def book(rows, title="Sheet1", formats=None):
    """A workbook of one sheet as bytes; formats maps a cell ('B3') to its number format."""
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(2023, 9, 30)  # no clock in the properties
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for cell, fmt in (formats or {}).items():
        ws[cell].number_format = fmt
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def parts(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def rezip(items, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, content in items:
            z.writestr(zipfile.ZipInfo(name, (2023, 9, 30, 0, 0, 0)), content, compress_type=method)
    return out.getvalue()


def replace_part(data, name, change):
    return rezip([(n, change(c) if n == name else c) for n, c in parts(data)])


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


GOOD = [["id", "score", "note"], ["1", 48.5, "chỉ đạo điều hành"], ["2", 92.5, None], ["3", 61.2, None]]
good = book(GOOD)

# the archive itself
write("xlsx-truncated.xlsx", good[: len(good) // 2])
write("xlsx-not-zip.xlsx", b"id,score\n1,48.5\n")


def corrupt_sheet_data(data):
    """Flips bytes in the middle of the worksheet's deflated stream, leaving the headers whole."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 20, start + min(info.compress_size, 60)):
        raw[k] ^= 0x5A
    return bytes(raw)


write("xlsx-corrupt-sheet.xlsx", corrupt_sheet_data(good))

# a zip bomb: 20 MiB of spaces in the styles part (16 MiB is its limit) deflate to some 20 KB; it says its
# size, and is refused on that
def padded_styles(content):
    """20 MiB of spaces after the XML declaration: valid XML, and a part far over its limit."""
    at = content.index(b"?>") + 2 if b"?>" in content else 0
    return content[:at] + b" " * (20 << 20) + content[at:]


big_styles = replace_part(good, "xl/styles.xml", padded_styles)
write("xlsx-bomb.xlsx", big_styles)


def lying_size(data, name, declared):
    """The part's uncompressed size in both headers set to declared: a bomb that hides its size."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(name)
    struct.pack_into("<I", raw, info.header_offset + 22, declared)
    pos = raw.find(b"PK\x01\x02")
    while pos >= 0:
        n = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46: pos + 46 + n] == name.encode():
            struct.pack_into("<I", raw, pos + 24, declared)
        pos = raw.find(b"PK\x01\x02", pos + 4)
    return bytes(raw)


write("xlsx-bomb-hidden-size.xlsx", lying_size(big_styles, "xl/styles.xml", 4096))

# XML that declares entities: billion laughs in the worksheet, an external entity in the shared strings
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (k, (b"&lol%d;" % (k - 1) if k > 1 else b"&lol;") * 10) for k in range(1, 10))
          + b']>\n')
write("xlsx-billion-laughs.xlsx",
      replace_part(good, SHEET, lambda c: LAUGHS + re.sub(rb"^<\?xml[^>]*\?>", b"", c).replace(b"<v>48.5</v>", b"<v>&lol9;</v>")))
XXE = b'<?xml version="1.0"?>\n<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
write("xlsx-external-entity.xlsx",
      replace_part(good, "xl/workbook.xml",
                   lambda c: XXE + re.sub(rb"^<\?xml[^>]*\?>", b"", c).replace(b'name="Sheet1"', b'name="&xxe;"')))

# parts missing, or pointing outside the archive
write("xlsx-no-sheet-part.xlsx", rezip([(n, c) for n, c in parts(good) if n != SHEET]))
write("xlsx-path-outside.xlsx",
      replace_part(good, "xl/_rels/workbook.xml.rels", lambda c: c.replace(b'Target="/xl/worksheets/sheet1.xml"', b'Target="../../../etc/passwd"').replace(b'Target="worksheets/sheet1.xml"', b'Target="../../../etc/passwd"')))
write("xlsx-bad-xml.xlsx", replace_part(good, SHEET, lambda c: c.replace(b"</sheetData>", b"</sheetDat>")))
write("xlsx-empty-sheet.xlsx", book([]))

# cells of the wrong kind where a number is expected, each at its cell
write("xlsx-bool-score.xlsx", book([["id", "score"], ["1", 48.5], ["2", True]]))
write("xlsx-date-score.xlsx", book([["id", "score"], ["1", datetime.date(2023, 9, 30)]]))
write("xlsx-percent-points.xlsx", book([["id", "points"], ["1", 0.05]], formats={"B2": "0%"}))
write("xlsx-formula-no-value.xlsx", book([["id", "score"], ["1", 48.5], ["2", "=B2+40"]]))
write("xlsx-error-cell.xlsx",
      replace_part(book([["id", "score"], ["1", 48.5], ["2", 1]]), SHEET,
                   lambda c: re.sub(rb'<c r="B3"( [^>]*)?><v>1</v></c>', b'<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>', c)))
write("xlsx-control-char.xlsx",
      replace_part(book([["id", "score", "note"], ["1", 48.5, "NOTE"]]), SHEET,
                   lambda c: c.replace(b"NOTE", b"a_x001B_[2Jb")))
write("xlsx-outside-table.xlsx", book([["id", "score"], ["1", 48.5], ["2", 92.5, None, "ghi chú lạc"]]))
write("xlsx-unknown-id.xlsx", book([["# period: 2023-Q3"], ["id", "score"], [1, 48.5], [9, 50]], title="Báo cáo"))

# the other loaders, each with a cell that is wrong
write("xlsx-plan-bad-max.xlsx",
      book([["# max_points: illustrative"],
            ["id", "kind", "name", "max_points", "baseline", "baseline_rank", "target", "target_rank", "owners"],
            ["1", "criterion", "Một", "mười", 42.22, 8, "Trên 50%", 7, "Phòng Nội vụ"],
            ["total", "total", "Tổng", None, 59.62, 8, "Trên 65%", 7, None]]))
write("xlsx-peers-bad-total.xlsx", book([["unit", "total"], ["Sìn Hồ", 59.62], ["Tam Đường", "cao"]]))
write("xlsx-units-over-100.xlsx", book([["unit", "1", "2"], ["Xã A", 48.5, 90], ["Xã B", 101, 90]]))

# an Excel 97-2003 workbook: only its signature matters
write("xls-old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
