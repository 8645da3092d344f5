/* A streaming CSV table reader (plain lines split directly, others by libcsv) with each field's place. */
#ifndef PARSCORE_CSV_TABLE_H
#define PARSCORE_CSV_TABLE_H

#include <stdio.h>

#include "input/table.h"

/* name is what errors call the input; it must outlive err. */
ps_status ps_csv_read_buffer(const char *data, size_t len, const char *name, const ps_table_handler *handler,
                             ps_error *err);

/* path "-" reads standard input. */
ps_status ps_csv_read_file(const char *path, const ps_table_handler *handler, ps_error *err);

#endif
