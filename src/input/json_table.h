/* A JSON object with an array of row objects, read as a table, streamed (cJSON parses one row at a time). */
#ifndef PARSCORE_JSON_TABLE_H
#define PARSCORE_JSON_TABLE_H

#include "input/table.h"

/* Deepest nesting accepted: far beyond any input of ours, far below what could exhaust a stack. */
#define PS_LIMIT_JSON_DEPTH 32

/* Largest row object, top-level key or other top-level value: each is held whole while cJSON parses it. */
#define PS_LIMIT_JSON_VALUE_BYTES (16 * 1024 * 1024)

/* data need not be NUL-terminated. Top-level strings and numbers go to handler->meta; rows_key names
 * the array of objects whose keys become the columns (in order of first appearance). */
ps_status ps_json_read_buffer(const char *data, size_t len, const char *name, const char *rows_key,
                              const ps_table_handler *handler, ps_error *err);

/* The same from a file or standard input ("-") read in blocks, twice (once to check it all, once for the
 * rows), never whole: a pipe is copied to an unlinked temporary file as it is read the first time (read
 * whole, within PS_LIMIT_INPUT_BYTES, only when no such file can be made). */
ps_status ps_json_read_file(const char *path, const char *rows_key, const ps_table_handler *handler,
                            ps_error *err);

/* The same when the input opens like JSON (ps_input_looks_json), *data NULL; otherwise the input read
 * whole into *data (allocated, NUL-terminated; *len bytes) for the caller to read. */
ps_status ps_json_read_if_json(const char *path, const char *rows_key, const ps_table_handler *handler,
                               char **data, size_t *len, ps_error *err);

#endif
