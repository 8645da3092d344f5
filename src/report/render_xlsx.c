/* The workbook's layout: the doc's sections on the sheets they name, the title and sources heading every
 * sheet, tables of typed cells with a frozen, filtered header, and prose across the sheet. */
#include <string.h>

#include "report/render.h"
#include "report/xlsx.h"

#define COL_MIN 5.0            /* the narrowest column, in Excel's widths (characters of the default font) */
#define COL_TEXT_MAX 40.0      /* wider text wraps: names, phrases */
#define COL_NOTE_MAX 48.0      /* the responsible offices, a long list */
#define COL_PAD 2.0            /* room beside the widest cell */
#define HEAD_MAX 14.0          /* a longer header wraps rather than widen its column */
#define PROSE_WIDTH 100.0      /* prose on a sheet without tables wraps at this width */
#define LINE_POINTS 15.0       /* the height of a line of the default font (Calibri 11) */
#define TITLE_POINTS 20.0      /* a line of the title's font (14 points) */
#define LETTERS_PER_WIDTH 1.15 /* letters of a Vietnamese text to a unit of column width: ps_xlsx_lines */
#define ROW_POINTS_MAX 409.0   /* the tallest row Excel has: a longer text scrolls within its cell */

/* A sheet while it is written. */
typedef struct {
    ps_xlsx *x;
    const ps_doc *doc;
    lxw_worksheet *ws;
    lxw_row_t row;                 /* the next row */
    double widths[PS_XLSX_WIDTHS]; /* the widest cell of each column, measured before writing */
    size_t ncols;                  /* the columns of the widest table */
    bool tabled;                   /* a table is on the sheet: only the first is filtered and frozen */
    bool prose;                    /* a paragraph came first: its table's header is not frozen */
    bool apart;                    /* a section or a table ended: what comes next starts after an empty row */
} sheet;

static double text_width(ps_xlsx *x, const ps_cell *cell)
{
    const char *text = ps_xlsx_cell_text(x, cell);
    return text ? (double)ps_text_width(text, strlen(text)) : 0;
}

static void widen(sheet *s, size_t col, double width, double cap)
{
    if (col < PS_XLSX_WIDTHS && s->widths[col] < (width < cap ? width : cap))
        s->widths[col] = width < cap ? width : cap;
}

/* A column that holds a target takes two: the target as the report writes it, and its value. */
static bool split(const ps_doc_table *t, size_t k)
{
    for (size_t r = 0; r < t->nrows; r++)
        if (t->rows[r].cells[k].kind == PS_CELL_TARGET)
            return true;
    return false;
}

/* ---- measuring ---- */

static void measure_table(sheet *s, const ps_doc_table *t)
{
    ps_xlsx *x = s->x;
    ps_cell value_head = ps_cell_label(s->doc, PS_L_XLSX_TARGET_VALUE);
    size_t col = 0;
    for (size_t k = 0; k < t->ncols && t->nrows > 0; k++) {
        double cap = t->columns[k].flags & PS_COL_NOTE ? COL_NOTE_MAX : COL_TEXT_MAX;
        double head = text_width(x, &t->columns[k].head);
        widen(s, col, head < HEAD_MAX ? head : HEAD_MAX, cap);
        bool two = split(t, k);
        if (two)
            widen(s, col + 1, text_width(x, &value_head), HEAD_MAX);
        for (size_t r = 0; r < t->nrows; r++) {
            const ps_cell *cell = &t->rows[r].cells[k];
            widen(s, col, text_width(x, cell), cap);
            if (cell->kind == PS_CELL_TARGET)
                widen(s, col + 1, text_width(x, &(ps_cell){.kind = PS_CELL_NUMBER, .value = cell->value}),
                      cap);
        }
        col += two ? 2 : 1;
    }
    if (col > s->ncols)
        s->ncols = col;
}

static double column_width(const sheet *s, size_t col)
{
    double w = col < PS_XLSX_WIDTHS ? s->widths[col] + COL_PAD : COL_MIN;
    return w < COL_MIN ? COL_MIN : w;
}

/* The width prose wraps at: the widest table's. */
static double sheet_width(const sheet *s)
{
    double w = 0;
    for (size_t c = 0; c < s->ncols; c++)
        w += column_width(s, c);
    return s->ncols > 1 ? w : PROSE_WIDTH;
}

/* How many lines text takes, wrapped at its words to a column of this width, as Excel wraps it: a width
 * counts digits of the default font, and its letters are narrower (Vietnamese ones with their marks too):
 * 1.15 to a digit, a little less than the 1.2 they take in LibreOffice, so that a row is rather a line too
 * tall than hides one. Rows are set as tall as their longest cell: neither Excel nor LibreOffice grows a
 * row for wrapped text on its own. */
double ps_xlsx_lines(const char *text, double width)
{
    size_t cols = width > 2 ? (size_t)(width * LETTERS_PER_WIDTH) : 2, n = 0;
    for (const char *p = text; *p;) {
        if (*p == '\n') { /* a line break of its own, as a quoted CSV cell may hold */
            p++;
            n++;
            continue;
        }
        size_t skip = 0, len = ps_text_wrap_at(p, cols, &skip);
        const char *nl = memchr(p, '\n', len);
        if (nl) /* the break comes first: the line ends there */
            len = (size_t)(nl - p), skip = 1;
        p += len + skip;
        n++;
    }
    return n > 0 ? (double)n : 1;
}

static void row_height(sheet *s, lxw_row_t row, double lines, double points)
{
    double height = lines * points < ROW_POINTS_MAX ? lines * points : ROW_POINTS_MAX;
    if (s->ws && height > LINE_POINTS)
        ps_xlsx_check(s->x, s->x->lxw.worksheet_set_row(s->ws, row, height, NULL));
}

static void set_widths(sheet *s)
{
    for (size_t c = 0; c < s->ncols && c < PS_XLSX_WIDTHS && s->ws; c++)
        ps_xlsx_check(s->x, s->x->lxw.worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c,
                                                           column_width(s, c), NULL));
}

/* ---- lines and prose ---- */

/* A line that fits the sheet stays one cell (its text may run over the empty cells beside it); longer
 * text is wrapped over the width of the sheet's tables, its row as tall as its lines. */
/* An empty row after a section or a table, before whatever comes next: a spreadsheet takes the rows around
 * a table for part of it (when sorting or filtering) unless an empty one stands between. */
static void keep_apart(sheet *s)
{
    if (s->apart)
        s->row++;
    s->apart = false;
}

static void prose(sheet *s, const ps_cell *cell, unsigned style)
{
    ps_xlsx *x = s->x;
    keep_apart(s);
    const char *text = ps_xlsx_cell_text(x, cell);
    if (!text || !s->ws)
        return;
    double width = (double)ps_text_width(text, strlen(text)), room = sheet_width(s);
    double points = style & PS_XS_TITLE ? TITLE_POINTS : LINE_POINTS;
    if ((width <= room && !strchr(text, '\n')) || s->ncols < 2) {
        row_height(s, s->row, 1, points);
        ps_xlsx_string(x, s->ws, s->row++, 0, text, style);
        return;
    }
    row_height(s, s->row, ps_xlsx_lines(text, room), points);
    if (!(text = ps_xlsx_fit(x, text)))
        return;
    lxw_format *f = ps_xlsx_format(x, style | PS_XS_PROSE, NULL);
    ps_xlsx_check(x,
                  x->lxw.worksheet_merge_range(s->ws, s->row, 0, s->row, (lxw_col_t)(s->ncols - 1), text, f));
    s->row++;
}

/* ---- tables ---- */

/* The lines a cell takes in its column: numbers never wrap; text wraps at the column's width. */
static double cell_lines(sheet *s, const ps_cell *cell, size_t col)
{
    if (cell->kind != PS_CELL_TEXT && cell->kind != PS_CELL_WORDS && cell->kind != PS_CELL_PHRASE)
        return 1;
    const char *text = ps_xlsx_cell_text(s->x, cell);
    return text ? ps_xlsx_lines(text, column_width(s, col)) : 1;
}

static void header_row(sheet *s, const ps_doc_table *t, lxw_row_t row)
{
    ps_cell value_head = ps_cell_label(s->doc, PS_L_XLSX_TARGET_VALUE);
    lxw_col_t col = 0;
    double lines = 1;
    for (size_t k = 0; k < t->ncols; k++) {
        double n = cell_lines(s, &t->columns[k].head, col);
        lines = n > lines ? n : lines;
        const char *head = ps_xlsx_cell_text(s->x, &t->columns[k].head); /* headers are words, always */
        if (head)
            ps_xlsx_string(s->x, s->ws, row, col, head, PS_XS_HEAD);
        col++;
        if (split(t, k)) {
            n = cell_lines(s, &value_head, col);
            lines = n > lines ? n : lines;
            ps_xlsx_cell(s->x, s->ws, row, col++, &value_head, PS_XS_HEAD);
        }
    }
    row_height(s, row, lines, LINE_POINTS);
}

static lxw_col_t data_row(sheet *s, const ps_doc_table *t, const ps_doc_row *row, lxw_row_t at,
                          ps_xlsx_place *place)
{
    unsigned style = PS_XS_TABLE | (row->flags & PS_ROW_STRONG ? PS_XS_BOLD : 0);
    ps_cell none = ps_cell_none();
    lxw_col_t col = 0;
    double lines = 1;
    for (size_t k = 0; k < t->ncols; k++) {
        const ps_cell *cell = &row->cells[k];
        bool two = split(t, k);
        if (place && k < PS_XLSX_WIDTHS)
            place->number_col[k] = (lxw_col_t)(col + (two ? 1 : 0));
        double n = cell_lines(s, cell, col);
        lines = n > lines ? n : lines;
        unsigned indent = k == 0 && row->indent > 0 ? PS_XS_INDENT(row->indent) : 0; /* as the text does */
        if (two && cell->kind != PS_CELL_TARGET) /* no target on this row: both cells empty */
            col += ps_xlsx_cell(s->x, s->ws, at, col, &none, style);
        col += ps_xlsx_cell(s->x, s->ws, at, col, cell, style | indent);
    }
    row_height(s, at, lines, LINE_POINTS);
    return col;
}

/* The first table of a sheet gets an autofilter, and its header stays in view while scrolling and on
 * every printed page, unless prose stands between it and the sheet's title. */
static void first_table(sheet *s, lxw_row_t head, lxw_row_t last, lxw_col_t ncols)
{
    if (s->tabled || ncols == 0)
        return;
    s->tabled = true;
    ps_xlsx_check(s->x, s->x->lxw.worksheet_autofilter(s->ws, head, 0, last, ncols - 1));
    if (s->prose)
        return;
    s->x->lxw.worksheet_freeze_panes(s->ws, head + 1, 0);
    ps_xlsx_check(s->x, s->x->lxw.worksheet_repeat_rows(s->ws, head, head));
}

static void table(sheet *s, const ps_doc_table *t, ps_xlsx_place *place)
{
    if (t->nrows == 0 || !s->ws)
        return;
    keep_apart(s);
    lxw_row_t head = s->row;
    header_row(s, t, head);
    lxw_col_t ncols = 0;
    for (size_t r = 0; r < t->nrows; r++)
        ncols = data_row(s, t, &t->rows[r], head + 1 + (lxw_row_t)r, place);
    lxw_row_t last = head + (lxw_row_t)t->nrows;
    first_table(s, head, last, ncols);
    if (place) {
        place->first = head + 1;
        place->last = last;
    }
    s->row = last + 1;
    s->apart = true;
    for (size_t r = 0; r < t->nrows; r++) /* each row's note under the table, as Markdown has them */
        if (t->rows[r].note.kind != PS_CELL_NONE)
            prose(s, &t->rows[r].note, 0);
}

/* ---- sections and sheets ---- */

static void section(sheet *s, const ps_doc_section *sec)
{
    keep_apart(s);
    if (sec->heading.kind != PS_CELL_NONE)
        prose(s, &sec->heading, sec->level == 1 ? PS_XS_TITLE : PS_XS_HEADING);
    for (size_t k = 0; k < sec->count; k++) {
        const ps_doc_block *b = &sec->blocks[k];
        if (b->kind == PS_BLOCK_TABLE) {
            table(s, b->table, NULL);
            continue;
        }
        s->prose = s->prose || (b->kind == PS_BLOCK_PARAGRAPH && !s->tabled);
        prose(s, &b->text, 0);
    }
    s->apart = true;
}

static bool heads_every_sheet(const ps_doc_section *sec)
{
    return sec->level == 1;
}

/* A section of a sheet of its own: neither the title nor a note under every sheet. */
static bool placed(const ps_doc_section *sec)
{
    return !heads_every_sheet(sec) && !sec->every_sheet;
}

static ps_label sheet_of(const ps_doc_section *sec)
{
    return sec->sheet ? sec->sheet : PS_L_XLSX_SHEET_REPORT;
}

/* Opens the sheet, its columns as wide as measured, and writes the doc's title and sources. */
static void open_sheet(sheet *s, ps_label name)
{
    s->ws = ps_xlsx_sheet(s->x, name);
    set_widths(s);
    for (size_t i = 0; i < s->doc->count; i++)
        if (heads_every_sheet(&s->doc->sections[i]))
            section(s, &s->doc->sections[i]);
}

/* The notes under every sheet (the illustrative max points). */
static void close_sheet(sheet *s)
{
    for (size_t i = 0; i < s->doc->count; i++)
        if (s->doc->sections[i].every_sheet)
            section(s, &s->doc->sections[i]);
}

static void doc_sheet(ps_xlsx *x, const ps_doc *doc, ps_label name)
{
    sheet s;
    memset(&s, 0, sizeof s);
    s.x = x;
    s.doc = doc;
    for (size_t i = 0; i < doc->count; i++) {
        const ps_doc_section *sec = &doc->sections[i];
        for (size_t k = 0; placed(sec) && sheet_of(sec) == name && k < sec->count; k++)
            if (sec->blocks[k].kind == PS_BLOCK_TABLE)
                measure_table(&s, sec->blocks[k].table);
    }
    open_sheet(&s, name);
    for (size_t i = 0; i < doc->count; i++)
        if (placed(&doc->sections[i]) && sheet_of(&doc->sections[i]) == name)
            section(&s, &doc->sections[i]);
    close_sheet(&s);
}

ps_status ps_xlsx_doc(ps_xlsx *x, const ps_doc *doc)
{
    if (doc->failed) /* an incomplete doc makes no workbook */
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
    bool done[PS_WORDING_COUNT] = {false};
    for (size_t i = 0; i < doc->count && x->status == PS_OK; i++) {
        const ps_doc_section *sec = &doc->sections[i];
        ps_label name = sheet_of(sec);
        if (!placed(sec) || done[name])
            continue;
        done[name] = true;
        doc_sheet(x, doc, name);
    }
    return x->status;
}

ps_status ps_xlsx_table_sheet(ps_xlsx *x, const ps_doc *doc, ps_label name, const ps_doc_table *t,
                              lxw_row_t room_rows, ps_xlsx_place *place)
{
    if (doc->failed || !t) {
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return x->status;
    }
    sheet s;
    memset(&s, 0, sizeof s);
    memset(place, 0, sizeof *place);
    s.x = x;
    s.doc = doc;
    s.tabled = true; /* a chart's figures: no filter (it would hide bars), no header frozen under the chart */
    measure_table(&s, t);
    open_sheet(&s, name);
    if (s.ws) /* the chart and its figures on one page */
        s.x->lxw.worksheet_fit_to_pages(s.ws, 1, 1);
    place->sheet = s.ws;
    place->name = ps_label_text(name, x->lang);
    keep_apart(&s);
    place->room = s.row;
    s.row += room_rows;
    table(&s, t, place);
    close_sheet(&s);
    return x->status;
}
