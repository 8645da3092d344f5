/* Tables from any input: CSV or JSON chosen by extension or first byte, and the step every loader shares. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/error.h"
#include "base/text.h"
#include "input/csv_table.h"
#include "input/file.h"
#include "input/json_table.h"
#include "input/table.h"

static bool has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

ps_status ps_table_read_buffer(const char *data, size_t len, const char *name, const char *json_rows_key,
                               const ps_table_handler *handler, ps_error *err)
{
    if (ps_input_looks_json(data, len))
        return ps_json_read_buffer(data, len, name, json_rows_key, handler, err);
    return ps_csv_read_buffer(data, len, name, handler, err);
}

ps_status ps_table_read_file(const char *path, const char *json_rows_key, const ps_table_handler *handler,
                             ps_error *err)
{
    /* CSV and JSON files are streamed, and so is anything else that opens like JSON; the rest is read whole
     */
    if (has_extension(path, ".csv") || has_extension(path, ".tsv"))
        return ps_csv_read_file(path, handler, err);
    if (has_extension(path, ".json"))
        return ps_json_read_file(path, json_rows_key, handler, err);
    char *data;
    size_t len;
    ps_status st = ps_json_read_if_json(path, json_rows_key, handler, &data, &len, err);
    if (st != PS_OK || !data)
        return st;
    st = ps_table_read_buffer(data, len, ps_input_name(path), json_rows_key, handler, err);
    free(data);
    return st;
}

ps_status ps_table_load(const char *path, const char *data, size_t len, const char *json_rows_key,
                        const ps_table_handler *handler, char **source, ps_error *err)
{
    const char *name = data ? path : ps_input_name(path);
    ps_status st = data ? ps_table_read_buffer(data, len, name, json_rows_key, handler, err)
                        : ps_table_read_file(path, json_rows_key, handler, err);
    if (st == PS_OK) {
        *source = ps_strdup(name);
        if (!*source)
            st = PS_ERR_NOMEM;
    }
    if (st == PS_ERR_NOMEM)
        ps_error_set(err, PS_MSG_NOMEM, name, 0, 0, NULL, NULL, NULL);
    return st;
}

ps_status ps_table_no_rows(const char *file, long last_line, ps_error *err)
{
    ps_error_set(err, PS_MSG_HEADER_ONLY, file, last_line > 0 ? last_line : 1, 0, NULL, NULL, NULL);
    return PS_ERR_INPUT;
}
