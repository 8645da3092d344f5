/* Unit tests for the fixed-point numbers: ps_num_parse, ps_num_format, ps_num_round2 and ps_num_div. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "parscore/model.h"

/* Fails with both values in decimal (cmocka 1.1 prints integers in hex). */
#define assert_num(got, want) check_num((got), (want), #got, __FILE__, __LINE__)

static void check_num(ps_num got, ps_num want, const char *what, const char *file, int line)
{
    if (got != want) {
        print_error("%s: got %lld, want %lld\n", what, (long long)got, (long long)want);
        _fail(file, line);
    }
}

/* Parses a NUL-terminated string; the out values are left as sentinels when the parse fails. */
typedef struct {
    ps_parse_result result;
    ps_num value;
    bool percent;
    bool negative;
} parsed;

static parsed parse(const char *text)
{
    parsed p = {PS_PARSE_OK, -777, false, false};
    p.result = ps_num_parse(text, strlen(text), &p.value, &p.percent, &p.negative);
    return p;
}

static void parses_to(const char *text, ps_num value, bool percent, bool negative)
{
    parsed p = parse(text);
    if (p.result != PS_PARSE_OK) {
        print_error("\"%s\": result %d, want PS_PARSE_OK\n", text, (int)p.result);
        fail();
    }
    if (p.value != value || p.percent != percent || p.negative != negative) {
        print_error("\"%s\": got %lld percent=%d negative=%d, want %lld percent=%d negative=%d\n", text,
                    (long long)p.value, p.percent, p.negative, (long long)value, percent, negative);
        fail();
    }
}

static void parse_gives(const char *text, ps_parse_result want)
{
    parsed p = parse(text);
    if (p.result != want) {
        print_error("\"%s\": result %d, want %d\n", text, (int)p.result, (int)want);
        fail();
    }
}

static const char *fmt(ps_num value, char mark, bool plus)
{
    static char buf[64];
    size_t n = ps_num_format(value, 2, mark, plus, buf, sizeof buf);
    assert_int_equal(n, strlen(buf));
    return buf;
}

/* ---- ps_num_parse ---- */

static void parse_decimal_point_and_comma(void **state)
{
    (void)state;
    parses_to("53.48", 53480000, false, false);
    parses_to("53,48", 53480000, false, false);
    parses_to("0,5", 500000, false, false);
    parses_to("7", 7000000, false, false);
    parses_to("100", 100000000, false, false);
    parses_to("0", 0, false, false);
    parses_to(".5", 500000, false, false);
    parses_to(",25", 250000, false, false);
    parses_to("12.345678", 12345678, false, false);
    parses_to("007.10", 7100000, false, false);
}

static void parse_percent_and_spaces(void **state)
{
    (void)state;
    parses_to("90%", 90000000, true, false);
    parses_to("90 %", 90000000, true, false);
    parses_to("42,22%", 42220000, true, false);
    parses_to("  53,48 % ", 53480000, true, false);
    parses_to("\t77.69\t", 77690000, false, false);
    /* U+00A0 no-break space, as a Vietnamese-locale spreadsheet writes before the % sign */
    parses_to("90\xC2\xA0%", 90000000, true, false);
    parses_to("\xC2\xA0"
              "85,87\xC2\xA0%\xC2\xA0",
              85870000, true, false);
    parses_to("\xC2\xA0"
              "12",
              12000000, false, false);
}

static void parse_sign(void **state)
{
    (void)state;
    parses_to("+7", 7000000, false, false);
    parses_to("-7", -7000000, false, true);
    parses_to("-2,5%", -2500000, true, true);
    parses_to("+0,25", 250000, false, false);
    /* "-0" is zero but says minus: the negative flag lets loaders refuse it */
    parses_to("-0", 0, false, true);
    parses_to("-0,00", 0, false, true);
    parses_to("+0", 0, false, false);
}

static void parse_empty(void **state)
{
    (void)state;
    parse_gives("", PS_PARSE_EMPTY);
    parse_gives("   ", PS_PARSE_EMPTY);
    parse_gives("\t \xC2\xA0", PS_PARSE_EMPTY);
    ps_num v = 0;
    assert_int_equal(ps_num_parse("", 0, &v, NULL, NULL), PS_PARSE_EMPTY);
    /* the length is what counts, not the NUL */
    assert_int_equal(ps_num_parse("12", 0, &v, NULL, NULL), PS_PARSE_EMPTY);
}

static void parse_invalid(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "1,234,5", "1.234,5", "1,234.5", "1 234", "1e5", "1E5", "1e400", "NaN",   "nan",
        "Inf",     "inf",     "-inf",    "%",     " % ", ".",   ",",     "-",     "+",
        "+-5",     "--5",     "- 5",     "5-",    "5.",  "5,",  "abc",   "12abc", "0x10",
        "50%%",    "%50",     "5 0",     "1..2",  "٣",   "５",  "50 %x", "\xC2",  "5\xC2",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        parse_gives(bad[i], PS_PARSE_INVALID);
}

static void parse_length_is_respected(void **state)
{
    (void)state;
    ps_num v = 0;
    bool percent = true, negative = true;
    /* only the first 5 bytes are the number: the rest must not be read */
    assert_int_equal(ps_num_parse("53,48garbage", 5, &v, &percent, &negative), PS_PARSE_OK);
    assert_num(v, 53480000);
    assert_false(percent);
    assert_false(negative);
    assert_int_equal(ps_num_parse("90%%", 3, &v, &percent, NULL), PS_PARSE_OK);
    assert_num(v, 90000000);
    assert_true(percent);
}

static void parse_too_large(void **state)
{
    (void)state;
    parses_to("1000000000", INT64_C(1000000000) * PS_NUM_SCALE, false, false);
    parse_gives("1000000001", PS_PARSE_TOO_LARGE);
    parse_gives("10000000000", PS_PARSE_TOO_LARGE);
    parse_gives("99999999999999999999999999999999", PS_PARSE_TOO_LARGE);
    parse_gives("-99999999999999999999999999999999,5%", PS_PARSE_TOO_LARGE);
    /* still not a number at all: invalid wins over too large */
    parse_gives("99999999999999999999999x", PS_PARSE_INVALID);
}

static void parse_more_than_six_decimals_is_sticky(void **state)
{
    (void)state;
    /* exact tails: zeros past the 6th decimal change nothing */
    parses_to("50.0000000", 50000000, false, false);
    parses_to("1.50000000000", 1500000, false, false);
    /* an inexact tail makes the last digit neither 0 nor 5, so the value is strictly above the cut */
    parses_to("50.0000001", 50000001, false, false);
    parses_to("50.00000000001", 50000001, false, false);
    parses_to("0,0000001", 1, false, false);
    parses_to("2.1234551", 2123456, false, false);
    parses_to("2.1234569", 2123456, false, false); /* 6 is already neither 0 nor 5: truncated */
    parses_to("-50.0000001", -50000001, false, true);
    parsed p = parse("50.0000001");
    assert_true(p.value > 50 * PS_NUM_SCALE);
    /* a later rounding to 2 decimals sees the tail: x.xx5 plus a bit rounds up, x.xx49999... down */
    assert_num(ps_num_round2(parse("0.0049999999").value), 0);
    assert_num(ps_num_round2(parse("0.00500000001").value), 10000);
    assert_string_equal(fmt(parse("2.0049999999").value, ',', false), "2,00");
    assert_string_equal(fmt(parse("2.0050000001").value, ',', false), "2,01");
}

static void parse_null_flags_allowed(void **state)
{
    (void)state;
    ps_num v = 0;
    assert_int_equal(ps_num_parse("-3%", 3, &v, NULL, NULL), PS_PARSE_OK);
    assert_num(v, -3000000);
}

/* ---- ps_num_format ---- */

static void format_two_decimals(void **state)
{
    (void)state;
    assert_string_equal(fmt(59623650, ',', false), "59,62");
    assert_string_equal(fmt(59623650, '.', false), "59.62");
    assert_string_equal(fmt(0, ',', false), "0,00");
    assert_string_equal(fmt(100 * PS_NUM_SCALE, ',', false), "100,00");
    assert_string_equal(fmt(7500000, '.', false), "7.50");
    assert_string_equal(fmt(1, '.', false), "0.00");
    assert_string_equal(fmt(-7780000, ',', false), "-7,78");
    assert_string_equal(fmt(INT64_C(1000000000) * PS_NUM_SCALE, '.', false), "1000000000.00");
}

static void format_half_away_from_zero(void **state)
{
    (void)state;
    assert_string_equal(fmt(2005000, ',', false), "2,01");
    assert_string_equal(fmt(2004999, ',', false), "2,00");
    assert_string_equal(fmt(-2005000, ',', false), "-2,01");
    assert_string_equal(fmt(-2004999, ',', false), "-2,00");
    assert_string_equal(fmt(9995000, '.', false), "10.00");
    assert_string_equal(fmt(-9995000, '.', false), "-10.00");
    assert_string_equal(fmt(5000, '.', false), "0.01");
    assert_string_equal(fmt(4999, '.', false), "0.00");
}

static void format_plus_and_no_negative_zero(void **state)
{
    (void)state;
    assert_string_equal(fmt(2780000, ',', true), "+2,78");
    assert_string_equal(fmt(-5000000, ',', true), "-5,00");
    assert_string_equal(fmt(0, ',', true), "0,00");
    assert_string_equal(fmt(5000, ',', true), "+0,01");
    assert_string_equal(fmt(-5000, ',', true), "-0,01");
    /* without plus, a value that rounds to zero never shows a sign: no "-0,00" */
    assert_string_equal(fmt(-3650, ',', false), "0,00");
    assert_string_equal(fmt(-4999, ',', false), "0,00");
    assert_string_equal(fmt(-1, '.', false), "0.00");
    assert_string_equal(fmt(3650, ',', false), "0,00");
    /* with plus, it keeps its side (model.h): above by less than 0.005 is "+0,00", below is "-0,00" */
    assert_string_equal(fmt(3650, ',', true), "+0,00");
    assert_string_equal(fmt(-3650, ',', true), "-0,00");
    assert_string_equal(fmt(1, '.', true), "+0.00");
    assert_string_equal(fmt(-1, '.', true), "-0.00");
}

static void format_short(void **state)
{
    (void)state;
    char buf[40];
    assert_int_equal(ps_num_format_short(7500000, ',', buf, sizeof buf), 3);
    assert_string_equal(buf, "7,5");
    ps_num_format_short(14500000, '.', buf, sizeof buf);
    assert_string_equal(buf, "14.5");
    assert_int_equal(ps_num_format_short(8 * PS_NUM_SCALE, ',', buf, sizeof buf), 1);
    assert_string_equal(buf, "8");
    ps_num_format_short(59623650, ',', buf, sizeof buf);
    assert_string_equal(buf, "59,62365");
    ps_num_format_short(1, '.', buf, sizeof buf);
    assert_string_equal(buf, "0.000001");
    ps_num_format_short(0, ',', buf, sizeof buf);
    assert_string_equal(buf, "0");
    ps_num_format_short(-2500000, ',', buf, sizeof buf);
    assert_string_equal(buf, "-2,5");
    ps_num_format_short(100 * PS_NUM_SCALE, ',', buf, sizeof buf);
    assert_string_equal(buf, "100");
    char small[3];
    assert_int_equal(ps_num_format_short(14500000, ',', small, sizeof small), 4);
    assert_string_equal(small, "14");
}

static void format_other_decimals_and_small_buffer(void **state)
{
    (void)state;
    char buf[32];
    assert_int_equal(ps_num_format(7500000, 0, ',', false, buf, sizeof buf), 1);
    assert_string_equal(buf, "8");
    assert_int_equal(ps_num_format(7499999, 0, ',', false, buf, sizeof buf), 1);
    assert_string_equal(buf, "7");
    assert_int_equal(ps_num_format(59623650, 6, ',', false, buf, sizeof buf), 9);
    assert_string_equal(buf, "59,623650");
    ps_num_format(59623650, 4, '.', false, buf, sizeof buf);
    assert_string_equal(buf, "59.6237");
    ps_num_format(59623650, 1, '.', false, buf, sizeof buf);
    assert_string_equal(buf, "59.6");
    /* the full length is returned even when the buffer is too small; the copy is cut and terminated */
    char small[4];
    assert_int_equal(ps_num_format(59623650, 2, ',', false, small, sizeof small), 5);
    assert_string_equal(small, "59,");
}

/* ---- ps_num_round2 ---- */

static void round2_half_away_from_zero(void **state)
{
    (void)state;
    assert_num(ps_num_round2(59623650), 59620000);
    assert_num(ps_num_round2(59625000), 59630000);
    assert_num(ps_num_round2(59624999), 59620000);
    assert_num(ps_num_round2(-59625000), -59630000);
    assert_num(ps_num_round2(-59624999), -59620000);
    assert_num(ps_num_round2(0), 0);
    assert_num(ps_num_round2(-4999), 0);
    assert_num(ps_num_round2(99995000), 100000000);
    assert_num(ps_num_round2(42220000), 42220000);
}

/* ---- ps_num_div ---- */

static void div_exact(void **state)
{
    (void)state;
    /* the 2022 total: Σ(max × percent) in 10^-12 over Σ max in 10^-6 */
    assert_num(ps_num_div(INT64_C(5962365000000000), 100 * PS_NUM_SCALE), 59623650);
    /* 7.4 points of 8 → 92.5 % */
    assert_num(ps_num_div(INT64_C(7400000) * 100 * PS_NUM_SCALE, 8 * PS_NUM_SCALE), 92500000);
    assert_num(ps_num_div(10, 2), 5);
    assert_num(ps_num_div(0, 7), 0);
    assert_num(ps_num_div(-10, 2), -5);
    assert_num(ps_num_div(10, -2), -5);
    assert_num(ps_num_div(-10, -2), 5);
}

static void div_inexact_is_sticky(void **state)
{
    (void)state;
    /* the truncated quotient keeps its last digit when that digit is neither 0 nor 5 */
    assert_num(ps_num_div(PS_NUM_SCALE, 3), 333333); /* 333333.33.. */
    assert_num(ps_num_div(149, 10), 14);             /* 14.9 */
    assert_num(ps_num_div(-149, 10), -14);
    /* an inexact quotient whose truncation ends in 0 or 5 is bumped away from zero by one */
    assert_num(ps_num_div(1, 3), 1); /* 0.33.. → 0 → 1 */
    assert_num(ps_num_div(1, 2), 1); /* 0.5 → 0 → 1 */
    assert_num(ps_num_div(-1, 2), -1);
    assert_num(ps_num_div(21, 2), 11); /* 10.5 → 10 → 11 */
    assert_num(ps_num_div(101, 10), 11);
    assert_num(ps_num_div(151, 10), 16); /* 15.1 → 15 → 16 */
    assert_num(ps_num_div(-151, 10), -16);
    assert_num(ps_num_div(151, -10), -16);
    /* exact quotients ending in 0 or 5 are left alone */
    assert_num(ps_num_div(20, 2), 10);
    assert_num(ps_num_div(150, 10), 15);
}

/* Rounding the sticky quotient to 2 decimals must equal rounding the exact quotient. */
static void div_then_round_matches_exact_rounding(void **state)
{
    (void)state;
    const int64_t d = 100 * PS_NUM_SCALE;
    /* exactly x.xx5 → up */
    assert_num(ps_num_round2(ps_num_div(INT64_C(5962500000000000), d)), 59630000);
    /* x.xx5 plus the smallest bit → up */
    assert_num(ps_num_round2(ps_num_div(INT64_C(5962500000000001), d)), 59630000);
    /* x.xx5 minus the smallest bit: the exact value is below the tie → down (a plain round to 6 decimals
     * would give x.xx5000 and round up) */
    assert_num(ps_num_round2(ps_num_div(INT64_C(5962499999999999), d)), 59620000);
    assert_string_equal(fmt(ps_num_div(INT64_C(5962499999999999), d), ',', false), "59,62");
    assert_string_equal(fmt(ps_num_div(INT64_C(5962500000000000), d), ',', false), "59,63");
    assert_string_equal(fmt(ps_num_div(INT64_C(5962500000000001), d), ',', false), "59,63");
    /* the 2022 total's exact value 59.62365 and its neighbours */
    assert_num(ps_num_round2(ps_num_div(INT64_C(5962365000000000), d)), 59620000);
    assert_num(ps_num_round2(ps_num_div(INT64_C(5962365000000001), d)), 59620000);
    assert_num(ps_num_round2(ps_num_div(INT64_C(5962364999999999), d)), 59620000);
    /* negative: the tie goes away from zero, just below the tie towards zero */
    assert_num(ps_num_round2(ps_num_div(-INT64_C(5962500000000000), d)), -59630000);
    assert_num(ps_num_round2(ps_num_div(-INT64_C(5962499999999999), d)), -59620000);
    assert_num(ps_num_round2(ps_num_div(INT64_C(5962499999999999), -d)), -59620000);
    /* every numerator in a range over small denominators, against exact integer rounding to 10^4 */
    static const int64_t dens[] = {1, 2, 3, 4, 7, 8, 16, 32};
    for (size_t k = 0; k < sizeof dens / sizeof dens[0]; k++) {
        int64_t den = dens[k];
        for (int64_t num = -300000; num <= 300000; num++) {
            int64_t mag = num < 0 ? -num : num;
            int64_t unit = INT64_C(10000) * den;
            int64_t q = mag / unit, rest = mag % unit;
            if (2 * rest >= unit)
                q++;
            int64_t want = (num < 0 ? -q : q) * INT64_C(10000);
            ps_num got = ps_num_round2(ps_num_div(num, den));
            if (got != want) {
                print_error("%lld/%lld: round2(div) = %lld, exact rounding %lld\n", (long long)num,
                            (long long)den, (long long)got, (long long)want);
                fail();
            }
        }
    }
}

/* Plain decimals take a short way; a leading space sends the same text the general way: both must agree,
 * on every length of whole and decimal part, both marks, and values around the limits. */
static void plain_and_general_agree(void **state)
{
    (void)state;
    static const char digits[] = "0123456789";
    unsigned seed = 7;
    char text[40], spaced[41];
    for (int k = 0; k < 200000; k++) {
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        int whole = 1 + (int)(seed >> 16) % 11, decimals = (int)(seed >> 8) % 9;
        for (int d = 0; d < whole; d++) {
            seed = seed * 1103515245u + 12345u;
            text[n++] = digits[(seed >> 16) % 10];
        }
        if (decimals > 0) {
            text[n++] = (seed & 1) ? '.' : ',';
            for (int d = 0; d < decimals - 1; d++) {
                seed = seed * 1103515245u + 12345u;
                text[n++] = digits[(seed >> 16) % 10];
            }
        }
        text[n] = '\0';
        spaced[0] = ' ';
        memcpy(spaced + 1, text, n + 1);
        ps_num a = -1, b = -2;
        bool pa = true, pb = true, na = true, nb = true;
        ps_parse_result ra = ps_num_parse(text, n, &a, &pa, &na);
        ps_parse_result rb = ps_num_parse(spaced, n + 1, &b, &pb, &nb);
        if (ra != rb || (ra == PS_PARSE_OK && (a != b || pa != pb || na != nb))) {
            print_error("'%s': %d %lld, spaced: %d %lld\n", text, (int)ra, (long long)a, (int)rb, (long long)b);
            fail();
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_decimal_point_and_comma),
        cmocka_unit_test(parse_percent_and_spaces),
        cmocka_unit_test(parse_sign),
        cmocka_unit_test(parse_empty),
        cmocka_unit_test(parse_invalid),
        cmocka_unit_test(parse_length_is_respected),
        cmocka_unit_test(parse_too_large),
        cmocka_unit_test(parse_more_than_six_decimals_is_sticky),
        cmocka_unit_test(parse_null_flags_allowed),
        cmocka_unit_test(format_two_decimals),
        cmocka_unit_test(format_half_away_from_zero),
        cmocka_unit_test(format_plus_and_no_negative_zero),
        cmocka_unit_test(format_short),
        cmocka_unit_test(format_other_decimals_and_small_buffer),
        cmocka_unit_test(round2_half_away_from_zero),
        cmocka_unit_test(div_exact),
        cmocka_unit_test(div_inexact_is_sticky),
        cmocka_unit_test(div_then_round_matches_exact_rounding),
        cmocka_unit_test(plain_and_general_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
