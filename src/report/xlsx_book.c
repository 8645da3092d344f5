/* The workbook's mechanics: its temporary file, its formats, and the report model's cells as Excel cells. */
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/text.h"
#include "parscore/parscore.h"
#include "report/xlsx.h"

#define SLOTS 128         /* formats kept for reuse; a workbook of the built-in plan makes about 40 */
#define EXCEL_CHARS 32767 /* the most characters a cell holds */
#define READ_BYTES 65536  /* the finished workbook is read back in pieces of this size */
#define PAPER_A4 9        /* Excel's paper codes */
#define ELLIPSIS "\xe2\x80\xa6"
#define LE "\xe2\x89\xa4" /* ≤ */

/* Colours (RGB): a shaded header, thin grey rules, and the usual Excel "good" and "bad" cells. */
#define COLOR_HEAD 0xDDEBF7
#define COLOR_RULE 0xBFBFBF
#define COLOR_MET_GROUND 0xC6EFCE
#define COLOR_MET_WORDS 0x006100
#define COLOR_MISSED_GROUND 0xFFC7CE
#define COLOR_MISSED_WORDS 0x9C0006

struct ps_xlsx_slot {
    unsigned style;
    char num_format[LXW_FORMAT_FIELD_LEN];
    lxw_format *format;
};

/* ---- the workbook's file ---- */

static ps_status fail_io(ps_xlsx *x, int error)
{
    if (x->status == PS_OK) {
        x->status = PS_ERR_IO;
        x->error = error ? error : EIO;
    }
    return x->status;
}

static ps_status fail_nomem(ps_xlsx *x)
{
    if (x->status == PS_OK)
        x->status = PS_ERR_NOMEM;
    return x->status;
}

#define LXW_FUNCTION(name) {#name, offsetof(ps_lxw, name)},
static const ps_dl_function lxw_functions[] = {PS_LXW_FUNCTIONS(LXW_FUNCTION)};

ps_status ps_xlsx_open(ps_xlsx *x, ps_lang lang, bool constant_memory)
{
    memset(x, 0, sizeof *x);
    x->lang = lang;
    ps_buf_init(&x->text);
    ps_buf_init(&x->run);
    char reason[256];
    if (ps_dl_bind(PARSCORE_XLSXWRITER_SONAME, lxw_functions, sizeof lxw_functions / sizeof *lxw_functions,
                   &x->lxw, reason, sizeof reason) != PS_OK)
        return fail_io(x, ELIBACC);
    const char *dir = getenv("TMPDIR");
    x->tmpdir = dir && *dir ? dir : "/tmp";
    size_t size = strlen(x->tmpdir) + sizeof "/parscore-XXXXXX";
    x->path = malloc(size);
    x->slots = calloc(SLOTS, sizeof *x->slots);
    if (!x->path || !x->slots)
        return fail_nomem(x);
    snprintf(x->path, size, "%s/parscore-XXXXXX", x->tmpdir);
    int fd = mkstemp(x->path);
    if (fd < 0) {
        free(x->path);
        x->path = NULL; /* nothing to remove */
        return fail_io(x, errno);
    }
    close(fd);
    /* libxlsxwriter makes its own temporary files in the same folder (it reads tmpdir, never writes it) */
    lxw_workbook_options options = {.constant_memory = constant_memory, .tmpdir = (char *)x->tmpdir};
    x->book = x->lxw.workbook_new_opt(x->path, &options);
    return x->book ? PS_OK : fail_nomem(x);
}

void ps_xlsx_check(ps_xlsx *x, lxw_error error)
{
    if (error == LXW_NO_ERROR)
        return;
    if (error == LXW_ERROR_MEMORY_MALLOC_FAILED)
        fail_nomem(x);
    else /* a file libxlsxwriter could not write; any other refusal would be a wrong workbook */
        fail_io(x, error == LXW_ERROR_CREATING_XLSX_FILE || error == LXW_ERROR_CREATING_TMPFILE ||
                           error == LXW_ERROR_READING_TMPFILE || error == LXW_ERROR_ZIP_FILE_OPERATION ||
                           error == LXW_ERROR_ZIP_FILE_ADD || error == LXW_ERROR_ZIP_CLOSE
                       ? errno
                       : EINVAL);
}

/* Writes the workbook out, or only releases it when something failed already. */
static void close_book(ps_xlsx *x)
{
    if (!x->book)
        return;
    if (x->status != PS_OK) {
        x->lxw.lxw_workbook_free(x->book);
    } else {
        errno = 0;
        ps_xlsx_check(x, x->lxw.workbook_close(x->book));
    }
    x->book = NULL;
}

static void release(ps_xlsx *x)
{
    if (x->path)
        unlink(x->path);
    free(x->path);
    free(x->slots);
    ps_buf_free(&x->text);
    ps_buf_free(&x->run);
    x->path = NULL;
    x->slots = NULL;
}

/* Reads the written workbook back, a piece at a time, into sink. */
static void read_back(ps_xlsx *x, ps_sink sink, void *ctx)
{
    int fd = open(x->path, O_RDONLY);
    if (fd < 0) {
        fail_io(x, errno);
        return;
    }
    char *piece = malloc(READ_BYTES);
    ssize_t n = 0;
    while (piece && x->status == PS_OK && (n = read(fd, piece, READ_BYTES)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            fail_io(x, errno);
        else if (!sink(ctx, piece, (size_t)n) && fail_io(x, EIO) == PS_ERR_IO)
            x->error = 0; /* the sink refused: it knows why */
    }
    if (!piece)
        fail_nomem(x);
    free(piece);
    close(fd);
}

static bool to_buf(void *ctx, const char *data, size_t len)
{
    ps_buf_append(ctx, data, len);
    return true;
}

ps_status ps_xlsx_finish_to(ps_xlsx *x, ps_sink sink, void *ctx)
{
    close_book(x);
    if (x->status == PS_OK)
        read_back(x, sink, ctx);
    release(x);
    return x->status;
}

ps_status ps_xlsx_finish(ps_xlsx *x, ps_buf *out)
{
    ps_xlsx_finish_to(x, to_buf, out);
    if (x->status == PS_OK && out->failed)
        x->status = PS_ERR_NOMEM;
    return x->status;
}

/* ---- the workbook's properties ---- */

#define EPOCH_1980 315532800 /* 1 January 1980, 00:00 UTC: the date of a workbook that names no year */

/* Days from 1 January 1970 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

/* The first four digits in a row standing alone ("2023" in "2023-Q3"); 0 when there are none. */
static int year_in(const char *text)
{
    for (const char *p = text; p && *p; p++) {
        size_t n = strspn(p, "0123456789");
        if (n == 4 && (p == text || p[-1] < '0' || p[-1] > '9'))
            return atoi(p);
        p += n ? n - 1 : 0;
    }
    return 0;
}

/* When the workbook was made, taken from what it speaks of rather than the clock, so that the same inputs
 * give the same bytes: the last day of the period's quarter (2023-Q3: 30 September 2023), else of the
 * period's or the plan's year; with no year at all, 1 January 1980. */
static ps_status created_at(const char *period, const char *plan_year, time_t *when)
{
    static const unsigned last_day[5][2] = {{12, 31}, {3, 31}, {6, 30}, {9, 30}, {12, 31}};
    int year = year_in(period) ? year_in(period) : year_in(plan_year), quarter = 0;
    if (period && year_in(period) && ps_period_quarter(period, &quarter) != PS_OK)
        return PS_ERR_NOMEM;
    if (quarter < 1 || quarter > 4)
        quarter = 0;
    *when = year ? (time_t)(days_from_civil(year, last_day[quarter][0], last_day[quarter][1]) * 86400)
                 : (time_t)EPOCH_1980;
    return PS_OK;
}

void ps_xlsx_properties(ps_xlsx *x, const char *title, const ps_plan *plan, const char *period)
{
    time_t when;
    if (x->status != PS_OK)
        return;
    if (!title || created_at(period, plan->year, &when) != PS_OK) {
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    lxw_doc_properties p = {.title = (char *)title,
                            .subject = (char *)ps_label_text(PS_L_XLSX_SUBJECT, x->lang),
                            .author = "parscore",
                            .company = (char *)(plan->unit ? plan->unit : ""),
                            .keywords = "PAR INDEX, SIPAS",
                            .comments = "parscore " PARSCORE_VERSION,
                            .created = when};
    ps_xlsx_check(x, x->lxw.workbook_set_properties(x->book, &p));
}

/* ---- formats ---- */

static void style_format(ps_xlsx *x, lxw_format *f, unsigned style)
{
    if (style & (PS_XS_TABLE | PS_XS_HEAD)) {
        x->lxw.format_set_border(f, LXW_BORDER_THIN);
        x->lxw.format_set_border_color(f, COLOR_RULE);
        x->lxw.format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        x->lxw.format_set_text_wrap(f);
    }
    if (style & PS_XS_HEAD) {
        x->lxw.format_set_bold(f);
        x->lxw.format_set_bg_color(f, COLOR_HEAD);
    }
    if (style & (PS_XS_BOLD | PS_XS_TITLE | PS_XS_HEADING))
        x->lxw.format_set_bold(f);
    if (style & PS_XS_MET) {
        x->lxw.format_set_bg_color(f, COLOR_MET_GROUND);
        x->lxw.format_set_font_color(f, COLOR_MET_WORDS);
    }
    if (style & PS_XS_MISSED) {
        x->lxw.format_set_bg_color(f, COLOR_MISSED_GROUND);
        x->lxw.format_set_font_color(f, COLOR_MISSED_WORDS);
    }
    if (style & PS_XS_TITLE)
        x->lxw.format_set_font_size(f, 14);
    if (style & PS_XS_HEADING)
        x->lxw.format_set_font_size(f, 12);
    if (style & PS_XS_PROSE) {
        x->lxw.format_set_text_wrap(f);
        x->lxw.format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    if (style & PS_XS_UNLOCKED)
        x->lxw.format_set_unlocked(f);
    if ((style >> 8) & 15u)
        x->lxw.format_set_indent(f, (uint8_t)((style >> 8) & 15u));
}

lxw_format *ps_xlsx_format(ps_xlsx *x, unsigned style, const char *num_format)
{
    if (x->status != PS_OK)
        return NULL;
    const char *nf = num_format ? num_format : "";
    for (size_t k = 0; k < x->nslots; k++)
        if (x->slots[k].style == style && strcmp(x->slots[k].num_format, nf) == 0)
            return x->slots[k].format;
    lxw_format *f = x->lxw.workbook_add_format(x->book);
    if (!f) {
        fail_nomem(x);
        return NULL;
    }
    if (*nf)
        x->lxw.format_set_num_format(f, nf);
    style_format(x, f, style);
    if (x->nslots < SLOTS && strlen(nf) < sizeof x->slots[0].num_format) { /* else made again when asked */
        ps_xlsx_slot *s = &x->slots[x->nslots++];
        s->style = style;
        strcpy(s->num_format, nf);
        s->format = f;
    }
    return f;
}

/* ---- sheets ---- */

lxw_worksheet *ps_xlsx_sheet(ps_xlsx *x, ps_label name)
{
    if (x->status != PS_OK)
        return NULL;
    lxw_worksheet *ws = x->lxw.workbook_add_worksheet(x->book, ps_label_text(name, x->lang));
    if (!ws) { /* the names are the tool's own, valid and distinct: only memory can fail */
        fail_nomem(x);
        return NULL;
    }
    x->lxw.worksheet_set_paper(ws, PAPER_A4);
    x->lxw.worksheet_set_landscape(ws);
    x->lxw.worksheet_fit_to_pages(ws, 1, 0); /* one page wide, as many tall as it takes */
    x->lxw.worksheet_center_horizontally(ws);
    char footer[128];
    snprintf(footer, sizeof footer, "&C%s", ps_label_text(PS_L_XLSX_PAGE, x->lang));
    ps_xlsx_check(x, x->lxw.worksheet_set_footer(ws, footer));
    return ws;
}

/* ---- cells ---- */

const char *ps_xlsx_cell_text(ps_xlsx *x, const ps_cell *cell)
{
    x->text.len = 0;
    ps_cell_put(&x->text, cell, x->lang, NULL);
    ps_buf_append(&x->text, "", 0); /* terminated even when empty */
    if (x->text.failed) {
        fail_nomem(x);
        return NULL;
    }
    return x->text.data;
}

/* The first EXCEL_CHARS - 1 characters of text and "…", in x->run. */
static const char *cut(ps_xlsx *x, const char *text)
{
    size_t end = 0;
    for (long chars = 0; text[end]; end++)
        if (((unsigned char)text[end] & 0xC0) != 0x80 && ++chars == EXCEL_CHARS)
            break; /* end: where the last character that fits after "…" would start */
    x->run.len = 0;
    ps_buf_append(&x->run, text, end);
    ps_buf_puts(&x->run, ELLIPSIS);
    if (x->run.failed) {
        fail_nomem(x);
        return NULL;
    }
    return x->run.data;
}

const char *ps_xlsx_fit(ps_xlsx *x, const char *text)
{
    /* a name longer than a cell holds is cut where it shows, with "…", as the chart cuts long names */
    return ps_utf8_chars(text, strlen(text)) > EXCEL_CHARS ? cut(x, text) : text;
}

void ps_xlsx_string(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                    unsigned style)
{
    if (x->status != PS_OK || !ws || !(text = ps_xlsx_fit(x, text)))
        return;
    ps_xlsx_check(x, x->lxw.worksheet_write_string(ws, row, col, text, ps_xlsx_format(x, style, NULL)));
}

static void blank(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, unsigned style)
{
    lxw_format *f = style ? ps_xlsx_format(x, style, NULL) : NULL;
    if (f) /* an empty cell with its borders or ground; nothing at all without a style */
        ps_xlsx_check(x, x->lxw.worksheet_write_blank(ws, row, col, f));
}

static double real(ps_num value)
{
    return (double)value / (double)PS_NUM_SCALE;
}

/* Numbers are written exact (64.9425) and shown as the text report shows them (64,94) by their format:
 * Excel then shows the decimal mark of its own locale. */
static void number(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double value, unsigned style,
                   const char *num_format)
{
    ps_xlsx_check(x,
                  x->lxw.worksheet_write_number(ws, row, col, value, ps_xlsx_format(x, style, num_format)));
}

/* The number format of a NUMBER cell's flags: "+0.00" shows the sign of any value but 0, as the text does. */
static const char *number_code(unsigned flags)
{
    if (flags & PS_CELL_SHORT)
        return "General"; /* 7,5 and 8, as in the text */
    return flags & PS_CELL_PLUS ? "+0.00;-0.00;0.00" : "0.00";
}

static void rank(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const ps_cell *cell,
                 unsigned style)
{
    char code[40] = "0"; /* the rank stays a number; "5/8" and "≤ 7" are how it shows */
    if (cell->flags & PS_CELL_AT_MOST)
        snprintf(code, sizeof code, "\"" LE " \"0");
    else if (cell->of > 0)
        snprintf(code, sizeof code, "0\"/%d\"", cell->of);
    number(x, ws, row, col, (double)cell->integer, style, code);
}

/* ---- a phrase around a number ---- */

/* A phrase of the tool's words around numbers ("> 7,78", "48,50 (+2,75)", "không đủ (+23,13)"): its first
 * number is the cell's value, and the rest of the phrase becomes literal text of its number format, so the
 * cell shows what the text report shows and still counts as a number. */
typedef struct {
    char before[LXW_FORMAT_FIELD_LEN], after[LXW_FORMAT_FIELD_LEN];
    size_t nbefore, nafter;
    bool found;
    ps_cell number;
} phrase_parts;

static bool add_literal(ps_xlsx *x, phrase_parts *p, const ps_cell *run)
{
    x->run.len = 0;
    ps_cell_put(&x->run, run, x->lang, NULL);
    if (x->run.failed) {
        fail_nomem(x);
        return false;
    }
    char *to = p->found ? p->after : p->before;
    size_t *n = p->found ? &p->nafter : &p->nbefore;
    if (x->run.len > 0 && (memchr(x->run.data, '"', x->run.len) || *n + x->run.len >= sizeof p->before))
        return false; /* a quote cannot stand in a format's literal text; too long for a format */
    if (x->run.len > 0)
        memcpy(to + *n, x->run.data, x->run.len);
    *n += x->run.len;
    to[*n] = '\0';
    return true;
}

/* false when the phrase holds anything but the tool's words and numbers (text from the inputs, a verdict) */
static bool split_phrase(ps_xlsx *x, const ps_cell *cell, phrase_parts *p)
{
    switch (cell->kind) {
    case PS_CELL_PHRASE:
        for (size_t k = 0; k < cell->count; k++)
            if (!split_phrase(x, &cell->runs[k], p))
                return false;
        return true;
    case PS_CELL_NONE:
        return true;
    case PS_CELL_NUMBER:
        if (!p->found) {
            p->found = true;
            p->number = *cell;
            return true;
        }
        return add_literal(x, p, cell);
    case PS_CELL_WORDS:
    case PS_CELL_INTEGER:
        return add_literal(x, p, cell);
    default:
        return false;
    }
}

/* One section of a number format: the literal text before, the number, the literal text after. */
static void section(char *code, size_t size, const phrase_parts *p, const char *number)
{
    size_t n = strlen(code);
    snprintf(code + n, n < size ? size - n : 0, "%s%s%s%s%s%s%s", p->nbefore ? "\"" : "", p->before,
             p->nbefore ? "\"" : "", number, p->nafter ? "\"" : "", p->after, p->nafter ? "\"" : "");
}

static bool phrase_number(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const ps_cell *cell,
                          unsigned style)
{
    phrase_parts p;
    memset(&p, 0, sizeof p);
    if (!split_phrase(x, cell, &p) || !p.found || (p.number.flags & PS_CELL_SHORT))
        return false;
    char code[4 * LXW_FORMAT_FIELD_LEN] = "";
    if (p.number.flags & PS_CELL_PLUS) {
        section(code, sizeof code, &p, "+0.00");
        strcat(code, ";");
        section(code, sizeof code, &p, "-0.00");
        strcat(code, ";");
    }
    section(code, sizeof code, &p, "0.00");
    if (strlen(code) >= LXW_FORMAT_FIELD_LEN)
        return false; /* more than a format holds: the phrase is written as text */
    number(x, ws, row, col, real(p.number.value), style, code);
    return true;
}

/* ---- a cell ---- */

static unsigned tone(const ps_cell *cell)
{
    return cell->met == PS_MET_YES ? PS_XS_MET : cell->met == PS_MET_NO ? PS_XS_MISSED : 0;
}

static void words(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const ps_cell *cell,
                  unsigned style)
{
    const char *text = ps_xlsx_cell_text(x, cell);
    if (text)
        ps_xlsx_string(x, ws, row, col, text, style);
}

lxw_col_t ps_xlsx_cell(ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const ps_cell *cell,
                       unsigned style)
{
    lxw_col_t took = cell->kind == PS_CELL_TARGET ? 2 : 1;
    if (x->status != PS_OK || !ws)
        return took;
    style |= tone(cell);
    switch (cell->kind) {
    case PS_CELL_NONE:
    case PS_CELL_UNKNOWN: /* not known: an empty cell, never 0 */
        blank(x, ws, row, col, style);
        break;
    case PS_CELL_TEXT:
    case PS_CELL_WORDS:
        ps_xlsx_string(x, ws, row, col, cell->text, style);
        break;
    case PS_CELL_NUMBER:
        number(x, ws, row, col, real(cell->value), style, number_code(cell->flags));
        break;
    case PS_CELL_INTEGER:
        number(x, ws, row, col, (double)cell->integer, style, "0");
        break;
    case PS_CELL_RANK:
        rank(x, ws, row, col, cell, style);
        break;
    case PS_CELL_TARGET: /* "> 50,00" as the report writes it, and beside it the value, a number */
        words(x, ws, row, col, cell, style);
        number(x, ws, row, col + 1, real(cell->value), style, "0.00");
        break;
    case PS_CELL_VERDICT:
        if (cell->met == PS_MET_YES || cell->met == PS_MET_NO)
            words(x, ws, row, col, cell, style);
        else
            blank(x, ws, row, col, style);
        break;
    case PS_CELL_BOOL:
        ps_xlsx_check(x, x->lxw.worksheet_write_boolean(ws, row, col, (int)cell->integer,
                                                        ps_xlsx_format(x, style, NULL)));
        break;
    case PS_CELL_PHRASE:
        if (!phrase_number(x, ws, row, col, cell, style))
            words(x, ws, row, col, cell, style);
        break;
    }
    return took;
}
