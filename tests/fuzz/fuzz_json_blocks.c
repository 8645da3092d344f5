/* Fuzz target: the JSON reader from a stream in 5-byte blocks must do exactly what it does on the whole
 * buffer (every callback, every message and its place), whatever the input. */
#define PS_JSON_BLOCK_BYTES 5
#include "../../src/input/json_table.c"
#include "json_both_ways.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!json_both_ways("fuzz", (const char *)data, size))
        abort();
    return 0;
}
