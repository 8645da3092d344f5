/* Filling errors and gathering warnings, for the library's layers. Not public. */
#ifndef PARSCORE_BASE_ERROR_H
#define PARSCORE_BASE_ERROR_H

#include <stdbool.h>

#include "parscore/base.h"

/* Fills err (when not NULL); each argument is copied for display (control bytes escaped, long values
 * shortened), so none needs to outlive the call. file is kept as a pointer: it must outlive err. */
void ps_error_set(ps_error *err, ps_msg code, const char *file, long line, long column, const char *arg0,
                  const char *arg1, const char *arg2);

/* Places err in a workbook's worksheet (copied for display like the arguments): its line and column are
 * then the sheet's row and column, shown the way spreadsheets name a cell (bao-cao.xlsx:Sheet1!C5). */
void ps_error_set_sheet(ps_error *err, const char *sheet);

/* A spreadsheet's name of a 1-based column: 1 is A, 27 is AA (buf holds at least 8 bytes). */
void ps_column_letters(long column, char *buf, size_t size);

/* Appends a copy of warning; false when out of memory. */
bool ps_warnings_add(ps_warnings *warnings, const ps_error *warning);

#endif
