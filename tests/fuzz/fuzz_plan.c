/* Fuzz target: a plan file (CSV or JSON), then its plan view in every format. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ps_plan plan;
    ps_error err;
    if (ps_plan_load_buffer((const char *)data, size, "fuzz-plan.csv", &plan, &err) != PS_OK) {
        char message[1024];
        ps_error_format(&err, PS_LANG_VI, message, sizeof message);
        return 0;
    }
    fuzz_pipeline(&plan, NULL, NULL);
    ps_plan_free(&plan);
    return 0;
}
