/* A core-layer file that calls a reporter: the layer check must refuse to link it. */
#include "parscore/report.h"

ps_status layer_test_upward(const ps_plan *plan, const ps_result *result, ps_buf *out);

ps_status layer_test_upward(const ps_plan *plan, const ps_result *result, ps_buf *out)
{
    ps_report_options options = {.lang = PS_LANG_VI};
    return ps_report_text(plan, result, &options, out);
}
