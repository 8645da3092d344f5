/* Trends: quarters scored one by one, periods read from files or names, and a least-squares outlook. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/text.h"
#include "parscore/trend.h"

void ps_trend_init(ps_trend *trend, const ps_plan *plan)
{
    memset(trend, 0, sizeof *trend);
    trend->plan = plan;
}

static int roman_quarter(const char *s)
{
    static const char *const romans[] = {"iv", "iii", "ii", "i"};
    static const int values[] = {4, 3, 2, 1};
    for (int k = 0; k < 4; k++) {
        size_t n = strlen(romans[k]);
        if (strncmp(s, romans[k], n) == 0 && !(s[n] >= 'a' && s[n] <= 'z'))
            return values[k];
    }
    return 0;
}

ps_status ps_period_quarter(const char *period, int *out)
{
    char *folded;
    *out = 0;
    ps_status st = ps_text_fold(period, strlen(period), &folded);
    if (st != PS_OK)
        return st == PS_ERR_NOMEM ? st : PS_OK; /* text that is not UTF-8 names no quarter */
    int quarter = 0;
    for (const char *p = folded; *p && !quarter; p++) {
        bool start = p == folded || !((p[-1] >= 'a' && p[-1] <= 'z'));
        if (start && *p == 'q' && p[1] >= '1' && p[1] <= '4' && !(p[2] >= '0' && p[2] <= '9'))
            quarter = p[1] - '0';
        else if (start && strncmp(p, "quý", strlen("quý")) == 0) {
            const char *q = p + strlen("quý");
            while (*q == ' ')
                q++;
            quarter = *q >= '1' && *q <= '4' && !(q[1] >= '0' && q[1] <= '9') ? *q - '0' : roman_quarter(q);
        }
    }
    free(folded);
    *out = quarter;
    return PS_OK;
}

ps_status ps_period_from_path(const char *path, char **period)
{
    *period = NULL;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    /* a year (4 digits) followed, after at most one separator, by q and the quarter */
    for (const char *p = base; *p; p++) {
        if (!(p[0] >= '1' && p[0] <= '2') || strspn(p, "0123456789") != 4)
            continue;
        const char *q = p + 4;
        if (*q == '-' || *q == '_' || *q == ' ' || *q == '.')
            q++;
        if ((*q == 'q' || *q == 'Q') && q[1] >= '1' && q[1] <= '4' && !(q[2] >= '0' && q[2] <= '9')) {
            char text[16];
            snprintf(text, sizeof text, "%.4s-Q%c", p, q[1]);
            *period = ps_strdup(text);
            return *period ? PS_OK : PS_ERR_NOMEM;
        }
    }
    return PS_OK;
}

/* The period's name: the file's "# period:", else one found in its name, else the name itself (which
 * names no period: its digits may be anything, a folder's year included). */
static ps_status period_of(const ps_scores *scores, char **period, bool *named)
{
    *named = true;
    if (scores->period) {
        *period = ps_strdup(scores->period);
        return *period ? PS_OK : PS_ERR_NOMEM;
    }
    ps_status st = ps_period_from_path(scores->source ? scores->source : "", period);
    if (st == PS_OK && !*period) {
        *named = false;
        *period = ps_strdup(scores->source ? scores->source : "");
        st = *period ? PS_OK : PS_ERR_NOMEM;
    }
    return st;
}

/* The year a text names: its first run of exactly four digits ("2023-Q3", "Quý 3/2023"); 0 when none. */
static int year_in(const char *text)
{
    for (const char *p = text; *p; p++) {
        size_t n = strspn(p, "0123456789");
        if (n == 4)
            return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
        p += n > 0 ? n - 1 : 0;
    }
    return 0;
}

static ps_status same_period(const ps_trend_point *a, const ps_trend_point *b, bool *same)
{
    *same = a->quarter > 0 && a->quarter == b->quarter; /* the year is the plan's or none: a repeat */
    if (*same || a->quarter > 0 || b->quarter > 0)
        return PS_OK;
    char *x, *y = NULL;
    ps_status st = ps_text_fold(a->period, strlen(a->period), &x);
    if (st == PS_OK)
        st = ps_text_fold(b->period, strlen(b->period), &y);
    *same = st == PS_OK ? strcmp(x, y) == 0 : strcmp(a->period, b->period) == 0;
    if (st == PS_OK || st == PS_ERR_INPUT) /* not UTF-8: compared as bytes */
        st = PS_OK;
    free(x);
    free(y);
    return st;
}

/* A quarter of another year, projected against this plan's targets, or one counted twice, would bend the
 * outlook: both are refused, at the "# period:" line when the file has one. */
static ps_status check_period(const ps_trend *t, const ps_trend_point *p, bool named, ps_error *err)
{
    const char *file = p->scores.source;
    long line = p->scores.period_line;
    int year = named ? year_in(p->period) : 0, plan_year = t->plan->year ? year_in(t->plan->year) : 0;
    if (year > 0 && plan_year > 0 && year != plan_year) {
        char y[16], py[16];
        snprintf(y, sizeof y, "%d", year);
        snprintf(py, sizeof py, "%d", plan_year);
        ps_error_set(err, PS_MSG_PERIOD_OTHER_YEAR, file, line, 0, p->period, y, py);
        return PS_ERR_INPUT;
    }
    for (size_t k = 0; k < t->count; k++) {
        bool same;
        ps_status st = same_period(p, &t->points[k], &same);
        if (st != PS_OK)
            return st;
        if (same) {
            ps_error_set(err, PS_MSG_PERIOD_REPEATED, file, line, 0, p->period, t->points[k].period,
                         t->points[k].scores.source);
            return PS_ERR_INPUT;
        }
    }
    return PS_OK;
}

ps_status ps_trend_add(ps_trend *t, ps_scores *scores, const ps_peers *peers, ps_num peer_change,
                       ps_error *err)
{
    if (t->count == PS_TREND_MAX_PERIODS) {
        char limit[16];
        snprintf(limit, sizeof limit, "%d", PS_TREND_MAX_PERIODS);
        ps_error_set(err, PS_MSG_TOO_MANY_PERIODS, NULL, 0, 0, limit, NULL, NULL);
        ps_scores_free(scores);
        return PS_ERR_INPUT;
    }
    ps_trend_point *p = &t->points[t->count];
    memset(p, 0, sizeof *p);
    p->scores = *scores; /* taken over: the caller's copy is left empty */
    memset(scores, 0, sizeof *scores);
    bool named;
    ps_status st = period_of(&p->scores, &p->period, &named);
    if (st == PS_OK)
        st = ps_period_quarter(p->period, &p->quarter);
    if (st == PS_OK)
        st = check_period(t, p, named, err);
    if (st == PS_ERR_INPUT) {
        ps_scores_free(&t->refused);
        t->refused = p->scores; /* kept: err->file points into them */
        free(p->period);
        memset(p, 0, sizeof *p);
        return st;
    }
    bool scored = st == PS_OK && ps_score(t->plan, &p->scores, &p->result) == PS_OK;
    if (scored)
        st = ps_rank_apply(&p->result, t->plan, peers, peer_change);
    if (!scored || st != PS_OK) {
        if (scored)
            ps_result_free(&p->result);
        ps_scores_free(&p->scores);
        free(p->period);
        ps_error_set(err, PS_MSG_NOMEM, NULL, 0, 0, NULL, NULL, NULL);
        return PS_ERR_NOMEM;
    }
    t->ranked = peers != NULL;
    t->count++;
    return PS_OK;
}

/* y at x = 4 of the least-squares line through (x_i, y_i): exact integers until the one division. */
static bool outlook_at_year_end(const int *x, const ps_num *y, size_t n, ps_num *out)
{
    int64_t sx = 0, sxx = 0, sy = 0, sxy = 0, count = (int64_t)n;
    for (size_t i = 0; i < n; i++) {
        sx += x[i];
        sxx += (int64_t)x[i] * x[i];
        sy += y[i];
        sxy += x[i] * y[i];
    }
    int64_t d = count * sxx - sx * sx;
    if (n < 2 || d == 0)
        return false;
    int64_t num = sy * d + (4 * count - sx) * (count * sxy - sx * sy);
    ps_num v = ps_num_div(num, count * d);
    *out = v < 0 ? 0 : v > 100 * PS_NUM_SCALE ? 100 * PS_NUM_SCALE : v;
    return true;
}

ps_status ps_trend_finish(ps_trend *t)
{
    size_t items = t->plan->count ? t->plan->count : 1;
    t->has_outlook = calloc(items, sizeof *t->has_outlook);
    t->outlook = calloc(items, sizeof *t->outlook);
    t->outlook_met = calloc(items, sizeof *t->outlook_met);
    if (!t->has_outlook || !t->outlook || !t->outlook_met)
        return PS_ERR_NOMEM;
    for (size_t k = 0; k < t->count; k++)
        if (t->points[k].quarter == 0)
            t->outlook_state = PS_OUTLOOK_NO_QUARTER;
    if (t->count < 2)
        t->outlook_state = PS_OUTLOOK_TOO_FEW;
    if (t->outlook_state != PS_OUTLOOK_SHOWN)
        return PS_OK;
    for (size_t i = 0; i < t->plan->count; i++) {
        int x[PS_TREND_MAX_PERIODS];
        ps_num y[PS_TREND_MAX_PERIODS];
        size_t n = 0;
        for (size_t k = 0; k < t->count; k++) {
            const ps_line *l = &t->points[k].result.lines[i];
            if (l->has_score && !l->partial) {
                x[n] = t->points[k].quarter;
                y[n++] = l->score;
            }
        }
        const ps_indicator *ind = &t->plan->items[i];
        t->has_outlook[i] = outlook_at_year_end(x, y, n, &t->outlook[i]);
        t->outlook_met[i] = !ind->has_target                             ? PS_MET_NO_TARGET
                            : !t->has_outlook[i]                         ? PS_MET_UNKNOWN
                            : ps_target_met(&ind->target, t->outlook[i]) ? PS_MET_YES
                                                                         : PS_MET_NO;
    }
    return PS_OK;
}

void ps_trend_free(ps_trend *t)
{
    for (size_t k = 0; k < t->count; k++) {
        ps_result_free(&t->points[k].result);
        ps_scores_free(&t->points[k].scores);
        free(t->points[k].period);
    }
    free(t->has_outlook);
    free(t->outlook);
    free(t->outlook_met);
    ps_scores_free(&t->refused);
    t->count = 0;
    t->has_outlook = NULL;
    t->outlook = NULL;
    t->outlook_met = NULL;
}
