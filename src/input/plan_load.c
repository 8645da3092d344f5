/* The plan loader: one CSV row per indicator, "# key: value" lines for the plan's own facts, and the
 * hierarchy of sub rows (tiêu chí thành phần) under the criteria, checked once every row is in. */
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
    COL_PARENT,
    COL_COUNT
};

/* Where a row names its parent and its max points, kept until the hierarchy is checked at the end. */
typedef struct {
    char *parent; /* the parent's id as canonical text; NULL when the cell is empty or absent */
    ps_table_field parent_at, max_at; /* positions only (their text is gone by then) */
} row_links;

typedef struct {
    const char *file;
    ps_plan *plan;
    ps_column columns[COL_COUNT];
    size_t cap;
    row_links *links; /* one per plan item */
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
    } else if (strcmp(key, "max_points") == 0 || strcmp(key, "sub_criteria") == 0) {
        if (strcmp(value, "illustrative") != 0 && strcmp(value, "official") != 0) {
            ps_error_set(err, PS_MSG_BAD_META, pr->file, line, 0, key, value, NULL);
            return PS_ERR_INPUT;
        }
        bool *flag = strcmp(key, "max_points") == 0 ? &plan->illustrative_max : &plan->illustrative_subs;
        *flag = strcmp(value, "illustrative") == 0;
    }
    return PS_OK;
}

static ps_status on_header(void *ctx, const ps_table_row *row, ps_error *err)
{
    plan_reader *pr = ctx;
    static const char *const names[COL_COUNT] = {"id",          "kind",     "name",          "name_en",
                                                 "max_points",  "baseline", "baseline_rank", "target",
                                                 "target_rank", "owners",   "parent"};
    for (int c = 0; c < COL_COUNT; c++) {
        pr->columns[c].name = names[c];
        pr->columns[c].required = c != COL_NAME_EN && c != COL_PARENT;
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
    for (int k = PS_KIND_CRITERION; k <= PS_KIND_SUB; k++) {
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

/* Keeps the parent's id and the places of the parent and max_points cells for the checks at the end. */
static ps_status read_parent(plan_reader *pr, const ps_table_row *row, const ps_indicator *item,
                             ps_error *err)
{
    row_links *links = &pr->links[pr->plan->count];
    const ps_table_field *parent = ps_column_field(row, &pr->columns[COL_PARENT]);
    const ps_table_field *max = ps_column_field(row, &pr->columns[COL_MAX]);
    links->max_at = (ps_table_field){.line = max->line, .column = max->column};
    links->parent_at = parent ? (ps_table_field){.line = parent->line, .column = parent->column}
                              : (ps_table_field){.line = row->line, .column = 0};
    bool named = parent && !is_blank(parent);
    if (!named && item->kind == PS_KIND_SUB)
        return fail_at(err, PS_MSG_PARENT_MISSING, pr->file, &links->parent_at, item->id, NULL);
    if (!named)
        return PS_OK;
    if (item->kind != PS_KIND_SUB)
        return fail_at(err, PS_MSG_PARENT_NOT_SUB, pr->file, parent, item->id, NULL);
    ps_status st = ps_id_canonical(parent->text, parent->len, &links->parent);
    if (st == PS_ERR_INPUT)
        return fail_at(err, PS_MSG_PARENT_UNKNOWN, pr->file, parent, parent->text, NULL);
    return st;
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
    if (st == PS_OK)
        st = read_parent(pr, row, item, err);
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
        if (items)
            plan->items = items;
        row_links *links = realloc(pr->links, cap * sizeof *links);
        if (links)
            pr->links = links;
        if (!items || !links)
            return PS_ERR_NOMEM;
        pr->cap = cap;
    }
    ps_indicator *item = &plan->items[plan->count];
    memset(item, 0, sizeof *item);
    memset(&pr->links[plan->count], 0, sizeof pr->links[plan->count]);
    item->line = row->line;
    item->parent = item->criterion = -1;
    ps_status st = read_item(pr, row, item, err);
    plan->count++; /* counted even on failure, so ps_plan_free releases what was read */
    return st;
}

static ps_status fail_row(const plan_reader *pr, ps_msg code, const ps_table_field *at, const char *a0,
                          const char *a1, ps_error *err)
{
    ps_error_set(err, code, pr->file, at->line, at->column, a0, a1, NULL);
    return PS_ERR_INPUT;
}

/* Each sub row's parent by index: a known row of kind criterion or sub. */
static ps_status resolve_parents(plan_reader *pr, ps_error *err)
{
    ps_plan *plan = pr->plan;
    for (size_t i = 0; i < plan->count; i++) {
        const row_links *links = &pr->links[i];
        if (!links->parent)
            continue;
        const ps_indicator *parent = ps_plan_find(plan, links->parent);
        if (!parent)
            return fail_row(pr, PS_MSG_PARENT_UNKNOWN, &links->parent_at, links->parent, NULL, err);
        if (parent->kind != PS_KIND_CRITERION && parent->kind != PS_KIND_SUB)
            return fail_row(pr, PS_MSG_PARENT_KIND, &links->parent_at, parent->id, ps_kind_key(parent->kind),
                            err);
        plan->items[i].parent = parent - plan->items;
        plan->sub_count++;
    }
    return PS_OK;
}

/* "a → b → a": the rows of the cycle that starts at row i, for its message. */
static void cycle_text(const ps_plan *plan, size_t i, char *buf, size_t size)
{
    size_t len = (size_t)snprintf(buf, size, "%s", plan->items[i].id);
    for (long at = plan->items[i].parent; len < size; at = plan->items[at].parent) {
        len += (size_t)snprintf(buf + len, size - len, " \xe2\x86\x92 %s", plan->items[at].id); /* → */
        if ((size_t)at == i)
            break;
    }
}

/* Walks up from every sub row to its criterion: a walk that comes back to its start is a cycle (named at
 * the first row of it in the file); one longer than PS_MAX_SUB_DEPTH is too deep. */
static ps_status place_subs(plan_reader *pr, ps_error *err)
{
    ps_plan *plan = pr->plan;
    for (size_t i = 0; i < plan->count; i++) {
        ps_indicator *item = &plan->items[i];
        if (item->kind != PS_KIND_SUB)
            continue;
        long at = item->parent;
        int depth = 1;
        while (plan->items[at].kind == PS_KIND_SUB && (size_t)at != i && (size_t)depth <= plan->count) {
            at = plan->items[at].parent;
            depth++;
        }
        if ((size_t)at == i) {
            char chain[256];
            cycle_text(plan, i, chain, sizeof chain);
            return fail_row(pr, PS_MSG_PARENT_CYCLE, &pr->links[i].parent_at, plan->items[item->parent].id,
                            chain, err);
        }
        if (plan->items[at].kind == PS_KIND_SUB)
            continue; /* leads into a cycle further up: that cycle's first row is named */
        if (depth > PS_MAX_SUB_DEPTH) {
            char limit[16];
            snprintf(limit, sizeof limit, "%d", PS_MAX_SUB_DEPTH);
            return fail_row(pr, PS_MSG_SUB_TOO_DEEP, &pr->links[i].parent_at, item->id, limit, err);
        }
        item->depth = depth;
        item->criterion = at;
        plan->items[item->parent].child_count++;
    }
    for (size_t i = 0; i < plan->count; i++)
        if (plan->items[i].kind == PS_KIND_CRITERION)
            plan->items[i].criterion = (long)i;
    return PS_OK;
}

/* Max points from the leaves up: a leaf needs its own; a parent takes the sum of its children when its cell
 * is empty, and must equal it otherwise. */
static ps_status sum_max_points(plan_reader *pr, ps_error *err)
{
    ps_plan *plan = pr->plan;
    for (int depth = PS_MAX_SUB_DEPTH; depth >= 0; depth--) {
        for (size_t i = 0; i < plan->count; i++) {
            ps_indicator *item = &plan->items[i];
            bool weighed = item->kind == PS_KIND_CRITERION || item->kind == PS_KIND_SUB;
            if (item->depth != depth || !weighed)
                continue;
            if (item->child_count == 0 && !item->has_max_points)
                return fail_row(pr,
                                item->kind == PS_KIND_SUB ? PS_MSG_SUB_MAX_NEEDED : PS_MSG_MAX_POINTS_NEEDED,
                                &pr->links[i].max_at, item->id, NULL, err);
            if (item->child_count == 0)
                continue;
            ps_num sum = 0;
            for (size_t k = 0; k < plan->count; k++)
                if (plan->items[k].parent == (long)i)
                    sum += plan->items[k].max_points;
            if (!item->has_max_points) {
                item->has_max_points = item->max_from_children = true;
                item->max_points = sum;
            } else if (item->max_points != sum) {
                fail_row(pr, PS_MSG_MAX_POINTS_CHILDREN, &pr->links[i].max_at, item->id, NULL, err);
                err->numbers = 2;
                err->number[0] = item->max_points;
                err->number[1] = sum;
                return PS_ERR_INPUT;
            }
        }
    }
    return PS_OK;
}

static ps_status link_hierarchy(plan_reader *pr, ps_error *err)
{
    ps_status st = resolve_parents(pr, err);
    if (st == PS_OK)
        st = place_subs(pr, err);
    if (st == PS_OK)
        st = sum_max_points(pr, err);
    return st;
}

static ps_status on_end(void *ctx, long last_line, ps_error *err)
{
    plan_reader *pr = ctx;
    ps_plan *plan = pr->plan;
    if (plan->count == 0) {
        return ps_table_no_rows(pr->file, last_line, err);
    }
    ps_status st = link_hierarchy(pr, err);
    if (st != PS_OK)
        return st;
    size_t totals = 0, criteria = 0;
    ps_num max_sum = 0;
    for (size_t i = 0; i < plan->count; i++) {
        totals += plan->items[i].kind == PS_KIND_TOTAL;
        criteria += plan->items[i].kind == PS_KIND_CRITERION;
        if (plan->items[i].has_max_points && plan->items[i].depth == 0)
            max_sum += plan->items[i].max_points; /* a sub row's points are in its criterion's */
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

static ps_status load(const char *path, const char *data, size_t len, const ps_read_options *options,
                      ps_plan *plan, ps_error *err)
{
    memset(plan, 0, sizeof *plan);
    plan_reader pr = {.file = data ? path : ps_input_name(path), .plan = plan};
    ps_table_handler h = {.meta = on_meta,
                          .header = on_header,
                          .row = on_row,
                          .end = on_end,
                          .ctx = &pr,
                          .list_column = "owners",
                          .warnings = &plan->warnings};
    ps_status st = ps_table_load(path, data, len, "indicators", &h, options, &plan->source, err);
    for (size_t i = 0; pr.links && i < plan->count; i++)
        free(pr.links[i].parent);
    free(pr.links);
    if (st != PS_OK)
        ps_plan_free(plan);
    return st;
}

ps_status ps_plan_load_file(const char *path, const ps_read_options *options, ps_plan *plan, ps_error *err)
{
    return load(path, NULL, 0, options, plan, err);
}

ps_status ps_plan_load_buffer(const char *data, size_t len, const char *name, ps_plan *plan, ps_error *err)
{
    return load(name, data ? data : "", len, NULL, plan, err);
}
