/* Scoring: each scored item, the roll-up of sub rows into their criteria, change, gap and met, the weighted
 * total (self-assessed and appraised), and where the points of the total are lost. */
#include <stdlib.h>
#include <string.h>

#include "parscore/score.h"

#define HUNDRED (100 * PS_NUM_SCALE)

/* One way of reading the scores: the effective points (appraised when given), or the self-assessed ones. */
typedef enum { VIEW_EFFECTIVE, VIEW_SELF } view;

/* An item's value in one view, as the roll-up sums it. */
typedef struct {
    bool not_applicable;
    bool has;       /* points known (for a parent: of some row below) */
    bool partial;   /* some row below that applies has no score */
    ps_num points;  /* of the rows that have them */
    ps_num scored;  /* max points of the rows that have points: the percent's base */
    ps_num max;     /* max points of everything that applies */
    bool exact;     /* points are what the file gave (not derived from a percent) */
    ps_num percent; /* when there are no max points (SIPAS, office targets): the percent as given */
} value;

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

static ps_num percent_of(ps_num points, ps_num max)
{
    return ps_num_div(points * HUNDRED, max); /* points ≤ 1000 keeps the product far inside 64 bits */
}

/* A scored item's own value in a view. */
static value entry_value(const ps_score_entry *e, const ps_indicator *ind, view v)
{
    value val = {.max = ind->has_max_points ? ind->max_points : 0};
    bool appraised = v == VIEW_EFFECTIVE && (e->has_appraised || e->appraised_not_applicable);
    if (appraised ? e->appraised_not_applicable : e->not_applicable) {
        val.not_applicable = true;
        val.max = 0;
        return val;
    }
    if (appraised) {
        val.has = val.exact = true;
        val.points = e->appraised;
    } else if (e->has_points) {
        val.has = val.exact = true;
        val.points = e->points;
    } else if (e->has_score && ind->has_max_points) {
        val.has = true;
        val.points = ps_num_div(ind->max_points * e->score, HUNDRED);
        val.percent = e->score;
    } else if (e->has_score) {
        val.has = true; /* no max points: a percent only */
        val.percent = e->score;
    }
    val.scored = val.has ? val.max : 0;
    if (val.has && ind->has_max_points && val.exact)
        val.percent = percent_of(val.points, ind->max_points);
    return val;
}

/* A parent's value: the sum over the rows directly under it that apply; all of them not applicable makes
 * it not applicable; a row below without a score makes it partial. */
static value children_value(const ps_plan *plan, size_t parent, const value *values)
{
    value val = {.exact = true};
    size_t applicable = 0;
    for (size_t k = 0; k < plan->count; k++) {
        if (plan->items[k].parent != (long)parent || values[k].not_applicable)
            continue;
        const value *c = &values[k];
        applicable++;
        val.max += c->max;
        val.partial = val.partial || c->partial || !c->has;
        if (!c->has)
            continue;
        val.has = true;
        val.points += c->points;
        val.scored += c->scored;
        val.exact = val.exact && c->exact && c->scored == c->max;
    }
    val.not_applicable = applicable == 0;
    if (val.has && val.scored > 0)
        val.percent = percent_of(val.points, val.scored);
    return val;
}

/* Every item's value in a view: the scored ones from the file, then each parent from the rows under it,
 * deepest first; scored marks the items the file has a row for. */
static void view_values(const ps_plan *plan, const ps_scores *scores, view v, value *values, bool *scored)
{
    memset(values, 0, plan->count * sizeof *values);
    for (size_t i = 0; i < plan->count; i++)
        values[i].max = plan->items[i].has_max_points ? plan->items[i].max_points : 0;
    for (size_t k = 0; k < scores->count; k++) {
        const ps_score_entry *e = &scores->entries[k];
        values[e->item] = entry_value(e, &plan->items[e->item], v);
        scored[e->item] = true;
    }
    for (int depth = PS_MAX_SUB_DEPTH - 1; depth >= 0; depth--)
        for (size_t i = 0; i < plan->count; i++)
            if (plan->items[i].depth == depth && plan->items[i].child_count > 0 && !scored[i])
                values[i] = children_value(plan, i, values);
}

/* The weighted total: Σ(max × percent) / Σ max over the top-level rows with max points that apply and have a
 * score; exact until the one division (points given as such are used as they are). */
typedef struct {
    bool has;
    ps_num score;
    ps_num points;
    ps_num weights; /* Σ max of what it was computed over */
} total;

static bool weighs(const ps_indicator *ind)
{
    return ind->has_max_points && ind->kind != PS_KIND_KPI && ind->kind != PS_KIND_TOTAL;
}

static total weighted_total(const ps_plan *plan, const value *values)
{
    total t = {0};
    int64_t weighted = 0;
    for (size_t i = 0; i < plan->count; i++) {
        const ps_indicator *ind = &plan->items[i];
        const value *v = &values[i];
        if (!weighs(ind) || ind->depth > 0 || v->not_applicable || !v->has)
            continue;
        /* scale 10^12: max (≤ 10^4 in all, 10^6 scale) × percent (≤ 10^8) stays below 2^63 */
        bool whole = v->exact && v->scored == ind->max_points; /* then max × percent = 100 × points exactly */
        weighted += whole ? v->points * HUNDRED : ind->max_points * v->percent;
        t.weights += ind->max_points;
    }
    if (t.weights == 0)
        return t;
    t.has = true;
    t.score = ps_num_div(weighted, t.weights);
    t.points = ps_num_div(weighted, HUNDRED);
    return t;
}

/* Whether a row above item has a row of its own in the file (then item is not scored on its own). */
static bool scored_above(const ps_plan *plan, const bool *scored, size_t item)
{
    for (long at = plan->items[item].parent; at >= 0; at = plan->items[at].parent)
        if (scored[at])
            return true;
    return false;
}

/* What takes a score of its own: a row with nothing under it, or one the file scores as a whole. */
static bool scorable(const ps_plan *plan, const bool *scored, size_t item)
{
    const ps_indicator *ind = &plan->items[item];
    return ind->kind != PS_KIND_TOTAL && (ind->child_count == 0 || scored[item]) &&
           !scored_above(plan, scored, item);
}

/* The weighted items without a score, in plan order: what a partial total lacks. */
static ps_status list_missing(const ps_plan *plan, const value *values, const bool *scored, ps_result *r)
{
    r->missing = calloc(plan->count ? plan->count : 1, sizeof *r->missing);
    if (!r->missing)
        return PS_ERR_NOMEM;
    for (size_t i = 0; i < plan->count; i++) {
        if (!weighs(&plan->items[i]) || !scorable(plan, scored, i))
            continue;
        r->max_points_count++;
        if (!values[i].has && !values[i].not_applicable)
            r->missing[r->missing_count++] = &plan->items[i];
    }
    return PS_OK;
}

static void fill_effective(ps_line *l, const value *v)
{
    l->not_applicable = v->not_applicable;
    l->partial = v->partial;
    l->applicable_max = v->max;
    l->has_score = v->has;
    l->score = v->percent;
    l->has_points = v->has && l->indicator->has_max_points;
    l->points = v->points;
    l->points_given = v->exact;
}

static void fill_self(ps_line *l, const value *v)
{
    l->has_self = v->has;
    l->self_points = v->points;
    l->self_score = v->percent;
    l->self_partial = v->partial;
}

static void fill_total(ps_line *l, const total *t, const total *self, bool partial)
{
    l->has_score = t->has;
    l->score = t->score;
    l->has_points = t->has;
    l->points = t->points;
    l->partial = partial;
    l->has_self = self->has;
    l->self_score = self->score;
    l->self_points = self->points;
    l->self_partial = partial;
}

static void entry_facts(ps_line *l, const ps_score_entry *e)
{
    l->scored = true;
    l->evidence = e->evidence;
    l->note = e->note;
    l->has_appraised = e->has_appraised;
    l->appraised_points = e->appraised;
    l->appraised_used = e->has_appraised || e->appraised_not_applicable;
}

static unsigned flags_of(const ps_line *l, bool scorable_item, bool evidence_column)
{
    const ps_indicator *ind = l->indicator;
    unsigned flags = 0;
    if (l->not_applicable)
        return PS_FLAG_NOT_APPLICABLE;
    if (scorable_item && !l->has_score)
        flags |= PS_FLAG_NO_SCORE;
    if (l->has_points && ind->has_max_points && l->points == 0)
        flags |= PS_FLAG_ZERO;
    /* below half of what applies (and was scored): its percent, which a row partly not applicable keeps true
     */
    if (l->has_points && ind->has_max_points && l->points > 0 && l->score < HUNDRED / 2)
        flags |= PS_FLAG_LOW;
    if (evidence_column && l->scored && l->has_points && l->points > 0 && !l->evidence)
        flags |= PS_FLAG_NO_EVIDENCE;
    return flags;
}

/* What full marks on a scored item would add to the total: its lost points, through its criterion's percent
 * (over what applies there) and the criterion's weight among the total's. */
static void lost_points(ps_result *r, const ps_plan *plan, const value *values, const total *t)
{
    for (size_t i = 0; i < r->count && t->has; i++) {
        ps_line *l = &r->lines[i];
        const ps_indicator *ind = l->indicator;
        long c = ind->kind == PS_KIND_CRITERION ? (long)i : ind->criterion;
        if (!l->scored || !l->has_points || !weighs(ind) || c < 0)
            continue;
        const value *crit = &values[c];
        if (crit->not_applicable || !crit->has || crit->scored == 0)
            continue;
        l->has_lost = true;
        l->lost_points = ind->max_points - l->points;
        ps_num effect = ps_num_div(l->lost_points * HUNDRED, t->weights); /* ≤ 10^9 × 10^8: inside 64 bits */
        if (crit->scored != plan->items[c].max_points) /* the criterion's percent is over less than its max */
            effect = ps_num_div(effect * plan->items[c].max_points, crit->scored);
        l->total_effect = effect;
    }
}

/* Lines by a figure, most first, then in plan order; only those for which keep says so. */
static ps_status rank_lines(ps_result *r, bool (*keep)(const ps_line *), ps_num (*figure)(const ps_line *),
                            const ps_line ***out, size_t *count)
{
    *out = calloc(r->count ? r->count : 1, sizeof **out);
    if (!*out)
        return PS_ERR_NOMEM;
    for (size_t i = 0; i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        if (!keep(l))
            continue;
        size_t at = (*count)++; /* insertion: plans are short */
        while (at > 0 && figure((*out)[at - 1]) < figure(l)) {
            (*out)[at] = (*out)[at - 1];
            at--;
        }
        (*out)[at] = l;
    }
    return PS_OK;
}

static bool loses(const ps_line *l)
{
    return l->has_lost && l->total_effect > 0;
}

static ps_num effect_of(const ps_line *l)
{
    return l->total_effect;
}

static bool was_cut(const ps_line *l)
{
    return l->scored && l->has_appraised && l->has_self && l->appraised_points < l->self_points;
}

static ps_num cut_of(const ps_line *l)
{
    return l->self_points - l->appraised_points;
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

/* Both views of every item, the totals, and what follows from them. */
static ps_status score_items(const ps_plan *plan, const ps_scores *scores, ps_result *r, value *effective,
                             value *self, bool *scored)
{
    view_values(plan, scores, VIEW_EFFECTIVE, effective, scored);
    view_values(plan, scores, VIEW_SELF, self, scored);
    for (size_t k = 0; k < scores->count; k++)
        entry_facts(&r->lines[scores->entries[k].item], &scores->entries[k]);
    ps_status st = list_missing(plan, effective, scored, r);
    if (st != PS_OK)
        return st;
    total t = weighted_total(plan, effective), t_self = weighted_total(plan, self);
    for (size_t i = 0; i < r->count; i++) {
        ps_line *l = &r->lines[i];
        if (l->indicator->kind == PS_KIND_TOTAL) {
            fill_total(l, &t, &t_self, r->missing_count > 0);
            continue;
        }
        fill_effective(l, &effective[i]);
        fill_self(l, &self[i]);
        l->flags = flags_of(l, scorable(plan, scored, i), scores->has_evidence_column);
    }
    lost_points(r, plan, effective, &t);
    st = rank_lines(r, loses, effect_of, &r->points_lost, &r->points_lost_count);
    if (st == PS_OK)
        st = rank_lines(r, was_cut, cut_of, &r->cuts, &r->cut_count);
    return st;
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
    r->has_subs = plan->sub_count > 0;
    r->has_appraised = scores && scores->has_appraised;
    total_at_targets(plan, r);
    for (size_t i = 0; i < plan->count; i++)
        r->lines[i].indicator = &plan->items[i];
    if (!scores) {
        for (size_t i = 0; i < r->count; i++)
            need_line(&r->lines[i]);
        count_targets(r);
        return PS_OK;
    }
    size_t n = plan->count ? plan->count : 1;
    value *effective = calloc(n, sizeof *effective), *self = calloc(n, sizeof *self);
    bool *scored = calloc(n, sizeof *scored);
    ps_status st =
        effective && self && scored ? score_items(plan, scores, r, effective, self, scored) : PS_ERR_NOMEM;
    free(effective);
    free(self);
    free(scored);
    if (st != PS_OK) {
        ps_result_free(r);
        return st;
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
    free(r->points_lost);
    free(r->cuts);
    memset(r, 0, sizeof *r);
}

long ps_result_find(const ps_result *r, const char *id)
{
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->lines[i].indicator->id, id) == 0)
            return (long)i;
    return -1;
}
