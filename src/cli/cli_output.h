/* Writing a report to standard output or to -o FILE: a regular file is replaced through a temporary file and
 * a rename (keeping its mode), a symlink is written through, a FIFO or a device is written into. */
#ifndef PARSCORE_CLI_OUTPUT_H
#define PARSCORE_CLI_OUTPUT_H

#include <stdbool.h>

#include "parscore/report.h"

/* Returns 0, or 2 after printing why the output could not be written. path NULL: standard output; a reader
 * that closed it early is not an error. */
int cli_write_output(const ps_buf *buf, const char *path, ps_lang lang);

/* Output written in pieces (parscore rank): to standard output, or to a temporary file renamed over the
 * target by cli_stream_close only when everything was written. */
typedef struct {
    const char *path; /* NULL: standard output */
    char *target;     /* the file path names, symlinks followed (owned) */
    char *tmp;        /* the temporary file renamed over target at the end (owned); NULL when direct */
    bool direct;      /* target is not a regular file (a FIFO, a device): written into as it is */
    int fd;
    int error; /* errno of the first failure */
} cli_stream;

bool cli_stream_open(cli_stream *s, const char *path, ps_lang lang);
bool cli_stream_write(void *stream, const char *data, size_t len);
/* Finishes: with ok false (or after a write error) the target is left as it was. Returns the exit status. */
int cli_stream_close(cli_stream *s, bool ok, ps_lang lang);

#endif
