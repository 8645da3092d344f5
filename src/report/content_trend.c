/* The trend's content: each indicator across the quarters with its changes, the outlook, and its note. */
#include "report/content.h"

/* "48,50 (+4,50)": the value and its change from the quarter before, when both are known. */
static ps_cell value_cell(ps_doc *doc, const ps_trend *t, size_t item, size_t k)
{
    const ps_line *l = &t->points[k].result.lines[item];
    const ps_line *prev = k > 0 ? &t->points[k - 1].result.lines[item] : NULL;
    ps_cell value = ps_cell_number(l->has_score, l->score, 0);
    if (!l->has_score || !prev || !prev->has_score)
        return value;
    ps_cell args[] = {value, ps_cell_number(true, l->score - prev->score, PS_CELL_PLUS)};
    return ps_doc_phrase(doc, PS_L_TREND_VALUE_CHANGE, args, 2);
}

/* The total's projected rank in each quarter, on a row of its own under the total. */
static void rank_row(ps_doc *doc, ps_doc_table *table, const ps_trend *t, size_t item)
{
    ps_doc_row *row = ps_doc_add_row(doc, table);
    if (!row)
        return;
    size_t at = 0;
    row->cells[at++] = ps_cell_label(doc, PS_L_TREND_RANK);
    for (size_t k = 0; k < t->count; k++) {
        const ps_line *l = &t->points[k].result.lines[item];
        row->cells[at++] = l->has_rank ? ps_cell_rank(l->rank, l->rank_of, 0) : ps_cell_rank(0, 0, 0);
    }
    at++; /* no outlook for a rank */
    row->cells[at++] = ps_cell_rank(t->plan->items[item].target_rank, 0, PS_CELL_AT_MOST);
}

static void table(ps_doc *doc, const ps_trend *t)
{
    const ps_plan *plan = t->plan;
    ps_doc_column cols[PS_TREND_MAX_PERIODS + 4];
    size_t n = 0;
    cols[n++] = (ps_doc_column){ps_cell_label(doc, PS_L_ID), 0};
    for (size_t k = 0; k < t->count; k++)
        cols[n++] = (ps_doc_column){ps_cell_text(t->points[k].period), PS_COL_RIGHT | PS_COL_SERIES};
    cols[n++] = (ps_doc_column){ps_cell_label(doc, PS_L_TREND_OUTLOOK), PS_COL_RIGHT};
    cols[n++] = (ps_doc_column){ps_cell_label(doc, PS_L_TARGET), PS_COL_RIGHT};
    cols[n++] = (ps_doc_column){ps_cell_label(doc, PS_L_TREND_OUTLOOK_RESULT), 0};
    ps_doc_table *tab = ps_doc_table_new(doc, cols, n);
    for (size_t i = 0; tab && i < plan->count; i++) {
        ps_doc_row *row = ps_doc_add_row(doc, tab);
        if (!row)
            return;
        size_t at = 0;
        row->cells[at++] = ps_cell_text(plan->items[i].id);
        for (size_t k = 0; k < t->count; k++)
            row->cells[at++] = value_cell(doc, t, i, k);
        row->cells[at++] = ps_cell_number(t->has_outlook[i], t->outlook[i], 0);
        row->cells[at++] = ps_cell_target(&plan->items[i]);
        row->cells[at++] = ps_cell_verdict(t->outlook_met[i]);
        if (plan->items[i].kind == PS_KIND_TOTAL)
            row->flags |= PS_ROW_STRONG;
        if (t->ranked && plan->items[i].kind == PS_KIND_TOTAL)
            rank_row(doc, tab, t, i);
    }
    ps_doc_table_add(doc, tab);
}

/* One row per indicator: a column per quarter, the outlook, the target and whether the outlook meets it. */
static void data_table(ps_doc *doc, const ps_trend *t)
{
    const ps_plan *plan = t->plan;
    ps_doc_column cols[PS_TREND_MAX_PERIODS + 6];
    size_t n = 0;
    cols[n++] = (ps_doc_column){ps_cell_words("id"), 0};
    cols[n++] = (ps_doc_column){ps_cell_words("name"), 0};
    for (size_t k = 0; k < t->count; k++)
        cols[n++] = (ps_doc_column){ps_cell_text(t->points[k].period), 0};
    cols[n++] = (ps_doc_column){ps_cell_words("outlook"), 0};
    cols[n++] = (ps_doc_column){ps_cell_words("target_op"), 0};
    cols[n++] = (ps_doc_column){ps_cell_words("target_value"), 0};
    cols[n++] = (ps_doc_column){ps_cell_words("outlook_met"), 0};
    ps_doc_table *tab = ps_doc_table_new(doc, cols, n);
    for (size_t i = 0; tab && i < plan->count; i++) {
        const ps_indicator *ind = &plan->items[i];
        ps_doc_row *row = ps_doc_add_row(doc, tab);
        if (!row)
            return;
        ps_cell *c = row->cells;
        size_t at = 0;
        c[at++] = ps_cell_text(ind->id);
        c[at++] = ps_cell_text(doc->lang == PS_LANG_EN && ind->name_en ? ind->name_en : ind->name);
        for (size_t k = 0; k < t->count; k++) {
            const ps_line *l = &t->points[k].result.lines[i];
            c[at++] = ps_cell_number(l->has_score, l->score, 0);
        }
        c[at++] = ps_cell_number(t->has_outlook[i], t->outlook[i], 0);
        c[at++] = !ind->has_target ? ps_cell_none() : ps_cell_words(ind->target.op == PS_OP_GT ? ">" : ">=");
        c[at++] = ps_cell_number(ind->has_target, ind->target.value, 0);
        c[at++] = ps_cell_verdict(t->outlook_met[i]);
    }
    doc->data = tab;
}

ps_status ps_content_trend(ps_doc *doc, const ps_trend *t)
{
    const ps_plan *plan = t->plan;
    ps_cell title[] = {plan->unit ? ps_cell_text(plan->unit) : ps_cell_words("PAR INDEX"),
                       ps_cell_integer((long long)t->count)};
    ps_doc_begin(doc, 1, ps_doc_phrase(doc, PS_L_TREND_TITLE, title, 2));
    ps_doc_sheet(doc, PS_L_XLSX_SHEET_TREND);
    ps_doc_begin(doc, 2, ps_cell_none());
    table(doc, t);
    ps_doc_begin(doc, 2, ps_cell_none());
    ps_label note = PS_L_TREND_NOTE;
    if (t->outlook_state == PS_OUTLOOK_TOO_FEW)
        note = PS_L_TREND_TOO_FEW;
    else if (t->outlook_state == PS_OUTLOOK_NO_QUARTER)
        note = PS_L_TREND_NO_PERIOD;
    ps_doc_paragraph(doc, ps_cell_label(doc, note));
    data_table(doc, t);
    return doc->failed ? PS_ERR_NOMEM : PS_OK;
}
