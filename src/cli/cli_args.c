/* Argument parsing for parscore with getopt_long, and the --help text in both languages. */
#include "cli/cli_args.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/wording.h"

/* The long options; getopt_long takes any unambiguous abbreviation of them. */
static const struct option longopts[] = {
    {"plan", required_argument, NULL, 'p'},   {"lang", required_argument, NULL, 'l'},
    {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
    {"only", required_argument, NULL, 'O'},   {"quiet", no_argument, NULL, 'q'},
    {"peers", required_argument, NULL, 'P'},  {"peer-change", required_argument, NULL, 'C'},
    {"by", required_argument, NULL, 'B'},     {"color", optional_argument, NULL, 'K'},
    {"bom", no_argument, NULL, 'M'},          {"help", no_argument, NULL, 'h'},
    {"sheet", required_argument, NULL, 'S'},  {"encoding", required_argument, NULL, 'E'},
    {"version", no_argument, NULL, 'V'},      {NULL, 0, NULL, 0}};

/* BOOK.xlsx#SHEET: the path ends at the '#' (written over in argv) and *sheet is what follows. */
static char *split_sheet(char *arg, const char **sheet)
{
    *sheet = NULL;
    char *hash = strrchr(arg, '#');
    if (!hash || hash[1] == '\0' || hash - arg < 6 || strncasecmp(hash - 5, ".xlsx", 5) != 0)
        return arg;
    *hash = '\0';
    *sheet = hash + 1;
    return arg;
}

static bool parse_lang(const char *value, ps_lang *lang)
{
    if (strcmp(value, "vi") == 0)
        *lang = PS_LANG_VI;
    else if (strcmp(value, "en") == 0)
        *lang = PS_LANG_EN;
    else
        return false;
    return true;
}

/* The language is needed before any message, so it is looked for first. */
static ps_lang early_lang(int argc, char **argv)
{
    ps_lang lang = PS_LANG_VI;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strncmp(argv[i], "--lang=", 7) == 0)
            parse_lang(argv[i] + 7, &lang);
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            parse_lang(argv[i + 1], &lang);
    }
    return lang;
}

/* The usage error in the user's language, its placeholder {0} filled with value. */
static bool usage(const cli_options *opt, char *message, size_t size, ps_label label, const char *value)
{
    const char *args[] = {value};
    ps_wording_fill_chars(message, size, ps_label_text(label, opt->lang), args, 1);
    return false;
}

/* Splits "total,sipas" into ids; empty items are a usage error. */
static bool parse_only(cli_options *opt, const char *value, char *message, size_t size)
{
    size_t used = strlen(opt->only_buf);
    size_t need = strlen(value) + 1;
    if (used + 1 + need > sizeof opt->only_buf) {
        return usage(opt, message, size, PS_L_CLI_ONLY_TOO_LONG, NULL);
    }
    char *copy = opt->only_buf + (used ? used + 1 : 0);
    memcpy(copy, value, need);
    for (char *p = copy;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (*p == '\0' || opt->only_count == CLI_MAX_ONLY) {
            return usage(opt, message, size, PS_L_CLI_ONLY_LIST, value);
        }
        opt->only[opt->only_count++] = p;
        if (!comma)
            break;
        p = comma + 1;
    }
    return true;
}

/* An option getopt_long refused: an abbreviation of several (--pe) lists them, anything else is unknown. */
static bool unknown_long_option(const cli_options *opt, const char *arg, char *message, size_t size)
{
    const char *name = strncmp(arg, "--", 2) == 0 ? arg + 2 : arg;
    size_t len = strcspn(name, "=");
    char candidates[256] = "";
    int count = 0;
    for (const struct option *o = longopts; o->name && len > 0; o++) {
        if (strncmp(o->name, name, len) != 0)
            continue;
        size_t used = strlen(candidates);
        snprintf(candidates + used, sizeof candidates - used, "%s--%s", count++ ? ", " : "", o->name);
    }
    if (count < 2)
        return usage(opt, message, size, PS_L_CLI_UNKNOWN_OPTION, arg);
    const char *args[] = {arg, candidates};
    ps_wording_fill_chars(message, size, ps_label_text(PS_L_CLI_AMBIGUOUS, opt->lang), args, 2);
    return false;
}

static bool parse_option(int c, cli_options *opt, char **argv, char *message, size_t size)
{
    switch (c) {
    case 'p':
        opt->plan = split_sheet(optarg, &opt->plan_sheet);
        return true;
    case 'S':
        if (optarg[0] == '\0')
            return usage(opt, message, size, PS_L_CLI_NEEDS_VALUE, "--sheet");
        opt->sheet = optarg;
        return true;
    case 'E':
        if (strcasecmp(optarg, "cp1258") == 0 || strcasecmp(optarg, "windows-1258") == 0)
            opt->encoding = PS_ENCODING_CP1258;
        else if (strcasecmp(optarg, "utf-8") == 0 || strcasecmp(optarg, "utf8") == 0)
            opt->encoding = PS_ENCODING_UTF8;
        else
            return usage(opt, message, size, PS_L_CLI_ENCODING, optarg);
        return true;
    case 'o':
        opt->output = optarg;
        return true;
    case 'l':
        if (parse_lang(optarg, &opt->lang))
            return true;
        return usage(opt, message, size, PS_L_CLI_LANG, optarg);
    case 'f': {
        static const char *const formats[] = {"text", "json", "csv", "markdown", "svg", "xlsx"};
        for (int k = 0; k < 6; k++) {
            if (strcmp(optarg, formats[k]) == 0) {
                opt->format = (cli_format)k;
                opt->format_given = true;
                return true;
            }
        }
        return usage(opt, message, size, PS_L_CLI_FORMAT, optarg);
    }
    case 'M':
        opt->bom = true;
        return true;
    case 'O':
        return parse_only(opt, optarg, message, size);
    case 'q':
        opt->quiet = true;
        return true;
    case 'P':
        opt->peers = split_sheet(optarg, &opt->peers_sheet);
        return true;
    case 'C': {
        bool percent = false;
        if (ps_num_parse(optarg, strlen(optarg), &opt->peer_change, &percent, NULL) == PS_PARSE_OK &&
            !percent && opt->peer_change >= -100 * PS_NUM_SCALE && opt->peer_change <= 100 * PS_NUM_SCALE)
            return true;
        return usage(opt, message, size, PS_L_CLI_PEER_CHANGE, optarg);
    }
    case 'K':
        if (!optarg || strcmp(optarg, "always") == 0)
            opt->color = CLI_COLOR_ALWAYS;
        else if (strcmp(optarg, "never") == 0)
            opt->color = CLI_COLOR_NEVER;
        else if (strcmp(optarg, "auto") == 0)
            opt->color = CLI_COLOR_AUTO;
        else
            return usage(opt, message, size, PS_L_CLI_COLOR, optarg);
        return true;
    case 'B':
        if (strcmp(optarg, "owner") == 0) {
            opt->by_owner = true;
            return true;
        }
        return usage(opt, message, size, PS_L_CLI_BY, optarg);
    case 'h':
        opt->help = true;
        return true;
    case 'V':
        opt->version = true;
        return true;
    case ':':
        return usage(opt, message, size, PS_L_CLI_NEEDS_VALUE, argv[optind - 1]);
    default:
        if (optopt > 0) { /* a short option, maybe inside a cluster such as -hx */
            char option[3] = {'-', (char)optopt, '\0'};
            return usage(opt, message, size, PS_L_CLI_UNKNOWN_OPTION, option);
        }
        return unknown_long_option(opt, argv[optind - 1], message, size);
    }
}

/* template writes a scores file for the plan: it reads none, ranks nothing, and is CSV or JSON. */
static bool template_usage(cli_options *opt, char *message, size_t size)
{
    if (opt->scores)
        return usage(opt, message, size, PS_L_CLI_EXTRA_ARGUMENT, opt->scores);
    if (opt->peers || opt->by_owner || opt->peer_change != 0 || opt->only_count > 0 || opt->quiet)
        return usage(opt, message, size, PS_L_CLI_NOT_WITH_TEMPLATE,
                     opt->peers         ? "--peers"
                     : opt->by_owner    ? "--by"
                     : opt->peer_change ? "--peer-change"
                     : opt->quiet       ? "-q"
                                        : "--only");
    if (!opt->format_given)
        opt->format = CLI_FORMAT_CSV;
    if (opt->format != CLI_FORMAT_CSV && opt->format != CLI_FORMAT_JSON && opt->format != CLI_FORMAT_XLSX)
        return usage(opt, message, size, PS_L_CLI_TEMPLATE_FORMAT, NULL);
    if (opt->bom && opt->format != CLI_FORMAT_CSV)
        return usage(opt, message, size, PS_L_CLI_BOM_CSV, NULL);
    return true;
}

/* How many inputs are '-': standard input can be read once, so a second one would read nothing. */
static size_t stdin_uses(const cli_options *opt)
{
    const char *inputs[] = {opt->plan, opt->peers, opt->scores};
    size_t n = 0;
    for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++)
        n += inputs[k] && strcmp(inputs[k], "-") == 0;
    for (size_t k = 0; k < opt->file_count; k++)
        n += strcmp(opt->files[k], "-") == 0;
    return n;
}

bool cli_parse(int argc, char **argv, cli_options *opt, char *message, size_t size)
{
    memset(opt, 0, sizeof *opt);
    opt->lang = early_lang(argc, argv);
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":hVqo:", longopts, NULL)) != -1)
        if (!parse_option(c, opt, argv, message, size))
            return false;
    int i = optind;
    static const char *const commands[] = {"report", "check", "rank", "trend", "template"};
    for (int k = 0; k < 5 && i < argc; k++) {
        if (strcmp(argv[i], commands[k]) == 0) {
            opt->command = (cli_command)k;
            i++;
            break;
        }
    }
    while (opt->command == CLI_TREND && i < argc) {
        if (opt->file_count == CLI_MAX_FILES) {
            char limit[16];
            snprintf(limit, sizeof limit, "%d", CLI_MAX_FILES);
            return usage(opt, message, size, PS_L_CLI_TREND_TOO_MANY, limit);
        }
        opt->files[opt->file_count] = split_sheet(argv[i++], &opt->file_sheets[opt->file_count]);
        opt->file_count++;
    }
    if (i < argc)
        opt->scores = split_sheet(argv[i++], &opt->scores_sheet);
    if (i < argc)
        return usage(opt, message, size, PS_L_CLI_EXTRA_ARGUMENT, argv[i]);
    if (opt->help || opt->version)
        return true;
    if (opt->command == CLI_TEMPLATE)
        return template_usage(opt, message, size);
    if (opt->command == CLI_TREND && opt->file_count == 0) {
        return usage(opt, message, size, PS_L_CLI_TREND_NO_FILES, NULL);
    }
    if (opt->command == CLI_RANK && !opt->scores) {
        return usage(opt, message, size, PS_L_CLI_RANK_NO_FILE, NULL);
    }
    if (opt->command == CLI_RANK && (opt->peers || opt->by_owner)) {
        return usage(opt, message, size, PS_L_CLI_NOT_WITH_RANK, opt->peers ? "--peers" : "--by");
    }
    if (opt->command == CLI_REPORT && opt->peers && !opt->scores) {
        return usage(opt, message, size, PS_L_CLI_PEERS_NO_SCORES, NULL);
    }
    if (opt->command != CLI_CHECK && (opt->only_count > 0 || opt->quiet)) {
        return usage(opt, message, size, PS_L_CLI_ONLY_CHECK, NULL);
    }
    if (opt->peer_change != 0 && !opt->peers) {
        return usage(opt, message, size, PS_L_CLI_PEER_CHANGE_PEERS, NULL);
    }
    if (opt->command == CLI_CHECK && opt->format != CLI_FORMAT_TEXT && opt->format != CLI_FORMAT_JSON &&
        opt->format != CLI_FORMAT_XLSX) {
        return usage(opt, message, size, PS_L_CLI_CHECK_FORMAT, NULL);
    }
    if ((opt->command == CLI_RANK || opt->command == CLI_TREND) &&
        (opt->format == CLI_FORMAT_MARKDOWN || opt->format == CLI_FORMAT_SVG)) {
        return usage(opt, message, size, PS_L_CLI_TABLE_FORMAT, opt->command == CLI_RANK ? "rank" : "trend");
    }
    if (opt->bom && opt->format != CLI_FORMAT_CSV) {
        return usage(opt, message, size, PS_L_CLI_BOM_CSV, NULL);
    }
    if (opt->by_owner && opt->command == CLI_TREND) {
        return usage(opt, message, size, PS_L_CLI_BY_TREND, NULL);
    }
    if (opt->command == CLI_CHECK && !opt->scores) {
        return usage(opt, message, size, PS_L_CLI_CHECK_NO_FILE, NULL);
    }
    if (stdin_uses(opt) > 1) {
        return usage(opt, message, size, PS_L_CLI_STDIN_TWICE, NULL);
    }
    return true;
}

ps_read_options cli_read_options(const cli_options *opt, const char *sheet)
{
    return (ps_read_options){.sheet = sheet ? sheet : opt->sheet, .encoding = opt->encoding};
}

void cli_help(ps_buf *out, ps_lang lang)
{
    ps_buf_puts(out, ps_label_text(PS_L_CLI_HELP, lang)); /* two parts: a C string literal has a size limit */
    ps_buf_puts(out, ps_label_text(PS_L_CLI_HELP_OPTIONS, lang));
}
