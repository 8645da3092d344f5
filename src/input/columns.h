/* Maps a CSV header to the columns a loader knows, by name, in any order. */
#ifndef PARSCORE_COLUMNS_H
#define PARSCORE_COLUMNS_H

#include "input/csv_table.h"

typedef struct {
    const char *name; /* lower case */
    bool required;
    long index; /* filled: -1 when the header lacks it */
} ps_column;

/* Fills each column's index. Duplicate or empty names and missing required columns are errors;
 * unknown columns become warnings (when warnings is not NULL). */
ps_status ps_columns_map(const ps_table_row *header, ps_column *columns, size_t count, const char *file,
                         ps_warnings *warnings, ps_error *err);

/* The field of a row for a mapped column; NULL when the column is absent. */
const ps_table_field *ps_column_field(const ps_table_row *row, const ps_column *column);

/* A field's number: ps_num_parse, or for a JSON number ps_num_parse_exponent. */
ps_parse_result ps_field_number(const ps_table_field *field, ps_num *out, bool *percent, bool *negative);

/* A percent in 0..100 from a field; *has is false for an empty field. Anything else is an error naming
 * the column: not a number, outside 0..100, or negative. */
ps_status ps_field_percent(const char *file, const ps_table_field *field, const char *column, bool *has,
                           ps_num *value, ps_error *err);

#endif
