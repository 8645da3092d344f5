/* The peers loader: other units' published totals (and criterion values), with the plan's unit among them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/columns.h"
#include "input/file.h"
#include "input/table.h"
#include "base/error.h"
#include "base/text.h"
#include "parscore/load.h"

typedef struct {
    const char *file;
    const ps_plan *plan;
    ps_peers *peers;
    ps_column *columns; /* unit, total, then one per plan item (criterion or sipas), by id */
    size_t column_count;
    char **folded; /* per peer, for matching */
    size_t cap;
} peers_reader;

enum { COL_UNIT, COL_TOTAL, COL_ITEMS };

static bool rankable(const ps_indicator *ind)
{
    return ind->kind == PS_KIND_CRITERION || ind->kind == PS_KIND_SIPAS;
}

static ps_status on_header(void *ctx, const ps_table_row *row, ps_error *err)
{
    peers_reader *pr = ctx;
    pr->column_count = COL_ITEMS + pr->plan->count;
    pr->columns = calloc(pr->column_count, sizeof *pr->columns);
    if (!pr->columns)
        return PS_ERR_NOMEM;
    pr->columns[COL_UNIT] = (ps_column){"unit", true, -1};
    pr->columns[COL_TOTAL] = (ps_column){"total", true, -1};
    for (size_t i = 0; i < pr->plan->count; i++) {
        const ps_indicator *ind = &pr->plan->items[i];
        /* other kinds get a name no header can match, so their columns stay unknown */
        pr->columns[COL_ITEMS + i] = (ps_column){rankable(ind) ? ind->id : "\x01", false, -1};
    }
    return ps_columns_map(row, pr->columns, pr->column_count, pr->file, &pr->peers->warnings, err);
}

static ps_status add_peer(peers_reader *pr, ps_peer **out)
{
    ps_peers *peers = pr->peers;
    if (peers->count == pr->cap) {
        size_t cap = pr->cap ? pr->cap * 2 : 16;
        ps_peer *items = realloc(peers->items, cap * sizeof *items);
        if (items)
            peers->items = items;
        char **folded = realloc(pr->folded, cap * sizeof *folded);
        if (folded)
            pr->folded = folded;
        if (!items || !folded)
            return PS_ERR_NOMEM;
        pr->cap = cap;
    }
    ps_peer *p = &peers->items[peers->count];
    memset(p, 0, sizeof *p);
    pr->folded[peers->count] = NULL;
    peers->count++; /* counted at once, so that ps_peers_free releases a half-read row */
    p->has_value = calloc(pr->plan->count ? pr->plan->count : 1, sizeof *p->has_value);
    p->value = calloc(pr->plan->count ? pr->plan->count : 1, sizeof *p->value);
    *out = p;
    return p->has_value && p->value ? PS_OK : PS_ERR_NOMEM;
}

static ps_status read_unit(peers_reader *pr, const ps_table_field *f, ps_peer *p, ps_error *err)
{
    size_t me = pr->peers->count - 1;
    ps_status st = ps_text_nfc(f->text, f->len, &p->unit);
    if (st == PS_OK)
        st = ps_text_fold(f->text, f->len, &pr->folded[me]);
    if (st == PS_ERR_INPUT) /* the readers pass only valid UTF-8: this is a second line of defence */
        ps_error_set(err, PS_MSG_INVALID_UTF8, pr->file, f->line, f->column, "unit", NULL, NULL);
    if (st != PS_OK)
        return st;
    if (p->unit[0] == '\0') {
        ps_error_set(err, PS_MSG_MISSING_VALUE, pr->file, f->line, f->column, "unit", NULL, NULL);
        return PS_ERR_INPUT;
    }
    for (size_t k = 0; k < me; k++) {
        if (strcmp(pr->folded[k], pr->folded[me]) == 0) {
            char line[32];
            snprintf(line, sizeof line, "%ld", pr->peers->items[k].line);
            ps_error_set(err, PS_MSG_PEER_DUPLICATE, pr->file, f->line, f->column, p->unit, line, NULL);
            return PS_ERR_INPUT;
        }
    }
    return PS_OK;
}

static ps_status on_row(void *ctx, const ps_table_row *row, ps_error *err)
{
    peers_reader *pr = ctx;
    if (pr->peers->count >= PS_LIMIT_PLAN_ROWS) {
        char limit[32];
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_PLAN_ROWS);
        ps_error_set(err, PS_MSG_TOO_MANY_ROWS, pr->file, row->line, 0, limit, NULL, NULL);
        return PS_ERR_INPUT;
    }
    ps_peer *p;
    ps_status st = add_peer(pr, &p);
    if (st != PS_OK)
        return st;
    p->line = row->line;
    st = read_unit(pr, ps_column_field(row, &pr->columns[COL_UNIT]), p, err);
    if (st != PS_OK)
        return st;
    const ps_table_field *total = ps_column_field(row, &pr->columns[COL_TOTAL]);
    bool has_total = false;
    st = ps_field_percent(pr->file, total, "total", &has_total, &p->total, err);
    if (st == PS_OK && !has_total) {
        ps_error_set(err, PS_MSG_MISSING_VALUE, pr->file, total->line, total->column, "total", NULL, NULL);
        st = PS_ERR_INPUT;
    }
    for (size_t i = 0; st == PS_OK && i < pr->plan->count; i++) {
        const ps_table_field *f = ps_column_field(row, &pr->columns[COL_ITEMS + i]);
        if (f)
            st = ps_field_percent(pr->file, f, pr->plan->items[i].id, &p->has_value[i], &p->value[i], err);
    }
    return st;
}

static ps_status on_end(void *ctx, long last_line, ps_error *err)
{
    peers_reader *pr = ctx;
    ps_peers *peers = pr->peers;
    if (peers->count == 0) {
        return ps_table_no_rows(pr->file, last_line, err);
    }
    if (!pr->plan->unit) {
        ps_error_set(err, PS_MSG_NO_UNIT, pr->file, 0, 0, NULL, NULL, NULL);
        return PS_ERR_INPUT;
    }
    char *subject;
    ps_status st = ps_text_fold(pr->plan->unit, strlen(pr->plan->unit), &subject);
    if (st == PS_ERR_INPUT)
        ps_error_set(err, PS_MSG_PEER_NO_SUBJECT, pr->file, 0, 0, pr->plan->unit, NULL, NULL);
    if (st != PS_OK)
        return st;
    size_t k = 0;
    while (k < peers->count && strcmp(pr->folded[k], subject) != 0)
        k++;
    free(subject);
    if (k == peers->count) {
        ps_error_set(err, PS_MSG_PEER_NO_SUBJECT, pr->file, 0, 0, pr->plan->unit, NULL, NULL);
        return PS_ERR_INPUT;
    }
    if (peers->count < 2) {
        ps_error_set(err, PS_MSG_PEER_TOO_FEW, pr->file, 0, 0, NULL, NULL, NULL);
        return PS_ERR_INPUT;
    }
    peers->subject = k;
    if (pr->plan->unit_count > 0 && peers->count != (size_t)pr->plan->unit_count) {
        char have[32], want[32];
        snprintf(have, sizeof have, "%zu", peers->count);
        snprintf(want, sizeof want, "%d", pr->plan->unit_count);
        ps_error warning;
        ps_error_set(&warning, PS_MSG_PEER_COUNT, pr->file, 0, 0, have, want, NULL);
        warning.warning = true;
        if (!ps_warnings_add(&peers->warnings, &warning))
            return PS_ERR_NOMEM;
    }
    return PS_OK;
}

static ps_status load(const char *path, const char *data, size_t len, const ps_read_options *options,
                      const ps_plan *plan, ps_peers *peers, ps_error *err)
{
    memset(peers, 0, sizeof *peers);
    peers_reader pr = {.file = data ? path : ps_input_name(path), .plan = plan, .peers = peers};
    ps_table_handler h = {
        .header = on_header, .row = on_row, .end = on_end, .ctx = &pr, .warnings = &peers->warnings};
    ps_status st = ps_table_load(path, data, len, "peers", &h, options, &peers->source, err);
    for (size_t k = 0; pr.folded && k < peers->count; k++)
        free(pr.folded[k]);
    free(pr.folded);
    free(pr.columns);
    if (st != PS_OK)
        ps_peers_free(peers);
    return st;
}

ps_status ps_peers_load_file(const char *path, const ps_read_options *options, const ps_plan *plan,
                             ps_peers *peers, ps_error *err)
{
    return load(path, NULL, 0, options, plan, peers, err);
}

ps_status ps_peers_load_buffer(const char *data, size_t len, const char *name, const ps_plan *plan,
                               ps_peers *peers, ps_error *err)
{
    return load(name, data ? data : "", len, NULL, plan, peers, err);
}
