/* Out of memory, everywhere: the whole pipeline (loaders, scoring, ranking, check, trend, units and every
 * reporter) is run again and again, the n-th allocation failing each time, as sqlite's malloc tests do.
 * Every step must then say "out of memory" (PS_ERR_NOMEM, and PS_MSG_NOMEM for a loader) and nothing
 * else, or succeed with exactly the output of a run where nothing failed: never a wrong report. The
 * workbooks are compared byte for byte too (libxlsxwriter's own allocations, in its shared library, are
 * not counted; the renderer's are). Leaks on
 * those paths are found by the sanitizer build, which runs this test too. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/parscore.h"

#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must name the examples directory"
#endif

/* ---- an allocator that fails once, at the n-th call (the library's own calls: --wrap at link time) ---- */

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);

static long fail_at = -1; /* the allocation that fails, counted from 1; -1: none */
static long calls;

static bool should_fail(void)
{
    return fail_at > 0 && ++calls == fail_at;
}

void *__wrap_malloc(size_t size)
{
    return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : __real_calloc(count, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : __real_realloc(p, size);
}

/* cJSON allocates inside its own library: its hooks bring it under the same countdown */
static void *json_malloc(size_t size)
{
    return __wrap_malloc(size);
}

/* ---- the pipeline ---- */

static char *read_example(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", EXAMPLES_DIR, name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *data = __real_malloc(1 << 16);
    assert_non_null(data);
    *len = fread(data, 1, 1 << 16, f);
    fclose(f);
    return data;
}

typedef struct {
    char *scores, *peers, *q1, *units, *sub_plan, *sub_scores, *book;
    size_t scores_len, peers_len, q1_len, units_len, sub_plan_len, sub_scores_len, book_len;
} inputs;

static inputs in;

/* The units report's sink: appends to a buffer grown with the real allocator, so that the test's own
 * memory never fails in the library's place. */
static bool collect(void *ctx, const char *data, size_t len)
{
    ps_buf *out = ctx;
    if (out->len + len + 1 > out->cap) {
        size_t cap = (out->len + len + 1) * 2;
        char *grown = __real_realloc(out->data, cap);
        assert_non_null(grown);
        out->data = grown;
        out->cap = cap;
    }
    memcpy(out->data + out->len, data, len);
    out->len += len;
    out->data[out->len] = '\0';
    return true;
}

/* What one run wrote: each report in its own slot, NULL where the report was refused (out of memory). */
#define MAX_REPORTS 64
typedef struct {
    char *text[MAX_REPORTS];
    size_t len[MAX_REPORTS];
    size_t count;
} reports;

static void keep(reports *r, bool made, const ps_buf *one)
{
    assert_true(r->count < MAX_REPORTS);
    size_t k = r->count++;
    r->text[k] = NULL;
    if (!made)
        return;
    r->len[k] = one->len;
    r->text[k] = __real_malloc(one->len + 1);
    assert_non_null(r->text[k]);
    memcpy(r->text[k], one->data ? one->data : "", one->len);
}

static void reports_free(reports *r)
{
    for (size_t k = 0; k < r->count; k++)
        free(r->text[k]);
    r->count = 0;
}

/* A step's outcome: fine, or out of memory said as such; anything else fails the test. */
static bool step(ps_status st, const ps_error *err, const char *what)
{
    if (st == PS_OK)
        return true;
    if (st != PS_ERR_NOMEM || (err && err->code != PS_MSG_NOMEM)) {
        print_error("allocation %ld: %s gave status %d, message %d instead of out of memory\n", fail_at, what,
                    (int)st, err ? (int)err->code : -1);
        fail();
    }
    return false;
}

/* What the stages start from, made once with nothing failing. */
static ps_plan plan;
static ps_scores q3;
static ps_peers peers;
static ps_result result;
static ps_check check;

/* Loading: the built-in plan, the scores and the peers. */
static void stage_load(reports *out)
{
    ps_plan p;
    ps_scores s;
    ps_peers e;
    ps_error err;
    if (!step(ps_plan_load_builtin(&p, &err), &err, "the built-in plan"))
        return;
    if (step(ps_scores_load_buffer(in.scores, in.scores_len, "q3.csv", &p, &s, &err), &err, "the scores")) {
        if (step(ps_peers_load_buffer(in.peers, in.peers_len, "peers.csv", &p, &e, &err), &err, "the peers"))
            ps_peers_free(&e);
        ps_scores_free(&s);
    }
    ps_plan_free(&p);
    (void)out;
}

/* The scores from a workbook (LibreOffice's: shared strings, styles), and the report they make. */
static void stage_workbook(reports *out)
{
    ps_scores s;
    ps_result r;
    ps_error err;
    ps_report_options options = {.lang = PS_LANG_VI, .scores_source = "q3.xlsx"};
    ps_buf one;
    ps_buf_init(&one);
    bool made = step(ps_scores_load_buffer(in.book, in.book_len, "q3.xlsx", &plan, &s, &err), &err,
                     "the workbook's scores");
    if (made) {
        made = step(ps_score(&plan, &s, &r), NULL, "ps_score of the workbook's scores");
        if (made) {
            made = step(ps_report_text(&plan, &r, &options, &one), NULL, "the workbook's report");
            ps_result_free(&r);
        }
        ps_scores_free(&s);
    }
    keep(out, made, &one);
    ps_buf_free(&one);
}

/* The same from JSON: the reader's pieces, escapes, a top-level string and a list column. */
static const char json_plan[] =
    "{\"unit\": \"S\\u00ecn H\u1ed3\", \"year\": 2023, \"indicators\": [\r\n"
    " {\"id\": \"total\", \"kind\": \"total\", \"name\": \"T\\u1ed5ng\", \"baseline\": null, "
    "\"baseline_rank\": null,"
    " \"target\": \">65\", \"target_rank\": null, \"max_points\": null, \"owners\": []},\r\n"
    " {\"id\": \"1\", \"kind\": \"criterion\", \"name\": \"A\", \"max_points\": 10, \"baseline\": 42.22,"
    " \"target\": \"Tr\u00ean 50%\", \"owners\": [\"Ph\u00f2ng N\u1ed9i v\u1ee5\", \"B\\u00e2\"]},\r\n"
    " {\"id\": \"2\", \"kind\": \"criterion\", \"name\": \"B\", \"max_points\": 10.0, \"owners\": \"C\"}]}";
static const char json_scores[] =
    "\xEF\xBB\xBF{\"scores\": [{\"id\": \"1\", \"score\": 48.5, \"note\": \"n\\u1ed9i \\\"x\\\"\"},\n"
    "  {\"id\": \"2\", \"points\": \"7,4\", \"evidence\": null}], \"period\": \"2023-Q3\"}";
static const char json_peers[] = "{\"peers\": [{\"unit\": \"S\u00ecn H\u1ed3\", \"total\": 59.62},"
                                 " {\"unit\": \"Tam \\u0110\u01b0\u1eddng\", \"total\": 73.67, \"1\": 50}]}";

static void stage_load_json(reports *out)
{
    ps_plan p;
    ps_scores s;
    ps_peers e;
    ps_error err;
    if (step(ps_plan_load_buffer(json_plan, sizeof json_plan - 1, "plan.json", &p, &err), &err,
             "a JSON plan")) {
        if (step(ps_scores_load_buffer(json_scores, sizeof json_scores - 1, "q3.json", &p, &s, &err), &err,
                 "JSON scores"))
            ps_scores_free(&s);
        ps_plan_free(&p);
    }
    if (step(ps_peers_load_buffer(json_peers, sizeof json_peers - 1, "peers.json", &plan, &e, &err), &err,
             "JSON peers"))
        ps_peers_free(&e);
    (void)out;
}

/* Scoring, ranking and the check. */
static void stage_score(reports *out)
{
    ps_result r;
    ps_check c;
    ps_error err;
    if (!step(ps_score(&plan, &q3, &r), NULL, "ps_score"))
        return;
    if (step(ps_rank_apply(&r, &plan, &peers, 0), NULL, "ps_rank_apply") &&
        step(ps_check_targets(&r, NULL, 0, &c, &err), &err, "ps_check_targets"))
        ps_check_free(&c);
    ps_result_free(&r);
    (void)out;
}

/* One reporter of the report or the check (reporter_index picks it), so that each run repeats only it. */
static size_t reporter_index;

static void stage_report(reports *out)
{
    typedef ps_status (*reporter)(const ps_plan *, const ps_result *, const ps_report_options *, ps_buf *);
    static const reporter reporters[] = {ps_report_text, ps_report_markdown, ps_report_csv,
                                         ps_report_json, ps_report_svg,      ps_report_xlsx};
    size_t count = sizeof reporters / sizeof reporters[0], k = reporter_index % (count + 1);
    ps_lang lang = reporter_index / (count + 1) ? PS_LANG_EN : PS_LANG_VI;
    ps_report_options options = {
        .lang = lang, .scores_source = "q3.csv", .check = &check, .by_owner = k == 1};
    ps_buf one;
    ps_buf_init(&one);
    ps_status st = k < count ? reporters[k](&plan, &result, &options, &one)
                             : ps_report_check_text(&plan, &check, &options, &one);
    keep(out, step(st, NULL, "a reporter"), &one);
    ps_buf_free(&one);
}

/* Two quarters loaded, added, finished, and the trend in each of its formats. */
static void stage_trend(reports *out)
{
    ps_trend trend;
    ps_error err;
    ps_trend_init(&trend, &plan);
    const char *files[][2] = {{in.q1, "scores-2023-q1.csv"}, {in.scores, "scores-2023-q3.csv"}};
    size_t lens[] = {in.q1_len, in.scores_len};
    bool ok = true;
    for (int k = 0; k < 2 && ok; k++) {
        ps_scores scores;
        ok = step(ps_scores_load_buffer(files[k][0], lens[k], files[k][1], &plan, &scores, &err), &err,
                  "trend scores") &&
             step(ps_trend_add(&trend, &scores, &peers, 0, &err), &err, "ps_trend_add");
    }
    ok = ok && step(ps_trend_finish(&trend), NULL, "ps_trend_finish");
    for (int f = PS_TREND_TEXT; f <= PS_TREND_XLSX; f++) { /* a slot each, made or not */
        ps_report_options options = {.lang = PS_LANG_VI};
        ps_buf one;
        ps_buf_init(&one);
        keep(out, ok && step(ps_report_trend(&trend, (ps_trend_format)f, &options, &one), NULL, "the trend"),
             &one);
        ps_buf_free(&one);
    }
    ps_trend_free(&trend);
}

/* Units read, reduced, ranked and written in each format. */
static void stage_units(reports *out)
{
    ps_units units;
    ps_error err;
    bool ok = step(ps_units_init(&units, &plan, &err), &err, "ps_units_init") &&
              step(ps_units_read_buffer(in.units, in.units_len, "communes.csv", &plan, ps_units_add, &units,
                                        &units.source, &units.warnings, &err),
                   &err, "ps_units_read_buffer") &&
              step(ps_units_rank(&units, &err), &err, "ps_units_rank");
    for (int f = PS_UNITS_TEXT; f <= PS_UNITS_XLSX; f++) { /* a slot each, made or not */
        ps_report_options options = {.lang = PS_LANG_EN};
        ps_buf one = {0};
        keep(out,
             ok && step(ps_report_units(&units, (ps_units_format)f, &options, collect, &one), NULL, "units"),
             &one);
        free(one.data);
    }
    ps_units_free(&units);
}

/* A plan with sub-criteria and appraised scores, made once with nothing failing, for the stages below. */
static ps_plan sub_plan;
static ps_scores sub_scores;
static ps_result sub_result;

/* Loading and scoring it. */
static void stage_subs_load(reports *out)
{
    ps_plan p;
    ps_scores s;
    ps_result r;
    ps_error err;
    (void)out;
    if (!step(ps_plan_load_buffer(in.sub_plan, in.sub_plan_len, "sub.csv", &p, &err), &err, "the sub plan"))
        return;
    if (step(ps_scores_load_buffer(in.sub_scores, in.sub_scores_len, "sub-q3.csv", &p, &s, &err), &err,
             "the sub scores")) {
        if (step(ps_score(&p, &s, &r), NULL, "ps_score of sub-criteria"))
            ps_result_free(&r);
        ps_scores_free(&s);
    }
    ps_plan_free(&p);
}

/* One layout of its report (sub_index 0..3), or its template (4, 5, 6: CSV, JSON, a workbook). */
static size_t sub_index;

static void stage_subs_report(reports *out)
{
    typedef ps_status (*reporter)(const ps_plan *, const ps_result *, const ps_report_options *, ps_buf *);
    static const reporter reporters[] = {ps_report_text, ps_report_markdown, ps_report_csv, ps_report_json};
    ps_report_options options = {.lang = PS_LANG_EN, .scores_source = "sub-q3.csv"};
    ps_buf one;
    ps_buf_init(&one);
    static const ps_template_format templates[] = {PS_TEMPLATE_CSV, PS_TEMPLATE_JSON, PS_TEMPLATE_XLSX};
    ps_status st = sub_index < 4 ? reporters[sub_index](&sub_plan, &sub_result, &options, &one)
                                 : ps_report_template(&sub_plan, templates[sub_index - 4], &options, &one);
    keep(out, step(st, NULL, "a report of sub-criteria"), &one);
    ps_buf_free(&one);
}

/* Runs stage again and again, its n-th allocation failing, until a run has nothing left to fail. */
static void fail_each_allocation(void (*stage)(reports *), long at_least)
{
    static reports reference, got;
    fail_at = -1;
    stage(&reference);
    long runs = 0;
    for (long at = 1;; at++, runs++) {
        calls = 0;
        fail_at = at;
        stage(&got);
        long seen = calls;
        fail_at = -1; /* the comparison allocates freely */
        /* each report is whole and the same as when nothing failed, or it is not there */
        assert_int_equal(got.count, reference.count);
        for (size_t k = 0; k < got.count; k++) {
            if (got.text[k] &&
                (got.len[k] != reference.len[k] || memcmp(got.text[k], reference.text[k], got.len[k]))) {
                print_error("allocation %ld: report %zu differs from the one made when nothing failed\n", at,
                            k);
                fail();
            }
            if (seen < at && !got.text[k]) { /* nothing failed: nothing may be missing */
                print_error("report %zu is missing from a run where no allocation failed\n", k);
                fail();
            }
        }
        reports_free(&got);
        if (seen < at)
            break;
    }
    print_message("%ld runs, each with one failed allocation\n", runs);
    assert_true(runs >= at_least);
    reports_free(&reference);
}

static void loading(void **state)
{
    (void)state;
    fail_each_allocation(stage_load, 50);
    fail_each_allocation(stage_load_json, 50);
}

static void scoring(void **state)
{
    (void)state;
    fail_each_allocation(stage_score, 5);
}

static void reporting(void **state)
{
    (void)state;
    /* 6 reporters and the check, in 2 languages; the workbook allocates least, about 15 times */
    for (reporter_index = 0; reporter_index < 14; reporter_index++)
        fail_each_allocation(stage_report, 10);
}

static void trend(void **state)
{
    (void)state;
    fail_each_allocation(stage_trend, 50);
}

static void subs(void **state)
{
    (void)state;
    fail_each_allocation(stage_subs_load, 100);
    /* the workbook's template allocates least (libxlsxwriter's own allocations are not counted) */
    for (sub_index = 0; sub_index < 7; sub_index++)
        fail_each_allocation(stage_subs_report, sub_index == 6 ? 5 : 10);
}

static void workbook(void **state)
{
    (void)state;
    fail_each_allocation(stage_workbook, 100);
}

static void units(void **state)
{
    (void)state;
    fail_each_allocation(stage_units, 20);
}

static int setup(void **state)
{
    (void)state;
    in.scores = read_example("scores-2023-q3.csv", &in.scores_len);
    in.q1 = read_example("scores-2023-q1.csv", &in.q1_len);
    in.peers = read_example("peers-2022.csv", &in.peers_len);
    in.units = read_example("communes-2023.csv", &in.units_len);
    in.sub_plan = read_example("plan-sub-criteria.csv", &in.sub_plan_len);
    in.sub_scores = read_example("scores-2023-q3-sub.csv", &in.sub_scores_len);
    in.book = read_example("scores-2023-q3.xlsx", &in.book_len);
    cJSON_Hooks hooks = {json_malloc, free};
    cJSON_InitHooks(&hooks);
    ps_error err;
    if (ps_plan_load_builtin(&plan, &err) != PS_OK ||
        ps_scores_load_buffer(in.scores, in.scores_len, "q3.csv", &plan, &q3, &err) != PS_OK ||
        ps_peers_load_buffer(in.peers, in.peers_len, "peers.csv", &plan, &peers, &err) != PS_OK ||
        ps_score(&plan, &q3, &result) != PS_OK || ps_rank_apply(&result, &plan, &peers, 0) != PS_OK ||
        ps_check_targets(&result, NULL, 0, &check, &err) != PS_OK ||
        ps_plan_load_buffer(in.sub_plan, in.sub_plan_len, "sub.csv", &sub_plan, &err) != PS_OK ||
        ps_scores_load_buffer(in.sub_scores, in.sub_scores_len, "sub-q3.csv", &sub_plan, &sub_scores, &err) !=
            PS_OK ||
        ps_score(&sub_plan, &sub_scores, &sub_result) != PS_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ps_result_free(&sub_result);
    ps_scores_free(&sub_scores);
    ps_plan_free(&sub_plan);
    ps_check_free(&check);
    ps_result_free(&result);
    ps_peers_free(&peers);
    ps_scores_free(&q3);
    ps_plan_free(&plan);
    free(in.scores);
    free(in.q1);
    free(in.peers);
    free(in.units);
    free(in.sub_plan);
    free(in.sub_scores);
    free(in.book);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(loading),   cmocka_unit_test(scoring),
                                       cmocka_unit_test(reporting), cmocka_unit_test(trend),
                                       cmocka_unit_test(units),     cmocka_unit_test(subs),
                                       cmocka_unit_test(workbook)};
    return cmocka_run_group_tests(tests, setup, teardown) ? 1 : 0;
}
