/* Command-line arguments of parscore: what the user asked for, parsed and checked. */
#ifndef PARSCORE_CLI_ARGS_H
#define PARSCORE_CLI_ARGS_H

#include <stdbool.h>
#include <stdio.h>

#include "parscore/model.h"

typedef enum { CLI_REPORT } cli_command;

typedef struct {
    cli_command command;
    const char *scores; /* NULL: the plan view */
    const char *plan;   /* NULL: the built-in plan */
    ps_lang lang;
    bool help;
    bool version;
} cli_options;

/* Fills opt from argv. On a usage error returns false with the reason in message, in opt->lang. */
bool cli_parse(int argc, char **argv, cli_options *opt, char *message, size_t size);

void cli_print_help(FILE *out, ps_lang lang);

#endif
