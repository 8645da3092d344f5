/* Fuzz target: a quarterly scores file, then the whole pipeline. Built twice: FUZZ_JSON takes the inputs
 * that open like JSON, the CSV build takes the others, so each target explores its own reader. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t i = 0;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    bool json = i < size && (data[i] == '{' || data[i] == '[');
#ifdef FUZZ_JSON
    if (!json)
        return 0;
#else
    if (json)
        return 0;
#endif
    const ps_plan *plan = fuzz_plan();
    ps_scores scores;
    ps_error err;
    if (ps_scores_load_buffer((const char *)data, size, "fuzz.csv", plan, &scores, &err) != PS_OK) {
        char message[1024];
        ps_error_format(&err, PS_LANG_EN, message, sizeof message);
        return 0;
    }
    fuzz_pipeline(plan, &scores, NULL);
    ps_scores_free(&scores);
    return 0;
}
