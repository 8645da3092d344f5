/* The quarterly scores loader: id plus score (percent) or points, appraised points, evidence and a note,
 * checked against the plan row by row; "not applicable" in a number cell leaves the item out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/columns.h"
#include "input/file.h"
#include "input/table.h"
#include "base/error.h"
#include "base/text.h"
#include "parscore/load.h"

/* name, max_points and owners are the template's (parscore template): read past without a warning */
enum {
    COL_ID,
    COL_SCORE,
    COL_POINTS,
    COL_APPRAISED,
    COL_EVIDENCE,
    COL_NOTE,
    COL_NOTE_VI,
    COL_NAME,
    COL_MAX,
    COL_OWNERS,
    COL_COUNT
};

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
    (void)err;
    scores_reader *sr = ctx;
    if (strcmp(key, "period") != 0)
        return PS_OK;
    free(sr->scores->period);
    sr->scores->period_line = line;
    sr->scores->period = ps_strdup(value);
    return sr->scores->period ? PS_OK : PS_ERR_NOMEM;
}

static ps_status on_header(void *ctx, const ps_table_row *row, ps_error *err)
{
    scores_reader *sr = ctx;
    static const char *const names[COL_COUNT] = {"id",   "score",   "points", "appraised",  "evidence",
                                                 "note", "ghi chú", "name",   "max_points", "owners"};
    for (int c = 0; c < COL_COUNT; c++)
        sr->columns[c] = (ps_column){names[c], c == COL_ID, -1};
    ps_status st = ps_columns_map(row, sr->columns, COL_COUNT, sr->file, &sr->scores->warnings, err);
    if (st == PS_OK && sr->columns[COL_SCORE].index < 0 && sr->columns[COL_POINTS].index < 0 &&
        sr->columns[COL_APPRAISED].index < 0) {
        ps_error_set(err, PS_MSG_MISSING_COLUMN, sr->file, row->line, 0, "score | points", NULL, NULL);
        return PS_ERR_INPUT;
    }
    sr->scores->has_evidence_column = sr->columns[COL_EVIDENCE].index >= 0;
    return st;
}

/* Whether item is somewhere below ancestor in the plan's hierarchy. */
static bool is_under(const ps_plan *plan, size_t item, size_t ancestor)
{
    for (long at = plan->items[item].parent; at >= 0; at = plan->items[at].parent)
        if ((size_t)at == ancestor)
            return true;
    return false;
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
        const ps_score_entry *other = &sr->scores->entries[i];
        char line[32];
        snprintf(line, sizeof line, "%ld", other->line);
        if (other->item == *item)
            return fail_at(err, PS_MSG_DUPLICATE_ID, sr->file, f, found->id, line, NULL);
        if (is_under(sr->plan, other->item, *item) || is_under(sr->plan, *item, other->item))
            return fail_at(err, PS_MSG_SCORED_TWICE, sr->file, f, found->id, sr->plan->items[other->item].id,
                           line);
    }
    return PS_OK;
}

/* "na", "n/a", "KAD" (không áp dụng) or "không áp dụng", in any case: the item does not apply to the unit. */
static ps_status says_not_applicable(const ps_table_field *f, bool *says)
{
    static const char *const words[] = {"na", "n/a", "kad", "không áp dụng"};
    *says = false;
    if (!f || f->len > 32 || f->json_number)
        return PS_OK;
    char *folded;
    ps_status st = ps_text_fold(f->text, f->len, &folded);
    if (st != PS_OK)
        return st == PS_ERR_NOMEM ? st : PS_OK;
    for (size_t k = 0; k < sizeof words / sizeof words[0] && !*says; k++)
        *says = strcmp(folded, words[k]) == 0;
    free(folded);
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

/* Points (self-assessed or appraised, as column says): a number of points, at most the item's max. */
static ps_status read_points(const scores_reader *sr, const ps_table_field *f, const char *column,
                             const ps_indicator *ind, bool *has, ps_num *points, ps_error *err)
{
    bool percent = false;
    ps_status st = read_number(sr, f, column, has, points, &percent, err);
    if (st != PS_OK || !*has)
        return st;
    if (percent)
        return fail_at(err, PS_MSG_POINTS_PERCENT, sr->file, f, f->text, column, NULL);
    if (!ind->has_max_points)
        return fail_at(err, strcmp(column, "points") == 0 ? PS_MSG_POINTS_NO_MAX : PS_MSG_APPRAISED_NO_MAX,
                       sr->file, f, ind->id, NULL, NULL);
    if (*points > ind->max_points) {
        fail_at(err, PS_MSG_POINTS_OVER_MAX, sr->file, f, f->text, column, ind->id);
        err->numbers = 1; /* shown with the message's own decimal mark */
        err->number[0] = ind->max_points;
        return PS_ERR_INPUT;
    }
    return PS_OK;
}

/* A free-text cell (evidence, note): NULL when empty, else an NFC copy the entry owns. */
static ps_status read_text(const ps_table_field *f, char **out)
{
    *out = NULL;
    if (!f)
        return PS_OK;
    char *text;
    ps_status st = ps_text_nfc(f->text, f->len, &text);
    if (st != PS_OK)
        return PS_ERR_NOMEM; /* the readers pass only valid UTF-8 */
    if (text[0] == '\0')
        free(text);
    else
        *out = text;
    return PS_OK;
}

/* The self-assessed value: a percent in score, or points; "not applicable" in either. */
static ps_status read_self(const scores_reader *sr, const ps_table_row *row, const ps_indicator *ind,
                           ps_score_entry *e, ps_error *err)
{
    const ps_table_field *score = ps_column_field(row, &sr->columns[COL_SCORE]);
    const ps_table_field *points = ps_column_field(row, &sr->columns[COL_POINTS]);
    bool na_score, na_points;
    ps_status st = says_not_applicable(score, &na_score);
    if (st == PS_OK)
        st = says_not_applicable(points, &na_points);
    if (st != PS_OK)
        return st;
    e->not_applicable = na_score || na_points;
    bool percent = false;
    if (!na_score)
        st = read_number(sr, score, "score", &e->has_score, &e->score, &percent, err);
    if (st != PS_OK)
        return st;
    if (e->has_score && e->score > 100 * PS_NUM_SCALE)
        return fail_at(err, PS_MSG_PERCENT_RANGE, sr->file, score, "score", score->text, NULL);
    if (!na_points)
        st = read_points(sr, points, "points", ind, &e->has_points, &e->points, err);
    if (st != PS_OK)
        return st;
    if ((e->has_score || na_score) && (e->has_points || na_points))
        return fail_at(err, PS_MSG_SCORE_AND_POINTS, sr->file, points, ind->id, NULL, NULL);
    if (e->has_points) { /* percent = points / max × 100; points ≤ 1000 keeps it far inside 64 bits */
        e->has_score = true;
        e->score = ps_num_div(e->points * 100 * PS_NUM_SCALE, ind->max_points);
    }
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
    st = read_self(sr, row, ind, &e, err);
    const ps_table_field *appraised = ps_column_field(row, &sr->columns[COL_APPRAISED]);
    if (st == PS_OK)
        st = says_not_applicable(appraised, &e.appraised_not_applicable);
    if (st == PS_OK && !e.appraised_not_applicable)
        st = read_points(sr, appraised, "appraised", ind, &e.has_appraised, &e.appraised, err);
    if (st == PS_OK)
        st = read_text(ps_column_field(row, &sr->columns[COL_EVIDENCE]), &e.evidence);
    const ps_table_field *note = ps_column_field(row, &sr->columns[COL_NOTE]);
    if (!note || note->len == 0)
        note = ps_column_field(row, &sr->columns[COL_NOTE_VI]);
    if (st == PS_OK)
        st = read_text(note, &e.note);
    ps_score_entry *grown =
        st == PS_OK ? realloc(sr->scores->entries, (sr->scores->count + 1) * sizeof *grown) : NULL;
    if (st == PS_OK && !grown)
        st = PS_ERR_NOMEM;
    if (st != PS_OK) {
        free(e.evidence);
        free(e.note);
        return st;
    }
    sr->scores->entries = grown;
    sr->scores->entries[sr->scores->count++] = e;
    sr->scores->has_appraised = sr->scores->has_appraised || e.has_appraised || e.appraised_not_applicable;
    sr->any_value =
        sr->any_value || e.has_score || e.not_applicable || e.has_appraised || e.appraised_not_applicable;
    return PS_OK;
}

static ps_status on_end(void *ctx, long last_line, ps_error *err)
{
    scores_reader *sr = ctx;
    if (sr->scores->count == 0) {
        return ps_table_no_rows(sr->file, last_line, err);
    }
    if (!sr->any_value) {
        ps_error_set(err, PS_MSG_NO_SCORES, sr->file, 0, 0, NULL, NULL, NULL);
        return PS_ERR_INPUT;
    }
    return PS_OK;
}

static ps_status load(const char *path, const char *data, size_t len, const ps_read_options *options,
                      const ps_plan *plan, ps_scores *scores, ps_error *err)
{
    memset(scores, 0, sizeof *scores);
    scores_reader sr = {.file = data ? path : ps_input_name(path), .plan = plan, .scores = scores};
    ps_table_handler h = {.meta = on_meta,
                          .header = on_header,
                          .row = on_row,
                          .end = on_end,
                          .ctx = &sr,
                          .warnings = &scores->warnings};
    ps_status st = ps_table_load(path, data, len, "scores", &h, options, &scores->source, err);
    if (st != PS_OK)
        ps_scores_free(scores);
    return st;
}

ps_status ps_scores_load_file(const char *path, const ps_read_options *options, const ps_plan *plan,
                              ps_scores *scores, ps_error *err)
{
    return load(path, NULL, 0, options, plan, scores, err);
}

ps_status ps_scores_load_buffer(const char *data, size_t len, const char *name, const ps_plan *plan,
                                ps_scores *scores, ps_error *err)
{
    return load(name, data ? data : "", len, NULL, plan, scores, err);
}
