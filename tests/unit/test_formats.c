/* Unit tests for the Markdown and CSV reports: table shapes, numbers in each language, "—" for unknown
 * values, Markdown escaping, and CSV read back with libcsv (separators, BOM, formula cells made inert,
 * negative numbers left as numbers). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/parscore.h"

#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must name the examples directory"
#endif

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define DASH "\xe2\x80\x94"
#define BOM "\xef\xbb\xbf"
#define CSV_COLUMNS 32

static ps_plan builtin;
static ps_scores q3;
static ps_peers peers;

static void fail_with(const ps_error *err, const char *what)
{
    char msg[512];
    ps_error_format(err, PS_LANG_EN, msg, sizeof msg);
    print_error("%s: %s\n", what, msg);
}

static int setup(void **state)
{
    (void)state;
    ps_error err;
    memset(&err, 0, sizeof err);
    if (ps_plan_load_builtin(&builtin, &err) != PS_OK) {
        fail_with(&err, "built-in plan");
        return -1;
    }
    if (ps_scores_load_file(EXAMPLES_DIR "/scores-2023-q3.csv", NULL, &builtin, &q3, &err) != PS_OK) {
        fail_with(&err, "example scores");
        return -1;
    }
    if (ps_peers_load_file(EXAMPLES_DIR "/peers-2022.csv", NULL, &builtin, &peers, &err) != PS_OK) {
        fail_with(&err, "example peers");
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ps_peers_free(&peers);
    ps_scores_free(&q3);
    ps_plan_free(&builtin);
    return 0;
}

/* ---- rendering ---- */

typedef enum { F_TEXT, F_MARKDOWN, F_CSV } format;

typedef struct {
    ps_lang lang;
    bool by_owner;
    bool bom;
} view;

/* The report of plan with scores (NULL: the plan view) and peers (NULL: none), as the CLI builds it. */
static char *render(const ps_plan *plan, const ps_scores *scores, const ps_peers *pe, format f, view v)
{
    ps_result r;
    assert_int_equal(ps_score(plan, scores, &r), PS_OK);
    assert_int_equal(ps_rank_apply(&r, plan, pe, 0), PS_OK);
    ps_report_options o;
    memset(&o, 0, sizeof o);
    o.lang = v.lang;
    o.by_owner = v.by_owner;
    o.bom = v.bom;
    o.scores_source = scores ? scores->source : NULL;
    ps_buf b;
    ps_buf_init(&b);
    ps_status st = f == F_TEXT       ? ps_report_text(plan, &r, &o, &b)
                   : f == F_MARKDOWN ? ps_report_markdown(plan, &r, &o, &b)
                                     : ps_report_csv(plan, &r, &o, &b);
    assert_int_equal(st, PS_OK);
    assert_false(b.failed);
    assert_non_null(b.data);
    ps_result_free(&r);
    return b.data;
}

static const view VI = {PS_LANG_VI, false, false};
static const view EN = {PS_LANG_EN, false, false};

static ps_plan plan_from(const char *csv)
{
    ps_plan plan;
    ps_error err;
    memset(&err, 0, sizeof err);
    if (ps_plan_load_buffer(csv, strlen(csv), "hostile.csv", &plan, &err) != PS_OK) {
        fail_with(&err, "plan refused");
        fail();
    }
    return plan;
}

static ps_scores scores_from(const ps_plan *plan, const char *csv)
{
    ps_scores s;
    ps_error err;
    memset(&err, 0, sizeof err);
    if (ps_scores_load_buffer(csv, strlen(csv), "q.csv", plan, &s, &err) != PS_OK) {
        fail_with(&err, "scores refused");
        fail();
    }
    return s;
}

/* ---- reading Markdown back ---- */

#define MD_MAX_CELLS 16
#define MD_CELL_BYTES 512

typedef struct {
    char cell[MD_MAX_CELLS][MD_CELL_BYTES];
    size_t count;
} md_row;

static size_t line_len(const char *line)
{
    const char *nl = strchr(line, '\n');
    return nl ? (size_t)(nl - line) : strlen(line);
}

/* Splits one table line at the pipes that are not escaped; cells trimmed. */
static md_row md_split(const char *line)
{
    md_row row;
    memset(&row, 0, sizeof row);
    size_t len = line_len(line);
    assert_true(len >= 2 && line[0] == '|' && line[len - 1] == '|');
    size_t start = 1;
    for (size_t i = 1; i < len; i++) {
        if (line[i] == '\\') {
            i++; /* the escaped character, a pipe or a backslash, is part of the cell */
            continue;
        }
        if (line[i] != '|')
            continue;
        size_t a = start, b = i;
        while (a < b && line[a] == ' ')
            a++;
        while (b > a && line[b - 1] == ' ')
            b--;
        assert_true(row.count < MD_MAX_CELLS && b - a < MD_CELL_BYTES);
        memcpy(row.cell[row.count], line + a, b - a);
        row.count++;
        start = i + 1;
    }
    return row;
}

static bool is_delimiter_cell(const char *cell)
{
    size_t n = strlen(cell), a = cell[0] == ':', b = n > 0 && cell[n - 1] == ':' ? n - 1 : n;
    if (a >= b)
        return false;
    for (size_t i = a; i < b; i++)
        if (cell[i] != '-')
            return false;
    return true;
}

/* Checks every table: a header, a delimiter row, the same number of cells on every line, and a blank line
 * (or the end) after it. Returns how many tables there are. */
static size_t md_check_tables(const char *md)
{
    size_t tables = 0;
    const char *p = md;
    while (*p) {
        if (*p != '|') {
            p += line_len(p) + (p[line_len(p)] == '\n');
            continue;
        }
        assert_true(p == md || (p >= md + 2 && p[-1] == '\n' && p[-2] == '\n')); /* a blank line before */
        md_row head = md_split(p);
        assert_true(head.count >= 2);
        p += line_len(p) + 1;
        md_row delim = md_split(p);
        assert_int_equal(delim.count, head.count);
        for (size_t k = 0; k < delim.count; k++)
            assert_true(is_delimiter_cell(delim.cell[k]));
        p += line_len(p) + 1;
        size_t rows = 0;
        while (*p == '|') {
            md_row row = md_split(p);
            if (row.count != head.count) {
                print_error("%zu cells, want %zu: %.*s\n", row.count, head.count, (int)line_len(p), p);
                fail();
            }
            rows++;
            p += line_len(p) + (p[line_len(p)] == '\n');
        }
        assert_true(rows > 0);
        assert_true(*p == '\0' || *p == '\n'); /* a line that is not a row ends the table: a blank one */
        tables++;
    }
    return tables;
}

/* The first table row at or after from whose first cell is id. */
static md_row md_find(const char *from, const char *id)
{
    for (const char *p = from; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        if (*p != '|')
            continue;
        md_row row = md_split(p);
        if (row.count > 0 && strcmp(row.cell[0], id) == 0)
            return row;
    }
    print_error("no row %s\n", id);
    fail();
    md_row none;
    memset(&none, 0, sizeof none);
    return none;
}

static const char *after(const char *text, const char *marker)
{
    const char *p = strstr(text, marker);
    if (!p) {
        print_error("missing: %s\n", marker);
        fail();
    }
    return p;
}

/* The Markdown holds text as a line of its own. */
static void assert_md_line(const char *md, const char *text)
{
    size_t n = strlen(text);
    for (const char *p = strstr(md, text); p; p = strstr(p + 1, text))
        if ((p == md || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
            return;
    print_error("no line: %s\n", text);
    fail();
}

/* A paragraph of the text report: from prefix to end_marker (the next blank line when NULL), its wrapped
 * lines joined again. */
static char *text_paragraph(const char *text, const char *prefix, const char *end_marker)
{
    const char *p = after(text, prefix);
    const char *end = strstr(p, end_marker ? end_marker : "\n\n");
    size_t n = end ? (size_t)(end - p) : strlen(p);
    while (n > 0 && p[n - 1] == '\n')
        n--;
    char *para = malloc(n + 1);
    assert_non_null(para);
    for (size_t i = 0; i < n; i++)
        para[i] = p[i] == '\n' ? ' ' : p[i];
    para[n] = '\0';
    return para;
}

/* The Markdown says, on one line, what the text report says from prefix to end_marker. */
static void assert_same_paragraph(const char *text, const char *md, const char *prefix,
                                  const char *end_marker)
{
    char *para = text_paragraph(text, prefix, end_marker);
    assert_md_line(md, para);
    free(para);
}

static void assert_cell(const md_row *row, size_t k, const char *want)
{
    assert_true(k < row->count);
    if (strcmp(row->cell[k], want) != 0) {
        print_error("cell %zu of row %s: got \"%s\", want \"%s\"\n", k, row->cell[0], row->cell[k], want);
        fail();
    }
}

static void assert_row_cell(const char *from, const char *id, size_t k, const char *want)
{
    md_row row = md_find(from, id);
    assert_cell(&row, k, want);
}

static void assert_starts(const char *text, const char *prefix)
{
    if (strncmp(text, prefix, strlen(prefix)) != 0) {
        print_error("does not start with: %s\n", prefix);
        fail();
    }
}

/* ---- Markdown ---- */

static void markdown_scores_vi(void **state)
{
    (void)state;
    char *md = render(&builtin, &q3, NULL, F_MARKDOWN, VI);
    assert_int_equal(md_check_tables(md), 3); /* criteria, office targets, what the total needs */
    assert_starts(md, "# Sìn Hồ: chỉ số năm 2023, kỳ 2023-Q3\n");
    assert_md_line(md, "Kế hoạch: sin-ho-2023.csv (built-in)");
    md_row head = md_split(after(md, "| Mã "));
    const char *want_head[] = {"Mã",       "Chỉ số",     "2022",    "2023",  "Thay đổi",
                               "Mục tiêu", "Chênh lệch", "Kết quả", "Đơn vị"};
    assert_int_equal(head.count, COUNT(want_head));
    for (size_t k = 0; k < COUNT(want_head); k++)
        assert_cell(&head, k, want_head[k]);
    /* the README's worked total: 64,94, +5,32 since 2022, -0,06 to "Trên 65%" */
    md_row total = md_find(md, "total");
    const char *want_total[] = {"total", "Tổng (PAR INDEX)", "59,62", "64,94", "+5,32", "> 65,00",
                                "-0,06", "Chưa đạt",         ""};
    for (size_t k = 0; k < COUNT(want_total); k++)
        assert_cell(&total, k, want_total[k]);
    md_row c1 = md_find(md, "1");
    assert_cell(&c1, 6, "-1,50");
    assert_cell(&c1, 8,
                "Phòng Nội vụ; Phòng Tư pháp; Phòng Tài chính – Kế hoạch; Văn phòng HĐND-UBND; Trung tâm Văn "
                "hóa, Thể thao và Truyền thông");
    md_row c4 = md_find(md, "4"); /* exactly on a strict target */
    assert_cell(&c4, 6, "0,00");
    assert_cell(&c4, 7, "Chưa đạt");
    /* an office target without a score: its score, gap and result are not known */
    const char *kpis = after(md, "## Chỉ tiêu của các cơ quan, đơn vị (mục III)\n");
    md_row none = md_find(kpis, "kpi-digital-plan");
    const char *want_none[] = {"kpi-digital-plan",
                               "Hoàn thành Kế hoạch Chuyển đổi số năm 2023",
                               DASH,
                               "≥ 100,00",
                               DASH,
                               DASH,
                               "Phòng Văn hóa và Thông tin"};
    assert_int_equal(none.count, COUNT(want_none));
    for (size_t k = 0; k < COUNT(want_none); k++)
        assert_cell(&none, k, want_none[k]);
    assert_row_cell(kpis, "kpi-training", 4, "0,00");
    /* what the total needs, then each criterion alone */
    const char *takes = after(md, "## Cần thêm bao nhiêu cho tổng\n");
    md_row lever = md_find(takes, "8");
    const char *want_lever[] = {"8", "26", "71,00", "29,00"};
    assert_int_equal(lever.count, 5);
    for (size_t k = 0; k < COUNT(want_lever); k++)
        assert_cell(&lever, k, want_lever[k]);
    assert_true(lever.cell[4][0] == '+');
    /* the lines outside the tables say what the text report says */
    char *text = render(&builtin, &q3, NULL, F_TEXT, VI);
    assert_same_paragraph(text, takes, "Mục tiêu tổng > 65,00: cần thêm ", "\n");
    assert_same_paragraph(text, md, "Đạt 8/18 mục tiêu", "\n");
    assert_same_paragraph(text, md, "Nếu mọi lĩnh vực vừa đúng mục tiêu", NULL);
    assert_same_paragraph(text, md, "Lưu ý: điểm tối đa", NULL);
    assert_md_line(md,
                   "Nếu mọi lĩnh vực vừa đúng mục tiêu, tổng là 65,50 so với mục tiêu tổng > 65,00: các mục "
                   "tiêu của kế hoạch khớp nhau.");
    assert_non_null(strstr(md, "(1: 10; 2: 8; 3: 14; 4: 7,5; 5: 10; 6: 10; 7: 14,5; 8: 26)"));
    free(text);
    free(md);
}

static void markdown_scores_en(void **state)
{
    (void)state;
    char *md = render(&builtin, &q3, NULL, F_MARKDOWN, EN);
    assert_int_equal(md_check_tables(md), 3);
    assert_starts(md, "# Sìn Hồ: 2023 scores, period 2023-Q3\n");
    md_row total = md_find(md, "total");
    const char *want_total[] = {
        "total", "Total (PAR INDEX)", "59.62", "64.94", "+5.32", "> 65.00", "-0.06", "missed", ""};
    for (size_t k = 0; k < COUNT(want_total); k++)
        assert_cell(&total, k, want_total[k]);
    md_row none = md_find(md, "kpi-one-stop");
    assert_cell(&none, 1, "Procedures handled through the one-stop mechanism");
    assert_cell(&none, 2, DASH);
    assert_cell(&none, 6, "Các cơ quan, đơn vị huyện; UBND các xã, thị trấn");
    assert_null(strstr(md, "64,94"));
    char *text = render(&builtin, &q3, NULL, F_TEXT, EN);
    assert_same_paragraph(text, md, "8/18 targets met", "\n");
    assert_same_paragraph(text, md, "If every criterion lands", NULL);
    assert_same_paragraph(text, md, "Note: the max points", NULL);
    assert_same_paragraph(text, md, "Total target > 65.00", "\n");
    free(text);
    free(md);
}

static void markdown_plan_view(void **state)
{
    (void)state;
    char *md = render(&builtin, NULL, NULL, F_MARKDOWN, VI);
    assert_int_equal(md_check_tables(md), 2);
    assert_starts(md, "# Sìn Hồ: kết quả năm 2022 so với mục tiêu năm 2023\n");
    md_row total = md_find(md, "total");
    const char *want_total[] = {"total", "Tổng (PAR INDEX)", "59,62", "8", "> 65,00", "7",
                                "5,39",  "Chưa đạt",         ""};
    assert_int_equal(total.count, COUNT(want_total));
    for (size_t k = 0; k < COUNT(want_total); k++)
        assert_cell(&total, k, want_total[k]);
    md_row kpi = md_find(md, "kpi-inspection");
    assert_int_equal(kpi.count, 5); /* id, name, target, result, offices */
    assert_cell(&kpi, 2, "> 30,00");
    assert_cell(&kpi, 3, DASH);
    char *text = render(&builtin, NULL, NULL, F_TEXT, VI);
    assert_same_paragraph(text, md, "Kết quả năm 2022 đã đạt", "\n");
    assert_same_paragraph(text, md, "Cần tăng: số điểm", "\n");
    free(text);
    free(md);
    md = render(&builtin, NULL, NULL, F_MARKDOWN, EN);
    assert_int_equal(md_check_tables(md), 2);
    assert_row_cell(md, "7", 6, "20.33");
    free(md);
}

static void markdown_partial_total(void **state)
{
    (void)state;
    /* the 2022 values without criterion 3 */
    ps_scores s =
        scores_from(&builtin, "id,score\n1,42.22\n2,90\n4,85.87\n5,75\n6,48.14\n7,29.68\n8,67.91\n");
    char *md = render(&builtin, &s, NULL, F_MARKDOWN, VI);
    md_check_tables(md);
    md_row total = md_find(md, "total");
    assert_cell(&total, 3, "60,62"); /* over the 7 criteria with a score */
    assert_cell(&total, 7, DASH);    /* a partial total is not judged */
    assert_row_cell(md, "3", 3, DASH);
    char *text = render(&builtin, &s, NULL, F_TEXT, VI);
    assert_md_line(md, "Tạm tính: thiếu điểm lĩnh vực 3");
    assert_non_null(strstr(text, "Tạm tính: thiếu điểm lĩnh vực 3\n"));
    free(text);
    free(md);
    md = render(&builtin, &s, NULL, F_MARKDOWN, EN);
    assert_md_line(md, "Partial: criteria without a score: 3");
    free(md);
    ps_scores_free(&s);
}

static void markdown_ranking(void **state)
{
    (void)state;
    char *md = render(&builtin, &q3, &peers, F_MARKDOWN, VI);
    assert_int_equal(md_check_tables(md), 4);
    const char *ranking = after(md, "## Xếp hạng dự kiến trong 8 đơn vị (so với ");
    md_row head = md_split(after(ranking, "| Mã "));
    assert_cell(&head, 1, "Hạng 2022");
    md_row total = md_find(ranking, "total");
    const char *want_total[] = {"total", "8", "5/8", "≤ 7", "0,00", "Đạt"};
    assert_int_equal(total.count, COUNT(want_total));
    for (size_t k = 0; k < COUNT(want_total); k++)
        assert_cell(&total, k, want_total[k]);
    md_row c4 = md_find(ranking, "4");
    assert_cell(&c4, 4, "0,40");
    assert_cell(&c4, 5, "Chưa đạt");
    const char *takes = after(ranking, "## Cần thêm bao nhiêu cho tổng\n");
    assert_md_line(takes, "Hạng mục tiêu 7: đã giữ được.");
    char *text = render(&builtin, &q3, &peers, F_TEXT, VI);
    assert_same_paragraph(text, md, "Giả định: ", "\nMã ");
    assert_same_paragraph(text, md, "Hạng mục tiêu 7:", "\n");
    assert_same_paragraph(text, md, "Đạt 17/28 mục tiêu", "\n");
    free(text);
    free(md);
}

static void markdown_by_owner(void **state)
{
    (void)state;
    view v = {PS_LANG_VI, true, false};
    char *md = render(&builtin, &q3, &peers, F_MARKDOWN, v);
    /* 8 offices and the indicators without one, then the ranking and what the total needs */
    assert_int_equal(md_check_tables(md), 11);
    const char *office = after(md, "\n## Phòng Nội vụ\n");
    md_row c1 = md_find(office, "1");
    const char *want[] = {
        "1", "Công tác chỉ đạo điều hành về cải cách hành chính", "48,50", "> 50,00", "-1,50", "Chưa đạt"};
    assert_int_equal(c1.count, COUNT(want));
    for (size_t k = 0; k < COUNT(want); k++)
        assert_cell(&c1, k, want[k]);
    assert_row_cell(office, "kpi-training", 4, "0,00");
    assert_md_line(office, "Đạt 4/6 mục tiêu");
    after(md, "\n## UBND các xã, thị trấn\n");
    /* the total has no office: it comes last, in a group of its own */
    const char *unowned = after(md, "\n## (Không giao cho cơ quan nào)\n");
    assert_true(unowned > strstr(md, "\n## UBND các xã, thị trấn\n"));
    md_row total = md_find(unowned, "total");
    const char *want_total[] = {"total", "Tổng (PAR INDEX)", "64,94", "> 65,00", "-0,06", "Chưa đạt"};
    for (size_t k = 0; k < COUNT(want_total); k++)
        assert_cell(&total, k, want_total[k]);
    assert_md_line(unowned, "Đạt 0/1 mục tiêu");
    assert_true(strstr(md, "| total ") == strstr(unowned, "| total "));
    free(md);
    v.lang = PS_LANG_EN;
    md = render(&builtin, NULL, NULL, F_MARKDOWN, v);
    assert_int_equal(md_check_tables(md), 9);
    after(md, "\n## (No office named)\n");
    office = after(md, "\n## Phòng Tư pháp\n");
    assert_row_cell(office, "2", 4, "0.00"); /* the plan view: 2022 against the 2023 target */
    assert_md_line(office, "0/2 targets met");
    free(md);
}

/* Names with pipes, separators, quotes, a backslash, Markdown marks, a line break and leading formula
 * characters; an id and offices starting with - @ +. The loader keeps a quoted line break in a name. */
static const char HOSTILE_PLAN[] =
    "# unit: Xã |A| *x*\n"
    "# year: 2023\n"
    "# baseline_year: 2022\n"
    "id,kind,name,name_en,max_points,baseline,baseline_rank,target,target_rank,owners\n"
    "-a,criterion,\"=1+1 | x; y \"\"q\"\"\",\"=cmd|' /C calc'!A0\",50,40,,Trên 50%,,\"@SUM(1); +Phòng | A\"\n"
    "b,criterion,\"+B \\ *bold* _u_ <b>\",-B en,50,60,,Trên 50%,,-Phòng B\n"
    "t,total,\"Tổng\nmới\",Total,,50,,Trên 55%,,\n"
    "k,kpi,\"@KPI \"\"x\"\"\",,,,,100%,,Phòng C\n";
static const char HOSTILE_SCORES[] = "id,score\n-a,45\nb,62.5\n";

/* A Markdown cell without its backslash escapes. */
static void md_unescape(const char *cell, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = cell; *p && n + 1 < size; p++) {
        if (*p == '\\' && p[1])
            p++;
        out[n++] = *p;
    }
    out[n] = '\0';
}

static void markdown_escapes_hostile_names(void **state)
{
    (void)state;
    ps_plan plan = plan_from(HOSTILE_PLAN);
    assert_non_null(strchr(ps_plan_find(&plan, "t")->name, '\n')); /* line breaks in names are possible */
    ps_scores s = scores_from(&plan, HOSTILE_SCORES);
    char *md = render(&plan, &s, NULL, F_MARKDOWN, VI);
    assert_int_equal(md_check_tables(md), 3);
    assert_starts(md, "# Xã \\|A\\| \\*x\\*: chỉ số năm 2023\n");
    md_row a = md_find(md, "-a");
    assert_cell(&a, 1, "=1+1 \\| x; y \"q\"");
    assert_cell(&a, 6, "-5,00");
    assert_cell(&a, 8, "@SUM(1); +Phòng \\| A");
    md_row b = md_find(md, "b");
    assert_cell(&b, 1, "+B \\\\ \\*bold\\* \\_u\\_ \\<b\\>");
    assert_cell(&b, 8, "-Phòng B");
    md_row t = md_find(md, "t");
    assert_cell(&t, 1, "Tổng mới"); /* the line break became a space */
    assert_cell(&t, 3, "53,75");    /* (50 × 45 + 50 × 62,5) / 100 */
    assert_cell(&t, 6, "-1,25");
    /* unescaped, each name is the plan's, line breaks aside */
    for (size_t i = 0; i < plan.count; i++) {
        char want[256], got[256];
        snprintf(want, sizeof want, "%s", plan.items[i].name);
        for (char *p = want; *p; p++)
            *p = *p == '\n' ? ' ' : *p;
        md_row row = md_find(md, plan.items[i].id);
        md_unescape(row.cell[1], got, sizeof got);
        assert_string_equal(got, want);
    }
    free(md);
    md = render(&plan, &s, NULL, F_MARKDOWN, EN);
    md_check_tables(md);
    assert_row_cell(md, "-a", 1, "=cmd\\|' /C calc'!A0");
    free(md);
    view v = {PS_LANG_VI, true, false};
    md = render(&plan, &s, NULL, F_MARKDOWN, v);
    assert_int_equal(md_check_tables(md), 6); /* 4 offices, the total's group, what the total needs */
    after(md, "\n## @SUM(1)\n");
    after(md, "\n## +Phòng \\| A\n");
    after(md, "\n## -Phòng B\n");
    free(md);
    ps_scores_free(&s);
    ps_plan_free(&plan);
}

/* Control characters other than line breaks (a tab, a lone CR) cannot reach a name through the loaders,
 * which trim them at the ends; set by hand, they still never break a row. */
static void markdown_control_characters(void **state)
{
    (void)state;
    ps_plan plan = plan_from(HOSTILE_PLAN);
    ps_indicator *b = (ps_indicator *)ps_plan_find(&plan, "b");
    free(b->name);
    b->name = strdup("\t=1\rx\r\ny");
    assert_non_null(b->name);
    ps_scores s = scores_from(&plan, HOSTILE_SCORES);
    char *md = render(&plan, &s, NULL, F_MARKDOWN, VI);
    md_check_tables(md);
    assert_row_cell(md, "b", 1, "=1 x y"); /* the leading blank is trimmed as a cell */
    assert_non_null(strstr(md, "|  =1 x y "));
    free(md);
    ps_scores_free(&s);
    ps_plan_free(&plan);
}

/* ---- reading CSV back ---- */

#define CSV_MAX_ROWS 40

typedef struct {
    char *field[CSV_MAX_ROWS][CSV_COLUMNS + 4];
    size_t fields[CSV_MAX_ROWS];
    size_t rows;
    size_t row_fields; /* fields of the row being read */
    bool overflow;
} csv_doc;

static void on_field(void *data, size_t len, void *ctx)
{
    csv_doc *d = ctx;
    if (d->rows >= CSV_MAX_ROWS || d->row_fields >= CSV_COLUMNS + 4) {
        d->overflow = true;
        d->row_fields++;
        return;
    }
    char *copy = malloc(len + 1);
    assert_non_null(copy);
    memcpy(copy, data, len);
    copy[len] = '\0';
    d->field[d->rows][d->row_fields++] = copy;
}

static void on_row(int terminator, void *ctx)
{
    (void)terminator;
    csv_doc *d = ctx;
    if (d->rows < CSV_MAX_ROWS)
        d->fields[d->rows] = d->row_fields;
    d->rows++;
    d->row_fields = 0;
}

static int never_space(unsigned char c)
{
    (void)c;
    return 0; /* keep every byte of a field: the test compares them exactly */
}

/* Parses text strictly with libcsv; every row must have the header's number of fields. */
static csv_doc *csv_read(const char *text, char sep)
{
    csv_doc *d = calloc(1, sizeof *d);
    assert_non_null(d);
    struct csv_parser p;
    assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
    csv_set_delim(&p, (unsigned char)sep);
    csv_set_space_func(&p, never_space);
    size_t len = strlen(text);
    assert_int_equal(csv_parse(&p, text, len, on_field, on_row, d), len);
    assert_int_equal(csv_fini(&p, on_field, on_row, d), 0);
    csv_free(&p);
    assert_false(d->overflow);
    assert_true(d->rows >= 2);
    assert_int_equal(d->fields[0], CSV_COLUMNS);
    for (size_t r = 0; r < d->rows; r++)
        if (d->fields[r] != CSV_COLUMNS) {
            print_error("row %zu has %zu fields, want %d\n", r, d->fields[r], CSV_COLUMNS);
            fail();
        }
    return d;
}

static void csv_free_doc(csv_doc *d)
{
    for (size_t r = 0; r < d->rows && r < CSV_MAX_ROWS; r++)
        for (size_t k = 0; k < d->fields[r]; k++)
            free(d->field[r][k]);
    free(d);
}

static size_t csv_col(const csv_doc *d, const char *name)
{
    for (size_t k = 0; k < d->fields[0]; k++)
        if (strcmp(d->field[0][k], name) == 0)
            return k;
    print_error("no column %s\n", name);
    fail();
    return 0;
}

static const char *csv_get(const csv_doc *d, const char *id, const char *column)
{
    size_t k = csv_col(d, column);
    for (size_t r = 1; r < d->rows; r++)
        if (strcmp(d->field[r][0], id) == 0)
            return d->field[r][k];
    print_error("no row %s\n", id);
    fail();
    return NULL;
}

#define assert_csv(d, id, column, want) assert_string_equal(csv_get((d), (id), (column)), (want))

static const char *const NUMERIC[] = {"max_points", "baseline",     "score", "points",
                                      "change",     "target_value", "gap",   "points_to_target_rank",
                                      "need"};

/* No text cell starts with a formula character; those that do hold a number in a number column. */
static void assert_no_formula(const csv_doc *d, char mark)
{
    for (size_t r = 1; r < d->rows; r++) {
        for (size_t k = 0; k < d->fields[r]; k++) {
            const char *f = d->field[r][k];
            if (f[0] == '\0' || !strchr("=+-@\t\r", f[0]))
                continue;
            bool numeric = false;
            for (size_t n = 0; n < COUNT(NUMERIC); n++)
                numeric = numeric || strcmp(d->field[0][k], NUMERIC[n]) == 0;
            ps_num v;
            if (!numeric || ps_num_parse(f, strlen(f), &v, NULL, NULL) != PS_PARSE_OK || !strchr(f, mark)) {
                print_error("row %zu, %s: \"%s\" would be a formula\n", r, d->field[0][k], f);
                fail();
            }
        }
    }
}

/* clang-format off */
static const char *const HEADER[CSV_COLUMNS] = {
    "id", "kind", "name", "owners", "max_points", "baseline", "baseline_rank", "score", "points", "change",
    "target_op", "target_value", "target_rank", "gap", "met", "rank", "rank_of", "points_to_target_rank",
    "rank_met", "need", "partial", "missing", "parent", "depth", "self_points", "appraised_points",
    "applicable", "flags", "evidence", "note", "lost_points", "total_effect"};
/* clang-format on */

/* ---- CSV ---- */

static void csv_scores_vi(void **state)
{
    (void)state;
    char *csv = render(&builtin, &q3, NULL, F_CSV, VI);
    assert_starts(csv, "id;kind;name;owners;"); /* no BOM unless asked */
    csv_doc *d = csv_read(csv, ';');
    for (size_t k = 0; k < CSV_COLUMNS; k++)
        assert_string_equal(d->field[0][k], HEADER[k]);
    assert_int_equal(d->rows, 1 + builtin.count);
    assert_csv(d, "total", "kind", "total");
    assert_csv(d, "total", "baseline", "59,62");
    assert_csv(d, "total", "score", "64,94");
    assert_csv(d, "total", "points", "64,94");
    assert_csv(d, "total", "change", "5,32");
    assert_csv(d, "total", "target_op", ">");
    assert_csv(d, "total", "target_value", "65,00");
    assert_csv(d, "total", "target_rank", "7");
    assert_csv(d, "total", "gap", "-0,06");
    assert_csv(d, "total", "met", "false");
    assert_csv(d, "total", "partial", "false");
    assert_csv(d, "total", "missing", "");
    assert_csv(d, "total", "owners", "");
    assert_csv(d, "total", "rank", ""); /* no peers */
    assert_csv(d, "1", "owners",
               "Phòng Nội vụ; Phòng Tư pháp; Phòng Tài chính – Kế hoạch; Văn phòng HĐND-UBND; Trung tâm Văn "
               "hóa, Thể thao và Truyền thông");
    assert_csv(d, "1", "name", "Công tác chỉ đạo điều hành về cải cách hành chính");
    assert_csv(d, "1", "gap", "-1,50");
    assert_csv(d, "2", "points", "7,40"); /* given as points */
    assert_csv(d, "2", "met", "true");
    assert_csv(d, "4", "max_points", "7,50");
    assert_csv(d, "4", "gap", "0,00");
    assert_csv(d, "4", "met", "false");
    assert_csv(d, "4", "partial", ""); /* only the total is partial or not */
    assert_csv(d, "kpi-training", "target_op", ">=");
    /* no score: empty cells, never 0 */
    assert_csv(d, "kpi-digital-plan", "score", "");
    assert_csv(d, "kpi-digital-plan", "gap", "");
    assert_csv(d, "kpi-digital-plan", "met", "");
    assert_csv(d, "kpi-digital-plan", "target_value", "100,00");
    assert_no_formula(d, ',');
    /* negative numbers are written as numbers: unquoted, no apostrophe */
    assert_non_null(strstr(csv, ";-0,06;"));
    assert_non_null(strstr(csv, ";-1,50;"));
    assert_null(strstr(csv, "'-"));
    csv_free_doc(d);
    free(csv);
}

static void csv_scores_en_with_bom(void **state)
{
    (void)state;
    view v = {PS_LANG_EN, false, true};
    char *csv = render(&builtin, &q3, NULL, F_CSV, v);
    assert_starts(csv, BOM "id,kind,name,owners,");
    assert_null(strstr(csv + 3, BOM)); /* once */
    csv_doc *d = csv_read(csv + 3, ',');
    assert_int_equal(d->rows, 1 + builtin.count);
    assert_csv(d, "total", "name", "Total (PAR INDEX)");
    assert_csv(d, "total", "score", "64.94");
    assert_csv(d, "total", "change", "5.32");
    assert_csv(d, "total", "gap", "-0.06");
    assert_csv(d, "4", "max_points", "7.50");
    assert_csv(d, "sipas", "gap", "0.40");
    assert_csv(d, "1", "owners",
               "Phòng Nội vụ; Phòng Tư pháp; Phòng Tài chính – Kế hoạch; Văn phòng HĐND-UBND; Trung tâm Văn "
               "hóa, Thể thao và Truyền thông");
    assert_no_formula(d, '.');
    assert_non_null(strstr(csv, ",-0.06,"));
    csv_free_doc(d);
    free(csv);
    /* Vietnamese with a BOM */
    v.lang = PS_LANG_VI;
    csv = render(&builtin, &q3, NULL, F_CSV, v);
    assert_starts(csv, BOM "id;");
    free(csv);
}

static void csv_ranked_and_plan_view(void **state)
{
    (void)state;
    char *csv = render(&builtin, &q3, &peers, F_CSV, VI);
    csv_doc *d = csv_read(csv, ';');
    assert_csv(d, "total", "baseline_rank", "8");
    assert_csv(d, "total", "rank", "5");
    assert_csv(d, "total", "rank_of", "8");
    assert_csv(d, "total", "points_to_target_rank", "0,00");
    assert_csv(d, "total", "rank_met", "true");
    assert_csv(d, "4", "points_to_target_rank", "0,40");
    assert_csv(d, "4", "rank_met", "false");
    assert_csv(d, "kpi-training", "rank", "");
    assert_csv(d, "kpi-training", "rank_met", "");
    csv_free_doc(d);
    free(csv);
    csv = render(&builtin, NULL, NULL, F_CSV, EN);
    d = csv_read(csv, ',');
    assert_csv(d, "total", "score", "");
    assert_csv(d, "total", "baseline", "59.62");
    assert_csv(d, "total", "need", "5.39");
    assert_csv(d, "total", "partial", "false");
    assert_csv(d, "1", "need", "7.79");
    assert_csv(d, "kpi-inspection", "need", "");
    csv_free_doc(d);
    free(csv);
}

static void csv_partial_total(void **state)
{
    (void)state;
    ps_scores s = scores_from(&builtin, "id,score\n1,42.22\n2,90\n4,85.87\n5,75\n6,48.14\n7,29.68\n");
    char *csv = render(&builtin, &s, NULL, F_CSV, VI);
    csv_doc *d = csv_read(csv, ';');
    assert_csv(d, "total", "partial", "true");
    assert_csv(d, "total", "missing", "3 8");
    assert_csv(d, "total", "met", "");
    assert_csv(d, "3", "score", "");
    csv_free_doc(d);
    free(csv);
    ps_scores_free(&s);
}

static void csv_neutralises_formulas(void **state)
{
    (void)state;
    ps_plan plan = plan_from(HOSTILE_PLAN);
    ps_scores s = scores_from(&plan, HOSTILE_SCORES);
    char *csv = render(&plan, &s, NULL, F_CSV, VI);
    csv_doc *d = csv_read(csv, ';');
    assert_int_equal(d->rows, 1 + plan.count);
    /* text cells starting with = + - @ get an apostrophe, inside quotes */
    assert_csv(d, "'-a", "name", "'=1+1 | x; y \"q\"");
    assert_csv(d, "'-a", "owners", "'@SUM(1); +Phòng | A");
    assert_csv(d, "b", "name", "'+B \\ *bold* _u_ <b>");
    assert_csv(d, "b", "owners", "'-Phòng B");
    assert_csv(d, "k", "name", "'@KPI \"x\"");
    assert_csv(d, "k", "owners", "Phòng C");
    assert_csv(d, "t", "name", "Tổng\nmới"); /* quoted, kept whole */
    assert_non_null(strstr(csv, "\"'=1+1 | x; y \"\"q\"\"\""));
    /* numbers are not text: a negative gap stays a number */
    assert_csv(d, "'-a", "gap", "-5,00");
    assert_csv(d, "t", "gap", "-1,25");
    assert_csv(d, "b", "gap", "12,50");
    assert_non_null(strstr(csv, ";-5,00;"));
    assert_non_null(strstr(csv, ";-1,25;"));
    assert_no_formula(d, ',');
    csv_free_doc(d);
    free(csv);
    /* English names; the missing criteria of a partial total are ids, guarded too */
    ps_scores partial = scores_from(&plan, "id,score\nb,62.5\n");
    csv = render(&plan, &partial, NULL, F_CSV, EN);
    d = csv_read(csv, ',');
    assert_csv(d, "'-a", "name", "'=cmd|' /C calc'!A0");
    assert_csv(d, "b", "name", "'-B en");
    assert_csv(d, "t", "missing", "'-a");
    assert_csv(d, "t", "partial", "true");
    assert_no_formula(d, '.');
    csv_free_doc(d);
    free(csv);
    ps_scores_free(&partial);
    ps_scores_free(&s);
    ps_plan_free(&plan);
}

static void csv_guards_tab_and_cr(void **state)
{
    (void)state;
    ps_plan plan = plan_from(HOSTILE_PLAN);
    ps_indicator *b = (ps_indicator *)ps_plan_find(&plan, "b");
    ps_indicator *k = (ps_indicator *)ps_plan_find(&plan, "k");
    free(b->name);
    free(k->name);
    b->name = strdup("\t=1");
    k->name = strdup("\r=2");
    assert_non_null(b->name);
    assert_non_null(k->name);
    ps_scores s = scores_from(&plan, HOSTILE_SCORES);
    char *csv = render(&plan, &s, NULL, F_CSV, VI);
    csv_doc *d = csv_read(csv, ';');
    assert_csv(d, "b", "name", "'\t=1");
    assert_csv(d, "k", "name", "'\r=2");
    assert_no_formula(d, ',');
    csv_free_doc(d);
    free(csv);
    ps_scores_free(&s);
    ps_plan_free(&plan);
}

static void out_of_memory_is_reported(void **state)
{
    (void)state;
    ps_result r;
    assert_int_equal(ps_score(&builtin, &q3, &r), PS_OK);
    ps_report_options o;
    memset(&o, 0, sizeof o);
    ps_buf b;
    ps_buf_init(&b);
    b.failed = true; /* as after a failed allocation */
    assert_int_equal(ps_report_markdown(&builtin, &r, &o, &b), PS_ERR_NOMEM);
    assert_int_equal(ps_report_csv(&builtin, &r, &o, &b), PS_ERR_NOMEM);
    assert_null(b.data);
    ps_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(markdown_scores_vi),
        cmocka_unit_test(markdown_scores_en),
        cmocka_unit_test(markdown_plan_view),
        cmocka_unit_test(markdown_partial_total),
        cmocka_unit_test(markdown_ranking),
        cmocka_unit_test(markdown_by_owner),
        cmocka_unit_test(markdown_escapes_hostile_names),
        cmocka_unit_test(markdown_control_characters),
        cmocka_unit_test(csv_scores_vi),
        cmocka_unit_test(csv_scores_en_with_bom),
        cmocka_unit_test(csv_ranked_and_plan_view),
        cmocka_unit_test(csv_partial_total),
        cmocka_unit_test(csv_neutralises_formulas),
        cmocka_unit_test(csv_guards_tab_and_cr),
        cmocka_unit_test(out_of_memory_is_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown) ? 1 : 0;
}
