/* A core-layer file that calls only core and the layers below it: the layer check must link it. */
#include "parscore/score.h"

ps_status layer_test_downward(const ps_plan *plan, ps_result *result);

ps_status layer_test_downward(const ps_plan *plan, ps_result *result)
{
    return ps_plan_find(plan, "total") ? ps_score(plan, NULL, result) : PS_ERR_INPUT;
}
