/* The report's content: every section of the report, and its flat data table, built from the result. */
#include <string.h>

#include "report/content.h"

typedef struct {
    ps_doc *doc;
    const ps_plan *plan;
    const ps_result *result;
    const ps_report_options *opt;
} builder;

static ps_cell label(const builder *b, ps_label l)
{
    return ps_cell_label(b->doc, l);
}

static ps_cell phrase(const builder *b, ps_label l, const ps_cell *args, size_t count)
{
    return ps_doc_phrase(b->doc, l, args, count);
}

/* A fact of the plan (a year), or the word that stands in for it when the plan does not say. */
static ps_cell fact_or_word(const builder *b, const char *fact, ps_label word)
{
    return fact ? ps_cell_text(fact) : label(b, word);
}

static const char *name_of(const builder *b, const ps_indicator *ind)
{
    return b->opt->lang == PS_LANG_EN && ind->name_en ? ind->name_en : ind->name;
}

/* Texts joined with sep into one cell; NONE for an empty list. */
static ps_cell text_list(const builder *b, const char *const *texts, size_t n, const char *sep)
{
    ps_cell *cells = n ? ps_doc_cells(b->doc, n) : NULL;
    if (!cells)
        return ps_cell_none();
    for (size_t k = 0; k < n; k++)
        cells[k] = ps_cell_text(texts[k]);
    return ps_doc_join(b->doc, cells, n, sep);
}

static ps_cell owners_of(const builder *b, const ps_indicator *ind)
{
    return text_list(b, (const char *const *)ind->owners, ind->owner_count, "; ");
}

/* The ids of the criteria left out of a partial total. */
static ps_cell missing_ids(const builder *b, const char *sep)
{
    const ps_result *r = b->result;
    ps_cell *cells = r->missing_count ? ps_doc_cells(b->doc, r->missing_count) : NULL;
    if (!cells)
        return ps_cell_none();
    for (size_t k = 0; k < r->missing_count; k++)
        cells[k] = ps_cell_text(r->missing[k]->id);
    return ps_doc_join(b->doc, cells, r->missing_count, sep);
}

static const ps_line *total_line(const ps_result *r)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->lines[i].indicator->kind == PS_KIND_TOTAL)
            return &r->lines[i];
    return NULL;
}

static bool is_kpi(const ps_line *l)
{
    return l->indicator->kind == PS_KIND_KPI;
}

/* ---- the title and the sources ---- */

ps_cell ps_content_title(ps_doc *doc, const ps_plan *plan, const ps_result *result)
{
    ps_cell unit = plan->unit ? ps_cell_text(plan->unit) : ps_cell_words("PAR INDEX");
    ps_cell parts[2];
    size_t n = 0;
    if (!plan->year || !plan->baseline_year) /* a plan without its years: say less rather than wrong */
        parts[n++] = unit;
    else if (result->has_scores)
        parts[n++] = ps_doc_phrase(doc, PS_L_TITLE_SCORES, (ps_cell[]){unit, ps_cell_text(plan->year)}, 2);
    else
        parts[n++] =
            ps_doc_phrase(doc, PS_L_TITLE_PLAN,
                          (ps_cell[]){unit, ps_cell_text(plan->baseline_year), ps_cell_text(plan->year)}, 3);
    if (result->has_scores && result->period)
        parts[n++] = ps_doc_phrase(doc, PS_L_PERIOD, (ps_cell[]){ps_cell_text(result->period)}, 1);
    return ps_doc_join(doc, parts, n, "");
}

static void heading(const builder *b)
{
    ps_doc_begin(b->doc, 1, ps_content_title(b->doc, b->plan, b->result));
    ps_doc_line(b->doc, phrase(b, PS_L_SOURCE_PLAN, (ps_cell[]){ps_cell_text(b->plan->source)}, 1));
    if (b->result->has_scores && b->opt->scores_source)
        ps_doc_line(b->doc,
                    phrase(b, PS_L_SOURCE_SCORES, (ps_cell[]){ps_cell_text(b->opt->scores_source)}, 1));
}

/* ---- the indicators ---- */

static size_t main_columns(const builder *b, bool kpis, ps_doc_column *cols)
{
    ps_cell baseline = fact_or_word(b, b->plan->baseline_year, PS_L_BASELINE_WORD);
    ps_cell year = fact_or_word(b, b->plan->year, PS_L_YEAR_WORD);
    size_t n = 0;
    cols[n++] = (ps_doc_column){label(b, PS_L_ID), 0};
    cols[n++] = (ps_doc_column){label(b, PS_L_NAME), PS_COL_WRAP};
    if (!b->result->has_scores && kpis) {
        cols[n++] = (ps_doc_column){label(b, PS_L_TARGET), PS_COL_RIGHT};
    } else if (!b->result->has_scores) {
        cols[n++] = (ps_doc_column){baseline, PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_RANK), PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_TARGET), PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_TARGET_RANK), PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_NEED), PS_COL_RIGHT};
    } else if (kpis) {
        cols[n++] = (ps_doc_column){year, PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_TARGET), PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_GAP), PS_COL_RIGHT};
    } else {
        cols[n++] = (ps_doc_column){baseline, PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){year, PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_CHANGE), PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_TARGET), PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_GAP), PS_COL_RIGHT};
    }
    cols[n++] = (ps_doc_column){label(b, PS_L_RESULT), 0};
    cols[n++] = (ps_doc_column){label(b, PS_L_OWNERS), PS_COL_NOTE};
    return n;
}

static void main_cells(const builder *b, const ps_line *l, ps_cell *cells)
{
    const ps_indicator *ind = l->indicator;
    size_t k = 0;
    cells[k++] = ps_cell_text(ind->id);
    cells[k++] = ps_cell_text(name_of(b, ind));
    if (!b->result->has_scores && is_kpi(l)) {
        cells[k++] = ps_cell_target(ind);
    } else if (!b->result->has_scores) {
        cells[k++] = ps_cell_number(ind->has_baseline, ind->baseline, 0);
        cells[k++] = ps_cell_rank(ind->baseline_rank, 0, 0);
        cells[k++] = ps_cell_target(ind);
        cells[k++] = ps_cell_rank(ind->target_rank, 0, 0);
        cells[k++] = ps_cell_number(l->has_need, l->need, 0);
    } else if (is_kpi(l)) {
        cells[k++] = ps_cell_number(l->has_score, l->score, 0);
        cells[k++] = ps_cell_target(ind);
        cells[k++] = ps_cell_number(l->has_gap, l->gap, PS_CELL_PLUS);
    } else {
        cells[k++] = ps_cell_number(ind->has_baseline, ind->baseline, 0);
        cells[k++] = ps_cell_number(l->has_score, l->score, 0);
        cells[k++] = ps_cell_number(l->has_change, l->change, PS_CELL_PLUS);
        cells[k++] = ps_cell_target(ind);
        cells[k++] = ps_cell_number(l->has_gap, l->gap, PS_CELL_PLUS);
    }
    cells[k++] = ps_cell_verdict(l->met);
    cells[k++] = owners_of(b, ind);
}

/* Why the total is partial or missing: the criteria without a score. */
static ps_cell missing_note(const builder *b)
{
    const ps_result *r = b->result;
    if (r->missing_count == r->max_points_count)
        return label(b, PS_L_NO_CRITERIA);
    ps_cell list = missing_ids(b, ", ");
    return phrase(b, b->result->has_subs ? PS_L_PARTIAL_ITEMS : PS_L_PARTIAL, &list, 1);
}

static void main_table(const builder *b, bool kpis)
{
    ps_doc_column cols[16];
    size_t ncols = main_columns(b, kpis, cols);
    ps_doc_table *t = ps_doc_table_new(b->doc, cols, ncols);
    for (size_t i = 0; t && i < b->result->count; i++) {
        const ps_line *l = &b->result->lines[i];
        if (is_kpi(l) != kpis || l->indicator->depth > 0) /* sub rows have a section of their own */
            continue;
        ps_doc_row *row = ps_doc_add_row(b->doc, t);
        if (!row)
            return;
        main_cells(b, l, row->cells);
        if (l->indicator->kind == PS_KIND_TOTAL)
            row->flags |= PS_ROW_STRONG;
        if (b->result->has_scores && l->indicator->kind == PS_KIND_TOTAL && (l->partial || !l->has_score))
            row->note = missing_note(b);
        if (l->not_applicable && l->indicator->kind == PS_KIND_CRITERION)
            row->note = label(b, PS_L_NA_CRITERION);
    }
    ps_doc_table_add(b->doc, t);
}

static void tables(const builder *b)
{
    ps_doc_begin(b->doc, 2, ps_cell_none());
    main_table(b, false);
    bool any_kpi = false;
    for (size_t i = 0; i < b->result->count; i++)
        any_kpi = any_kpi || is_kpi(&b->result->lines[i]);
    if (any_kpi) {
        ps_doc_sheet(b->doc, PS_L_XLSX_SHEET_KPI);
        ps_doc_begin(b->doc, 2, label(b, PS_L_KPI_TITLE));
        main_table(b, true);
    }
}

/* ---- by office ---- */

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

/* True when no earlier item, nor an earlier owner of the same item, names this office. */
static bool first_naming(const ps_plan *plan, size_t item, size_t owner)
{
    const char *name = plan->items[item].owners[owner];
    for (size_t i = 0; i < item; i++)
        if (owns(&plan->items[i], name))
            return false;
    for (size_t k = 0; k < owner; k++)
        if (strcmp(plan->items[item].owners[k], name) == 0)
            return false;
    return true;
}

/* One office's indicators (owner NULL: those without an office), then how many of its targets are met. */
static void one_owner(const builder *b, const char *owner)
{
    const ps_result *r = b->result;
    /* the plan view shows the baseline where a report shows the score */
    const char *year = r->has_scores ? b->plan->year : b->plan->baseline_year;
    ps_doc_begin(b->doc, 2, owner ? ps_cell_text(owner) : label(b, PS_L_NO_OWNER));
    ps_doc_column cols[] = {{label(b, PS_L_ID), 0},
                            {label(b, PS_L_NAME), PS_COL_WRAP},
                            {year ? ps_cell_text(year) : ps_cell_words("%"), PS_COL_RIGHT},
                            {label(b, PS_L_TARGET), PS_COL_RIGHT},
                            {label(b, PS_L_GAP), PS_COL_RIGHT},
                            {label(b, PS_L_RESULT), 0}};
    ps_doc_table *t = ps_doc_table_new(b->doc, cols, sizeof cols / sizeof cols[0]);
    long long targets = 0, met = 0;
    for (size_t i = 0; t && i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        const ps_indicator *ind = l->indicator;
        ps_doc_row *row = owns(ind, owner) ? ps_doc_add_row(b->doc, t) : NULL;
        if (!row)
            continue;
        bool has = r->has_scores ? l->has_score : ind->has_baseline;
        ps_num value = r->has_scores ? l->score : ind->baseline;
        row->cells[0] = ps_cell_text(ind->id);
        row->cells[1] = ps_cell_text(name_of(b, ind));
        row->cells[2] = ps_cell_number(has, value, 0);
        row->cells[3] = ps_cell_target(ind);
        row->cells[4] = ps_cell_number(has && ind->has_target, value - ind->target.value, PS_CELL_PLUS);
        row->cells[5] = ps_cell_verdict(l->met);
        targets += l->met != PS_MET_NO_TARGET;
        met += l->met == PS_MET_YES;
    }
    ps_doc_table_add(b->doc, t);
    ps_doc_line(b->doc, phrase(b, PS_L_OWNER_SUMMARY,
                               (ps_cell[]){ps_cell_integer(met), ps_cell_integer(targets)}, 2));
}

static void by_owner(const builder *b)
{
    const ps_plan *plan = b->plan;
    bool unowned = false;
    for (size_t i = 0; i < plan->count; i++) {
        for (size_t k = 0; k < plan->items[i].owner_count; k++)
            if (first_naming(plan, i, k))
                one_owner(b, plan->items[i].owners[k]);
        unowned = unowned || plan->items[i].owner_count == 0;
    }
    if (unowned)
        one_owner(b, NULL);
}

/* ---- sub-criteria, where the points are lost, the appraisal ---- */

/* The flags of a line in words, joined; NONE when it has none. */
static ps_cell flags_cell(const builder *b, unsigned flags)
{
    static const struct {
        unsigned flag;
        ps_label word;
    } words[] = {{PS_FLAG_NOT_APPLICABLE, PS_L_FLAG_NOT_APPLICABLE},
                 {PS_FLAG_NO_SCORE, PS_L_FLAG_NO_SCORE},
                 {PS_FLAG_ZERO, PS_L_FLAG_ZERO},
                 {PS_FLAG_LOW, PS_L_FLAG_LOW},
                 {PS_FLAG_NO_EVIDENCE, PS_L_FLAG_NO_EVIDENCE}};
    ps_cell cells[sizeof words / sizeof words[0]];
    size_t n = 0;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (flags & words[k].flag)
            cells[n++] = label(b, words[k].word);
    return n ? ps_doc_join(b->doc, cells, n, "; ") : ps_cell_none();
}

static void sub_row(const builder *b, ps_doc_table *t, const ps_line *l)
{
    const ps_indicator *ind = l->indicator;
    ps_doc_row *row = ps_doc_add_row(b->doc, t);
    if (!row)
        return;
    row->indent = ind->depth;
    ps_cell *c = row->cells;
    size_t k = 0;
    c[k++] = ps_cell_text(ind->id);
    c[k++] = ps_cell_text(name_of(b, ind));
    c[k++] = ps_cell_number(l->has_points, l->points, 0);
    /* what applies: points / max is then its percent (a row partly not applicable has less than its plan max)
     */
    c[k++] = ps_cell_number(ind->has_max_points, l->not_applicable ? ind->max_points : l->applicable_max,
                            PS_CELL_SHORT);
    c[k++] = ps_cell_number(l->has_score, l->score, 0);
    if (b->result->has_appraised) {
        c[k++] = ps_cell_number(l->has_self && ind->has_max_points, l->self_points, 0);
        c[k++] = l->scored ? ps_cell_number(l->has_appraised, l->appraised_points, 0) : ps_cell_none();
    }
    c[k++] = ps_cell_toned(flags_cell(b, l->flags),
                           l->flags & (PS_FLAG_ZERO | PS_FLAG_NO_EVIDENCE) ? PS_MET_NO : PS_MET_NO_TARGET);
    c[k++] = owners_of(b, ind);
    c[k++] = l->evidence ? ps_cell_text(l->evidence) : ps_cell_none();
    c[k++] = l->note ? ps_cell_text(l->note) : ps_cell_none();
}

/* The rows under item, depth first, each after its parent. */
static void sub_rows_under(const builder *b, ps_doc_table *t, size_t item)
{
    const ps_result *r = b->result;
    for (size_t i = 0; i < r->count; i++) {
        if (r->lines[i].indicator->parent != (long)item)
            continue;
        sub_row(b, t, &r->lines[i]);
        sub_rows_under(b, t, i);
    }
}

/* Under each criterion its sub-criteria, indented by depth: points / max, percent, both views, flags. */
static void sub_criteria(const builder *b)
{
    const ps_result *r = b->result;
    ps_doc_sheet(b->doc, PS_L_XLSX_SHEET_SUBS); /* in a workbook, with where the points are lost */
    ps_doc_begin(b->doc, 2, label(b, PS_L_SUB_TITLE));
    ps_doc_column cols[11];
    size_t n = 0;
    cols[n++] = (ps_doc_column){label(b, PS_L_ID), 0};
    cols[n++] = (ps_doc_column){label(b, PS_L_NAME), PS_COL_WRAP};
    cols[n++] = (ps_doc_column){label(b, PS_L_POINTS), PS_COL_RIGHT};
    cols[n++] = (ps_doc_column){label(b, PS_L_MAX_SHORT), PS_COL_RIGHT};
    cols[n++] = (ps_doc_column){label(b, PS_L_PERCENT), PS_COL_RIGHT};
    if (r->has_appraised) {
        cols[n++] = (ps_doc_column){label(b, PS_L_SELF), PS_COL_RIGHT};
        cols[n++] = (ps_doc_column){label(b, PS_L_APPRAISED), PS_COL_RIGHT};
    }
    cols[n++] = (ps_doc_column){label(b, PS_L_FLAGS), 0};
    cols[n++] = (ps_doc_column){label(b, PS_L_OWNERS), PS_COL_NOTE};
    cols[n++] = (ps_doc_column){label(b, PS_L_EVIDENCE), PS_COL_NOTE};
    cols[n++] = (ps_doc_column){label(b, PS_L_NOTE), PS_COL_NOTE};
    ps_doc_table *t = ps_doc_table_new(b->doc, cols, n);
    for (size_t i = 0; t && i < r->count; i++) {
        if (r->lines[i].indicator->depth != 0 || r->lines[i].indicator->child_count == 0)
            continue;
        sub_row(b, t, &r->lines[i]);
        sub_rows_under(b, t, i);
    }
    ps_doc_table_add(b->doc, t);
    if (r->has_appraised)
        ps_doc_line(b->doc, label(b, PS_L_POINTS_SOURCE));
}

#define LOST_SHOWN 10 /* the people's layouts list the largest; the JSON has them all */

/* Where the points are lost: the scored items by what full marks would add to the total. */
static void points_lost(const builder *b)
{
    const ps_result *r = b->result;
    if (r->points_lost_count == 0)
        return;
    size_t shown = r->points_lost_count < LOST_SHOWN ? r->points_lost_count : LOST_SHOWN;
    ps_doc_begin(b->doc, 2, label(b, PS_L_LOST_TITLE));
    ps_cell count = ps_cell_integer((long long)shown);
    ps_doc_line(b->doc, phrase(b, PS_L_LOST_INTRO, &count, 1));
    ps_doc_column cols[] = {{label(b, PS_L_ID), 0},
                            {label(b, PS_L_NAME), PS_COL_WRAP},
                            {label(b, PS_L_LOST), PS_COL_RIGHT},
                            {label(b, PS_L_TOTAL_GAIN), PS_COL_RIGHT},
                            {label(b, PS_L_OWNERS), PS_COL_NOTE}};
    ps_doc_table *t = ps_doc_table_new(b->doc, cols, sizeof cols / sizeof cols[0]);
    for (size_t k = 0; t && k < shown; k++) {
        const ps_line *l = r->points_lost[k];
        ps_doc_row *row = ps_doc_add_row(b->doc, t);
        if (!row)
            return;
        row->cells[0] = ps_cell_text(l->indicator->id);
        row->cells[1] = ps_cell_text(name_of(b, l->indicator));
        row->cells[2] = ps_cell_number(true, l->lost_points, 0);
        row->cells[3] = ps_cell_number(true, l->total_effect, PS_CELL_PLUS);
        row->cells[4] = owners_of(b, l->indicator);
    }
    ps_doc_table_add(b->doc, t);
}

/* The appraisal: the total both ways, and what it cut, most first. */
static void appraisal(const builder *b)
{
    const ps_result *r = b->result;
    const ps_line *total = total_line(r);
    ps_doc_sheet(b->doc, PS_L_XLSX_SHEET_APPRAISAL);
    ps_doc_begin(b->doc, 2, label(b, PS_L_APPRAISAL_TITLE));
    if (total) {
        bool both = total->has_self && total->has_score;
        ps_cell args[] = {ps_cell_number(total->has_self, total->self_score, 0),
                          ps_cell_number(total->has_score, total->score, 0),
                          ps_cell_number(both, total->score - total->self_score, PS_CELL_PLUS)};
        ps_doc_line(b->doc, phrase(b, PS_L_APPRAISAL_TOTALS, args, 3));
    }
    if (r->cut_count == 0) {
        ps_doc_line(b->doc, label(b, PS_L_NO_CUTS));
        return;
    }
    ps_doc_line(b->doc, label(b, PS_L_APPRAISAL_CUTS));
    ps_doc_column cols[] = {{label(b, PS_L_ID), 0},
                            {label(b, PS_L_NAME), PS_COL_WRAP},
                            {label(b, PS_L_SELF), PS_COL_RIGHT},
                            {label(b, PS_L_APPRAISED), PS_COL_RIGHT},
                            {label(b, PS_L_CUT), PS_COL_RIGHT},
                            {label(b, PS_L_EVIDENCE), PS_COL_NOTE}};
    ps_doc_table *t = ps_doc_table_new(b->doc, cols, sizeof cols / sizeof cols[0]);
    for (size_t k = 0; t && k < r->cut_count; k++) {
        const ps_line *l = r->cuts[k];
        ps_doc_row *row = ps_doc_add_row(b->doc, t);
        if (!row)
            return;
        row->cells[0] = ps_cell_text(l->indicator->id);
        row->cells[1] = ps_cell_text(name_of(b, l->indicator));
        row->cells[2] = ps_cell_number(true, l->self_points, 0);
        row->cells[3] = ps_cell_number(true, l->appraised_points, 0);
        row->cells[4] = ps_cell_number(true, l->appraised_points - l->self_points, PS_CELL_PLUS);
        row->cells[5] = l->evidence ? ps_cell_text(l->evidence) : ps_cell_none();
    }
    ps_doc_table_add(b->doc, t);
}

/* ---- the projected ranks ---- */

static void ranking(const builder *b)
{
    const ps_result *r = b->result;
    const ps_line *total = total_line(r);
    ps_cell title[] = {ps_cell_integer(total && total->rank_of > 0 ? total->rank_of : 0),
                       ps_cell_text(r->peers_source)};
    ps_doc_sheet(b->doc, PS_L_XLSX_SHEET_RANKING);
    ps_doc_begin(b->doc, 2, phrase(b, PS_L_RANK_TITLE, title, 2));
    ps_cell change = ps_cell_number(true, r->peer_change, PS_CELL_PLUS);
    ps_doc_paragraph(b->doc,
                     r->peer_change != 0 ? phrase(b, PS_L_ASSUME_SHIFT, &change, 1) : label(b, PS_L_ASSUME));
    if (!r->rank_targets_judged) {
        ps_cell units[] = {ps_cell_integer((long)r->peer_units), ps_cell_integer(r->plan_units)};
        ps_doc_paragraph(b->doc, phrase(b, PS_L_RANK_NOT_JUDGED, units, 2));
    }
    ps_cell base_year = ps_cell_text(b->plan->baseline_year);
    ps_doc_column cols[] = {{label(b, PS_L_ID), 0},
                            {phrase(b, PS_L_RANK_BASE, &base_year, 1), PS_COL_RIGHT},
                            {label(b, PS_L_RANK_NOW), PS_COL_RIGHT},
                            {label(b, PS_L_TARGET), PS_COL_RIGHT},
                            {label(b, PS_L_STILL_NEEDED), PS_COL_RIGHT},
                            {label(b, PS_L_RESULT), 0}};
    ps_doc_table *t = ps_doc_table_new(b->doc, cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; t && i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        ps_doc_row *row = l->has_rank || l->rank_met != PS_MET_NO_TARGET ? ps_doc_add_row(b->doc, t) : NULL;
        if (!row)
            continue;
        row->cells[0] = ps_cell_text(l->indicator->id);
        row->cells[1] = ps_cell_rank(l->indicator->baseline_rank, 0, 0);
        row->cells[2] = l->has_rank ? ps_cell_rank(l->rank, l->rank_of, 0) : ps_cell_rank(0, 0, 0);
        row->cells[3] = ps_cell_rank(l->indicator->target_rank, 0, PS_CELL_AT_MOST);
        row->cells[4] = ps_cell_number(l->has_points_to_target_rank, l->points_to_target_rank, 0);
        row->cells[5] = ps_cell_verdict(l->rank_met);
        if (l->indicator->kind == PS_KIND_TOTAL)
            row->flags |= PS_ROW_STRONG;
    }
    ps_doc_table_add(b->doc, t);
}

/* ---- what the total still needs ---- */

static void total_needs(const builder *b, const ps_line *total)
{
    const ps_indicator *ind = total->indicator;
    if (total->has_points_to_target_rank && total->points_to_target_rank == 0) {
        ps_cell rank = ps_cell_integer(ind->target_rank);
        ps_doc_paragraph(b->doc, phrase(b, PS_L_RANK_HELD, &rank, 1));
    } else if (total->has_points_to_target_rank) {
        ps_cell args[] = {ps_cell_integer(ind->target_rank),
                          ps_cell_number(true, total->points_to_target_rank, 0),
                          ps_cell_text(total->rank_holder ? total->rank_holder : "?"),
                          ps_cell_number(true, total->rank_holder_value, 0)};
        ps_doc_paragraph(b->doc, phrase(b, PS_L_RANK_NEED, args, 4));
    }
    if (b->result->has_to_target) {
        ps_cell args[] = {ps_cell_target(ind), ps_cell_number(true, b->result->to_target, 0)};
        ps_label l = b->result->to_target == 0 ? PS_L_TARGET_MET : PS_L_TARGET_NEED;
        ps_doc_paragraph(b->doc, phrase(b, l, args, 2));
    }
}

static ps_cell lever_cell(const builder *b, bool has, ps_num need, bool alone)
{
    ps_cell number = ps_cell_number(has, need, need > 0 ? PS_CELL_PLUS : 0);
    if (!has || alone)
        return number;
    return phrase(b, PS_L_NOT_ALONE_CELL, &number, 1);
}

static void levers(const builder *b, bool rank_gap, bool target_gap)
{
    const ps_result *r = b->result;
    ps_doc_column cols[6];
    size_t ncols = 0;
    cols[ncols++] = (ps_doc_column){label(b, PS_L_ID), 0};
    cols[ncols++] = (ps_doc_column){label(b, PS_L_MAX), PS_COL_RIGHT};
    cols[ncols++] = (ps_doc_column){fact_or_word(b, b->plan->year, PS_L_NAME), PS_COL_RIGHT};
    cols[ncols++] = (ps_doc_column){label(b, PS_L_HEADROOM), PS_COL_RIGHT};
    if (rank_gap)
        cols[ncols++] = (ps_doc_column){label(b, PS_L_FOR_RANK), PS_COL_RIGHT};
    if (target_gap)
        cols[ncols++] = (ps_doc_column){label(b, PS_L_FOR_TARGET), PS_COL_RIGHT};
    ps_doc_table *t = ps_doc_table_new(b->doc, cols, ncols);
    for (size_t k = 0; t && k < r->lever_count; k++) {
        const ps_lever *lv = &r->levers[k];
        ps_doc_row *row = ps_doc_add_row(b->doc, t);
        if (!row)
            return;
        size_t at = 0;
        row->cells[at++] = ps_cell_text(lv->indicator->id);
        row->cells[at++] = ps_cell_number(true, lv->indicator->max_points, PS_CELL_SHORT);
        row->cells[at++] = ps_cell_number(true, 100 * PS_NUM_SCALE - lv->headroom, 0);
        row->cells[at++] = ps_cell_number(true, lv->headroom, 0);
        if (rank_gap)
            row->cells[at++] = lever_cell(b, lv->has_for_rank, lv->for_rank, lv->alone_for_rank);
        if (target_gap)
            row->cells[at++] = lever_cell(b, lv->has_for_target, lv->for_target, lv->alone_for_target);
    }
    ps_doc_table_add(b->doc, t);
}

static void what_it_takes(const builder *b)
{
    const ps_result *r = b->result;
    const ps_line *total = total_line(r);
    if (!total || r->lever_count == 0)
        return;
    /* in a workbook: beside the ranking when there is one, else under the report */
    ps_doc_sheet(b->doc, r->ranked ? PS_L_XLSX_SHEET_RANKING : PS_L_XLSX_SHEET_REPORT);
    ps_doc_begin(b->doc, 2, label(b, PS_L_TAKES_TITLE));
    total_needs(b, total);
    bool rank_gap = total->has_points_to_target_rank && total->points_to_target_rank > 0;
    bool target_gap = r->has_to_target && r->to_target > 0;
    if (!rank_gap && !target_gap)
        return;
    ps_doc_line(b->doc, label(b, PS_L_LEVER_TITLE));
    levers(b, rank_gap, target_gap);
}

/* ---- the summary and the notes ---- */

static void summary(const builder *b)
{
    const ps_result *r = b->result;
    ps_cell base = fact_or_word(b, b->plan->baseline_year, PS_L_BASELINE_WORD);
    ps_cell year = fact_or_word(b, b->plan->year, PS_L_YEAR_WORD);
    ps_cell met = ps_cell_integer((long long)r->met), targets = ps_cell_integer((long long)r->targets);
    ps_cell unknown = ps_cell_integer((long long)r->unknown);
    ps_doc_sheet(b->doc, PS_L_XLSX_SHEET_REPORT);
    ps_doc_begin(b->doc, 2, ps_cell_none());
    if (r->has_scores && r->unknown > 0)
        ps_doc_line(b->doc, phrase(b, PS_L_SUMMARY_UNKNOWN, (ps_cell[]){met, targets, unknown}, 3));
    else if (r->has_scores)
        ps_doc_line(b->doc, phrase(b, PS_L_SUMMARY, (ps_cell[]){met, targets}, 2));
    else if (r->unknown > 0)
        ps_doc_line(b->doc,
                    phrase(b, PS_L_SUMMARY_PLAN_UNKNOWN, (ps_cell[]){base, met, targets, year, unknown}, 5));
    else
        ps_doc_line(b->doc, phrase(b, PS_L_SUMMARY_PLAN, (ps_cell[]){base, met, targets, year}, 4));
    if (!r->has_scores)
        ps_doc_line(b->doc, label(b, PS_L_NEED_NOTE));
}

/* The plan's coherence: the total when every criterion lands exactly on its target. */
static void coherence(const builder *b)
{
    const ps_result *r = b->result;
    const ps_line *total = total_line(r);
    if (!r->has_total_at_targets || !total || !total->indicator->has_target)
        return;
    bool agrees = ps_target_met(&total->indicator->target, r->total_at_targets);
    ps_cell args[] = {ps_cell_number(true, r->total_at_targets, 0), ps_cell_target(total->indicator)};
    ps_doc_paragraph(b->doc, phrase(b, agrees ? PS_L_COHERENT : PS_L_INCOHERENT, args, 2));
}

ps_cell ps_content_max_points(ps_doc *doc, const ps_plan *plan)
{
    ps_cell *items = ps_doc_cells(doc, plan->count);
    size_t n = 0;
    for (size_t i = 0; items && i < plan->count; i++) {
        const ps_indicator *ind = &plan->items[i];
        if (!ind->has_max_points || ind->depth > 0) /* a sub row's are in its criterion's */
            continue;
        ps_cell pair[] = {ps_cell_text(ind->id), ps_cell_number(true, ind->max_points, PS_CELL_SHORT)};
        items[n++] = ps_doc_join(doc, pair, 2, ": ");
    }
    return ps_doc_join(doc, items, n, "; ");
}

bool ps_content_charted(const ps_line *line)
{
    return line->indicator->kind != PS_KIND_KPI && line->indicator->depth == 0;
}

void ps_content_illustrative(ps_doc *doc, const ps_plan *plan)
{
    if (!plan->illustrative_max && !plan->illustrative_subs)
        return;
    ps_doc_section *note = ps_doc_begin(doc, 2, ps_cell_none());
    if (note) /* a workbook says it under every sheet, wherever a total shows */
        note->every_sheet = true;
    if (plan->illustrative_max) {
        ps_cell list = ps_content_max_points(doc, plan);
        ps_doc_paragraph(doc, ps_doc_phrase(doc, PS_L_ILLUSTRATIVE, &list, 1));
    }
    if (plan->illustrative_subs && plan->sub_count > 0)
        ps_doc_paragraph(doc, ps_cell_label(doc, PS_L_SUB_ILLUSTRATIVE));
}

/* ---- the data table: stable snake_case keys, as in the JSON report; new columns only at the end ---- */

/* The data table's columns for sub-criteria and the appraisal, after the ones it always had. */
static void data_hierarchy(const builder *b, const ps_line *l, ps_cell *c)
{
    static const char *const flag_keys[] = {"zero", "low", "no_evidence", "not_applicable", "no_score"};
    const ps_indicator *ind = l->indicator;
    bool scores = b->result->has_scores, weighed = ind->has_max_points;
    size_t k = 0;
    c[k++] = ind->parent >= 0 ? ps_cell_text(b->plan->items[ind->parent].id) : ps_cell_none();
    c[k++] = ps_cell_integer(ind->depth);
    c[k++] = ps_cell_number(scores && l->has_self && weighed, l->self_points, 0);
    c[k++] = ps_cell_number(l->has_appraised, l->appraised_points, 0);
    c[k++] = ps_cell_bool(scores, !l->not_applicable);
    ps_cell flags[5];
    size_t n = 0;
    for (size_t f = 0; f < 5; f++)
        if (l->flags & (1u << f))
            flags[n++] = ps_cell_words(flag_keys[f]);
    c[k++] = n ? ps_doc_join(b->doc, flags, n, " ") : ps_cell_none();
    c[k++] = l->evidence ? ps_cell_text(l->evidence) : ps_cell_none();
    c[k++] = l->note ? ps_cell_text(l->note) : ps_cell_none();
    c[k++] = ps_cell_number(l->has_lost, l->lost_points, 0);
    c[k++] = ps_cell_number(l->has_lost, l->total_effect, 0);
}

static void data_table(const builder *b)
{
    /* clang-format off */
    static const char *const keys[] = {
        "id", "kind", "name", "owners", "max_points", "baseline", "baseline_rank", "score", "points", "change",
        "target_op", "target_value", "target_rank", "gap", "met", "rank", "rank_of", "points_to_target_rank",
        "rank_met", "need", "partial", "missing", "parent", "depth", "self_points", "appraised_points",
        "applicable", "flags", "evidence", "note", "lost_points", "total_effect"};
    /* clang-format on */
    enum { NKEYS = sizeof keys / sizeof keys[0] };
    ps_doc_column cols[NKEYS];
    for (size_t k = 0; k < NKEYS; k++)
        cols[k] = (ps_doc_column){ps_cell_words(keys[k]), 0};
    const ps_result *r = b->result;
    ps_doc_table *t = ps_doc_table_new(b->doc, cols, NKEYS);
    for (size_t i = 0; t && i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        const ps_indicator *ind = l->indicator;
        bool total = ind->kind == PS_KIND_TOTAL;
        ps_doc_row *row = ps_doc_add_row(b->doc, t);
        if (!row)
            return;
        ps_cell *c = row->cells;
        size_t k = 0;
        c[k++] = ps_cell_text(ind->id);
        c[k++] = ps_cell_words(ps_kind_key(ind->kind));
        c[k++] = ps_cell_text(name_of(b, ind));
        c[k++] = owners_of(b, ind);
        c[k++] = ps_cell_number(ind->has_max_points, ind->max_points, 0);
        c[k++] = ps_cell_number(ind->has_baseline, ind->baseline, 0);
        c[k++] = ps_cell_rank(ind->baseline_rank, 0, 0);
        c[k++] = ps_cell_number(l->has_score, l->score, 0);
        c[k++] = ps_cell_number(l->has_points, l->points, 0);
        c[k++] = ps_cell_number(l->has_change, l->change, 0);
        c[k++] = !ind->has_target ? ps_cell_none() : ps_cell_words(ind->target.op == PS_OP_GT ? ">" : ">=");
        c[k++] = ps_cell_number(ind->has_target, ind->target.value, 0);
        c[k++] = ps_cell_rank(ind->target_rank, 0, 0);
        c[k++] = ps_cell_number(l->has_gap, l->gap, 0);
        c[k++] = ps_cell_verdict(l->met);
        c[k++] = ps_cell_rank(l->has_rank ? l->rank : 0, 0, 0);
        c[k++] = ps_cell_rank(l->has_rank ? l->rank_of : 0, 0, 0);
        c[k++] = ps_cell_number(l->has_points_to_target_rank, l->points_to_target_rank, 0);
        c[k++] = ps_cell_verdict(l->rank_met);
        c[k++] = ps_cell_number(!r->has_scores && l->has_need, l->need, 0);
        c[k++] = ps_cell_bool(total, r->has_scores && (l->partial || !l->has_score));
        c[k++] = total ? missing_ids(b, " ") : ps_cell_none();
        data_hierarchy(b, l, c + k);
    }
    b->doc->data = t;
}

ps_status ps_content_report(ps_doc *doc, const ps_plan *plan, const ps_result *result,
                            const ps_report_options *options)
{
    builder b = {doc, plan, result, options};
    heading(&b);
    ps_doc_sheet(doc, PS_L_XLSX_SHEET_REPORT);
    if (options->by_owner)
        by_owner(&b);
    else
        tables(&b);
    if (result->has_scores && result->has_subs) {
        sub_criteria(&b);
        points_lost(&b);
    }
    if (result->has_scores && result->has_appraised)
        appraisal(&b);
    if (result->ranked)
        ranking(&b);
    what_it_takes(&b);
    summary(&b);
    coherence(&b);
    ps_content_illustrative(doc, plan);
    data_table(&b);
    return doc->failed ? PS_ERR_NOMEM : PS_OK;
}
