/* Header mapping shared by the loaders: columns by name, fields as numbers and percents. */
#include "input/columns.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/num_plain.h"
#include "base/text.h"

static ps_status map_one(const ps_table_field *field, size_t index, ps_column *columns, size_t count,
                         const char *file, ps_warnings *warnings, ps_error *err)
{
    char *name;
    ps_status st = ps_text_fold(field->text, field->len, &name);
    if (st != PS_OK) /* fields are valid UTF-8 by now: only memory can fail */
        return PS_ERR_NOMEM;
    bool known = false;
    if (name[0] == '\0') {
        /* spreadsheets export a trailing delimiter as a nameless column: skip it, but say so */
        free(name);
        if (!warnings)
            return PS_OK;
        ps_error warning;
        ps_error_set(&warning, PS_MSG_EMPTY_COLUMN_NAME, file, field->line, field->column, NULL, NULL, NULL);
        warning.warning = true;
        return ps_warnings_add(warnings, &warning) ? PS_OK : PS_ERR_NOMEM;
    }
    for (size_t c = 0; c < count && st == PS_OK; c++) {
        if (strcmp(name, columns[c].name) != 0)
            continue;
        known = true;
        if (columns[c].index >= 0) {
            ps_error_set(err, PS_MSG_DUPLICATE_COLUMN, file, field->line, field->column, name, NULL, NULL);
            st = PS_ERR_INPUT;
        } else {
            columns[c].index = (long)index;
        }
    }
    if (st == PS_OK && !known && warnings) {
        ps_error warning;
        ps_error_set(&warning, PS_MSG_UNKNOWN_COLUMN, file, field->line, field->column, field->text, NULL,
                     NULL);
        warning.warning = true;
        if (!ps_warnings_add(warnings, &warning))
            st = PS_ERR_NOMEM;
    }
    free(name);
    return st;
}

ps_status ps_columns_map(const ps_table_row *header, ps_column *columns, size_t count, const char *file,
                         ps_warnings *warnings, ps_error *err)
{
    for (size_t c = 0; c < count; c++)
        columns[c].index = -1;
    for (size_t i = 0; i < header->count; i++) {
        ps_status st = map_one(&header->fields[i], i, columns, count, file, warnings, err);
        if (st != PS_OK)
            return st;
    }
    for (size_t c = 0; c < count; c++) {
        if (columns[c].required && columns[c].index < 0) {
            ps_error_set(err, PS_MSG_MISSING_COLUMN, file, header->line, 0, columns[c].name, NULL, NULL);
            return PS_ERR_INPUT;
        }
    }
    return PS_OK;
}

const ps_table_field *ps_column_field(const ps_table_row *row, const ps_column *column)
{
    if (column->index < 0 || (size_t)column->index >= row->count)
        return NULL;
    return &row->fields[column->index];
}

ps_parse_result ps_field_number(const ps_table_field *field, ps_num *out, bool *percent, bool *negative)
{
    if (!field->json_number)
        return ps_num_parse(field->text, field->len, out, percent, negative);
    if (percent)
        *percent = false;
    /* a JSON number is digits, a point and an exponent: read as any number unless it has the exponent */
    ps_parse_result r = ps_num_parse(field->text, field->len, out, NULL, negative);
    return r == PS_PARSE_OK ? r : ps_num_parse_exponent(field->text, field->len, out, negative);
}

ps_status ps_field_percent(const char *file, const ps_table_field *field, const char *column, bool *has,
                           ps_num *value, ps_error *err)
{
    /* the common case, a plain number within 0..100, without the general way's calls */
    if (ps_num_parse_plain(field->text, field->len, value) && *value <= 100 * PS_NUM_SCALE) {
        *has = true;
        return PS_OK;
    }
    bool negative = false;
    ps_parse_result r = ps_field_number(field, value, NULL, &negative);
    *has = r == PS_PARSE_OK;
    if (r == PS_PARSE_EMPTY)
        return PS_OK;
    ps_msg code = r == PS_PARSE_INVALID                                    ? PS_MSG_NOT_A_NUMBER
                  : r == PS_PARSE_TOO_LARGE || *value > 100 * PS_NUM_SCALE ? PS_MSG_PERCENT_RANGE
                  : negative                                               ? PS_MSG_NEGATIVE
                                                                           : PS_MSG_NONE;
    if (code == PS_MSG_NONE)
        return PS_OK;
    *has = false;
    ps_error_set(err, code, file, field->line, field->column, column, field->text, NULL);
    return PS_ERR_INPUT;
}
