/* Unit tests for targets as people write them: ps_target_parse and ps_target_met. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "parscore/model.h"

static void parses_to(const char *text, ps_op op, ps_num value)
{
    ps_target t = {(ps_op)0, -1};
    ps_parse_result r = ps_target_parse(text, strlen(text), &t);
    if (r != PS_PARSE_OK || t.op != op || t.value != value) {
        print_error("\"%s\": result %d op %d value %lld, want result 0 op %d value %lld\n", text, (int)r,
                    (int)t.op, (long long)t.value, (int)op, (long long)value);
        fail();
    }
}

static void refused(const char *text, ps_parse_result want)
{
    ps_target t = {PS_OP_GT, 123};
    ps_parse_result r = ps_target_parse(text, strlen(text), &t);
    if (r != want) {
        print_error("\"%s\": result %d, want %d\n", text, (int)r, (int)want);
        fail();
    }
    /* a refused target leaves the output alone */
    assert_int_equal(t.op, PS_OP_GT);
    assert_true(t.value == 123);
}

#define P(x) ((ps_num)(x)*PS_NUM_SCALE)

static void symbols(void **state)
{
    (void)state;
    parses_to(">50", PS_OP_GT, P(50));
    parses_to("> 50", PS_OP_GT, P(50));
    parses_to(">50%", PS_OP_GT, P(50));
    parses_to(">=60", PS_OP_GE, P(60));
    parses_to(">= 60", PS_OP_GE, P(60));
    parses_to("\xe2\x89\xa5"
              "60",
              PS_OP_GE, P(60));                      /* ≥60 */
    parses_to("\xe2\x89\xa5 60 %", PS_OP_GE, P(60)); /* ≥ 60 % */
    parses_to("=> 60", PS_OP_GE, P(60));
    parses_to("  >  85,87 % ", PS_OP_GT, 85870000);
}

static void vietnamese_words(void **state)
{
    (void)state;
    parses_to("Trên 50%", PS_OP_GT, P(50));
    parses_to("trên 50 %", PS_OP_GT, P(50));
    parses_to("TRÊN 50%", PS_OP_GT, P(50));
    parses_to("Trên 85,87%", PS_OP_GT, 85870000);
    /* NFD: "Tre" + U+0302 combining circumflex + "n", as macOS may store it */
    parses_to("Tre\xcc\x82n 50%", PS_OP_GT, P(50));
    parses_to("TRE\xcc\x82N 50%", PS_OP_GT, P(50));
    /* NFD "tối thiểu": o + U+0302 + U+0301, ie + U+0302 + U+0309 */
    parses_to("to\xcc\x82\xcc\x81i thie\xcc\x82\xcc\x89u 60%", PS_OP_GE, P(60));
    /* "Trến" (with an acute) is another word */
    refused("Tre\xcc\x82\xcc\x81n 50%", PS_PARSE_INVALID);
    /* a no-break space between the word and the number */
    parses_to("Trên\xc2\xa0"
              "50%",
              PS_OP_GT, P(50));
    parses_to("tối thiểu 60%", PS_OP_GE, P(60));
    parses_to("Tối thiểu 50%", PS_OP_GE, P(50));
    parses_to("đạt 100%", PS_OP_GE, P(100));
    parses_to("Đạt 100%", PS_OP_GE, P(100));
    parses_to("đạt trên 80%", PS_OP_GT, P(80));
    parses_to("60% trở lên", PS_OP_GE, P(60));
    parses_to("60 % trở lên", PS_OP_GE, P(60));
    parses_to("ít nhất 60%", PS_OP_GE, P(60));
    parses_to("hơn 50%", PS_OP_GT, P(50));
}

static void bare_number_and_english(void **state)
{
    (void)state;
    parses_to("100%", PS_OP_GE, P(100));
    parses_to("100", PS_OP_GE, P(100));
    parses_to("50,5", PS_OP_GE, 50500000);
    parses_to("at least 60", PS_OP_GE, P(60));
    parses_to("At least 60%", PS_OP_GE, P(60));
    parses_to("above 50", PS_OP_GT, P(50));
    parses_to("Above 50%", PS_OP_GT, P(50));
    parses_to("more than 50", PS_OP_GT, P(50));
    parses_to("60 or more", PS_OP_GE, P(60));
}

static void refused_targets(void **state)
{
    (void)state;
    refused("", PS_PARSE_EMPTY);
    refused("   ", PS_PARSE_EMPTY);
    refused("about 50", PS_PARSE_INVALID);
    refused("Trên", PS_PARSE_INVALID);
    refused("trên %", PS_PARSE_INVALID);
    refused(">", PS_PARSE_INVALID);
    refused("trên 50% trở lên", PS_PARSE_INVALID); /* strictly above and at least at once */
    refused("-5", PS_PARSE_INVALID);
    refused("> -5", PS_PARSE_INVALID);
    refused("Trên -0%", PS_PARSE_INVALID);
    refused("abc", PS_PARSE_INVALID);
    refused("Trên năm mươi", PS_PARSE_INVALID);
    refused("50 - 60", PS_PARSE_INVALID);
    refused("<50", PS_PARSE_INVALID);
    refused(">>50", PS_PARSE_INVALID);
    refused("Trên 1e2%", PS_PARSE_INVALID);
    refused("Tr\xffn 50%", PS_PARSE_INVALID); /* not UTF-8 */
}

static void length_is_respected(void **state)
{
    (void)state;
    ps_target t = {(ps_op)0, 0};
    /* only "Trên 50%" (9 bytes: ê takes 2) is the target */
    assert_int_equal(ps_target_parse("Trên 50% trở lên", 9, &t), PS_PARSE_OK);
    assert_int_equal(t.op, PS_OP_GT);
    assert_true(t.value == P(50));
}

static void met_strictly_above(void **state)
{
    (void)state;
    ps_target t;
    assert_int_equal(ps_target_parse("Trên 50%", strlen("Trên 50%"), &t), PS_PARSE_OK);
    assert_false(ps_target_met(&t, P(50)));
    assert_false(ps_target_met(&t, 49990000));
    assert_true(ps_target_met(&t, 50010000));
    assert_true(ps_target_met(&t, 50000001)); /* 50.0000001 after sticky parsing */
    assert_true(ps_target_met(&t, P(100)));
}

static void met_at_least(void **state)
{
    (void)state;
    ps_target t;
    assert_int_equal(ps_target_parse(">=60", 4, &t), PS_PARSE_OK);
    assert_true(ps_target_met(&t, P(60)));
    assert_true(ps_target_met(&t, 60000001));
    assert_false(ps_target_met(&t, 59999999));
    assert_int_equal(ps_target_parse("tối thiểu 60%", strlen("tối thiểu 60%"), &t), PS_PARSE_OK);
    assert_true(ps_target_met(&t, P(60)));
    assert_false(ps_target_met(&t, 59990000));
    assert_int_equal(ps_target_parse("100%", 4, &t), PS_PARSE_OK);
    assert_true(ps_target_met(&t, P(100)));
    assert_false(ps_target_met(&t, 99999999));
    ps_target zero = {PS_OP_GE, 0};
    assert_true(ps_target_met(&zero, 0));
    ps_target above_zero = {PS_OP_GT, 0};
    assert_false(ps_target_met(&above_zero, 0));
    assert_true(ps_target_met(&above_zero, 1));
}

/* The least gain is whole hundredths, meets the target, and 0.01 less does not: on targets with up to 6
 * decimals ("Trên 13.338333%") and values on either side, including exact ties. */
static void least_gain_is_the_least_that_meets(void **state)
{
    (void)state;
    const ps_num cent = PS_NUM_SCALE / 100;
    ps_target gt = {.op = PS_OP_GT, .value = 50 * PS_NUM_SCALE};
    assert_int_equal(ps_target_least_gain(&gt, 42220000), 7790000); /* 42.22 + 7.78 is 50, not above */
    assert_int_equal(ps_target_least_gain(&gt, 50 * PS_NUM_SCALE), cent);
    assert_int_equal(ps_target_least_gain(&gt, 50000001), 0);
    ps_target odd = {.op = PS_OP_GT, .value = 13338333};
    assert_int_equal(ps_target_least_gain(&odd, 13334000), cent); /* the gap is 0.004333: 0.01, not 0 */
    unsigned seed = 2023;
    for (int k = 0; k < 100000; k++) {
        seed = seed * 1103515245u + 12345u;
        ps_target t = {.op = (seed >> 8) & 1 ? PS_OP_GT : PS_OP_GE, .value = (ps_num)(seed % 100000001u)};
        seed = seed * 1103515245u + 12345u;
        ps_num value = (seed >> 4) & 1 ? t.value - (ps_num)(seed % 3000u) : (ps_num)(seed % 100000001u);
        ps_num x = ps_target_least_gain(&t, value);
        assert_true(x >= 0 && x % cent == 0);
        assert_true(ps_target_met(&t, value + x));
        if (x > 0)
            assert_false(ps_target_met(&t, value + x - cent));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(symbols),
        cmocka_unit_test(vietnamese_words),
        cmocka_unit_test(bare_number_and_english),
        cmocka_unit_test(refused_targets),
        cmocka_unit_test(length_is_respected),
        cmocka_unit_test(met_strictly_above),
        cmocka_unit_test(met_at_least),
        cmocka_unit_test(least_gain_is_the_least_that_meets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
