/* Command-line arguments of parscore: what the user asked for, parsed and checked. */
#ifndef PARSCORE_CLI_ARGS_H
#define PARSCORE_CLI_ARGS_H

#include <stdbool.h>
#include <stdio.h>

#include "parscore/load.h"
#include "parscore/model.h"

typedef enum { CLI_REPORT, CLI_CHECK, CLI_RANK, CLI_TREND, CLI_TEMPLATE } cli_command;
typedef enum {
    CLI_FORMAT_TEXT,
    CLI_FORMAT_JSON,
    CLI_FORMAT_CSV,
    CLI_FORMAT_MARKDOWN,
    CLI_FORMAT_SVG,
    CLI_FORMAT_XLSX
} cli_format;
typedef enum { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER } cli_color;

#define CLI_MAX_ONLY 64
#define CLI_MAX_FILES 16

typedef struct {
    cli_command command;
    const char *scores;               /* NULL: the plan view; for rank, the units file */
    const char *files[CLI_MAX_FILES]; /* trend: the quarters, in order */
    size_t file_count;
    const char *plan;   /* NULL: the built-in plan */
    const char *output; /* NULL: standard output */
    const char *peers;  /* NULL: no ranking */
    /* the worksheet each input names as BOOK.xlsx#SHEET (cut off its path), NULL where it names none */
    const char *scores_sheet, *file_sheets[CLI_MAX_FILES], *plan_sheet, *peers_sheet;
    const char *sheet;    /* --sheet: for every workbook that names no worksheet */
    ps_encoding encoding; /* --encoding: of every CSV input */
    ps_num peer_change;
    bool by_owner;
    bool bom;
    cli_color color;
    ps_lang lang;
    cli_format format;
    bool format_given; /* --format was given (template: CSV unless it says JSON) */
    bool quiet;
    bool help;
    bool version;
    const char *only[CLI_MAX_ONLY]; /* ids given to --only, pointing into only_buf */
    size_t only_count;
    char only_buf[1024];
} cli_options;

/* Fills opt from argv. On a usage error returns false with the reason in message, in opt->lang. */
bool cli_parse(int argc, char **argv, cli_options *opt, char *message, size_t size);

/* How to read an input whose worksheet (from BOOK.xlsx#SHEET) is sheet: that one, else --sheet's. */
ps_read_options cli_read_options(const cli_options *opt, const char *sheet);

/* The --help text, in the language. */
void cli_help(ps_buf *out, ps_lang lang);

#endif
