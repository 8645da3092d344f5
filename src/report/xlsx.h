/* The workbook (xlsx, through libxlsxwriter): a workbook in the making, its cell formats, the cells of the
 * report model written as Excel cells, and a doc laid out on sheets. Shared by xlsx_book.c, render_xlsx.c
 * and report_xlsx.c. Not public. */
#ifndef PARSCORE_REPORT_XLSX_H
#define PARSCORE_REPORT_XLSX_H

#include <xlsxwriter.h>

#include "base/dl.h"
#include "parscore/report.h"
#include "report/doc.h"

/* Cell styles, combined as bits; each combination (with its number format) is one format of the workbook. */
#define PS_XS_TABLE 1u       /* a table's cell: thin borders, top-aligned, long text wrapped */
#define PS_XS_HEAD 2u        /* a table's header: bold on a shaded ground */
#define PS_XS_BOLD 4u        /* the total's row */
#define PS_XS_MET 8u         /* met: green ground, dark green words */
#define PS_XS_MISSED 16u     /* missed: red ground, dark red words */
#define PS_XS_TITLE 32u      /* the report's title */
#define PS_XS_HEADING 64u    /* a section's heading */
#define PS_XS_PROSE 128u     /* prose across the sheet: wrapped, top-aligned */
#define PS_XS_UNLOCKED 4096u /* a cell left open for editing on a protected sheet */
#define PS_XS_INDENT(n) ((unsigned)((n) < 15 ? (n) : 15) << 8) /* n levels in (a sub-criterion's id) */

#define PS_XLSX_WIDTHS 64 /* layout columns whose widths a sheet measures; others keep Excel's default */

/* The functions of libxlsxwriter that the workbook calls, bound when a workbook is opened (ps_xlsx_open)
 * rather than linked: libxlsxwriter brings libcrypto, whose relocation would triple the start of every
 * other run. Called as x->lxw.workbook_close(...). */
/* clang-format off */
#define PS_LXW_FUNCTIONS(X)                                                                              \
    X(chart_add_series) X(chart_axis_set_max) X(chart_axis_set_min) X(chart_axis_set_name)               \
    X(chart_legend_set_position) X(chart_series_set_categories) X(chart_series_set_fill)                 \
    X(chart_series_set_line) X(chart_series_set_marker_fill) X(chart_series_set_marker_type)             \
    X(chart_series_set_name) X(chart_series_set_points) X(chart_series_set_values)                       \
    X(chart_title_set_name) X(format_set_align) X(format_set_bg_color) X(format_set_bold)                \
    X(format_set_border) X(format_set_border_color) X(format_set_font_color) X(format_set_font_size)     \
    X(format_set_indent) X(format_set_num_format) X(format_set_text_wrap) X(format_set_unlocked)         \
    X(lxw_rowcol_to_cell) X(lxw_workbook_free) X(workbook_add_chart) X(workbook_add_format)              \
    X(workbook_add_worksheet) X(workbook_close) X(workbook_new_opt) X(workbook_set_properties)           \
    X(worksheet_autofilter) X(worksheet_center_horizontally) X(worksheet_data_validation_cell)           \
    X(worksheet_data_validation_range) X(worksheet_fit_to_pages) X(worksheet_freeze_panes)               \
    X(worksheet_insert_chart_opt) X(worksheet_merge_range) X(worksheet_protect) X(worksheet_repeat_rows) \
    X(worksheet_set_column) X(worksheet_set_footer) X(worksheet_set_landscape) X(worksheet_set_paper)    \
    X(worksheet_set_row) X(worksheet_write_blank) X(worksheet_write_boolean)                             \
    X(worksheet_write_comment_opt) X(worksheet_write_number) X(worksheet_write_string)
/* clang-format on */
typedef struct {
    PS_LXW_FUNCTIONS(PS_DL_SLOT)
} ps_lxw;

typedef struct ps_xlsx_slot ps_xlsx_slot;

/* A workbook in the making: written by libxlsxwriter to a temporary file, which ps_xlsx_finish reads back.
 * Every writing call records its first failure in status and is ignored once one happened. */
typedef struct {
    ps_lxw lxw; /* libxlsxwriter, bound */
    lxw_workbook *book;
    ps_lang lang;
    const char *tmpdir;  /* $TMPDIR, else /tmp: the workbook's file and libxlsxwriter's own */
    char *path;          /* the workbook's temporary file */
    ps_buf text;         /* a cell laid out as text (reused) */
    ps_buf run;          /* a part of a phrase as text (reused) */
    ps_xlsx_slot *slots; /* the formats made so far, by style and number format */
    size_t nslots;
    ps_status status; /* PS_OK, or the first failure: PS_ERR_NOMEM, or PS_ERR_IO with errno in error */
    int error;
} ps_xlsx;

/* Opens a workbook in a fresh temporary file; constant_memory writes each row out as it is finished (rows
 * then go strictly in order), for a million units. PS_ERR_IO (errno in x->error) when the file cannot be
 * made, or ELIBACC when libxlsxwriter cannot be loaded (PARSCORE_XLSXWRITER_SONAME names it). ps_xlsx_finish
 * or ps_xlsx_finish_to releases it whatever the status. */
ps_status ps_xlsx_open(ps_xlsx *x, ps_lang lang, bool constant_memory);

/* Writes the workbook and appends its bytes to out; the temporary file is removed. */
ps_status ps_xlsx_finish(ps_xlsx *x, ps_buf *out);

/* The same, handing the bytes to sink in pieces. PS_ERR_IO with x->error 0: the sink refused a piece. */
ps_status ps_xlsx_finish_to(ps_xlsx *x, ps_sink sink, void *ctx);

/* The document's properties: title, subject, author, the plan's unit as the company, the tool's version,
 * and the date it was made, taken from the inputs rather than the clock so that the same inputs give the
 * same bytes: the last day of the period's quarter (2023-Q3: 30 September 2023), else of the period's or
 * the plan's year, else 1 January 1980. title NULL: out of memory (the workbook fails). */
void ps_xlsx_properties(ps_xlsx *x, const char *title, const ps_plan *plan, const char *period);

/* Records a failure of libxlsxwriter (its own errors are out of memory or a file that cannot be written). */
void ps_xlsx_check(ps_xlsx *x, lxw_error error);

/* The format of a style (PS_XS_* bits) with a number format (NULL: none); NULL once the workbook failed. */
lxw_format *ps_xlsx_format(ps_xlsx *x, unsigned style, const char *num_format);

/* A new sheet with the page set up for printing: A4 landscape, one page wide, numbered pages. */
lxw_worksheet *ps_xlsx_sheet(ps_xlsx *x, ps_label name);

/* A cell of the report model as Excel cells at (row, col): numbers stay numbers with a number format, a
 * target takes two cells (its text, then its value), met and missed are coloured, an unknown value is an
 * empty cell. style adds PS_XS_* bits. Returns the columns it took: 2 for a target, else 1. */
lxw_col_t ps_xlsx_cell(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const ps_cell *cell,
                       unsigned style);

/* text, or when it is longer than a cell holds (32,767 characters) its start and "…" (in x->run, valid
 * until the next call); NULL when out of memory. */
const char *ps_xlsx_fit(ps_xlsx *x, const char *text);

/* How many lines text takes in a column of this width (Excel's units) when its cell wraps: rows are made
 * that tall, since neither Excel nor LibreOffice grows a row for wrapped text on its own. */
double ps_xlsx_lines(const char *text, double width);

/* Text as one cell (cut with "…" at Excel's 32,767 characters), in a style. */
void ps_xlsx_string(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                    unsigned style);

/* A cell laid out as people read it, in x->text (valid until the next call); NULL when out of memory. */
const char *ps_xlsx_cell_text(ps_xlsx *x, const ps_cell *cell);

/* Every sheet of the doc, in the order their sections first name them (ps_doc_sheet). */
ps_status ps_xlsx_doc(ps_xlsx *x, const ps_doc *doc);

/* Where a table went, for a chart that draws its columns. */
typedef struct {
    lxw_worksheet *sheet;
    const char *name;      /* the sheet's name */
    lxw_row_t first, last; /* its rows of data */
    lxw_row_t room;        /* the first of the rows left free above the table (for the chart) */
    lxw_col_t
        number_col[PS_XLSX_WIDTHS]; /* per column of the table: where its numbers are (a target's value) */
} ps_xlsx_place;

/* A sheet of its own for one table (not one of the doc's sections): the doc's title and sources, room_rows
 * empty rows, the table, and the doc's closing notes. */
ps_status ps_xlsx_table_sheet(ps_xlsx *x, const ps_doc *doc, ps_label name, const ps_doc_table *table,
                              lxw_row_t room_rows, ps_xlsx_place *place);

/* The reporters of the workbook that the public ones call (report.c, report_units.c). PS_ERR_IO: the
 * temporary files could not be made or written, errno says why. */
ps_status ps_report_trend_xlsx(const ps_trend *trend, const ps_report_options *options, ps_buf *out);
ps_status ps_report_template_xlsx(const ps_plan *plan, const ps_report_options *options, ps_buf *out);

#endif
