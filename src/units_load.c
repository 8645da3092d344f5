/* Units to rank: streamed rows, each reduced at once to its total and two bit masks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "input.h"
#include "internal.h"
#include "parscore/rank.h"

typedef struct {
    const char *file;
    ps_units *units;
    ps_column columns[1 + PS_RANK_MAX_CRITERIA + 2];
    size_t column_count;
    ps_num max_sum; /* Σ max points of all criteria */
} units_reader;

enum { COL_UNIT = 0, COL_FIRST = 1 };

static ps_status on_header(void *ctx, const ps_table_row *row, ps_error *err)
{
    units_reader *ur = ctx;
    ps_units *u = ur->units;
    ur->columns[COL_UNIT] = (ps_column){"unit", true, -1};
    for (size_t k = 0; k < u->criteria_count; k++)
        ur->columns[COL_FIRST + k] = (ps_column){u->criteria[k]->id, false, -1};
    /* known, not used for the total: no warning for them */
    ur->columns[COL_FIRST + u->criteria_count] = (ps_column){"sipas", false, -1};
    ur->columns[COL_FIRST + u->criteria_count + 1] = (ps_column){"total", false, -1};
    ur->column_count = COL_FIRST + u->criteria_count + 2;
    return ps_columns_map(row, ur->columns, ur->column_count, ur->file, &u->warnings, err);
}

static ps_status keep_name(ps_units *u, const char *text, size_t len, uint32_t *offset)
{
    while (len > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
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

static ps_status on_row(void *ctx, const ps_table_row *row, ps_error *err)
{
    units_reader *ur = ctx;
    ps_units *u = ur->units;
    const ps_table_field *name = ps_column_field(row, &ur->columns[COL_UNIT]);
    bool blank = true;
    for (size_t i = 0; i < name->len && blank; i++)
        blank = name->text[i] == ' ' || name->text[i] == '\t';
    if (blank) {
        ps_error_set(err, PS_MSG_MISSING_VALUE, ur->file, name->line, name->column, "unit", NULL, NULL);
        return PS_ERR_INPUT;
    }
    ps_unit unit = {0, 0, 0, 0};
    int64_t weighted = 0, max_sum = 0;
    for (size_t k = 0; k < u->criteria_count; k++) {
        const ps_indicator *c = u->criteria[k];
        const ps_table_field *f = ps_column_field(row, &ur->columns[COL_FIRST + k]);
        bool has = false;
        ps_num v = 0;
        if (f && ps_field_percent(ur->file, f, c->id, &has, &v, err) != PS_OK)
            return PS_ERR_INPUT;
        if (!has) {
            unit.missing |= UINT32_C(1) << k;
            continue;
        }
        weighted += c->max_points * v;
        max_sum += c->max_points;
        if (c->has_target && !ps_target_met(&c->target, v))
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
    if (keep_name(u, name->text, name->len, &unit.name) != PS_OK)
        return PS_ERR_NOMEM;
    u->units[u->count++] = unit;
    return PS_OK;
}

static ps_status on_end(void *ctx, long last_line, ps_error *err)
{
    units_reader *ur = ctx;
    if (ur->units->count > 0)
        return PS_OK;
    ps_error_set(err, PS_MSG_HEADER_ONLY, ur->file, last_line > 0 ? last_line : 1, 0, NULL, NULL, NULL);
    return PS_ERR_INPUT;
}

static ps_status load(const char *path, const char *data, size_t len, const ps_plan *plan, ps_units *units,
                      ps_error *err)
{
    memset(units, 0, sizeof *units);
    units->plan = plan;
    for (size_t i = 0; i < plan->count; i++) {
        if (plan->items[i].kind != PS_KIND_CRITERION)
            continue;
        if (units->criteria_count == PS_RANK_MAX_CRITERIA) {
            char limit[16];
            snprintf(limit, sizeof limit, "%d", PS_RANK_MAX_CRITERIA);
            ps_error_set(err, PS_MSG_TOO_MANY_CRITERIA, plan->source, 0, 0, limit, NULL, NULL);
            return PS_ERR_INPUT;
        }
        units->criteria[units->criteria_count++] = &plan->items[i];
    }
    units_reader ur = {.file = data ? path : ps_input_name(path), .units = units};
    ps_table_handler h = {.header = on_header, .row = on_row, .end = on_end, .ctx = &ur};
    ps_status st = ps_table_load(path, data, len, "units", &h, &units->source, err);
    if (st != PS_OK)
        ps_units_free(units);
    return st;
}

ps_status ps_units_load_file(const char *path, const ps_plan *plan, ps_units *units, ps_error *err)
{
    return load(path, NULL, 0, plan, units, err);
}

ps_status ps_units_load_buffer(const char *data, size_t len, const char *name, const ps_plan *plan,
                               ps_units *units, ps_error *err)
{
    return load(name, data ? data : "", len, plan, units, err);
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

void ps_units_free(ps_units *u)
{
    free(u->names);
    free(u->units);
    free(u->source);
    ps_warnings_free(&u->warnings);
    memset(u, 0, sizeof *u);
}
