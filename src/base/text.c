/* UTF-8 text: validation, normalisation for matching, display width, and safe copies. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/text.h"

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
        uint64_t eight; /* ASCII eight bytes at a time */
        if (i + 8 <= len && (memcpy(&eight, text + i, 8), (eight & UINT64_C(0x8080808080808080)) == 0)) {
            i += 8;
            continue;
        }
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

bool ps_char_unsafe(int32_t cp)
{
    bool c0 = cp < 0x20 && cp != '\t' && cp != '\r' && cp != '\n';
    return c0 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

size_t ps_text_find_unsafe(const char *text, size_t len, int32_t *cp)
{
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t c = (unsigned char)text[i];
        utf8proc_ssize_t n = 1;
        if (c >= 0x80)
            n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0)
            return len; /* not valid UTF-8: said by the reader, not here */
        if (ps_char_unsafe(c)) {
            *cp = c;
            return i;
        }
        i += (size_t)n;
    }
    return len;
}

/* The safe character of two or three bytes at t (left bytes there), decoded into *cp: its length, 0 for
 * anything else (ASCII, a control, four bytes, a C1 control, a character that reorders text, a surrogate,
 * too long a form, not UTF-8), which the callers look at more closely. */
static size_t safe_wide_char(const unsigned char *t, size_t left, int32_t *cp)
{
    unsigned c = t[0];
    if (c >= 0xC2 && c < 0xE0 && left >= 2 && (t[1] & 0xC0) == 0x80) {
        *cp = (int32_t)((c & 0x1Fu) << 6 | (t[1] & 0x3Fu));
        return *cp >= 0xA0 ? 2 : 0; /* U+0080-U+009F: the C1 controls */
    }
    if (c < 0xE0 || c >= 0xF0 || left < 3 || (t[1] & 0xC0) != 0x80 || (t[2] & 0xC0) != 0x80)
        return 0;
    *cp = (int32_t)((c & 0x0Fu) << 12 | (t[1] & 0x3Fu) << 6 | (t[2] & 0x3Fu));
    bool bad = *cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF) || (*cp >= 0x202A && *cp <= 0x202E) ||
               (*cp >= 0x2066 && *cp <= 0x2069);
    return bad ? 0 : 3;
}

bool ps_text_surely_safe(const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t n = t[i] >= 0x20 && t[i] < 0x7F ? 1 : safe_wide_char(t + i, len - i, &cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

/* Printable ASCII, one column each and nothing to replace: most of a name, all of a number. */
static bool plain_byte(unsigned char c)
{
    return c >= 0x20 && c < 0x7F;
}

/* What a terminal may be shown of text, appended to out (NULL: only measured), and its display width. */
static size_t display(ps_buf *out, const char *text, size_t len)
{
    size_t i = 0, start = 0, width = 0;
    while (i < len) {
        if (plain_byte((unsigned char)text[i])) {
            width++;
            i++;
            continue;
        }
        int32_t wide;
        size_t wide_len = safe_wide_char((const unsigned char *)text + i, len - i, &wide);
        if (wide_len > 0) { /* a letter of Vietnamese, say: its width without decoding it twice */
            int w = utf8proc_charwidth(wide);
            width += w > 0 ? (size_t)w : 0;
            i += wide_len;
            continue;
        }
        utf8proc_int32_t c = (unsigned char)text[i];
        utf8proc_ssize_t n = 1;
        if (c >= 0x80)
            n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
        bool blank = n > 0 && (c == '\t' || c == '\r' || c == '\n');
        if (n > 0 && !blank && !ps_char_unsafe(c)) {
            int w = utf8proc_charwidth(c);
            width += w > 0 ? (size_t)w : 0;
            i += (size_t)n;
            continue;
        }
        if (out) {
            ps_buf_append(out, text + start, i - start);
            ps_buf_puts(out, blank ? " " : "\xef\xbf\xbd"); /* U+FFFD */
        }
        width++; /* one space, or one U+FFFD */
        if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++; /* CR LF: one space */
        i += n > 0 ? (size_t)n : 1;
        start = i;
    }
    if (out)
        ps_buf_append(out, text + start, len - start);
    return width;
}

void ps_text_display(ps_buf *out, const char *text, size_t len)
{
    display(out, text, len);
}

size_t ps_text_display_and_measure(ps_buf *out, const char *text, size_t len)
{
    return display(out, text, len);
}

size_t ps_text_display_width(const char *text, size_t len)
{
    return display(NULL, text, len);
}

long ps_utf8_chars(const char *text, size_t len)
{
    const uint64_t high = UINT64_C(0x8080808080808080);
    size_t continuation = 0, k = 0;
    for (; k + 8 <= len; k += 8) { /* eight bytes at a time: most text is ASCII, skipped whole */
        uint64_t w;
        memcpy(&w, text + k, 8);
        /* continuation bytes (10xxxxxx) counted by summing their top bits in the top byte: without
         * -mpopcnt, __builtin_popcountll is a call to libgcc */
        if (w & high)
            continuation += (size_t)(((w & ~(w << 1) & high) >> 7) * UINT64_C(0x0101010101010101) >> 56);
    }
    for (; k < len; k++)
        continuation += ((unsigned char)text[k] & 0xC0) == 0x80;
    return (long)(len - continuation);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* ASCII is its own NFC, and its own NFKC case fold but for A-Z: copied without utf8proc (most fields of a
 * plan are, and the built-in plan is normalised at every start). False when text is not all ASCII. */
static bool ascii_copy(const char *text, size_t len, bool fold, char **result, size_t *out_len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)text[i] >= 0x80)
            return false;
    char *out = malloc(len + 1);
    if (out) {
        for (size_t i = 0; i < len; i++)
            out[i] = fold && text[i] >= 'A' && text[i] <= 'Z' ? (char)(text[i] - 'A' + 'a') : text[i];
        out[len] = '\0';
        if (out_len)
            *out_len = len;
    }
    *result = out;
    return true;
}

static ps_status normalise(const char *text, size_t len, int options, bool trim, char **result,
                           size_t *out_len)
{
    *result = NULL;
    while (trim && len > 0 && is_blank(*text)) {
        text++;
        len--;
    }
    while (trim && len > 0 && is_blank(text[len - 1]))
        len--;
    if (options == 0 || options == (UTF8PROC_COMPAT | UTF8PROC_CASEFOLD))
        if (ascii_copy(text, len, options != 0, result, out_len))
            return *result ? PS_OK : PS_ERR_NOMEM;
    /* utf8proc_map's steps, with the buffer from our own malloc: out of memory is then ours to see */
    const utf8proc_uint8_t *in = (const utf8proc_uint8_t *)text;
    utf8proc_option_t opts = (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | options);
    utf8proc_ssize_t n = utf8proc_decompose(in, (utf8proc_ssize_t)len, NULL, 0, opts);
    if (n < 0)
        return PS_ERR_INPUT;
    utf8proc_int32_t *code_points = malloc((size_t)n * sizeof *code_points + 1);
    if (!code_points)
        return PS_ERR_NOMEM;
    n = utf8proc_decompose(in, (utf8proc_ssize_t)len, code_points, n, opts);
    if (n >= 0)
        n = utf8proc_reencode(code_points, n, opts); /* UTF-8 in place: at most 4 bytes a code point */
    if (n < 0) {
        free(code_points);
        return PS_ERR_INPUT;
    }
    utf8proc_uint8_t *out = (utf8proc_uint8_t *)code_points;
    /* NFKC can turn a no-break space into a plain one at either end: trim again */
    size_t start = 0, end = (size_t)n;
    while (trim && start < end && is_blank((char)out[start]))
        start++;
    while (trim && end > start && is_blank((char)out[end - 1]))
        end--;
    memmove(out, out + start, end - start);
    out[end - start] = '\0';
    *result = (char *)out;
    if (out_len)
        *out_len = end - start;
    return PS_OK;
}

ps_status ps_text_nfc(const char *text, size_t len, char **out)
{
    return normalise(text, len, 0, true, out, NULL);
}

ps_status ps_text_nfc_whole(const char *text, size_t len, char **out, size_t *out_len)
{
    return normalise(text, len, 0, false, out, out_len);
}

ps_status ps_text_fold(const char *text, size_t len, char **out)
{
    return normalise(text, len, UTF8PROC_COMPAT | UTF8PROC_CASEFOLD, true, out, NULL);
}

size_t ps_text_width(const char *text, size_t len)
{
    size_t width = 0, i = 0;
    while (i < len) {
        if (plain_byte((unsigned char)text[i])) {
            width++;
            i++;
            continue;
        }
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

ps_status ps_id_canonical(const char *text, size_t len, char **out)
{
    *out = NULL;
    while (len > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (len == 0 || len > 64)
        return PS_ERR_INPUT;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && !(c >= '0' && c <= '9') &&
            (c == '\0' || !strchr("-_.", c))) /* dotted ids (7.2.1) number sub rows */
            return PS_ERR_INPUT;
    }
    char *id = ps_strndup(text, len);
    if (!id)
        return PS_ERR_NOMEM;
    for (size_t i = 0; i < len; i++)
        if (id[i] >= 'A' && id[i] <= 'Z')
            id[i] = (char)(id[i] - 'A' + 'a');
    *out = id;
    return PS_OK;
}
