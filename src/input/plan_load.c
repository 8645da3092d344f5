/* The plan loader: one CSV row per indicator, "# key: value" lines for the plan's own facts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/columns.h"
#include "input/file.h"
#include "input/table.h"
#include "base/error.h"
#include "base/text.h"
#include "parscore/load.h"

/* Keeps Σ(max_points × score) inside 64 bits (see score.c). */
#define PS_LIMIT_MAX_POINTS_SUM 10000

enum {
    COL_ID,
    COL_KIND,
    COL_NAME,
    COL_NAME_EN,
    COL_MAX,
    COL_BASELINE,
    COL_BASELINE_RANK,
    COL_TARGET,
    COL_TARGET_RANK,
    COL_OWNERS,
    COL_COUNT
};

typedef struct {
    const char *file;
    ps_plan *plan;
    ps_column columns[COL_COUNT];
    size_t cap;
} plan_reader;

static ps_status fail_at(ps_error *err, ps_msg code, const char *file, const ps_table_field *f,
                         const char *a0, const char *a1)
{
    ps_error_set(err, code, file, f->line, f->column, a0, a1, NULL);
    return PS_ERR_INPUT;
}

static ps_status on_meta(void *ctx, const char *key, const char *value, long line, ps_error *err)
{
    plan_reader *pr = ctx;
    ps_plan *plan = pr->plan;
    char **slot = NULL;
    if (strcmp(key, "unit") == 0)
        slot = &plan->unit;
    else if (strcmp(key, "year") == 0)
        slot = &plan->year;
    else if (strcmp(key, "baseline_year") == 0)
        slot = &plan->baseline_year;
    if (slot) {
        free(*slot);
        *slot = ps_strdup(value);
        return *slot ? PS_OK : PS_ERR_NOMEM;
    }
    if (strcmp(key, "units") == 0) {
        char *end;
        long n = strtol(value, &end, 10);
        if (end == value || *end != '\0' || n < 1 || n > 100000) {
            ps_error_set(err, PS_MSG_BAD_META, pr->file, line, 0, key, value, NULL);
            return PS_ERR_INPUT;
        }
        plan->unit_count = (int)n;
    } else if (strcmp(key, "max_points") == 0) {
        if (strcmp(value, "illustrative") != 0 && strcmp(value, "official") != 0) {
            ps_error_set(err, PS_MSG_BAD_META, pr->file, line, 0, key, value, NULL);
            return PS_ERR_INPUT;
        }
        plan->illustrative_max = strcmp(value, "illustrative") == 0;
    }
    return PS_OK;
}

static ps_status on_header(void *ctx, const ps_table_row *row, ps_error *err)
{
    plan_reader *pr = ctx;
    static const char *const names[COL_COUNT] = {"id",          "kind",     "name",          "name_en",
                                                 "max_points",  "baseline", "baseline_rank", "target",
                                                 "target_rank", "owners"};
    for (int c = 0; c < COL_COUNT; c++) {
        pr->columns[c].name = names[c];
        pr->columns[c].required = c != COL_NAME_EN;
    }
    return ps_columns_map(row, pr->columns, COL_COUNT, pr->file, &pr->plan->warnings, err);
}

static bool is_blank(const ps_table_field *f)
{
    for (size_t i = 0; i < f->len; i++)
        if (f->text[i] != ' ' && f->text[i] != '\t')
            return false;
    return true;
}

static ps_status read_rank(const plan_reader *pr, const ps_table_field *f, const char *column, int *rank,
                           ps_error *err)
{
    *rank = 0;
    if (is_blank(f))
        return PS_OK;
    char *end;
    long n = strtol(f->text, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == f->text || *end != '\0' || n < 1 || n > 100000 || f->text[0] == '+' || f->text[0] == '-')
        return fail_at(err, PS_MSG_BAD_RANK, pr->file, f, column, f->text);
    *rank = (int)n;
    return PS_OK;
}

static ps_status read_kind(const plan_reader *pr, const ps_table_field *f, ps_kind *kind, ps_error *err)
{
    char *folded;
    ps_status st = ps_text_fold(f->text, f->len, &folded);
    if (st == PS_ERR_INPUT)
        return fail_at(err, PS_MSG_BAD_KIND, pr->file, f, f->text, NULL);
    if (st != PS_OK)
        return st;
    for (int k = PS_KIND_CRITERION; k <= PS_KIND_KPI; k++) {
        if (strcmp(folded, ps_kind_key((ps_kind)k)) == 0) {
            *kind = (ps_kind)k;
            free(folded);
            return PS_OK;
        }
    }
    free(folded);
    return fail_at(err, PS_MSG_BAD_KIND, pr->file, f, f->text, NULL);
}

static ps_status read_owners(const ps_table_field *f, ps_indicator *item)
{
    const char *p = f->text, *end = f->text + f->len;
    while (p < end) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        const char *stop = semi ? semi : end;
        char *owner;
        ps_status st = ps_text_nfc(p, (size_t)(stop - p), &owner);
        if (st != PS_OK)
            return st;
        if (owner[0] == '\0') {
            free(owner);
        } else {
            char **grown = realloc(item->owners, (item->owner_count + 1) * sizeof *grown);
            if (!grown) {
                free(owner);
                return PS_ERR_NOMEM;
            }
            item->owners = grown;
            item->owners[item->owner_count++] = owner;
        }
        p = semi ? semi + 1 : end;
    }
    return PS_OK;
}

static ps_status read_max_points(const plan_reader *pr, const ps_table_field *f, ps_indicator *item,
                                 ps_error *err)
{
    bool percent = false, negative = false;
    ps_parse_result r = ps_field_number(f, &item->max_points, &percent, &negative);
    item->has_max_points = r == PS_PARSE_OK;
    if (r == PS_PARSE_EMPTY)
        return PS_OK;
    if (r == PS_PARSE_INVALID || percent)
        return fail_at(err, PS_MSG_NOT_A_NUMBER, pr->file, f, "max_points", f->text);
    if (r == PS_PARSE_TOO_LARGE || negative || item->max_points <= 0 ||
        item->max_points > 1000 * PS_NUM_SCALE)
        return fail_at(err, PS_MSG_MAX_POINTS_RANGE, pr->file, f, f->text, NULL);
    return PS_OK;
}

static ps_status read_target(const plan_reader *pr, const ps_table_field *f, ps_indicator *item,
                             ps_error *err)
{
    ps_parse_result r = ps_target_parse(f->text, f->len, &item->target);
    item->has_target = r == PS_PARSE_OK;
    if (r == PS_PARSE_NOMEM)
        return PS_ERR_NOMEM;
    if (r == PS_PARSE_EMPTY)
        return PS_OK;
    if (r != PS_PARSE_OK || item->target.value > 100 * PS_NUM_SCALE)
        return fail_at(err, PS_MSG_BAD_TARGET, pr->file, f, "target", f->text);
    return PS_OK;
}

static ps_status read_id(const plan_reader *pr, const ps_table_field *f, ps_indicator *item, ps_error *err)
{
    if (is_blank(f))
        return fail_at(err, PS_MSG_MISSING_VALUE, pr->file, f, "id", NULL);
    ps_status st = ps_id_canonical(f->text, f->len, &item->id);
    if (st == PS_ERR_INPUT)
        return fail_at(err, PS_MSG_BAD_ID, pr->file, f, f->text, NULL);
    if (st != PS_OK)
        return st;
    const ps_indicator *first = ps_plan_find(pr->plan, item->id);
    if (first) {
        char line[32];
        snprintf(line, sizeof line, "%ld", first->line);
        return fail_at(err, PS_MSG_DUPLICATE_ID, pr->file, f, item->id, line);
    }
    return PS_OK;
}

static ps_status read_names(const plan_reader *pr, const ps_table_row *row, ps_indicator *item, ps_error *err)
{
    const ps_table_field *f = ps_column_field(row, &pr->columns[COL_NAME]);
    ps_status st = ps_text_nfc(f->text, f->len, &item->name);
    if (st != PS_OK)
        return st;
    if (item->name[0] == '\0')
        return fail_at(err, PS_MSG_MISSING_VALUE, pr->file, f, "name", NULL);
    const ps_table_field *en = ps_column_field(row, &pr->columns[COL_NAME_EN]);
    if (en && !is_blank(en)) {
        st = ps_text_nfc(en->text, en->len, &item->name_en);
        if (st != PS_OK)
            return st;
    }
    return PS_OK;
}

static ps_status read_item(plan_reader *pr, const ps_table_row *row, ps_indicator *item, ps_error *err)
{
    const ps_column *c = pr->columns;
    ps_status st = read_id(pr, ps_column_field(row, &c[COL_ID]), item, err);
    if (st == PS_OK)
        st = read_kind(pr, ps_column_field(row, &c[COL_KIND]), &item->kind, err);
    if (st == PS_OK)
        st = read_names(pr, row, item, err);
    if (st == PS_OK)
        st = read_max_points(pr, ps_column_field(row, &c[COL_MAX]), item, err);
    if (st == PS_OK && item->kind == PS_KIND_CRITERION && !item->has_max_points)
        st = fail_at(err, PS_MSG_MAX_POINTS_NEEDED, pr->file, ps_column_field(row, &c[COL_MAX]), item->id,
                     NULL);
    if (st == PS_OK)
        st = ps_field_percent(pr->file, ps_column_field(row, &c[COL_BASELINE]), "baseline",
                              &item->has_baseline, &item->baseline, err);
    if (st == PS_OK)
        st = read_rank(pr, ps_column_field(row, &c[COL_BASELINE_RANK]), "baseline_rank", &item->baseline_rank,
                       err);
    if (st == PS_OK)
        st = read_target(pr, ps_column_field(row, &c[COL_TARGET]), item, err);
    if (st == PS_OK)
        st = read_rank(pr, ps_column_field(row, &c[COL_TARGET_RANK]), "target_rank", &item->target_rank, err);
    if (st == PS_OK)
        st = read_owners(ps_column_field(row, &c[COL_OWNERS]), item);
    return st;
}

static ps_status on_row(void *ctx, const ps_table_row *row, ps_error *err)
{
    plan_reader *pr = ctx;
    ps_plan *plan = pr->plan;
    if (plan->count >= PS_LIMIT_PLAN_ROWS) {
        char limit[32];
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_PLAN_ROWS);
        ps_error_set(err, PS_MSG_TOO_MANY_ROWS, pr->file, row->line, 0, limit, NULL, NULL);
        return PS_ERR_INPUT;
    }
    if (plan->count == pr->cap) {
        size_t cap = pr->cap ? pr->cap * 2 : 32;
        ps_indicator *items = realloc(plan->items, cap * sizeof *items);
        if (!items)
            return PS_ERR_NOMEM;
        plan->items = items;
        pr->cap = cap;
    }
    ps_indicator *item = &plan->items[plan->count];
    memset(item, 0, sizeof *item);
    item->line = row->line;
    ps_status st = read_item(pr, row, item, err);
    plan->count++; /* counted even on failure, so ps_plan_free releases what was read */
    return st;
}

static ps_status on_end(void *ctx, long last_line, ps_error *err)
{
    plan_reader *pr = ctx;
    const ps_plan *plan = pr->plan;
    if (plan->count == 0) {
        ps_error_set(err, PS_MSG_HEADER_ONLY, pr->file, last_line > 0 ? last_line : 1, 0, NULL, NULL, NULL);
        return PS_ERR_INPUT;
    }
    size_t totals = 0, criteria = 0;
    ps_num max_sum = 0;
    for (size_t i = 0; i < plan->count; i++) {
        totals += plan->items[i].kind == PS_KIND_TOTAL;
        criteria += plan->items[i].kind == PS_KIND_CRITERION;
        if (plan->items[i].has_max_points)
            max_sum += plan->items[i].max_points;
    }
    if (totals != 1) {
        char n[32];
        snprintf(n, sizeof n, "%zu", totals);
        ps_error_set(err, PS_MSG_PLAN_TOTAL_ROWS, pr->file, 0, 0, n, NULL, NULL);
        return PS_ERR_INPUT;
    }
    if (criteria == 0) {
        ps_error_set(err, PS_MSG_PLAN_NO_CRITERIA, pr->file, 0, 0, NULL, NULL, NULL);
        return PS_ERR_INPUT;
    }
    if (max_sum > PS_LIMIT_MAX_POINTS_SUM * PS_NUM_SCALE) {
        char n[32];
        snprintf(n, sizeof n, "%d", PS_LIMIT_MAX_POINTS_SUM);
        ps_error_set(err, PS_MSG_MAX_POINTS_SUM, pr->file, 0, 0, n, NULL, NULL);
        return PS_ERR_INPUT;
    }
    return PS_OK;
}

static ps_status load(const char *path, const char *data, size_t len, ps_plan *plan, ps_error *err)
{
    memset(plan, 0, sizeof *plan);
    plan_reader pr = {.file = data ? path : ps_input_name(path), .plan = plan};
    ps_table_handler h = {on_meta, on_header, on_row, on_end, &pr, "owners"};
    ps_status st = ps_table_load(path, data, len, "indicators", &h, &plan->source, err);
    if (st != PS_OK)
        ps_plan_free(plan);
    return st;
}

ps_status ps_plan_load_file(const char *path, ps_plan *plan, ps_error *err)
{
    return load(path, NULL, 0, plan, err);
}

ps_status ps_plan_load_buffer(const char *data, size_t len, const char *name, ps_plan *plan, ps_error *err)
{
    return load(name, data ? data : "", len, plan, err);
}
