/* Unit tests for text normalisation (src/base/text.c): the copy that skips utf8proc for ASCII gives exactly
 * what utf8proc gives, for NFC and for the NFKC case fold; text that is not ASCII still goes to utf8proc. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_as_utf8proc_makes_it),
        cmocka_unit_test(other_text_is_still_normalised),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
