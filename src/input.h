/* Reading an input whole or as a stream, and choosing CSV or JSON for it. */
#ifndef PARSCORE_INPUT_H
#define PARSCORE_INPUT_H

#include <stdio.h>

#include "table.h"

/* Opens a file for reading, or standard input for "-"; a directory is an error. *size is the length of a
 * regular file at opening, -1 for anything else (a pipe, a terminal). */
ps_status ps_input_open(const char *path, FILE **f, long long *size, ps_error *err);

/* After the last read: a regular file must still have the length it had when opened, and all of it must
 * have been read; otherwise it was written to meanwhile and what was read cannot be trusted. */
ps_status ps_input_check_unchanged(const char *path, FILE *f, long long size, unsigned long long bytes_read,
                                   ps_error *err);

/* Reads a file, or standard input for "-", into memory (NUL-terminated); refuses more than the limit. */
ps_status ps_input_read(const char *path, char **data, size_t *len, ps_error *err);

/* What messages and reports call an input: "<stdin>" for "-", else the path. */
const char *ps_input_name(const char *path);

/* JSON when the first byte after a BOM and white space opens an object or an array. */
bool ps_input_looks_json(const char *data, size_t len);

/* A table from a file: by extension (.json, .csv, .tsv), else by its first byte; "-" is standard input.
 * json_rows_key names the array of row objects in the JSON form. */
ps_status ps_table_read_file(const char *path, const char *json_rows_key, const ps_table_handler *handler,
                             ps_error *err);
ps_status ps_table_read_buffer(const char *data, size_t len, const char *name, const char *json_rows_key,
                               const ps_table_handler *handler, ps_error *err);

/* What every loader does around its handler: reads path (data NULL) or data (named path), keeps the
 * input's display name in *source on success, and turns an out-of-memory status into a message. */
ps_status ps_table_load(const char *path, const char *data, size_t len, const char *json_rows_key,
                        const ps_table_handler *handler, char **source, ps_error *err);

#endif
