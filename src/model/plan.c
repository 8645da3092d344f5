/* The plan, scores and peers models: lookup, the criteria units are ranked by, and release. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "parscore/model.h"

const char *ps_kind_key(ps_kind kind)
{
    static const char *const keys[] = {"criterion", "sipas", "total", "kpi", "sub"};
    return kind <= PS_KIND_SUB ? keys[kind] : "";
}

const ps_indicator *ps_plan_find(const ps_plan *plan, const char *id)
{
    for (size_t i = 0; i < plan->count; i++)
        if (plan->items[i].id && strcmp(plan->items[i].id, id) == 0)
            return &plan->items[i];
    return NULL;
}

void ps_plan_free(ps_plan *plan)
{
    for (size_t i = 0; i < plan->count; i++) {
        ps_indicator *item = &plan->items[i];
        free(item->id);
        free(item->name);
        free(item->name_en);
        for (size_t k = 0; k < item->owner_count; k++)
            free(item->owners[k]);
        free(item->owners);
    }
    free(plan->items);
    free(plan->source);
    free(plan->unit);
    free(plan->year);
    free(plan->baseline_year);
    ps_warnings_free(&plan->warnings);
    memset(plan, 0, sizeof *plan);
}

void ps_scores_free(ps_scores *scores)
{
    for (size_t k = 0; k < scores->count; k++) {
        free(scores->entries[k].evidence);
        free(scores->entries[k].note);
    }
    free(scores->entries);
    free(scores->source);
    free(scores->period);
    ps_warnings_free(&scores->warnings);
    memset(scores, 0, sizeof *scores);
}

void ps_peers_free(ps_peers *peers)
{
    for (size_t k = 0; k < peers->count; k++) {
        free(peers->items[k].unit);
        free(peers->items[k].has_value);
        free(peers->items[k].value);
    }
    free(peers->items);
    free(peers->source);
    ps_warnings_free(&peers->warnings);
    memset(peers, 0, sizeof *peers);
}

ps_status ps_plan_rank_criteria(const ps_plan *plan, const ps_indicator *criteria[PS_RANK_MAX_CRITERIA],
                                size_t *count, ps_error *err)
{
    *count = 0;
    for (size_t i = 0; i < plan->count; i++) {
        if (plan->items[i].kind != PS_KIND_CRITERION)
            continue;
        if (*count == PS_RANK_MAX_CRITERIA) {
            char limit[16];
            snprintf(limit, sizeof limit, "%d", PS_RANK_MAX_CRITERIA);
            ps_error_set(err, PS_MSG_TOO_MANY_CRITERIA, plan->source, 0, 0, limit, NULL, NULL);
            return PS_ERR_INPUT;
        }
        criteria[(*count)++] = &plan->items[i];
    }
    return PS_OK;
}
