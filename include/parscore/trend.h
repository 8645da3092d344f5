/* parscore trend: several quarters of scores side by side, and a straight-line outlook for the year end. */
#ifndef PARSCORE_TREND_H
#define PARSCORE_TREND_H

#include "parscore/score.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PS_TREND_MAX_PERIODS 16

/* One quarter: its scores (owned) and their result (pointing into the plan and the scores). */
typedef struct {
    char *period; /* from the file ("# period:"), else from its name, else the name itself */
    int quarter;  /* 1..4 when the period names one ("2023-Q3", "quý 3"), else 0 */
    ps_scores scores;
    ps_result result;
} ps_trend_point;

typedef enum {
    PS_OUTLOOK_SHOWN = 0, /* every indicator with values in two quarters or more has one */
    PS_OUTLOOK_TOO_FEW,   /* none: fewer than two periods */
    PS_OUTLOOK_NO_QUARTER /* none: a period names no quarter */
} ps_outlook_state;

/* plan is borrowed and must outlive the trend; the points, outlooks and their arrays are owned and
 * released by ps_trend_free. */
typedef struct {
    const ps_plan *plan;
    ps_trend_point points[PS_TREND_MAX_PERIODS];
    size_t count;
    bool ranked;
    /* per plan item: the least-squares line through its values at quarters 1..4, read at quarter 4 */
    bool *has_outlook;
    ps_num *outlook;
    ps_met *outlook_met;
    ps_outlook_state outlook_state; /* whether there are outlooks at all, and why not */
    ps_scores refused; /* the scores ps_trend_add refused last: an error's file points into them */
} ps_trend;

void ps_trend_init(ps_trend *trend, const ps_plan *plan);

/* Adds one quarter's scores, loaded against trend->plan, and scores it, ranked against peers when they are
 * given (peers is read during the call only). The trend takes the scores over in every case: *scores is
 * left empty, and on failure its content is released (by ps_trend_free after an input error, whose
 * err->file names them). The period is the file's "# period:", else one found in its name
 * (scores->source), else the name itself. An input error: a period of another year than the plan's, or
 * one already added (the same quarter, or the same name). */
ps_status ps_trend_add(ps_trend *trend, ps_scores *scores, const ps_peers *peers, ps_num peer_change,
                       ps_error *err);

/* Computes the outlooks once every quarter is in. */
ps_status ps_trend_finish(ps_trend *trend);

void ps_trend_free(ps_trend *trend);

/* The quarter a period names: "2023-Q3", "Q3", "q3", "quý 3", "Quý III" give 3; 0 when none. */
ps_status ps_period_quarter(const char *period, int *quarter);

/* A period from a file name: "scores-2023-q3.csv" gives "2023-Q3" (a fresh copy the caller frees);
 * *period is NULL when the name has none. */
ps_status ps_period_from_path(const char *path, char **period);

#ifdef __cplusplus
}
#endif

#endif
