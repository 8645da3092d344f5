/* Units reduced as they are read (a total and two bit masks each), then ranked by an order of places. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/big.h"
#include "base/error.h"
#include "base/text.h"
#include "parscore/rank.h"

ps_status ps_units_init(ps_units *u, const ps_plan *plan, ps_error *err)
{
    memset(u, 0, sizeof *u);
    u->plan = plan;
    return ps_plan_rank_criteria(plan, u->criteria, &u->criteria_count, err);
}

/* Where a name was read: kept just before it in the names, and read only to say where a name repeats. */
typedef struct {
    uint32_t line, column;
} name_place;

static ps_status keep_name(ps_units *u, const ps_unit_row *row, uint32_t *offset)
{
    size_t need = sizeof(name_place) + row->name_len + 1;
    if (u->names_len + need > UINT32_MAX)
        return PS_ERR_NOMEM;
    if (u->names_len + need > u->names_cap) {
        size_t cap = u->names_cap ? u->names_cap : 65536;
        while (cap < u->names_len + need)
            cap *= 2;
        char *names = ps_big_grow(u->names, u->names_len, cap);
        if (!names)
            return PS_ERR_NOMEM;
        u->names = names;
        u->names_cap = cap;
    }
    name_place at = {row->line > 0 && row->line <= (long)UINT32_MAX ? (uint32_t)row->line : 0,
                     row->name_column > 0 && row->name_column <= (long)UINT32_MAX ? (uint32_t)row->name_column
                                                                                  : 0};
    memcpy(u->names + u->names_len, &at, sizeof at);
    *offset = (uint32_t)(u->names_len + sizeof at);
    memcpy(u->names + *offset, row->name, row->name_len);
    u->names[*offset + row->name_len] = '\0';
    u->names_len += need;
    return PS_OK;
}

/* The length of unit i's name (i in input order), without a strlen: the names are kept in input order,
 * each right after the one before it, so one ends where the next one's place begins. */
static size_t name_len_at(const ps_units *u, size_t i)
{
    size_t end = i + 1 < u->count ? u->units[i + 1].name - sizeof(name_place) : u->names_len;
    return end - 1 - u->units[i].name;
}

const char *ps_units_placed_name(const ps_units *units, size_t i, size_t *len)
{
    uint32_t at = units->order[i];
    *len = name_len_at(units, at);
    return units->names + units->units[at].name;
}

static name_place place_at(const ps_units *u, uint32_t name)
{
    name_place at;
    memcpy(&at, u->names + name - sizeof at, sizeof at);
    return at;
}

ps_status ps_units_add(void *units, const ps_unit_row *row, ps_error *err)
{
    (void)err; /* names given twice are found when ranking, in one pass over them all */
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
        ps_unit *grown = ps_big_grow(u->units, u->count * sizeof *grown, cap * sizeof *grown);
        if (!grown)
            return PS_ERR_NOMEM;
        u->units = grown;
        u->cap = cap;
    }
    if (keep_name(u, row, &unit.name) != PS_OK)
        return PS_ERR_NOMEM;
    u->units[u->count++] = unit;
    /* measured now, while the name is at hand: after the sort the names lie anywhere in memory */
    size_t width = ps_text_display_width(row->name, row->name_len);
    u->widest_name = width > u->widest_name ? width : u->widest_name;
    return PS_OK;
}

/* Appends v's units and names after u's own; PS_ERR_NOMEM (u as it was, but perhaps with more room). */
static ps_status append_units(ps_units *u, const ps_units *v)
{
    size_t count = u->count + v->count, names_len = u->names_len + v->names_len;
    if (names_len > UINT32_MAX)
        return PS_ERR_NOMEM;
    if (count > u->cap) {
        ps_unit *grown = ps_big_grow(u->units, u->count * sizeof *grown, count * sizeof *grown);
        if (!grown)
            return PS_ERR_NOMEM;
        u->units = grown;
        u->cap = count;
    }
    if (names_len > u->names_cap) {
        char *names = ps_big_grow(u->names, u->names_len, names_len);
        if (!names)
            return PS_ERR_NOMEM;
        u->names = names;
        u->names_cap = names_len;
    }
    memcpy(u->names + u->names_len, v->names, v->names_len);
    for (size_t i = 0; i < v->count; i++) { /* v's names now sit after u's own */
        u->units[u->count + i] = v->units[i];
        u->units[u->count + i].name += (uint32_t)u->names_len;
    }
    u->count = count;
    u->names_len = names_len;
    u->widest_name = v->widest_name > u->widest_name ? v->widest_name : u->widest_name;
    return PS_OK;
}

ps_status ps_units_join(void *units, void *later, bool used, ps_error *err)
{
    (void)err; /* the loader says out of memory */
    ps_units *u = units, *v = later;
    ps_status st = used && v->count > 0 ? append_units(u, v) : PS_OK;
    ps_units_free(v);
    return st;
}

/* A total in whole hundredths, as shown: totals are never negative, so half away from zero is half up
 * (by a constant: it is asked three times a unit). */
static int32_t shown_cents(int32_t total)
{
    return (total + (int32_t)(PS_NUM_SCALE / 200)) / (int32_t)(PS_NUM_SCALE / 100);
}

static bool ties(const ps_unit *x, const ps_unit *y)
{
    return (x->missing != 0) == (y->missing != 0) && shown_cents(x->total) == shown_cents(y->total);
}

/* From this many units on, the search for a repeated name runs in a second thread beside the ordering. */
#define RANK_THREADS_UNITS 32768

/* A unit's place but for its name: complete or not, and its total shown (10,001 values from 100,00 down). */
#define RANK_BUCKETS (2u << 14)

static uint32_t rank_bucket(const ps_unit *x)
{
    return (uint32_t)(x->missing != 0) << 14 | (uint32_t)(100 * 100 - shown_cents(x->total));
}

/* Where each unit goes in rank order (order[place] is its index): a stable counting sort on its bucket,
 * so ties keep input order without a comparison. For a million units, 3 passes, where a quicksort compared
 * units scattered in memory 40 million times; and the units stay where they are, where moving them along
 * the cycles of the order waited on memory at every step. NULL without the memory. (Places fit in 32 bits:
 * a name takes 9 bytes or more of names whose offsets are 32 bits.) */
static uint32_t *rank_order(const ps_units *units)
{
    const ps_unit *u = units->units;
    size_t n = units->count;
    size_t *next = calloc((size_t)RANK_BUCKETS + 1, sizeof *next);
    uint32_t *order = next ? ps_big_alloc((n ? n : 1) * sizeof *order) : NULL;
    if (!order) {
        free(next);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        next[rank_bucket(&u[i]) + 1]++;
    for (uint32_t b = 0; b < RANK_BUCKETS; b++)
        next[b + 1] += next[b];
    for (size_t i = 0; i < n; i++)
        order[next[rank_bucket(&u[i])]++] = (uint32_t)i;
    free(next);
    return order;
}

/* A name's hash: eight bytes at a time, each multiplied in (names are a dozen bytes or so). */
static uint32_t name_hash(const char *name, size_t len)
{
    const uint64_t m = UINT64_C(0x9E3779B97F4A7C15);
    uint64_t h = len * m;
    size_t k = 0;
    for (; k + 8 <= len; k += 8) {
        uint64_t w;
        memcpy(&w, name + k, 8);
        h = (h ^ w) * m;
        h ^= h >> 29;
    }
    uint64_t w = 0;
    for (size_t b = 0; k + b < len; b++)
        w |= (uint64_t)(unsigned char)name[k + b] << (8 * b);
    h = (h ^ w) * m;
    h ^= h >> 32;
    return (uint32_t)h;
}

/* Names go into 256 parts by the top byte of their hash, each part then searched alone: a part's table
 * stays in the cache, where one table for a million names was a cache miss a name. */
#define REPEAT_PARTS 256

/* The first name in part[0..n) (in input order) that an earlier one repeats, by an open-addressed table
 * of table_size slots (a power of two, at least twice n): where each is in the names, in *first and
 * *again; false when none does. */
static bool repeat_in_part(const char *names, const uint64_t *part, size_t n, uint64_t *table,
                           size_t table_size, uint32_t *first, uint32_t *again)
{
    memset(table, 0, table_size * sizeof *table); /* 0: empty; a name is never at offset 0 */
    for (size_t i = 0; i < n; i++) {
        uint32_t h = (uint32_t)(part[i] >> 32), at = (uint32_t)part[i];
        size_t slot = h & (table_size - 1); /* the low bits: the top ones are the part's */
        for (; table[slot] != 0; slot = (slot + 1) & (table_size - 1)) {
            uint32_t other = (uint32_t)table[slot];
            if (table[slot] >> 32 == h && strcmp(names + other, names + at) == 0) {
                *first = other;
                *again = at;
                return true;
            }
        }
        table[slot] = part[i];
    }
    return false;
}

/* The first name, in input order, that an earlier name repeats: where each is in the names, in *again and
 * *first. Each name's (hash, where it is) goes to its part, in input order; in each part the first repeat
 * is found by a small table, and the earliest of the parts' is the file's (names are kept in input
 * order). Only the names are read (the units are being ordered meanwhile). PS_ERR_NOMEM without memory. */
static ps_status find_repeat(const ps_units *u, bool *found, uint32_t *first, uint32_t *again)
{
    size_t n = u->count, start[REPEAT_PARTS + 1] = {0};
    *found = false;
    *first = *again = 0;
    uint32_t *hashes = ps_big_alloc((n ? n : 1) * sizeof *hashes);
    uint64_t *parts = ps_big_alloc((n ? n : 1) * sizeof *parts);
    if (!hashes || !parts) {
        free(hashes);
        free(parts);
        return PS_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        hashes[i] = name_hash(u->names + u->units[i].name, name_len_at(u, i));
        start[(hashes[i] >> 24) + 1]++;
    }
    size_t largest = 0;
    for (size_t p = 0; p < REPEAT_PARTS; p++) {
        largest = start[p + 1] > largest ? start[p + 1] : largest;
        start[p + 1] += start[p];
    }
    size_t next[REPEAT_PARTS];
    memcpy(next, start, sizeof next);
    for (size_t i = 0; i < n; i++)
        parts[next[hashes[i] >> 24]++] = (uint64_t)hashes[i] << 32 | u->units[i].name;
    free(hashes);
    size_t table_size = 16;
    while (table_size < 2 * largest)
        table_size *= 2;
    uint64_t *table = ps_big_alloc(table_size * sizeof *table);
    if (!table) {
        free(parts);
        return PS_ERR_NOMEM;
    }
    for (size_t p = 0; p < REPEAT_PARTS; p++) {
        uint32_t f, a;
        if (repeat_in_part(u->names, parts + start[p], start[p + 1] - start[p], table, table_size, &f, &a) &&
            (!*found || a < *again)) {
            *found = true;
            *first = f;
            *again = a;
        }
    }
    free(table);
    free(parts);
    return PS_OK;
}

/* The search for a repeated name, run by a second thread while the first puts the units in order. */
typedef struct {
    const ps_units *units;
    ps_status status;
    bool repeated;
    uint32_t first, again;
} repeat_search;

static void *search_repeat(void *arg)
{
    repeat_search *rs = arg;
    rs->status = find_repeat(rs->units, &rs->repeated, &rs->first, &rs->again);
    return NULL;
}

ps_status ps_units_rank(ps_units *u, ps_error *err)
{
    repeat_search rs = {.units = u};
    /* the search and the ordering are independent passes over a million units: one on each core */
    pthread_t thread;
    bool beside = u->count >= RANK_THREADS_UNITS && pthread_create(&thread, NULL, search_repeat, &rs) == 0;
    free(u->order);
    u->order = rank_order(u);
    if (beside)
        pthread_join(thread, NULL);
    else
        search_repeat(&rs);
    if (!u->order || rs.status != PS_OK) {
        ps_error_set(err, PS_MSG_NOMEM, u->source, 0, 0, NULL, NULL, NULL);
        return PS_ERR_NOMEM;
    }
    if (rs.repeated) {
        name_place at = place_at(u, rs.again);
        char line[32];
        snprintf(line, sizeof line, "%lu", (unsigned long)place_at(u, rs.first).line);
        ps_error_set(err, PS_MSG_PEER_DUPLICATE, u->source, at.line, at.column, u->names + rs.again, line,
                     NULL);
        return PS_ERR_INPUT;
    }
    return PS_OK;
}

uint32_t ps_units_rank_at(const ps_units *u, size_t i, uint32_t previous_rank)
{
    if (i > 0 && ties(ps_units_placed(u, i - 1), ps_units_placed(u, i)))
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
    free(u->order);
    free(u->source);
    ps_warnings_free(&u->warnings);
    memset(u, 0, sizeof *u);
}
