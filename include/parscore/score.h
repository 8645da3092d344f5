/* parscore scoring: per-indicator change, gap and met, and the weighted total. */
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
    const ps_indicator *indicator;
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
    bool partial; /* total only: some criteria have no score */
} ps_line;

typedef struct {
    bool has_scores; /* false: the plan view, baseline against targets */
    const char *period;
    ps_line *lines; /* one per plan item, in plan order */
    size_t count;
    const ps_indicator **missing; /* criteria left out of a partial total */
    size_t missing_count;
    size_t targets; /* indicators with a target */
    size_t met;     /* of those, met */
    size_t unknown; /* of those, without a score */
    size_t max_points_count;
} ps_result;

/* One target of a check: passed only when met; no score, or a partial total, is a miss. */
typedef struct {
    const ps_line *line;
    bool passed;
} ps_check_item;

typedef struct {
    ps_check_item *items;
    size_t count;
    size_t passed;
    bool selected; /* a subset was asked for (--only) */
} ps_check;

/* Checks the targets of the given ids (all targets when ids is NULL). An unknown id, or one without a
 * target, is an error (err names it; err->file is NULL). */
ps_status ps_check_targets(const ps_result *result, const char *const *ids, size_t id_count, ps_check *check,
                           ps_error *err);
void ps_check_free(ps_check *check);

/* scores may be NULL for the plan view. The result points into plan: keep plan alive. */
ps_status ps_score(const ps_plan *plan, const ps_scores *scores, ps_result *result);
void ps_result_free(ps_result *result);

/* Index of the line with the given id, or -1. */
long ps_result_find(const ps_result *result, const char *id);

#ifdef __cplusplus
}
#endif

#endif
