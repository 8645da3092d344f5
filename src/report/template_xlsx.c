/* The template as a workbook: the plan's columns locked, the number cells checked by Excel itself, a note
 * on each header cell; the sheet is a scores table as it stands, so a filled-in copy loads as it is. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "parscore/parscore.h"
#include "report/content.h"
#include "report/xlsx.h"

/* The template's columns, in the order of ps_content_template. */
enum { COL_ID, COL_NAME, COL_MAX, COL_OWNERS, COL_POINTS, COL_SCORE, COL_APPRAISED, COL_EVIDENCE, COL_NOTE };

static const double widths[] = {12, 50, 11, 32, 11, 11, 11, 32, 32};
#define LINE_POINTS 15.0     /* a line of the default font */
#define ROW_POINTS_MAX 409.0 /* Excel's tallest row */

/* What "not applicable" may be typed as (the scores loader's words); Excel compares text in any case. */
#define NOT_APPLICABLE(ref)                                                                                  \
    "OR(" ref "=\"KAD\"," ref "=\"NA\"," ref "=\"N/A\"," ref "=\"kh\xc3\xb4ng \xc3\xa1p d\xe1\xbb\xa5ng\")"

static ps_label note_of(size_t col, const ps_plan *plan)
{
    static const ps_label notes[] = {PS_L_TPL_NOTE_ID,        PS_L_TPL_NOTE_NAME,     PS_L_TPL_NOTE_MAX,
                                     PS_L_TPL_NOTE_OWNERS,    PS_L_TPL_NOTE_POINTS,   PS_L_TPL_NOTE_SCORE,
                                     PS_L_TPL_NOTE_APPRAISED, PS_L_TPL_NOTE_EVIDENCE, PS_L_TPL_NOTE_NOTE};
    if (col == COL_MAX && plan->illustrative_max)
        return PS_L_TPL_NOTE_MAX_ILLUSTRATIVE;
    return notes[col];
}

/* Points (self-assessed or appraised) at (row, col): a number from 0 to the item's max, or "not applicable";
 * an item without max points takes only the latter. */
static void check_points(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const ps_cell *max)
{
    char ref[24], formula[512], limit[40], message[256];
    x->lxw.lxw_rowcol_to_cell(ref, row, col);
    const char *title = ps_label_text(PS_L_TPL_INVALID_TITLE, x->lang);
    if (max->kind == PS_CELL_NUMBER) {
        ps_num_format_short(max->value, '.', limit, sizeof limit); /* a formula's numbers are en-US */
        snprintf(formula, sizeof formula, "=OR(AND(ISNUMBER(%s),%s>=0,%s<=%s)," NOT_APPLICABLE("%s") ")", ref,
                 ref, ref, limit, ref, ref, ref, ref);
        ps_num_format_short(max->value, x->lang == PS_LANG_EN ? '.' : ',', limit, sizeof limit);
        const char *args[] = {limit};
        ps_wording_fill_chars(message, sizeof message, ps_label_text(PS_L_TPL_INVALID_POINTS, x->lang), args,
                              1);
    } else {
        snprintf(formula, sizeof formula, "=" NOT_APPLICABLE("%s"), ref, ref, ref, ref);
        snprintf(message, sizeof message, "%s", ps_label_text(PS_L_TPL_NO_POINTS, x->lang));
    }
    lxw_data_validation v = {.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA,
                             .value_formula = formula,
                             .error_type = LXW_VALIDATION_ERROR_TYPE_STOP,
                             .error_title = (char *)title,
                             .error_message = message};
    ps_xlsx_check(x, x->lxw.worksheet_data_validation_cell(ws, row, col, &v));
}

/* The percents of rows first..last: 0 to 100, or "not applicable". */
static void check_percents(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t first, lxw_row_t last, lxw_col_t col)
{
    char ref[24], formula[512];
    x->lxw.lxw_rowcol_to_cell(ref, first, col); /* relative: Excel moves it down the range */
    snprintf(formula, sizeof formula, "=OR(AND(ISNUMBER(%s),%s>=0,%s<=100)," NOT_APPLICABLE("%s") ")", ref,
             ref, ref, ref, ref, ref, ref);
    lxw_data_validation v = {.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA,
                             .value_formula = formula,
                             .error_type = LXW_VALIDATION_ERROR_TYPE_STOP,
                             .error_title = (char *)ps_label_text(PS_L_TPL_INVALID_TITLE, x->lang),
                             .error_message = (char *)ps_label_text(PS_L_TPL_INVALID_PERCENT, x->lang)};
    ps_xlsx_check(x, x->lxw.worksheet_data_validation_range(ws, first, col, last, col, &v));
}

static void template_sheet(ps_xlsx *x, const ps_doc *doc, const ps_plan *plan)
{
    const ps_doc_table *t = doc->data;
    lxw_worksheet *ws = ps_xlsx_sheet(x, PS_L_TPL_SHEET);
    lxw_format *open = ps_xlsx_format(x, PS_XS_TABLE | PS_XS_UNLOCKED, NULL);
    if (!ws || !open)
        return;
    for (size_t c = 0; c < t->ncols && c < sizeof widths / sizeof widths[0]; c++) {
        /* the header row is the table's: the scores loader reads its keys */
        lxw_col_t col = (lxw_col_t)c;
        ps_xlsx_check(x, x->lxw.worksheet_set_column(ws, col, col, widths[c], NULL));
        ps_xlsx_cell(x, ws, 0, col, &t->columns[c].head, PS_XS_HEAD);
        lxw_comment_options note = {.author = "parscore", .x_scale = 2.5, .y_scale = 1.5};
        ps_xlsx_check(x, x->lxw.worksheet_write_comment_opt(
                             ws, 0, col, (char *)ps_label_text(note_of(c, plan), x->lang), &note));
    }
    for (size_t r = 0; r < t->nrows && x->status == PS_OK; r++) {
        lxw_row_t row = (lxw_row_t)(r + 1);
        const ps_doc_row *dr = &t->rows[r];
        double lines = 1;
        for (size_t c = 0; c < t->ncols; c++) {
            if (c > COL_OWNERS) {
                ps_xlsx_check(x, x->lxw.worksheet_write_blank(ws, row, (lxw_col_t)c, open));
                continue;
            }
            ps_xlsx_cell(x, ws, row, (lxw_col_t)c, &dr->cells[c], PS_XS_TABLE);
            const char *text = ps_xlsx_cell_text(x, &dr->cells[c]);
            double n = text ? ps_xlsx_lines(text, widths[c]) : 1;
            lines = n > lines ? n : lines;
        }
        if (lines > 1) /* wrapped names and offices: as tall as their lines */
            ps_xlsx_check(x, x->lxw.worksheet_set_row(
                                 ws, row,
                                 lines * LINE_POINTS < ROW_POINTS_MAX ? lines * LINE_POINTS : ROW_POINTS_MAX,
                                 NULL));
        check_points(x, ws, row, COL_POINTS, &dr->cells[COL_MAX]);
        check_points(x, ws, row, COL_APPRAISED, &dr->cells[COL_MAX]);
    }
    if (t->nrows > 0)
        check_percents(x, ws, 1, (lxw_row_t)t->nrows, COL_SCORE);
    x->lxw.worksheet_freeze_panes(ws, 1, 0);
    ps_xlsx_check(x, x->lxw.worksheet_repeat_rows(ws, 0, 0));
    /* no password: the office may unprotect the sheet (Review > Unprotect Sheet) to add a column */
    lxw_protection allow = {.format_columns = 1, .format_rows = 1};
    x->lxw.worksheet_protect(ws, NULL, &allow);
}

ps_status ps_report_template_xlsx(const ps_plan *plan, const ps_report_options *options, ps_buf *out)
{
    ps_doc doc;
    ps_doc_init(&doc, options->lang);
    ps_status st = ps_content_template(&doc, plan);
    ps_xlsx x;
    if (st == PS_OK) {
        if (ps_xlsx_open(&x, options->lang, false) == PS_OK) {
            ps_cell unit = ps_cell_text(plan->unit ? plan->unit : "parscore");
            ps_cell title_cell = ps_doc_phrase(&doc, PS_L_TPL_TITLE, &unit, 1);
            const char *title = ps_xlsx_cell_text(&x, &title_cell);
            char *kept = title ? ps_doc_strdup(&doc, title, strlen(title)) : NULL;
            ps_xlsx_properties(&x, kept, plan, NULL);
            template_sheet(&x, &doc, plan);
        }
        if (doc.failed)
            ps_xlsx_check(&x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        st = ps_xlsx_finish(&x, out);
        if (st == PS_ERR_IO)
            errno = x.error;
    }
    int error = errno;
    ps_doc_free(&doc);
    errno = error;
    return st;
}
