/* Unit tests for sub-criteria: the hierarchy loader (each error, located), the roll-up (not applicable,
 * partial, appraised against self-assessed), where the points are lost, and a sub-criteria plan that gives
 * the same criterion percentages as a criterion-level plan giving the same rows and total. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/parscore.h"

#define P(x) ((ps_num)((x)*1000000.0 + ((x) < 0 ? -0.5 : 0.5))) /* exact for the literals used here */

static const char HEADER[] =
    "id,kind,name,max_points,baseline,baseline_rank,target,target_rank,owners,parent\n";
static const char TOTAL[] = "total,total,Tổng,,,,Trên 65%,,,\n";

static void fail_with(const ps_error *err, const char *what)
{
    char msg[512];
    ps_error_format(err, PS_LANG_EN, msg, sizeof msg);
    print_error("%s: %s\n", what, msg);
    fail();
}

static void plan_ok(const char *rows, ps_plan *plan)
{
    char csv[4096];
    snprintf(csv, sizeof csv, "%s%s%s", HEADER, rows, TOTAL);
    ps_error err;
    if (ps_plan_load_buffer(csv, strlen(csv), "plan.csv", plan, &err) != PS_OK)
        fail_with(&err, "plan");
}

/* The plan is refused with this message at this place. */
static ps_error plan_refused(const char *rows, ps_msg code, long line, long column)
{
    char csv[4096];
    snprintf(csv, sizeof csv, "%s%s%s", HEADER, rows, TOTAL);
    ps_plan plan;
    ps_error err;
    memset(&err, 0, sizeof err);
    ps_status st = ps_plan_load_buffer(csv, strlen(csv), "plan.csv", &plan, &err);
    char msg[512];
    ps_error_format(&err, PS_LANG_EN, msg, sizeof msg);
    if (st != PS_ERR_INPUT || err.code != code || err.line != line || err.column != column) {
        print_error("status %d, %s; want code %d at %ld:%ld\n", (int)st, msg, (int)code, line, column);
        fail();
    }
    assert_int_equal(plan.count, 0);
    return err;
}

static const ps_indicator *find(const ps_plan *plan, const char *id)
{
    const ps_indicator *ind = ps_plan_find(plan, id);
    assert_non_null(ind);
    return ind;
}

/* ---- the hierarchy ---- */

static void hierarchy_is_linked(void **state)
{
    (void)state;
    ps_plan plan;
    plan_ok("1,criterion,Một,,,,Trên 50%,,Phòng A,\n"
            "1.2,sub,Hai,,,,,,,1\n"
            "1.2.1,sub,Hai một,2.5,,,,,,1.2\n"
            "1.2.2,sub,Hai hai,1.5,,,,,,1.2\n"
            "1.1,sub,Một một,6,,,>=50,,Phòng B,1\n",
            &plan);
    assert_int_equal(plan.sub_count, 4);
    const ps_indicator *c = find(&plan, "1"), *s12 = find(&plan, "1.2"), *s121 = find(&plan, "1.2.1");
    assert_int_equal(c->child_count, 2);
    assert_true(c->max_from_children);
    assert_true(c->max_points == P(10)); /* 6 + (2.5 + 1.5) */
    assert_true(s12->max_points == P(4));
    assert_int_equal(s12->depth, 1);
    assert_int_equal(s121->depth, 2);
    assert_int_equal(s121->parent, s12 - plan.items);
    assert_int_equal(s121->criterion, c - plan.items);
    assert_int_equal(find(&plan, "total")->parent, -1);
    ps_plan_free(&plan);
}

static void a_given_max_must_be_the_sum(void **state)
{
    (void)state;
    ps_plan plan;
    plan_ok("1,criterion,Một,10,,,,,,\n1.1,sub,a,4,,,,,,1\n1.2,sub,b,6,,,,,,1\n", &plan);
    assert_false(find(&plan, "1")->max_from_children);
    ps_plan_free(&plan);
    ps_error e = plan_refused("1,criterion,Một,10,,,,,,\n1.1,sub,a,4,,,,,,1\n1.2,sub,b,5.5,,,,,,1\n",
                              PS_MSG_MAX_POINTS_CHILDREN, 2, 17);
    char msg[512];
    ps_error_format(&e, PS_LANG_EN, msg, sizeof msg);
    assert_non_null(strstr(msg, "1 says 10, but the rows under it add up to 9.5"));
    ps_error_format(&e, PS_LANG_VI, msg, sizeof msg);
    assert_non_null(strstr(msg, "ghi điểm tối đa 10, nhưng các dòng con cộng lại 9,5"));
}

static void hierarchy_errors_are_located(void **state)
{
    (void)state;
    /* unknown parent: its cell */
    ps_error e = plan_refused("1,criterion,Một,,,,,,,\n1.1,sub,a,4,,,,,,9\n", PS_MSG_PARENT_UNKNOWN, 3, 18);
    assert_string_equal(e.arg[0], "9");
    /* a sub without a parent, a criterion with one */
    plan_refused("1,criterion,Một,4,,,,,,\n1.1,sub,a,4,,,,,,\n", PS_MSG_PARENT_MISSING, 3, 18);
    plan_refused("1,criterion,Một,4,,,,,,\n2,criterion,Hai,4,,,,,,1\n", PS_MSG_PARENT_NOT_SUB, 3, 24);
    /* under sipas, total or an office target */
    e = plan_refused("1,criterion,Một,4,,,,,,\nsipas,sipas,S,,,,,,,\ns.1,sub,a,4,,,,,,sipas\n",
                     PS_MSG_PARENT_KIND, 4, 18);
    assert_string_equal(e.arg[1], "sipas");
    plan_refused("1,criterion,Một,4,,,,,,\nk,kpi,K,,,,,,,\nk.1,sub,a,4,,,,,,k\n", PS_MSG_PARENT_KIND, 4, 18);
    plan_refused("1,criterion,Một,4,,,,,,\nt.1,sub,a,4,,,,,,total\n", PS_MSG_PARENT_KIND, 3, 18);
    /* a cycle, named at its first row, with the rows that make it */
    e = plan_refused("1,criterion,Một,4,,,,,,\na,sub,A,,,,,,,b\nb,sub,B,,,,,,,a\n", PS_MSG_PARENT_CYCLE, 3,
                     15);
    assert_string_equal(e.arg[1], "a \xe2\x86\x92 b \xe2\x86\x92 a");
    plan_refused("1,criterion,Một,4,,,,,,\na,sub,A,1,,,,,,a\n", PS_MSG_PARENT_CYCLE, 3, 16);
    /* five levels below a criterion */
    plan_refused(
        "1,criterion,Một,,,,,,,\n1.1,sub,a,,,,,,,1\n1.1.1,sub,b,,,,,,,1.1\n1.1.1.1,sub,c,,,,,,,1.1.1\n"
        "1.1.1.1.1,sub,d,,,,,,,1.1.1.1\n1.1.1.1.1.1,sub,e,1,,,,,,1.1.1.1.1\n",
        PS_MSG_SUB_TOO_DEEP, 7, 26);
    /* a leaf without max points; a criterion without children and without them */
    e = plan_refused("1,criterion,Một,,,,,,,\n1.1,sub,a,,,,,,,1\n", PS_MSG_SUB_MAX_NEEDED, 3, 11);
    assert_string_equal(e.arg[0], "1.1");
    plan_refused("1,criterion,Một,,,,,,,\n", PS_MSG_MAX_POINTS_NEEDED, 2, 17);
}

/* ---- scores and the roll-up ---- */

static const char SUB_PLAN[] = "1,criterion,Một,,,,Trên 50%,,,\n"
                               "1.1,sub,a,4,,,,,,1\n"
                               "1.2,sub,b,4,,,>=50,,,1\n"
                               "1.3,sub,c,2,,,,,,1\n"
                               "2,criterion,Hai,10,,,Trên 50%,,,\n";

static void score_ok(const ps_plan *plan, const char *csv, ps_scores *scores, ps_result *result)
{
    ps_error err;
    if (ps_scores_load_buffer(csv, strlen(csv), "q.csv", plan, scores, &err) != PS_OK)
        fail_with(&err, "scores");
    assert_int_equal(ps_score(plan, scores, result), PS_OK);
}

static const ps_line *line_of(const ps_result *r, const char *id)
{
    long at = ps_result_find(r, id);
    assert_true(at >= 0);
    return &r->lines[at];
}

static void roll_up_with_not_applicable(void **state)
{
    (void)state;
    ps_plan plan;
    ps_scores scores;
    ps_result r;
    plan_ok(SUB_PLAN, &plan);
    /* 1.3 does not apply: criterion 1 is 6 of the 8 that apply, 75 % (not 6 / 10) */
    score_ok(&plan, "id,points,score\n1.1,3,\n1.2,3,\n1.3,KAD,\n2,,40\n", &scores, &r);
    const ps_line *c = line_of(&r, "1"), *na = line_of(&r, "1.3");
    assert_true(na->not_applicable);
    assert_int_equal(na->flags, PS_FLAG_NOT_APPLICABLE);
    assert_true(c->has_points && c->points == P(6));
    assert_true(c->applicable_max == P(8));
    assert_true(c->score == P(75));
    assert_false(c->partial);
    assert_int_equal(c->met, PS_MET_YES);
    /* the criterion still weighs its 10 in the total: (10 × 75 + 10 × 40) / 20 */
    const ps_line *total = line_of(&r, "total");
    assert_true(total->score == P(57.5));
    assert_false(total->partial);
    /* a sub row with a target is judged like any row, and check --only takes its id */
    assert_int_equal(line_of(&r, "1.2")->met, PS_MET_YES);
    ps_check check;
    ps_error err;
    const char *const only[] = {"1.2", "1"};
    assert_int_equal(ps_check_targets(&r, only, 2, &check, &err), PS_OK);
    assert_int_equal(check.count, 2);
    assert_int_equal(check.passed, 2);
    ps_check_free(&check);
    const char *const no_target[] = {"1.1"};
    assert_int_equal(ps_check_targets(&r, no_target, 1, &check, &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_CHECK_NO_TARGET);
    ps_result_free(&r);
    ps_scores_free(&scores);
    /* every child not applicable: the criterion is not applicable and leaves the total's weights */
    score_ok(&plan, "id,points,score\n1.1,na,\n1.2,N/A,\n1.3,không áp dụng,\n2,,40\n", &scores, &r);
    assert_true(line_of(&r, "1")->not_applicable);
    assert_true(line_of(&r, "total")->score == P(40));
    assert_int_equal(r.missing_count, 0);
    ps_result_free(&r);
    ps_scores_free(&scores);
    ps_plan_free(&plan);
}

static void a_missing_leaf_makes_every_ancestor_partial(void **state)
{
    (void)state;
    ps_plan plan;
    ps_scores scores;
    ps_result r;
    plan_ok(
        "1,criterion,Một,,,,Trên 50%,,,\n1.1,sub,a,,,,,,,1\n1.1.1,sub,x,2,,,,,,1.1\n1.1.2,sub,y,2,,,,,,1.1\n"
        "1.2,sub,b,6,,,,,,1\n",
        &plan);
    score_ok(&plan, "id,points\n1.1.1,2\n1.2,3\n", &scores, &r);
    assert_true(line_of(&r, "1.1")->partial);
    assert_true(line_of(&r, "1")->partial);
    assert_int_equal(line_of(&r, "1")->met, PS_MET_UNKNOWN); /* never judged on part of it */
    assert_true(line_of(&r, "1")->points == P(5));           /* what is known, never a 0 for the rest */
    assert_int_equal(line_of(&r, "1.1.2")->flags, PS_FLAG_NO_SCORE);
    assert_true(line_of(&r, "total")->partial);
    assert_int_equal(r.missing_count, 1);
    assert_string_equal(r.missing[0]->id, "1.1.2");
    ps_result_free(&r);
    ps_scores_free(&scores);
    ps_plan_free(&plan);
}

static void appraised_points_win_and_both_totals_are_kept(void **state)
{
    (void)state;
    ps_plan plan;
    ps_scores scores;
    ps_result r;
    plan_ok(SUB_PLAN, &plan);
    score_ok(&plan, "id,points,appraised,evidence\n1.1,4,3,QĐ 1\n1.2,4,,QĐ 2\n1.3,2,2,\n2,6,6,BC 3\n",
             &scores, &r);
    const ps_line *l = line_of(&r, "1.1");
    assert_true(l->appraised_used && l->points == P(3) && l->self_points == P(4));
    assert_true(line_of(&r, "1")->points == P(9));
    assert_true(line_of(&r, "1")->self_points == P(10));
    const ps_line *total = line_of(&r, "total");
    assert_true(total->score == P(75));      /* (9 + 6) / 20 */
    assert_true(total->self_score == P(80)); /* (10 + 6) / 20 */
    assert_true(r.has_appraised);
    assert_int_equal(r.cut_count, 1);
    assert_string_equal(r.cuts[0]->indicator->id, "1.1");
    /* points without evidence, in a file that has the column */
    assert_true(line_of(&r, "1.3")->flags & PS_FLAG_NO_EVIDENCE);
    assert_false(line_of(&r, "1.2")->flags & PS_FLAG_NO_EVIDENCE);
    ps_result_free(&r);
    ps_scores_free(&scores);
    ps_plan_free(&plan);
}

static void where_the_points_are_lost(void **state)
{
    (void)state;
    ps_plan plan;
    ps_scores scores;
    ps_result r;
    plan_ok(SUB_PLAN, &plan);
    score_ok(&plan, "id,points\n1.1,0\n1.2,3\n1.3,KAD\n2,9\n", &scores, &r);
    /* criterion 1 is over 8 points that apply and weighs 10 of 20: a point of 1.1 is 10/8 × 100/20 = 6.25 */
    assert_int_equal(r.points_lost_count, 3);
    assert_string_equal(r.points_lost[0]->indicator->id, "1.1");
    assert_true(r.points_lost[0]->lost_points == P(4));
    assert_true(r.points_lost[0]->total_effect == P(25));
    assert_string_equal(r.points_lost[1]->indicator->id, "1.2");
    assert_true(r.points_lost[1]->total_effect == P(6.25));
    assert_string_equal(r.points_lost[2]->indicator->id, "2");
    assert_true(r.points_lost[2]->total_effect == P(5));
    /* reaching max on 1.1 adds exactly that to the total: 63.75 + 25 */
    assert_true(line_of(&r, "total")->score == P(63.75));
    ps_result_free(&r);
    ps_scores_free(&scores);
    score_ok(&plan, "id,points\n1.1,4\n1.2,3\n1.3,KAD\n2,9\n", &scores, &r);
    assert_true(line_of(&r, "total")->score == P(88.75));
    assert_int_equal(line_of(&r, "1.1")->flags, 0);
    assert_true(line_of(&r, "1.2")->flags == 0);
    ps_result_free(&r);
    ps_scores_free(&scores);
    ps_plan_free(&plan);
}

static void scoring_errors(void **state)
{
    (void)state;
    ps_plan plan;
    ps_scores scores;
    ps_error err;
    plan_ok(SUB_PLAN, &plan);
    /* a row and a row under it, both scored: named with the other's line */
    static const char twice[] = "id,points\n1.1,3\n1,7\n";
    assert_int_equal(ps_scores_load_buffer(twice, sizeof twice - 1, "q.csv", &plan, &scores, &err),
                     PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_SCORED_TWICE);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.arg[1], "1.1");
    assert_string_equal(err.arg[2], "2");
    /* appraised points above the max, and on an item without max points */
    static const char over[] = "id,points,appraised\n1.1,3,4.5\n";
    assert_int_equal(ps_scores_load_buffer(over, sizeof over - 1, "q.csv", &plan, &scores, &err),
                     PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_POINTS_OVER_MAX);
    assert_string_equal(err.arg[1], "appraised");
    assert_int_equal(err.column, 7);
    ps_plan_free(&plan);
}

/* ---- the same percentages through sub-criteria ---- */

static void same_criteria_same_total(void **state)
{
    (void)state;
    ps_plan flat, deep;
    ps_scores flat_scores, deep_scores;
    ps_result flat_r, deep_r;
    plan_ok("1,criterion,Một,10,40,8,Trên 50%,7,,\n2,criterion,Hai,10,50,6,Trên 60%,5,,\n", &flat);
    plan_ok("1,criterion,Một,,40,8,Trên 50%,7,,\n1.1,sub,a,6,,,,,,1\n1.2,sub,b,4,,,,,,1\n"
            "2,criterion,Hai,10,50,6,Trên 60%,5,,\n",
            &deep);
    score_ok(&flat, "id,score\n1,55\n2,61.2\n", &flat_scores, &flat_r);
    score_ok(&deep, "id,points,score\n1.1,3.5,\n1.2,2,\n2,,61.2\n", &deep_scores, &deep_r);
    ps_report_options options = {.lang = PS_LANG_EN};
    ps_buf a, b;
    ps_buf_init(&a);
    ps_buf_init(&b);
    assert_int_equal(ps_report_text(&flat, &flat_r, &options, &a), PS_OK);
    assert_int_equal(ps_report_text(&deep, &deep_r, &options, &b), PS_OK);
    /* the report of the deep plan holds the flat one's criterion rows and total, then its sub-criteria */
    const char *rows = strstr(a.data, "\nId");
    const char *end = strstr(rows, "\n\n");
    assert_non_null(rows);
    assert_non_null(end);
    assert_non_null(strstr(b.data, "Sub-criteria"));
    assert_true(strncmp(rows, strstr(b.data, "\nId"), (size_t)(end - rows)) == 0);
    assert_true(line_of(&flat_r, "total")->score == line_of(&deep_r, "total")->score);
    ps_buf_free(&a);
    ps_buf_free(&b);
    ps_result_free(&flat_r);
    ps_result_free(&deep_r);
    ps_scores_free(&flat_scores);
    ps_scores_free(&deep_scores);
    ps_plan_free(&flat);
    ps_plan_free(&deep);
}

/* ---- the template ---- */

static void a_filled_template_loads_without_a_warning(void **state)
{
    (void)state;
    ps_plan plan;
    plan_ok(SUB_PLAN, &plan);
    ps_report_options options = {.lang = PS_LANG_VI};
    ps_buf out;
    ps_buf_init(&out);
    assert_int_equal(ps_report_template(&plan, PS_TEMPLATE_CSV, &options, &out), PS_OK);
    /* a Vietnamese spreadsheet's CSV: BOM, ';', CR LF, decimal commas; the rows with nothing under them */
    assert_string_equal(out.data,
                        "\xef\xbb\xbfid;name;max_points;owners;points;score;appraised;evidence;note\r\n"
                        "1.1;a;4;;;;;;\r\n1.2;b;4;;;;;;\r\n1.3;c;2;;;;;;\r\n2;Hai;10;;;;;;\r\n");
    /* filled in as a clerk would: points in each row */
    char filled[512];
    snprintf(filled, sizeof filled, "%s",
             "\xef\xbb\xbfid;name;max_points;owners;points;score;appraised;evidence;note\r\n"
             "1.1;a;4;;3;;;QĐ 1;\r\n1.2;b;4;;2,5;;;;\r\n1.3;c;2;;KAD;;;;\r\n2;Hai;10;;7;;;;\r\n");
    ps_scores scores;
    ps_error err;
    if (ps_scores_load_buffer(filled, strlen(filled), "mau.csv", &plan, &scores, &err) != PS_OK)
        fail_with(&err, "filled template");
    assert_int_equal(scores.warnings.count, 0);
    assert_int_equal(scores.count, 4);
    ps_scores_free(&scores);
    ps_buf_free(&out);
    ps_plan_free(&plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hierarchy_is_linked),
        cmocka_unit_test(a_given_max_must_be_the_sum),
        cmocka_unit_test(hierarchy_errors_are_located),
        cmocka_unit_test(roll_up_with_not_applicable),
        cmocka_unit_test(a_missing_leaf_makes_every_ancestor_partial),
        cmocka_unit_test(appraised_points_win_and_both_totals_are_kept),
        cmocka_unit_test(where_the_points_are_lost),
        cmocka_unit_test(scoring_errors),
        cmocka_unit_test(same_criteria_same_total),
        cmocka_unit_test(a_filled_template_loads_without_a_warning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
