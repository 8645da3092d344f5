/* parscore trend: several quarters of scores side by side, and a straight-line outlook for the year end. */
#ifndef PARSCORE_TREND_H
#define PARSCORE_TREND_H

#include "parscore/rank.h"
#include "parscore/score.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PS_TREND_MAX_PERIODS 16

/* One quarter: its scores and their result. */
typedef struct {
    char *period; /* from the file ("# period:"), else from its name, else the name itself */
    int quarter;  /* 1..4 when the period names one ("2023-Q3", "quý 3"), else 0 */
    ps_scores scores;
    ps_result result;
} ps_trend_point;

typedef struct {
    const ps_plan *plan;
    ps_trend_point points[PS_TREND_MAX_PERIODS];
    size_t count;
    bool ranked;
    /* per plan item: the least-squares line through its values at quarters 1..4, read at quarter 4 */
    bool *has_outlook;
    ps_num *outlook;
    ps_met *outlook_met;
    const char *outlook_missing_reason; /* NULL, or why there is no outlook at all */
} ps_trend;

void ps_trend_init(ps_trend *trend, const ps_plan *plan);

/* Reads one quarter's scores (CSV or JSON) and scores it, ranked against peers when they are given. */
ps_status ps_trend_add(ps_trend *trend, const char *path, const ps_peers *peers, ps_num peer_change,
                       ps_error *err);

/* Computes the outlooks once every quarter is in. */
ps_status ps_trend_finish(ps_trend *trend);

void ps_trend_free(ps_trend *trend);

/* The quarter a period names: "2023-Q3", "Q3", "q3", "quý 3", "Quý III" give 3; 0 when none. */
int ps_period_quarter(const char *period);

/* A period from a file name: "scores-2023-q3.csv" gives "2023-Q3"; NULL when the name has none. */
char *ps_period_from_path(const char *path);

typedef enum { PS_TREND_TEXT, PS_TREND_JSON, PS_TREND_CSV } ps_trend_format;

ps_status ps_report_trend(const ps_trend *trend, ps_trend_format format, const ps_report_options *options,
                          ps_buf *out);

#ifdef __cplusplus
}
#endif

#endif
