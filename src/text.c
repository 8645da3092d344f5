/* UTF-8 text: validation, normalisation for matching, display width, and safe copies. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"
#include "parscore/report.h"

char *ps_strndup(const char *text, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, text, len);
    copy[len] = '\0';
    return copy;
}

char *ps_strdup(const char *text)
{
    return ps_strndup(text, strlen(text));
}

size_t ps_utf8_valid_prefix(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)text[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return i;
        i += (size_t)n;
    }
    return len;
}

long ps_utf8_chars(const char *text, size_t len)
{
    long n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static char *normalise(const char *text, size_t len, int options)
{
    while (len > 0 && is_blank(*text)) {
        text++;
        len--;
    }
    while (len > 0 && is_blank(text[len - 1]))
        len--;
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &out,
                                      (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | options));
    if (n < 0)
        return NULL;
    /* NFKC can turn a no-break space into a plain one at either end: trim again */
    size_t start = 0, end = (size_t)n;
    while (start < end && is_blank((char)out[start]))
        start++;
    while (end > start && is_blank((char)out[end - 1]))
        end--;
    memmove(out, out + start, end - start);
    out[end - start] = '\0';
    return (char *)out;
}

char *ps_text_nfc(const char *text, size_t len)
{
    return normalise(text, len, 0);
}

char *ps_text_fold(const char *text, size_t len)
{
    return normalise(text, len, UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
}

size_t ps_text_width(const char *text, size_t len)
{
    size_t width = 0, i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            width++; /* an invalid byte shows as one replacement character */
            i++;
            continue;
        }
        int w = utf8proc_charwidth(cp);
        width += w > 0 ? (size_t)w : 0;
        i += (size_t)n;
    }
    return width;
}

/* Copies a value into a message argument: escapes control bytes and invalid UTF-8, shortens long text. */
static void copy_arg(char *dst, size_t size, const char *src)
{
    size_t out = 0, i = 0, len = strlen(src);
    const size_t room = size - 8; /* keeps space for an escape and the ellipsis */
    while (i < len && out < room) {
        unsigned char c = (unsigned char)src[i];
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            c < 0x80 ? 1
                     : utf8proc_iterate((const utf8proc_uint8_t *)src + i, (utf8proc_ssize_t)(len - i), &cp);
        if (c >= 0x80 && n > 0) {
            if (out + (size_t)n > room)
                break;
            memcpy(dst + out, src + i, (size_t)n);
            out += (size_t)n;
            i += (size_t)n;
        } else if (c < 0x20 || c == 0x7F || c >= 0x80) {
            static const char hex[] = "0123456789abcdef";
            dst[out++] = '\\';
            dst[out++] = 'x';
            dst[out++] = hex[c >> 4];
            dst[out++] = hex[c & 15];
            i++;
        } else {
            dst[out++] = (char)c;
            i++;
        }
    }
    if (i < len) {
        memcpy(dst + out, "\xe2\x80\xa6", 3); /* … */
        out += 3;
    }
    dst[out] = '\0';
}

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
