/* The CSV report: one row per indicator and the total, for a spreadsheet; safe against formula injection. */
#include <stdio.h>
#include <string.h>

#include "parscore/report.h"

static const char *const kind_names[] = {"criterion", "sipas", "total", "kpi"};

/* Stable snake_case names, as in the JSON report; new columns are only ever added at the end. name is in
 * the report's language (the English name when the plan has one); owners are joined with "; "; numbers
 * have 2 decimals and the language's decimal mark; an unknown value is an empty cell, never 0; met and
 * rank_met are true, false or empty. need is the plan view's least gain over the baseline (empty with
 * scores; target_op tells whether it must be exceeded); partial and missing (ids, space-separated) are
 * filled on the total's row only. Rows end in LF, as in `parscore rank --format csv`. */
/* clang-format off */
static const char *const columns[] = {
    "id", "kind", "name", "owners", "max_points", "baseline", "baseline_rank", "score", "points", "change",
    "target_op", "target_value", "target_rank", "gap", "met", "rank", "rank_of", "points_to_target_rank",
    "rank_met", "need", "partial", "missing"};
/* clang-format on */

typedef struct {
    char sep;  /* between cells: ';' in Vietnamese, where ',' is the decimal mark; ',' in English */
    char mark; /* decimal mark */
    ps_buf *out;
} writer;

static bool needs_quotes(const char *text, char sep)
{
    for (const char *p = text; *p; p++)
        if (*p == sep || *p == '"' || *p == '\r' || *p == '\n')
            return true;
    return false;
}

/* A leading = + - @ (or tab, CR) makes a spreadsheet read a cell as a formula. */
static bool formula_like(const char *text)
{
    return text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL;
}

/* One cell, quoted as RFC 4180 says when it must be (quotes doubled). With guard, a cell that would read as
 * a formula gets a leading apostrophe inside quotes, so the spreadsheet shows it as text. Only text cells
 * (ids, names, offices) are guarded: numbers are written as numbers, so a gap of -1,50 stays a negative
 * number instead of turning into the text '-1,50. */
static void cell(writer *w, const char *text, bool guard, bool first)
{
    bool formula = guard && formula_like(text);
    if (!first)
        ps_buf_append(w->out, &w->sep, 1);
    if (!formula && !needs_quotes(text, w->sep)) {
        ps_buf_puts(w->out, text);
        return;
    }
    ps_buf_puts(w->out, formula ? "\"'" : "\"");
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            ps_buf_puts(w->out, "\"\"");
        else
            ps_buf_append(w->out, p, 1);
    }
    ps_buf_puts(w->out, "\"");
}

static void text_cell(writer *w, const char *text)
{
    cell(w, text ? text : "", true, false);
}

static void num_cell(writer *w, bool has, ps_num value)
{
    char num[40] = "";
    if (has)
        ps_num_format(value, 2, w->mark, false, num, sizeof num);
    cell(w, num, false, false);
}

static void int_cell(writer *w, int value)
{
    char num[16] = "";
    if (value > 0)
        snprintf(num, sizeof num, "%d", value);
    cell(w, num, false, false);
}

static void bool_cell(writer *w, bool has, bool value)
{
    cell(w, has ? (value ? "true" : "false") : "", false, false);
}

static void met_cell(writer *w, ps_met met)
{
    bool_cell(w, met == PS_MET_YES || met == PS_MET_NO, met == PS_MET_YES);
}

/* Offices joined with "; ", one text cell (quoted in Vietnamese, where ';' separates cells). */
static void owners_cell(writer *w, const ps_indicator *ind)
{
    ps_buf b;
    ps_buf_init(&b);
    for (size_t k = 0; k < ind->owner_count; k++) {
        ps_buf_puts(&b, k ? "; " : "");
        ps_buf_puts(&b, ind->owners[k]);
    }
    if (b.failed)
        w->out->failed = true;
    text_cell(w, b.data);
    ps_buf_free(&b);
}

/* The criteria left out of a partial total, by id, separated by spaces (as in `parscore rank`). */
static void missing_cell(writer *w, const ps_result *r)
{
    ps_buf b;
    ps_buf_init(&b);
    for (size_t k = 0; k < r->missing_count; k++) {
        ps_buf_puts(&b, k ? " " : "");
        ps_buf_puts(&b, r->missing[k]->id);
    }
    if (b.failed)
        w->out->failed = true;
    text_cell(w, b.data);
    ps_buf_free(&b);
}

static void header(writer *w)
{
    for (size_t k = 0; k < sizeof columns / sizeof columns[0]; k++)
        cell(w, columns[k], false, k == 0);
    ps_buf_puts(w->out, "\n");
}

static void row(writer *w, const ps_result *r, const ps_line *l, ps_lang lang)
{
    const ps_indicator *ind = l->indicator;
    bool total = ind->kind == PS_KIND_TOTAL;
    cell(w, ind->id, true, true);
    text_cell(w, kind_names[ind->kind]);
    text_cell(w, lang == PS_LANG_EN && ind->name_en ? ind->name_en : ind->name);
    owners_cell(w, ind);
    num_cell(w, ind->has_max_points, ind->max_points);
    num_cell(w, ind->has_baseline, ind->baseline);
    int_cell(w, ind->baseline_rank);
    num_cell(w, l->has_score, l->score);
    num_cell(w, l->has_points, l->points);
    num_cell(w, l->has_change, l->change);
    text_cell(w, !ind->has_target ? "" : ind->target.op == PS_OP_GT ? ">" : ">=");
    num_cell(w, ind->has_target, ind->target.value);
    int_cell(w, ind->target_rank);
    num_cell(w, l->has_gap, l->gap);
    met_cell(w, l->met);
    int_cell(w, l->has_rank ? l->rank : 0);
    int_cell(w, l->has_rank ? l->rank_of : 0);
    num_cell(w, l->has_points_to_target_rank, l->points_to_target_rank);
    met_cell(w, l->rank_met);
    num_cell(w, !r->has_scores && l->has_need, l->need);
    bool_cell(w, total, r->has_scores && (l->partial || !l->has_score));
    if (total)
        missing_cell(w, r);
    else
        text_cell(w, "");
    ps_buf_puts(w->out, "\n");
}

ps_status ps_report_csv(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                        ps_buf *out)
{
    (void)plan; /* every line points at its indicator */
    bool en = options->lang == PS_LANG_EN;
    writer w = {en ? ',' : ';', en ? '.' : ',', out};
    if (options->bom)
        ps_buf_puts(out, "\xef\xbb\xbf");
    header(&w);
    for (size_t i = 0; i < result->count; i++)
        row(&w, result, &result->lines[i], options->lang);
    return out->failed ? PS_ERR_NOMEM : PS_OK;
}
