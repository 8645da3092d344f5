/* Fuzz targets: the number parser (with formatting, which must read back the same) and, built with
 * FUZZ_TARGET_EXPR, the target-expression parser. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/parscore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    ps_num value, other;
    bool percent, negative;
    char buf[64];
#ifdef FUZZ_TARGET_EXPR
    ps_target target;
    if (ps_target_parse(text, size, &target) == PS_PARSE_OK) {
        if (target.op != PS_OP_GT && target.op != PS_OP_GE)
            abort();
        if (!ps_target_met(&target, target.value + 1))
            abort(); /* anything above the value meets it */
    }
    (void)value, (void)other, (void)percent, (void)negative, (void)buf;
#else
    if (ps_num_parse(text, size, &value, &percent, &negative) == PS_PARSE_OK) {
        ps_num_format(value, 2, ',', true, buf, sizeof buf);
        ps_num_format_short(value, '.', buf, sizeof buf);
        /* parsing what was written gives the same value at 2 decimals */
        ps_num_format(value, 6, '.', false, buf, sizeof buf);
        if (value >= 0 && ps_num_parse(buf, strlen(buf), &other, NULL, NULL) == PS_PARSE_OK && other != value)
            abort();
    }
    if (ps_num_parse_exponent(text, size, &value, &negative) == PS_PARSE_OK)
        ps_num_format(value, 2, '.', false, buf, sizeof buf);
#endif
    return 0;
}
