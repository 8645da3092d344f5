/* Scoring: change from the baseline, gap to the target, met or not, and the weighted total. */
#include <stdlib.h>
#include <string.h>

#include "parscore/score.h"

static void score_line(ps_line *line)
{
    const ps_indicator *ind = line->indicator;
    if (line->has_score && ind->has_baseline) {
        line->has_change = true;
        line->change = line->score - ind->baseline;
    }
    if (!ind->has_target) {
        line->met = PS_MET_NO_TARGET;
        return;
    }
    if (!line->has_score || line->partial) {
        line->met = PS_MET_UNKNOWN;
    } else {
        line->met = ps_target_met(&ind->target, line->score) ? PS_MET_YES : PS_MET_NO;
    }
    if (line->has_score) {
        line->has_gap = true;
        line->gap = line->score - ind->target.value;
    }
}

/* The plan view: how far the baseline is from the target. */
static void need_line(ps_line *line)
{
    const ps_indicator *ind = line->indicator;
    if (!ind->has_target)
        return;
    if (!ind->has_baseline) {
        line->met = PS_MET_UNKNOWN;
        return;
    }
    line->has_need = true;
    line->need = ind->target.value > ind->baseline ? ind->target.value - ind->baseline : 0;
    line->met = ps_target_met(&ind->target, ind->baseline) ? PS_MET_YES : PS_MET_NO;
    if (line->met == PS_MET_YES)
        line->need = 0;
}

/* Total = Σ(max × score) / Σ max over the weighted indicators that have a score; exact until the division. */
static ps_status score_total(const ps_plan *plan, ps_result *r, ps_line *total)
{
    int64_t weighted = 0, max_sum = 0;
    r->missing = calloc(plan->count, sizeof *r->missing);
    if (!r->missing)
        return PS_ERR_NOMEM;
    for (size_t i = 0; i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        const ps_indicator *ind = l->indicator;
        if (!ind->has_max_points || ind->kind == PS_KIND_KPI || ind->kind == PS_KIND_TOTAL)
            continue;
        r->max_points_count++;
        if (!l->has_score) {
            r->missing[r->missing_count++] = ind;
            continue;
        }
        /* scale 10^12: max (≤ 10^4 in all, 10^6 scale) × percent (≤ 10^8) stays below 2^63 */
        /* max × score = 100 × points: use the points when the file gave them, they are exact */
        weighted += l->points_given ? l->points * 100 * PS_NUM_SCALE : ind->max_points * l->score;
        max_sum += ind->max_points;
    }
    if (max_sum == 0)
        return PS_OK;
    total->has_score = true;
    total->score = ps_num_div(weighted, max_sum);
    total->has_points = true;
    total->points = ps_num_div(weighted, 100 * PS_NUM_SCALE);
    total->partial = r->missing_count > 0;
    return PS_OK;
}

/* The plan's coherence: Σ(max × target) / Σ max, when every criterion has a target. */
static void total_at_targets(const ps_plan *plan, ps_result *r)
{
    int64_t weighted = 0, max_sum = 0;
    for (size_t i = 0; i < plan->count; i++) {
        const ps_indicator *ind = &plan->items[i];
        if (ind->kind != PS_KIND_CRITERION)
            continue;
        if (!ind->has_target || !ind->has_max_points)
            return;
        weighted += ind->max_points * ind->target.value;
        max_sum += ind->max_points;
    }
    if (max_sum == 0)
        return;
    r->has_total_at_targets = true;
    r->total_at_targets = ps_num_div(weighted, max_sum);
}

static void count_targets(ps_result *r)
{
    for (size_t i = 0; i < r->count; i++) {
        ps_met met = r->lines[i].met;
        if (met == PS_MET_NO_TARGET)
            continue;
        r->targets++;
        r->met += met == PS_MET_YES;
        r->unknown += met == PS_MET_UNKNOWN;
    }
}

ps_status ps_score(const ps_plan *plan, const ps_scores *scores, ps_result *r)
{
    memset(r, 0, sizeof *r);
    r->lines = calloc(plan->count ? plan->count : 1, sizeof *r->lines);
    if (!r->lines)
        return PS_ERR_NOMEM;
    r->count = plan->count;
    r->has_scores = scores != NULL;
    r->period = scores ? scores->period : NULL;
    total_at_targets(plan, r);
    for (size_t i = 0; i < plan->count; i++)
        r->lines[i].indicator = &plan->items[i];
    if (!scores) {
        for (size_t i = 0; i < r->count; i++)
            need_line(&r->lines[i]);
        count_targets(r);
        return PS_OK;
    }
    for (size_t k = 0; k < scores->count; k++) {
        const ps_score_entry *e = &scores->entries[k];
        ps_line *l = &r->lines[e->item];
        l->has_score = e->has_score;
        l->score = e->score;
        const ps_indicator *ind = l->indicator;
        if (e->has_points) {
            l->has_points = true;
            l->points_given = true;
            l->points = e->points;
        } else if (e->has_score && ind->has_max_points) {
            l->has_points = true;
            l->points = ps_num_div(ind->max_points * e->score, 100 * PS_NUM_SCALE);
        }
    }
    ps_line *total = NULL;
    for (size_t i = 0; i < r->count; i++)
        if (r->lines[i].indicator->kind == PS_KIND_TOTAL)
            total = &r->lines[i];
    if (total) {
        ps_status st = score_total(plan, r, total);
        if (st != PS_OK) {
            ps_result_free(r);
            return st;
        }
    }
    for (size_t i = 0; i < r->count; i++)
        score_line(&r->lines[i]);
    count_targets(r);
    return PS_OK;
}

void ps_result_free(ps_result *r)
{
    free(r->lines);
    free(r->missing);
    free(r->levers);
    memset(r, 0, sizeof *r);
}

long ps_result_find(const ps_result *r, const char *id)
{
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->lines[i].indicator->id, id) == 0)
            return (long)i;
    return -1;
}
