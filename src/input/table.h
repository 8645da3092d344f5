/* Tables as the loaders see them: a header, rows of text fields with positions, and "key: value" facts. */
#ifndef PARSCORE_INPUT_TABLE_H
#define PARSCORE_INPUT_TABLE_H

#include "parscore/load.h"
#include "parscore/model.h"

typedef struct {
    const char *text; /* NUL-terminated, exactly as in the file (quotes removed) */
    size_t len;
    long line;
    long column;
    bool json_number; /* a JSON number as written: may have an exponent */
} ps_table_field;

typedef struct {
    const ps_table_field *fields;
    size_t count;
    long line; /* line of the first field */
} ps_table_row;

/* What the reader calls; any callback may fill err and return an error status to stop reading. */
typedef struct {
    /* a fact about the whole file: a "# key: value" line of a CSV, a top-level string of a JSON object */
    ps_status (*meta)(void *ctx, const char *key, const char *value, long line, ps_error *err);
    ps_status (*header)(void *ctx, const ps_table_row *row, ps_error *err);
    /* a data row, already checked to have as many fields as the header and not to be all empty */
    ps_status (*row)(void *ctx, const ps_table_row *row, ps_error *err);
    /* the end of the input, after the last row */
    ps_status (*end)(void *ctx, long last_line, ps_error *err);
    void *ctx;
    /* JSON only: the column whose value may be a list of strings, joined with "; " (the plan's owners) */
    const char *list_column;
    /* where the loader gathers its warnings, so that a workbook's reader can place them in its sheet */
    ps_warnings *warnings;
    /* Optional, for a large regular CSV file: a second context for row, into which a second thread reads
     * the rows after a line break near the file's middle while this one reads the rows before; asked
     * once the header is read (NULL: one thread). join follows once both halves are read, before end:
     * used false when every row came to ctx after all (the break was inside a quoted field, or reading
     * stopped at an error before it). Rows reach each context in file order, with their own lines. */
    void *(*split)(void *ctx);
    ps_status (*join)(void *ctx, bool used, ps_error *err);
} ps_table_handler;

/* A table from a file: by extension (.json, .csv, .tsv, .xlsx), else by its first bytes (a zip archive is
 * a workbook, '{' or '[' JSON, anything else CSV); "-" is standard input. json_rows_key names the array of
 * row objects in the JSON form; options (NULL: defaults) the worksheet and a CSV's encoding. */
ps_status ps_table_read_file(const char *path, const char *json_rows_key, const ps_table_handler *handler,
                             const ps_read_options *options, ps_error *err);
ps_status ps_table_read_buffer(const char *data, size_t len, const char *name, const char *json_rows_key,
                               const ps_table_handler *handler, const ps_read_options *options,
                               ps_error *err);

/* What every loader does around its handler: reads path (data NULL) or data (named path), keeps the
 * input's display name in *source on success, and turns an out-of-memory status into a message. */
ps_status ps_table_load(const char *path, const char *data, size_t len, const char *json_rows_key,
                        const ps_table_handler *handler, const ps_read_options *options, char **source,
                        ps_error *err);

/* A "# key: value" line (a CSV's comment line, a workbook's cell above the table), already checked to be
 * valid UTF-8 without unsafe characters: handler->meta gets the key in lower case and the value NFC
 * normalised and trimmed; a plain comment gives nothing. PS_ERR_NOMEM when out of memory. */
ps_status ps_table_meta_line(const ps_table_handler *handler, const char *line, size_t len, long line_no,
                             ps_error *err);

/* The error of a table with a header and no data row: at its last line (1 for an empty one). */
ps_status ps_table_no_rows(const char *file, long last_line, ps_error *err);

#endif
