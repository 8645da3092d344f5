/* The workbook reports: the report (after the check, for `check`) and its column chart, the trend and its
 * line chart; each sheet laid out from the report model, each chart drawn from the result as the SVG is. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/parscore.h"
#include "report/content.h"
#include "report/xlsx.h"

#define CHART_ROWS 24     /* rows left free above a chart's table, where the chart stands */
#define CHART_X_SCALE 2.0 /* the chart's size: twice and 1.6 times libxlsxwriter's 480 × 288 pixels */
#define CHART_Y_SCALE 1.6

/* The SVG chart's colours (RGB), and the trend's line. */
#define COLOR_LINE 0x1F4E79
#define COLOR_BASELINE 0x8FA9C4
#define COLOR_MET 0x2E8B3E
#define COLOR_MISSED 0xC8372D
#define COLOR_UNKNOWN 0x9E9E9E
#define COLOR_TARGET 0x404040

/* A cell as text, kept in the doc (as long as the workbook is made); NULL when out of memory. */
static const char *text_of(ps_xlsx *x, ps_doc *doc, ps_cell cell)
{
    const char *text = ps_xlsx_cell_text(x, &cell);
    return text ? ps_doc_strdup(doc, text, strlen(text)) : NULL;
}

static const char *filled(ps_xlsx *x, ps_doc *doc, ps_label label, ps_cell arg)
{
    return text_of(x, doc, ps_doc_phrase(doc, label, &arg, 1));
}

/* ---- charts ---- */

static lxw_chart_series *series(ps_xlsx *x, lxw_chart *chart, const ps_xlsx_place *at, size_t category,
                                size_t value, const char *name)
{
    lxw_chart_series *s = x->lxw.chart_add_series(chart, NULL, NULL);
    if (!s) {
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return NULL;
    }
    x->lxw.chart_series_set_categories(s, at->name, at->first, at->number_col[category], at->last,
                                       at->number_col[category]);
    x->lxw.chart_series_set_values(s, at->name, at->first, at->number_col[value], at->last,
                                   at->number_col[value]);
    x->lxw.chart_series_set_name(s, name);
    return s;
}

static void fill(ps_xlsx *x, lxw_chart_series *s, lxw_color_t color)
{
    if (s)
        x->lxw.chart_series_set_fill(s, &(lxw_chart_fill){.color = color});
}

/* Each score's column green when met, red when missed, grey when it cannot be told, as in the SVG. */
static void score_colors(ps_xlsx *x, lxw_chart_series *s, const ps_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->count; i++)
        n += ps_content_charted(&r->lines[i]);
    lxw_chart_fill *fills = calloc(n ? n : 1, sizeof *fills);
    lxw_chart_point *points = calloc(n ? n : 1, sizeof *points);
    lxw_chart_point **list = calloc(n + 1, sizeof *list); /* NULL-terminated */
    if (!fills || !points || !list) {
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
    } else if (s) {
        size_t k = 0;
        for (size_t i = 0; i < r->count; i++) {
            ps_met met = r->lines[i].met;
            if (!ps_content_charted(&r->lines[i]))
                continue;
            fills[k].color = met == PS_MET_YES ? COLOR_MET : met == PS_MET_NO ? COLOR_MISSED : COLOR_UNKNOWN;
            points[k].fill = &fills[k];
            list[k] = &points[k];
            k++;
        }
        ps_xlsx_check(x, x->lxw.chart_series_set_points(s, list)); /* copied: the arrays may go */
    }
    free(fills);
    free(points);
    free(list);
}

/* Axis titles, the legend under the chart; percents from 0 to 100, or (a line through a few quarters)
 * the range Excel finds for them, where a change of a point can be seen. */
static void axes(ps_xlsx *x, lxw_chart *chart, ps_label category, bool whole_range)
{
    x->lxw.chart_axis_set_name(chart->x_axis, ps_label_text(category, x->lang));
    x->lxw.chart_axis_set_name(chart->y_axis, ps_label_text(PS_L_XLSX_AXIS_PERCENT, x->lang));
    if (whole_range) {
        x->lxw.chart_axis_set_min(chart->y_axis, 0);
        x->lxw.chart_axis_set_max(chart->y_axis, 100);
    }
    x->lxw.chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
}

static void place_chart(ps_xlsx *x, lxw_chart *chart, const ps_xlsx_place *at)
{
    lxw_chart_options size = {.x_scale = CHART_X_SCALE, .y_scale = CHART_Y_SCALE};
    ps_xlsx_check(x, x->lxw.worksheet_insert_chart_opt(at->sheet, at->room, 0, chart, &size));
}

/* The values a chart draws, one row per criterion, SIPAS and the total (as the SVG has them): id, name,
 * the baseline, the score (coloured by its verdict) and the target with its value. */
static ps_doc_table *report_chart_table(ps_doc *doc, const ps_plan *plan, const ps_result *r)
{
    ps_cell baseline =
        plan->baseline_year ? ps_cell_text(plan->baseline_year) : ps_cell_label(doc, PS_L_BASELINE_WORD);
    ps_cell year = plan->year ? ps_cell_text(plan->year) : ps_cell_label(doc, PS_L_YEAR_WORD);
    ps_doc_column cols[5] = {{ps_cell_label(doc, PS_L_ID), 0},
                             {ps_cell_label(doc, PS_L_NAME), PS_COL_WRAP},
                             {baseline, PS_COL_RIGHT}};
    size_t n = 3;
    if (r->has_scores)
        cols[n++] = (ps_doc_column){year, PS_COL_RIGHT};
    cols[n++] = (ps_doc_column){ps_cell_label(doc, PS_L_TARGET), PS_COL_RIGHT};
    ps_doc_table *t = ps_doc_table_new(doc, cols, n);
    for (size_t i = 0; t && i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        const ps_indicator *ind = l->indicator;
        ps_doc_row *row = ps_content_charted(l) ? ps_doc_add_row(doc, t) : NULL;
        if (!row)
            continue;
        size_t k = 0;
        row->cells[k++] = ps_cell_text(ind->id);
        row->cells[k++] = ps_cell_text(doc->lang == PS_LANG_EN && ind->name_en ? ind->name_en : ind->name);
        row->cells[k++] = ps_cell_number(ind->has_baseline, ind->baseline, 0);
        if (r->has_scores)
            row->cells[k++] = ps_cell_toned(ps_cell_number(l->has_score, l->score, 0), l->met);
        row->cells[k++] = ps_cell_target(ind);
        row->flags = ind->kind == PS_KIND_TOTAL ? PS_ROW_STRONG : 0;
    }
    return t;
}

/* A native clustered column chart of each criterion's baseline, score and target value. */
static void report_chart(ps_xlsx *x, ps_doc *doc, const ps_plan *plan, const ps_result *r)
{
    ps_doc_table *t = report_chart_table(doc, plan, r);
    ps_xlsx_place at;
    if (ps_xlsx_table_sheet(x, doc, PS_L_XLSX_SHEET_CHART, t, CHART_ROWS, &at) != PS_OK)
        return;
    ps_cell base_year = t->columns[2].head, year = plan->year ? ps_cell_text(plan->year) : t->columns[2].head;
    const char *base_name = filled(x, doc, PS_L_SVG_LEGEND_BASELINE, base_year);
    const char *score_name = filled(x, doc, PS_L_XLSX_CHART_SCORE, year);
    const char *target_name = filled(x, doc, PS_L_SVG_LEGEND_TARGET, year);
    const char *title = text_of(x, doc, ps_content_title(doc, plan, r));
    lxw_chart *chart = x->lxw.workbook_add_chart(x->book, LXW_CHART_COLUMN);
    if (!base_name || !score_name || !target_name || !title || !chart) {
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    size_t value = 2;
    fill(x, series(x, chart, &at, 0, value++, base_name), COLOR_BASELINE);
    if (r->has_scores)
        score_colors(x, series(x, chart, &at, 0, value++, score_name), r);
    fill(x, series(x, chart, &at, 0, value, target_name), COLOR_TARGET);
    x->lxw.chart_title_set_name(chart, title);
    axes(x, chart, PS_L_NAME, true);
    place_chart(x, chart, &at);
}

/* ---- the reports ---- */

/* The workbook's bytes into out, and errno set to why when the status is PS_ERR_IO. The doc holds what
 * the charts were made of too (their figures, names and titles): if any of it is missing, so is the
 * workbook. */
static ps_status finish(ps_xlsx *x, const ps_doc *doc, ps_buf *out)
{
    if (doc->failed)
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
    ps_status st = ps_xlsx_finish(x, out);
    if (st == PS_ERR_IO)
        errno = x->error;
    return st;
}

ps_status ps_report_xlsx(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                         ps_buf *out)
{
    ps_doc doc;
    ps_doc_init(&doc, options->lang);
    ps_status st = options->check ? ps_content_check(&doc, options->check) : PS_OK;
    if (st == PS_OK)
        st = ps_content_report(&doc, plan, result, options);
    ps_xlsx x;
    if (st == PS_OK) {
        if (ps_xlsx_open(&x, options->lang, false) == PS_OK) {
            const char *title = text_of(&x, &doc, ps_content_title(&doc, plan, result));
            ps_xlsx_properties(&x, title, plan, result->has_scores ? result->period : NULL);
            ps_xlsx_doc(&x, &doc);
            report_chart(&x, &doc, plan, result);
        }
        st = finish(&x, &doc, out);
    }
    int error = errno;
    ps_doc_free(&doc);
    errno = error;
    return st;
}

/* ---- the trend ---- */

/* The total's value in each period (coloured by its verdict) and its target, for the line chart. */
static ps_doc_table *trend_chart_table(ps_doc *doc, const ps_trend *t, size_t item)
{
    const ps_indicator *ind = &t->plan->items[item];
    ps_cell name = ps_cell_text(doc->lang == PS_LANG_EN && ind->name_en ? ind->name_en : ind->name);
    ps_doc_column cols[] = {{ps_cell_label(doc, PS_L_XLSX_PERIOD), 0},
                            {name, PS_COL_RIGHT},
                            {ps_cell_label(doc, PS_L_TARGET), PS_COL_RIGHT}};
    ps_doc_table *table = ps_doc_table_new(doc, cols, sizeof cols / sizeof cols[0]);
    for (size_t k = 0; table && k < t->count; k++) {
        const ps_line *l = &t->points[k].result.lines[item];
        ps_doc_row *row = ps_doc_add_row(doc, table);
        if (!row)
            break;
        row->cells[0] = ps_cell_text(t->points[k].period);
        row->cells[1] = ps_cell_toned(ps_cell_number(l->has_score, l->score, 0), l->met);
        row->cells[2] = ps_cell_target(ind);
    }
    return table;
}

/* A native line chart of the total in each period, against its target. */
static void trend_chart(ps_xlsx *x, ps_doc *doc, const ps_trend *t)
{
    size_t item = 0;
    while (item < t->plan->count && t->plan->items[item].kind != PS_KIND_TOTAL)
        item++;
    if (item == t->plan->count) /* a plan always has its total; without one there is nothing to draw */
        return;
    const ps_indicator *ind = &t->plan->items[item];
    ps_xlsx_place at;
    ps_doc_table *table = trend_chart_table(doc, t, item);
    if (ps_xlsx_table_sheet(x, doc, PS_L_XLSX_SHEET_CHART, table, CHART_ROWS, &at) != PS_OK)
        return;
    ps_cell year = t->plan->year ? ps_cell_text(t->plan->year) : ps_cell_label(doc, PS_L_YEAR_WORD);
    ps_cell title[] = {table->columns[1].head, ps_cell_target(ind)};
    const char *name = text_of(x, doc, table->columns[1].head);
    const char *target_name = filled(x, doc, PS_L_SVG_LEGEND_TARGET, year);
    const char *title_text = text_of(x, doc, ps_doc_phrase(doc, PS_L_XLSX_TREND_CHART_TITLE, title, 2));
    lxw_chart *chart = x->lxw.workbook_add_chart(x->book, LXW_CHART_LINE);
    if (!name || !target_name || !title_text || !chart) {
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    lxw_chart_series *total = series(x, chart, &at, 0, 1, name);
    if (total) {
        x->lxw.chart_series_set_line(total, &(lxw_chart_line){.color = COLOR_LINE, .width = 2.25f});
        x->lxw.chart_series_set_marker_type(total, LXW_CHART_MARKER_CIRCLE);
        x->lxw.chart_series_set_marker_fill(total, &(lxw_chart_fill){.color = COLOR_LINE});
    }
    lxw_chart_series *target = ind->has_target ? series(x, chart, &at, 0, 2, target_name) : NULL;
    if (target) {
        x->lxw.chart_series_set_line(
            target, &(lxw_chart_line){.color = COLOR_TARGET, .dash_type = LXW_CHART_LINE_DASH_DASH});
        x->lxw.chart_series_set_marker_type(target, LXW_CHART_MARKER_NONE);
    }
    x->lxw.chart_title_set_name(chart, title_text);
    axes(x, chart, PS_L_XLSX_PERIOD, false);
    place_chart(x, chart, &at);
}

ps_status ps_report_trend_xlsx(const ps_trend *trend, const ps_report_options *options, ps_buf *out)
{
    ps_doc doc;
    ps_doc_init(&doc, options->lang);
    ps_status st = ps_content_trend(&doc, trend);
    ps_content_illustrative(&doc, trend->plan); /* the text trend has no room for it; a workbook does */
    if (st == PS_OK && doc.failed)
        st = PS_ERR_NOMEM;
    ps_xlsx x;
    if (st == PS_OK) {
        if (ps_xlsx_open(&x, options->lang, false) == PS_OK) {
            const char *last = trend->count ? trend->points[trend->count - 1].period : NULL;
            ps_xlsx_properties(&x, text_of(&x, &doc, doc.sections[0].heading), trend->plan, last);
            ps_xlsx_doc(&x, &doc);
            trend_chart(&x, &doc, trend);
        }
        st = finish(&x, &doc, out);
    }
    int error = errno;
    ps_doc_free(&doc);
    errno = error;
    return st;
}
