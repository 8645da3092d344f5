/* Fuzz target: a units file for parscore rank, ranked and written in every format. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool discard(void *ctx, const char *text, size_t len)
{
    (void)ctx;
    (void)text;
    (void)len;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ps_plan *plan = fuzz_plan();
    ps_units units;
    ps_error err;
    if (ps_units_init(&units, plan, &err) != PS_OK ||
        ps_units_read_buffer((const char *)data, size, "fuzz-units.csv", plan, ps_units_add, &units,
                             &units.source, &units.warnings, &err) != PS_OK ||
        ps_units_rank(&units, &err) != PS_OK) {
        ps_units_free(&units);
        return 0;
    }
    for (int lang = 0; lang < 2; lang++) {
        ps_report_options opt = {.lang = (ps_lang)lang};
        ps_report_units(&units, PS_UNITS_TEXT, &opt, discard, NULL);
        ps_report_units(&units, PS_UNITS_JSON, &opt, discard, NULL);
        ps_report_units(&units, PS_UNITS_CSV, &opt, discard, NULL);
    }
    ps_units_free(&units);
    return 0;
}
