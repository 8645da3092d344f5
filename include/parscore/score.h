/* parscore scoring: per-indicator change, gap and met, the weighted total, ranking among peers, the check.
 *
 * Ownership: a ps_result owns its arrays (lines, missing, levers) and releases them in ps_result_free; every
 * indicator pointer in it, and every string (period, peers_source, rank_holder), is borrowed from the plan,
 * the scores and the peers it was made from: keep those alive as long as the result. A ps_check owns its
 * items, which point at the result's lines: free the check before the result. */
#ifndef PARSCORE_SCORE_H
#define PARSCORE_SCORE_H

#include "parscore/model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    PS_MET_NO_TARGET = 0, /* the indicator has no target */
    PS_MET_UNKNOWN,       /* no score, or a partial total: cannot tell */
    PS_MET_YES,
    PS_MET_NO
} ps_met;

/* One indicator's result. Every value has a has_ flag: an unknown value is never a 0. */
typedef struct {
    const ps_indicator *indicator; /* borrowed from the plan */
    bool has_score;
    ps_num score; /* percent */
    bool has_points;
    ps_num points;
    bool points_given; /* the points came from the input, not from the percent */
    bool has_change;   /* score - baseline */
    ps_num change;
    bool has_gap; /* score - target value */
    ps_num gap;
    ps_met met;
    bool has_need; /* least gain over the baseline that reaches the target (plan view) */
    ps_num need;
    bool partial; /* the total, or a row with rows under it: some item below has no score */
    /* ranking, filled by ps_rank_apply when peers are given */
    bool has_rank;
    int rank;    /* projected, 1 = best; ties at 2 decimals share a rank */
    int rank_of; /* units ranked */
    bool has_points_to_target_rank;
    ps_num points_to_target_rank; /* 0 when the target rank is held */
    const char *rank_holder;      /* the unit now at the target rank, when it is not yet held (the peers') */
    ps_num rank_holder_value;
    ps_met rank_met; /* the rank target: rank <= target_rank */
    /* sub-criteria and appraisal; points and score above are the effective ones: appraised when given */
    bool scored;         /* the scores file has a row for it (its points are not a sum of rows below) */
    bool not_applicable; /* left out of its parent's points and max (a criterion: of the total's weights) */
    bool has_self;       /* the self-assessed (tự đánh giá) view */
    ps_num self_points;
    ps_num self_score;
    bool self_partial;
    bool has_appraised; /* appraised (thẩm định) points were given for it */
    ps_num appraised_points;
    bool appraised_used; /* points and score are the appraised ones */
    ps_num
        applicable_max;   /* max points of what applies: its own, or the sum over the rows below that apply */
    const char *evidence; /* borrowed from the scores; NULL when empty */
    const char *note;     /* borrowed from the scores; NULL when empty */
    unsigned flags;       /* PS_FLAG_* */
    bool has_lost;        /* a scored item that weighs in the total: what full marks would add */
    ps_num lost_points;   /* max − points, in its own points */
    ps_num total_effect;  /* percentage points of the total it would add at full marks */
} ps_line;

/* What a line's flags say (ps_line.flags). */
#define PS_FLAG_ZERO 1u           /* 0 points (không đạt điểm) */
#define PS_FLAG_LOW 2u            /* above 0, below half of its max */
#define PS_FLAG_NO_EVIDENCE 4u    /* points above 0 and no evidence: the appraisal is likely to cut them */
#define PS_FLAG_NOT_APPLICABLE 8u /* không áp dụng */
#define PS_FLAG_NO_SCORE 16u      /* a scorable item without a score yet */

/* What one criterion alone would need, in its own percentage points, to close a gap of the total. */
typedef struct {
    const ps_indicator *indicator;
    ps_num headroom; /* 100 - score */
    bool has_for_rank;
    ps_num for_rank;
    bool alone_for_rank; /* false: more than its headroom */
    bool has_for_target;
    ps_num for_target;
    bool alone_for_target;
} ps_lever;

typedef struct {
    bool has_scores;    /* false: the plan view, baseline against targets */
    const char *period; /* the scores' period, borrowed; NULL when they name none */
    ps_line *lines;     /* one per plan item, in plan order (owned) */
    size_t count;
    const ps_indicator *
        *missing; /* scorable items without a score: a partial total (array owned, each borrowed) */
    size_t missing_count;
    size_t targets; /* indicators with a target */
    size_t met;     /* of those, met */
    size_t unknown; /* of those, without a score */
    size_t max_points_count;
    /* the plan's coherence: the total if every criterion lands exactly on its target value */
    bool has_total_at_targets;
    ps_num total_at_targets;
    /* filled by ps_rank_apply */
    bool ranked;              /* peers were given */
    ps_num peer_change;       /* added to every other unit's values */
    const char *peers_source; /* borrowed from the peers */
    bool has_to_target;       /* points of the total still needed for its target value */
    ps_num to_target;
    ps_lever *levers; /* criteria by leverage, most max points first (owned) */
    size_t lever_count;
    /* sub-criteria and appraisal */
    bool has_subs;      /* the plan has sub rows */
    bool has_appraised; /* the scores have appraised points */
    const ps_line *
        *points_lost; /* scored items by what full marks would add to the total, most first (owned) */
    size_t points_lost_count;
    const ps_line **cuts; /* items the appraisal gave fewer points than the self-assessment, most cut first */
    size_t cut_count;
} ps_result;

/* One target of a check: passed only when met; no score, or a partial total, is a miss. */
typedef struct {
    const ps_line *line; /* borrowed from the result */
    bool rank;           /* the line's rank target, not its value target */
    bool passed;
} ps_check_item;

typedef struct {
    ps_check_item *items;
    size_t count;
    size_t passed;
    bool selected; /* a subset was asked for (--only) */
} ps_check;

/* Checks the targets of the given ids (all targets when ids is NULL). "rank" names the total's rank
 * target and "rank:ID" another indicator's. An unknown id, one without such a target, or a rank target
 * without peers is an error (err names it; err->file is NULL). */
ps_status ps_check_targets(const ps_result *result, const char *const *ids, size_t id_count, ps_check *check,
                           ps_error *err);
void ps_check_free(ps_check *check);

/* What a check item says: met, missed, or why it cannot be told (a miss all the same). */
typedef enum { PS_CHECK_MET, PS_CHECK_MISSED, PS_CHECK_PARTIAL, PS_CHECK_NO_SCORE } ps_check_reason;
ps_check_reason ps_check_item_reason(const ps_check_item *item);

/* The item's name as ps_check_targets takes it: the id, "rank" (the total's rank) or "rank:ID". Written
 * into buf like snprintf; returns the length it needed. */
size_t ps_check_item_id(const ps_check_item *item, char *buf, size_t size);

/* Adds projected ranks and rank targets (when peers is not NULL: the other units keep their published
 * values, shifted by peer_change and kept within 0..100) and what closing each gap of the total takes.
 * The result then borrows from peers too (names, the source). */
ps_status ps_rank_apply(ps_result *result, const ps_plan *plan, const ps_peers *peers, ps_num peer_change);

/* Competition rank of subject among others, compared at 2 decimals: 1 + the number strictly above. */
int ps_rank_position(ps_num subject, const ps_num *others, size_t count);

/* Points subject still needs to hold target_rank outright: 0.01 above the other unit now at that rank
 * (a tie would share the rank); 0 when it is held. *holder is that unit's index in others. */
ps_num ps_points_to_rank(ps_num subject, const ps_num *others, size_t count, int target_rank, size_t *holder);

/* scores may be NULL for the plan view. The result points into plan and scores: keep them alive. */
ps_status ps_score(const ps_plan *plan, const ps_scores *scores, ps_result *result);
void ps_result_free(ps_result *result);

/* Index of the line with the given id, or -1. */
long ps_result_find(const ps_result *result, const char *id);

#ifdef __cplusplus
}
#endif

#endif
