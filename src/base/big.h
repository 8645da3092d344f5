/* Large arrays (units, names, their orders), allocated so that the system may back them with huge pages. */
#ifndef PARSCORE_BASE_BIG_H
#define PARSCORE_BASE_BIG_H

#include <stddef.h>

/* A block of size bytes holding the first kept bytes of p (p may be NULL, then kept is 0), p released; NULL
 * when out of memory, p then as it was. From 2 MiB on, and where the system offers transparent huge pages
 * on request (Linux's "madvise" mode), the block is aligned to them and asks for them: a million units
 * touch some 17,000 pages of 4 KiB, and on a virtual machine each first touch of one traps to the host
 * (about 12 us each on the benchmark's machine: 15% of a rank's CPU time). Owned by the caller, released
 * with free. */
void *ps_big_grow(void *p, size_t kept, size_t size);

/* A new block of size bytes, as ps_big_grow gives it. */
static inline void *ps_big_alloc(size_t size)
{
    return ps_big_grow(NULL, 0, size);
}

#endif
