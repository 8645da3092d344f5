/* Writing a finished report to standard output or, through a temporary file and a rename, to a file. */
#ifndef PARSCORE_CLI_OUTPUT_H
#define PARSCORE_CLI_OUTPUT_H

#include "parscore/report.h"

/* Returns 0, or 2 after printing why the output could not be written. path NULL: standard output. */
int cli_write_output(const ps_buf *buf, const char *path, ps_lang lang);

#endif
