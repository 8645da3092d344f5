/* Text report sections beyond the main table: projected ranks, what closing a gap takes, coherence, by
 * office. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/wording.h"
#include "report/text_table.h"

typedef struct {
    const ps_plan *plan;
    const ps_result *result;
    int lang;
    char mark;
    bool color;
    ps_buf *out;
} sctx;

static const char *S(const sctx *c, ps_label l)
{
    return ps_label_text(l, c->lang ? PS_LANG_EN : PS_LANG_VI);
}

static char *rank_text(int rank, int of)
{
    char buf[32];
    if (rank <= 0)
        return ps_text_dup(PS_TEXT_DASH);
    if (of > 0)
        snprintf(buf, sizeof buf, "%d/%d", rank, of);
    else
        snprintf(buf, sizeof buf, "%d", rank);
    return ps_text_dup(buf);
}

static char *rank_target_text(int rank)
{
    char buf[32];
    if (rank <= 0)
        return ps_text_dup(PS_TEXT_DASH);
    snprintf(buf, sizeof buf, "\xe2\x89\xa4 %d", rank); /* ≤ */
    return ps_text_dup(buf);
}

static char *met_text(const sctx *c, ps_met met)
{
    return ps_text_dup(met == PS_MET_YES  ? S(c, PS_L_MET)
                       : met == PS_MET_NO ? S(c, PS_L_MISSED)
                                          : PS_TEXT_DASH);
}

static bool rows_complete(const ps_text_row *rows, size_t nrows, size_t ncols)
{
    for (size_t r = 0; r < nrows; r++)
        for (size_t k = 0; k < ncols; k++)
            if (!rows[r].cells[k])
                return false;
    return true;
}

static ps_status render(const sctx *c, const ps_text_column *cols, size_t ncols, ps_text_row *rows,
                        size_t nrows)
{
    ps_status st = rows_complete(rows, nrows, ncols) ? PS_OK : PS_ERR_NOMEM;
    if (st == PS_OK && nrows > 0)
        ps_text_table_render(c->out, cols, ncols, rows, nrows, c->color);
    ps_text_table_free_rows(rows, nrows);
    return st;
}

static ps_status ranking(const sctx *c)
{
    const ps_result *r = c->result;
    char base[48], change[40], text[512];
    snprintf(base, sizeof base, S(c, PS_L_RANK_BASE), c->plan->baseline_year ? c->plan->baseline_year : "");
    int units = 0;
    for (size_t i = 0; i < r->count; i++)
        if (r->lines[i].indicator->kind == PS_KIND_TOTAL && r->lines[i].rank_of > 0)
            units = r->lines[i].rank_of;
    ps_buf_puts(c->out, "\n");
    ps_buf_printf(c->out, S(c, PS_L_RANK_TITLE), units, r->peers_source ? r->peers_source : "");
    ps_buf_puts(c->out, "\n");
    ps_num_format(r->peer_change, 2, c->mark, true, change, sizeof change);
    if (r->peer_change != 0)
        snprintf(text, sizeof text, S(c, PS_L_ASSUME_SHIFT), change);
    else
        snprintf(text, sizeof text, "%s", S(c, PS_L_ASSUME));
    ps_text_paragraph(c->out, text, 100);
    ps_text_column cols[] = {{S(c, PS_L_ID), false, 0},          {base, true, 0},
                             {S(c, PS_L_RANK_NOW), true, 0},     {S(c, PS_L_TARGET), true, 0},
                             {S(c, PS_L_STILL_NEEDED), true, 0}, {S(c, PS_L_RESULT), false, 0}};
    ps_text_row *rows = calloc(r->count ? r->count : 1, sizeof *rows);
    if (!rows)
        return PS_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        if (!l->has_rank && l->rank_met == PS_MET_NO_TARGET)
            continue;
        ps_text_row *row = &rows[n++];
        row->cells[0] = ps_text_dup(l->indicator->id);
        row->cells[1] = rank_text(l->indicator->baseline_rank, 0);
        row->cells[2] = l->has_rank ? rank_text(l->rank, l->rank_of) : ps_text_dup(PS_TEXT_DASH);
        row->cells[3] = rank_target_text(l->indicator->target_rank);
        row->cells[4] =
            ps_text_number_cell(l->has_points_to_target_rank, l->points_to_target_rank, c->mark, false);
        row->cells[5] = met_text(c, l->rank_met);
        row->tone[5] = ps_text_tone(l->rank_met);
    }
    return render(c, cols, sizeof cols / sizeof cols[0], rows, n);
}

static const ps_line *total_line(const ps_result *r)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->lines[i].indicator->kind == PS_KIND_TOTAL)
            return &r->lines[i];
    return NULL;
}

static void total_needs(const sctx *c, const ps_line *total)
{
    const ps_result *r = c->result;
    char a[40], b[40], text[512];
    if (total->has_points_to_target_rank) {
        if (total->points_to_target_rank == 0) {
            snprintf(text, sizeof text, S(c, PS_L_RANK_HELD), total->indicator->target_rank);
        } else {
            ps_num_format(total->points_to_target_rank, 2, c->mark, false, a, sizeof a);
            ps_num_format(total->rank_holder_value, 2, c->mark, false, b, sizeof b);
            snprintf(text, sizeof text, S(c, PS_L_RANK_NEED), total->indicator->target_rank, a,
                     total->rank_holder ? total->rank_holder : "?", total->indicator->target_rank, b);
        }
        ps_text_paragraph(c->out, text, 100);
    }
    if (r->has_to_target) {
        char *target = ps_text_target_cell(total->indicator, c->mark);
        ps_num_format(r->to_target, 2, c->mark, false, a, sizeof a);
        if (r->to_target == 0)
            snprintf(text, sizeof text, S(c, PS_L_TARGET_MET), target ? target : "");
        else
            snprintf(text, sizeof text, S(c, PS_L_TARGET_NEED), target ? target : "", a);
        free(target);
        ps_text_paragraph(c->out, text, 100);
    }
}

static ps_status what_it_takes(const sctx *c)
{
    const ps_result *r = c->result;
    const ps_line *total = total_line(r);
    if (!total || r->lever_count == 0)
        return PS_OK;
    ps_buf_printf(c->out, "\n%s\n", S(c, PS_L_TAKES_TITLE));
    total_needs(c, total);
    bool rank_gap = total->has_points_to_target_rank && total->points_to_target_rank > 0;
    bool target_gap = r->has_to_target && r->to_target > 0;
    if (!rank_gap && !target_gap)
        return PS_OK;
    ps_buf_puts(c->out, S(c, PS_L_LEVER_TITLE));
    ps_buf_puts(c->out, "\n");
    ps_text_column cols[6];
    size_t ncols = 0;
    cols[ncols++] = (ps_text_column){S(c, PS_L_ID), false, 0};
    cols[ncols++] = (ps_text_column){S(c, PS_L_MAX), true, 0};
    cols[ncols++] = (ps_text_column){c->plan->year ? c->plan->year : S(c, PS_L_NAME), true, 0};
    cols[ncols++] = (ps_text_column){S(c, PS_L_HEADROOM), true, 0};
    if (rank_gap)
        cols[ncols++] = (ps_text_column){S(c, PS_L_FOR_RANK), true, 0};
    if (target_gap)
        cols[ncols++] = (ps_text_column){S(c, PS_L_FOR_TARGET), true, 0};
    ps_text_row *rows = calloc(r->lever_count, sizeof *rows);
    if (!rows)
        return PS_ERR_NOMEM;
    for (size_t k = 0; k < r->lever_count; k++) {
        const ps_lever *lv = &r->levers[k];
        char max[40];
        ps_num_format_short(lv->indicator->max_points, c->mark, max, sizeof max);
        size_t at = 0;
        rows[k].cells[at++] = ps_text_dup(lv->indicator->id);
        rows[k].cells[at++] = ps_text_dup(max);
        rows[k].cells[at++] = ps_text_number_cell(true, 100 * PS_NUM_SCALE - lv->headroom, c->mark, false);
        rows[k].cells[at++] = ps_text_number_cell(true, lv->headroom, c->mark, false);
        if (rank_gap)
            rows[k].cells[at++] = ps_text_lever_cell(c->mark, c->lang ? PS_LANG_EN : PS_LANG_VI,
                                                     lv->has_for_rank, lv->for_rank, lv->alone_for_rank);
        if (target_gap)
            rows[k].cells[at++] =
                ps_text_lever_cell(c->mark, c->lang ? PS_LANG_EN : PS_LANG_VI, lv->has_for_target,
                                   lv->for_target, lv->alone_for_target);
    }
    return render(c, cols, ncols, rows, r->lever_count);
}

static void coherence(const sctx *c)
{
    const ps_line *total = total_line(c->result);
    if (!c->result->has_total_at_targets || !total || !total->indicator->has_target)
        return;
    char at[40], text[512];
    char *target = ps_text_target_cell(total->indicator, c->mark);
    ps_num_format(c->result->total_at_targets, 2, c->mark, false, at, sizeof at);
    bool agrees = ps_target_met(&total->indicator->target, c->result->total_at_targets);
    snprintf(text, sizeof text, S(c, agrees ? PS_L_COHERENT : PS_L_INCOHERENT), at, target ? target : "");
    free(target);
    ps_text_paragraph(c->out, text, 100);
}

static sctx context(const ps_plan *plan, const ps_result *result, ps_lang lang, bool color, ps_buf *out)
{
    sctx c = {plan, result, lang == PS_LANG_EN ? 1 : 0, lang == PS_LANG_EN ? '.' : ',', color, out};
    return c;
}

ps_status ps_text_sections(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                           ps_buf *out)
{
    sctx c = context(plan, result, options->lang, options->color, out);
    ps_status st = result->ranked ? ranking(&c) : PS_OK;
    if (st == PS_OK)
        st = what_it_takes(&c);
    return st;
}

void ps_text_coherence(const ps_plan *plan, const ps_result *result, ps_lang lang, ps_buf *out)
{
    sctx c = context(plan, result, lang, false, out);
    coherence(&c);
}

/* Offices in the order the plan first names them. */
static size_t owners_of(const ps_plan *plan, const char ***out)
{
    size_t n = 0, cap = 0;
    const char **owners = NULL;
    for (size_t i = 0; i < plan->count; i++) {
        for (size_t k = 0; k < plan->items[i].owner_count; k++) {
            const char *o = plan->items[i].owners[k];
            size_t j = 0;
            while (j < n && strcmp(owners[j], o) != 0)
                j++;
            if (j < n)
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                const char **grown = realloc(owners, cap * sizeof *grown);
                if (!grown) {
                    free(owners);
                    *out = NULL;
                    return 0;
                }
                owners = grown;
            }
            owners[n++] = o;
        }
    }
    *out = owners;
    return n;
}

/* NULL stands for the indicators no office is named for (the total). */
static bool owns(const ps_indicator *ind, const char *owner)
{
    if (!owner)
        return ind->owner_count == 0;
    for (size_t k = 0; k < ind->owner_count; k++)
        if (strcmp(ind->owners[k], owner) == 0)
            return true;
    return false;
}

static ps_status one_owner(const sctx *c, const char *owner, int wrap, bool first)
{
    const ps_result *r = c->result;
    /* the plan view shows the baseline where a report shows the score */
    const char *year = r->has_scores ? c->plan->year : c->plan->baseline_year;
    ps_text_column cols[] = {{S(c, PS_L_ID), false, 0},    {S(c, PS_L_NAME), false, (size_t)wrap},
                             {year ? year : "%", true, 0}, {S(c, PS_L_TARGET), true, 0},
                             {S(c, PS_L_GAP), true, 0},    {S(c, PS_L_RESULT), false, 0}};
    ps_text_row *rows = calloc(r->count ? r->count : 1, sizeof *rows);
    if (!rows)
        return PS_ERR_NOMEM;
    size_t n = 0, targets = 0, met = 0;
    for (size_t i = 0; i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        const ps_indicator *ind = l->indicator;
        if (!owns(ind, owner))
            continue;
        ps_text_row *row = &rows[n++];
        row->cells[0] = ps_text_dup(ind->id);
        row->cells[1] = ps_text_dup(c->lang && ind->name_en ? ind->name_en : ind->name);
        bool has = r->has_scores ? l->has_score : ind->has_baseline;
        ps_num value = r->has_scores ? l->score : ind->baseline;
        row->cells[2] = ps_text_number_cell(has, value, c->mark, false);
        row->cells[3] = ps_text_target_cell(ind, c->mark);
        row->cells[4] = ps_text_number_cell(has && ind->has_target, value - ind->target.value, c->mark, true);
        row->cells[5] = met_text(c, l->met);
        row->tone[5] = ps_text_tone(l->met);
        targets += l->met != PS_MET_NO_TARGET;
        met += l->met == PS_MET_YES;
    }
    ps_buf_printf(c->out, "%s%s\n", first ? "" : "\n", owner ? owner : S(c, PS_L_NO_OWNER));
    ps_status st = render(c, cols, sizeof cols / sizeof cols[0], rows, n);
    ps_buf_printf(c->out, S(c, PS_L_OWNER_SUMMARY), met, targets);
    ps_buf_puts(c->out, "\n");
    return st;
}

ps_status ps_text_by_owner(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                           ps_buf *out)
{
    sctx c = context(plan, result, options->lang, options->color, out);
    int wrap = options->width > 0 ? options->width : 36;
    const char **owners;
    size_t n = owners_of(plan, &owners);
    if (!owners && n == 0 && plan->count > 0) {
        bool any = false;
        for (size_t i = 0; i < plan->count; i++)
            any = any || plan->items[i].owner_count > 0;
        if (any)
            return PS_ERR_NOMEM;
    }
    ps_status st = PS_OK;
    for (size_t k = 0; k < n && st == PS_OK; k++)
        st = one_owner(&c, owners[k], wrap, k == 0);
    bool unowned = false;
    for (size_t i = 0; i < plan->count; i++)
        unowned = unowned || plan->items[i].owner_count == 0;
    if (st == PS_OK && unowned)
        st = one_owner(&c, NULL, wrap, n == 0);
    free(owners);
    return st;
}
