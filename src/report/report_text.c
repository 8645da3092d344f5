/* The text report: aligned tables in display columns, Vietnamese by default, English on request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/report.h"
#include "base/wording.h"
#include "report/text_table.h"

#define DASH PS_TEXT_DASH

typedef struct {
    const ps_plan *plan;
    const char *baseline_year; /* column heads: the plan's years, or words when it gives none */
    const char *year;
    const ps_report_options *opt;
    char mark; /* decimal mark */
    ps_buf *out;
} ctx;

static const char *L(const ctx *c, ps_label l)
{
    return ps_label_text(l, c->opt->lang);
}

static char *num_cell(const ctx *c, bool has, ps_num value, bool plus)
{
    return ps_text_number_cell(has, value, c->mark, plus);
}

static char *target_cell(const ctx *c, const ps_indicator *ind)
{
    return ps_text_target_cell(ind, c->mark);
}

static char *rank_cell(int rank)
{
    char buf[16];
    if (rank <= 0)
        return ps_text_dup(DASH);
    snprintf(buf, sizeof buf, "%d", rank);
    return ps_text_dup(buf);
}

static char *met_cell(const ctx *c, ps_met met)
{
    if (met == PS_MET_YES)
        return ps_text_dup(L(c, PS_L_MET));
    if (met == PS_MET_NO)
        return ps_text_dup(L(c, PS_L_MISSED));
    return ps_text_dup(DASH);
}

static const char *name_of(const ctx *c, const ps_indicator *ind)
{
    return c->opt->lang == PS_LANG_EN && ind->name_en ? ind->name_en : ind->name;
}

static char *owners_note(const ctx *c, const ps_indicator *ind)
{
    if (ind->owner_count == 0)
        return NULL;
    ps_buf b;
    ps_buf_init(&b);
    ps_buf_puts(&b, L(c, PS_L_OWNERS));
    ps_buf_puts(&b, ": ");
    for (size_t k = 0; k < ind->owner_count; k++) {
        if (k > 0)
            ps_buf_puts(&b, "; ");
        ps_buf_puts(&b, ind->owners[k]);
    }
    return b.data;
}

static bool rows_ok(const ps_text_row *rows, size_t nrows, size_t ncols)
{
    for (size_t r = 0; r < nrows; r++)
        for (size_t k = 0; k < ncols; k++)
            if (!rows[r].cells[k])
                return false;
    return true;
}

static char *missing_note(const ctx *c, const ps_result *result)
{
    ps_buf b;
    ps_buf_init(&b);
    if (result->missing_count == result->max_points_count) {
        ps_buf_puts(&b, L(c, PS_L_NO_CRITERIA));
        return b.data;
    }
    ps_buf ids;
    ps_buf_init(&ids);
    for (size_t k = 0; k < result->missing_count; k++)
        ps_buf_printf(&ids, "%s%s", k ? ", " : "", result->missing[k]->id);
    ps_buf_printf(&b, L(c, PS_L_PARTIAL), ids.data ? ids.data : "");
    ps_buf_free(&ids);
    return b.data;
}

static char *join_notes(char *a, char *b)
{
    if (!a || !b)
        return a ? a : b;
    ps_buf j;
    ps_buf_init(&j);
    ps_buf_printf(&j, "%s\n%s", b, a);
    free(a);
    free(b);
    return j.data;
}

static bool is_kpi(const ps_line *l)
{
    return l->indicator->kind == PS_KIND_KPI;
}

static void fill_row(const ctx *c, const ps_result *result, const ps_line *l, ps_text_row *rw)
{
    const ps_indicator *ind = l->indicator;
    size_t k = 0;
    rw->cells[k++] = ps_text_dup(ind->id);
    rw->cells[k++] = ps_text_dup(name_of(c, ind));
    if (!result->has_scores && is_kpi(l)) {
        rw->cells[k++] = target_cell(c, ind);
        rw->tone[k] = ps_text_tone(l->met);
        rw->cells[k++] = met_cell(c, l->met);
    } else if (!result->has_scores) {
        rw->cells[k++] = num_cell(c, ind->has_baseline, ind->baseline, false);
        rw->cells[k++] = rank_cell(ind->baseline_rank);
        rw->cells[k++] = target_cell(c, ind);
        rw->cells[k++] = rank_cell(ind->target_rank);
        char need[48], num[40];
        ps_num_format(l->need, 2, c->mark, false, num, sizeof num);
        snprintf(need, sizeof need, "%s%s", ind->target.op == PS_OP_GT && l->met != PS_MET_YES ? "> " : "",
                 num);
        rw->cells[k++] = l->has_need ? ps_text_dup(need) : ps_text_dup(DASH);
        rw->tone[k] = ps_text_tone(l->met);
        rw->cells[k++] = met_cell(c, l->met);
    } else if (is_kpi(l)) {
        rw->cells[k++] = num_cell(c, l->has_score, l->score, false);
        rw->cells[k++] = target_cell(c, ind);
        rw->cells[k++] = num_cell(c, l->has_gap, l->gap, true);
        rw->tone[k] = ps_text_tone(l->met);
        rw->cells[k++] = met_cell(c, l->met);
    } else {
        rw->cells[k++] = num_cell(c, ind->has_baseline, ind->baseline, false);
        rw->cells[k++] = num_cell(c, l->has_score, l->score, false);
        rw->cells[k++] = num_cell(c, l->has_change, l->change, true);
        rw->cells[k++] = target_cell(c, ind);
        rw->cells[k++] = num_cell(c, l->has_gap, l->gap, true);
        rw->tone[k] = ps_text_tone(l->met);
        rw->cells[k++] = met_cell(c, l->met);
    }
    rw->note = owners_note(c, ind);
    if (result->has_scores && ind->kind == PS_KIND_TOTAL && (l->partial || !l->has_score))
        rw->note = join_notes(rw->note, missing_note(c, result));
}

static ps_status table(const ctx *c, const ps_result *result, bool kpis)
{
    size_t wrap = c->opt->width > 0 ? (size_t)c->opt->width : 36;
    ps_text_column cols[PS_TEXT_MAX_COLUMNS];
    size_t ncols = 0;
    cols[ncols++] = (ps_text_column){L(c, PS_L_ID), false, 0};
    cols[ncols++] = (ps_text_column){L(c, PS_L_NAME), false, wrap};
    if (!result->has_scores && kpis) {
        cols[ncols++] = (ps_text_column){L(c, PS_L_TARGET), true, 0};
    } else if (!result->has_scores) {
        cols[ncols++] = (ps_text_column){c->baseline_year, true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_RANK), true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_TARGET), true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_TARGET_RANK), true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_NEED), true, 0};
    } else if (kpis) {
        cols[ncols++] = (ps_text_column){c->year, true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_TARGET), true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_GAP), true, 0};
    } else {
        cols[ncols++] = (ps_text_column){c->baseline_year, true, 0};
        cols[ncols++] = (ps_text_column){c->year, true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_CHANGE), true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_TARGET), true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_GAP), true, 0};
    }
    cols[ncols++] = (ps_text_column){L(c, PS_L_RESULT), false, 0};
    ps_text_row *rows = calloc(result->count ? result->count : 1, sizeof *rows);
    if (!rows)
        return PS_ERR_NOMEM;
    size_t nrows = 0;
    for (size_t i = 0; i < result->count; i++)
        if (is_kpi(&result->lines[i]) == kpis)
            fill_row(c, result, &result->lines[i], &rows[nrows++]);
    ps_status st = rows_ok(rows, nrows, ncols) ? PS_OK : PS_ERR_NOMEM;
    if (st == PS_OK && nrows > 0)
        ps_text_table_render(c->out, cols, ncols, rows, nrows, c->opt->color);
    ps_text_table_free_rows(rows, nrows);
    return st;
}

static void title(const ctx *c, const ps_result *result)
{
    const ps_plan *plan = c->plan;
    const char *unit = plan->unit ? plan->unit : "PAR INDEX";
    if (!plan->year || !plan->baseline_year) /* a plan without its years: say less rather than wrong */
        ps_buf_puts(c->out, unit);
    else if (result->has_scores)
        ps_buf_printf(c->out, L(c, PS_L_TITLE_SCORES), unit, c->year);
    else
        ps_buf_printf(c->out, L(c, PS_L_TITLE_PLAN), unit, c->baseline_year, c->year);
    if (result->has_scores && result->period)
        ps_buf_printf(c->out, L(c, PS_L_PERIOD), result->period);
    ps_buf_puts(c->out, "\n");
}

static void header(const ctx *c, const ps_result *result)
{
    const ps_plan *plan = c->plan;
    ps_buf *out = c->out;
    title(c, result);
    ps_buf_printf(out, L(c, PS_L_SOURCE_PLAN), plan->source ? plan->source : "");
    ps_buf_puts(out, "\n");
    if (result->has_scores && c->opt->scores_source) {
        ps_buf_printf(out, L(c, PS_L_SOURCE_SCORES), c->opt->scores_source);
        ps_buf_puts(out, "\n");
    }
    ps_buf_puts(out, "\n");
}

static void summary(const ctx *c, const ps_result *result)
{
    ps_buf *out = c->out;
    if (result->has_scores && result->unknown > 0)
        ps_buf_printf(out, L(c, PS_L_SUMMARY_UNKNOWN), result->met, result->targets, result->unknown);
    else if (result->has_scores)
        ps_buf_printf(out, L(c, PS_L_SUMMARY), result->met, result->targets);
    else if (result->unknown > 0)
        ps_buf_printf(out, L(c, PS_L_SUMMARY_PLAN_UNKNOWN), c->baseline_year, result->met, result->targets,
                      c->year, result->unknown, c->baseline_year);
    else
        ps_buf_printf(out, L(c, PS_L_SUMMARY_PLAN), c->baseline_year, result->met, result->targets, c->year);
    ps_buf_puts(out, "\n");
    if (!result->has_scores) {
        ps_buf_puts(out, L(c, PS_L_NEED_NOTE));
        ps_buf_puts(out, "\n");
    }
}

static void illustrative_note(const ctx *c)
{
    const ps_plan *plan = c->plan;
    if (!plan->illustrative_max)
        return;
    ps_buf list, note;
    ps_buf_init(&list);
    ps_buf_init(&note);
    for (size_t i = 0; i < plan->count; i++) {
        const ps_indicator *ind = &plan->items[i];
        if (!ind->has_max_points)
            continue;
        char num[40];
        ps_num_format_short(ind->max_points, c->mark, num, sizeof num);
        ps_buf_printf(&list, "%s%s: %s", list.len ? "; " : "", ind->id, num);
    }
    ps_buf_printf(&note, L(c, PS_L_ILLUSTRATIVE), list.data ? list.data : "");
    if (note.data) {
        ps_buf_puts(c->out, "\n");
        ps_text_paragraph(c->out, note.data, 100);
    }
    if (list.failed || note.failed)
        c->out->failed = true;
    ps_buf_free(&list);
    ps_buf_free(&note);
}

static ps_status tables(const ctx *c, const ps_result *result)
{
    ps_status st = table(c, result, false);
    bool any_kpi = false;
    for (size_t i = 0; i < result->count; i++)
        any_kpi = any_kpi || is_kpi(&result->lines[i]);
    if (st == PS_OK && any_kpi) {
        ps_buf_printf(c->out, "\n%s\n", L(c, PS_L_KPI_TITLE));
        st = table(c, result, true);
    }
    return st;
}

ps_status ps_report_text(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                         ps_buf *out)
{
    ctx c = {plan,
             plan->baseline_year ? plan->baseline_year : ps_label_text(PS_L_BASELINE_WORD, options->lang),
             plan->year ? plan->year : ps_label_text(PS_L_YEAR_WORD, options->lang),
             options,
             options->lang == PS_LANG_EN ? '.' : ',',
             out};
    header(&c, result);
    ps_status st = options->by_owner ? ps_text_by_owner(plan, result, options, out) : tables(&c, result);
    if (st == PS_OK)
        st = ps_text_sections(plan, result, options, out);
    if (st == PS_OK) {
        ps_buf_puts(out, "\n");
        summary(&c, result);
        ps_text_coherence(plan, result, options->lang, out);
        illustrative_note(&c);
    }
    if (st == PS_OK && out->failed)
        st = PS_ERR_NOMEM;
    return st;
}
