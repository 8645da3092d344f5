/* Units reduced as they are read (a total and two bit masks each), then ranked in place. */
#include <stdlib.h>
#include <string.h>

#include "parscore/rank.h"

ps_status ps_units_init(ps_units *u, const ps_plan *plan, ps_error *err)
{
    memset(u, 0, sizeof *u);
    u->plan = plan;
    return ps_plan_rank_criteria(plan, u->criteria, &u->criteria_count, err);
}

static ps_status keep_name(ps_units *u, const char *text, size_t len, uint32_t *offset)
{
    if (u->names_len + len + 1 > UINT32_MAX)
        return PS_ERR_NOMEM;
    if (u->names_len + len + 1 > u->names_cap) {
        size_t cap = u->names_cap ? u->names_cap : 65536;
        while (cap < u->names_len + len + 1)
            cap *= 2;
        char *names = realloc(u->names, cap);
        if (!names)
            return PS_ERR_NOMEM;
        u->names = names;
        u->names_cap = cap;
    }
    *offset = (uint32_t)u->names_len;
    memcpy(u->names + u->names_len, text, len);
    u->names[u->names_len + len] = '\0';
    u->names_len += len + 1;
    return PS_OK;
}

ps_status ps_units_add(void *units, const ps_unit_row *row)
{
    ps_units *u = units;
    ps_unit unit = {0, 0, 0, 0};
    int64_t weighted = 0, max_sum = 0;
    for (size_t k = 0; k < u->criteria_count; k++) {
        const ps_indicator *c = u->criteria[k];
        if (!(row->has & (UINT32_C(1) << k))) {
            unit.missing |= UINT32_C(1) << k;
            continue;
        }
        weighted += c->max_points * row->values[k];
        max_sum += c->max_points;
        if (c->has_target && !ps_target_met(&c->target, row->values[k]))
            unit.missed |= UINT32_C(1) << k;
    }
    unit.total = max_sum > 0 ? (int32_t)ps_num_div(weighted, max_sum) : 0; /* a percent: at most 10^8 */
    if (u->count == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 1024;
        ps_unit *grown = realloc(u->units, cap * sizeof *grown);
        if (!grown)
            return PS_ERR_NOMEM;
        u->units = grown;
        u->cap = cap;
    }
    if (keep_name(u, row->name, row->name_len, &unit.name) != PS_OK)
        return PS_ERR_NOMEM;
    u->units[u->count++] = unit;
    return PS_OK;
}

static bool ties(const ps_unit *x, const ps_unit *y)
{
    return (x->missing != 0) == (y->missing != 0) && ps_num_round2(x->total) == ps_num_round2(y->total);
}

/* x before y: complete units first; then by total shown at 2 decimals, best first; then input order
 * (names are stored in it, so their offsets tell). */
static bool before(const ps_unit *x, const ps_unit *y)
{
    bool px = x->missing != 0, py = y->missing != 0;
    if (px != py)
        return py;
    ps_num tx = ps_num_round2(x->total), ty = ps_num_round2(y->total);
    if (tx != ty)
        return tx > ty;
    return x->name < y->name;
}

static void swap(ps_unit *a, ps_unit *b)
{
    ps_unit t = *a;
    *a = *b;
    *b = t;
}

/* In-place quicksort (median of three, smaller side first, insertion sort for short runs): no
 * temporary copy, unlike glibc's qsort, which would double the memory of a million units. */
static void sort_units(ps_unit *u, size_t n)
{
    while (n > 16) {
        size_t mid = n / 2;
        if (before(&u[mid], &u[0]))
            swap(&u[mid], &u[0]);
        if (before(&u[n - 1], &u[0]))
            swap(&u[n - 1], &u[0]);
        if (before(&u[n - 1], &u[mid]))
            swap(&u[n - 1], &u[mid]);
        ps_unit pivot = u[mid];
        size_t i = 0, j = n - 1;
        for (;;) {
            while (before(&u[i], &pivot))
                i++;
            while (before(&pivot, &u[j]))
                j--;
            if (i >= j)
                break;
            swap(&u[i++], &u[j--]);
        }
        size_t left = j + 1;
        if (left < n - left) {
            sort_units(u, left);
            u += left;
            n -= left;
        } else {
            sort_units(u + left, n - left);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && before(&u[k], &u[k - 1]); k--)
            swap(&u[k], &u[k - 1]);
}

void ps_units_rank(ps_units *u)
{
    sort_units(u->units, u->count);
}

uint32_t ps_units_rank_at(const ps_units *u, size_t i, uint32_t previous_rank)
{
    if (i > 0 && ties(&u->units[i - 1], &u->units[i]))
        return previous_rank;
    return (uint32_t)(i + 1);
}

bool ps_unit_has_total(const ps_units *u, const ps_unit *unit)
{
    uint32_t all = u->criteria_count >= 32 ? UINT32_MAX : (UINT32_C(1) << u->criteria_count) - 1;
    return (unit->missing & all) != all;
}

void ps_units_free(ps_units *u)
{
    free(u->names);
    free(u->units);
    free(u->source);
    ps_warnings_free(&u->warnings);
    memset(u, 0, sizeof *u);
}
