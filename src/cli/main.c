/* parscore: the command-line front end; loads, scores and reports through the core library. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"
#include "parscore/parscore.h"

enum { EXIT_OK = 0, EXIT_INPUT = 2 };

static void print_error(const ps_error *err, ps_lang lang)
{
    char message[1024];
    ps_error_format(err, lang, message, sizeof message);
    fprintf(stderr, "%s\n", message);
}

static void print_warnings(const ps_warnings *warnings, ps_lang lang)
{
    for (size_t i = 0; i < warnings->count; i++)
        print_error(&warnings->items[i], lang);
}

/* Writes the finished report; a failed write (full disk, closed pipe) is an error, not a silent loss. */
static int write_out(const ps_buf *buf, ps_lang lang)
{
    if (buf->len > 0)
        fwrite(buf->data, 1, buf->len, stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr,
                lang == PS_LANG_EN ? "parscore: cannot write the output: %s\n"
                                   : "parscore: không ghi được kết quả: %s\n",
                strerror(errno));
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

static int run_report(const cli_options *opt)
{
    ps_plan plan;
    ps_scores scores;
    ps_result result;
    ps_error err;
    ps_status st = opt->plan ? ps_plan_load_file(opt->plan, &plan, &err) : ps_plan_load_builtin(&plan, &err);
    if (st != PS_OK) {
        print_error(&err, opt->lang);
        return EXIT_INPUT;
    }
    print_warnings(&plan.warnings, opt->lang);
    if (opt->scores) {
        st = ps_scores_load_file(opt->scores, &plan, &scores, &err);
        if (st != PS_OK) {
            print_error(&err, opt->lang);
            ps_plan_free(&plan);
            return EXIT_INPUT;
        }
        print_warnings(&scores.warnings, opt->lang);
    }
    int status = EXIT_INPUT;
    st = ps_score(&plan, opt->scores ? &scores : NULL, &result);
    if (st == PS_OK) {
        ps_buf out;
        ps_buf_init(&out);
        ps_report_options ro = {opt->lang, 0, opt->scores};
        st = ps_report_text(&plan, &result, &ro, &out);
        if (st == PS_OK)
            status = write_out(&out, opt->lang);
        ps_buf_free(&out);
        ps_result_free(&result);
    }
    if (st == PS_ERR_NOMEM)
        fputs(opt->lang == PS_LANG_EN ? "parscore: out of memory\n" : "parscore: hết bộ nhớ\n", stderr);
    if (opt->scores)
        ps_scores_free(&scores);
    ps_plan_free(&plan);
    return status;
}

int main(int argc, char **argv)
{
    cli_options opt;
    char message[512];
    if (!cli_parse(argc, argv, &opt, message, sizeof message)) {
        fprintf(stderr, "parscore: %s\n%s\n", message,
                opt.lang == PS_LANG_EN ? "Try 'parscore --help'." : "Xem 'parscore --help'.");
        return EXIT_INPUT;
    }
    if (opt.help) {
        cli_print_help(stdout, opt.lang);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_INPUT;
    }
    if (opt.version) {
        printf("parscore %s\n", PARSCORE_VERSION);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_INPUT;
    }
    return run_report(&opt);
}
