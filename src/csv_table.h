/* A streaming CSV table reader over libcsv that knows the line and column of every field. */
#ifndef PARSCORE_CSV_TABLE_H
#define PARSCORE_CSV_TABLE_H

#include <stdio.h>

#include "parscore/model.h"

typedef struct {
    const char *text; /* NUL-terminated, exactly as in the file (quotes removed) */
    size_t len;
    long line;
    long column;
} ps_csv_field;

typedef struct {
    const ps_csv_field *fields;
    size_t count;
    long line; /* line of the first field */
} ps_csv_row;

/* What the reader calls; any callback may fill err and return an error status to stop reading. */
typedef struct {
    /* a "# key: value" line before the header */
    ps_status (*meta)(void *ctx, const char *key, const char *value, long line, ps_error *err);
    ps_status (*header)(void *ctx, const ps_csv_row *row, ps_error *err);
    /* a data row, already checked to have as many fields as the header and not to be all empty */
    ps_status (*row)(void *ctx, const ps_csv_row *row, ps_error *err);
    /* the end of the input, after the last row */
    ps_status (*end)(void *ctx, long last_line, ps_error *err);
    void *ctx;
} ps_csv_handler;

/* name is what errors call the input; it must outlive err. */
ps_status ps_csv_read_buffer(const char *data, size_t len, const char *name, const ps_csv_handler *handler,
                             ps_error *err);

/* path "-" reads standard input. */
ps_status ps_csv_read_file(const char *path, const ps_csv_handler *handler, ps_error *err);

#endif
