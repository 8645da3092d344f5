/* Opening and reading an input, whole or as a stream; naming it in messages. */
#ifndef PARSCORE_INPUT_FILE_H
#define PARSCORE_INPUT_FILE_H

#include <stdio.h>

#include "parscore/base.h"

/* Opens a file for reading, or standard input for "-"; a directory is an error. *size is the length of a
 * regular file at opening, -1 for anything else (a pipe, a terminal). */
ps_status ps_input_open(const char *path, FILE **f, long long *size, ps_error *err);

/* After the last read: a regular file must still have the length it had when opened, and all of it must
 * have been read; otherwise it was written to meanwhile and what was read cannot be trusted. */
ps_status ps_input_check_unchanged(const char *path, FILE *f, long long size, unsigned long long bytes_read,
                                   ps_error *err);

/* Reads a file, or standard input for "-", into memory (NUL-terminated); refuses more than the limit. */
ps_status ps_input_read(const char *path, char **data, size_t *len, ps_error *err);

/* The same from an input ps_input_open opened (size as it gave), which it closes unless it is stdin; on
 * entry *data (allocated, or NULL) holds the *len bytes already read from it. */
ps_status ps_input_read_open(const char *path, FILE *f, long long size, char **data, size_t *len,
                             ps_error *err);

/* What messages and reports call an input: "<stdin>" for "-", else the path. */
const char *ps_input_name(const char *path);

/* JSON when the first byte after a BOM and white space opens an object or an array. */
bool ps_input_looks_json(const char *data, size_t len);

#endif
