/* Filling errors and gathering warnings, for the library's layers. Not public. */
#ifndef PARSCORE_BASE_ERROR_H
#define PARSCORE_BASE_ERROR_H

#include <stdbool.h>

#include "parscore/base.h"

/* Fills err (when not NULL); each argument is copied for display (control bytes escaped, long values
 * shortened), so none needs to outlive the call. file is kept as a pointer: it must outlive err. */
void ps_error_set(ps_error *err, ps_msg code, const char *file, long line, long column, const char *arg0,
                  const char *arg1, const char *arg2);

/* Appends a copy of warning; false when out of memory. */
bool ps_warnings_add(ps_warnings *warnings, const ps_error *warning);

#endif
