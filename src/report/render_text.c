/* The text layout: tables measured in display columns (utf8proc widths, not bytes), prose wrapped. */
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "report/render.h"

#define PARAGRAPH_WIDTH 100 /* prose and notes under a row stay within this many columns */
#define SERIES_SHOWN 5      /* a series of columns (quarters) shows its latest ones only */
#define GREEN "\033[32m"
#define RED "\033[31m"
#define PLAIN "\033[0m"

size_t ps_text_wrap_at(const char *text, size_t width, size_t *skip)
{
    size_t len = strlen(text), fit = 0, last_space = 0, i = 0, used = 0;
    *skip = 0;
    if (ps_text_width(text, len) <= width)
        return len;
    while (i < len) {
        size_t n = 1;
        while (i + n < len && ((unsigned char)text[i + n] & 0xC0) == 0x80)
            n++;
        used += ps_text_width(text + i, n); /* a character at a time: the text is valid UTF-8 */
        if (used > width)
            break;
        if (text[i] == ' ')
            last_space = i;
        i += n;
        fit = i;
    }
    if (last_space > 0 && i < len && text[i] != ' ') {
        *skip = 1;
        return last_space;
    }
    if (i < len && text[i] == ' ')
        *skip = 1;
    return fit > 0 ? fit : 1;
}

static void pad(ps_buf *out, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ps_buf_append(out, " ", 1);
}

static void paragraph(ps_buf *out, const char *text, size_t width)
{
    while (*text) {
        size_t skip = 0, len = ps_text_wrap_at(text, width, &skip);
        ps_buf_append(out, text, len);
        ps_buf_puts(out, "\n");
        text += len + skip;
    }
}

/* A cell as a fresh string (NULL when out of memory). */
/* Notes under a row: each line indented and wrapped so that it stays within PARAGRAPH_WIDTH columns. */
static void note_lines(ps_buf *out, const char *note, size_t indent)
{
    size_t width = PARAGRAPH_WIDTH > indent + 20 ? PARAGRAPH_WIDTH - indent : 20;
    while (*note) {
        const char *nl = strchr(note, '\n');
        size_t line_len = nl ? (size_t)(nl - note) : strlen(note);
        char *line = malloc(line_len + 1);
        if (!line) {
            out->failed = true;
            return;
        }
        memcpy(line, note, line_len);
        line[line_len] = '\0';
        const char *p = line;
        bool first = true;
        while (*p || first) {
            size_t skip = 0, len = ps_text_wrap_at(p, first ? width : width - 2, &skip);
            pad(out, first ? indent : indent + 2);
            ps_buf_append(out, p, len);
            ps_buf_puts(out, "\n");
            p += len + skip;
            first = false;
        }
        free(line);
        note += line_len + (nl ? 1 : 0);
    }
}

/* A table as the text layout shows it: the columns it keeps, and every cell as a string. */
typedef struct {
    const ps_doc_table *table;
    size_t *shown; /* indexes of the columns shown, in order */
    size_t nshown;
    size_t *widths;
    char **heads;
    char **cells;    /* nrows × nshown */
    char **notes;    /* per row: the row's note, then "head: value" of each note column; NULL: none */
    const char **at; /* per shown column: where its text goes on, while a row is written */
} text_table;

/* Series columns beyond the latest SERIES_SHOWN, and note columns, are not columns here. */
static bool column_shown(const ps_doc_table *t, size_t k)
{
    if (t->columns[k].flags & PS_COL_NOTE)
        return false;
    if (!(t->columns[k].flags & PS_COL_SERIES))
        return true;
    size_t later = 0;
    for (size_t j = k + 1; j < t->ncols; j++)
        later += (t->columns[j].flags & PS_COL_SERIES) != 0;
    return later < SERIES_SHOWN;
}

/* The row's note, then "head: value" of each note column; *note NULL when there is nothing to say. */
static bool row_note(const ps_doc_table *t, const ps_doc_row *row, ps_lang lang, char **note)
{
    ps_buf b;
    ps_buf_init(&b);
    if (row->note.kind != PS_CELL_NONE)
        ps_cell_put(&b, &row->note, lang, ps_text_display);
    for (size_t k = 0; k < t->ncols; k++) {
        if (!(t->columns[k].flags & PS_COL_NOTE) || row->cells[k].kind == PS_CELL_NONE)
            continue;
        if (b.len > 0)
            ps_buf_puts(&b, "\n");
        ps_cell_put(&b, &t->columns[k].head, lang, ps_text_display);
        ps_buf_puts(&b, ": ");
        ps_cell_put(&b, &row->cells[k], lang, ps_text_display);
    }
    *note = b.data;
    return !b.failed;
}

/* A cell as a string; the first of an indented row starts with two spaces a level. */
static char *cell_text(const ps_doc_row *row, size_t column, bool first, ps_lang lang)
{
    ps_buf b;
    ps_buf_init(&b);
    for (int k = 0; first && k < row->indent; k++)
        ps_buf_puts(&b, "  ");
    ps_cell_put(&b, &row->cells[column], lang, ps_text_display);
    ps_buf_append(&b, "", 0);
    if (b.failed)
        ps_buf_free(&b);
    return b.failed ? NULL : b.data;
}

static void text_table_free(text_table *tt)
{
    size_t nrows = tt->table->nrows;
    for (size_t i = 0; tt->cells && i < nrows * tt->nshown; i++)
        free(tt->cells[i]);
    for (size_t i = 0; tt->heads && i < tt->nshown; i++)
        free(tt->heads[i]);
    for (size_t r = 0; tt->notes && r < nrows; r++)
        free(tt->notes[r]);
    free(tt->cells);
    free(tt->heads);
    free(tt->notes);
    free(tt->shown);
    free(tt->widths);
    free(tt->at);
}

static bool text_table_fill(text_table *tt, const ps_doc_table *t, ps_lang lang, size_t wrap)
{
    memset(tt, 0, sizeof *tt);
    tt->table = t;
    size_t n = t->ncols ? t->ncols : 1, rows = t->nrows ? t->nrows : 1;
    tt->shown = calloc(n, sizeof *tt->shown);
    tt->widths = calloc(n, sizeof *tt->widths);
    tt->heads = calloc(n, sizeof *tt->heads);
    tt->cells = calloc(rows * n, sizeof *tt->cells);
    tt->notes = calloc(rows, sizeof *tt->notes);
    tt->at = calloc(n, sizeof *tt->at);
    if (!tt->shown || !tt->widths || !tt->heads || !tt->cells || !tt->notes || !tt->at)
        return false;
    for (size_t k = 0; k < t->ncols; k++)
        if (column_shown(t, k))
            tt->shown[tt->nshown++] = k;
    for (size_t c = 0; c < tt->nshown; c++) {
        const ps_doc_column *col = &t->columns[tt->shown[c]];
        if (!(tt->heads[c] = ps_cell_string(&col->head, lang, ps_text_display)))
            return false;
        tt->widths[c] = ps_text_width(tt->heads[c], strlen(tt->heads[c]));
        for (size_t r = 0; r < t->nrows; r++) {
            char *s = cell_text(&t->rows[r], tt->shown[c], c == 0, lang);
            if (!(tt->cells[r * tt->nshown + c] = s))
                return false;
            size_t w = ps_text_width(s, strlen(s));
            if ((col->flags & PS_COL_WRAP) && w > wrap)
                w = wrap;
            if (w > tt->widths[c])
                tt->widths[c] = w;
        }
    }
    for (size_t r = 0; r < t->nrows; r++)
        if (!row_note(t, &t->rows[r], lang, &tt->notes[r]))
            return false;
    return true;
}

static void emit_cell(ps_buf *out, const char *text, size_t len, size_t width, bool right, bool last,
                      const char *tone)
{
    size_t w = ps_text_width(text, len), gap = width > w ? width - w : 0;
    if (right)
        pad(out, gap);
    if (tone) /* the colour wraps the text only, so padding and widths stay as they are */
        ps_buf_puts(out, tone);
    ps_buf_append(out, text, len);
    if (tone)
        ps_buf_puts(out, PLAIN);
    if (!right && !last)
        pad(out, gap);
}

static const char *tone_of(const ps_cell *cell, bool color)
{
    if (!color)
        return NULL;
    return cell->met == PS_MET_YES ? GREEN : cell->met == PS_MET_NO ? RED : NULL;
}

/* Header and rows, columns padded to their widest cell; wrapped columns continue on the next lines,
 * each row's note below it. */
static void table_lines(ps_buf *out, const text_table *tt, const ps_text_layout *layout)
{
    const ps_doc_table *t = tt->table;
    size_t ncols = tt->nshown;
    for (size_t c = 0; c < ncols; c++) {
        const ps_doc_column *col = &t->columns[tt->shown[c]];
        if (c > 0)
            ps_buf_puts(out, "  ");
        emit_cell(out, tt->heads[c], strlen(tt->heads[c]), tt->widths[c], col->flags & PS_COL_RIGHT,
                  c + 1 == ncols, NULL);
    }
    ps_buf_puts(out, "\n");
    for (size_t r = 0; r < t->nrows; r++) {
        const char **at = tt->at;
        for (size_t c = 0; c < ncols; c++)
            at[c] = tt->cells[r * ncols + c];
        for (bool more = true; more;) {
            more = false;
            size_t line_start = out->len;
            for (size_t c = 0; c < ncols; c++) {
                const ps_doc_column *col = &t->columns[tt->shown[c]];
                size_t skip = 0, len = strlen(at[c]);
                if (col->flags & PS_COL_WRAP)
                    len = ps_text_wrap_at(at[c], tt->widths[c], &skip);
                if (c > 0)
                    ps_buf_puts(out, "  ");
                emit_cell(out, at[c], len, tt->widths[c], col->flags & PS_COL_RIGHT, c + 1 == ncols,
                          tone_of(&t->rows[r].cells[tt->shown[c]], layout->color));
                at[c] += len + skip;
                more = more || *at[c] != '\0';
            }
            while (out->len > line_start && out->data[out->len - 1] == ' ')
                out->len--; /* no trailing blanks */
            ps_buf_puts(out, "\n");
        }
        if (tt->notes[r])
            note_lines(out, tt->notes[r], (ncols > 0 ? tt->widths[0] : 0) + 2);
    }
}

static ps_status table(ps_buf *out, const ps_doc_table *t, ps_lang lang, const ps_text_layout *layout)
{
    if (t->nrows == 0)
        return PS_OK;
    text_table tt;
    bool ok = text_table_fill(&tt, t, lang, layout->wrap); /* tt is freeable whatever it returns */
    if (ok)
        table_lines(out, &tt, layout);
    text_table_free(&tt);
    return ok ? PS_OK : PS_ERR_NOMEM;
}

static ps_status block(ps_buf *out, const ps_doc_block *b, ps_lang lang, const ps_text_layout *layout)
{
    if (b->kind == PS_BLOCK_TABLE)
        return table(out, b->table, lang, layout);
    if (b->kind == PS_BLOCK_LINE) {
        ps_cell_put(out, &b->text, lang, ps_text_display);
        ps_buf_puts(out, "\n");
        return PS_OK;
    }
    char *text = ps_cell_string(&b->text, lang, ps_text_display);
    if (!text)
        return PS_ERR_NOMEM;
    paragraph(out, text, PARAGRAPH_WIDTH);
    free(text);
    return PS_OK;
}

ps_status ps_render_text(const ps_doc *doc, const ps_text_layout *layout, ps_buf *out)
{
    if (doc->failed)
        return PS_ERR_NOMEM;
    ps_status st = PS_OK;
    for (size_t s = 0; s < doc->count && st == PS_OK; s++) {
        const ps_doc_section *sec = &doc->sections[s];
        if (s > 0)
            ps_buf_puts(out, "\n"); /* sections are apart by a blank line */
        if (sec->heading.kind != PS_CELL_NONE) {
            ps_cell_put(out, &sec->heading, doc->lang, ps_text_display);
            ps_buf_puts(out, "\n");
        }
        for (size_t k = 0; k < sec->count && st == PS_OK; k++)
            st = block(out, &sec->blocks[k], doc->lang, layout);
    }
    return st == PS_OK && out->failed ? PS_ERR_NOMEM : st;
}
