/* Ranking among peers: projected ranks, points to a target rank, and what each criterion alone would need. */
#include <stdlib.h>
#include <string.h>

#include "parscore/score.h"

#define CENT (PS_NUM_SCALE / 100)

static ps_num clamp_percent(ps_num v)
{
    return v < 0 ? 0 : v > 100 * PS_NUM_SCALE ? 100 * PS_NUM_SCALE : v;
}

/* Rounded up to whole hundredths: a need shown as 1,24 is enough, 1,23 might not be. */
static ps_num ceil_cent(ps_num v)
{
    ps_num r = v % CENT;
    return r > 0 ? v - r + CENT : v - r;
}

int ps_rank_position(ps_num subject, const ps_num *others, size_t count)
{
    ps_num s = ps_num_round2(subject);
    int rank = 1;
    for (size_t k = 0; k < count; k++)
        rank += ps_num_round2(others[k]) > s;
    return rank;
}

/* The value at position at (0-based) of others sorted best first, found without a sorted copy: the one
 * with at most `at` values above it and more than `at` at or above it. Peers are few (a plan's units). */
static ps_num value_at(const ps_num *others, size_t count, size_t at)
{
    for (size_t k = 0; k < count; k++) {
        size_t above = 0, at_or_above = 0;
        for (size_t j = 0; j < count; j++) {
            above += others[j] > others[k];
            at_or_above += others[j] >= others[k];
        }
        if (above <= at && at < at_or_above)
            return others[k];
    }
    return others[count - 1]; /* not reached: some value holds every position */
}

ps_num ps_points_to_rank(ps_num subject, const ps_num *others, size_t count, int target_rank, size_t *holder)
{
    *holder = 0;
    if (target_rank < 1 || ps_rank_position(subject, others, count) <= target_rank || count == 0)
        return 0;
    size_t at = (size_t)target_rank - 1 < count ? (size_t)target_rank - 1 : count - 1;
    ps_num bar = ps_num_round2(value_at(others, count, at));
    for (size_t k = count; k-- > 0;)
        if (ps_num_round2(others[k]) == bar)
            *holder = k;                 /* the first of tied holders, in the file's order */
    return bar - ps_num_round2(subject); /* equal at 2 decimals shares the rank, which holds it */
}

/* The values of the other units for one plan item (npos = SIZE_MAX: their totals), shifted. */
static size_t other_values(const ps_peers *peers, size_t item, ps_num change, ps_num *out, size_t *index)
{
    size_t n = 0;
    for (size_t k = 0; k < peers->count; k++) {
        if (k == peers->subject)
            continue;
        const ps_peer *p = &peers->items[k];
        if (item != SIZE_MAX && !p->has_value[item])
            continue;
        out[n] = clamp_percent((item == SIZE_MAX ? p->total : p->value[item]) + change);
        index[n++] = k;
    }
    return n;
}

static void rank_line(ps_line *l, size_t item, const ps_peers *peers, ps_num change, bool judged,
                      ps_num *values, size_t *index)
{
    const ps_indicator *ind = l->indicator;
    bool is_total = ind->kind == PS_KIND_TOTAL;
    size_t n = other_values(peers, is_total ? SIZE_MAX : item, change, values, index);
    if (ind->target_rank > 0)
        l->rank_met = PS_MET_UNKNOWN;
    if (n == 0 || !l->has_score || l->partial)
        return;
    l->has_rank = true;
    l->rank = ps_rank_position(l->score, values, n);
    l->rank_of = (int)n + 1;
    if (ind->target_rank <= 0 || !judged)
        return; /* among fewer units than the plan's, a rank says little and a rank target nothing */
    size_t holder;
    l->has_points_to_target_rank = true;
    l->points_to_target_rank = ps_points_to_rank(l->score, values, n, ind->target_rank, &holder);
    if (l->points_to_target_rank > 0) {
        l->rank_holder = peers->items[index[holder]].unit;
        l->rank_holder_value = values[holder];
    }
    l->rank_met = l->rank <= ind->target_rank ? PS_MET_YES : PS_MET_NO;
}

static int by_leverage(const void *a, const void *b)
{
    const ps_lever *x = a, *y = b;
    ps_num mx = x->indicator->max_points, my = y->indicator->max_points;
    if (mx != my)
        return (mx < my) - (mx > my);
    return strcmp(x->indicator->id, y->indicator->id);
}

/* What the tool itself says of a total whose sums were weighted: met its target, or (for the rank) at the
 * bar or above at 2 decimals, where a tie shares the rank. */
typedef struct {
    const ps_target *target; /* NULL: judge the rank */
    ps_num bar;
    ps_num weights;
} judge;

static bool judged_met(const judge *j, int64_t weighted)
{
    ps_num total = ps_num_div(weighted, j->weights);
    return j->target ? ps_target_met(j->target, total) : ps_num_round2(total) >= j->bar;
}

/* The least whole hundredths of one criterion's percent that turn the judgement to met: a first guess
 * from the total's gap (gap × Σmax / max), then stepped to the least one the judgement itself accepts. */
static ps_num least_raise(const ps_result *r, const judge *j, ps_num max, ps_num total_gap)
{
    /* gap ≤ 10^8 × Σmax ≤ 10^10 and max × 2·10^8 stay inside 64 bits (plan limits) */
    ps_num x = total_gap > 0 ? ceil_cent(ps_num_div(total_gap * r->total_weights, max)) : 0;
    while (x > 0 && judged_met(j, r->total_weighted + max * (x - CENT)))
        x -= CENT;
    while (x <= 200 * PS_NUM_SCALE && !judged_met(j, r->total_weighted + max * x))
        x += CENT;
    return x;
}

static void lever_for(const ps_result *r, const judge *j, ps_num total_gap, const ps_line *l, bool *has,
                      ps_num *need, bool *alone)
{
    *has = true;
    *need = least_raise(r, j, l->indicator->max_points, total_gap);
    *alone = *need <= 100 * PS_NUM_SCALE - l->score; /* more than its headroom: it cannot alone */
}

static ps_status levers(ps_result *r, const ps_line *total)
{
    const ps_indicator *t = total->indicator;
    if (t->has_target) {
        r->has_to_target = true;
        r->to_target = ps_target_least_gain(&t->target, total->score);
    }
    r->levers = calloc(r->count ? r->count : 1, sizeof *r->levers);
    if (!r->levers)
        return PS_ERR_NOMEM;
    judge for_target = {&t->target, 0, r->total_weights};
    judge for_rank = {NULL, ps_num_round2(total->score) + total->points_to_target_rank, r->total_weights};
    for (size_t i = 0; i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        if (l->indicator->kind != PS_KIND_CRITERION || !l->indicator->has_max_points || !l->has_score ||
            l->indicator->depth > 0)
            continue;
        ps_lever *lv = &r->levers[r->lever_count++];
        lv->indicator = l->indicator;
        lv->headroom = 100 * PS_NUM_SCALE - l->score;
        if (r->has_to_target)
            lever_for(r, &for_target, r->to_target, l, &lv->has_for_target, &lv->for_target,
                      &lv->alone_for_target);
        if (total->has_points_to_target_rank)
            lever_for(r, &for_rank, total->points_to_target_rank, l, &lv->has_for_rank, &lv->for_rank,
                      &lv->alone_for_rank);
    }
    qsort(r->levers, r->lever_count, sizeof *r->levers, by_leverage);
    return PS_OK;
}

ps_status ps_rank_apply(ps_result *r, const ps_plan *plan, const ps_peers *peers, ps_num peer_change)
{
    r->peer_change = peer_change;
    ps_line *total = NULL;
    for (size_t i = 0; i < r->count; i++)
        if (r->lines[i].indicator->kind == PS_KIND_TOTAL)
            total = &r->lines[i];
    if (peers && r->has_scores) {
        r->ranked = true;
        r->peers_source = peers->source;
        r->peer_units = peers->count;
        r->plan_units = plan->unit_count;
        r->rank_targets_judged = plan->unit_count <= 0 || peers->count == (size_t)plan->unit_count;
        ps_num *values = malloc((peers->count ? peers->count : 1) * sizeof *values);
        size_t *index = malloc((peers->count ? peers->count : 1) * sizeof *index);
        if (!values || !index) {
            free(values);
            free(index);
            return PS_ERR_NOMEM;
        }
        for (size_t i = 0; i < r->count; i++) {
            ps_kind kind = r->lines[i].indicator->kind;
            if (kind == PS_KIND_CRITERION || kind == PS_KIND_SIPAS || kind == PS_KIND_TOTAL)
                rank_line(&r->lines[i], i, peers, peer_change, r->rank_targets_judged, values, index);
        }
        free(values);
        free(index);
        for (size_t i = 0; i < r->count; i++) {
            ps_met met = r->lines[i].rank_met;
            if (met == PS_MET_NO_TARGET)
                continue;
            r->targets++;
            r->met += met == PS_MET_YES;
            r->unknown += met == PS_MET_UNKNOWN;
        }
    }
    if (total && total->has_score && !total->partial)
        return levers(r, total);
    return PS_OK;
}
