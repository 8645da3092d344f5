/* Plain-text tables and paragraphs measured in display columns (utf8proc widths, not bytes). */
#include "report/text_table.h"

#include "base/wording.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Byte length of the longest prefix of text that fits in width display columns, at a space if possible. */
size_t ps_text_wrap_at(const char *text, size_t width, size_t *skip)
{
    size_t len = strlen(text), fit = 0, last_space = 0, i = 0;
    *skip = 0;
    if (ps_text_width(text, len) <= width)
        return len;
    while (i < len) {
        size_t n = 1;
        while (i + n < len && ((unsigned char)text[i + n] & 0xC0) == 0x80)
            n++;
        if (ps_text_width(text, i + n) > width)
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

static void emit_cell(ps_buf *out, const char *text, size_t len, size_t width, bool right, bool last)
{
    size_t w = ps_text_width(text, len);
    size_t gap = width > w ? width - w : 0;
    if (right)
        pad(out, gap);
    ps_buf_append(out, text, len);
    if (!right && !last)
        pad(out, gap);
}

/* Notes under a row: each line indented and wrapped so that it stays within NOTE_WIDTH columns. */
#define NOTE_WIDTH 100
static void note_lines(ps_buf *out, const char *note, size_t indent)
{
    size_t width = NOTE_WIDTH > indent + 20 ? NOTE_WIDTH - indent : 20;
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

/* Renders rows under a header; wrapped columns continue on the following lines. */
void ps_text_table_render(ps_buf *out, const ps_text_column *cols, size_t ncols, ps_text_row *rows,
                          size_t nrows, bool color)
{
    size_t widths[PS_TEXT_MAX_COLUMNS];
    for (size_t k = 0; k < ncols; k++) {
        widths[k] = ps_text_width(cols[k].label, strlen(cols[k].label));
        for (size_t r = 0; r < nrows; r++) {
            size_t w = ps_text_width(rows[r].cells[k], strlen(rows[r].cells[k]));
            if (cols[k].wrap && w > cols[k].wrap)
                w = cols[k].wrap;
            if (w > widths[k])
                widths[k] = w;
        }
    }
    for (size_t k = 0; k < ncols; k++) {
        if (k > 0)
            ps_buf_puts(out, "  ");
        emit_cell(out, cols[k].label, strlen(cols[k].label), widths[k], cols[k].right, k + 1 == ncols);
    }
    ps_buf_puts(out, "\n");
    for (size_t r = 0; r < nrows; r++) {
        const char *rest[PS_TEXT_MAX_COLUMNS];
        for (size_t k = 0; k < ncols; k++)
            rest[k] = rows[r].cells[k];
        for (bool more = true; more;) {
            more = false;
            size_t line_start = out->len;
            for (size_t k = 0; k < ncols; k++) {
                size_t skip = 0, len = strlen(rest[k]);
                if (cols[k].wrap)
                    len = ps_text_wrap_at(rest[k], widths[k], &skip);
                if (k > 0)
                    ps_buf_puts(out, "  ");
                const char *tone =
                    color && rows[r].tone[k] ? (rows[r].tone[k] > 0 ? "\033[32m" : "\033[31m") : NULL;
                if (!tone) {
                    emit_cell(out, rest[k], len, widths[k], cols[k].right, k + 1 == ncols);
                } else {
                    /* the colour wraps the text only, so padding and widths stay as they are */
                    size_t w = ps_text_width(rest[k], len), gap = widths[k] > w ? widths[k] - w : 0;
                    if (cols[k].right)
                        pad(out, gap);
                    ps_buf_puts(out, tone);
                    ps_buf_append(out, rest[k], len);
                    ps_buf_puts(out, "\033[0m");
                    if (!cols[k].right && k + 1 < ncols)
                        pad(out, gap);
                }
                rest[k] += len + skip;
                more = more || *rest[k] != '\0';
            }
            while (out->len > line_start && out->data[out->len - 1] == ' ')
                out->len--; /* no trailing blanks */
            ps_buf_puts(out, "\n");
        }
        if (rows[r].note)
            note_lines(out, rows[r].note, widths[0] + 2);
    }
}

void ps_text_table_free_rows(ps_text_row *rows, size_t nrows)
{
    for (size_t r = 0; r < nrows; r++) {
        for (size_t k = 0; k < PS_TEXT_MAX_COLUMNS; k++)
            free(rows[r].cells[k]);
        free(rows[r].note);
    }
    free(rows);
}

/* Writes a paragraph wrapped at width display columns. */
void ps_text_paragraph(ps_buf *out, const char *text, size_t width)
{
    while (*text) {
        size_t skip = 0, len = ps_text_wrap_at(text, width, &skip);
        ps_buf_append(out, text, len);
        ps_buf_puts(out, "\n");
        text += len + skip;
    }
}

char *ps_text_dup(const char *text)
{
    size_t n = strlen(text) + 1;
    char *copy = malloc(n);
    if (copy)
        memcpy(copy, text, n);
    return copy;
}

char *ps_text_number_cell(bool has, ps_num value, char decimal_mark, bool plus)
{
    char buf[40];
    if (!has)
        return ps_text_dup(PS_TEXT_DASH);
    ps_num_format(value, 2, decimal_mark, plus, buf, sizeof buf);
    return ps_text_dup(buf);
}

char *ps_text_target_cell(const ps_indicator *ind, char decimal_mark)
{
    if (!ind->has_target)
        return ps_text_dup(PS_TEXT_DASH);
    char num[40], buf[48];
    ps_num_format(ind->target.value, 2, decimal_mark, false, num, sizeof num);
    snprintf(buf, sizeof buf, "%s %s", ind->target.op == PS_OP_GT ? ">" : "\xe2\x89\xa5", num);
    return ps_text_dup(buf);
}

signed char ps_text_tone(ps_met met)
{
    return met == PS_MET_YES ? 1 : met == PS_MET_NO ? -1 : 0;
}

char *ps_text_lever_cell(char decimal_mark, ps_lang lang, bool has, ps_num need, bool alone)
{
    char num[40], buf[96];
    if (!has)
        return ps_text_dup(PS_TEXT_DASH);
    ps_num_format(need, 2, decimal_mark, need > 0, num, sizeof num);
    if (alone)
        return ps_text_dup(num);
    snprintf(buf, sizeof buf, "%s (%s)", ps_label_text(PS_L_NOT_ALONE, lang), num);
    return ps_text_dup(buf);
}
