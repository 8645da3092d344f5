/* Unit tests for scoring (ps_score: total, partial, met, gap, change, plan view) and the text report. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/parscore.h"

#define P(x) ((ps_num)(x)*PS_NUM_SCALE)

/* the 2022 criterion percents and the illustrative max points of the built-in plan */
static const ps_num BASELINE_2022[8] = {42220000, P(90),    53480000, 85870000,
                                        P(75),    48140000, 29680000, 67910000};
static const ps_num MAX_POINTS[8] = {P(10), P(8), P(14), 7500000, P(10), P(10), 14500000, P(26)};

static const char SCORES_2022[] =
    "id,score\n1,42.22\n2,90\n3,53.48\n4,85.87\n5,75\n6,48.14\n7,29.68\n8,67.91\n";

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

#define assert_num(got, want) check_num((got), (want), #got, __FILE__, __LINE__)

static void check_num(ps_num got, ps_num want, const char *what, const char *file, int line)
{
    if (got != want) {
        print_error("%s: got %lld, want %lld\n", what, (long long)got, (long long)want);
        _fail(file, line);
    }
}

/* Loads scores against a plan and scores them; the scores must outlive the result's period. */
static void score_csv(const ps_plan *plan, const char *csv, ps_scores *scores, ps_result *result)
{
    ps_error err;
    memset(&err, 0, sizeof err);
    if (ps_scores_load_buffer(csv, strlen(csv), "q3.csv", plan, scores, &err) != PS_OK) {
        char msg[512];
        ps_error_format(&err, PS_LANG_EN, msg, sizeof msg);
        print_error("scores refused: %s\n", msg);
        fail();
    }
    assert_int_equal(ps_score(plan, scores, result), PS_OK);
    assert_int_equal(result->count, plan->count);
}

static void done(ps_scores *scores, ps_result *result)
{
    ps_result_free(result);
    ps_scores_free(scores);
}

static const ps_line *line_of(const ps_result *r, const char *id)
{
    long i = ps_result_find(r, id);
    assert_true(i >= 0);
    return &r->lines[i];
}

static const char *fmt(ps_num value, char mark, bool plus)
{
    static char buf[64];
    ps_num_format(value, 2, mark, plus, buf, sizeof buf);
    return buf;
}

/* ---- the total ---- */

static void total_of_2022_baselines(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(&builtin, SCORES_2022, &s, &r);
    assert_true(r.has_scores);
    const ps_line *t = line_of(&r, "total");
    assert_true(t->has_score);
    assert_false(t->partial);
    /* Σ(max × percent) / 100 = 59.62365 exactly */
    assert_num(t->score, 59623650);
    assert_true(t->has_points);
    assert_num(t->points, 59623650);
    assert_string_equal(fmt(t->score, ',', false), "59,62");
    assert_string_equal(fmt(t->score, '.', false), "59.62");
    assert_num(ps_num_round2(t->score), 59620000);
    assert_int_equal(r.missing_count, 0);
    assert_int_equal(r.max_points_count, 8);
    /* the published 59.62 is the baseline: the change is the unrounded remainder, above zero: "+0,00" */
    assert_true(t->has_change);
    assert_num(t->change, 3650);
    assert_string_equal(fmt(t->change, ',', true), "+0,00");
    assert_true(t->has_gap);
    assert_num(t->gap, 59623650 - P(65));
    assert_string_equal(fmt(t->gap, ',', true), "-5,38");
    assert_int_equal(t->met, PS_MET_NO);
    /* each criterion: points = max × percent / 100 */
    for (int i = 0; i < 8; i++) {
        const ps_line *l = &r.lines[i];
        assert_true(l->has_score);
        assert_num(l->score, BASELINE_2022[i]);
        assert_true(l->has_points);
        assert_false(l->points_given);
        assert_num(l->points, MAX_POINTS[i] * BASELINE_2022[i] / (100 * PS_NUM_SCALE));
        assert_true(l->has_change);
        assert_num(l->change, 0);
        assert_int_equal(l->met, PS_MET_NO); /* no 2022 value meets its 2023 target */
    }
    assert_num(line_of(&r, "4")->points, 6440250); /* 7.5 × 85.87 % */
    /* 18 targets; sipas and the 8 office KPIs have no score */
    assert_int_equal(r.targets, 18);
    assert_int_equal(r.met, 0);
    assert_int_equal(r.unknown, 9);
    done(&s, &r);
}

static void total_is_partial_when_a_criterion_is_missing(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    /* the 2022 values without criterion 3 */
    score_csv(&builtin, "id,score\n1,42.22\n2,90\n4,85.87\n5,75\n6,48.14\n7,29.68\n8,67.91\n", &s, &r);
    const ps_line *t = line_of(&r, "total");
    assert_true(t->partial);
    assert_int_equal(r.missing_count, 1);
    assert_string_equal(r.missing[0]->id, "3");
    assert_int_equal(t->met, PS_MET_UNKNOWN);
    /* the missing criterion is left out, never counted as 0: Σ over the other 7 / their 86 max points */
    int64_t weighted = 0, max_sum = 0;
    for (int i = 0; i < 8; i++) {
        if (i == 2)
            continue;
        weighted += MAX_POINTS[i] * BASELINE_2022[i];
        max_sum += MAX_POINTS[i];
    }
    assert_true(max_sum == P(86));
    assert_true(t->has_score);
    assert_num(t->score, ps_num_div(weighted, max_sum));
    assert_num(t->score, 60623779);    /* 60.62377906.. */
    assert_true(t->score != 52136450); /* what counting criterion 3 as 0 would give */
    /* the points are those achieved so far */
    assert_num(t->points, 52136450);
    const ps_line *c3 = line_of(&r, "3");
    assert_false(c3->has_score);
    assert_false(c3->has_points);
    assert_false(c3->has_change);
    assert_false(c3->has_gap);
    assert_int_equal(c3->met, PS_MET_UNKNOWN);
    /* total and criterion 3 are unknown, as are sipas and the 8 KPIs */
    assert_int_equal(r.unknown, 11);
    assert_int_equal(r.met, 0);
    done(&s, &r);
}

static void partial_with_a_row_left_empty(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    /* criteria 3 and 7 are listed with no value, 8 is absent */
    score_csv(&builtin, "id,score\n1,60\n2,95\n3,\n4,90\n5,85\n6,55\n7,\n", &s, &r);
    const ps_line *t = line_of(&r, "total");
    assert_true(t->partial);
    assert_int_equal(t->met, PS_MET_UNKNOWN);
    assert_int_equal(r.missing_count, 3);
    assert_string_equal(r.missing[0]->id, "3");
    assert_string_equal(r.missing[1]->id, "7");
    assert_string_equal(r.missing[2]->id, "8");
    /* (10×60 + 8×95 + 7.5×90 + 10×85 + 10×55) / 45.5 = 3435 / 45.5 = 75.4945054945..: the truncation
     * 75.494505 is inexact and ends in 5, so it is kept as 75.494506 */
    assert_num(t->score, 75494506);
    done(&s, &r);
}

static void total_without_any_criterion(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(&builtin, "id,score\nsipas,81\n", &s, &r);
    const ps_line *t = line_of(&r, "total");
    assert_false(t->has_score);
    assert_false(t->has_points);
    assert_false(t->has_gap);
    assert_int_equal(t->met, PS_MET_UNKNOWN);
    assert_int_equal(r.missing_count, 8);
    assert_int_equal(line_of(&r, "sipas")->met, PS_MET_YES);
    assert_int_equal(r.met, 1);
    done(&s, &r);
}

static void sipas_is_outside_the_total(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    char csv[256];
    snprintf(csv, sizeof csv, "%ssipas,100\n", SCORES_2022);
    score_csv(&builtin, csv, &s, &r);
    assert_num(line_of(&r, "total")->score, 59623650);
    assert_false(line_of(&r, "total")->partial);
    const ps_line *sp = line_of(&r, "sipas");
    assert_true(sp->has_score);
    assert_false(sp->has_points); /* no max points */
    assert_int_equal(sp->met, PS_MET_YES);
    assert_num(sp->change, P(100) - 77690000);
    assert_int_equal(r.max_points_count, 8);
    /* KPIs stay outside too */
    ps_result_free(&r);
    ps_scores_free(&s);
    snprintf(csv, sizeof csv, "%skpi-training,0\nkpi-on-time,100\n", SCORES_2022);
    score_csv(&builtin, csv, &s, &r);
    assert_num(line_of(&r, "total")->score, 59623650);
    assert_int_equal(line_of(&r, "kpi-training")->met, PS_MET_NO);
    assert_int_equal(line_of(&r, "kpi-on-time")->met, PS_MET_YES);
    done(&s, &r);
}

/* ---- met, gap, change ---- */

static void met_is_strict_at_the_target(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(&builtin,
              "id,score\n1,50\n2,90\n3,60.01\n4,\"86,0000001\"\n6,50.0000000\nkpi-digitised-district,60\n"
              "kpi-digitised-commune,49.99\nkpi-training,100\nkpi-one-stop,99.99\nkpi-inspection,30\n",
              &s, &r);
    /* "Trên X%": exactly X is not met */
    assert_int_equal(line_of(&r, "1")->met, PS_MET_NO);
    assert_true(line_of(&r, "1")->has_gap);
    assert_num(line_of(&r, "1")->gap, 0);
    assert_int_equal(line_of(&r, "2")->met, PS_MET_NO);
    assert_int_equal(line_of(&r, "3")->met, PS_MET_YES);
    assert_int_equal(line_of(&r, "4")->met, PS_MET_YES); /* above 86 by less than a millionth */
    assert_int_equal(line_of(&r, "6")->met, PS_MET_NO);
    assert_int_equal(line_of(&r, "kpi-inspection")->met, PS_MET_NO);
    /* "tối thiểu X%" and a bare "100%": X is met */
    assert_int_equal(line_of(&r, "kpi-digitised-district")->met, PS_MET_YES);
    assert_int_equal(line_of(&r, "kpi-digitised-commune")->met, PS_MET_NO);
    assert_int_equal(line_of(&r, "kpi-training")->met, PS_MET_YES);
    assert_int_equal(line_of(&r, "kpi-one-stop")->met, PS_MET_NO);
    /* without a score: unknown, not missed */
    assert_int_equal(line_of(&r, "5")->met, PS_MET_UNKNOWN);
    assert_int_equal(line_of(&r, "kpi-on-time")->met, PS_MET_UNKNOWN);
    assert_int_equal(r.met, 4);
    done(&s, &r);
}

static void gap_and_change_signs(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(&builtin, "id,score\n1,45\n3,50\n6,51\n4,85.87\n", &s, &r);
    const ps_line *l = line_of(&r, "1"); /* baseline 42.22, target > 50 */
    assert_num(l->change, 2780000);
    assert_num(l->gap, -P(5));
    assert_string_equal(fmt(l->change, ',', true), "+2,78");
    assert_string_equal(fmt(l->gap, ',', true), "-5,00");
    assert_int_equal(l->met, PS_MET_NO);
    l = line_of(&r, "3"); /* baseline 53.48, target > 60 */
    assert_num(l->change, -3480000);
    assert_num(l->gap, -P(10));
    assert_string_equal(fmt(l->change, ',', true), "-3,48");
    l = line_of(&r, "6"); /* baseline 48.14, target > 50 */
    assert_num(l->change, 2860000);
    assert_num(l->gap, P(1));
    assert_string_equal(fmt(l->gap, ',', true), "+1,00");
    assert_int_equal(l->met, PS_MET_YES);
    l = line_of(&r, "4");
    assert_true(l->has_change);
    assert_num(l->change, 0);
    assert_num(l->gap, -130000);
    /* KPIs have no baseline: a gap but no change */
    done(&s, &r);
    score_csv(&builtin, "id,score\nkpi-e-documents,85\n", &s, &r);
    l = line_of(&r, "kpi-e-documents");
    assert_false(l->has_change);
    assert_true(l->has_gap);
    assert_num(l->gap, P(5));
    done(&s, &r);
}

/* ---- points ---- */

static void points_give_exact_totals(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    /* 10 of 14.5 is 68.9655172..%: through that percent the total would come out a hair under 60.005 */
    score_csv(&builtin, "id,points\n1,5\n2,4\n3,7\n4,3.75\n5,5\n6,5\n7,10\n8,20.255\n", &s, &r);
    const ps_line *t = line_of(&r, "total");
    assert_false(t->partial);
    assert_num(t->points, 60005000);
    assert_num(t->score, 60005000);
    assert_string_equal(fmt(t->score, ',', false), "60,01");
    const ps_line *c7 = line_of(&r, "7");
    assert_true(c7->points_given);
    assert_num(c7->points, P(10));
    assert_num(c7->score, 68965517);
    assert_num(line_of(&r, "2")->score, P(50));
    done(&s, &r);
    /* the 2022 values given as points */
    score_csv(&builtin,
              "id;points\n1;4,222\n2;7,2\n3;7,4872\n4;6,44025\n5;7,5\n6;4,814\n7;4,3036\n8;17,6566\n", &s,
              &r);
    assert_num(line_of(&r, "total")->score, 59623650);
    assert_num(line_of(&r, "7")->score, 29680000);
    done(&s, &r);
    /* points and percents mixed */
    score_csv(
        &builtin,
        "id,score,points\n1,42.22,\n2,,7.2\n3,53.48,\n4,,6.44025\n5,75,\n6,48.14,\n7,,4.3036\n8,67.91,\n", &s,
        &r);
    assert_num(line_of(&r, "total")->score, 59623650);
    done(&s, &r);
}

/* ---- the plan view ---- */

static void plan_view(void **state)
{
    (void)state;
    ps_result r;
    assert_int_equal(ps_score(&builtin, NULL, &r), PS_OK);
    assert_false(r.has_scores);
    assert_null(r.period);
    assert_int_equal(r.count, builtin.count);
    const ps_line *l = line_of(&r, "1");
    assert_false(l->has_score);
    assert_false(l->has_gap);
    assert_true(l->has_need);
    assert_num(l->need, 7790000); /* 42.22 + 7.78 is 50, not above "Trên 50%": 7.79 */
    assert_int_equal(l->met, PS_MET_NO);
    l = line_of(&r, "2"); /* 90 against "Trên 90%": 90 is not above it, 90.01 is */
    assert_true(l->has_need);
    assert_num(l->need, 10000);
    assert_int_equal(l->met, PS_MET_NO);
    assert_num(line_of(&r, "4")->need, 140000);
    assert_num(line_of(&r, "7")->need, 20330000);
    assert_num(line_of(&r, "sipas")->need, 2320000);
    assert_num(line_of(&r, "total")->need, 5390000); /* 65 − 59.62, and 0.01 to be above it */
    l = line_of(&r, "kpi-training");
    assert_false(l->has_need);
    assert_int_equal(l->met, PS_MET_UNKNOWN);
    assert_int_equal(r.targets, 18);
    assert_int_equal(r.met, 0);
    assert_int_equal(r.unknown, 8);
    ps_result_free(&r);
}

static void plan_view_met_baselines(void **state)
{
    (void)state;
    static const char csv[] = "id,kind,name,max_points,baseline,baseline_rank,target,target_rank,owners\n"
                              "a,criterion,A,50,60,,tối thiểu 60%,,\n"
                              "b,criterion,B,50,70,,Trên 50%,,\n"
                              "c,sipas,C,,40,,,,\n"
                              "t,total,T,,65,,Trên 65%,,\n";
    ps_plan plan;
    ps_error err;
    assert_int_equal(ps_plan_load_buffer(csv, strlen(csv), "p.csv", &plan, &err), PS_OK);
    ps_result r;
    assert_int_equal(ps_score(&plan, NULL, &r), PS_OK);
    assert_int_equal(line_of(&r, "a")->met, PS_MET_YES);
    assert_num(line_of(&r, "a")->need, 0);
    assert_int_equal(line_of(&r, "b")->met, PS_MET_YES);
    assert_num(line_of(&r, "b")->need, 0);
    assert_int_equal(line_of(&r, "c")->met, PS_MET_NO_TARGET);
    assert_false(line_of(&r, "c")->has_need);
    assert_int_equal(line_of(&r, "t")->met, PS_MET_NO); /* 65 is not above 65 */
    assert_num(line_of(&r, "t")->need, 10000);
    assert_int_equal(r.targets, 3);
    assert_int_equal(r.met, 2);
    assert_int_equal(r.unknown, 0);
    ps_result_free(&r);
    /* and scored: 65 + 55 over two halves is 60, below 65 */
    ps_scores s;
    score_csv(&plan, "id,score\na,65\nb,55\n", &s, &r);
    assert_num(line_of(&r, "t")->score, P(60));
    assert_int_equal(line_of(&r, "t")->met, PS_MET_NO);
    assert_int_equal(r.met, 2);
    done(&s, &r);
    ps_plan_free(&plan);
}

/* ---- the text report ---- */

/* The report as a NUL-terminated string; free it. */
static char *report(const ps_plan *plan, const ps_result *r, ps_lang lang)
{
    ps_report_options opt;
    memset(&opt, 0, sizeof opt);
    opt.lang = lang;
    opt.scores_source = "q3.csv";
    ps_buf out;
    ps_buf_init(&out);
    assert_int_equal(ps_report_text(plan, r, &opt, &out), PS_OK);
    assert_false(out.failed);
    assert_non_null(out.data);
    assert_int_equal(strlen(out.data), out.len);
    return out.data;
}

/* A copy of the first line of text that starts with prefix; NULL when none does. */
static char *find_line(const char *text, const char *prefix)
{
    size_t plen = strlen(prefix);
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len >= plen && memcmp(p, prefix, plen) == 0) {
            char *line = malloc(len + 1);
            assert_non_null(line);
            memcpy(line, p, len);
            line[len] = '\0';
            return line;
        }
        p += len + (nl ? 1 : 0);
    }
    return NULL;
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

static void report_total_line(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(&builtin, "id,points\n1,5\n2,4\n3,7\n4,3.75\n5,5\n6,5\n7,10\n8,20.255\n", &s, &r);
    char *vi = report(&builtin, &r, PS_LANG_VI);
    char *t = find_line(vi, "total ");
    assert_non_null(t);
    /* 2022, 2023, change, target, gap (−4.995 rounds away from zero), result */
    assert_non_null(strstr(t, "59,62  60,01"));
    assert_non_null(strstr(t, "+0,39"));
    assert_non_null(strstr(t, "> 65,00"));
    assert_non_null(strstr(t, "-5,00"));
    assert_true(ends_with(t, "Chưa đạt"));
    assert_null(strstr(t, "60.01"));
    free(t);
    assert_non_null(strstr(vi, "Sìn Hồ: chỉ số năm 2023"));
    assert_non_null(strstr(vi, "Điểm: q3.csv"));
    free(vi);
    char *en = report(&builtin, &r, PS_LANG_EN);
    t = find_line(en, "total ");
    assert_non_null(t);
    assert_non_null(strstr(t, "Total (PAR INDEX)"));
    assert_non_null(strstr(t, "59.62  60.01"));
    assert_non_null(strstr(t, "+0.39"));
    assert_non_null(strstr(t, "> 65.00"));
    assert_true(ends_with(t, "missed"));
    assert_null(strstr(t, "60,01"));
    free(t);
    free(en);
    done(&s, &r);
}

static void report_heading_names_the_period(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(&builtin, "# period: 2023-Q3\nid,score\n1,50\n", &s, &r);
    assert_non_null(r.period);
    assert_string_equal(r.period, "2023-Q3");
    char *vi = report(&builtin, &r, PS_LANG_VI);
    assert_true(strncmp(vi, "Sìn Hồ: chỉ số năm 2023, kỳ 2023-Q3\n",
                        strlen("Sìn Hồ: chỉ số năm 2023, kỳ 2023-Q3\n")) == 0);
    free(vi);
    char *en = report(&builtin, &r, PS_LANG_EN);
    assert_true(strncmp(en, "Sìn Hồ: 2023 scores, period 2023-Q3\n",
                        strlen("Sìn Hồ: 2023 scores, period 2023-Q3\n")) == 0);
    free(en);
    done(&s, &r);
}

static void report_2022_total(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(&builtin, SCORES_2022, &s, &r);
    char *vi = report(&builtin, &r, PS_LANG_VI);
    char *t = find_line(vi, "total ");
    assert_non_null(t);
    assert_non_null(strstr(t, "59,62  59,62"));
    assert_non_null(strstr(t, "+0,00")); /* 59.62365 is above the published 59.62 */
    assert_non_null(strstr(t, "-5,38"));
    assert_null(strstr(t, "-0,00"));
    free(t);
    /* criteria scored exactly at their baseline: a change of 0, shown without a sign */
    t = find_line(vi, "3 ");
    assert_non_null(t);
    assert_non_null(strstr(t, "53,48  53,48"));
    assert_non_null(strstr(t, " 0,00 "));
    assert_null(strstr(t, "+0,00"));
    assert_null(strstr(t, "-0,00"));
    free(t);
    free(vi);
    done(&s, &r);
}

static void report_partial_total(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(&builtin, "id,score\n1,60\n2,95\n3,\n4,90\n5,85\n6,55\n7,\n", &s, &r);
    char *vi = report(&builtin, &r, PS_LANG_VI);
    assert_non_null(strstr(vi, "Tạm tính: thiếu điểm lĩnh vực 3, 7, 8"));
    char *t = find_line(vi, "total ");
    assert_non_null(t);
    assert_non_null(strstr(t, "75,49"));
    assert_false(ends_with(t, "Chưa đạt")); /* neither met nor missed */
    assert_false(ends_with(t, "Đạt"));
    free(t);
    free(vi);
    char *en = report(&builtin, &r, PS_LANG_EN);
    t = find_line(en, "       Partial");
    assert_non_null(t);
    assert_true(ends_with(t, " 3, 7, 8"));
    free(t);
    free(en);
    done(&s, &r);
    score_csv(&builtin, "id,score\nsipas,81\n", &s, &r);
    vi = report(&builtin, &r, PS_LANG_VI);
    assert_non_null(strstr(vi, "Chưa tính được: không có điểm lĩnh vực nào"));
    free(vi);
    done(&s, &r);
}

static void report_plan_view(void **state)
{
    (void)state;
    ps_result r;
    assert_int_equal(ps_score(&builtin, NULL, &r), PS_OK);
    char *vi = report(&builtin, &r, PS_LANG_VI);
    assert_non_null(
        strstr(vi, "Kết quả năm 2022 đã đạt 0/18 mục tiêu năm 2023; 8 mục tiêu chưa có số liệu năm 2022."));
    char *t = find_line(vi, "total ");
    assert_non_null(t);
    assert_non_null(strstr(t, "59,62"));
    assert_non_null(strstr(t, "5,39"));
    free(t);
    free(vi);
    char *en = report(&builtin, &r, PS_LANG_EN);
    t = find_line(en, "The 2022 results meet 0/18 of the 2023 targets; 8 ");
    assert_non_null(t);
    free(t);
    t = find_line(en, "total ");
    assert_non_null(strstr(t, "5.39"));
    free(t);
    free(en);
    ps_result_free(&r);
}

/* Display column (0-based) where needle first occurs in line. */
static size_t display_column(const char *line, const char *needle)
{
    const char *at = strstr(line, needle);
    if (!at) {
        print_error("'%s' not in line '%s'\n", needle, line);
        fail();
    }
    return ps_text_width(line, (size_t)(at - line));
}

static void report_columns_aligned_by_display_width(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(&builtin, "id,score\n1,61.5\n2,95\n3,70\n4,90\n5,85\n6,55\n7,66.25\n8,75\nsipas,81\n", &s, &r);
    static const char *const ids[] = {"1", "2", "3", "4", "5", "6", "7", "8", "sipas", "total"};
    for (int lang = 0; lang < 2; lang++) {
        char *text = report(&builtin, &r, (ps_lang)lang);
        char mark = lang == PS_LANG_EN ? '.' : ',';
        char *head = find_line(text, lang == PS_LANG_EN ? "Id " : "Mã ");
        assert_non_null(head);
        /* the 2022 column is right-aligned: its values end where its heading ends */
        size_t end = display_column(head, "2022") + 4;
        size_t first_col = 0, first_byte = 0;
        bool bytes_differ = false;
        for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
            char prefix[16];
            snprintf(prefix, sizeof prefix, "%s ", ids[k]);
            char *row = find_line(text, prefix);
            assert_non_null(row);
            const ps_indicator *ind = ps_plan_find(&builtin, ids[k]);
            char value[32];
            ps_num_format(ind->baseline, 2, mark, false, value, sizeof value);
            size_t col = display_column(row, value);
            size_t byte = (size_t)(strstr(row, value) - row);
            if (k == 0) {
                first_col = col;
                first_byte = byte;
            }
            if (col != first_col || col + strlen(value) != end) {
                print_error(
                    "row %s: '%s' at display column %zu (ends %zu), row 1 at %zu, heading ends %zu\n%s\n",
                    ids[k], value, col, col + strlen(value), first_col, end, row);
                fail();
            }
            bytes_differ = bytes_differ || byte != first_byte;
            free(row);
        }
        /* Vietnamese names take more bytes than columns: the test would catch byte-based padding */
        if (lang == PS_LANG_VI)
            assert_true(bytes_differ);
        free(head);
        free(text);
    }
    done(&s, &r);
}

static void text_width(void **state)
{
    (void)state;
    assert_int_equal(ps_text_width("", 0), 0);
    assert_int_equal(ps_text_width("total", 5), 5);
    assert_int_equal(ps_text_width("Sìn Hồ", strlen("Sìn Hồ")), 6);
    assert_int_equal(ps_text_width("Tre\xcc\x82n", 6), 4); /* NFD: the combining mark takes no column */
    assert_int_equal(ps_text_width("Chưa đạt", strlen("Chưa đạt")), 8);
    assert_int_equal(ps_text_width("\xe2\x80\x94", 3), 1); /* — */
    assert_int_equal(ps_text_width("\xe2\x89\xa5 60", 6), 4);
    assert_int_equal(ps_text_width("\xe4\xb8\xad", 3), 2); /* a wide CJK character */
    assert_int_equal(ps_text_width("a\xff"
                                   "b",
                                   3),
                     3);                             /* an invalid byte shows as one character */
    assert_int_equal(ps_text_width("Sìn Hồ", 4), 3); /* the length is respected */
}

/* Adds one quarter read from text named name; the status of ps_trend_add (loading must succeed). */
static ps_status add_quarter(ps_trend *trend, const char *name, const char *text, ps_error *err)
{
    ps_scores scores;
    assert_int_equal(ps_scores_load_buffer(text, strlen(text), name, &builtin, &scores, err), PS_OK);
    return ps_trend_add(trend, &scores, NULL, 0, err);
}

/* A quarter of another year, or one given twice (the same quarter under another name, the same name),
 * is refused at its "# period:" line; a year in a folder's name names no period. */
static void trend_refuses_other_years_and_repeats(void **state)
{
    (void)state;
    ps_trend trend;
    ps_error err;
    memset(&err, 0, sizeof err);
    ps_trend_init(&trend, &builtin);
    assert_int_equal(add_quarter(&trend, "a.csv", "# period: 2023-Q1\nid,score\n1,40\n", &err), PS_OK);
    assert_int_equal(add_quarter(&trend, "b.csv", "# x\n# period: Quý 4/2022\nid,score\n1,40\n", &err),
                     PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_PERIOD_OTHER_YEAR);
    assert_string_equal(err.file, "b.csv"); /* kept alive by the trend */
    assert_int_equal(err.line, 2);
    assert_string_equal(err.arg[1], "2022");
    assert_string_equal(err.arg[2], "2023");
    assert_int_equal(add_quarter(&trend, "scores-2022-q4.csv", "id,score\n1,40\n", &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_PERIOD_OTHER_YEAR);
    assert_int_equal(err.line, 0); /* from the file's name */
    assert_int_equal(add_quarter(&trend, "c.csv", "# period: quý I\nid,score\n1,41\n", &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_PERIOD_REPEATED);
    assert_string_equal(err.arg[1], "2023-Q1");
    assert_string_equal(err.arg[2], "a.csv");
    assert_int_equal(add_quarter(&trend, "2022/tháng 9.csv", "id,score\n1,42\n", &err), PS_OK);
    assert_int_equal(add_quarter(&trend, "d.csv", "# period: tháng 10\nid,score\n1,43\n", &err), PS_OK);
    assert_int_equal(add_quarter(&trend, "e.csv", "# period: THÁNG 10\nid,score\n1,43\n", &err),
                     PS_ERR_INPUT); /* no quarter: the same name, case aside */
    assert_int_equal(err.code, PS_MSG_PERIOD_REPEATED);
    assert_string_equal(err.arg[2], "d.csv");
    assert_int_equal(add_quarter(&trend, "f.csv", "# period: 2023-Q2\nid,score\n1,44\n", &err), PS_OK);
    assert_int_equal(trend.count, 4);
    ps_trend_free(&trend);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(total_of_2022_baselines),
        cmocka_unit_test(total_is_partial_when_a_criterion_is_missing),
        cmocka_unit_test(partial_with_a_row_left_empty),
        cmocka_unit_test(total_without_any_criterion),
        cmocka_unit_test(sipas_is_outside_the_total),
        cmocka_unit_test(met_is_strict_at_the_target),
        cmocka_unit_test(gap_and_change_signs),
        cmocka_unit_test(points_give_exact_totals),
        cmocka_unit_test(plan_view),
        cmocka_unit_test(plan_view_met_baselines),
        cmocka_unit_test(report_total_line),
        cmocka_unit_test(report_heading_names_the_period),
        cmocka_unit_test(report_2022_total),
        cmocka_unit_test(report_partial_total),
        cmocka_unit_test(report_plan_view),
        cmocka_unit_test(report_columns_aligned_by_display_width),
        cmocka_unit_test(text_width),
        cmocka_unit_test(trend_refuses_other_years_and_repeats),
    };
    return cmocka_run_group_tests(tests, load_builtin, free_builtin) ? 1 : 0;
}
