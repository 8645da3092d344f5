/* The quarterly scores loader: id plus score (percent) or points, checked against the plan row by row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/columns.h"
#include "input/file.h"
#include "input/table.h"
#include "base/error.h"
#include "base/text.h"
#include "parscore/load.h"

/* note columns are documented and skipped without a warning */
enum { COL_ID, COL_SCORE, COL_POINTS, COL_NOTE, COL_NOTE_VI, COL_COUNT };

typedef struct {
    const char *file;
    const ps_plan *plan;
    ps_scores *scores;
    ps_column columns[COL_COUNT];
    bool any_value;
} scores_reader;

static ps_status fail_at(ps_error *err, ps_msg code, const char *file, const ps_table_field *f,
                         const char *a0, const char *a1, const char *a2)
{
    ps_error_set(err, code, file, f->line, f->column, a0, a1, a2);
    return PS_ERR_INPUT;
}

static ps_status on_meta(void *ctx, const char *key, const char *value, long line, ps_error *err)
{
    (void)line;
    (void)err;
    scores_reader *sr = ctx;
    if (strcmp(key, "period") != 0)
        return PS_OK;
    free(sr->scores->period);
    sr->scores->period = ps_strdup(value);
    return sr->scores->period ? PS_OK : PS_ERR_NOMEM;
}

static ps_status on_header(void *ctx, const ps_table_row *row, ps_error *err)
{
    scores_reader *sr = ctx;
    sr->columns[COL_ID] = (ps_column){"id", true, -1};
    sr->columns[COL_SCORE] = (ps_column){"score", false, -1};
    sr->columns[COL_POINTS] = (ps_column){"points", false, -1};
    sr->columns[COL_NOTE] = (ps_column){"note", false, -1};
    sr->columns[COL_NOTE_VI] = (ps_column){"ghi chú", false, -1};
    ps_status st = ps_columns_map(row, sr->columns, COL_COUNT, sr->file, &sr->scores->warnings, err);
    if (st == PS_OK && sr->columns[COL_SCORE].index < 0 && sr->columns[COL_POINTS].index < 0) {
        ps_error_set(err, PS_MSG_MISSING_COLUMN, sr->file, row->line, 0, "score | points", NULL, NULL);
        return PS_ERR_INPUT;
    }
    return st;
}

static ps_status read_id(scores_reader *sr, const ps_table_field *f, size_t *item, ps_error *err)
{
    bool blank = true;
    for (size_t i = 0; i < f->len; i++)
        blank = blank && (f->text[i] == ' ' || f->text[i] == '\t');
    if (blank)
        return fail_at(err, PS_MSG_MISSING_VALUE, sr->file, f, "id", NULL, NULL);
    char *id;
    ps_status st = ps_id_canonical(f->text, f->len, &id);
    if (st == PS_ERR_NOMEM)
        return st;
    const ps_indicator *found = st == PS_OK ? ps_plan_find(sr->plan, id) : NULL;
    free(id);
    if (!found)
        return fail_at(err, PS_MSG_UNKNOWN_ID, sr->file, f, f->text, NULL, NULL);
    if (found->kind == PS_KIND_TOTAL)
        return fail_at(err, PS_MSG_TOTAL_IS_COMPUTED, sr->file, f, NULL, NULL, NULL);
    *item = (size_t)(found - sr->plan->items);
    for (size_t i = 0; i < sr->scores->count; i++) {
        if (sr->scores->entries[i].item == *item) {
            char line[32];
            snprintf(line, sizeof line, "%ld", sr->scores->entries[i].line);
            return fail_at(err, PS_MSG_DUPLICATE_ID, sr->file, f, found->id, line, NULL);
        }
    }
    return PS_OK;
}

/* Reads a non-negative number; sets *has when the field holds one. */
static ps_status read_number(const scores_reader *sr, const ps_table_field *f, const char *column, bool *has,
                             ps_num *value, bool *percent, ps_error *err)
{
    *has = false;
    if (!f)
        return PS_OK;
    bool negative = false;
    ps_parse_result r = ps_field_number(f, value, percent, &negative);
    if (r == PS_PARSE_EMPTY)
        return PS_OK;
    if (r == PS_PARSE_INVALID)
        return fail_at(err, PS_MSG_NOT_A_NUMBER, sr->file, f, column, f->text, NULL);
    if (r == PS_PARSE_TOO_LARGE)
        return fail_at(err, PS_MSG_NUMBER_TOO_LARGE, sr->file, f, column, f->text, NULL);
    if (negative)
        return fail_at(err, PS_MSG_NEGATIVE, sr->file, f, column, f->text, NULL);
    *has = true;
    return PS_OK;
}

static ps_status read_points(const scores_reader *sr, const ps_table_field *f, const ps_indicator *ind,
                             ps_score_entry *e, ps_error *err)
{
    bool percent = false;
    ps_status st = read_number(sr, f, "points", &e->has_points, &e->points, &percent, err);
    if (st != PS_OK || !e->has_points)
        return st;
    if (percent)
        return fail_at(err, PS_MSG_POINTS_PERCENT, sr->file, f, f->text, NULL, NULL);
    if (!ind->has_max_points)
        return fail_at(err, PS_MSG_POINTS_NO_MAX, sr->file, f, ind->id, NULL, NULL);
    if (e->points > ind->max_points) {
        fail_at(err, PS_MSG_POINTS_OVER_MAX, sr->file, f, f->text, NULL, ind->id);
        err->has_number = true; /* shown with the message's own decimal mark */
        err->number = ind->max_points;
        return PS_ERR_INPUT;
    }
    /* percent = points / max × 100; points ≤ 1000 keeps the product far inside 64 bits */
    e->has_score = true;
    e->score = ps_num_div(e->points * 100 * PS_NUM_SCALE, ind->max_points);
    return PS_OK;
}

static ps_status on_row(void *ctx, const ps_table_row *row, ps_error *err)
{
    scores_reader *sr = ctx;
    ps_score_entry e;
    memset(&e, 0, sizeof e);
    e.line = row->line;
    ps_status st = read_id(sr, ps_column_field(row, &sr->columns[COL_ID]), &e.item, err);
    if (st != PS_OK)
        return st;
    const ps_indicator *ind = &sr->plan->items[e.item];
    const ps_table_field *score = ps_column_field(row, &sr->columns[COL_SCORE]);
    const ps_table_field *points = ps_column_field(row, &sr->columns[COL_POINTS]);
    bool percent = false;
    st = read_number(sr, score, "score", &e.has_score, &e.score, &percent, err);
    if (st != PS_OK)
        return st;
    if (e.has_score && e.score > 100 * PS_NUM_SCALE)
        return fail_at(err, PS_MSG_PERCENT_RANGE, sr->file, score, "score", score->text, NULL);
    bool had_score = e.has_score;
    st = read_points(sr, points, ind, &e, err);
    if (st != PS_OK)
        return st;
    if (had_score && e.has_points)
        return fail_at(err, PS_MSG_SCORE_AND_POINTS, sr->file, points, ind->id, NULL, NULL);
    ps_score_entry *grown = realloc(sr->scores->entries, (sr->scores->count + 1) * sizeof *grown);
    if (!grown)
        return PS_ERR_NOMEM;
    sr->scores->entries = grown;
    sr->scores->entries[sr->scores->count++] = e;
    sr->any_value = sr->any_value || e.has_score;
    return PS_OK;
}

static ps_status on_end(void *ctx, long last_line, ps_error *err)
{
    scores_reader *sr = ctx;
    if (sr->scores->count == 0) {
        ps_error_set(err, PS_MSG_HEADER_ONLY, sr->file, last_line > 0 ? last_line : 1, 0, NULL, NULL, NULL);
        return PS_ERR_INPUT;
    }
    if (!sr->any_value) {
        ps_error_set(err, PS_MSG_NO_SCORES, sr->file, 0, 0, NULL, NULL, NULL);
        return PS_ERR_INPUT;
    }
    return PS_OK;
}

static ps_status load(const char *path, const char *data, size_t len, const ps_plan *plan, ps_scores *scores,
                      ps_error *err)
{
    memset(scores, 0, sizeof *scores);
    scores_reader sr = {.file = data ? path : ps_input_name(path), .plan = plan, .scores = scores};
    ps_table_handler h = {on_meta, on_header, on_row, on_end, &sr, NULL};
    ps_status st = ps_table_load(path, data, len, "scores", &h, &scores->source, err);
    if (st != PS_OK)
        ps_scores_free(scores);
    return st;
}

ps_status ps_scores_load_file(const char *path, const ps_plan *plan, ps_scores *scores, ps_error *err)
{
    return load(path, NULL, 0, plan, scores, err);
}

ps_status ps_scores_load_buffer(const char *data, size_t len, const char *name, const ps_plan *plan,
                                ps_scores *scores, ps_error *err)
{
    return load(name, data ? data : "", len, plan, scores, err);
}
