#!/bin/sh
# Makes the large inputs of the bad-input corpus (too big to commit) in the folder $1; cases.tsv names them
# @gen/NAME. Each comment says where parscore must place the error. About 50 MB in all, under a second.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTPUT_DIR" >&2
    exit 2
fi
out=$1
mkdir -p "$out"
cd "$out"

# n copies of the character c, without a newline
repeat() {
    head -c "$1" /dev/zero | tr '\0' "$2"
}

# A 10 MiB field, unquoted: the field starts at 2:8.
{
    printf 'id,score,note\n1,48.5,'
    repeat 10485760 x
    printf '\n'
} >field-10mb.csv

# A 10 MiB quoted field of short lines: the field, opened by the quote at 2:8, spans a million lines.
{
    printf 'id,score,note\n1,48.5,"'
    awk 'BEGIN { for (i = 0; i < 1048576; i++) printf "abcdefghi\n" }'
    printf '"\n'
} >field-10mb-quoted.csv

# One byte over the field limit (65,536): the field starts at 3:6.
{
    printf 'id;score;note\n1;48,5;ok\n2;90;'
    repeat 65537 y
    printf '\n'
} >field-65537.csv

# Exactly the limit is accepted: the error is the bad score on line 3, column 3.
{
    printf 'id,score,note\n1,48.5,'
    repeat 65536 z
    printf '\n3,6O,\n'
} >field-65536-then-bad-number.csv

# A 10 MiB JSON string: the note's value starts at 1:48.
{
    printf '{"scores": [{"id": "1", "score": 48.5, "note": "'
    repeat 10485760 x
    printf '"}]}\n'
} >field-10mb.json

# A header of 100,000 columns "id,c,c,…": the 257th starts at 1:514.
awk 'BEGIN { printf "id"; for (i = 1; i < 100000; i++) printf ",c"; printf "\n1\n" }' >columns-100k-header.csv

# A data row of 100,000 fields "1;5;5;…" under a two-column header: the 257th starts at 2:513.
awk 'BEGIN { printf "id;score\n1"; for (i = 1; i < 100000; i++) printf ";5"; printf "\n" }' >columns-100k-row.csv

# A JSON row of 100,000 keys: id and score are columns 1 and 2, the key "k254" (the 257th) is at 1:2724.
awk 'BEGIN {
    printf "{\"scores\": [{\"id\": \"1\", \"score\": 48.5"
    for (i = 0; i < 99998; i++) printf ", \"k%d\": 1", i
    printf "}]}\n"
}' >columns-100k.json

# 1,000,000 data rows; the tenth (line 11) repeats id 3 of line 4.
awk 'BEGIN {
    split("1 2 3 4 5 6 7 8 sipas 3", ids, " ")
    print "id,score"
    for (i = 1; i <= 1000000; i++) printf "%s,50\n", (i <= 10 ? ids[i] : "kpi-training")
}' >rows-1m-dup10.csv

# Arrays nested 100,000 deep: the 33rd level is the 32nd '[' after '{"scores": ', at 1:43.
{
    printf '{"scores": '
    repeat 100000 '['
    repeat 100000 ']'
    printf '}\n'
} >nest-100k-arrays.json

# Objects nested 100,000 deep, '{"a":' each: the 33rd '{' is at 1:161.
{
    repeat 100000 '{' | sed 's/{/{"a":/g'
    printf '1'
    repeat 100000 '}'
    printf '\n'
} >nest-100k-objects.json

# 100,000 '[' and nothing else: the depth limit comes before the truncation, at 1:33.
repeat 100000 '[' >nest-100k-truncated.json

# A header line of 2 MiB after two comment lines: refused at line 3.
{
    printf '# period: 2023-Q3\n# two comment lines\nid,score,'
    repeat 2097152 n
    printf '\n1,48.5,\n'
} >header-line-2mib.csv

# 100,000 empty rows with CRLF ends (one CR/LF pair falls across a 64 KiB read), then a bad score at 100002:3.
awk 'BEGIN { printf "id,score\r\n"; for (i = 0; i < 100000; i++) printf ",\r\n"; printf "2,x\r\n" }' >crlf-100k-blank-rows.csv

# The same with lone CR ends.
awk 'BEGIN { printf "id;score\r"; for (i = 0; i < 100000; i++) printf ";\r"; printf "2;x\r" }' >cr-100k-blank-rows.csv

# A plan of 257 indicators, one over the limit: after a comment line and the header, the 257th is line 259.
awk 'BEGIN {
    print "# unit: Sìn Hồ"
    print "id,kind,name,max_points,baseline,baseline_rank,target,target_rank,owners"
    print "1,criterion,A,10,,,,,"
    print "total,total,Tổng,,,,,,"
    for (i = 1; i <= 255; i++) printf "kpi-%d,kpi,K%d,,,,100%%,,\n", i, i
}' >plan-257-rows.csv

# Peers: 257 units, one over the limit; the 257th is line 258.
awk 'BEGIN {
    print "unit,total"
    print "Sìn Hồ,59.62"
    for (i = 1; i <= 256; i++) printf "Đơn vị %d,50\n", i
}' >peers-257-rows.csv

# Directories where files are expected, with and without an extension.
mkdir -p a-directory.csv a-directory

# 400,000 short comment lines before the header: together over the 1 MiB the comments and header may take,
# though no line is long. 4 bytes a line: the limit is passed on line 262,145, reported after it (262,146).
awk 'BEGIN { for (i = 0; i < 400000; i++) printf "# c\n"; printf "id,score\n1,50\n" }' >comments-400000.csv
