/* A JSON object with an array of row objects, read as a table (cJSON, with positions of every value). */
#ifndef PARSCORE_JSON_TABLE_H
#define PARSCORE_JSON_TABLE_H

#include "input/table.h"

/* Deepest nesting accepted: far beyond any input of ours, far below what could exhaust a stack. */
#define PS_LIMIT_JSON_DEPTH 32

/* data need not be NUL-terminated. Top-level strings and numbers go to handler->meta; rows_key names
 * the array of objects whose keys become the columns (in order of first appearance). */
ps_status ps_json_read_buffer(const char *data, size_t len, const char *name, const char *rows_key,
                              const ps_table_handler *handler, ps_error *err);

#endif
