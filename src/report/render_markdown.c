/* The Markdown layout: GitHub-flavoured headings, paragraphs and pipe tables, for a báo cáo. */
#include <stdlib.h>
#include <string.h>

#include "report/render.h"

/* ASCII punctuation that Markdown (or a GFM table) could act on; a backslash makes each literal. */
static bool md_special(char ch)
{
    return ch != '\0' && strchr("\\`*_[]<>|~#", ch) != NULL;
}

/* Text from the inputs made inert: specials get a backslash, and line ends, tabs and other control
 * characters become one space, so a cell or a heading never spans two lines. */
static void md_escape(ps_buf *out, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\r' && i + 1 < len && text[i + 1] == '\n')
            continue; /* CR LF: one space, given for the LF */
        if (ch < 0x20 || ch == 0x7f)
            ps_buf_append(out, " ", 1);
        else if (md_special(text[i]))
            ps_buf_printf(out, "\\%c", text[i]);
        else
            ps_buf_append(out, text + i, 1);
    }
}

/* A cell made inert; the first of an indented row starts with two no-break spaces a level (a table cell
 * keeps those, where it would trim plain ones). */
static char *cell_text(const ps_doc_row *row, size_t column, ps_lang lang)
{
    ps_buf b;
    ps_buf_init(&b);
    for (int k = 0; column == 0 && k < row->indent; k++)
        ps_buf_puts(&b, "\xc2\xa0\xc2\xa0");
    ps_cell_put(&b, &row->cells[column], lang, md_escape);
    ps_buf_append(&b, "", 0);
    if (b.failed)
        ps_buf_free(&b);
    return b.failed ? NULL : b.data;
}

static size_t width_of(const char *text)
{
    return ps_text_width(text, strlen(text));
}

static void padded(ps_buf *out, const char *text, size_t width, bool right)
{
    size_t w = width_of(text), gap = width > w ? width - w : 0;
    for (size_t k = 0; right && k < gap; k++)
        ps_buf_append(out, " ", 1);
    ps_buf_puts(out, text);
    for (size_t k = 0; !right && k < gap; k++)
        ps_buf_append(out, " ", 1);
}

static void table_row(ps_buf *out, char **cells, const ps_doc_table *t, const size_t *widths)
{
    ps_buf_puts(out, "|");
    for (size_t k = 0; k < t->ncols; k++) {
        ps_buf_puts(out, " ");
        padded(out, cells[k], widths[k], t->columns[k].flags & PS_COL_RIGHT);
        ps_buf_puts(out, " |");
    }
    ps_buf_puts(out, "\n");
}

/* A GFM table, padded so that the raw text lines up too; right-aligned columns say so ("---:"). */
static void table_lines(ps_buf *out, const ps_doc_table *t, char **text, size_t *widths)
{
    size_t n = t->ncols;
    for (size_t k = 0; k < n; k++) {
        widths[k] = width_of(text[k]) < 3 ? 3 : width_of(text[k]); /* the delimiter needs "---" */
        for (size_t r = 0; r < t->nrows; r++)
            if (width_of(text[(r + 1) * n + k]) > widths[k])
                widths[k] = width_of(text[(r + 1) * n + k]);
    }
    ps_buf_puts(out, "\n");
    table_row(out, text, t, widths);
    ps_buf_puts(out, "|");
    for (size_t k = 0; k < n; k++) {
        bool right = t->columns[k].flags & PS_COL_RIGHT;
        ps_buf_puts(out, " ");
        for (size_t d = 0; d + (right ? 1 : 0) < widths[k]; d++)
            ps_buf_append(out, "-", 1);
        ps_buf_puts(out, right ? ": |" : " |");
    }
    ps_buf_puts(out, "\n");
    for (size_t r = 0; r < t->nrows; r++)
        table_row(out, text + (r + 1) * n, t, widths);
}

/* The table, then each row's note as a paragraph of its own. */
static ps_status table(ps_buf *out, const ps_doc_table *t, ps_lang lang)
{
    if (t->nrows == 0)
        return PS_OK;
    size_t n = t->ncols ? t->ncols : 1, count = n * (t->nrows + 1);
    char **text = calloc(count, sizeof *text);
    size_t *widths = calloc(n, sizeof *widths);
    bool ok = text && widths;
    for (size_t k = 0; ok && k < t->ncols; k++) {
        ok = (text[k] = ps_cell_string(&t->columns[k].head, lang, md_escape)) != NULL;
        for (size_t r = 0; ok && r < t->nrows; r++)
            ok = (text[(r + 1) * n + k] = cell_text(&t->rows[r], k, lang)) != NULL;
    }
    if (ok)
        table_lines(out, t, text, widths);
    for (size_t r = 0; ok && r < t->nrows; r++) {
        if (t->rows[r].note.kind == PS_CELL_NONE)
            continue;
        ps_buf_puts(out, "\n");
        ps_cell_put(out, &t->rows[r].note, lang, md_escape);
        ps_buf_puts(out, "\n");
    }
    for (size_t i = 0; text && i < count; i++)
        free(text[i]);
    free(text);
    free(widths);
    return ok ? PS_OK : PS_ERR_NOMEM;
}

ps_status ps_render_markdown(const ps_doc *doc, ps_buf *out)
{
    if (doc->failed)
        return PS_ERR_NOMEM;
    ps_status st = PS_OK;
    for (size_t s = 0; s < doc->count && st == PS_OK; s++) {
        const ps_doc_section *sec = &doc->sections[s];
        if (sec->heading.kind != PS_CELL_NONE) {
            ps_buf_puts(out, sec->level == 1 ? "# " : "\n## ");
            ps_cell_put(out, &sec->heading, doc->lang, md_escape);
            ps_buf_puts(out, "\n");
        }
        for (size_t k = 0; k < sec->count && st == PS_OK; k++) {
            const ps_doc_block *b = &sec->blocks[k];
            if (b->kind == PS_BLOCK_TABLE) {
                st = table(out, b->table, doc->lang);
                continue;
            }
            ps_buf_puts(out, "\n"); /* a line or a paragraph: a paragraph of its own */
            ps_cell_put(out, &b->text, doc->lang, md_escape);
            ps_buf_puts(out, "\n");
        }
    }
    return st == PS_OK && out->failed ? PS_ERR_NOMEM : st;
}
