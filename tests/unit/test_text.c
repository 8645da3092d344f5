/* Unit tests for text normalisation (src/base/text.c): the copy that skips utf8proc for ASCII gives exactly
 * what utf8proc gives, for NFC and for the NFKC case fold; text that is not ASCII still goes to utf8proc.
 * The readers' quick check of a field's text passes nothing their full checks refuse, and widths decoded
 * inline are utf8proc's. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/text.h"

/* What utf8proc alone makes of text, trimmed of blanks at both ends as the library trims. */
static char *by_utf8proc(const char *text, size_t len, int options)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &out,
                                      (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | options));
    assert_true(n >= 0);
    size_t start = 0, end = (size_t)n;
    while (start < end && strchr(" \t\r\n", out[start]) && out[start])
        start++;
    while (end > start && strchr(" \t\r\n", out[end - 1]) && out[end - 1])
        end--;
    char *copy = malloc(end - start + 1);
    assert_non_null(copy);
    memcpy(copy, out + start, end - start);
    copy[end - start] = '\0';
    free(out);
    return copy;
}

static void ascii_as_utf8proc_makes_it(void **state)
{
    (void)state;
    srand(2023);
    char text[40];
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(rand() % (int)sizeof text);
        for (size_t i = 0; i < len; i++)
            text[i] = (char)(1 + rand() % 127); /* every ASCII character but NUL */
        char *nfc = NULL, *fold = NULL;
        assert_int_equal(ps_text_nfc(text, len, &nfc), PS_OK);
        assert_int_equal(ps_text_fold(text, len, &fold), PS_OK);
        char *want_nfc = by_utf8proc(text, len, 0);
        char *want_fold = by_utf8proc(text, len, UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
        assert_string_equal(nfc, want_nfc);
        assert_string_equal(fold, want_fold);
        free(nfc);
        free(fold);
        free(want_nfc);
        free(want_fold);
    }
}

static void other_text_is_still_normalised(void **state)
{
    (void)state;
    char *out = NULL;
    /* "Sìn Hồ" with its tone marks as combining characters (as Windows-1258 writes them) */
    const char decomposed[] = " Si\xcc\x80n Ho\xcc\x82\xcc\x80 ";
    assert_int_equal(ps_text_nfc(decomposed, sizeof decomposed - 1, &out), PS_OK);
    assert_string_equal(out, "S\xc3\xacn H\xe1\xbb\x93");
    free(out);
    const char office[] = "PH\xc3\x92NG N\xe1\xbb\x98I V\xe1\xbb\xa4";
    assert_int_equal(ps_text_fold(office, sizeof office - 1, &out), PS_OK);
    assert_string_equal(out, "ph\xc3\xb2ng n\xe1\xbb\x99i v\xe1\xbb\xa5");
    free(out);
    assert_int_equal(ps_text_nfc("ok\xff", 3, &out), PS_ERR_INPUT);
}

/* What the reader's full checks say of text: valid UTF-8, no NUL, no unsafe character. */
static bool checks_pass(const char *text, size_t len)
{
    int32_t cp;
    return ps_utf8_valid_prefix(text, len) == len && !memchr(text, '\0', len) &&
           ps_text_find_unsafe(text, len, &cp) == len;
}

/* Every sequence of one to three bytes, alone and between ASCII letters: whatever the quick check passes,
 * the full checks pass too (it may send anything to them). */
static void surely_safe_passes_nothing_the_checks_refuse(void **state)
{
    (void)state;
    size_t passed = 0;
    char text[5] = {'a', 0, 0, 0, 'b'};
    for (unsigned b0 = 0; b0 < 256; b0++) {
        for (unsigned b1 = 0; b1 < 256; b1++) {
            unsigned last = b0 >= 0xE0 && b0 < 0xF0 ? 256 : 1; /* a third byte where a lead asks for one */
            for (unsigned b2 = 0; b2 < last; b2++) {
                char seq[3] = {(char)b0, (char)b1, (char)b2};
                for (size_t len = 1; len <= (last > 1 ? 3u : 2u); len++) {
                    memcpy(text + 1, seq, len);
                    text[1 + len] = 'b';
                    for (int framed = 0; framed < 2; framed++) {
                        const char *t = framed ? text : seq;
                        size_t n = framed ? len + 2 : len;
                        if (ps_text_surely_safe(t, n)) {
                            passed++;
                            if (!checks_pass(t, n)) {
                                print_error("passed %02x %02x %02x (%zu bytes, framed %d)\n", b0, b1, b2, len,
                                            framed);
                                fail();
                            }
                        }
                    }
                }
            }
        }
    }
    assert_true(passed > 100000); /* it does pass most valid text */
}

static void surely_safe_passes_common_text(void **state)
{
    (void)state;
    const char *safe[] = {"", "X\xc3\xa3 N\xe1\xba\xadm T\xc4\x83m", "63.82", "Tr\xc3\xaan 50%", "\xc2\xa0%"};
    for (size_t k = 0; k < sizeof safe / sizeof *safe; k++)
        assert_true(ps_text_surely_safe(safe[k], strlen(safe[k])));
    const char *refused[] = {"\x1b[2J", "\xc2\x9b", "\xe2\x80\xae", "\xe2\x81\xa6", "\xff",
                             "\xc3",    "\xe1\xba", "\xed\xa0\x80", "\xe0\x80\x80", "\x7f"};
    for (size_t k = 0; k < sizeof refused / sizeof *refused; k++)
        assert_false(ps_text_surely_safe(refused[k], strlen(refused[k])));
}

/* A display width as utf8proc alone gives it: a line break or a tab is one space, any other unsafe
 * character or invalid byte one U+FFFD (width 1), CR LF one space. */
static size_t width_by_utf8proc(const char *text, size_t len)
{
    size_t i = 0, width = 0;
    while (i < len) {
        utf8proc_int32_t c = (unsigned char)text[i];
        utf8proc_ssize_t n = 1;
        if (c >= 0x80)
            n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
        if (n > 0 && c != '\t' && c != '\r' && c != '\n' && !ps_char_unsafe(c)) {
            int w = utf8proc_charwidth(c);
            width += w > 0 ? (size_t)w : 0;
        } else {
            width++;
            if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
                i++;
        }
        i += n > 0 ? (size_t)n : 1;
    }
    return width;
}

/* The width of every sequence of one to three bytes between ASCII letters, decoded inline or not, is the
 * one utf8proc gives. */
static void display_width_as_utf8proc(void **state)
{
    (void)state;
    char text[5] = {'a', 0, 0, 0, 'b'};
    for (unsigned b0 = 0; b0 < 256; b0++) {
        for (unsigned b1 = 0; b1 < 256; b1++) {
            unsigned last = b0 >= 0xE0 && b0 < 0xF0 ? 256 : 1;
            for (unsigned b2 = 0; b2 < last; b2++) {
                text[1] = (char)b0;
                text[2] = (char)b1;
                text[3] = (char)b2;
                size_t n = last > 1 ? 5 : 4;
                if (n == 4)
                    text[3] = 'b';
                size_t got = ps_text_display_width(text, n), want = width_by_utf8proc(text, n);
                if (got != want) {
                    print_error("%02x %02x %02x: width %zu, utf8proc %zu\n", b0, b1, b2, got, want);
                    fail();
                }
            }
        }
    }
}

/* Characters are counted eight bytes at a time: the same count as byte by byte (bytes less continuation
 * bytes), at every length and alignment, for ASCII, Vietnamese and bytes of every kind. */
static void chars_counted_as_byte_by_byte(void **state)
{
    (void)state;
    static const unsigned char kinds[] = {'a',  ' ',  0x7F, 0x80, 0xBF, 0xC3,
                                          0xA3, 0xE1, 0xBA, 0xAD, 0xF0, 0xFF};
    unsigned seed = 7;
    for (int round = 0; round < 20000; round++) {
        unsigned char text[48];
        size_t len = (size_t)rand_r(&seed) % sizeof text;
        for (size_t k = 0; k < len; k++)
            text[k] = kinds[(size_t)rand_r(&seed) % sizeof kinds];
        size_t from = len ? (size_t)rand_r(&seed) % len : 0;
        long want = 0;
        for (size_t k = from; k < len; k++)
            want += (text[k] & 0xC0) != 0x80;
        assert_int_equal(ps_utf8_chars((const char *)text + from, len - from), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_as_utf8proc_makes_it),
        cmocka_unit_test(other_text_is_still_normalised),
        cmocka_unit_test(surely_safe_passes_nothing_the_checks_refuse),
        cmocka_unit_test(surely_safe_passes_common_text),
        cmocka_unit_test(display_width_as_utf8proc),
        cmocka_unit_test(chars_counted_as_byte_by_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
