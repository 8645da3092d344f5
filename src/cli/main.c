/* parscore: the command-line front end; loads, scores and reports through the core library. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/wording.h"
#include "cli/cli_args.h"
#include "cli/cli_output.h"
#include "parscore/parscore.h"

enum { EXIT_OK = 0, EXIT_MISSED = 1, EXIT_INPUT = 2 };

static void print_error(const ps_error *err, ps_lang lang)
{
    char message[1024];
    ps_error_format(err, lang, message, sizeof message);
    /* the library says how to save the file again; the option that reads it as it is belongs here */
    const char *hint = err->code == PS_MSG_CSV_CODE_PAGE ? ps_label_text(PS_L_CLI_ENCODING_HINT, lang) : "";
    fprintf(stderr, "%s%s%s\n", err->file ? "" : "parscore: ", message, hint);
}

static void print_out_of_memory(ps_lang lang)
{
    fprintf(stderr, "parscore: %s\n", ps_wording(PS_MSG_NOMEM, lang));
}

/* Why a report was not made: out of memory, or (a workbook) its temporary files or its library, errno
 * saying why. */
static void print_report_failure(ps_status st, ps_lang lang)
{
    if (st != PS_ERR_IO) {
        print_out_of_memory(lang);
        return;
    }
    char message[512];
    if (errno == ELIBACC) { /* libxlsxwriter, loaded when a workbook is written, is missing */
        const char *args[] = {PARSCORE_XLSXWRITER_SONAME, strerror(errno)};
        ps_wording_fill_chars(message, sizeof message, ps_wording(PS_MSG_LIBRARY, lang), args, 2);
    } else {
        const char *args[] = {strerror(errno)};
        ps_wording_fill_chars(message, sizeof message, ps_label_text(PS_L_XLSX_TEMP_FAILED, lang), args, 1);
    }
    fprintf(stderr, "parscore: %s\n", message);
}

/* A workbook is binary: to a file, or to standard output when that is not a terminal. */
static bool binary_to_terminal(const cli_options *opt)
{
    return opt->format == CLI_FORMAT_XLSX && !opt->output && !opt->quiet && isatty(STDOUT_FILENO) == 1;
}

/* A target named by --only that cannot be checked, said in the terms of the command line. */
static void print_only_error(const ps_error *err, ps_lang lang)
{
    ps_label label = err->code == PS_MSG_CHECK_UNKNOWN_ID  ? PS_L_CLI_ONLY_UNKNOWN_ID
                     : err->code == PS_MSG_CHECK_NO_TARGET ? PS_L_CLI_ONLY_NO_TARGET
                     : err->code == PS_MSG_CHECK_NO_PEERS  ? PS_L_CLI_ONLY_NO_PEERS
                                                           : PS_WORDING_COUNT;
    if (label == PS_WORDING_COUNT) {
        print_error(err, lang);
        return;
    }
    char message[512];
    const char *args[] = {err->arg[0]};
    ps_wording_fill_chars(message, sizeof message, ps_label_text(label, lang), args, 1);
    fprintf(stderr, "parscore: %s\n", message);
}

static void print_warnings(const ps_warnings *warnings, const cli_options *opt)
{
    for (size_t i = 0; i < warnings->count && !opt->quiet; i++)
        print_error(&warnings->items[i], opt->lang);
}

/* Colour only where a person reads it: a terminal, no NO_COLOR, unless asked for outright; a file written
 * with -o never carries it. */
static bool use_color(const cli_options *opt)
{
    if (opt->output)
        return false;
    if (opt->color != CLI_COLOR_AUTO)
        return opt->color == CLI_COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if (opt->output || (no_color && *no_color) || (term && strcmp(term, "dumb") == 0))
        return false;
    return isatty(STDOUT_FILENO) == 1;
}

static ps_status render(const cli_options *opt, const ps_plan *plan, const ps_scores *scores,
                        const ps_result *result, const ps_check *check, ps_buf *out)
{
    ps_report_options ro = {.lang = opt->lang,
                            .scores_source = scores ? scores->source : NULL,
                            .check = check,
                            .by_owner = opt->by_owner,
                            .color = opt->format == CLI_FORMAT_TEXT && use_color(opt),
                            .bom = opt->bom};
    if (opt->format == CLI_FORMAT_JSON)
        return ps_report_json(plan, result, &ro, out);
    if (opt->format == CLI_FORMAT_MARKDOWN)
        return ps_report_markdown(plan, result, &ro, out);
    if (opt->format == CLI_FORMAT_CSV)
        return ps_report_csv(plan, result, &ro, out);
    if (opt->format == CLI_FORMAT_SVG)
        return ps_report_svg(plan, result, &ro, out);
    if (opt->format == CLI_FORMAT_XLSX)
        return ps_report_xlsx(plan, result, &ro, out);
    if (check)
        return ps_report_check_text(plan, check, &ro, out);
    return ps_report_text(plan, result, &ro, out);
}

/* Scores, ranks, checks and writes; returns the exit status. */
static int run_with(const cli_options *opt, const ps_plan *plan, const ps_scores *scores,
                    const ps_peers *peers)
{
    ps_result result;
    ps_check check;
    ps_error err;
    if (ps_score(plan, scores, &result) != PS_OK ||
        ps_rank_apply(&result, plan, peers, opt->peer_change) != PS_OK) {
        print_out_of_memory(opt->lang);
        ps_result_free(&result); /* empty after a failed ps_score, scored after a failed ranking */
        return EXIT_INPUT;
    }
    int status = EXIT_OK;
    bool checking = opt->command == CLI_CHECK;
    if (checking && ps_check_targets(&result, opt->only_count ? opt->only : NULL, opt->only_count, &check,
                                     &err) != PS_OK) {
        print_only_error(&err, opt->lang);
        ps_result_free(&result);
        return EXIT_INPUT;
    }
    if (checking && check.passed < check.count)
        status = EXIT_MISSED;
    if (!opt->quiet) {
        ps_buf out;
        ps_buf_init(&out);
        ps_status st = render(opt, plan, scores, &result, checking ? &check : NULL, &out);
        if (st == PS_OK) {
            int written = cli_write_output(&out, opt->output, opt->lang);
            if (written != 0)
                status = written;
        } else {
            print_report_failure(st, opt->lang);
            status = EXIT_INPUT;
        }
        ps_buf_free(&out);
    }
    if (checking)
        ps_check_free(&check);
    ps_result_free(&result);
    return status;
}

static void print_too_many_units(ps_lang lang)
{
    char message[512], limit[24];
    snprintf(limit, sizeof limit, "%d", PS_UNITS_XLSX_MAX);
    const char *args[] = {limit};
    ps_wording_fill_chars(message, sizeof message, ps_label_text(PS_L_XLSX_TOO_MANY_UNITS, lang), args, 1);
    fprintf(stderr, "parscore: %s\n", message);
}

static int run_rank(const cli_options *opt, const ps_plan *plan)
{
    ps_units units;
    ps_error err;
    ps_read_options read = cli_read_options(opt, opt->scores_sheet);
    ps_units later; /* a large file's second half, read by a second thread, then joined to units */
    ps_status st = ps_units_init(&units, plan, &err);
    if (st == PS_OK)
        st = ps_units_init(&later, plan, &err);
    if (st == PS_OK) /* each row is reduced to its 16 bytes as it is read */
        st = ps_units_read_file_split(opt->scores, &read, plan, ps_units_add, &units, &later, ps_units_join,
                                      &units.source, &units.warnings, &err);
    if (st == PS_OK) /* a name given twice is found here, once all are read */
        st = ps_units_rank(&units, &err);
    if (st != PS_OK) {
        print_error(&err, opt->lang);
        ps_units_free(&units);
        return EXIT_INPUT;
    }
    print_warnings(&units.warnings, opt);
    /* every input error is known by now: the output can go out in pieces */
    cli_stream out;
    int status = EXIT_INPUT;
    if (cli_stream_open(&out, opt->output, opt->lang)) {
        ps_report_options ro = {.lang = opt->lang,
                                .scores_source = units.source,
                                .bom = opt->bom,
                                .color = opt->format == CLI_FORMAT_TEXT && use_color(opt)};
        ps_units_format format = opt->format == CLI_FORMAT_JSON   ? PS_UNITS_JSON
                                 : opt->format == CLI_FORMAT_CSV  ? PS_UNITS_CSV
                                 : opt->format == CLI_FORMAT_XLSX ? PS_UNITS_XLSX
                                                                  : PS_UNITS_TEXT;
        errno = 0;
        st = ps_report_units(&units, format, &ro, cli_stream_write, &out);
        /* a workbook's temporary files failed (errno says why); else the stream says what failed */
        bool temporary = st == PS_ERR_IO && format == PS_UNITS_XLSX && errno != 0;
        if (st == PS_ERR_NOMEM || temporary)
            print_report_failure(st, opt->lang);
        if (st == PS_ERR_INPUT)
            print_too_many_units(opt->lang);
        status = cli_stream_close(&out, st == PS_OK, opt->lang);
    }
    ps_units_free(&units);
    return status;
}

/* The scores file to fill in for the plan. */
static int run_template(const cli_options *opt, const ps_plan *plan)
{
    ps_report_options ro = {.lang = opt->lang, .bom = opt->bom};
    ps_buf out;
    ps_buf_init(&out);
    int status = EXIT_INPUT;
    ps_template_format format = opt->format == CLI_FORMAT_JSON   ? PS_TEMPLATE_JSON
                                : opt->format == CLI_FORMAT_XLSX ? PS_TEMPLATE_XLSX
                                                                 : PS_TEMPLATE_CSV;
    ps_status st = ps_report_template(plan, format, &ro, &out);
    if (st == PS_OK)
        status = cli_write_output(&out, opt->output, opt->lang);
    else
        print_report_failure(st, opt->lang);
    ps_buf_free(&out);
    return status;
}

static int run_trend(const cli_options *opt, const ps_plan *plan, const ps_peers *peers)
{
    ps_trend trend;
    ps_error err;
    ps_trend_init(&trend, plan);
    int status = EXIT_INPUT;
    ps_status st = PS_OK;
    for (size_t k = 0; k < opt->file_count && st == PS_OK; k++) {
        ps_scores scores;
        ps_read_options read = cli_read_options(opt, opt->file_sheets[k]);
        st = ps_scores_load_file(opt->files[k], &read, plan, &scores, &err);
        if (st == PS_OK) /* the trend takes the scores over */
            st = ps_trend_add(&trend, &scores, peers, opt->peer_change, &err);
        if (st == PS_OK)
            print_warnings(&trend.points[trend.count - 1].scores.warnings, opt);
        else
            print_error(&err, opt->lang);
    }
    if (st == PS_OK && ps_trend_finish(&trend) == PS_OK) {
        ps_buf out;
        ps_buf_init(&out);
        ps_report_options ro = {
            .lang = opt->lang, .color = opt->format == CLI_FORMAT_TEXT && use_color(opt), .bom = opt->bom};
        ps_trend_format format = opt->format == CLI_FORMAT_JSON   ? PS_TREND_JSON
                                 : opt->format == CLI_FORMAT_CSV  ? PS_TREND_CSV
                                 : opt->format == CLI_FORMAT_XLSX ? PS_TREND_XLSX
                                                                  : PS_TREND_TEXT;
        st = ps_report_trend(&trend, format, &ro, &out);
        if (st == PS_OK)
            status = cli_write_output(&out, opt->output, opt->lang);
        else
            print_report_failure(st, opt->lang);
        ps_buf_free(&out);
    } else if (st == PS_OK) {
        print_out_of_memory(opt->lang);
    }
    ps_trend_free(&trend);
    return status;
}

static int run(const cli_options *opt)
{
    ps_plan plan;
    ps_scores scores;
    ps_error err;
    ps_read_options read_plan = cli_read_options(opt, opt->plan_sheet);
    ps_status st =
        opt->plan ? ps_plan_load_file(opt->plan, &read_plan, &plan, &err) : ps_plan_load_builtin(&plan, &err);
    if (st != PS_OK) {
        print_error(&err, opt->lang);
        return EXIT_INPUT;
    }
    print_warnings(&plan.warnings, opt);
    if (opt->command == CLI_TEMPLATE) {
        int template_status = run_template(opt, &plan);
        ps_plan_free(&plan);
        return template_status;
    }
    if (opt->command == CLI_RANK) {
        int rank_status = run_rank(opt, &plan);
        ps_plan_free(&plan);
        return rank_status;
    }
    ps_read_options read_scores = cli_read_options(opt, opt->scores_sheet);
    ps_read_options read_peers = cli_read_options(opt, opt->peers_sheet);
    if (opt->scores && ps_scores_load_file(opt->scores, &read_scores, &plan, &scores, &err) != PS_OK) {
        print_error(&err, opt->lang);
        ps_plan_free(&plan);
        return EXIT_INPUT;
    }
    if (opt->scores)
        print_warnings(&scores.warnings, opt);
    ps_peers peers;
    int status = EXIT_INPUT;
    if (opt->peers && ps_peers_load_file(opt->peers, &read_peers, &plan, &peers, &err) != PS_OK) {
        print_error(&err, opt->lang);
    } else {
        if (opt->peers)
            print_warnings(&peers.warnings, opt);
        if (opt->command == CLI_TREND)
            status = run_trend(opt, &plan, opt->peers ? &peers : NULL);
        else
            status = run_with(opt, &plan, opt->scores ? &scores : NULL, opt->peers ? &peers : NULL);
        if (opt->peers)
            ps_peers_free(&peers);
    }
    if (opt->scores)
        ps_scores_free(&scores);
    ps_plan_free(&plan);
    return status;
}

/* The version, and the plan this binary carries (or the one --plan names), so a report can be traced. */
static int version_text(const cli_options *opt, ps_buf *out)
{
    ps_plan plan;
    ps_error err;
    ps_buf_puts(out, "parscore " PARSCORE_VERSION "\n");
    ps_read_options read_plan = cli_read_options(opt, opt->plan_sheet);
    ps_status st =
        opt->plan ? ps_plan_load_file(opt->plan, &read_plan, &plan, &err) : ps_plan_load_builtin(&plan, &err);
    if (st != PS_OK) { /* --version --plan FILE names that plan: a plan that cannot be read is an error */
        print_error(&err, opt->lang);
        return EXIT_INPUT;
    }
    char count[24];
    snprintf(count, sizeof count, "%zu", plan.count);
    const char *args[] = {
        plan.source, plan.unit ? plan.unit : "\xe2\x80\x94", plan.year ? plan.year : "\xe2\x80\x94", count,
        ps_label_text(plan.illustrative_max ? PS_L_CLI_ILLUSTRATIVE : PS_L_CLI_OFFICIAL, opt->lang)};
    ps_wording_fill(out, ps_label_text(PS_L_CLI_VERSION_PLAN, opt->lang), args, 5);
    ps_buf_puts(out, "\n");
    ps_plan_free(&plan);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    /* a closed pipe becomes a write error we report, not a silent death */
    signal(SIGPIPE, SIG_IGN);
    /* cJSON allocates through parscore's malloc, so out of memory there is seen like anywhere else */
    cJSON_InitHooks(&(cJSON_Hooks){.malloc_fn = malloc, .free_fn = free});
    cli_options opt;
    char message[512];
    if (!cli_parse(argc, argv, &opt, message, sizeof message)) {
        fprintf(stderr, "parscore: %s\n%s\n", message, ps_label_text(PS_L_CLI_TRY_HELP, opt.lang));
        return EXIT_INPUT;
    }
    if (opt.help || opt.version) { /* through the same checked write as reports */
        ps_buf out;
        ps_buf_init(&out);
        int status = EXIT_OK;
        if (opt.help)
            cli_help(&out, opt.lang);
        else
            status = version_text(&opt, &out);
        if (status == EXIT_OK && out.failed) {
            print_out_of_memory(opt.lang);
            status = EXIT_INPUT;
        }
        if (status == EXIT_OK)
            status = cli_write_output(&out, NULL, opt.lang);
        ps_buf_free(&out);
        return status;
    }
    if (binary_to_terminal(&opt)) { /* said before any work, as a usage error would be */
        fprintf(stderr, "parscore: %s\n", ps_label_text(PS_L_XLSX_TERMINAL, opt.lang));
        return EXIT_INPUT;
    }
    return run(&opt);
}
