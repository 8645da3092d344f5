/* parscore unit ranking: many units (communes, districts) scored with the plan's max points and ranked. */
#ifndef PARSCORE_RANK_H
#define PARSCORE_RANK_H

#include <stdint.h>

#include "parscore/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One unit in 16 bytes: a million of them take a quarter of their input file's size. */
typedef struct {
    int32_t total;    /* millionths (at most 10^8), over the criteria it has; partial when missing != 0 */
    uint32_t missing; /* bit k: criterion k has no value */
    uint32_t missed;  /* bit k: criterion k is below its target */
    uint32_t name;    /* offset of the NUL-terminated name in ps_units.names */
} ps_unit;

/* Units reduced as they arrive. plan and criteria are borrowed: keep the plan alive as long as the units.
 * names, units, order, source and warnings are owned and released by ps_units_free. */
typedef struct {
    const ps_plan *plan;
    const ps_indicator *criteria[PS_RANK_MAX_CRITERIA]; /* the plan's criteria, bit order */
    size_t criteria_count;
    char *names; /* each name NUL-terminated, after where it was read (line, column: 8 bytes) */
    size_t names_len, names_cap;
    ps_unit *units; /* in input order, where they stay */
    size_t count, cap;
    uint32_t *order;      /* after ps_units_rank: the index in units of each place, best first */
    size_t widest_name;   /* the display width of the widest name, measured as they arrive (in order) */
    char *source;         /* the input's display name, set by the caller (the loader gives it) */
    ps_warnings warnings; /* the loader's warnings, kept with the units */
} ps_units;

/* Empty units for the plan; an input error (err names the plan) when it has too many criteria. */
ps_status ps_units_init(ps_units *units, const ps_plan *plan, ps_error *err);

/* Keeps one unit: its name, its total with the plan's max points, and which criteria it lacks or misses;
 * fails only for want of memory. Matches ps_unit_row_fn, so it can be the callback of ps_units_read_file
 * with units as its context. */
ps_status ps_units_add(void *units, const ps_unit_row *row, ps_error *err);

/* Matches ps_unit_join_fn, for ps_units_read_file_split with units and later both ps_units_init'ed for the
 * same plan: used true appends later's units after units' own (in that order, as the file gives them);
 * used false drops them. later is released either way. PS_ERR_NOMEM when out of memory (later released
 * too, units as they were). */
ps_status ps_units_join(void *units, void *later, bool used, ps_error *err);

/* Once every unit is in: refuses a name given twice (the same characters after trimming; an input error
 * at the first repeat in the file, naming the first one's line; err->file is units->source), then puts
 * the units' places in units->order (the units themselves do not move): complete units before partial
 * ones, then by total at 2 decimals, best first; equal totals keep their input order. PS_ERR_NOMEM when
 * out of memory. No unit can be added after it. */
ps_status ps_units_rank(ps_units *units, ps_error *err);

/* The unit in place i (0: the best) after ps_units_rank; borrowed from units. */
static inline const ps_unit *ps_units_placed(const ps_units *units, size_t i)
{
    return &units->units[units->order[i]];
}

/* The name of the unit in place i after ps_units_rank, its length in bytes in *len (names hold no NUL);
 * borrowed from units. */
const char *ps_units_placed_name(const ps_units *units, size_t i, size_t *len);

/* The rank of the unit in place i after ps_units_rank, given the rank of the unit before it (ties share a
 * rank: 1, 2, 2, 4; partial units rank after all complete ones). */
uint32_t ps_units_rank_at(const ps_units *units, size_t i, uint32_t previous_rank);

/* Whether the unit has a total at all: none of its criteria with a value is a total not known, never 0. */
bool ps_unit_has_total(const ps_units *units, const ps_unit *unit);

void ps_units_free(ps_units *units);

#ifdef __cplusplus
}
#endif

#endif
