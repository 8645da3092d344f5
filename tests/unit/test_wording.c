/* Unit tests for the one wording table: every text in both languages, the same placeholders in each, no
 * CLI flag in a core message, and the placeholder filler (order, repeats, missing arguments, truncation). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/wording.h"

/* How often each of {0}..{9} appears; -1 in *stray when a brace or a printf directive looks misplaced. */
static void placeholders(const char *text, int counts[10], int *printf_like)
{
    memset(counts, 0, 10 * sizeof counts[0]);
    *printf_like = 0;
    int arg;
    for (size_t n; (n = ps_wording_part(text, &arg)) > 0; text += n) {
        if (arg >= 0) {
            counts[arg]++;
            continue;
        }
        /* a printf directive in a text that no printf reads would show as it is */
        for (size_t i = 0; i + 1 < n; i++)
            if (text[i] == '%' && strchr("sdzuilfc", text[i + 1]))
                (*printf_like)++;
    }
}

static void every_text_in_both_languages(void **state)
{
    (void)state;
    for (unsigned id = 0; id < PS_WORDING_COUNT; id++) {
        const char *vi = ps_wording(id, PS_LANG_VI), *en = ps_wording(id, PS_LANG_EN);
        if (vi[0] == '\0' || en[0] == '\0') {
            print_error("wording %u has no %s text\n", id, vi[0] == '\0' ? "Vietnamese" : "English");
            fail();
        }
    }
    assert_string_equal(ps_wording(PS_WORDING_COUNT, PS_LANG_VI), "");
}

/* Each message takes the same arguments in both languages: each placeholder as present in one as in the
 * other (a language may repeat one, so only presence is compared), and no printf directive. */
static void same_placeholders_in_both_languages(void **state)
{
    (void)state;
    int mismatches = 0;
    for (unsigned id = 0; id < PS_WORDING_COUNT; id++) {
        int vi[10], en[10], printf_vi, printf_en;
        placeholders(ps_wording(id, PS_LANG_VI), vi, &printf_vi);
        placeholders(ps_wording(id, PS_LANG_EN), en, &printf_en);
        for (int k = 0; k < 10; k++) {
            if ((vi[k] > 0) != (en[k] > 0)) {
                print_error("wording %u: {%d} is in %s only:\n  vi: %s\n  en: %s\n", id, k,
                            vi[k] ? "Vietnamese" : "English", ps_wording(id, PS_LANG_VI),
                            ps_wording(id, PS_LANG_EN));
                mismatches++;
            }
        }
        if (printf_vi || printf_en) {
            print_error("wording %u holds a printf directive; use {0}..{9}\n", id);
            mismatches++;
        }
    }
    assert_int_equal(mismatches, 0);
}

/* The library's own messages (ps_msg) are shown by any program that uses it: no parscore flag in them. */
static void core_messages_name_no_flag(void **state)
{
    (void)state;
    for (unsigned id = 0; id < PS_MSG_COUNT; id++) {
        for (int lang = 0; lang < 2; lang++) {
            const char *text = ps_wording(id, (ps_lang)lang);
            const char *dash = strstr(text, "--");
            if (dash && dash[2] >= 'a' && dash[2] <= 'z') {
                print_error("message %u names a flag: %s\n", id, text);
                fail();
            }
        }
    }
}

static void the_cli_words_its_own_flags(void **state)
{
    (void)state;
    assert_non_null(strstr(ps_label_text(PS_L_CLI_ONLY_UNKNOWN_ID, PS_LANG_EN), "--only"));
    assert_null(strstr(ps_wording(PS_MSG_CHECK_UNKNOWN_ID, PS_LANG_EN), "--only"));
}

static void fill_in_order_repeated_and_missing(void **state)
{
    (void)state;
    ps_buf out;
    ps_buf_init(&out);
    const char *args[] = {"A", "B"};
    ps_wording_fill(&out, "{1}-{0}-{1}, {2}|{", args, 2);
    assert_false(out.failed);
    assert_string_equal(out.data, "B-A-B, |{");
    ps_buf_free(&out);

    char small[6];
    size_t need = ps_wording_fill_chars(small, sizeof small, "x{0}y", (const char *[]){"12345"}, 1);
    assert_int_equal(need, 7);
    assert_string_equal(small, "x1234"); /* cut, and still terminated */
    assert_int_equal(ps_wording_fill_chars(NULL, 0, "{0}", (const char *[]){"abc"}, 1), 3);
}

static void a_real_label_fills(void **state)
{
    (void)state;
    char text[256];
    const char *args[] = {"2022", "5", "17", "2023", "3"};
    ps_wording_fill_chars(text, sizeof text, ps_label_text(PS_L_SUMMARY_PLAN_UNKNOWN, PS_LANG_VI), args, 5);
    assert_string_equal(
        text, "Kết quả năm 2022 đã đạt 5/17 mục tiêu năm 2023; 3 mục tiêu chưa có số liệu năm 2022.");
    ps_wording_fill_chars(text, sizeof text, ps_label_text(PS_L_SUMMARY_PLAN_UNKNOWN, PS_LANG_EN), args, 5);
    assert_string_equal(text, "The 2022 results meet 5/17 of the 2023 targets; 3 without a 2022 value.");
}

static void errors_fill_their_number(void **state)
{
    (void)state;
    ps_error err = {.code = PS_MSG_POINTS_OVER_MAX, .file = "q3.csv", .line = 4, .column = 9};
    snprintf(err.arg[0], sizeof err.arg[0], "12");
    snprintf(err.arg[1], sizeof err.arg[1], "points");
    snprintf(err.arg[2], sizeof err.arg[2], "7");
    err.numbers = 1;
    err.number[0] = 7500000; /* 7.5 */
    char text[256];
    ps_error_format(&err, PS_LANG_VI, text, sizeof text);
    assert_string_equal(text, "q3.csv:4:9: cột 'points': '12' vượt điểm tối đa 7,5 của chỉ số 7");
    ps_error_format(&err, PS_LANG_EN, text, sizeof text);
    assert_string_equal(text, "q3.csv:4:9: column 'points': '12' is above the max points 7.5 of indicator 7");
    char tiny[12];
    size_t need = ps_error_format(&err, PS_LANG_EN, tiny, sizeof tiny);
    assert_true(need > sizeof tiny);
    assert_string_equal(tiny, "q3.csv:4:9:");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_text_in_both_languages),
        cmocka_unit_test(same_placeholders_in_both_languages),
        cmocka_unit_test(core_messages_name_no_flag),
        cmocka_unit_test(the_cli_words_its_own_flags),
        cmocka_unit_test(fill_in_order_repeated_and_missing),
        cmocka_unit_test(a_real_label_fills),
        cmocka_unit_test(errors_fill_their_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
