/* Large arrays backed by huge pages where the system offers them on request. */
#define _DEFAULT_SOURCE /* madvise and MADV_HUGEPAGE, outside strict C11 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __linux__
#include <sys/mman.h>
#endif

#include "base/big.h"

#if defined(__linux__) && defined(MADV_HUGEPAGE)
#define BIG_BYTES ((size_t)2 << 20) /* smaller blocks come from the heap's pages, often touched already */
#define HUGE_PAGE ((size_t)2 << 20)

/* A new block aligned to huge pages, asked for them before any of them is touched. */
static void *huge_block(size_t size)
{
    size_t whole = (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    if (whole < size)
        return NULL;
    void *block = aligned_alloc(HUGE_PAGE, whole);
    if (block)
        (void)madvise(block, whole, MADV_HUGEPAGE); /* only advice: refused, the block is still good */
    return block;
}
#endif

void *ps_big_grow(void *p, size_t kept, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (size >= BIG_BYTES) {
        void *block = huge_block(size);
        if (!block)
            return NULL;
        if (kept > 0)
            memcpy(block, p, kept);
        free(p);
        return block;
    }
#else
    (void)kept;
#endif
    return realloc(p, size);
}
