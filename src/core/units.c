/* Units reduced as they are read (a total and two bit masks each), then ranked in place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "parscore/rank.h"

ps_status ps_units_init(ps_units *u, const ps_plan *plan, ps_error *err)
{
    memset(u, 0, sizeof *u);
    u->plan = plan;
    return ps_plan_rank_criteria(plan, u->criteria, &u->criteria_count, err);
}

/* Keeps a name, after its input line (4 bytes, read only to name the first of two equal names). */
static ps_status keep_name(ps_units *u, const ps_unit_row *row, uint32_t *offset)
{
    size_t need = sizeof(uint32_t) + row->name_len + 1;
    if (u->names_len + need > UINT32_MAX)
        return PS_ERR_NOMEM;
    if (u->names_len + need > u->names_cap) {
        size_t cap = u->names_cap ? u->names_cap : 65536;
        while (cap < u->names_len + need)
            cap *= 2;
        char *names = realloc(u->names, cap);
        if (!names)
            return PS_ERR_NOMEM;
        u->names = names;
        u->names_cap = cap;
    }
    uint32_t line = row->line > 0 && row->line <= (long)UINT32_MAX ? (uint32_t)row->line : 0;
    memcpy(u->names + u->names_len, &line, sizeof line);
    *offset = (uint32_t)(u->names_len + sizeof line);
    memcpy(u->names + *offset, row->name, row->name_len);
    u->names[*offset + row->name_len] = '\0';
    u->names_len += need;
    return PS_OK;
}

/* FNV-1a, its upper half kept: a few cycles a byte, next to parsing them. */
static uint32_t name_hash(const char *name, size_t len)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)name[i];
        h *= UINT64_C(1099511628211);
    }
    return (uint32_t)(h >> 32);
}

static bool same_name(const char *kept, const char *name, size_t len)
{
    size_t k = 0;
    while (k < len && kept[k] != '\0' && kept[k] == name[k])
        k++;
    return k == len && kept[len] == '\0';
}

/* A slot of the set of names: the unit's index + 1 in the low half, its name's hash in the high half, so
 * that probing and growing seldom touch the names themselves (each touch is a cache miss). */
static uint32_t slot_unit(uint64_t slot)
{
    return (uint32_t)slot - 1;
}

/* The slot holding the name, or the empty one where it goes (open addressing, at most half full). */
static uint64_t *seen_slot(const ps_units *u, const char *name, size_t len, uint32_t hash)
{
    size_t mask = u->seen_cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        uint64_t *slot = &u->seen[i];
        if (*slot == 0 || ((uint32_t)(*slot >> 32) == hash &&
                           same_name(u->names + u->units[slot_unit(*slot)].name, name, len)))
            return slot;
    }
}

static ps_status seen_grow(ps_units *u)
{
    size_t old_cap = u->seen_cap, cap = old_cap ? old_cap * 2 : 2048;
    uint64_t *old = u->seen;
    uint64_t *seen = calloc(cap, sizeof *seen);
    if (!seen)
        return PS_ERR_NOMEM;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i] == 0)
            continue;
        size_t k = (uint32_t)(old[i] >> 32) & (cap - 1); /* names are distinct: the first empty slot */
        while (seen[k] != 0)
            k = (k + 1) & (cap - 1);
        seen[k] = old[i];
    }
    free(old);
    u->seen = seen;
    u->seen_cap = cap;
    return PS_OK;
}

/* The slot where a new name goes; an input error when the name was given before. */
static ps_status new_name_slot(ps_units *u, const ps_unit_row *row, uint64_t **slot, uint32_t *hash,
                               ps_error *err)
{
    if ((u->count + 1) * 2 > u->seen_cap && seen_grow(u) != PS_OK)
        return PS_ERR_NOMEM;
    *hash = name_hash(row->name, row->name_len);
    *slot = seen_slot(u, row->name, row->name_len, *hash);
    if (**slot == 0)
        return PS_OK;
    const char *first = u->names + u->units[slot_unit(**slot)].name;
    uint32_t first_line;
    memcpy(&first_line, first - sizeof first_line, sizeof first_line);
    char line[32];
    snprintf(line, sizeof line, "%lu", (unsigned long)first_line);
    ps_error_set(err, PS_MSG_PEER_DUPLICATE, row->file, row->line, row->name_column, first, line, NULL);
    return PS_ERR_INPUT;
}

ps_status ps_units_add(void *units, const ps_unit_row *row, ps_error *err)
{
    ps_units *u = units;
    uint64_t *slot;
    uint32_t hash;
    ps_status st = new_name_slot(u, row, &slot, &hash, err);
    if (st != PS_OK)
        return st;
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
    if (keep_name(u, row, &unit.name) != PS_OK)
        return PS_ERR_NOMEM;
    u->units[u->count++] = unit;
    *slot = (uint64_t)hash << 32 | (uint32_t)u->count;
    return PS_OK;
}

/* A total in whole hundredths, as shown: totals are never negative, so half away from zero is half up
 * (inline and by a constant: the sort asks it some 40 million times for a million units). */
static int32_t shown_cents(int32_t total)
{
    return (total + (int32_t)(PS_NUM_SCALE / 200)) / (int32_t)(PS_NUM_SCALE / 100);
}

static bool ties(const ps_unit *x, const ps_unit *y)
{
    return (x->missing != 0) == (y->missing != 0) && shown_cents(x->total) == shown_cents(y->total);
}

/* x before y: complete units first; then by total shown at 2 decimals, best first; then input order
 * (names are stored in it, so their offsets tell). */
static bool before(const ps_unit *x, const ps_unit *y)
{
    bool px = x->missing != 0, py = y->missing != 0;
    if (px != py)
        return py;
    int32_t tx = shown_cents(x->total), ty = shown_cents(y->total);
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
    free(u->seen); /* it holds input positions, which sorting moves */
    u->seen = NULL;
    u->seen_cap = 0;
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
    free(u->seen);
    free(u->source);
    ps_warnings_free(&u->warnings);
    memset(u, 0, sizeof *u);
}
