/* Unit tests for ps_big_grow: the large arrays' blocks, huge-page aligned from 2 MiB on (Linux). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/big.h"

#define MIB ((size_t)1 << 20)

static void fill(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 131 + i / 4099);
}

static void assert_filled(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(i * 131 + i / 4099))
            fail_msg("byte %zu: %u", i, p[i]);
}

/* Growing by doubling from a small block to past the huge-page size, as the units' names do. */
static void doubling_keeps_every_byte(void **state)
{
    (void)state;
    unsigned char *p = NULL;
    size_t used = 0;
    for (size_t cap = 64 * 1024; cap <= 16 * MIB; cap *= 2) {
        unsigned char *grown = ps_big_grow(p, used, cap);
        assert_non_null(grown);
        assert_filled(grown, used);
        p = grown;
        used = cap - cap / 3; /* a part of it used, as an array is before it grows */
        fill(p, used);
    }
    assert_filled(p, used);
    free(p);
}

/* From 2 MiB on a block begins at a huge page, so that the kernel can back it with them. */
static void large_blocks_are_aligned(void **state)
{
    (void)state;
    void *small = ps_big_grow(NULL, 0, MIB);
    void *large = ps_big_grow(NULL, 0, 2 * MIB);
    void *odd = ps_big_grow(NULL, 0, 3 * MIB + 1);
    assert_non_null(small);
    assert_non_null(large);
    assert_non_null(odd);
#ifdef __linux__
    assert_int_equal((uintptr_t)large % (2 * MIB), 0);
    assert_int_equal((uintptr_t)odd % (2 * MIB), 0);
#endif
    memset(odd, 0xA5, 3 * MIB + 1); /* every byte asked for is there */
    free(small);
    free(large);
    free(odd);
}

#ifdef __linux__
/* A size whose rounding up to whole huge pages overflows: refused, and the old block kept as it was. */
static void size_that_overflows_is_refused(void **state)
{
    (void)state;
    unsigned char *p = ps_big_grow(NULL, 0, 4 * MIB);
    assert_non_null(p);
    fill(p, 4 * MIB);
    assert_null(ps_big_grow(p, 4 * MIB, SIZE_MAX - MIB));
    assert_filled(p, 4 * MIB);
    free(p);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(doubling_keeps_every_byte),
        cmocka_unit_test(large_blocks_are_aligned),
#ifdef __linux__
        cmocka_unit_test(size_that_overflows_is_refused),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
