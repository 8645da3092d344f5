/* The allocator of parscore-failalloc, the CLI linked with --wrap: PARSCORE_FAIL_ALLOC=N makes the N-th
 * allocation fail (once, as sqlite's malloc tests do); PARSCORE_FAIL_ALLOC=0 counts them and says how many
 * on standard error at exit. Without the variable it is the plain CLI. */
#include <errno.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t size);
void *__real_aligned_alloc(size_t alignment, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);
void *__wrap_aligned_alloc(size_t alignment, size_t size);

static long fail_at = -2; /* -2: not read yet (the first call is before any second thread); -1: none; 0: count */
static atomic_long calls;  /* a large file's two threads allocate at once */

static void say_count(void)
{
    fprintf(stderr, "parscore-failalloc: %ld allocations\n", atomic_load(&calls));
}

/* A failure looks like the C library's own: NULL with errno set. */
static bool should_fail(void)
{
    if (fail_at == -2) {
        const char *n = getenv("PARSCORE_FAIL_ALLOC"); /* getenv allocates nothing */
        fail_at = n ? atol(n) : -1;
        if (fail_at == 0)
            atexit(say_count);
    }
    if (atomic_fetch_add(&calls, 1) + 1 != fail_at)
        return false;
    errno = ENOMEM;
    return true;
}

void *__wrap_malloc(size_t size)
{
    return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : __real_calloc(count, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : __real_realloc(p, size);
}

void *__wrap_aligned_alloc(size_t alignment, size_t size)
{
    return should_fail() ? NULL : __real_aligned_alloc(alignment, size);
}
