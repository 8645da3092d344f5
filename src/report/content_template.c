/* The template's content: one row per scorable id of the plan, to fill in and load back as scores. */
#include "report/content.h"

ps_status ps_content_template(ps_doc *doc, const ps_plan *plan)
{
    /* the scores loader knows every one of these keys: a filled-in template loads without a warning */
    static const char *const keys[] = {"id",    "name",      "max_points", "owners", "points",
                                       "score", "appraised", "evidence",   "note"};
    enum { NKEYS = sizeof keys / sizeof keys[0] };
    ps_doc_column cols[NKEYS];
    for (size_t k = 0; k < NKEYS; k++)
        cols[k] = (ps_doc_column){ps_cell_words(keys[k]), 0};
    ps_doc_table *t = ps_doc_table_new(doc, cols, NKEYS);
    for (size_t i = 0; t && i < plan->count; i++) {
        const ps_indicator *ind = &plan->items[i];
        if (ind->kind == PS_KIND_TOTAL || ind->child_count > 0) /* computed, not scored */
            continue;
        ps_doc_row *row = ps_doc_add_row(doc, t);
        ps_cell *owners = row ? ps_doc_cells(doc, ind->owner_count) : NULL;
        if (!owners)
            break;
        for (size_t k = 0; k < ind->owner_count; k++)
            owners[k] = ps_cell_text(ind->owners[k]);
        row->cells[0] = ps_cell_text(ind->id);
        row->cells[1] = ps_cell_text(doc->lang == PS_LANG_EN && ind->name_en ? ind->name_en : ind->name);
        row->cells[2] = ps_cell_number(ind->has_max_points, ind->max_points, PS_CELL_SHORT);
        row->cells[3] = ind->owner_count ? ps_doc_join(doc, owners, ind->owner_count, "; ") : ps_cell_none();
    }
    doc->data = t;
    return doc->failed || !t ? PS_ERR_NOMEM : PS_OK;
}
