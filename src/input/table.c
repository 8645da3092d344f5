/* Tables from any input: CSV, JSON or a workbook chosen by extension or first bytes, and the step every
 * loader shares. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/error.h"
#include "base/text.h"
#include "input/csv_table.h"
#include "input/encoding.h"
#include "input/file.h"
#include "input/json_table.h"
#include "input/table.h"
#include "input/xlsx_table.h"

static bool has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

static bool wants_cp1258(const ps_read_options *options)
{
    return options && options->encoding == PS_ENCODING_CP1258;
}

/* A CSV that is not UTF-8 is most likely what Excel's "CSV (Comma delimited)" wrote: say so. */
static ps_status name_code_page(ps_status st, ps_error *err)
{
    if (st == PS_ERR_INPUT && err && err->code == PS_MSG_INVALID_UTF8)
        err->code = PS_MSG_CSV_CODE_PAGE;
    return st;
}

static ps_status read_csv_buffer(const char *data, size_t len, const char *name,
                                 const ps_table_handler *handler, const ps_read_options *options,
                                 ps_error *err)
{
    /* a file that is valid UTF-8 is read as such: Windows-1258 text with any accent never is */
    if (!wants_cp1258(options) || ps_utf8_valid_prefix(data, len) == len)
        return name_code_page(ps_csv_read_buffer(data, len, name, handler, err), err);
    char *utf8;
    size_t utf8_len;
    ps_status st = ps_cp1258_to_utf8(data, len, name, &utf8, &utf8_len, err);
    if (st != PS_OK)
        return st;
    st = ps_csv_read_buffer(utf8, utf8_len, name, handler, err);
    free(utf8);
    return st;
}

ps_status ps_table_read_buffer(const char *data, size_t len, const char *name, const char *json_rows_key,
                               const ps_table_handler *handler, const ps_read_options *options, ps_error *err)
{
    if (ps_xlsx_looks_like(data, len))
        return ps_xlsx_read_buffer(data, len, name, options ? options->sheet : NULL, handler, err);
    if (ps_xls_looks_like(data, len)) {
        ps_error_set(err, PS_MSG_XLS_OLD, name, 0, 0, NULL, NULL, NULL);
        return PS_ERR_INPUT;
    }
    if (ps_input_looks_json(data, len))
        return ps_json_read_buffer(data, len, name, json_rows_key, handler, err);
    return read_csv_buffer(data, len, name, handler, options, err);
}

ps_status ps_table_read_file(const char *path, const char *json_rows_key, const ps_table_handler *handler,
                             const ps_read_options *options, ps_error *err)
{
    /* CSV files in UTF-8 and JSON files are streamed, and so is anything else that opens like JSON (standard
     * input too); a workbook and the rest are read whole */
    if ((has_extension(path, ".csv") || has_extension(path, ".tsv")) && !wants_cp1258(options))
        return name_code_page(ps_csv_read_file(path, handler, err), err);
    if (has_extension(path, ".json"))
        return ps_json_read_file(path, json_rows_key, handler, err);
    bool by_extension =
        has_extension(path, ".xlsx") || has_extension(path, ".csv") || has_extension(path, ".tsv");
    char *data;
    size_t len;
    ps_status st = by_extension ? ps_input_read(path, &data, &len, err)
                                : ps_json_read_if_json(path, json_rows_key, handler, &data, &len, err);
    if (st != PS_OK || !data)
        return st;
    const char *name = ps_input_name(path);
    if (has_extension(path, ".xlsx") && !ps_xls_looks_like(data, len))
        st = ps_xlsx_read_buffer(data, len, name, options ? options->sheet : NULL, handler, err);
    else if (has_extension(path, ".csv") || has_extension(path, ".tsv"))
        st = read_csv_buffer(data, len, name, handler, options, err);
    else
        st = ps_table_read_buffer(data, len, name, json_rows_key, handler, options, err);
    free(data);
    return st;
}

ps_status ps_table_load(const char *path, const char *data, size_t len, const char *json_rows_key,
                        const ps_table_handler *handler, const ps_read_options *options, char **source,
                        ps_error *err)
{
    const char *name = data ? path : ps_input_name(path);
    ps_status st = data ? ps_table_read_buffer(data, len, name, json_rows_key, handler, options, err)
                        : ps_table_read_file(path, json_rows_key, handler, options, err);
    if (st == PS_OK) {
        *source = ps_strdup(name);
        if (!*source)
            st = PS_ERR_NOMEM;
    }
    if (st == PS_ERR_NOMEM)
        ps_error_set(err, PS_MSG_NOMEM, name, 0, 0, NULL, NULL, NULL);
    return st;
}

ps_status ps_table_meta_line(const ps_table_handler *handler, const char *line, size_t len, long line_no,
                             ps_error *err)
{
    size_t i = 1;
    while (i < len && line[i] == ' ')
        i++;
    size_t key_start = i;
    while (i < len &&
           ((line[i] >= 'a' && line[i] <= 'z') || (line[i] >= 'A' && line[i] <= 'Z') || line[i] == '_'))
        i++;
    if (i == key_start || i >= len || line[i] != ':' || !handler->meta)
        return PS_OK; /* a plain comment */
    char *key = ps_strndup(line + key_start, i - key_start);
    for (char *k = key; k && *k; k++)
        if (*k >= 'A' && *k <= 'Z')
            *k = (char)(*k - 'A' + 'a'); /* "# Unit:" is "# unit:" */
    char *value = NULL;
    ps_status st = ps_text_nfc(line + i + 1, len - i - 1, &value) == PS_OK ? PS_OK : PS_ERR_NOMEM;
    if (!key)
        st = PS_ERR_NOMEM;
    if (st == PS_OK)
        st = handler->meta(handler->ctx, key, value, line_no, err);
    free(key);
    free(value);
    return st;
}

ps_status ps_table_no_rows(const char *file, long last_line, ps_error *err)
{
    ps_error_set(err, PS_MSG_HEADER_ONLY, file, last_line > 0 ? last_line : 1, 0, NULL, NULL, NULL);
    return PS_ERR_INPUT;
}
