/* The check's content: one row per checked target (met, missed or not known, with the gap) and a verdict. */
#include "report/content.h"

/* A rank target: the projected rank, "≤ N", and the points still short. */
static void rank_cells(const ps_line *l, ps_cell *cells)
{
    cells[2] = l->has_rank ? ps_cell_rank(l->rank, l->rank_of, 0) : ps_cell_rank(0, 0, 0);
    cells[3] = ps_cell_rank(l->indicator->target_rank, 0, PS_CELL_AT_MOST);
    cells[4] = ps_cell_number(l->has_points_to_target_rank, -l->points_to_target_rank, PS_CELL_PLUS);
}

static void value_cells(const ps_line *l, ps_cell *cells)
{
    cells[2] = ps_cell_number(l->has_score, l->score, 0);
    cells[3] = ps_cell_target(l->indicator);
    cells[4] = ps_cell_number(l->has_gap, l->gap, PS_CELL_PLUS);
}

/* The item's name: its id, "rank" or "rank:ID", copied into the doc. */
static ps_cell id_cell(ps_doc *doc, const ps_check_item *item)
{
    char id[96]; /* ids have at most 64 bytes */
    size_t len = ps_check_item_id(item, id, sizeof id);
    char *copy = ps_doc_strdup(doc, id, len < sizeof id ? len : sizeof id - 1);
    return copy ? ps_cell_text(copy) : ps_cell_none();
}

ps_status ps_content_check(ps_doc *doc, const ps_check *check)
{
    ps_doc_column cols[] = {{ps_cell_label(doc, PS_L_RESULT), 0},
                            {ps_cell_label(doc, PS_L_ID), 0},
                            {ps_cell_label(doc, PS_L_CHECK_SCORE), PS_COL_RIGHT},
                            {ps_cell_label(doc, PS_L_TARGET), PS_COL_RIGHT},
                            {ps_cell_label(doc, PS_L_GAP), PS_COL_RIGHT}};
    ps_doc_sheet(doc, PS_L_XLSX_SHEET_CHECK); /* a workbook's first sheet, before the report's */
    ps_doc_begin(doc, 2, ps_cell_none());
    ps_doc_table *t = ps_doc_table_new(doc, cols, sizeof cols / sizeof cols[0]);
    ps_cell *missed = ps_doc_cells(doc, check->count);
    size_t nmissed = 0;
    for (size_t k = 0; t && missed && k < check->count; k++) {
        const ps_check_item *item = &check->items[k];
        ps_doc_row *row = ps_doc_add_row(doc, t);
        if (!row)
            break;
        static const ps_label words[] = {[PS_CHECK_MET] = PS_L_MET,
                                         [PS_CHECK_MISSED] = PS_L_MISSED,
                                         [PS_CHECK_PARTIAL] = PS_L_CHECK_PARTIAL,
                                         [PS_CHECK_NO_SCORE] = PS_L_CHECK_NO_SCORE};
        ps_check_reason reason = ps_check_item_reason(item);
        bool total = item->line->indicator->kind == PS_KIND_TOTAL;
        ps_cell word = ps_cell_label(doc, reason == PS_CHECK_PARTIAL && !total ? PS_L_CHECK_PARTIAL_ITEM
                                                                               : words[reason]);
        row->cells[0] = ps_cell_toned(word, item->passed ? PS_MET_YES : PS_MET_NO);
        row->cells[1] = id_cell(doc, item);
        if (item->rank)
            rank_cells(item->line, row->cells);
        else
            value_cells(item->line, row->cells);
        if (!item->passed)
            missed[nmissed++] = row->cells[1];
    }
    ps_doc_table_add(doc, t);
    ps_cell args[] = {ps_cell_integer((long long)check->passed), ps_cell_integer((long long)check->count),
                      ps_doc_join(doc, missed, nmissed, ", ")};
    bool all = check->passed == check->count;
    ps_doc_line(doc, ps_doc_phrase(doc, all ? PS_L_CHECK_PASS : PS_L_CHECK_FAIL, args, all ? 2 : 3));
    return doc->failed ? PS_ERR_NOMEM : PS_OK;
}
