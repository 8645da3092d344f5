/* Writing a finished report to standard output or, through a temporary file and a rename, to a file. */
#ifndef PARSCORE_CLI_OUTPUT_H
#define PARSCORE_CLI_OUTPUT_H

#include <stdbool.h>

#include "parscore/report.h"

/* Returns 0, or 2 after printing why the output could not be written. path NULL: standard output. */
int cli_write_output(const ps_buf *buf, const char *path, ps_lang lang);

/* Output written in pieces (parscore rank): to standard output, or to a temporary file renamed over the
 * target by cli_stream_close only when everything was written. */
typedef struct {
    const char *path; /* NULL: standard output */
    char *tmp;
    int fd;
    int error; /* errno of the first failure */
} cli_stream;

bool cli_stream_open(cli_stream *s, const char *path, ps_lang lang);
bool cli_stream_write(void *stream, const char *data, size_t len);
/* Finishes: with ok false (or after a write error) the target is left as it was. Returns the exit status. */
int cli_stream_close(cli_stream *s, bool ok, ps_lang lang);

#endif
