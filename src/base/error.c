/* Errors and warnings: filling them, their list, and their "FILE:LINE:COLUMN: message" form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/error.h"
#include "base/text.h"
#include "base/wording.h"

/* Copies text for a message: control bytes, invalid UTF-8, C1 controls and the characters that reorder text
 * are written as escapes (\x1b, \u202e), so a message stays one plain line; a long text is shortened. */
static void copy_arg(char *dst, size_t size, const char *src)
{
    static const char hex[] = "0123456789abcdef";
    size_t out = 0, i = 0, len = strlen(src);
    const size_t room = size - 10; /* keeps space for an escape and the ellipsis */
    while (i < len && out < room) {
        unsigned char c = (unsigned char)src[i];
        utf8proc_int32_t cp = c;
        utf8proc_ssize_t n =
            c < 0x80 ? 1
                     : utf8proc_iterate((const utf8proc_uint8_t *)src + i, (utf8proc_ssize_t)(len - i), &cp);
        bool shown = n > 0 && (cp >= 0x20 || cp == '\t') && !ps_char_unsafe(cp);
        if (shown && out + (size_t)n > room)
            break;
        if (shown) {
            memcpy(dst + out, src + i, (size_t)n);
            out += (size_t)n;
            i += (size_t)n;
        } else if (n > 1) { /* a whole character: \uXXXX */
            out += (size_t)snprintf(dst + out, size - out, "\\u%04x", (unsigned)cp);
            i += (size_t)n;
        } else {
            dst[out++] = '\\';
            dst[out++] = 'x';
            dst[out++] = hex[c >> 4];
            dst[out++] = hex[c & 15];
            i++;
        }
    }
    if (i < len) {
        memcpy(dst + out, "\xe2\x80\xa6", 3); /* … */
        out += 3;
    }
    dst[out] = '\0';
}

static void append(char *buf, size_t size, size_t *len, const char *text, size_t n)
{
    if (*len < size) {
        size_t room = size - 1 - *len;
        memcpy(buf + *len, text, n < room ? n : room);
        buf[*len + (n < room ? n : room)] = '\0';
    }
    *len += n;
}

void ps_column_letters(long column, char *buf, size_t size)
{
    char rev[16];
    size_t n = 0;
    for (long c = column; c > 0 && n < sizeof rev; c = (c - 1) / 26)
        rev[n++] = (char)('A' + (c - 1) % 26);
    size_t out = 0;
    while (n > 0 && out + 1 < size)
        buf[out++] = rev[--n];
    if (size > 0)
        buf[out] = '\0';
}

/* Sheet1!C5, 'Báo cáo'!C5 (quoted as Excel quotes a name with spaces or signs), Sheet1!5:5 for a row. */
static void sheet_place(const ps_error *err, char *place, size_t size)
{
    bool quote = err->sheet[0] >= '0' && err->sheet[0] <= '9';
    for (const char *p = err->sheet; *p && !quote; p++)
        quote = (unsigned char)*p < 0x80 && !(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
                !(*p >= '0' && *p <= '9') && *p != '_';
    size_t n = 0;
    if (quote)
        place[n++] = '\'';
    for (const char *p = err->sheet; *p && n + 4 < size; p++) {
        if (*p == '\'' && quote)
            place[n++] = '\''; /* doubled inside quotes */
        place[n++] = *p;
    }
    if (quote)
        place[n++] = '\'';
    place[n] = '\0';
    char letters[16];
    ps_column_letters(err->column, letters, sizeof letters);
    if (err->line > 0 && err->column > 0)
        snprintf(place + n, size - n, "!%s%ld", letters, err->line);
    else if (err->line > 0)
        snprintf(place + n, size - n, "!%ld:%ld", err->line, err->line);
}

size_t ps_error_format(const ps_error *err, ps_lang lang, char *buf, size_t size)
{
    size_t len = 0;
    char place[64];
    if (size > 0)
        buf[0] = '\0';
    if (err->file) {
        char file[256]; /* a file name is shown as safely as any value */
        copy_arg(file, sizeof file, err->file);
        append(buf, size, &len, file, strlen(file));
        char where[200] = "";
        if (err->sheet[0])
            sheet_place(err, where, sizeof where);
        if (where[0])
            snprintf(place, sizeof place, ":");
        else if (err->line > 0 && err->column > 0)
            snprintf(place, sizeof place, ":%ld:%ld", err->line, err->column);
        else if (err->line > 0)
            snprintf(place, sizeof place, ":%ld", err->line);
        else
            place[0] = '\0';
        append(buf, size, &len, place, strlen(place));
        append(buf, size, &len, where, strlen(where));
        append(buf, size, &len, ": ", 2);
    }
    if (err->warning) {
        const char *word = ps_label_text(PS_L_WARNING, lang);
        append(buf, size, &len, word, strlen(word));
    }
    char number[2][40] = {"", ""};
    for (unsigned k = 0; k < err->numbers && k < 2; k++)
        ps_num_format_short(err->number[k], lang == PS_LANG_EN ? '.' : ',', number[k], sizeof number[k]);
    const char *args[5] = {err->arg[0], err->arg[1], err->arg[2], number[0],
                           number[1]}; /* {3}, {4}: numbers */
    unsigned code = err->code < PS_MSG_COUNT ? (unsigned)err->code : (unsigned)PS_MSG_NONE;
    size_t room = len < size ? size - len : 0;
    len += ps_wording_fill_chars(room ? buf + len : NULL, room, ps_wording(code, lang), args, 5);
    return len;
}

/* Copies a value into a message argument: escapes control bytes and invalid UTF-8, shortens long text. */
void ps_error_set(ps_error *err, ps_msg code, const char *file, long line, long column, const char *arg0,
                  const char *arg1, const char *arg2)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    err->file = file;
    err->line = line;
    err->column = column;
    const char *args[3] = {arg0, arg1, arg2};
    for (int k = 0; k < 3; k++)
        if (args[k])
            copy_arg(err->arg[k], sizeof err->arg[k], args[k]);
}

void ps_error_set_sheet(ps_error *err, const char *sheet)
{
    if (err && sheet)
        copy_arg(err->sheet, sizeof err->sheet, sheet);
}

bool ps_warnings_add(ps_warnings *warnings, const ps_error *warning)
{
    ps_error *items = realloc(warnings->items, (warnings->count + 1) * sizeof *items);
    if (!items)
        return false;
    items[warnings->count++] = *warning;
    warnings->items = items;
    return true;
}

void ps_warnings_free(ps_warnings *warnings)
{
    free(warnings->items);
    warnings->items = NULL;
    warnings->count = 0;
}
