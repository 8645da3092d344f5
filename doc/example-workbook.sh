#!/bin/sh
# Makes examples/scores-2023-q3.xlsx: examples/scores-2023-q3.csv (illustrative scores; its first row says
# so) opened and saved as an Excel workbook by LibreOffice Calc, as the office might. Not a test, and not
# run by one: the workbook is committed, so the tests (tests/pipeline/xlsx-input.py, the out-of-memory
# tests) need no LibreOffice (Debian: libreoffice-calc-nogui). The CSV filter options are ',' between
# fields, '"' around them, UTF-8 (76), from line 1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/../examples/scores-2023-q3.csv" "$work/"
HOME=$work soffice --headless --infilter="CSV:44,34,76,1" --convert-to "xlsx:Calc MS Excel 2007 XML" \
    --outdir "$work/out" "$work/scores-2023-q3.csv" >/dev/null
cp "$work/out/scores-2023-q3.xlsx" "$here/../examples/scores-2023-q3.xlsx"
