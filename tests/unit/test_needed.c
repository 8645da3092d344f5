/* Property test: every figure that says what is "needed" is the least whole hundredth that turns the tool's
 * own verdict to met. On random scores and peers (a fixed seed): adding the figure turns it (the total's
 * target, its rank target, a criterion's rank target), adding 0.01 less does not. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "parscore/parscore.h"

#define CENT (PS_NUM_SCALE / 100)
#define CASES 300

static ps_plan plan;
static uint64_t seed = 20231125;

static unsigned next(unsigned below)
{
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((seed >> 33) % below);
}

/* A percent with 2 decimals, or now and then one with 6 (exact values off the hundredths). */
static void random_percent(char *buf, size_t size)
{
    if (next(4) == 0)
        snprintf(buf, size, "%u.%06u", next(100), next(1000000));
    else
        snprintf(buf, size, "%u.%02u", next(100), next(100));
}

/* The criteria's scores, as a scores file; score[k] is criterion k+1's, in millionths (for raising it). */
static void random_scores(char *csv, size_t size, char values[8][32])
{
    size_t len = (size_t)snprintf(csv, size, "id,score\n");
    for (int k = 0; k < 8; k++) {
        random_percent(values[k], sizeof values[k]);
        len += (size_t)snprintf(csv + len, size - len, "%d,%s\n", k + 1, values[k]);
    }
}

static void random_peers(char *csv, size_t size)
{
    static const char *const units[] = {"Thành phố Lai Châu", "Tam Đường", "Phong Thổ", "Sìn Hồ",
                                        "Mường Tè",           "Nậm Nhùn",  "Tân Uyên",  "Than Uyên"};
    size_t len = (size_t)snprintf(csv, size, "unit,total,1,2,3,4,5,6,7,8\n");
    for (int u = 0; u < 8; u++) {
        char total[32];
        random_percent(total, sizeof total);
        len += (size_t)snprintf(csv + len, size - len, "%s,%s", units[u], total);
        for (int k = 0; k < 8; k++) {
            char v[32];
            random_percent(v, sizeof v);
            len += (size_t)snprintf(csv + len, size - len, ",%s", v);
        }
        len += (size_t)snprintf(csv + len, size - len, "\n");
    }
}

typedef struct {
    ps_scores scores;
    ps_result result;
} scored;

static void score(scored *s, const char *csv, const ps_peers *peers, ps_num change)
{
    ps_error err;
    assert_int_equal(ps_scores_load_buffer(csv, strlen(csv), "q.csv", &plan, &s->scores, &err), PS_OK);
    assert_int_equal(ps_score(&plan, &s->scores, &s->result), PS_OK);
    assert_int_equal(ps_rank_apply(&s->result, &plan, peers, change), PS_OK);
}

static void scored_free(scored *s)
{
    ps_result_free(&s->result);
    ps_scores_free(&s->scores);
}

static const ps_line *line_of(const ps_result *r, const char *id)
{
    long at = ps_result_find(r, id);
    assert_true(at >= 0);
    return &r->lines[at];
}

/* The scores with criterion id raised by x percentage points. */
static void raised(char *csv, size_t size, char values[8][32], int criterion, ps_num x)
{
    size_t len = (size_t)snprintf(csv, size, "id,score\n");
    for (int k = 0; k < 8; k++) {
        if (k + 1 != criterion) {
            len += (size_t)snprintf(csv + len, size - len, "%d,%s\n", k + 1, values[k]);
            continue;
        }
        bool percent;
        ps_num v;
        assert_int_equal(ps_num_parse(values[k], strlen(values[k]), &v, &percent, NULL), PS_PARSE_OK);
        char num[40];
        ps_num_format(v + x, 6, '.', false, num, sizeof num);
        len += (size_t)snprintf(csv + len, size - len, "%d,%s\n", k + 1, num);
    }
}

/* What the tool says after raising the criterion: the total's target and rank, the criterion's rank. */
typedef struct {
    ps_met total, total_rank, criterion_rank;
} verdicts;

static verdicts after_raise(char values[8][32], int criterion, ps_num x, const ps_peers *peers, ps_num change)
{
    char csv[1024];
    char id[8];
    raised(csv, sizeof csv, values, criterion, x);
    scored s;
    score(&s, csv, peers, change);
    snprintf(id, sizeof id, "%d", criterion);
    verdicts v = {line_of(&s.result, "total")->met, line_of(&s.result, "total")->rank_met,
                  line_of(&s.result, id)->rank_met};
    scored_free(&s);
    return v;
}

static long figures;

static void least_is_least(const char *what, ps_met with, ps_met with_less, ps_num x)
{
    figures++;
    if (with != PS_MET_YES || (x > 0 && with_less != PS_MET_NO)) {
        char num[40];
        ps_num_format(x, 2, '.', false, num, sizeof num);
        print_error("%s: %s is %s, %s less is %s\n", what, num, with == PS_MET_YES ? "met" : "not met",
                    "0.01", with_less == PS_MET_NO ? "missed" : "met");
        fail();
    }
}

static void one_case(void)
{
    char values[8][32], scores_csv[1024], peers_csv[2048];
    random_scores(scores_csv, sizeof scores_csv, values);
    random_peers(peers_csv, sizeof peers_csv);
    ps_peers peers;
    ps_error err;
    assert_int_equal(ps_peers_load_buffer(peers_csv, strlen(peers_csv), "peers.csv", &plan, &peers, &err),
                     PS_OK);
    ps_num change = next(3) == 0 ? (ps_num)next(2001) * CENT - 10 * PS_NUM_SCALE : 0; /* -10 .. +10 */
    scored s;
    score(&s, scores_csv, &peers, change);
    const ps_line *total = line_of(&s.result, "total");
    /* the total's own figure: whole hundredths of the total, judged as the total is */
    if (s.result.has_to_target) {
        ps_num x = s.result.to_target;
        bool met = ps_target_met(&total->indicator->target, total->score + x);
        bool less = x > 0 && ps_target_met(&total->indicator->target, total->score + x - CENT);
        least_is_least("the total's target", met ? PS_MET_YES : PS_MET_NO, less ? PS_MET_YES : PS_MET_NO, x);
    }
    /* each criterion alone, for the total's target and for its rank target */
    for (size_t k = 0; k < s.result.lever_count; k++) {
        const ps_lever *lv = &s.result.levers[k];
        int c = lv->indicator->id[0] - '0';
        if (lv->has_for_target && lv->alone_for_target) {
            verdicts with = after_raise(values, c, lv->for_target, &peers, change);
            verdicts less = lv->for_target > 0 ? after_raise(values, c, lv->for_target - CENT, &peers, change)
                                               : (verdicts){PS_MET_NO, PS_MET_NO, PS_MET_NO};
            least_is_least("a criterion for the total's target", with.total, less.total, lv->for_target);
        }
        if (lv->has_for_rank && lv->alone_for_rank) {
            verdicts with = after_raise(values, c, lv->for_rank, &peers, change);
            verdicts less = lv->for_rank > 0 ? after_raise(values, c, lv->for_rank - CENT, &peers, change)
                                             : (verdicts){PS_MET_NO, PS_MET_NO, PS_MET_NO};
            least_is_least("a criterion for the total's rank", with.total_rank, less.total_rank,
                           lv->for_rank);
        }
    }
    /* a criterion's own rank target: raising its value by the points it still needs */
    for (int c = 1; c <= 8; c++) {
        char id[8];
        snprintf(id, sizeof id, "%d", c);
        const ps_line *l = line_of(&s.result, id);
        if (!l->has_points_to_target_rank || l->score + l->points_to_target_rank > 100 * PS_NUM_SCALE)
            continue;
        ps_num x = l->points_to_target_rank;
        verdicts with = after_raise(values, c, x, &peers, change);
        verdicts less = x > 0 ? after_raise(values, c, x - CENT, &peers, change)
                              : (verdicts){PS_MET_NO, PS_MET_NO, PS_MET_NO};
        least_is_least("a criterion's rank target", with.criterion_rank, less.criterion_rank, x);
    }
    scored_free(&s);
    ps_peers_free(&peers);
}

static void every_needed_figure_is_the_least(void **state)
{
    (void)state;
    for (int k = 0; k < CASES; k++)
        one_case();
    print_message("%ld figures checked in %d random cases\n", figures, CASES);
    assert_true(figures > 10 * CASES);
}

/* The pure function too: the total's points to a rank, over random others. */
static void points_to_rank_is_the_least(void **state)
{
    (void)state;
    for (int k = 0; k < 2000; k++) {
        ps_num others[7], subject = (ps_num)next(100000000);
        for (int j = 0; j < 7; j++)
            others[j] = (ps_num)next(100000000);
        int target = 1 + (int)next(8);
        size_t holder;
        ps_num x = ps_points_to_rank(subject, others, 7, target, &holder);
        assert_true(ps_rank_position(subject + x, others, 7) <= target);
        if (x > 0)
            assert_true(ps_rank_position(subject + x - CENT, others, 7) > target);
    }
}

static int setup(void **state)
{
    (void)state;
    ps_error err;
    return ps_plan_load_builtin(&plan, &err) == PS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ps_plan_free(&plan);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(every_needed_figure_is_the_least),
                                       cmocka_unit_test(points_to_rank_is_the_least)};
    return cmocka_run_group_tests(tests, setup, teardown) ? 1 : 0;
}
