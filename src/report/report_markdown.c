/* The Markdown report: the text report's tables and lines in GitHub-flavoured Markdown, for a báo cáo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/report.h"
#include "base/wording.h"
#include "report/text_table.h"

#define DASH PS_TEXT_DASH

typedef struct {
    const ps_plan *plan;
    const ps_result *result;
    const ps_report_options *opt;
    char mark; /* decimal mark */
    ps_buf *out;
    bool nomem; /* a cell or a line could not be allocated */
} ctx;

static const char *L(const ctx *c, ps_label l)
{
    return ps_label_text(l, c->opt->lang);
}

/* ---- escaping: text from the plan and the inputs becomes inert Markdown on one line ---- */

/* ASCII punctuation that Markdown (or a GFM table) could act on; a backslash makes each literal. */
static bool md_special(char ch)
{
    return ch != '\0' && strchr("\\`*_[]<>|~#", ch) != NULL;
}

/* Appends text escaped: specials get a backslash, and line ends, tabs and other control characters
 * become one space, so a cell or a heading never spans two lines. */
static void md_put(ps_buf *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '\r' && p[1] == '\n')
            continue; /* CR LF: one space, given for the LF */
        if (ch < 0x20 || ch == 0x7f)
            ps_buf_append(out, " ", 1);
        else if (md_special(*p))
            ps_buf_printf(out, "\\%c", *p);
        else
            ps_buf_append(out, p, 1);
    }
}

/* A freshly allocated escaped copy (NULL when out of memory); text NULL gives "". */
static char *md_escape(const char *text)
{
    ps_buf b;
    ps_buf_init(&b);
    md_put(&b, text ? text : "");
    ps_buf_append(&b, "", 0); /* an empty text still gets its terminator */
    if (b.failed) {
        ps_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* ---- tables ---- */

static bool check_rows(ctx *c, const ps_text_row *rows, size_t nrows, size_t ncols)
{
    for (size_t r = 0; r < nrows; r++)
        for (size_t k = 0; k < ncols; k++)
            if (!rows[r].cells[k])
                c->nomem = true;
    return !c->nomem;
}

static size_t cell_width(const char *text)
{
    return ps_text_width(text, strlen(text));
}

static void padded(ps_buf *out, const char *text, size_t width, bool right)
{
    size_t w = cell_width(text), gap = width > w ? width - w : 0;
    if (right)
        for (size_t k = 0; k < gap; k++)
            ps_buf_append(out, " ", 1);
    ps_buf_puts(out, text);
    if (!right)
        for (size_t k = 0; k < gap; k++)
            ps_buf_append(out, " ", 1);
}

/* A GFM table, padded so the raw text lines up too. Header labels and cells are Markdown already:
 * every cell holding text from the inputs went through md_escape. Frees the rows. */
static void md_table(ctx *c, const ps_text_column *cols, size_t ncols, ps_text_row *rows, size_t nrows)
{
    if (check_rows(c, rows, nrows, ncols) && nrows > 0) {
        size_t widths[PS_TEXT_MAX_COLUMNS];
        for (size_t k = 0; k < ncols; k++) {
            widths[k] = cell_width(cols[k].label);
            if (widths[k] < 3)
                widths[k] = 3; /* the delimiter row needs at least "---" */
            for (size_t r = 0; r < nrows; r++)
                if (cell_width(rows[r].cells[k]) > widths[k])
                    widths[k] = cell_width(rows[r].cells[k]);
        }
        ps_buf_puts(c->out, "\n|");
        for (size_t k = 0; k < ncols; k++) {
            ps_buf_puts(c->out, " ");
            padded(c->out, cols[k].label, widths[k], cols[k].right);
            ps_buf_puts(c->out, " |");
        }
        ps_buf_puts(c->out, "\n|");
        for (size_t k = 0; k < ncols; k++) {
            ps_buf_puts(c->out, " ");
            for (size_t d = 0; d + (cols[k].right ? 1 : 0) < widths[k]; d++)
                ps_buf_append(c->out, "-", 1);
            ps_buf_puts(c->out, cols[k].right ? ": |" : " |");
        }
        ps_buf_puts(c->out, "\n");
        for (size_t r = 0; r < nrows; r++) {
            ps_buf_puts(c->out, "|");
            for (size_t k = 0; k < ncols; k++) {
                ps_buf_puts(c->out, " ");
                padded(c->out, rows[r].cells[k], widths[k], cols[k].right);
                ps_buf_puts(c->out, " |");
            }
            ps_buf_puts(c->out, "\n");
        }
    }
    ps_text_table_free_rows(rows, nrows);
}

static ps_text_row *new_rows(ctx *c, size_t n)
{
    ps_text_row *rows = calloc(n ? n : 1, sizeof *rows);
    if (!rows)
        c->nomem = true;
    return rows;
}

/* ---- lines outside the tables ---- */

/* A paragraph of its own: a blank line before it, the text on one line. */
static void paragraph(ctx *c, const char *text)
{
    if (!text) {
        c->nomem = true;
        return;
    }
    ps_buf_printf(c->out, "\n%s\n", text);
}

static void heading(ctx *c, const char *text)
{
    if (!text) {
        c->nomem = true;
        return;
    }
    ps_buf_printf(c->out, "\n## %s\n", text);
}

/* ---- cells ---- */

static char *num_cell(const ctx *c, bool has, ps_num value, bool plus)
{
    return ps_text_number_cell(has, value, c->mark, plus);
}

static char *target_cell(const ctx *c, const ps_indicator *ind)
{
    return ps_text_target_cell(ind, c->mark);
}

static char *int_cell(int value, int of, const char *prefix)
{
    char buf[48];
    if (value <= 0)
        return ps_text_dup(DASH);
    if (of > 0)
        snprintf(buf, sizeof buf, "%s%d/%d", prefix, value, of);
    else
        snprintf(buf, sizeof buf, "%s%d", prefix, value);
    return ps_text_dup(buf);
}

static char *met_cell(const ctx *c, ps_met met)
{
    return ps_text_dup(met == PS_MET_YES ? L(c, PS_L_MET) : met == PS_MET_NO ? L(c, PS_L_MISSED) : DASH);
}

static const char *name_of(const ctx *c, const ps_indicator *ind)
{
    return c->opt->lang == PS_LANG_EN && ind->name_en ? ind->name_en : ind->name;
}

static char *owners_cell(const ps_indicator *ind)
{
    ps_buf b;
    ps_buf_init(&b);
    for (size_t k = 0; k < ind->owner_count; k++) {
        if (k > 0)
            ps_buf_puts(&b, "; ");
        md_put(&b, ind->owners[k]);
    }
    ps_buf_append(&b, "", 0); /* no office: an empty cell (none, rather than not known) */
    if (b.failed) {
        ps_buf_free(&b);
        return NULL;
    }
    return b.data;
}

static char *need_cell(const ctx *c, const ps_line *l)
{
    char need[48], num[40];
    if (!l->has_need)
        return ps_text_dup(DASH);
    ps_num_format(l->need, 2, c->mark, false, num, sizeof num);
    snprintf(need, sizeof need, "%s%s",
             l->indicator->target.op == PS_OP_GT && l->met != PS_MET_YES ? "> " : "", num);
    return ps_text_dup(need);
}

/* ---- the main table and the office targets ---- */

static bool is_kpi(const ps_line *l)
{
    return l->indicator->kind == PS_KIND_KPI;
}

static const char *baseline_head(const ctx *c)
{
    return c->plan->baseline_year ? c->plan->baseline_year : L(c, PS_L_BASELINE_WORD);
}

static const char *year_head(const ctx *c)
{
    return c->plan->year ? c->plan->year : L(c, PS_L_YEAR_WORD);
}

static size_t main_columns(const ctx *c, bool kpis, ps_text_column *cols, char *baseline, char *year)
{
    const ps_result *r = c->result;
    size_t n = 0;
    cols[n++] = (ps_text_column){L(c, PS_L_ID), false, 0};
    cols[n++] = (ps_text_column){L(c, PS_L_NAME), false, 0};
    if (!r->has_scores && kpis) {
        cols[n++] = (ps_text_column){L(c, PS_L_TARGET), true, 0};
    } else if (!r->has_scores) {
        cols[n++] = (ps_text_column){baseline, true, 0};
        cols[n++] = (ps_text_column){L(c, PS_L_RANK), true, 0};
        cols[n++] = (ps_text_column){L(c, PS_L_TARGET), true, 0};
        cols[n++] = (ps_text_column){L(c, PS_L_TARGET_RANK), true, 0};
        cols[n++] = (ps_text_column){L(c, PS_L_NEED), true, 0};
    } else if (kpis) {
        cols[n++] = (ps_text_column){year, true, 0};
        cols[n++] = (ps_text_column){L(c, PS_L_TARGET), true, 0};
        cols[n++] = (ps_text_column){L(c, PS_L_GAP), true, 0};
    } else {
        cols[n++] = (ps_text_column){baseline, true, 0};
        cols[n++] = (ps_text_column){year, true, 0};
        cols[n++] = (ps_text_column){L(c, PS_L_CHANGE), true, 0};
        cols[n++] = (ps_text_column){L(c, PS_L_TARGET), true, 0};
        cols[n++] = (ps_text_column){L(c, PS_L_GAP), true, 0};
    }
    cols[n++] = (ps_text_column){L(c, PS_L_RESULT), false, 0};
    cols[n++] = (ps_text_column){L(c, PS_L_OWNERS), false, 0};
    return n;
}

static void fill_row(const ctx *c, const ps_line *l, ps_text_row *rw)
{
    const ps_indicator *ind = l->indicator;
    bool scores = c->result->has_scores;
    size_t k = 0;
    rw->cells[k++] = md_escape(ind->id);
    rw->cells[k++] = md_escape(name_of(c, ind));
    if (!scores && is_kpi(l)) {
        rw->cells[k++] = target_cell(c, ind);
    } else if (!scores) {
        rw->cells[k++] = num_cell(c, ind->has_baseline, ind->baseline, false);
        rw->cells[k++] = int_cell(ind->baseline_rank, 0, "");
        rw->cells[k++] = target_cell(c, ind);
        rw->cells[k++] = int_cell(ind->target_rank, 0, "");
        rw->cells[k++] = need_cell(c, l);
    } else if (is_kpi(l)) {
        rw->cells[k++] = num_cell(c, l->has_score, l->score, false);
        rw->cells[k++] = target_cell(c, ind);
        rw->cells[k++] = num_cell(c, l->has_gap, l->gap, true);
    } else {
        rw->cells[k++] = num_cell(c, ind->has_baseline, ind->baseline, false);
        rw->cells[k++] = num_cell(c, l->has_score, l->score, false);
        rw->cells[k++] = num_cell(c, l->has_change, l->change, true);
        rw->cells[k++] = target_cell(c, ind);
        rw->cells[k++] = num_cell(c, l->has_gap, l->gap, true);
    }
    rw->cells[k++] = met_cell(c, l->met);
    rw->cells[k++] = owners_cell(ind);
}

static void main_table(ctx *c, bool kpis)
{
    const ps_result *r = c->result;
    char *baseline = md_escape(baseline_head(c)), *year = md_escape(year_head(c));
    ps_text_row *rows = baseline && year ? new_rows(c, r->count) : NULL;
    if (rows) {
        ps_text_column cols[PS_TEXT_MAX_COLUMNS];
        size_t ncols = main_columns(c, kpis, cols, baseline, year), n = 0;
        for (size_t i = 0; i < r->count; i++)
            if (is_kpi(&r->lines[i]) == kpis)
                fill_row(c, &r->lines[i], &rows[n++]);
        md_table(c, cols, ncols, rows, n);
    } else {
        c->nomem = true;
    }
    free(baseline);
    free(year);
}

static const ps_line *total_line(const ps_result *r)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->lines[i].indicator->kind == PS_KIND_TOTAL)
            return &r->lines[i];
    return NULL;
}

/* The text report's note under a partial total, here a line after the table. */
static void partial_note(ctx *c)
{
    const ps_result *r = c->result;
    const ps_line *total = total_line(r);
    if (!r->has_scores || !total || (!total->partial && total->has_score))
        return;
    if (r->missing_count == r->max_points_count) {
        paragraph(c, L(c, PS_L_NO_CRITERIA));
        return;
    }
    ps_buf ids, line;
    ps_buf_init(&ids);
    ps_buf_init(&line);
    for (size_t k = 0; k < r->missing_count; k++) {
        ps_buf_puts(&ids, k ? ", " : "");
        md_put(&ids, r->missing[k]->id);
    }
    ps_buf_printf(&line, L(c, PS_L_PARTIAL), ids.data ? ids.data : "");
    c->nomem = c->nomem || ids.failed || line.failed;
    paragraph(c, line.data);
    ps_buf_free(&ids);
    ps_buf_free(&line);
}

static void tables(ctx *c)
{
    main_table(c, false);
    partial_note(c);
    bool any_kpi = false;
    for (size_t i = 0; i < c->result->count; i++)
        any_kpi = any_kpi || is_kpi(&c->result->lines[i]);
    if (any_kpi) {
        heading(c, L(c, PS_L_KPI_TITLE));
        main_table(c, true);
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
static void one_owner(ctx *c, const char *owner)
{
    const ps_result *r = c->result;
    /* the plan view shows the baseline where a report shows the score */
    const char *year = r->has_scores ? c->plan->year : c->plan->baseline_year;
    char *head = owner ? md_escape(owner) : ps_text_dup(L(c, PS_L_NO_OWNER)),
         *value = md_escape(year ? year : "%");
    ps_text_row *rows = head && value ? new_rows(c, r->count) : NULL;
    size_t n = 0, targets = 0, met = 0;
    if (rows) {
        heading(c, head);
        ps_text_column cols[] = {{L(c, PS_L_ID), false, 0}, {L(c, PS_L_NAME), false, 0},
                                 {value, true, 0},          {L(c, PS_L_TARGET), true, 0},
                                 {L(c, PS_L_GAP), true, 0}, {L(c, PS_L_RESULT), false, 0}};
        for (size_t i = 0; i < r->count; i++) {
            const ps_line *l = &r->lines[i];
            const ps_indicator *ind = l->indicator;
            if (!owns(ind, owner))
                continue;
            ps_text_row *row = &rows[n++];
            bool has = r->has_scores ? l->has_score : ind->has_baseline;
            ps_num v = r->has_scores ? l->score : ind->baseline;
            row->cells[0] = md_escape(ind->id);
            row->cells[1] = md_escape(name_of(c, ind));
            row->cells[2] = num_cell(c, has, v, false);
            row->cells[3] = target_cell(c, ind);
            row->cells[4] = num_cell(c, has && ind->has_target, v - ind->target.value, true);
            row->cells[5] = met_cell(c, l->met);
            targets += l->met != PS_MET_NO_TARGET;
            met += l->met == PS_MET_YES;
        }
        md_table(c, cols, sizeof cols / sizeof cols[0], rows, n);
        ps_buf_puts(c->out, "\n");
        ps_buf_printf(c->out, L(c, PS_L_OWNER_SUMMARY), met, targets);
        ps_buf_puts(c->out, "\n");
    } else {
        c->nomem = true;
    }
    free(head);
    free(value);
}

static void by_owner(ctx *c)
{
    const ps_plan *plan = c->plan;
    for (size_t i = 0; i < plan->count && !c->nomem; i++)
        for (size_t k = 0; k < plan->items[i].owner_count && !c->nomem; k++)
            if (first_naming(plan, i, k))
                one_owner(c, plan->items[i].owners[k]);
    bool unowned = false;
    for (size_t i = 0; i < plan->count; i++)
        unowned = unowned || plan->items[i].owner_count == 0;
    if (unowned && !c->nomem)
        one_owner(c, NULL);
}

/* ---- ranking and what the total needs ---- */

static void ranking(ctx *c)
{
    const ps_result *r = c->result;
    const ps_line *total = total_line(r);
    char change[40], *source = md_escape(r->peers_source), *base_year = md_escape(c->plan->baseline_year);
    ps_buf title, assume, base;
    ps_buf_init(&title);
    ps_buf_init(&assume);
    ps_buf_init(&base);
    ps_buf_printf(&title, L(c, PS_L_RANK_TITLE), total && total->rank_of > 0 ? total->rank_of : 0,
                  source ? source : "");
    ps_num_format(r->peer_change, 2, c->mark, true, change, sizeof change);
    if (r->peer_change != 0)
        ps_buf_printf(&assume, L(c, PS_L_ASSUME_SHIFT), change);
    else
        ps_buf_puts(&assume, L(c, PS_L_ASSUME));
    ps_buf_printf(&base, L(c, PS_L_RANK_BASE), base_year ? base_year : "");
    c->nomem = c->nomem || !source || !base_year || title.failed || assume.failed || base.failed;
    heading(c, title.data);
    paragraph(c, assume.data);
    ps_text_row *rows = base.data ? new_rows(c, r->count) : NULL;
    if (rows) {
        ps_text_column cols[] = {{L(c, PS_L_ID), false, 0},          {base.data, true, 0},
                                 {L(c, PS_L_RANK_NOW), true, 0},     {L(c, PS_L_TARGET), true, 0},
                                 {L(c, PS_L_STILL_NEEDED), true, 0}, {L(c, PS_L_RESULT), false, 0}};
        size_t n = 0;
        for (size_t i = 0; i < r->count; i++) {
            const ps_line *l = &r->lines[i];
            if (!l->has_rank && l->rank_met == PS_MET_NO_TARGET)
                continue;
            ps_text_row *row = &rows[n++];
            row->cells[0] = md_escape(l->indicator->id);
            row->cells[1] = int_cell(l->indicator->baseline_rank, 0, "");
            row->cells[2] = l->has_rank ? int_cell(l->rank, l->rank_of, "") : ps_text_dup(DASH);
            row->cells[3] = int_cell(l->indicator->target_rank, 0, "\xe2\x89\xa4 "); /* ≤ */
            row->cells[4] = num_cell(c, l->has_points_to_target_rank, l->points_to_target_rank, false);
            row->cells[5] = met_cell(c, l->rank_met);
        }
        md_table(c, cols, sizeof cols / sizeof cols[0], rows, n);
    }
    free(source);
    free(base_year);
    ps_buf_free(&title);
    ps_buf_free(&assume);
    ps_buf_free(&base);
}

/* The total's needs: its target rank (with peers), then its target value; each a line of its own. */
static void total_needs(ctx *c, const ps_line *total)
{
    const ps_result *r = c->result;
    ps_buf line;
    char a[40], b[40];
    if (total->has_points_to_target_rank) {
        ps_buf_init(&line);
        if (total->points_to_target_rank == 0) {
            ps_buf_printf(&line, L(c, PS_L_RANK_HELD), total->indicator->target_rank);
        } else {
            char *holder = md_escape(total->rank_holder ? total->rank_holder : "?");
            ps_num_format(total->points_to_target_rank, 2, c->mark, false, a, sizeof a);
            ps_num_format(total->rank_holder_value, 2, c->mark, false, b, sizeof b);
            ps_buf_printf(&line, L(c, PS_L_RANK_NEED), total->indicator->target_rank, a, holder ? holder : "",
                          total->indicator->target_rank, b);
            c->nomem = c->nomem || !holder;
            free(holder);
        }
        c->nomem = c->nomem || line.failed;
        paragraph(c, line.data);
        ps_buf_free(&line);
    }
    if (r->has_to_target) {
        char *target = target_cell(c, total->indicator);
        ps_buf_init(&line);
        ps_num_format(r->to_target, 2, c->mark, false, a, sizeof a);
        if (r->to_target == 0)
            ps_buf_printf(&line, L(c, PS_L_TARGET_MET), target ? target : "");
        else
            ps_buf_printf(&line, L(c, PS_L_TARGET_NEED), target ? target : "", a);
        c->nomem = c->nomem || !target || line.failed;
        paragraph(c, line.data);
        free(target);
        ps_buf_free(&line);
    }
}

static void levers(ctx *c, bool rank_gap, bool target_gap)
{
    const ps_result *r = c->result;
    char *year = md_escape(c->plan->year ? c->plan->year : L(c, PS_L_NAME));
    ps_text_row *rows = year ? new_rows(c, r->lever_count) : NULL;
    if (rows) {
        ps_text_column cols[6];
        size_t ncols = 0;
        cols[ncols++] = (ps_text_column){L(c, PS_L_ID), false, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_MAX), true, 0};
        cols[ncols++] = (ps_text_column){year, true, 0};
        cols[ncols++] = (ps_text_column){L(c, PS_L_HEADROOM), true, 0};
        if (rank_gap)
            cols[ncols++] = (ps_text_column){L(c, PS_L_FOR_RANK), true, 0};
        if (target_gap)
            cols[ncols++] = (ps_text_column){L(c, PS_L_FOR_TARGET), true, 0};
        for (size_t k = 0; k < r->lever_count; k++) {
            const ps_lever *lv = &r->levers[k];
            char max[40];
            size_t at = 0;
            ps_num_format_short(lv->indicator->max_points, c->mark, max, sizeof max);
            rows[k].cells[at++] = md_escape(lv->indicator->id);
            rows[k].cells[at++] = ps_text_dup(max);
            rows[k].cells[at++] = num_cell(c, true, 100 * PS_NUM_SCALE - lv->headroom, false);
            rows[k].cells[at++] = num_cell(c, true, lv->headroom, false);
            if (rank_gap)
                rows[k].cells[at++] = ps_text_lever_cell(c->mark, c->opt->lang, lv->has_for_rank,
                                                         lv->for_rank, lv->alone_for_rank);
            if (target_gap)
                rows[k].cells[at++] = ps_text_lever_cell(c->mark, c->opt->lang, lv->has_for_target,
                                                         lv->for_target, lv->alone_for_target);
        }
        md_table(c, cols, ncols, rows, r->lever_count);
    } else {
        c->nomem = true;
    }
    free(year);
}

static void what_it_takes(ctx *c)
{
    const ps_result *r = c->result;
    const ps_line *total = total_line(r);
    if (!total || r->lever_count == 0)
        return;
    heading(c, L(c, PS_L_TAKES_TITLE));
    total_needs(c, total);
    bool rank_gap = total->has_points_to_target_rank && total->points_to_target_rank > 0;
    bool target_gap = r->has_to_target && r->to_target > 0;
    if (!rank_gap && !target_gap)
        return;
    paragraph(c, L(c, PS_L_LEVER_TITLE));
    levers(c, rank_gap, target_gap);
}

/* ---- heading, summary and notes ---- */

static void title(ctx *c)
{
    const ps_plan *plan = c->plan;
    const ps_result *r = c->result;
    char *unit = md_escape(plan->unit ? plan->unit : "PAR INDEX"), *year = md_escape(plan->year),
         *base = md_escape(plan->baseline_year), *period = md_escape(r->period),
         *plan_source = md_escape(plan->source), *scores_source = md_escape(c->opt->scores_source);
    if (unit && year && base && period && plan_source && scores_source) {
        ps_buf_puts(c->out, "# ");
        if (!plan->year || !plan->baseline_year) /* a plan without its years: say less rather than wrong */
            ps_buf_puts(c->out, unit);
        else if (r->has_scores)
            ps_buf_printf(c->out, L(c, PS_L_TITLE_SCORES), unit, year);
        else
            ps_buf_printf(c->out, L(c, PS_L_TITLE_PLAN), unit, base, year);
        if (r->has_scores && r->period)
            ps_buf_printf(c->out, L(c, PS_L_PERIOD), period);
        ps_buf_puts(c->out, "\n\n");
        ps_buf_printf(c->out, L(c, PS_L_SOURCE_PLAN), plan_source);
        ps_buf_puts(c->out, "\n");
        if (r->has_scores && c->opt->scores_source) {
            ps_buf_puts(c->out, "\n");
            ps_buf_printf(c->out, L(c, PS_L_SOURCE_SCORES), scores_source);
            ps_buf_puts(c->out, "\n");
        }
    } else {
        c->nomem = true;
    }
    free(unit);
    free(year);
    free(base);
    free(period);
    free(plan_source);
    free(scores_source);
}

static void summary(ctx *c)
{
    const ps_result *r = c->result;
    char *base = md_escape(c->plan->baseline_year ? c->plan->baseline_year : L(c, PS_L_BASELINE_WORD));
    char *year = md_escape(year_head(c));
    ps_buf line;
    ps_buf_init(&line);
    if (!base || !year)
        c->nomem = true;
    else if (r->has_scores && r->unknown > 0)
        ps_buf_printf(&line, L(c, PS_L_SUMMARY_UNKNOWN), r->met, r->targets, r->unknown);
    else if (r->has_scores)
        ps_buf_printf(&line, L(c, PS_L_SUMMARY), r->met, r->targets);
    else if (r->unknown > 0)
        ps_buf_printf(&line, L(c, PS_L_SUMMARY_PLAN_UNKNOWN), base, r->met, r->targets, year, r->unknown,
                      base);
    else
        ps_buf_printf(&line, L(c, PS_L_SUMMARY_PLAN), base, r->met, r->targets, year);
    c->nomem = c->nomem || line.failed;
    paragraph(c, line.data);
    if (!r->has_scores)
        paragraph(c, L(c, PS_L_NEED_NOTE));
    ps_buf_free(&line);
    free(base);
    free(year);
}

static void coherence(ctx *c)
{
    const ps_result *r = c->result;
    const ps_line *total = total_line(r);
    if (!r->has_total_at_targets || !total || !total->indicator->has_target)
        return;
    char at[40];
    char *target = target_cell(c, total->indicator);
    ps_buf line;
    ps_buf_init(&line);
    ps_num_format(r->total_at_targets, 2, c->mark, false, at, sizeof at);
    bool agrees = ps_target_met(&total->indicator->target, r->total_at_targets);
    ps_buf_printf(&line, L(c, agrees ? PS_L_COHERENT : PS_L_INCOHERENT), at, target ? target : "");
    c->nomem = c->nomem || !target || line.failed;
    paragraph(c, line.data);
    free(target);
    ps_buf_free(&line);
}

static void illustrative_note(ctx *c)
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
        ps_buf_puts(&list, list.len ? "; " : "");
        md_put(&list, ind->id);
        ps_buf_printf(&list, ": %s", num);
    }
    ps_buf_printf(&note, L(c, PS_L_ILLUSTRATIVE), list.data ? list.data : "");
    c->nomem = c->nomem || list.failed || note.failed;
    paragraph(c, note.data);
    ps_buf_free(&list);
    ps_buf_free(&note);
}

ps_status ps_report_markdown(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                             ps_buf *out)
{
    ctx c = {plan, result, options, options->lang == PS_LANG_EN ? '.' : ',', out, false};
    title(&c);
    if (options->by_owner)
        by_owner(&c);
    else
        tables(&c);
    if (result->ranked)
        ranking(&c);
    what_it_takes(&c);
    summary(&c);
    coherence(&c);
    illustrative_note(&c);
    return c.nomem || out->failed ? PS_ERR_NOMEM : PS_OK;
}
