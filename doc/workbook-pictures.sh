#!/bin/sh
# Renders the README's pictures of the workbook, doc/workbook-report.png (the report's sheet) and
# doc/workbook-chart.png (the chart's sheet), from the example scores with LibreOffice headless in a
# Vietnamese locale (decimal commas, as a Vietnamese Excel shows them). Run by hand after a change to the
# workbook's layout; not a test (it needs libreoffice-calc-nogui, poppler-utils and
# fonts-crosextra-carlito, the metric twin of Excel's Calibri).
# usage: doc/workbook-pictures.sh [PARSCORE]   (default: build/parscore)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
parscore=${1:-$root/build/parscore}
work=$(mktemp -d "${TMPDIR:-/tmp}/parscore-pictures.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/profile/user"
cat >"$work/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
XCU
cd "$root"
"$parscore" --format xlsx -o "$work/bao-cao.xlsx" --peers examples/peers-2022.csv examples/scores-2023-q3.csv
soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" \
    "$work/bao-cao.xlsx" >/dev/null
pages=$(pdfinfo "$work/bao-cao.pdf" | sed -n 's/^Pages: *//p')
# picture PAGE NAME: the page at 110 dpi, cut to what is printed on it (the footer's page number aside)
picture() {
    pdftoppm -r 110 -f "$1" -l "$1" -singlefile "$work/bao-cao.pdf" "$work/page"
    box=$(python3 - "$work/page.ppm" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
fields, at = [], 0
while len(fields) < 4:  # P6 width height maxval, separated by white space
    while data[at:at + 1].isspace():
        at += 1
    start = at
    while not data[at:at + 1].isspace():
        at += 1
    fields.append(data[start:at])
width, height = int(fields[1]), int(fields[2])
pixels = data[at + 1:]
rows = [y for y in range(int(height * 0.93)) if pixels[y * width * 3:(y + 1) * width * 3].count(255) < width * 3]
cols = [x for x in range(width) if any(pixels[(y * width + x) * 3] < 250 for y in rows[::2])]
x0, y0 = max(cols[0] - 12, 0), max(rows[0] - 12, 0)
print(x0, y0, min(cols[-1] + 12, width) - x0, min(rows[-1] + 12, height) - y0)
PY
)
    # shellcheck disable=SC2086 # the box is four numbers
    set -- "$1" "$2" $box
    pdftoppm -r 110 -png -singlefile -f "$1" -l "$1" -x "$3" -y "$4" -W "$5" -H "$6" "$work/bao-cao.pdf" "$2"
}
picture 1 doc/workbook-report           # the report's sheet, the first page
picture "$pages" doc/workbook-chart     # the chart's sheet, the last
echo "doc/workbook-report.png, doc/workbook-chart.png"
