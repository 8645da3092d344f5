/* Unit tests for ranking: projected ranks among peers, points to a target rank, --peer-change, what the total
 * needs (levers), the plan's coherence, ranking units (parscore rank) and rank targets in a check. Every
 * expected figure is worked out by hand in the comment beside it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parscore/parscore.h"

#define P(x) ((ps_num)(x)*PS_NUM_SCALE)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define assert_num(got, want) check_num((got), (want), #got, __FILE__, __LINE__)

static void check_num(ps_num got, ps_num want, const char *what, const char *file, int line)
{
    if (got != want) {
        print_error("%s: got %lld, want %lld\n", what, (long long)got, (long long)want);
        _fail(file, line);
    }
}

static ps_plan builtin;
static char tmpdir[64];

static int setup(void **state)
{
    (void)state;
    ps_error err;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/parscore-test-rank.XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    return ps_plan_load_builtin(&builtin, &err) == PS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ps_plan_free(&builtin);
    rmdir(tmpdir); /* the tests remove their own files */
    return 0;
}

static size_t item(const char *id)
{
    const ps_indicator *ind = ps_plan_find(&builtin, id);
    assert_non_null(ind);
    return (size_t)(ind - builtin.items);
}

static const ps_line *line_of(const ps_result *r, const char *id)
{
    long i = ps_result_find(r, id);
    assert_true(i >= 0);
    return &r->lines[i];
}

static const char *fmt(ps_num value)
{
    static char buf[64];
    ps_num_format(value, 2, '.', false, buf, sizeof buf);
    return buf;
}

static void fail_with(const ps_error *err, const char *what)
{
    char msg[512];
    ps_error_format(err, PS_LANG_EN, msg, sizeof msg);
    print_error("%s refused: %s\n", what, msg);
    fail();
}

/* The example quarter (examples/scores-2023-q3.csv): total 6494.25 / 100 = 64.9425, shown 64.94. */
static const char EXAMPLE_SCORES[] = "id,score,points\n1,48.5,\n2,,7.4\n3,61.2,\n4,86,\n5,82.25,\n6,50.01,\n"
                                     "7,41.3,\n8,71,\nsipas,80.4,\nkpi-inspection,35,\nkpi-training,100,\n"
                                     "kpi-e-documents,78.5,\n";

/* examples/peers-2022.csv without its comments */
static const char EXAMPLE_PEERS[] = "unit,total,1,2,3,4,5,6,7,8,sipas\n"
                                    "Thành phố Lai Châu,80.02,78.4,96.25,81.1,92.5,88,62.3,71.2,80.15,86.1\n"
                                    "Tam Đường,73.67,70.15,93.75,72.4,90,84,55.6,58.4,76.3,83.4\n"
                                    "Than Uyên,71.12,66.8,92.5,69.85,89.33,82,51.2,55.1,74.05,82.75\n"
                                    "Tân Uyên,67.53,61.25,91.25,64.3,88,80,47.6,47.35,72.6,81.2\n"
                                    "Phong Thổ,64.41,55.4,88.75,60.15,87.2,78.5,46.3,41.9,70.2,79.95\n"
                                    "Mường Tè,61.7,50.1,87.5,57.8,84,76,44.1,36.25,69.35,79.1\n"
                                    "Nậm Nhùn,60.44,47.35,91,55.2,86.4,73,42.8,33.4,68.45,78.3\n"
                                    "Sìn Hồ,59.62,42.22,90,53.48,85.87,75,48.14,29.68,67.91,77.69\n";

static void score_csv(const char *csv, ps_scores *scores, ps_result *result)
{
    ps_error err;
    memset(&err, 0, sizeof err);
    if (ps_scores_load_buffer(csv, strlen(csv), "q3.csv", &builtin, scores, &err) != PS_OK)
        fail_with(&err, "scores");
    assert_int_equal(ps_score(&builtin, scores, result), PS_OK);
}

static void example_peers(ps_peers *peers)
{
    ps_error err;
    memset(&err, 0, sizeof err);
    if (ps_peers_load_buffer(EXAMPLE_PEERS, strlen(EXAMPLE_PEERS), "peers.csv", &builtin, peers, &err) !=
        PS_OK)
        fail_with(&err, "peers");
    assert_int_equal(peers->count, 8);
    assert_int_equal(peers->subject, 7);
}

/* ---- ps_rank_position ---- */

static void rank_position_counts_units_strictly_above(void **state)
{
    (void)state;
    /* the example peers' totals: 4 of them above 64.94 */
    const ps_num others[] = {80020000, 73670000, 71120000, 67530000, 64410000, 61700000, 60440000};
    assert_int_equal(ps_rank_position(64942500, others, COUNT(others)), 5);
    assert_int_equal(ps_rank_position(P(81), others, COUNT(others)), 1);
    assert_int_equal(ps_rank_position(P(50), others, COUNT(others)), 8);
    assert_int_equal(ps_rank_position(P(50), others, 0), 1);
    /* the values 70, 65, 65, 60 rank 1, 2, 2, 4: each one against the other three */
    const ps_num a[] = {P(65), P(65), P(60)}, b[] = {P(70), P(65), P(60)}, d[] = {P(70), P(65), P(65)};
    assert_int_equal(ps_rank_position(P(70), a, 3), 1);
    assert_int_equal(ps_rank_position(P(65), b, 3), 2);
    assert_int_equal(ps_rank_position(P(60), d, 3), 4);
}

static void rank_position_compares_at_two_decimals(void **state)
{
    (void)state;
    /* 59.995 is shown as 60.00 (half away from zero): it ties with 60.00 both ways */
    const ps_num sixty[] = {P(60)}, almost[] = {59995000};
    assert_int_equal(ps_rank_position(59995000, sixty, 1), 1);
    assert_int_equal(ps_rank_position(P(60), almost, 1), 1);
    /* 59.9949999 is shown as 59.99: below */
    assert_int_equal(ps_rank_position(59994999, sixty, 1), 2);
    /* 60.004 is shown as 60.00: a tie, not above */
    const ps_num hair[] = {60004000};
    assert_int_equal(ps_rank_position(P(60), hair, 1), 1);
    /* 60.005 is shown as 60.01: above */
    const ps_num above[] = {60005000};
    assert_int_equal(ps_rank_position(P(60), above, 1), 2);
    assert_int_equal(ps_rank_position(60004999, above, 1), 2);
}

/* ---- ps_points_to_rank ---- */

static const ps_num PEER_TOTALS[] = {80020000, 73670000, 71120000, 67530000, 64410000, 61700000, 60440000};

static void points_to_rank_held(void **state)
{
    (void)state;
    size_t holder = 99;
    /* 64.94 is 5th: target rank 7 and 5 are held */
    assert_num(ps_points_to_rank(64942500, PEER_TOTALS, COUNT(PEER_TOTALS), 7, &holder), 0);
    assert_int_equal(holder, 0);
    assert_num(ps_points_to_rank(64942500, PEER_TOTALS, COUNT(PEER_TOTALS), 5, &holder), 0);
    /* no target rank */
    assert_num(ps_points_to_rank(64942500, PEER_TOTALS, COUNT(PEER_TOTALS), 0, &holder), 0);
    /* no other unit */
    assert_num(ps_points_to_rank(P(10), PEER_TOTALS, 0, 1, &holder), 0);
}

static void points_to_rank_one_place_up(void **state)
{
    (void)state;
    size_t holder = 99;
    /* rank 4 is held by the 4th best other, Tân Uyên at 67.53 (index 3): equal to it, 67.53 - 64.94 = 2.59 */
    assert_num(ps_points_to_rank(64942500, PEER_TOTALS, COUNT(PEER_TOTALS), 4, &holder), 2590000);
    assert_int_equal(holder, 3);
    /* rank 1: 80.02 - 64.94 = 15.08 */
    assert_num(ps_points_to_rank(64942500, PEER_TOTALS, COUNT(PEER_TOTALS), 1, &holder), 15080000);
    assert_int_equal(holder, 0);
    /* the subject counts as shown: 64.945 is 64.95, so 67.53 - 64.95 = 2.58 */
    assert_num(ps_points_to_rank(64945000, PEER_TOTALS, COUNT(PEER_TOTALS), 4, &holder), 2580000);
    /* the others too, in any order: 67.534 is 67.53 and 67.535 is 67.54 */
    const ps_num shuffled[] = {60440000, 67534000, 80020000, 64410000};
    assert_num(ps_points_to_rank(P(60), shuffled, 4, 2, &holder), 7530000); /* 67.53 - 60 */
    assert_int_equal(holder, 1);
    const ps_num up[] = {60440000, 67535000, 80020000, 64410000};
    assert_num(ps_points_to_rank(P(60), up, 4, 2, &holder), 7540000); /* 67.54 - 60 */
}

static void points_to_rank_tie_with_the_holder(void **state)
{
    (void)state;
    size_t holder = 99;
    /* a tie with the unit at the target rank shares that rank: held */
    const ps_num others[] = {P(70), P(66), P(65)};
    assert_int_equal(ps_rank_position(P(66), others, 3), 2);
    assert_num(ps_points_to_rank(P(66), others, 3, 2, &holder), 0);
    /* one rank better is equal to 70, which shares the first place */
    assert_num(ps_points_to_rank(P(66), others, 3, 1, &holder), 4000000);
    assert_int_equal(holder, 0);
    /* two others tied at the target rank: equal to them; the holder is one of them */
    const ps_num tied[] = {P(70), P(65), P(65), P(60)};
    assert_int_equal(ps_rank_position(P(62), tied, 4), 4);
    assert_num(ps_points_to_rank(P(62), tied, 4, 2, &holder), 3000000);
    assert_true(holder == 1 || holder == 2);
    /* rank 3 is also behind the 65s: the 3rd best other is 65 */
    assert_num(ps_points_to_rank(P(62), tied, 4, 3, &holder), 3000000);
    /* 65.00 ties them both: rank 2, and 64.99 is 4th */
    assert_int_equal(ps_rank_position(P(65), tied, 4), 2);
    assert_int_equal(ps_rank_position(64990000, tied, 4), 4);
}

static void points_to_rank_beyond_the_units(void **state)
{
    (void)state;
    size_t holder = 99;
    const ps_num others[] = {P(70), P(66), P(65)};
    /* the last of 4 units is rank 4: any target rank from 4 on is held */
    assert_int_equal(ps_rank_position(P(1), others, 3), 4);
    assert_num(ps_points_to_rank(P(1), others, 3, 4, &holder), 0);
    assert_num(ps_points_to_rank(P(1), others, 3, 10, &holder), 0);
    assert_int_equal(holder, 0);
    /* rank 3 among them: 65 - 1 */
    assert_num(ps_points_to_rank(P(1), others, 3, 3, &holder), 64000000);
    assert_int_equal(holder, 2);
}

/* ---- ps_rank_apply ---- */

typedef struct {
    const char *unit;
    ps_num total;
    ps_num c4; /* criterion 4, or -1 for none */
    ps_num c8; /* criterion 8, or -1 for none */
} peer_row;

/* A ps_peers built by hand (allocated so that ps_peers_free releases it). */
static void make_peers(ps_peers *peers, const peer_row *rows, size_t count, size_t subject)
{
    memset(peers, 0, sizeof *peers);
    peers->items = calloc(count, sizeof *peers->items);
    assert_non_null(peers->items);
    peers->count = count;
    peers->subject = subject;
    peers->source = strdup("hand-made");
    for (size_t k = 0; k < count; k++) {
        ps_peer *p = &peers->items[k];
        p->unit = strdup(rows[k].unit);
        p->total = rows[k].total;
        p->has_value = calloc(builtin.count, sizeof *p->has_value);
        p->value = calloc(builtin.count, sizeof *p->value);
        assert_non_null(p->unit);
        assert_non_null(p->has_value);
        assert_non_null(p->value);
        p->line = (long)k + 2;
        if (rows[k].c4 >= 0) {
            p->has_value[item("4")] = true;
            p->value[item("4")] = rows[k].c4;
        }
        if (rows[k].c8 >= 0) {
            p->has_value[item("8")] = true;
            p->value[item("8")] = rows[k].c8;
        }
    }
}

static void rank_apply_example_peers(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    ps_peers peers;
    score_csv(EXAMPLE_SCORES, &s, &r);
    example_peers(&peers);
    assert_int_equal(ps_rank_apply(&r, &builtin, &peers, 0), PS_OK);
    assert_true(r.ranked);
    assert_string_equal(r.peers_source, "peers.csv");
    const ps_line *t = line_of(&r, "total");
    assert_num(t->score, 64942500);
    /* 80.02, 73.67, 71.12, 67.53 above 64.94: 5th of 8, target ≤ 7 held */
    assert_true(t->has_rank);
    assert_int_equal(t->rank, 5);
    assert_int_equal(t->rank_of, 8);
    assert_true(t->has_points_to_target_rank);
    assert_num(t->points_to_target_rank, 0);
    assert_null(t->rank_holder);
    assert_int_equal(t->rank_met, PS_MET_YES);
    /* criterion 4 at 86: 92.5, 90, 89.33, 88, 87.2, 86.4 above: 7th; target ≤ 6 needs to equal the 6th
     * best other, Nậm Nhùn at 86.4, which shares 6th: 86.4 - 86 = 0.40 */
    const ps_line *c4 = line_of(&r, "4");
    assert_int_equal(c4->rank, 7);
    assert_int_equal(c4->rank_met, PS_MET_NO);
    assert_num(c4->points_to_target_rank, 400000);
    assert_non_null(c4->rank_holder);
    assert_string_equal(c4->rank_holder, "Nậm Nhùn");
    assert_num(c4->rank_holder_value, 86400000);
    /* criterion 2 at 92.5 (7.4 of 8 points): 96.25 and 93.75 above, Than Uyên's 92.5 ties: 3rd */
    assert_int_equal(line_of(&r, "2")->rank, 3);
    assert_int_equal(line_of(&r, "2")->rank_met, PS_MET_YES);
    /* criterion 6 at 50.01: 62.3, 55.6, 51.2 above: 4th, target ≤ 4 held */
    assert_int_equal(line_of(&r, "6")->rank, 4);
    assert_int_equal(line_of(&r, "6")->rank_met, PS_MET_YES);
    /* sipas 80.4: 86.1, 83.4, 82.75, 81.2 above: 5th */
    assert_int_equal(line_of(&r, "sipas")->rank, 5);
    assert_int_equal(line_of(&r, "sipas")->rank_of, 8);
    /* KPIs are never ranked */
    assert_false(line_of(&r, "kpi-inspection")->has_rank);
    assert_int_equal(line_of(&r, "kpi-inspection")->rank_met, PS_MET_NO_TARGET);
    /* 18 value targets (8 met, 5 unknown) and 10 rank targets (9 met) */
    assert_int_equal(r.targets, 28);
    assert_int_equal(r.met, 17);
    assert_int_equal(r.unknown, 5);
    ps_peers_free(&peers);
    ps_result_free(&r);
    ps_scores_free(&s);
}

static void rank_apply_peer_change_moves_the_rank(void **state)
{
    (void)state;
    ps_scores s;
    ps_result first;
    ps_peers peers;
    score_csv(EXAMPLE_SCORES, &s, &first);
    ps_result_free(&first);
    example_peers(&peers);
    struct {
        ps_num change;
        int rank;
        ps_num need;
    } cases[] = {
        {P(3), 6, 0},  /* 83.02 76.67 74.12 70.53 67.41 above 64.94; 64.70 below */
        {-P(3), 4, 0}, /* 77.02 70.67 68.12 above; 64.53 below */
        /* all 7 above (65.44 the lowest): 8th; rank 7 needs to equal it: 65.44 - 64.94 = 0.50 */
        {P(5), 8, 500000},
        /* 61.70 + 3.24 = 64.94 ties: shares 6th */
        {3240000, 6, 0},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        ps_result r;
        assert_int_equal(ps_score(&builtin, &s, &r), PS_OK);
        assert_int_equal(ps_rank_apply(&r, &builtin, &peers, cases[k].change), PS_OK);
        assert_num(r.peer_change, cases[k].change);
        const ps_line *t = line_of(&r, "total");
        if (t->rank != cases[k].rank || t->points_to_target_rank != cases[k].need) {
            print_error("change %s: rank %d, need %s\n", fmt(cases[k].change), t->rank,
                        fmt(t->points_to_target_rank));
            fail();
        }
        assert_int_equal(t->rank_met, cases[k].rank <= 7 ? PS_MET_YES : PS_MET_NO);
        if (cases[k].need > 0) {
            assert_string_equal(t->rank_holder, "Nậm Nhùn");
            assert_num(t->rank_holder_value, 65440000);
        }
        ps_result_free(&r);
    }
    ps_peers_free(&peers);
    ps_scores_free(&s);
}

static void rank_apply_hand_made_peers(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    ps_peers peers;
    /* the subject is the third row: its own published values (10, 100) are never used */
    const peer_row rows[] = {
        {"Thành phố Lai Châu", 80020000, 92500000, -1},
        {"Tam Đường", 73670000, P(90), -1},
        {"Sìn Hồ", P(10), P(100), P(100)},
        {"Than Uyên", 71120000, -1, -1},
        {"Tân Uyên", 67530000, P(88), -1},
        {"Phong Thổ", P(66), P(86), -1},
        {"Mường Tè", 65500000, -1, -1},
        {"Nậm Nhùn", 65200000, -1, P(72)},
    };
    make_peers(&peers, rows, COUNT(rows), 2);
    score_csv(EXAMPLE_SCORES, &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, &peers, 0), PS_OK);
    assert_string_equal(r.peers_source, "hand-made");
    /* total 64.94: all 7 others above, 8th of 8; rank 7 needs to equal the 7th best other, Nậm Nhùn
     * (the last row, after the subject): 65.20 - 64.94 = 0.26 */
    const ps_line *t = line_of(&r, "total");
    assert_int_equal(t->rank, 8);
    assert_int_equal(t->rank_of, 8);
    assert_int_equal(t->rank_met, PS_MET_NO);
    assert_num(t->points_to_target_rank, 260000);
    assert_non_null(t->rank_holder);
    assert_string_equal(t->rank_holder, "Nậm Nhùn");
    assert_num(t->rank_holder_value, 65200000);
    /* criterion 4: only 4 others have a value (92.5, 90, 88, 86): 86 ties Phong Thổ, 4th of 5; ≤ 6 held */
    const ps_line *c4 = line_of(&r, "4");
    assert_true(c4->has_rank);
    assert_int_equal(c4->rank, 4);
    assert_int_equal(c4->rank_of, 5);
    assert_int_equal(c4->rank_met, PS_MET_YES);
    assert_num(c4->points_to_target_rank, 0);
    /* criterion 8: one other (72) above 71: 2nd of 2 */
    assert_int_equal(line_of(&r, "8")->rank, 2);
    assert_int_equal(line_of(&r, "8")->rank_of, 2);
    /* no other has criterion 1 or sipas: no rank, the rank target is unknown */
    assert_false(line_of(&r, "1")->has_rank);
    assert_int_equal(line_of(&r, "1")->rank_met, PS_MET_UNKNOWN);
    assert_false(line_of(&r, "sipas")->has_rank);
    assert_int_equal(line_of(&r, "sipas")->rank_met, PS_MET_UNKNOWN);
    /* 28 targets: 8 value targets met + 2 rank targets met (4, 8); unknown: 5 KPIs + 7 rank targets */
    assert_int_equal(r.targets, 28);
    assert_int_equal(r.met, 10);
    assert_int_equal(r.unknown, 12);
    /* what the rank takes, criterion alone: the total must show 65.20 (65.195 or more, from 64.9425), so
     * 0.2525 × 100 / max, rounded up to whole hundredths */
    assert_true(r.lever_count == 8);
    for (size_t k = 0; k < r.lever_count; k++) {
        const ps_lever *lv = &r.levers[k];
        assert_true(lv->has_for_rank);
        assert_true(lv->alone_for_rank);
        if (strcmp(lv->indicator->id, "8") == 0)
            assert_num(lv->for_rank, 980000); /* 0.9712 */
        if (strcmp(lv->indicator->id, "4") == 0)
            assert_num(lv->for_rank, 3370000); /* 3.3667 */
        if (strcmp(lv->indicator->id, "2") == 0)
            assert_num(lv->for_rank, 3160000); /* 3.1563 */
        if (strcmp(lv->indicator->id, "7") == 0)
            assert_num(lv->for_rank, 1750000); /* 1.7414 */
    }
    ps_peers_free(&peers);
    ps_result_free(&r);
    ps_scores_free(&s);
}

static void rank_apply_peer_change_is_kept_within_0_and_100(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    ps_peers peers;
    /* the subject at 99 everywhere (total 99); the others just below, all pushed past 100 by +3 */
    const peer_row rows[] = {
        {"Sìn Hồ", P(50), -1, -1},     {"A", 98500000, -1, -1}, {"B", P(98), -1, -1},
        {"C", 97900000, -1, -1},       {"D", 97500000, -1, -1}, {"E", 97200000, -1, -1},
        {"F", 97100000, -1, 95000000}, {"G", 97050000, -1, -1},
    };
    make_peers(&peers, rows, COUNT(rows), 0);
    score_csv("id,score\n1,99\n2,99\n3,99\n4,99\n5,99\n6,99\n7,99\n8,99\n", &s, &r);
    assert_num(line_of(&r, "total")->score, P(99));
    assert_int_equal(ps_rank_apply(&r, &builtin, &peers, P(3)), PS_OK);
    const ps_line *t = line_of(&r, "total");
    /* every other is at 100, not 101.5 .. 100.05: the 7th best is 100 (100 - 99 = 1.00, a total that can
     * be reached), not 100.05 */
    assert_int_equal(t->rank, 8);
    assert_num(t->rank_holder_value, P(100));
    assert_num(t->points_to_target_rank, P(1));
    /* criterion 8: 95 + 3 = 98, below 99: 1st */
    assert_int_equal(line_of(&r, "8")->rank, 1);
    ps_result_free(&r);
    /* a shift down: 95 - 100 would be -5, kept at 0; 99 still first */
    assert_int_equal(ps_score(&builtin, &s, &r), PS_OK);
    assert_int_equal(ps_rank_apply(&r, &builtin, &peers, -P(100)), PS_OK);
    assert_int_equal(line_of(&r, "total")->rank, 1);
    assert_int_equal(line_of(&r, "8")->rank, 1);
    ps_result_free(&r);
    ps_peers_free(&peers);
    ps_scores_free(&s);
}

static void rank_apply_without_a_total_or_scores(void **state)
{
    (void)state;
    ps_peers peers;
    ps_result r;
    example_peers(&peers);
    /* the plan view: nothing to rank */
    assert_int_equal(ps_score(&builtin, NULL, &r), PS_OK);
    assert_int_equal(ps_rank_apply(&r, &builtin, &peers, 0), PS_OK);
    assert_false(r.ranked);
    assert_false(line_of(&r, "total")->has_rank);
    assert_int_equal(r.lever_count, 0);
    ps_result_free(&r);
    /* a partial total is not ranked, its rank target unknown; the criteria are */
    ps_scores s;
    score_csv("id,score\n1,48.5\n4,86\n", &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, &peers, 0), PS_OK);
    assert_true(r.ranked);
    assert_false(line_of(&r, "total")->has_rank);
    assert_int_equal(line_of(&r, "total")->rank_met, PS_MET_UNKNOWN);
    assert_false(line_of(&r, "total")->has_points_to_target_rank);
    assert_int_equal(line_of(&r, "4")->rank, 7);
    assert_false(r.has_to_target);
    assert_int_equal(r.lever_count, 0);
    ps_result_free(&r);
    ps_scores_free(&s);
    ps_peers_free(&peers);
}

/* ---- what the total needs ---- */

static const ps_lever *lever_of(const ps_result *r, const char *id)
{
    for (size_t k = 0; k < r->lever_count; k++)
        if (strcmp(r->levers[k].indicator->id, id) == 0)
            return &r->levers[k];
    fail_msg("no lever for %s", id);
    return NULL;
}

static void levers_for_the_total_target(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv(EXAMPLE_SCORES, &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, NULL, 0), PS_OK);
    assert_false(r.ranked);
    /* "Trên 65%": the exact total 64.9425 must pass 65; the least whole hundredths: 0.06 (65.0025) */
    assert_true(r.has_to_target);
    assert_num(r.to_target, 60000);
    /* heaviest first, equal max points by id */
    static const char *const order[] = {"8", "7", "3", "1", "5", "6", "2", "4"};
    /* the least whole hundredths that take the exact total 64.9425 above 65, as the total itself is judged:
     * more than 0.0575 × 100 / max: 0.2212, 0.3966, 0.4107, 0.575, 0.575, 0.575, 0.71875, 0.7667 */
    static const ps_num need[] = {230000, 400000, 420000, 580000, 580000, 580000, 720000, 770000};
    static const ps_num headroom[] = {P(29),    58700000, 38800000, 51500000,
                                      17750000, 49990000, 7500000,  P(14)};
    assert_int_equal(r.lever_count, 8);
    for (size_t k = 0; k < 8; k++) {
        const ps_lever *lv = &r.levers[k];
        assert_string_equal(lv->indicator->id, order[k]);
        assert_true(lv->has_for_target);
        assert_num(lv->for_target, need[k]);
        assert_true(lv->alone_for_target);
        assert_num(lv->headroom, headroom[k]);
        assert_false(lv->has_for_rank); /* no peers */
    }
    ps_result_free(&r);
    ps_scores_free(&s);
}

static void levers_headroom_too_small(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    /* (92 × 60 + 8 × 99.5) / 100 = 63.16: 65.01 - 63.16 = 1.85 */
    score_csv("id,score\n1,60\n2,99.5\n3,60\n4,60\n5,60\n6,60\n7,60\n8,60\n", &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, NULL, 0), PS_OK);
    assert_num(line_of(&r, "total")->score, 63160000);
    assert_num(r.to_target, 1850000);
    /* criterion 2: more than 1.84 × 100 / 8 = 23.00 → 23.01, more than its 0.5 of headroom */
    assert_num(lever_of(&r, "2")->for_target, 23010000);
    assert_num(lever_of(&r, "2")->headroom, 500000);
    assert_false(lever_of(&r, "2")->alone_for_target);
    /* more than 1.84 × 100 / max: 8: 7.0769 → 7.08; 7: 12.6897 → 12.69; 3: 13.1429 → 13.15;
     * 4: 24.5333 → 24.54; 1: 18.40 → 18.41 */
    assert_num(lever_of(&r, "8")->for_target, 7080000);
    assert_num(lever_of(&r, "7")->for_target, 12690000);
    assert_num(lever_of(&r, "3")->for_target, 13150000);
    assert_num(lever_of(&r, "4")->for_target, 24540000);
    assert_true(lever_of(&r, "4")->alone_for_target);
    assert_num(lever_of(&r, "1")->for_target, 18410000);
    ps_result_free(&r);
    ps_scores_free(&s);
}

static void levers_headroom_exactly_enough(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    /* 10×90 + 8×60 + 14×60 + 7.5×60 + 10×70.1 + 10×60 + 14.5×60 + 26×60 = 6401: total 64.01, 1.00 short */
    score_csv("id,score\n1,90\n2,60\n3,60\n4,60\n5,70.1\n6,60\n7,60\n8,60\n", &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, NULL, 0), PS_OK);
    assert_num(line_of(&r, "total")->score, 64010000);
    assert_num(r.to_target, P(1));
    /* criterion 1: more than 0.99 × 100 / 10 = 9.90: 9.91, within its 10.00 of headroom */
    assert_num(lever_of(&r, "1")->for_target, 9910000);
    assert_num(lever_of(&r, "1")->headroom, P(10));
    assert_true(lever_of(&r, "1")->alone_for_target);
    ps_result_free(&r);
    ps_scores_free(&s);
    /* 90.01: total 64.011; 0.99 more passes 65 (65.001); 9.90 of criterion 1 is within its 9.99 of headroom
     */
    score_csv("id,score\n1,90.01\n2,60\n3,60\n4,60\n5,70.1\n6,60\n7,60\n8,60\n", &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, NULL, 0), PS_OK);
    assert_num(r.to_target, 990000);
    assert_num(lever_of(&r, "1")->for_target, 9900000);
    assert_true(lever_of(&r, "1")->alone_for_target);
    ps_result_free(&r);
    ps_scores_free(&s);
    /* 99.995 of criterion 1 can make up 0.99 with 9.9 of its own only if it has that headroom: 0.005 it has
     * not */
    score_csv("id,score\n1,99.995\n2,60\n3,51\n4,60\n5,70.1\n6,60\n7,60\n8,60\n", &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, NULL, 0), PS_OK);
    assert_true(r.to_target > 0);
    assert_false(lever_of(&r, "1")->alone_for_target);
    ps_result_free(&r);
    ps_scores_free(&s);
}

static void levers_when_the_target_is_met(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    /* 65.005 shows as 65.01: met, nothing needed */
    score_csv("id,score\n1,49.125\n2,92.5\n3,61.2\n4,86\n5,82.25\n6,50.01\n7,41.3\n8,71\n", &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, NULL, 0), PS_OK);
    assert_num(line_of(&r, "total")->score, 65005000);
    assert_int_equal(line_of(&r, "total")->met, PS_MET_YES);
    assert_true(r.has_to_target);
    assert_num(r.to_target, 0);
    assert_num(lever_of(&r, "8")->for_target, 0);
    assert_true(lever_of(&r, "8")->alone_for_target);
    ps_result_free(&r);
    ps_scores_free(&s);
    /* exactly 65: not above 65, shown 65.00, 0.01 short */
    score_csv("id,score\n1,49.075\n2,92.5\n3,61.2\n4,86\n5,82.25\n6,50.01\n7,41.3\n8,71\n", &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, NULL, 0), PS_OK);
    assert_num(line_of(&r, "total")->score, P(65));
    assert_int_equal(line_of(&r, "total")->met, PS_MET_NO);
    assert_num(r.to_target, 10000);
    /* any raise takes exactly 65 above it: 0.01 of criterion 8 makes 65.0026 */
    assert_num(lever_of(&r, "8")->for_target, 10000);
    ps_result_free(&r);
    ps_scores_free(&s);
}

/* A total a hair above 65 (65.004, shown 65.00) meets "Trên 65%" in the table and in check, as a score of
 * 50.001 meets "Trên 50%" (the check-hair-above CLI case); "what the total needs" agrees: nothing. */
static void levers_a_hair_above_the_target(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    score_csv("id,score\n1,49.115\n2,92.5\n3,61.2\n4,86\n5,82.25\n6,50.01\n7,41.3\n8,71\n", &s, &r);
    assert_int_equal(ps_rank_apply(&r, &builtin, NULL, 0), PS_OK);
    assert_num(line_of(&r, "total")->score, 65004000);
    assert_int_equal(line_of(&r, "total")->met, PS_MET_YES);
    assert_num(r.to_target, 0);
    ps_result_free(&r);
    ps_scores_free(&s);
}

/* With an "at least" total target the same split goes the other way, and this one is a plain contradiction:
 * a total of 64.9995 (shown 65.00) misses "tối thiểu 65%" in the table and in check (exit 1), while "what
 * the total needs" reports the total target as met ("đã đạt", to_target 0). What the section says must
 * agree with the total's met: missed means something is still needed. */
static void levers_agree_with_an_at_least_target(void **state)
{
    (void)state;
    static const char plan_csv[] =
        "# unit: Xã Thử\n"
        "id,kind,name,max_points,baseline,baseline_rank,target,target_rank,owners\n"
        "1,criterion,Một,50,,,tối thiểu 60%,,\n"
        "2,criterion,Hai,50,,,tối thiểu 60%,,\n"
        "total,total,Tổng,,,,tối thiểu 65%,,\n";
    static const char scores_csv[] = "id,score\n1,64.999\n2,65\n";
    ps_plan plan;
    ps_scores s;
    ps_result r;
    ps_error err;
    memset(&err, 0, sizeof err);
    if (ps_plan_load_buffer(plan_csv, strlen(plan_csv), "plan.csv", &plan, &err) != PS_OK)
        fail_with(&err, "plan");
    if (ps_scores_load_buffer(scores_csv, strlen(scores_csv), "q.csv", &plan, &s, &err) != PS_OK)
        fail_with(&err, "scores");
    assert_int_equal(ps_score(&plan, &s, &r), PS_OK);
    assert_int_equal(ps_rank_apply(&r, &plan, NULL, 0), PS_OK);
    const ps_line *t = line_of(&r, "total");
    /* (50 × 64.999 + 50 × 65) / 100 = 64.9995 */
    assert_num(t->score, 64999500);
    assert_int_equal(t->met, PS_MET_NO);
    assert_true(r.has_to_target);
    /* missed: something is still needed (65 - 64.9995, rounded up to a cent: 0.01) */
    if (r.to_target <= 0) {
        print_error("the total misses its target, yet what it needs is %s (\"met\")\n", fmt(r.to_target));
        fail();
    }
    ps_result_free(&r);
    ps_scores_free(&s);
    ps_plan_free(&plan);
}

static void coherence_of_the_builtin_plan(void **state)
{
    (void)state;
    ps_result r;
    /* 10×50 + 8×90 + 14×60 + 7.5×86 + 10×80 + 10×50 + 14.5×50 + 26×70 = 6550: 65.50 over "Trên 65%" */
    assert_int_equal(ps_score(&builtin, NULL, &r), PS_OK);
    assert_true(r.has_total_at_targets);
    assert_num(r.total_at_targets, 65500000);
    ps_result_free(&r);
    /* the same with scores */
    ps_scores s;
    score_csv(EXAMPLE_SCORES, &s, &r);
    assert_true(r.has_total_at_targets);
    assert_num(r.total_at_targets, 65500000);
    ps_result_free(&r);
    ps_scores_free(&s);
}

/* ---- ranking units ---- */

static char *write_temp(const char *name, const char *text)
{
    static char path[160];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
    return path;
}

/* What the CLI does: units reduced as the loader reads them. */
static ps_status load_units(const char *path, ps_units *u, ps_error *err)
{
    ps_status st = ps_units_init(u, &builtin, err);
    if (st == PS_OK)
        st = ps_units_read_file(path, NULL, &builtin, ps_units_add, u, &u->source, &u->warnings, err);
    if (st != PS_OK)
        ps_units_free(u);
    return st;
}

static void units_ok(const char *name, const char *text, ps_units *u)
{
    ps_error err;
    memset(&err, 0, sizeof err);
    char *path = write_temp(name, text);
    ps_status st = load_units(path, u, &err);
    remove(path);
    if (st != PS_OK)
        fail_with(&err, "units");
}

static void units_refused(const char *name, const char *text, ps_msg code, long line)
{
    ps_error err;
    ps_units u;
    memset(&err, 0, sizeof err);
    char *path = write_temp(name, text);
    ps_status st = load_units(path, &u, &err);
    remove(path);
    if (st != PS_ERR_INPUT || err.code != code || err.line != line) {
        char msg[512];
        ps_error_format(&err, PS_LANG_EN, msg, sizeof msg);
        print_error("%s: status %d, code %d, line %ld (%s); want code %d at line %ld\n", name, (int)st,
                    (int)err.code, err.line, msg, (int)code, line);
        fail();
    }
}

static void rank_ok(ps_units *u)
{
    ps_error err;
    memset(&err, 0, sizeof err);
    if (ps_units_rank(u, &err) != PS_OK)
        fail_with(&err, "ps_units_rank");
}

/* The name of the unit in place i, once ranked. */
static const char *unit_name(const ps_units *u, size_t i)
{
    return u->names + ps_units_placed(u, i)->name;
}

/* The name of the unit read i-th, ranked or not. */
static const char *name_read(const ps_units *u, size_t i)
{
    return u->names + u->units[i].name;
}

/* Ranks as the reports number them. */
static void ranks_of(const ps_units *u, uint32_t *ranks)
{
    uint32_t rank = 0;
    for (size_t i = 0; i < u->count; i++)
        ranks[i] = rank = ps_units_rank_at(u, i, rank);
}

static void units_total_by_hand(void **state)
{
    (void)state;
    ps_units u;
    /* Thị trấn Sìn Hồ from examples/communes-2023.csv: 10×44.17 + 8×100 + 14×72.22 + 7.5×84.85 + 10×84.13
     * + 10×48.48 + 14.5×21.7 + 26×60.58 = 6104.985, / 100 = 61.04985 (shown 61.05). The columns may come
     * in any order; sipas and total are known and not used. */
    units_ok("hand.csv",
             "sipas,8,7,6,5,4,3,2,1,unit,total\n"
             "76.67,60.58,21.7,48.48,84.13,84.85,72.22,100,44.17,Thị trấn Sìn Hồ,1\n",
             &u);
    assert_int_equal(u.count, 1);
    assert_int_equal(u.criteria_count, 8);
    assert_int_equal(u.warnings.count, 0);
    assert_int_equal(u.units[0].total, 61049850); /* not ranked: in input order */
    assert_int_equal(u.units[0].missing, 0);
    /* below target: 1 (44.17 ≤ 50), 4 (84.85 ≤ 86), 6 (48.48), 7 (21.7), 8 (60.58 ≤ 70) */
    assert_int_equal(u.units[0].missed, (1u << 0) | (1u << 3) | (1u << 5) | (1u << 6) | (1u << 7));
    assert_string_equal(name_read(&u, 0), "Thị trấn Sìn Hồ");
    ps_units_free(&u);
}

/* Every place's name and its length, as ps_units_placed_name gives them, against the name itself. */
static void assert_placed_names(const ps_units *u)
{
    for (size_t i = 0; i < u->count; i++) {
        size_t len = 0;
        const char *name = ps_units_placed_name(u, i, &len);
        assert_ptr_equal(name, unit_name(u, i));
        assert_int_equal(len, strlen(unit_name(u, i)));
    }
}

/* Names of different lengths, the last read ranked first: each name's length is where the next begins. */
static void units_placed_names_and_lengths(void **state)
{
    (void)state;
    ps_units u;
    units_ok("lengths.csv",
             "unit,1\n"
             "Xã Tả Phìn,50\n"
             "B,40\n"
             "\"Pa Tần, \"\"bản\"\" mới\",60\n"
             "Thị trấn Sìn Hồ,70\n"
             "C,30\n"
             "Xã Nậm Tăm,90\n",
             &u);
    rank_ok(&u);
    size_t len = 0;
    assert_string_equal(ps_units_placed_name(&u, 0, &len), "Xã Nậm Tăm"); /* the last one read */
    assert_int_equal(len, strlen("Xã Nậm Tăm"));
    assert_string_equal(ps_units_placed_name(&u, 2, &len), "Pa Tần, \"bản\" mới");
    assert_int_equal(len, strlen("Pa Tần, \"bản\" mới"));
    assert_placed_names(&u);
    ps_units_free(&u);
}

static void units_ties_share_a_rank_in_input_order(void **state)
{
    (void)state;
    ps_units u;
    /* every criterion at v gives a total of v */
    units_ok("ties.csv",
             "unit,1,2,3,4,5,6,7,8\n"
             "D,60,60,60,60,60,60,60,60\n"
             "C,65,65,65,65,65,65,65,65\n"
             "A,70,70,70,70,70,70,70,70\n"
             "B,65,65,65,65,65,65,65,65\n",
             &u);
    rank_ok(&u);
    assert_int_equal(u.count, 4);
    uint32_t ranks[4];
    ranks_of(&u, ranks);
    const char *order[] = {"A", "C", "B", "D"};
    const uint32_t want[] = {1, 2, 2, 4};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(unit_name(&u, i), order[i]);
        assert_int_equal(ranks[i], want[i]);
    }
    assert_int_equal(ps_units_placed(&u, 1)->total, P(65));
    ps_units_free(&u);
}

static void units_compared_at_two_decimals(void **state)
{
    (void)state;
    ps_units u;
    /* 59.994 shows 59.99; 59.995, 60.004 and 60 all show 60.00 and share rank 1, in input order */
    units_ok("cents.csv",
             "unit,1,2,3,4,5,6,7,8\n"
             "low,59.994,59.994,59.994,59.994,59.994,59.994,59.994,59.994\n"
             "half,59.995,59.995,59.995,59.995,59.995,59.995,59.995,59.995\n"
             "hair,60.004,60.004,60.004,60.004,60.004,60.004,60.004,60.004\n"
             "flat,60,60,60,60,60,60,60,60\n",
             &u);
    rank_ok(&u);
    uint32_t ranks[4];
    ranks_of(&u, ranks);
    const char *order[] = {"half", "hair", "flat", "low"};
    const uint32_t want[] = {1, 1, 1, 4};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(unit_name(&u, i), order[i]);
        assert_int_equal(ranks[i], want[i]);
    }
    ps_units_free(&u);
}

static void units_partial_rank_after_complete(void **state)
{
    (void)state;
    ps_units u;
    /* P1 and P2 lack criterion 8 (26 points): their total is over the other 74 points, 90 and 90, and they
     * rank after every complete unit however high it is. Q lacks 7 and 8: 10×100 / 59.5 = 16.806.. */
    units_ok("partial.csv",
             "unit,1,2,3,4,5,6,7,8\n"
             "P1,90,90,90,90,90,90,90,\n"
             "low,10,10,10,10,10,10,10,10\n"
             "Q,100,0,0,0,0,0,,\n"
             "high,80,80,80,80,80,80,80,80\n"
             "P2,90,90,90,90,90,90,90,\n",
             &u);
    rank_ok(&u);
    uint32_t ranks[5];
    ranks_of(&u, ranks);
    const char *order[] = {"high", "low", "P1", "P2", "Q"};
    const uint32_t want[] = {1, 2, 3, 3, 5};
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(unit_name(&u, i), order[i]);
        assert_int_equal(ranks[i], want[i]);
    }
    assert_int_equal(ps_units_placed(&u, 2)->total, P(90));
    assert_int_equal(ps_units_placed(&u, 2)->missing, 1u << 7);
    assert_int_equal(ps_units_placed(&u, 4)->missing, (1u << 6) | (1u << 7));
    /* 1000 / 59.5 = 16.80672268..: truncated 16.806722, not a multiple of 5 */
    assert_int_equal(ps_units_placed(&u, 4)->total, 16806722);
    assert_int_equal(ps_units_placed(&u, 0)->missing, 0);
    ps_units_free(&u);
}

static void units_many_with_ties(void **state)
{
    (void)state;
    /* 60 units over 5 totals (past the insertion-sort cut-off): best first, ties in input order */
    char text[8192];
    size_t len = (size_t)snprintf(text, sizeof text, "unit,1,2,3,4,5,6,7,8\n");
    for (int k = 0; k < 60; k++) {
        int v = 50 + (k * 7) % 5;
        len += (size_t)snprintf(text + len, sizeof text - len, "u%02d,%d,%d,%d,%d,%d,%d,%d,%d\n", k, v, v, v,
                                v, v, v, v, v);
    }
    ps_units u;
    units_ok("many.csv", text, &u);
    rank_ok(&u);
    assert_int_equal(u.count, 60);
    uint32_t ranks[60];
    ranks_of(&u, ranks);
    for (size_t i = 0; i < 60; i++) {
        /* 12 units per total: 54 ranks 1, 53 ranks 13, .. 50 ranks 49 */
        assert_int_equal(ps_units_placed(&u, i)->total, P(54 - (int)(i / 12)));
        assert_int_equal(ranks[i], (uint32_t)(i / 12 * 12 + 1));
        if (i % 12 != 0)
            assert_true(strcmp(unit_name(&u, i - 1), unit_name(&u, i)) < 0);
    }
    ps_units_free(&u);
}

/* 40,000 units, past the sizes where ranking moves units by bucket (and a second thread searches the names
 * meanwhile): every pair in order (complete before partial, then by total shown, best first, ties in input
 * order) and every unit there once. */
static void units_bucketed_in_rank_order(void **state)
{
    (void)state;
    ps_units u;
    ps_error err;
    assert_int_equal(ps_units_init(&u, &builtin, &err), PS_OK);
    enum { COUNT = 40000 };
    uint32_t seed = 2023;
    for (int k = 0; k < COUNT; k++) {
        ps_num values[PS_RANK_MAX_CRITERIA];
        uint32_t has = 0;
        for (size_t c = 0; c < u.criteria_count; c++) {
            seed = seed * 1103515245u + 12345u;
            /* whole percents only half the time: many ties; 0 and 100 included; a value missing now and then
             */
            uint32_t r = (seed >> 8) % 10202;
            if (r == 10201)
                continue;
            values[c] = (r % 2 ? (ps_num)(r / 101) * PS_NUM_SCALE : (ps_num)r * (PS_NUM_SCALE / 100)) %
                        (101 * PS_NUM_SCALE);
            if (values[c] > 100 * PS_NUM_SCALE)
                values[c] = 100 * PS_NUM_SCALE;
            has |= UINT32_C(1) << c;
        }
        char name[16];
        int len = snprintf(name, sizeof name, "u%05d", k);
        ps_unit_row row = {name, (size_t)len, values, has, "gen.csv", k + 2, 1};
        assert_int_equal(ps_units_add(&u, &row, &err), PS_OK);
    }
    rank_ok(&u);
    assert_int_equal(u.count, COUNT);
    static bool seen[COUNT];
    memset(seen, 0, sizeof seen);
    for (size_t i = 0; i < u.count; i++) {
        int k = atoi(unit_name(&u, i) + 1);
        assert_false(seen[k]);
        seen[k] = true;
        if (i == 0)
            continue;
        const ps_unit *a = ps_units_placed(&u, i - 1), *b = ps_units_placed(&u, i);
        bool partial_a = a->missing != 0, partial_b = b->missing != 0;
        int64_t cents_a = ps_num_round2(a->total), cents_b = ps_num_round2(b->total);
        assert_true(partial_a <= partial_b);
        if (partial_a == partial_b) {
            assert_true(cents_a >= cents_b);
            if (cents_a == cents_b)
                assert_true(strcmp(unit_name(&u, i - 1), unit_name(&u, i)) < 0);
        }
    }
    ps_units_free(&u);
}

/* 40,000 names, past the sizes where the units are put in order by bucket and the search for a repeated
 * name runs in a second thread beside it: the first name given again in the file is the one named, with
 * the line of its first appearance, whatever the hashes' order. */
static void units_bucketed_repeat_found_first(void **state)
{
    (void)state;
    ps_units u;
    ps_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(ps_units_init(&u, &builtin, &err), PS_OK);
    ps_num values[PS_RANK_MAX_CRITERIA] = {0};
    for (int k = 0; k < 40000; k++) {
        char name[16];
        /* row 20000 repeats row 15000, row 25000 repeats row 100, row 29000 repeats row 20000 */
        int as = k == 20000 ? 15000 : k == 25000 ? 100 : k == 29000 ? 20000 : k;
        int len = snprintf(name, sizeof name, "u%05d", as);
        ps_unit_row row = {name, (size_t)len, values, 0, "gen.csv", k + 2, 3};
        assert_int_equal(ps_units_add(&u, &row, &err), PS_OK);
    }
    u.source = strdup("gen.csv");
    assert_int_equal(ps_units_rank(&u, &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_PEER_DUPLICATE);
    assert_int_equal(err.line, 20002);
    assert_int_equal(err.column, 3);
    char msg[512];
    ps_error_format(&err, PS_LANG_EN, msg, sizeof msg);
    assert_non_null(strstr(msg, "u15000"));
    assert_non_null(strstr(msg, "15002"));
    ps_units_free(&u);
}

/* ---- many units written by two threads ---- */

typedef struct {
    ps_buf out;
    size_t refuse_after; /* bytes taken before the sink refuses (0: never) */
} collected;

static bool collect(void *ctx, const char *data, size_t len)
{
    collected *c = ctx;
    if (c->refuse_after && c->out.len + len > c->refuse_after)
        return false;
    ps_buf_append(&c->out, data, len);
    return true;
}

/* 50,000 units (six blocks of rows, every other one written by a second thread) over `totals` totals, in
 * tie groups that run across the blocks' ends (7: about 7,000 each) or over whole blocks (3: about 16,700):
 * every CSV row has its unit's rank and name, in order; a sink that stops taking rows halfway stops the
 * writing (no hang, an I/O status). */
static void written_in_order(int totals)
{
    ps_units u;
    ps_error err;
    assert_int_equal(ps_units_init(&u, &builtin, &err), PS_OK);
    enum { COUNT = 50000 };
    for (int k = 0; k < COUNT; k++) {
        ps_num values[PS_RANK_MAX_CRITERIA];
        for (size_t c = 0; c < u.criteria_count; c++)
            values[c] = (ps_num)(50 + k % totals) * PS_NUM_SCALE;
        char name[16];
        int len = snprintf(name, sizeof name, "u%05d", k);
        ps_unit_row row = {name, (size_t)len, values, UINT32_C(0xFF), "gen.csv", k + 2, 1};
        assert_int_equal(ps_units_add(&u, &row, &err), PS_OK);
    }
    u.source = strdup("gen.csv");
    rank_ok(&u);
    static uint32_t ranks[COUNT];
    ranks_of(&u, ranks);
    ps_report_options options = {.lang = PS_LANG_EN};
    collected c = {.refuse_after = 0};
    ps_buf_init(&c.out);
    assert_int_equal(ps_report_units(&u, PS_UNITS_CSV, &options, collect, &c), PS_OK);
    ps_buf_append(&c.out, "", 1);              /* NUL-terminated */
    char *line = strchr(c.out.data, '\n') + 1; /* past the header */
    for (size_t i = 0; i < COUNT; i++) {
        char want[64];
        int n = snprintf(want, sizeof want, "%u,%s,", (unsigned)ranks[i], unit_name(&u, i));
        if (strncmp(line, want, (size_t)n) != 0) {
            print_error("row %zu: %.40s, want %s\n", i, line, want);
            fail();
        }
        line = strchr(line, '\n') + 1;
    }
    assert_int_equal(*line, '\0');
    ps_buf_free(&c.out);
    collected stop = {.refuse_after = 400000};
    ps_buf_init(&stop.out);
    assert_int_equal(ps_report_units(&u, PS_UNITS_JSON, &options, collect, &stop), PS_ERR_IO);
    assert_true(stop.out.len <= 400000);
    ps_buf_free(&stop.out);
    ps_units_free(&u);
}

static void units_written_by_two_threads_in_order(void **state)
{
    (void)state;
    written_in_order(7);
    written_in_order(3);
}

/* ---- a large file read by two threads ---- */

typedef struct {
    int calls;
    bool used;
} join_log;

static join_log joins;

static ps_status log_join(void *units, void *later, bool used, ps_error *err)
{
    joins.calls++;
    joins.used = used;
    return ps_units_join(units, later, used, err);
}

/* rows units of 9 values, one row the given text (NULL: none) after row at; the file's path */
static char *write_units(const char *name, int rows, int at, const char *text)
{
    static char path[160];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("unit,1,2,3,4,5,6,7,8,sipas\n", f);
    for (int k = 0; k < rows; k++) {
        if (k == at && text)
            fputs(text, f);
        fprintf(f, "X\xc3\xa3 %07d", k);
        for (int c = 0; c < 9; c++)
            fprintf(f, ",%d.%02d", 20 + (k * 7 + c * 13) % 80, (k * 31 + c) % 100);
        fputc('\n', f);
    }
    assert_int_equal(fclose(f), 0);
    return path;
}

static ps_error read_split(const char *path, ps_units *u, ps_status want)
{
    ps_units later;
    ps_error err;
    memset(&err, 0, sizeof err);
    memset(&joins, 0, sizeof joins);
    assert_int_equal(ps_units_init(u, &builtin, &err), PS_OK);
    assert_int_equal(ps_units_init(&later, &builtin, &err), PS_OK);
    ps_status st = ps_units_read_file_split(path, NULL, &builtin, ps_units_add, u, &later, log_join,
                                            &u->source, &u->warnings, &err);
    if (st != want) {
        print_error("%s: status %d, want %d\n", path, (int)st, (int)want);
        fail_with(&err, "ps_units_read_file_split");
    }
    assert_int_equal(joins.calls, 1); /* later is always released, once */
    assert_null(later.units);
    return err;
}

static void units_large_file_read_by_two_threads(void **state)
{
    (void)state;
    /* 70,000 rows of about 66 bytes: 4.6 MB, over the 4 MiB from which the reader splits */
    char *path = write_units("large.csv", 70000, -1, NULL);
    ps_units u;
    read_split(path, &u, PS_OK);
    assert_true(joins.used);
    assert_int_equal(u.count, 70000);
    for (size_t i = 0; i < u.count; i += 997) { /* in file order, whichever thread read them */
        char want[32];
        snprintf(want, sizeof want, "X\xc3\xa3 %07zu", i);
        assert_string_equal(name_read(&u, i), want);
    }
    rank_ok(&u);
    assert_placed_names(&u); /* across the join of the two threads' names too */
    ps_units_free(&u);
    /* a quoted name whose line breaks run across the middle: the second thread's rows are dropped */
    char name[4096];
    size_t len = (size_t)snprintf(name, sizeof name, "\"X\xc3\xa3");
    for (int k = 0; k < 300; k++)
        len += (size_t)snprintf(name + len, sizeof name - len, "\nd%d", k);
    snprintf(name + len, sizeof name - len, "\",1,2,3,4,5,6,7,8,9\n");
    path = write_units("quoted.csv", 70000, 35000, name);
    read_split(path, &u, PS_OK);
    assert_false(joins.used);
    assert_int_equal(u.count, 70001);
    ps_units_free(&u);
    /* a small file: one thread */
    path = write_units("small.csv", 1000, -1, NULL);
    read_split(path, &u, PS_OK);
    assert_false(joins.used);
    assert_int_equal(u.count, 1000);
    ps_units_free(&u);
    /* an error in the second half: found there, on its own line */
    path = write_units("bad.csv", 70000, 60000, "X\xc3\xa3 bad,abc,2,3,4,5,6,7,8,9\n");
    ps_error err = read_split(path, &u, PS_ERR_INPUT);
    assert_false(joins.used);
    assert_int_equal(err.line, 60002); /* the second half's error is the file's, on the file's line */
    assert_int_equal(err.column, 8);
    ps_units_free(&u);
    remove(path);
    remove(write_units("large.csv", 0, -1, NULL));
    remove(write_units("quoted.csv", 0, -1, NULL));
    remove(write_units("small.csv", 0, -1, NULL));
}

/* The same units as JSON, after an optional BOM, one row the given text (NULL: none) after row at. */
static char *write_units_json(const char *name, int rows, int at, const char *text, bool bom)
{
    static char path[160];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(bom ? "\xef\xbb\xbf{\"units\": [\n" : "{\"units\": [\n", f);
    for (int k = 0; k < rows; k++) {
        if (k == at && text)
            fprintf(f, "%s,\n", text);
        fprintf(f, "  {\"unit\": \"X\xc3\xa3 %07d\"", k);
        for (int c = 0; c < 9; c++)
            fprintf(f, ", \"%s\": %d.%02d", c < 8 ? (char[]){(char)('1' + c), '\0'} : "sipas",
                    20 + (k * 7 + c * 13) % 80, (k * 31 + c) % 100 + 1);
        fputs(k + 1 < rows ? "},\n" : "}\n", f);
    }
    fputs("]}\n", f);
    assert_int_equal(fclose(f), 0);
    return path;
}

/* A large JSON file's rows are handed out by two threads in its second pass, from the first row that
 * begins in its second half; a small one, or one with a BOM, by one. */
static void units_large_json_read_by_two_threads(void **state)
{
    (void)state;
    /* 40,000 rows of about 140 bytes: 5.6 MB, over the 4 MiB from which the reader splits */
    char *path = write_units_json("large.json", 40000, -1, NULL, false);
    ps_units u;
    read_split(path, &u, PS_OK);
    assert_true(joins.used);
    assert_int_equal(u.count, 40000);
    for (size_t i = 0; i < u.count; i += 997) { /* in file order, whichever thread handed them out */
        char want[32];
        snprintf(want, sizeof want, "X\xc3\xa3 %07zu", i);
        assert_string_equal(name_read(&u, i), want);
    }
    rank_ok(&u);
    ps_units_free(&u);
    path = write_units_json("bom.json", 40000, -1, NULL, true);
    read_split(path, &u, PS_OK);
    assert_false(joins.used);
    assert_int_equal(u.count, 40000);
    ps_units_free(&u);
    remove(path);
    path = write_units_json("small.json", 1000, -1, NULL, false);
    read_split(path, &u, PS_OK);
    assert_false(joins.used);
    ps_units_free(&u);
    remove(path);
    /* an error in the second half: found there, at the file's line and column */
    path =
        write_units_json("bad.json", 40000, 30000, "  {\"unit\": \"X\xc3\xa3 bad\", \"1\": \"abc\"}", false);
    ps_error err = read_split(path, &u, PS_ERR_INPUT);
    assert_false(joins.used);
    assert_int_equal(err.line, 30002);
    assert_int_equal(err.column, 27);
    ps_units_free(&u);
    remove(path);
    remove(write_units_json("large.json", 0, -1, NULL, false));
}

static void units_json_and_semicolons(void **state)
{
    (void)state;
    ps_units u;
    units_ok(
        "units.json",
        "{\"units\": [{\"unit\": \"B\", \"1\": 50, \"2\": 50, \"3\": 50, \"4\": 50, \"5\": 50, \"6\": 50, "
        "\"7\": 50, \"8\": 50}, {\"unit\": \"A\", \"1\": 100, \"2\": 100, \"3\": 100, \"4\": 100, \"5\": "
        "100, \"6\": 100, \"7\": 100, \"8\": 100}]}",
        &u);
    rank_ok(&u);
    assert_int_equal(u.count, 2);
    assert_string_equal(unit_name(&u, 0), "A");
    assert_int_equal(ps_units_placed(&u, 0)->total, P(100));
    assert_int_equal(ps_units_placed(&u, 1)->total, P(50));
    ps_units_free(&u);
    /* a Vietnamese spreadsheet: ';' and decimal commas; 7.5 × 86.5 / 7.5 .. all 86,5: total 86.5 */
    units_ok("vi.csv", "unit;1;2;3;4;5;6;7;8\n  X  ;86,5;86,5;86,5;86,5;86,5;86,5;86,5;86,5\n", &u);
    assert_int_equal(u.units[0].total, 86500000); /* not ranked: in input order */
    assert_string_equal(name_read(&u, 0), "X");   /* trimmed */
    ps_units_free(&u);
}

static void units_errors(void **state)
{
    (void)state;
    units_refused("empty-name.csv", "unit,1,2,3,4,5,6,7,8\nA,1,1,1,1,1,1,1,1\n  ,1,1,1,1,1,1,1,1\n",
                  PS_MSG_MISSING_VALUE, 3);
    units_refused("over.csv", "unit,1,2,3,4,5,6,7,8\nA,1,1,1,1,1,1,1,100.01\n", PS_MSG_PERCENT_RANGE, 2);
    units_refused("negative.csv", "unit,1,2,3,4,5,6,7,8\nA,1,1,-1,1,1,1,1,1\n", PS_MSG_NEGATIVE, 2);
    units_refused("nan.csv", "unit,1,2,3,4,5,6,7,8\nA,1,1,x,1,1,1,1,1\n", PS_MSG_NOT_A_NUMBER, 2);
    units_refused("header.csv", "unit,1,2,3,4,5,6,7,8\n", PS_MSG_HEADER_ONLY, 1);
    units_refused("no-unit.csv", "name,1,2,3,4,5,6,7,8\nA,1,1,1,1,1,1,1,1\n", PS_MSG_MISSING_COLUMN, 1);
}

/* ---- rank targets in a check ---- */

static void check_rank_targets(void **state)
{
    (void)state;
    ps_scores s;
    ps_result r;
    ps_peers peers;
    ps_check check;
    ps_error err;
    score_csv(EXAMPLE_SCORES, &s, &r);
    /* without peers: a rank target cannot be checked */
    assert_int_equal(ps_rank_apply(&r, &builtin, NULL, 0), PS_OK);
    const char *rank[] = {"rank"};
    memset(&err, 0, sizeof err);
    assert_int_equal(ps_check_targets(&r, rank, 1, &check, &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_CHECK_NO_PEERS);
    assert_string_equal(err.arg[0], "rank");
    ps_result_free(&r);

    assert_int_equal(ps_score(&builtin, &s, &r), PS_OK);
    example_peers(&peers);
    assert_int_equal(ps_rank_apply(&r, &builtin, &peers, 0), PS_OK);
    /* rank: the total's, 5 ≤ 7 */
    assert_int_equal(ps_check_targets(&r, rank, 1, &check, &err), PS_OK);
    assert_int_equal(check.count, 1);
    assert_true(check.items[0].rank);
    assert_string_equal(check.items[0].line->indicator->id, "total");
    assert_true(check.items[0].passed);
    assert_int_equal(check.passed, 1);
    ps_check_free(&check);
    /* rank:4 is 7 > 6: missed; rank and rank:total are one target; total (the value) is another */
    const char *ids[] = {"rank:4", "rank", "rank:total", "total", "rank:sipas"};
    assert_int_equal(ps_check_targets(&r, ids, COUNT(ids), &check, &err), PS_OK);
    assert_int_equal(check.count, 4);
    assert_string_equal(check.items[0].line->indicator->id, "4");
    assert_true(check.items[0].rank);
    assert_false(check.items[0].passed);
    assert_true(check.items[1].passed);
    assert_false(check.items[2].rank);
    assert_false(check.items[2].passed); /* 64.94 is not above 65 */
    assert_true(check.items[3].passed);  /* sipas 5 ≤ 7 */
    assert_int_equal(check.passed, 2);
    ps_check_free(&check);
    /* no rank target, unknown id */
    const char *kpi[] = {"rank:kpi-inspection"}, *unknown[] = {"rank:9"};
    assert_int_equal(ps_check_targets(&r, kpi, 1, &check, &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_CHECK_NO_TARGET);
    assert_int_equal(ps_check_targets(&r, unknown, 1, &check, &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_CHECK_UNKNOWN_ID);
    /* all targets: 18 values and 10 ranks */
    assert_int_equal(ps_check_targets(&r, NULL, 0, &check, &err), PS_OK);
    assert_int_equal(check.count, 28);
    assert_int_equal(check.passed, 17);
    ps_check_free(&check);
    ps_result_free(&r);
    /* with every other unit 5 points up the total is 8th: rank is missed */
    assert_int_equal(ps_score(&builtin, &s, &r), PS_OK);
    assert_int_equal(ps_rank_apply(&r, &builtin, &peers, P(5)), PS_OK);
    assert_int_equal(ps_check_targets(&r, rank, 1, &check, &err), PS_OK);
    assert_false(check.items[0].passed);
    ps_check_free(&check);
    ps_result_free(&r);
    ps_peers_free(&peers);
    ps_scores_free(&s);
}

/* Two units where the plan ranks among 8: ranked 1 of 2, yet no rank target is met or missed, and a check
 * of one (asked for, or among all) is an error naming the peers, not a pass. */
static void rank_targets_not_judged_among_too_few(void **state)
{
    (void)state;
    static const char two[] = "unit,total,1,2,3,4,5,6,7,8,sipas\n"
                              "Nậm Nhùn,40.44,27.35,71,35.2,66.4,53,22.8,13.4,48.45,58.3\n"
                              "Sìn Hồ,59.62,42.22,90,53.48,85.87,75,48.14,29.68,67.91,77.69\n";
    ps_scores s;
    ps_result r;
    ps_peers peers;
    ps_check check;
    ps_error err;
    memset(&err, 0, sizeof err);
    score_csv(EXAMPLE_SCORES, &s, &r);
    assert_int_equal(ps_peers_load_buffer(two, strlen(two), "two.csv", &builtin, &peers, &err), PS_OK);
    assert_int_equal(peers.warnings.count, 1);
    assert_int_equal(ps_rank_apply(&r, &builtin, &peers, 0), PS_OK);
    assert_false(r.rank_targets_judged);
    assert_int_equal(r.peer_units, 2);
    assert_int_equal(r.plan_units, 8);
    const ps_line *total = &r.lines[ps_result_find(&r, "total")];
    assert_true(total->has_rank);
    assert_int_equal(total->rank, 1);
    assert_int_equal(total->rank_met, PS_MET_UNKNOWN);
    assert_false(total->has_points_to_target_rank);
    const char *rank[] = {"rank"}, *rank4[] = {"RANK:4"}, *value[] = {"2"};
    assert_int_equal(ps_check_targets(&r, rank, 1, &check, &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_CHECK_RANK_NOT_JUDGED);
    assert_string_equal(err.file, "two.csv");
    assert_string_equal(err.arg[0], "rank");
    assert_string_equal(err.arg[1], "2");
    assert_string_equal(err.arg[2], "8");
    assert_int_equal(ps_check_targets(&r, rank4, 1, &check, &err), PS_ERR_INPUT);
    assert_string_equal(err.arg[0], "rank:4");
    assert_int_equal(ps_check_targets(&r, NULL, 0, &check, &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_CHECK_RANK_NOT_JUDGED);
    /* a value target is judged as ever */
    assert_int_equal(ps_check_targets(&r, value, 1, &check, &err), PS_OK);
    assert_true(check.items[0].passed);
    ps_check_free(&check);
    ps_result_free(&r);
    ps_peers_free(&peers);
    ps_scores_free(&s);
}

static ps_status add_unit(ps_units *u, const char *name, long line, ps_error *err)
{
    ps_num values[PS_RANK_MAX_CRITERIA] = {0};
    ps_unit_row row = {.name = name,
                       .name_len = strlen(name),
                       .values = values,
                       .has = 1,
                       .file = "units.csv",
                       .line = line,
                       .name_column = 1};
    return ps_units_add(u, &row, err);
}

/* Thousands of names, names that are prefixes of others: each is kept once; the same name again is
 * refused when ranking, at the first repeat in the file, naming the first one's line and the repeat's place.
 */
static void units_duplicate_names(void **state)
{
    (void)state;
    ps_units u;
    ps_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(ps_units_init(&u, &builtin, &err), PS_OK);
    u.source = strdup("units.csv");
    char name[32];
    for (int k = 0; k < 5000; k++) {
        snprintf(name, sizeof name, "Xã %d", k); /* "Xã 1" is a prefix of "Xã 10", "Xã 100"… */
        assert_int_equal(add_unit(&u, name, k + 2, &err), PS_OK);
    }
    assert_int_equal(add_unit(&u, "xã 1", 5002, &err), PS_OK); /* other characters, another name */
    rank_ok(&u);
    assert_int_equal(u.count, 5001);
    ps_units_free(&u);

    assert_int_equal(ps_units_init(&u, &builtin, &err), PS_OK);
    u.source = strdup("units.csv");
    for (int k = 0; k < 5000; k++) {
        snprintf(name, sizeof name, "Xã %d", k);
        assert_int_equal(add_unit(&u, name, k + 2, &err), PS_OK);
    }
    assert_int_equal(add_unit(&u, "Xã 4000", 5002, &err), PS_OK); /* repeated later in the file */
    assert_int_equal(add_unit(&u, "Xã 123", 5003, &err), PS_OK);
    assert_int_equal(ps_units_rank(&u, &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_PEER_DUPLICATE);
    assert_string_equal(err.file, "units.csv");
    assert_int_equal(err.line, 5002); /* the first repeat in the file, not the first name repeated */
    assert_int_equal(err.column, 1);
    assert_string_equal(err.arg[0], "Xã 4000");
    assert_string_equal(err.arg[1], "4002");
    ps_units_free(&u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rank_position_counts_units_strictly_above),
        cmocka_unit_test(rank_position_compares_at_two_decimals),
        cmocka_unit_test(points_to_rank_held),
        cmocka_unit_test(points_to_rank_one_place_up),
        cmocka_unit_test(points_to_rank_tie_with_the_holder),
        cmocka_unit_test(points_to_rank_beyond_the_units),
        cmocka_unit_test(rank_apply_example_peers),
        cmocka_unit_test(rank_apply_peer_change_moves_the_rank),
        cmocka_unit_test(rank_apply_hand_made_peers),
        cmocka_unit_test(rank_apply_peer_change_is_kept_within_0_and_100),
        cmocka_unit_test(rank_apply_without_a_total_or_scores),
        cmocka_unit_test(levers_for_the_total_target),
        cmocka_unit_test(levers_headroom_too_small),
        cmocka_unit_test(levers_headroom_exactly_enough),
        cmocka_unit_test(levers_when_the_target_is_met),
        cmocka_unit_test(levers_a_hair_above_the_target),
        cmocka_unit_test(levers_agree_with_an_at_least_target),
        cmocka_unit_test(coherence_of_the_builtin_plan),
        cmocka_unit_test(units_total_by_hand),
        cmocka_unit_test(units_placed_names_and_lengths),
        cmocka_unit_test(units_ties_share_a_rank_in_input_order),
        cmocka_unit_test(units_compared_at_two_decimals),
        cmocka_unit_test(units_partial_rank_after_complete),
        cmocka_unit_test(units_many_with_ties),
        cmocka_unit_test(units_bucketed_in_rank_order),
        cmocka_unit_test(units_bucketed_repeat_found_first),
        cmocka_unit_test(units_large_file_read_by_two_threads),
        cmocka_unit_test(units_written_by_two_threads_in_order),
        cmocka_unit_test(units_large_json_read_by_two_threads),
        cmocka_unit_test(units_json_and_semicolons),
        cmocka_unit_test(units_errors),
        cmocka_unit_test(check_rank_targets),
        cmocka_unit_test(rank_targets_not_judged_among_too_few),
        cmocka_unit_test(units_duplicate_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown) ? 1 : 0;
}
