/* parscore unit ranking: many units (communes, districts) scored with the plan's max points and ranked. */
#ifndef PARSCORE_RANK_H
#define PARSCORE_RANK_H

#include <stdint.h>

#include "parscore/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most criteria a plan may have for ranking units: one bit each in a unit's masks. */
#define PS_RANK_MAX_CRITERIA 32

/* One unit in 16 bytes: a million of them take a quarter of their input file's size. */
typedef struct {
    int32_t total;    /* millionths (at most 10^8), over the criteria it has; partial when missing != 0 */
    uint32_t missing; /* bit k: criterion k has no value */
    uint32_t missed;  /* bit k: criterion k is below its target */
    uint32_t name;    /* offset of the NUL-terminated name in ps_units.names */
} ps_unit;

typedef struct {
    const ps_plan *plan;
    const ps_indicator *criteria[PS_RANK_MAX_CRITERIA]; /* the plan's criteria, bit order */
    size_t criteria_count;
    char *names;
    size_t names_len, names_cap;
    ps_unit *units; /* in rank order after ps_units_rank */
    size_t count, cap;
    char *source;
    ps_warnings warnings;
} ps_units;

/* Reads units (CSV streamed, or JSON {"units": […]}): a unit column and one percent column per criterion
 * id; computes each unit's total with the plan's max points as the rows go by. */
ps_status ps_units_load_file(const char *path, const ps_plan *plan, ps_units *units, ps_error *err);
ps_status ps_units_load_buffer(const char *data, size_t len, const char *name, const ps_plan *plan,
                               ps_units *units, ps_error *err);

/* Sorts in place (no second copy of the units): complete units before partial ones, then by total at
 * 2 decimals, best first; equal totals keep their input order. */
void ps_units_rank(ps_units *units);

/* The rank of units->units[i] after ps_units_rank, given the rank of the unit before it (ties share a
 * rank: 1, 2, 2, 4; partial units rank after all complete ones). */
uint32_t ps_units_rank_at(const ps_units *units, size_t i, uint32_t previous_rank);

void ps_units_free(ps_units *units);

typedef enum { PS_UNITS_TEXT, PS_UNITS_JSON, PS_UNITS_CSV } ps_units_format;

/* Receives the output piece by piece; returns false to stop (a write error). */
typedef bool (*ps_sink)(void *ctx, const char *data, size_t len);

/* Writes the ranked units through sink in pieces, so a million rows never sit in memory at once. */
ps_status ps_report_units(const ps_units *units, ps_units_format format, const ps_report_options *options,
                          ps_sink sink, void *sink_ctx);

#ifdef __cplusplus
}
#endif

#endif
