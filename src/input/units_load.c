/* Units to rank: rows streamed to the caller one by one, each a name and a percent per criterion. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "input/columns.h"
#include "input/file.h"
#include "input/table.h"
#include "parscore/load.h"

typedef struct units_reader units_reader;
struct units_reader {
    const char *file;
    const ps_indicator *criteria[PS_RANK_MAX_CRITERIA];
    size_t criteria_count;
    ps_unit_row_fn on_unit;
    void *ctx;
    ps_warnings *warnings;
    size_t rows;
    ps_column columns[1 + PS_RANK_MAX_CRITERIA + 2];
    size_t column_count;
    /* a large file read by two threads: the caller's second context and how it joins, and the reader of
     * the rows after the split (a copy of this one, with the second context) */
    void *later_ctx;
    ps_unit_join_fn join;
    units_reader *later;
    bool joined;
};

enum { COL_UNIT = 0, COL_FIRST = 1 };

static ps_status on_header(void *ctx, const ps_table_row *row, ps_error *err)
{
    units_reader *ur = ctx;
    ur->columns[COL_UNIT] = (ps_column){"unit", true, -1};
    for (size_t k = 0; k < ur->criteria_count; k++)
        ur->columns[COL_FIRST + k] = (ps_column){ur->criteria[k]->id, false, -1};
    /* known, not used for the total: no warning for them */
    ur->columns[COL_FIRST + ur->criteria_count] = (ps_column){"sipas", false, -1};
    ur->columns[COL_FIRST + ur->criteria_count + 1] = (ps_column){"total", false, -1};
    ur->column_count = COL_FIRST + ur->criteria_count + 2;
    return ps_columns_map(row, ur->columns, ur->column_count, ur->file, ur->warnings, err);
}

static ps_status on_row(void *ctx, const ps_table_row *row, ps_error *err)
{
    units_reader *ur = ctx;
    const ps_table_field *name = ps_column_field(row, &ur->columns[COL_UNIT]);
    const char *text = name->text;
    size_t len = name->len;
    while (len > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (len == 0) {
        ps_error_set(err, PS_MSG_MISSING_VALUE, ur->file, name->line, name->column, "unit", NULL, NULL);
        return PS_ERR_INPUT;
    }
    ps_num values[PS_RANK_MAX_CRITERIA];
    ps_unit_row unit = {.values = values, .file = ur->file, .line = row->line, .name_column = name->column};
    for (size_t k = 0; k < ur->criteria_count; k++) {
        const ps_table_field *f = ps_column_field(row, &ur->columns[COL_FIRST + k]);
        bool has = false;
        values[k] = 0;
        if (f && ps_field_percent(ur->file, f, ur->criteria[k]->id, &has, &values[k], err) != PS_OK)
            return PS_ERR_INPUT;
        if (has)
            unit.has |= UINT32_C(1) << k;
    }
    unit.name = text;
    unit.name_len = len;
    ur->rows++;
    return ur->on_unit(ur->ctx, &unit, err);
}

static ps_status on_end(void *ctx, long last_line, ps_error *err)
{
    units_reader *ur = ctx;
    if (ur->rows > 0)
        return PS_OK;
    return ps_table_no_rows(ur->file, last_line, err);
}

static void *on_split(void *ctx)
{
    units_reader *ur = ctx;
    ur->later = malloc(sizeof *ur->later);
    if (!ur->later)
        return NULL;
    *ur->later = *ur;
    ur->later->ctx = ur->later_ctx;
    ur->later->rows = 0;
    ur->later->later = NULL;
    return ur->later;
}

static ps_status on_join(void *ctx, bool used, ps_error *err)
{
    units_reader *ur = ctx;
    if (used && ur->later)
        ur->rows += ur->later->rows;
    free(ur->later);
    ur->later = NULL;
    ur->joined = true;
    return ur->join(ur->ctx, ur->later_ctx, used, err);
}

static ps_status load(const char *path, const char *data, size_t len, const ps_read_options *options,
                      const ps_plan *plan, ps_unit_row_fn on_unit, void *ctx, void *later,
                      ps_unit_join_fn join, char **source, ps_warnings *warnings, ps_error *err)
{
    units_reader ur = {.file = data ? path : ps_input_name(path),
                       .on_unit = on_unit,
                       .ctx = ctx,
                       .warnings = warnings,
                       .later_ctx = later,
                       .join = join};
    *source = NULL;
    ps_status st = ps_plan_rank_criteria(plan, ur.criteria, &ur.criteria_count, err);
    ps_table_handler h = {.header = on_header,
                          .row = on_row,
                          .end = on_end,
                          .ctx = &ur,
                          .warnings = warnings,
                          .split = join ? on_split : NULL,
                          .join = join ? on_join : NULL};
    if (st == PS_OK)
        st = ps_table_load(path, data, len, "units", &h, options, source, err);
    if (join && !ur.joined) { /* no second thread was started: later is released all the same */
        ps_error ignored;
        if (join(ctx, later, false, &ignored) == PS_ERR_NOMEM && st == PS_OK)
            st = PS_ERR_NOMEM;
    }
    return st;
}

ps_status ps_units_read_file(const char *path, const ps_read_options *options, const ps_plan *plan,
                             ps_unit_row_fn on_unit, void *ctx, char **source, ps_warnings *warnings,
                             ps_error *err)
{
    return load(path, NULL, 0, options, plan, on_unit, ctx, NULL, NULL, source, warnings, err);
}

ps_status ps_units_read_file_split(const char *path, const ps_read_options *options, const ps_plan *plan,
                                   ps_unit_row_fn on_unit, void *ctx, void *later, ps_unit_join_fn join,
                                   char **source, ps_warnings *warnings, ps_error *err)
{
    return load(path, NULL, 0, options, plan, on_unit, ctx, later, join, source, warnings, err);
}

ps_status ps_units_read_buffer(const char *data, size_t len, const char *name, const ps_plan *plan,
                               ps_unit_row_fn on_unit, void *ctx, char **source, ps_warnings *warnings,
                               ps_error *err)
{
    return load(name, data ? data : "", len, NULL, plan, on_unit, ctx, NULL, NULL, source, warnings, err);
}
