/* Unit tests for the loaders: the built-in plan, plan and scores CSVs from memory, and their errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/load.h"

#define P(x) ((ps_num)(x)*PS_NUM_SCALE)

static const char SCORES_NAME[] = "q3.csv";
static const char PLAN_NAME[] = "plan.csv";

/* the built-in plan, loaded once for the scores tests */
static ps_plan builtin;

static int load_builtin(void **state)
{
    (void)state;
    ps_error err;
    return ps_plan_load_builtin(&builtin, &err) == PS_OK ? 0 : -1;
}

static int free_builtin(void **state)
{
    (void)state;
    ps_plan_free(&builtin);
    return 0;
}

static size_t item_index(const char *id)
{
    const ps_indicator *ind = ps_plan_find(&builtin, id);
    assert_non_null(ind);
    return (size_t)(ind - builtin.items);
}

/* Fails showing the error as the user would see it. */
static void check_error(ps_status st, const ps_error *e, const char *name, ps_msg code, long line,
                        long column)
{
    char msg[512];
    ps_error_format(e, PS_LANG_EN, msg, sizeof msg);
    if (st != PS_ERR_INPUT || e->code != code || e->line != line || e->column != column || e->file != name) {
        print_error("got status %d, code %d at %ld:%ld (\"%s\"), want code %d at %ld:%ld\n", (int)st,
                    (int)e->code, e->line, e->column, msg, (int)code, line, column);
        fail();
    }
    assert_string_equal(e->file, name);
    assert_false(e->warning);
}

static void scores_ok_n(const char *data, size_t len, ps_scores *s)
{
    ps_error e;
    memset(&e, 0, sizeof e);
    ps_status st = ps_scores_load_buffer(data, len, SCORES_NAME, &builtin, s, &e);
    if (st != PS_OK) {
        char msg[512];
        ps_error_format(&e, PS_LANG_EN, msg, sizeof msg);
        print_error("unexpected failure: %s\n", msg);
        fail();
    }
    assert_non_null(s->source);
    assert_string_equal(s->source, SCORES_NAME);
}

static void scores_ok(const char *csv, ps_scores *s)
{
    scores_ok_n(csv, strlen(csv), s);
}

/* Loads scores that must be refused with code at line:column; returns the error for its arguments. */
static ps_error scores_fail_n(const char *data, size_t len, ps_msg code, long line, long column)
{
    ps_scores s;
    ps_error e;
    memset(&e, 0, sizeof e);
    ps_status st = ps_scores_load_buffer(data, len, SCORES_NAME, &builtin, &s, &e);
    check_error(st, &e, SCORES_NAME, code, line, column);
    /* nothing is left behind */
    assert_int_equal(s.count, 0);
    assert_null(s.entries);
    assert_null(s.period);
    assert_null(s.source);
    assert_int_equal(s.warnings.count, 0);
    return e;
}

static ps_error scores_fail(const char *csv, ps_msg code, long line, long column)
{
    return scores_fail_n(csv, strlen(csv), code, line, column);
}

static void plan_ok(const char *csv, ps_plan *plan)
{
    ps_error e;
    memset(&e, 0, sizeof e);
    ps_status st = ps_plan_load_buffer(csv, strlen(csv), PLAN_NAME, plan, &e);
    if (st != PS_OK) {
        char msg[512];
        ps_error_format(&e, PS_LANG_EN, msg, sizeof msg);
        print_error("unexpected failure: %s\n", msg);
        fail();
    }
}

static ps_error plan_fail(const char *csv, ps_msg code, long line, long column)
{
    ps_plan plan;
    ps_error e;
    memset(&e, 0, sizeof e);
    ps_status st = ps_plan_load_buffer(csv, strlen(csv), PLAN_NAME, &plan, &e);
    check_error(st, &e, PLAN_NAME, code, line, column);
    assert_int_equal(plan.count, 0);
    assert_null(plan.items);
    return e;
}

/* One entry's item, line and score. */
static void check_entry(const ps_scores *s, size_t k, const char *id, long line, ps_num score)
{
    assert_true(k < s->count);
    const ps_score_entry *e = &s->entries[k];
    assert_int_equal(e->item, item_index(id));
    assert_int_equal(e->line, line);
    assert_true(e->has_score);
    if (e->score != score) {
        print_error("entry %zu (%s): score %lld, want %lld\n", k, id, (long long)e->score, (long long)score);
        fail();
    }
}

/* ---- the built-in plan ---- */

static void builtin_plan_items(void **state)
{
    (void)state;
    static const char *const ids[] = {"1",
                                      "2",
                                      "3",
                                      "4",
                                      "5",
                                      "6",
                                      "7",
                                      "8",
                                      "sipas",
                                      "total",
                                      "kpi-inspection",
                                      "kpi-training",
                                      "kpi-digital-plan",
                                      "kpi-e-documents",
                                      "kpi-one-stop",
                                      "kpi-on-time",
                                      "kpi-digitised-district",
                                      "kpi-digitised-commune"};
    const ps_plan *p = &builtin;
    assert_int_equal(p->count, 18);
    for (size_t i = 0; i < 18; i++) {
        assert_string_equal(p->items[i].id, ids[i]);
        ps_kind want = i < 8    ? PS_KIND_CRITERION
                       : i == 8 ? PS_KIND_SIPAS
                       : i == 9 ? PS_KIND_TOTAL
                                : PS_KIND_KPI;
        assert_int_equal(p->items[i].kind, want);
        assert_ptr_equal(ps_plan_find(p, ids[i]), &p->items[i]);
        assert_true(p->items[i].has_target);
        assert_non_null(p->items[i].name);
        assert_non_null(p->items[i].name_en);
    }
    assert_null(ps_plan_find(p, "9"));
    assert_null(ps_plan_find(p, "SIPAS")); /* ids are stored in lower case */
    /* the header is on line 11, after 10 comment lines */
    assert_int_equal(p->items[0].line, 12);
    assert_int_equal(p->items[17].line, 29);
}

static void builtin_plan_max_points(void **state)
{
    (void)state;
    static const ps_num max[8] = {P(10), P(8), P(14), 7500000, P(10), P(10), 14500000, P(26)};
    const ps_plan *p = &builtin;
    ps_num sum = 0;
    for (size_t i = 0; i < 8; i++) {
        assert_true(p->items[i].has_max_points);
        assert_true(p->items[i].max_points == max[i]);
        sum += p->items[i].max_points;
    }
    assert_true(sum == P(100));
    for (size_t i = 8; i < p->count; i++)
        assert_false(p->items[i].has_max_points);
    assert_true(p->illustrative_max);
}

static void builtin_plan_facts(void **state)
{
    (void)state;
    const ps_plan *p = &builtin;
    assert_string_equal(p->unit, "S\xc3\xacn H\xe1\xbb\x93"); /* "Sìn Hồ", NFC */
    assert_string_equal(p->year, "2023");
    assert_string_equal(p->baseline_year, "2022");
    assert_int_equal(p->unit_count, 8);
    assert_non_null(p->source);
    assert_non_null(strstr(p->source, "sin-ho-2023.csv"));
    assert_int_equal(p->warnings.count, 0);
}

static void builtin_plan_values(void **state)
{
    (void)state;
    static const ps_num baseline[10] = {42220000, P(90),    53480000, 85870000, P(75),
                                        48140000, 29680000, 67910000, 77690000, 59620000};
    static const ps_num target[10] = {P(50), P(90), P(60), P(86), P(80), P(50), P(50), P(70), P(80), P(65)};
    static const int baseline_rank[10] = {8, 6, 8, 7, 7, 4, 8, 8, 8, 8};
    static const int target_rank[10] = {7, 5, 7, 6, 6, 4, 7, 7, 7, 7};
    const ps_plan *p = &builtin;
    for (size_t i = 0; i < 10; i++) {
        const ps_indicator *ind = &p->items[i];
        assert_true(ind->has_baseline);
        assert_true(ind->baseline == baseline[i]);
        assert_int_equal(ind->target.op, PS_OP_GT); /* every "Trên X%" */
        assert_true(ind->target.value == target[i]);
        assert_int_equal(ind->baseline_rank, baseline_rank[i]);
        assert_int_equal(ind->target_rank, target_rank[i]);
    }
    const ps_indicator *k = ps_plan_find(p, "kpi-training");
    assert_false(k->has_baseline);
    assert_int_equal(k->target.op, PS_OP_GE); /* "100%" */
    assert_true(k->target.value == P(100));
    assert_int_equal(k->baseline_rank, 0);
    k = ps_plan_find(p, "kpi-digitised-district");
    assert_int_equal(k->target.op, PS_OP_GE); /* "tối thiểu 60%" */
    assert_true(k->target.value == P(60));
    k = ps_plan_find(p, "kpi-inspection");
    assert_int_equal(k->target.op, PS_OP_GT); /* "Trên 30%" */
    assert_true(k->target.value == P(30));
    /* owners: split at ';', the comma inside "Trung tâm Văn hóa, Thể thao và Truyền thông" kept */
    const ps_indicator *c1 = &p->items[0];
    assert_int_equal(c1->owner_count, 5);
    assert_string_equal(c1->owners[0], "Phòng Nội vụ");
    assert_string_equal(c1->owners[4], "Trung tâm Văn hóa, Thể thao và Truyền thông");
    assert_int_equal(ps_plan_find(p, "total")->owner_count, 0);
    assert_string_equal(ps_plan_find(p, "3")->name, "Cải cách thủ tục hành chính");
    assert_string_equal(ps_plan_find(p, "3")->name_en, "Reform of administrative procedures");
}

/* ---- plans from memory ---- */

#define PLAN_HEADER "id,kind,name,max_points,baseline,baseline_rank,target,target_rank,owners\n"

static void plan_buffer_minimal(void **state)
{
    (void)state;
    ps_plan plan;
    plan_ok("# unit: Xã Thử\n" PLAN_HEADER "1,criterion,Một,60,\"42,5%\",3,Trên 50%,2,Phòng A; Phòng B\n"
            "2,Criterion,Hai,40,,,tối thiểu 60%,,\n"
            "Total,TOTAL,Tổng,,,,>= 55,,\n",
            &plan);
    assert_int_equal(plan.count, 3);
    assert_string_equal(plan.source, PLAN_NAME);
    assert_string_equal(plan.unit, "Xã Thử");
    assert_null(plan.year);
    assert_false(plan.illustrative_max);
    assert_string_equal(plan.items[0].id, "1");
    assert_true(plan.items[0].baseline == 42500000);
    assert_int_equal(plan.items[0].owner_count, 2);
    assert_string_equal(plan.items[0].owners[1], "Phòng B");
    assert_null(plan.items[0].name_en); /* no name_en column */
    assert_int_equal(plan.items[1].kind, PS_KIND_CRITERION);
    assert_int_equal(plan.items[1].target.op, PS_OP_GE);
    assert_false(plan.items[1].has_baseline);
    assert_string_equal(plan.items[2].id, "total"); /* ids in lower case */
    assert_int_equal(plan.items[2].kind, PS_KIND_TOTAL);
    assert_int_equal(plan.items[2].line, 5);
    ps_plan_free(&plan);
    assert_int_equal(plan.count, 0);
}

static void plan_buffer_semicolon_and_warning(void **state)
{
    (void)state;
    ps_plan plan;
    /* a Vietnamese-locale export: ';' between fields, decimal commas unquoted, columns in another order */
    plan_ok("\xEF\xBB\xBFkind;id;ghi chú;name;max_points;baseline;baseline_rank;target;target_rank;owners\r\n"
            "criterion;1;x;Một;7,5;85,87%;7;Trên 86%;6;Phòng Nội vụ\r\n"
            "total;total;;Tổng;;;;Trên 65%;;\r\n",
            &plan);
    assert_int_equal(plan.count, 2);
    assert_true(plan.items[0].max_points == 7500000);
    assert_true(plan.items[0].baseline == 85870000);
    assert_int_equal(plan.items[1].line, 3);
    assert_int_equal(plan.warnings.count, 1);
    assert_int_equal(plan.warnings.items[0].code, PS_MSG_UNKNOWN_COLUMN);
    assert_true(plan.warnings.items[0].warning);
    assert_int_equal(plan.warnings.items[0].line, 1);
    assert_int_equal(plan.warnings.items[0].column, 9); /* after "kind;id;" */
    assert_string_equal(plan.warnings.items[0].arg[0], "ghi chú");
    ps_plan_free(&plan);
}

static void plan_unreadable_target(void **state)
{
    (void)state;
    ps_error e = plan_fail(PLAN_HEADER "1,criterion,Một,60,50,3,Trên năm mươi,2,\n"
                                       "total,total,Tổng,,,,Trên 65%,,\n",
                           PS_MSG_BAD_TARGET, 2, 25);
    assert_string_equal(e.arg[0], "target");
    assert_string_equal(e.arg[1], "Trên năm mươi");
}

static void plan_two_totals(void **state)
{
    (void)state;
    ps_error e = plan_fail(PLAN_HEADER "1,criterion,Một,60,50,3,Trên 50%,2,\n"
                                       "total,total,Tổng,,,,Trên 65%,,\n"
                                       "total2,total,Tổng 2,,,,Trên 65%,,\n",
                           PS_MSG_PLAN_TOTAL_ROWS, 0, 0);
    assert_string_equal(e.arg[0], "2");
    e = plan_fail(PLAN_HEADER "1,criterion,Một,60,50,3,Trên 50%,2,\n", PS_MSG_PLAN_TOTAL_ROWS, 0, 0);
    assert_string_equal(e.arg[0], "0");
}

static void plan_criterion_without_max_points(void **state)
{
    (void)state;
    ps_error e = plan_fail(PLAN_HEADER "1,criterion,Một,60,50,3,Trên 50%,2,\n"
                                       "2,criterion,Hai,,50,3,Trên 50%,2,\n"
                                       "total,total,Tổng,,,,Trên 65%,,\n",
                           PS_MSG_MAX_POINTS_NEEDED, 3, 17);
    assert_string_equal(e.arg[0], "2");
}

static void plan_other_errors(void **state)
{
    (void)state;
    plan_fail("", PS_MSG_EMPTY, 0, 0);
    plan_fail(PLAN_HEADER, PS_MSG_HEADER_ONLY, 1, 0);
    ps_error e = plan_fail("id,kind,name\n1,criterion,x\n", PS_MSG_MISSING_COLUMN, 1, 0);
    assert_string_equal(e.arg[0], "max_points");
    e = plan_fail(PLAN_HEADER "1,criterion,Một,60,50,3,Trên 50%,2,\n"
                              "1,criterion,Một lần nữa,40,50,3,Trên 50%,2,\n",
                  PS_MSG_DUPLICATE_ID, 3, 1);
    assert_string_equal(e.arg[1], "2");
    e = plan_fail(PLAN_HEADER "1,criterion,Một,60,101,3,Trên 50%,2,\n", PS_MSG_PERCENT_RANGE, 2, 20);
    assert_string_equal(e.arg[0], "baseline");
    plan_fail(PLAN_HEADER "1,lĩnh vực,Một,60,50,3,Trên 50%,2,\n", PS_MSG_BAD_KIND, 2, 3);
    plan_fail(PLAN_HEADER "1,criterion,Một,60,50,3,Trên 50%,2,\n"
                          "total,total,Tổng,,,,Trên 165%,,\n",
              PS_MSG_BAD_TARGET, 3, 21);
}

/* ---- scores: formats ---- */

static void scores_comma(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id,score\n1,42.22\n3,\"53,48\"\nsipas,80.5%\n", &s);
    assert_int_equal(s.count, 3);
    check_entry(&s, 0, "1", 2, 42220000);
    check_entry(&s, 1, "3", 3, 53480000);
    check_entry(&s, 2, "sipas", 4, 80500000);
    assert_false(s.entries[0].has_points);
    assert_null(s.period);
    assert_int_equal(s.warnings.count, 0);
    ps_scores_free(&s);
    assert_int_equal(s.count, 0);
    assert_null(s.entries);
}

static void scores_semicolon(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id;score\n1;53,48\n2;90%\n4;\"85,87 %\"\n", &s);
    assert_int_equal(s.count, 3);
    check_entry(&s, 0, "1", 2, 53480000);
    check_entry(&s, 1, "2", 3, P(90));
    check_entry(&s, 2, "4", 4, 85870000);
    ps_scores_free(&s);
}

static void scores_tab(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id\tscore\n1\t53,48\n2\t90\n", &s);
    assert_int_equal(s.count, 2);
    check_entry(&s, 0, "1", 2, 53480000);
    check_entry(&s, 1, "2", 3, P(90));
    ps_scores_free(&s);
}

static void scores_bom(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("\xEF\xBB\xBFid,score,nguồn\n1,50,x\n", &s);
    assert_int_equal(s.count, 1);
    check_entry(&s, 0, "1", 2, P(50));
    /* the BOM takes no column */
    assert_int_equal(s.warnings.count, 1);
    assert_int_equal(s.warnings.items[0].line, 1);
    assert_int_equal(s.warnings.items[0].column, 10);
    ps_scores_free(&s);
}

static void scores_crlf_and_cr(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id,score\r\n1,50\r\n2,60\r\n", &s);
    assert_int_equal(s.count, 2);
    check_entry(&s, 1, "2", 3, P(60));
    ps_scores_free(&s);
    scores_ok("# period: 2023-Q2\r\nid,score\r1,50\r2,60", &s);
    assert_int_equal(s.count, 2);
    check_entry(&s, 0, "1", 3, P(50));
    check_entry(&s, 1, "2", 4, P(60));
    assert_string_equal(s.period, "2023-Q2");
    ps_scores_free(&s);
    /* an error after CRLF and after lone CR lines is on the right line */
    scores_fail("id,score\r\n1,50\r\n2,60\r\n3,abc\r\n", PS_MSG_NOT_A_NUMBER, 4, 3);
    scores_fail("id,score\r1,50\r2,abc\r", PS_MSG_NOT_A_NUMBER, 3, 3);
    scores_fail("id,score\r\r1,50\r\n\r\n2,abc", PS_MSG_NOT_A_NUMBER, 5, 3);
}

static void scores_quoted_newlines(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id,ghi chú,score\n1,\"dòng một\ndòng hai\",50\n2,\"a\r\nb\r\nc\",60\n3,x,70\n", &s);
    assert_int_equal(s.count, 3);
    check_entry(&s, 0, "1", 2, P(50));
    check_entry(&s, 1, "2", 4, P(60));
    check_entry(&s, 2, "3", 7, P(70));
    ps_scores_free(&s);
    /* errors after a field with embedded newlines */
    scores_fail("id,ghi chú,score\n1,\"dòng một\ndòng hai\",50\n2,\"x\",abc\n", PS_MSG_NOT_A_NUMBER, 4, 7);
    /* an error on the same row, after the embedded newline: the line where the field is */
    scores_fail("id,ghi chú,score\n1,\"dòng một\ndòng hai\",abc\n", PS_MSG_NOT_A_NUMBER, 3, 11);
    /* an embedded delimiter and doubled quotes */
    scores_fail("id,ghi chú,score\n1,\"a, \"\"b\"\"\nc\",50\n9,x,50\n", PS_MSG_UNKNOWN_ID, 4, 1);
}

static void scores_decimal_comma(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id,score\n3,\"53,48\"\n4,\"85,87%\"\n", &s);
    check_entry(&s, 0, "3", 2, 53480000);
    check_entry(&s, 1, "4", 3, 85870000);
    ps_scores_free(&s);
    scores_ok("id;score\n3;53,48\n4;85,87%\n5;\xC2\xA0"
              "75\xC2\xA0%\n",
              &s);
    check_entry(&s, 0, "3", 2, 53480000);
    check_entry(&s, 1, "4", 3, 85870000);
    check_entry(&s, 2, "5", 4, P(75));
    ps_scores_free(&s);
    /* an unquoted decimal comma with ',' as delimiter is two fields */
    ps_error e = scores_fail("id,score\n3,53,48\n", PS_MSG_RAGGED_ROW, 2, 0);
    assert_string_equal(e.arg[0], "3");
    assert_string_equal(e.arg[1], "2");
}

static void scores_column_order_and_case(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("Score,ID\n50,1\n\"60\",SIPAS\n", &s);
    assert_int_equal(s.count, 2);
    check_entry(&s, 0, "1", 2, P(50));
    check_entry(&s, 1, "sipas", 3, P(60));
    ps_scores_free(&s);
    scores_ok("points,ghi chú,id\n7.4,x,2\n", &s);
    check_entry(&s, 0, "2", 2, 92500000);
    ps_scores_free(&s);
}

static void scores_unknown_columns_warn(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id,nguồn,score,Đơn vị\n1,x,50,y\n", &s);
    assert_int_equal(s.count, 1);
    assert_int_equal(s.warnings.count, 2);
    const ps_error *w = &s.warnings.items[0];
    assert_int_equal(w->code, PS_MSG_UNKNOWN_COLUMN);
    assert_true(w->warning);
    assert_string_equal(w->file, SCORES_NAME);
    assert_int_equal(w->line, 1);
    assert_int_equal(w->column, 4);
    assert_string_equal(w->arg[0], "nguồn");
    w = &s.warnings.items[1];
    assert_int_equal(w->line, 1);
    assert_int_equal(w->column, 16); /* in characters: "id,nguồn,score," is 15 */
    assert_string_equal(w->arg[0], "Đơn vị");
    ps_scores_free(&s);
    assert_int_equal(s.warnings.count, 0);
    /* a warning after comment lines is on the header's line */
    scores_ok("# period: 2023-Q3\n\nscore;id;x\n50;1;y\n", &s);
    assert_int_equal(s.warnings.count, 1);
    assert_int_equal(s.warnings.items[0].line, 3);
    assert_int_equal(s.warnings.items[0].column, 10);
    ps_scores_free(&s);
}

static void scores_note_columns_are_quiet(void **state)
{
    (void)state;
    /* note columns are documented and skipped without a warning */
    ps_scores s;
    scores_ok("id,score,ghi chú\n1,50,x\n", &s);
    assert_int_equal(s.count, 1);
    assert_int_equal(s.warnings.count, 0);
    ps_scores_free(&s);
    scores_ok("Note,id,score\nx,1,50\n", &s);
    assert_int_equal(s.warnings.count, 0);
    ps_scores_free(&s);
}

static void scores_period_and_comments(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("# Điểm quý 3\n# period: 2023-Q3\n\nid,score\n1,50\n", &s);
    assert_non_null(s.period);
    assert_string_equal(s.period, "2023-Q3");
    check_entry(&s, 0, "1", 5, P(50));
    ps_scores_free(&s);
    scores_ok("id,score\n1,50\n", &s);
    assert_null(s.period);
    ps_scores_free(&s);
}

static void scores_points_to_percent(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id,points\n2,7.4\n8,\"13,52\"\n7,14.5\n1,0\n", &s);
    assert_int_equal(s.count, 4);
    check_entry(&s, 0, "2", 2, 92500000); /* 7.4 / 8 */
    assert_true(s.entries[0].has_points);
    assert_true(s.entries[0].points == 7400000);
    check_entry(&s, 1, "8", 3, P(52));  /* 13.52 / 26 */
    check_entry(&s, 2, "7", 4, P(100)); /* the max itself */
    check_entry(&s, 3, "1", 5, 0);
    ps_scores_free(&s);
    /* both columns, one of them empty on each row */
    scores_ok("id,score,points\n1,50,\n2,,4\n", &s);
    check_entry(&s, 0, "1", 2, P(50));
    assert_false(s.entries[0].has_points);
    check_entry(&s, 1, "2", 3, P(50));
    assert_true(s.entries[1].has_points);
    ps_scores_free(&s);
}

static void scores_blank_rows_and_empty_values(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id,score\n1,50\n2,\n\n,\n3,60\n", &s);
    assert_int_equal(s.count, 3);
    assert_false(s.entries[1].has_score);
    assert_int_equal(s.entries[1].item, item_index("2"));
    check_entry(&s, 2, "3", 6, P(60));
    ps_scores_free(&s);
    scores_fail("id,score\n1,50\n\n\n,\n2,abc\n", PS_MSG_NOT_A_NUMBER, 6, 3);
}

/* ---- scores: errors ---- */

static void error_empty_input(void **state)
{
    (void)state;
    scores_fail("", PS_MSG_EMPTY, 0, 0);
    scores_fail("\xEF\xBB\xBF", PS_MSG_EMPTY, 0, 0);
    scores_fail("\n\r\n  \n", PS_MSG_EMPTY, 0, 0);
    scores_fail("# period: 2023-Q3\n", PS_MSG_EMPTY, 0, 0);
}

static void error_header_only(void **state)
{
    (void)state;
    scores_fail("id,score\n", PS_MSG_HEADER_ONLY, 1, 0);
    scores_fail("id,score", PS_MSG_HEADER_ONLY, 1, 0);
    scores_fail("# period: 2023-Q3\nid,score\n,\n\n", PS_MSG_HEADER_ONLY, 2, 0);
    scores_fail("id,score\n1,\n2, \n", PS_MSG_NO_SCORES, 0, 0);
}

static void error_missing_columns(void **state)
{
    (void)state;
    ps_error e = scores_fail("score\n50\n", PS_MSG_MISSING_COLUMN, 1, 0);
    assert_string_equal(e.arg[0], "id");
    e = scores_fail("# period: 2023-Q3\nma,score\n1,50\n", PS_MSG_MISSING_COLUMN, 2, 0);
    assert_string_equal(e.arg[0], "id");
    e = scores_fail("id,ghi chú\n1,50\n", PS_MSG_MISSING_COLUMN, 1, 0);
    assert_string_equal(e.arg[0], "score | points");
    e = scores_fail("id,score,Score\n1,50,50\n", PS_MSG_DUPLICATE_COLUMN, 1, 10);
    assert_string_equal(e.arg[0], "score");
}

static void error_unknown_id(void **state)
{
    (void)state;
    ps_error e = scores_fail("id,score\n1,50\n9,50\n", PS_MSG_UNKNOWN_ID, 3, 1);
    assert_string_equal(e.arg[0], "9");
    e = scores_fail("score,id\n50,1\n50,kpi-unknown\n", PS_MSG_UNKNOWN_ID, 3, 4);
    assert_string_equal(e.arg[0], "kpi-unknown");
    e = scores_fail("id,score\nlĩnh vực 1,50\n", PS_MSG_UNKNOWN_ID, 2, 1);
    assert_string_equal(e.arg[0], "lĩnh vực 1");
}

static void error_duplicate_id(void **state)
{
    (void)state;
    ps_error e = scores_fail("id,score\n1,50\n2,60\n1,70\n", PS_MSG_DUPLICATE_ID, 4, 1);
    assert_string_equal(e.arg[0], "1");
    assert_string_equal(e.arg[1], "2");
    /* the same id in another case is the same id */
    e = scores_fail("# period: 2023-Q3\nid,score\n\nsipas,80\n2,60\nSIPAS,81\n", PS_MSG_DUPLICATE_ID, 6, 1);
    assert_string_equal(e.arg[0], "sipas");
    assert_string_equal(e.arg[1], "4");
}

static void error_not_a_number(void **state)
{
    (void)state;
    ps_error e = scores_fail("id,score\n1,abc\n", PS_MSG_NOT_A_NUMBER, 2, 3);
    assert_string_equal(e.arg[0], "score");
    assert_string_equal(e.arg[1], "abc");
    e = scores_fail("id,score\n1,50\n2,\"1.234,5\"\n", PS_MSG_NOT_A_NUMBER, 3, 3);
    assert_string_equal(e.arg[1], "1.234,5");
    scores_fail("id;score\n1;1e5\n", PS_MSG_NOT_A_NUMBER, 2, 3);
    scores_fail("id,points\n1,NaN\n", PS_MSG_NOT_A_NUMBER, 2, 3);
    e = scores_fail("id,score\n1,99999999999999\n", PS_MSG_NUMBER_TOO_LARGE, 2, 3);
    assert_string_equal(e.arg[0], "score");
}

static void error_percent_over_100(void **state)
{
    (void)state;
    ps_error e = scores_fail("id,score\n1,100.01\n", PS_MSG_PERCENT_RANGE, 2, 3);
    assert_string_equal(e.arg[0], "score");
    assert_string_equal(e.arg[1], "100.01");
    scores_fail("id;score\n1;100,0000001%\n", PS_MSG_PERCENT_RANGE, 2, 3);
    ps_scores s;
    scores_ok("id,score\n1,100\n2,\"100,000000%\"\n", &s);
    check_entry(&s, 0, "1", 2, P(100));
    check_entry(&s, 1, "2", 3, P(100));
    ps_scores_free(&s);
}

static void error_negative(void **state)
{
    (void)state;
    ps_error e = scores_fail("id,score\n1,-5\n", PS_MSG_NEGATIVE, 2, 3);
    assert_string_equal(e.arg[0], "score");
    assert_string_equal(e.arg[1], "-5");
    e = scores_fail("id,score\n1,50\n2,-0\n", PS_MSG_NEGATIVE, 3, 3);
    assert_string_equal(e.arg[1], "-0");
    e = scores_fail("id,points\n2,\"-0,0\"\n", PS_MSG_NEGATIVE, 2, 3);
    assert_string_equal(e.arg[0], "points");
}

static void error_points(void **state)
{
    (void)state;
    ps_error e = scores_fail("id,points\n2,8.01\n", PS_MSG_POINTS_OVER_MAX, 2, 3);
    assert_string_equal(e.arg[0], "8.01");
    assert_int_equal(e.numbers, 1);
    assert_true(e.number[0] == P(8));
    assert_string_equal(e.arg[2], "2");
    char msg[256];
    ps_error_format(&e, PS_LANG_EN, msg, sizeof msg);
    assert_string_equal(msg, "q3.csv:2:3: column 'points': '8.01' is above the max points 8 of indicator 2");
    e = scores_fail("id,points\n4,\"7,5000001\"\n", PS_MSG_POINTS_OVER_MAX, 2, 3);
    assert_true(e.number[0] == 7500000);
    /* the max points take the message's own decimal mark */
    ps_error_format(&e, PS_LANG_VI, msg, sizeof msg);
    assert_string_equal(msg, "q3.csv:2:3: cột 'points': '7,5000001' vượt điểm tối đa 7,5 của chỉ số 4");
    ps_error_format(&e, PS_LANG_EN, msg, sizeof msg);
    assert_non_null(strstr(msg, "max points 7.5 of"));
    e = scores_fail("id,points\n2,7%\n", PS_MSG_POINTS_PERCENT, 2, 3);
    assert_string_equal(e.arg[0], "7%");
    e = scores_fail("id,points\n1,5\nsipas,7\n", PS_MSG_POINTS_NO_MAX, 3, 7);
    assert_string_equal(e.arg[0], "sipas");
    e = scores_fail("id,points\nkpi-training,1\n", PS_MSG_POINTS_NO_MAX, 2, 14);
    assert_string_equal(e.arg[0], "kpi-training");
    e = scores_fail("id,score,points\n1,50,\n2,50,4\n", PS_MSG_SCORE_AND_POINTS, 3, 6);
    assert_string_equal(e.arg[0], "2");
}

static void error_total_is_computed(void **state)
{
    (void)state;
    scores_fail("id,score\n1,50\ntotal,60\n", PS_MSG_TOTAL_IS_COMPUTED, 3, 1);
    scores_fail("id,score\nTotal,60\n", PS_MSG_TOTAL_IS_COMPUTED, 2, 1);
}

static void error_ragged_row(void **state)
{
    (void)state;
    ps_error e = scores_fail("id,score\n1,50\n2,60,x\n", PS_MSG_RAGGED_ROW, 3, 0);
    assert_string_equal(e.arg[0], "3");
    assert_string_equal(e.arg[1], "2");
    e = scores_fail("id,score\n1,50\n2\n", PS_MSG_RAGGED_ROW, 3, 0);
    assert_string_equal(e.arg[0], "1");
}

static void error_quotes(void **state)
{
    (void)state;
    /* strict mode: a quote inside an unquoted field */
    scores_fail("id,score\n1,5\"0\n", PS_MSG_BAD_QUOTE, 2, 4);
    /* text after a closing quote: reported at that quote, which ended the field too soon */
    scores_fail("id,score\n1,50\n2,\"6\"0\n", PS_MSG_BAD_QUOTE, 3, 5);
    scores_fail("id;score\n1;\"5\"\"0\" %\n", PS_MSG_BAD_QUOTE, 2, 8);
    /* a quote opened and never closed: reported where it opens */
    scores_fail("id,score\n1,\"50\n", PS_MSG_UNCLOSED_QUOTE, 2, 3);
    scores_fail("id,score\n1,50\n2,\"60\n3,70\n4,80\n", PS_MSG_UNCLOSED_QUOTE, 3, 3);
    scores_fail("id,ghi chú,score\n1,\"a\nb\",50\n2,\"x", PS_MSG_UNCLOSED_QUOTE, 4, 3);
}

static void error_invalid_utf8(void **state)
{
    (void)state;
    /* the column of the bad byte */
    ps_error e = scores_fail("id,score\n1,5\xff\n", PS_MSG_CSV_CODE_PAGE, 2, 4);
    assert_string_equal(e.arg[0], "score");
    /* in a quoted field that holds a delimiter before the bad byte: quote 3, 'a' 4, ',' 5, bad byte 6 */
    e = scores_fail("id,ghi chú,score\n1,\"a,\xc3\",50\n", PS_MSG_CSV_CODE_PAGE, 2, 6);
    assert_string_equal(e.arg[0], "ghi chú");
    /* Windows-1258 "Sìn" in the header: no header names yet, the column is named by position */
    e = scores_fail("id,score,S\xecn\n1,50,x\n", PS_MSG_CSV_CODE_PAGE, 1, 11);
    assert_string_equal(e.arg[0], "#3");
    /* an overlong encoding of '/' */
    scores_fail("id,score\n1\xc0\xaf,50\n", PS_MSG_CSV_CODE_PAGE, 2, 2);
}

/* The opening quote of a field read in one piece counts in the column of an invalid byte. */
static void error_invalid_utf8_column_in_quoted_field(void **state)
{
    (void)state;
    /* quote at column 3, 'đ' at 4, the bad byte at 5 */
    ps_error e = scores_fail("id,ghi chú,score\n1,\"đ\xc3\",50\n", PS_MSG_CSV_CODE_PAGE, 2, 5);
    assert_string_equal(e.arg[0], "ghi chú");
    scores_fail("id,score\n1,\"\xff\"\n", PS_MSG_CSV_CODE_PAGE, 2, 4);
}

/* Spaces before a field, which libcsv drops, count in the column of an invalid byte. */
static void error_invalid_utf8_column_after_spaces(void **state)
{
    (void)state;
    /* "1,  5\xff": the field starts at column 3, '5' is at column 5, the bad byte at column 6 */
    scores_fail("id,score\n1,  5\xff\n", PS_MSG_CSV_CODE_PAGE, 2, 6);
    /* "1, \"5\xff\"": the quote at column 4, '5' at 5, the bad byte at 6 */
    scores_fail("id,score\n1, \"5\xff\"\n", PS_MSG_CSV_CODE_PAGE, 2, 6);
}

static void error_nul_byte(void **state)
{
    (void)state;
    static const char data[] = "id,score\n1,5\0"
                               "0\n";
    ps_error e = scores_fail_n(data, sizeof data - 1, PS_MSG_NUL_BYTE, 2, 3);
    assert_string_equal(e.arg[0], "score");
    static const char quoted[] = "id,ghi chú,score\n1,\"a\0b\",50\n";
    e = scores_fail_n(quoted, sizeof quoted - 1, PS_MSG_NUL_BYTE, 2, 3);
    assert_string_equal(e.arg[0], "ghi chú");
}

static void error_utf16(void **state)
{
    (void)state;
    static const char le[] = "\xFF\xFEi\0d\0,\0s\0c\0o\0r\0e\0\n\0";
    scores_fail_n(le, sizeof le - 1, PS_MSG_UTF16, 0, 0);
    static const char be[] = "\xFE\xFF\0i\0d\0,\0s\0c\0o\0r\0e\0\n";
    scores_fail_n(be, sizeof be - 1, PS_MSG_UTF16, 0, 0);
}

/* A scores file with a note column whose field on line 2 is `len` bytes of 'x'. */
static char *long_field_csv(size_t len, bool quoted, bool newline, size_t *total)
{
    const char *head = "id,score,note\n1,50,";
    size_t n = strlen(head);
    char *data = malloc(n + len + 4);
    assert_non_null(data);
    memcpy(data, head, n);
    if (quoted)
        data[n++] = '"';
    memset(data + n, 'x', len);
    n += len;
    if (quoted)
        data[n++] = '"';
    if (newline)
        data[n++] = '\n';
    *total = n;
    return data;
}

static void error_field_too_long(void **state)
{
    (void)state;
    size_t n;
    char *data = long_field_csv(PS_LIMIT_FIELD_BYTES + 1, false, true, &n);
    ps_error e = scores_fail_n(data, n, PS_MSG_FIELD_TOO_LONG, 2, 6);
    assert_string_equal(e.arg[0], "65536");
    free(data);
    data = long_field_csv(PS_LIMIT_FIELD_BYTES + 1, true, true, &n);
    scores_fail_n(data, n, PS_MSG_FIELD_TOO_LONG, 2, 6);
    free(data);
    /* exactly at the limit is accepted */
    ps_scores s;
    data = long_field_csv(PS_LIMIT_FIELD_BYTES, false, true, &n);
    scores_ok_n(data, n, &s);
    assert_int_equal(s.count, 1);
    ps_scores_free(&s);
    free(data);
    /* a long id on a row of its own */
    data = malloc(PS_LIMIT_FIELD_BYTES + 64);
    assert_non_null(data);
    strcpy(data, "id,score\n1,50\n");
    n = strlen(data);
    memset(data + n, '7', PS_LIMIT_FIELD_BYTES + 10);
    n += PS_LIMIT_FIELD_BYTES + 10;
    memcpy(data + n, ",50\n", 4);
    scores_fail_n(data, n + 4, PS_MSG_FIELD_TOO_LONG, 3, 1);
    free(data);
}

/* The last field of an input with no final newline is held to the same limit. */
static void field_too_long_at_end_of_input(void **state)
{
    (void)state;
    size_t n;
    char *data = long_field_csv(PS_LIMIT_FIELD_BYTES + 1, false, false, &n);
    ps_scores s;
    ps_error e;
    memset(&e, 0, sizeof e);
    ps_status st = ps_scores_load_buffer(data, n, SCORES_NAME, &builtin, &s, &e);
    if (st == PS_OK)
        ps_scores_free(&s);
    free(data);
    check_error(st, &e, SCORES_NAME, PS_MSG_FIELD_TOO_LONG, 2, 6);
    assert_string_equal(e.arg[0], "65536");
}

/* The limit is on the field's text: a quoted field holding exactly PS_LIMIT_FIELD_BYTES bytes is accepted. */
static void quoted_field_at_limit(void **state)
{
    (void)state;
    size_t n;
    char *data = long_field_csv(PS_LIMIT_FIELD_BYTES, true, true, &n);
    ps_scores s;
    ps_error e;
    memset(&e, 0, sizeof e);
    ps_status st = ps_scores_load_buffer(data, n, SCORES_NAME, &builtin, &s, &e);
    free(data);
    assert_int_equal(st, PS_OK);
    assert_int_equal(s.count, 1);
    ps_scores_free(&s);
}

/* "id,score,c3,c4,..." with `columns` names; *column_of_last is the character column of the last name. */
static char *wide_header(size_t columns, long *column_of_last)
{
    char *h = malloc(columns * 8 + 16);
    assert_non_null(h);
    strcpy(h, "id,score");
    size_t n = strlen(h);
    for (size_t c = 3; c <= columns; c++) {
        *column_of_last = (long)n + 2;
        n += (size_t)sprintf(h + n, ",c%zu", c);
    }
    return h;
}

static void error_too_many_columns(void **state)
{
    (void)state;
    long last = 0;
    /* PS_LIMIT_COLUMNS columns are accepted */
    char *h = wide_header(PS_LIMIT_COLUMNS, &last);
    size_t hl = strlen(h);
    char *data = malloc(hl + PS_LIMIT_COLUMNS + 16);
    assert_non_null(data);
    memcpy(data, h, hl);
    memcpy(data + hl, "\n1,50", 5);
    size_t n = hl + 5;
    for (size_t c = 3; c <= PS_LIMIT_COLUMNS; c++)
        data[n++] = ',';
    data[n++] = '\n';
    ps_scores s;
    scores_ok_n(data, n, &s);
    assert_int_equal(s.count, 1);
    assert_int_equal(s.warnings.count, PS_LIMIT_COLUMNS - 2);
    ps_scores_free(&s);
    /* one more data field than that is refused where it starts, not reported as a ragged row */
    data[n - 1] = ',';
    data[n++] = '\n';
    scores_fail_n(data, n, PS_MSG_TOO_MANY_COLUMNS, 2, (long)(n - hl - 1));
    free(data);
    free(h);
    /* one more header column */
    h = wide_header(PS_LIMIT_COLUMNS + 1, &last);
    hl = strlen(h);
    h[hl] = '\n';
    ps_error e = scores_fail_n(h, hl + 1, PS_MSG_TOO_MANY_COLUMNS, 1, last);
    assert_string_equal(e.arg[0], "256");
    free(h);
}

/* ---- messages ---- */

static void error_format_vi_and_en(void **state)
{
    (void)state;
    ps_error e = scores_fail("id,score\n1,abc\n", PS_MSG_NOT_A_NUMBER, 2, 3);
    char buf[512];
    size_t n = ps_error_format(&e, PS_LANG_VI, buf, sizeof buf);
    assert_string_equal(buf, "q3.csv:2:3: cột 'score': 'abc' không phải là số (cần dạng 53,48 hoặc 53.48)");
    assert_int_equal(n, strlen(buf));
    ps_error_format(&e, PS_LANG_EN, buf, sizeof buf);
    assert_string_equal(buf,
                        "q3.csv:2:3: column 'score': 'abc' is not a number (expected e.g. 53.48 or 53,48)");
    /* a line and no column */
    e = scores_fail("id,score\n", PS_MSG_HEADER_ONLY, 1, 0);
    ps_error_format(&e, PS_LANG_VI, buf, sizeof buf);
    assert_string_equal(buf, "q3.csv:1: chỉ có dòng tiêu đề, không có dòng dữ liệu nào");
    ps_error_format(&e, PS_LANG_EN, buf, sizeof buf);
    assert_string_equal(buf, "q3.csv:1: only a header line, no data rows");
    /* no line */
    e = scores_fail("", PS_MSG_EMPTY, 0, 0);
    ps_error_format(&e, PS_LANG_EN, buf, sizeof buf);
    assert_string_equal(buf, "q3.csv: empty file: expected a header line and data rows");
    /* no file: the message alone */
    ps_error bare = e;
    bare.file = NULL;
    ps_error_format(&bare, PS_LANG_VI, buf, sizeof buf);
    assert_string_equal(buf, "tệp rỗng: cần một dòng tiêu đề và các dòng dữ liệu");
    /* two arguments */
    e = scores_fail("id,score\n1,50\n1,70\n", PS_MSG_DUPLICATE_ID, 3, 1);
    ps_error_format(&e, PS_LANG_VI, buf, sizeof buf);
    assert_string_equal(buf, "q3.csv:3:1: cột 'id': '1' lặp lại (đã có ở dòng 2)");
    ps_error_format(&e, PS_LANG_EN, buf, sizeof buf);
    assert_string_equal(buf, "q3.csv:3:1: column 'id': '1' appears again (first on line 2)");
}

static void error_format_warning_and_truncation(void **state)
{
    (void)state;
    ps_scores s;
    scores_ok("id,nguồn,score\n1,x,50\n", &s);
    assert_int_equal(s.warnings.count, 1);
    char buf[512];
    ps_error_format(&s.warnings.items[0], PS_LANG_VI, buf, sizeof buf);
    assert_string_equal(buf, "q3.csv:1:4: cảnh báo: bỏ qua cột không dùng đến 'nguồn'");
    ps_error_format(&s.warnings.items[0], PS_LANG_EN, buf, sizeof buf);
    assert_string_equal(buf, "q3.csv:1:4: warning: ignoring unknown column 'nguồn'");
    /* a short buffer: cut and terminated, the full length returned */
    char small[8];
    size_t n = ps_error_format(&s.warnings.items[0], PS_LANG_EN, small, sizeof small);
    assert_int_equal(n, strlen("q3.csv:1:4: warning: ignoring unknown column 'nguồn'"));
    assert_string_equal(small, "q3.csv:");
    ps_scores_free(&s);
}

/* In a workbook the place is the cell as spreadsheets name it: a quoted sheet name when it has a space or a
 * sign (a quote in it doubled), the column in letters, a row alone as 5:5, the sheet alone without a row. */
static void error_format_in_a_sheet(void **state)
{
    (void)state;
    ps_error e = {.code = PS_MSG_EMPTY, .file = "bao-cao.xlsx", .line = 5, .column = 3, .sheet = "Sheet1"};
    char buf[512];
    ps_error_format(&e, PS_LANG_EN, buf, sizeof buf);
    assert_string_equal(buf, "bao-cao.xlsx:Sheet1!C5: empty file: expected a header line and data rows");
    e.column = 28;
    snprintf(e.sheet, sizeof e.sheet, "%s", "Báo cáo");
    ps_error_format(&e, PS_LANG_EN, buf, sizeof buf);
    assert_non_null(strstr(buf, "bao-cao.xlsx:'Báo cáo'!AB5: "));
    e.column = 16384;
    snprintf(e.sheet, sizeof e.sheet, "%s", "Quý 3's");
    ps_error_format(&e, PS_LANG_EN, buf, sizeof buf);
    assert_non_null(strstr(buf, "bao-cao.xlsx:'Quý 3''s'!XFD5: "));
    e.column = 0;
    snprintf(e.sheet, sizeof e.sheet, "%s", "Điểm");
    ps_error_format(&e, PS_LANG_EN, buf, sizeof buf);
    assert_non_null(strstr(buf, "bao-cao.xlsx:Điểm!5:5: "));
    e.line = 0;
    snprintf(e.sheet, sizeof e.sheet, "%s", "2023");
    ps_error_format(&e, PS_LANG_EN, buf, sizeof buf);
    assert_non_null(strstr(buf, "bao-cao.xlsx:'2023': empty file"));
}

static void error_arguments_are_escaped(void **state)
{
    (void)state;
    /* a control character in a value is refused where it stands, never copied into a message as it is */
    ps_error e = scores_fail("id,score\n1,\"5\x01\"\n", PS_MSG_CONTROL_CHAR, 2, 5);
    assert_string_equal(e.arg[1], "U+0001");
    /* a file name with one is shown escaped, as any value would be */
    ps_error named = {.code = PS_MSG_EMPTY, .file = "q\x1b[2J\xe2\x80\xae.csv"};
    char msg[256];
    ps_error_format(&named, PS_LANG_EN, msg, sizeof msg);
    assert_non_null(strstr(msg, "q\\x1b[2J\\u202e.csv: "));
    assert_null(strchr(msg, '\x1b'));
    /* a long value is shortened to fit the argument */
    char data[300];
    strcpy(data, "id,score\n1,");
    size_t n = strlen(data);
    memset(data + n, 'a', 200);
    strcpy(data + n + 200, "\n");
    e = scores_fail(data, PS_MSG_NOT_A_NUMBER, 2, 3);
    assert_true(strlen(e.arg[1]) < sizeof e.arg[1]);
    assert_non_null(strstr(e.arg[1], "\xe2\x80\xa6")); /* … */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builtin_plan_items),
        cmocka_unit_test(builtin_plan_max_points),
        cmocka_unit_test(builtin_plan_facts),
        cmocka_unit_test(builtin_plan_values),
        cmocka_unit_test(plan_buffer_minimal),
        cmocka_unit_test(plan_buffer_semicolon_and_warning),
        cmocka_unit_test(plan_unreadable_target),
        cmocka_unit_test(plan_two_totals),
        cmocka_unit_test(plan_criterion_without_max_points),
        cmocka_unit_test(plan_other_errors),
        cmocka_unit_test(scores_comma),
        cmocka_unit_test(scores_semicolon),
        cmocka_unit_test(scores_tab),
        cmocka_unit_test(scores_bom),
        cmocka_unit_test(scores_crlf_and_cr),
        cmocka_unit_test(scores_quoted_newlines),
        cmocka_unit_test(scores_decimal_comma),
        cmocka_unit_test(scores_column_order_and_case),
        cmocka_unit_test(scores_unknown_columns_warn),
        cmocka_unit_test(scores_note_columns_are_quiet),
        cmocka_unit_test(scores_period_and_comments),
        cmocka_unit_test(scores_points_to_percent),
        cmocka_unit_test(scores_blank_rows_and_empty_values),
        cmocka_unit_test(error_empty_input),
        cmocka_unit_test(error_header_only),
        cmocka_unit_test(error_missing_columns),
        cmocka_unit_test(error_unknown_id),
        cmocka_unit_test(error_duplicate_id),
        cmocka_unit_test(error_not_a_number),
        cmocka_unit_test(error_percent_over_100),
        cmocka_unit_test(error_negative),
        cmocka_unit_test(error_points),
        cmocka_unit_test(error_total_is_computed),
        cmocka_unit_test(error_ragged_row),
        cmocka_unit_test(error_quotes),
        cmocka_unit_test(error_invalid_utf8),
        cmocka_unit_test(error_invalid_utf8_column_in_quoted_field),
        cmocka_unit_test(error_invalid_utf8_column_after_spaces),
        cmocka_unit_test(error_nul_byte),
        cmocka_unit_test(error_utf16),
        cmocka_unit_test(error_field_too_long),
        cmocka_unit_test(field_too_long_at_end_of_input),
        cmocka_unit_test(quoted_field_at_limit),
        cmocka_unit_test(error_too_many_columns),
        cmocka_unit_test(error_format_vi_and_en),
        cmocka_unit_test(error_format_warning_and_truncation),
        cmocka_unit_test(error_format_in_a_sheet),
        cmocka_unit_test(error_arguments_are_escaped),
    };
    return cmocka_run_group_tests(tests, load_builtin, free_builtin) ? 1 : 0;
}
