/* Arrays that grow as items arrive, shared by the readers. Not public. */
#ifndef PARSCORE_BASE_ARRAY_H
#define PARSCORE_BASE_ARRAY_H

#include <stdbool.h>
#include <stddef.h>

/* ps_array_grow when there is no room yet. */
bool ps_array_grow_room(void **data, size_t *cap, size_t need, size_t item);

/* Makes room for need items of item bytes in *data (capacity *cap, doubling from 16; *data may be NULL);
 * false when out of memory or the size overflows, *data and *cap then as they were. Inline: the readers
 * ask it for every field, and there is room nearly every time. */
static inline bool ps_array_grow(void **data, size_t *cap, size_t need, size_t item)
{
    return need <= *cap || ps_array_grow_room(data, cap, need, item);
}

#endif
