/* Unit tests for the libraries loaded when first needed (src/base/dl.c): functions found and callable, a
 * missing library or function refused with the loader's reason, and the workbook's own libraries found. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "base/dl.h"

typedef struct {
    PS_DL_SLOT(cos)
    PS_DL_SLOT(floor)
} math_functions;

static const ps_dl_function math_list[] = {{"cos", offsetof(math_functions, cos)},
                                           {"floor", offsetof(math_functions, floor)}};

static void functions_are_found_and_called(void **state)
{
    (void)state;
    math_functions m = {0};
    char reason[256] = "";
    assert_int_equal(ps_dl_bind("libm.so.6", math_list, 2, &m, reason, sizeof reason), PS_OK);
    assert_non_null(m.cos);
    assert_non_null(m.floor);
    assert_true(m.cos(0.0) == 1.0);
    assert_true(m.floor(-2.5) == -3.0);
}

static void a_missing_library_is_refused_with_its_name(void **state)
{
    (void)state;
    math_functions m = {0};
    char reason[256] = "";
    assert_int_equal(ps_dl_bind("libparscore-no-such-library.so.9", math_list, 2, &m, reason, sizeof reason),
                     PS_ERR_IO);
    assert_non_null(strstr(reason, "libparscore-no-such-library.so.9"));
    assert_null(m.cos);
}

static void a_missing_function_is_refused_with_its_name(void **state)
{
    (void)state;
    math_functions m = {0};
    const ps_dl_function list[] = {{"cos", offsetof(math_functions, cos)},
                                   {"parscore_no_such_function", offsetof(math_functions, floor)}};
    char reason[256] = "";
    assert_int_equal(ps_dl_bind("libm.so.6", list, 2, &m, reason, sizeof reason), PS_ERR_IO);
    assert_non_null(strstr(reason, "parscore_no_such_function"));
}

static void a_long_reason_is_cut_and_terminated(void **state)
{
    (void)state;
    math_functions m = {0};
    char reason[8];
    memset(reason, 'x', sizeof reason);
    assert_int_equal(ps_dl_bind("libparscore-no-such-library.so.9", math_list, 2, &m, reason, sizeof reason),
                     PS_ERR_IO);
    assert_int_equal(strlen(reason), sizeof reason - 1);
}

/* the sonames the build read from the libraries it found are the ones the loader finds at run time */
static void the_workbook_libraries_load(void **state)
{
    (void)state;
    const char *sonames[] = {PARSCORE_XLSXWRITER_SONAME, PARSCORE_LIBZIP_SONAME};
    for (size_t i = 0; i < 2; i++) {
        char reason[256] = "";
        void *none = NULL;
        assert_int_equal(ps_dl_bind(sonames[i], NULL, 0, &none, reason, sizeof reason), PS_OK);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(functions_are_found_and_called),
        cmocka_unit_test(a_missing_library_is_refused_with_its_name),
        cmocka_unit_test(a_missing_function_is_refused_with_its_name),
        cmocka_unit_test(a_long_reason_is_cut_and_terminated),
        cmocka_unit_test(the_workbook_libraries_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
