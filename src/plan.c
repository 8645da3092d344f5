/* The plan and scores models: lookup and release, and the built-in plan. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parscore/load.h"

/* Generated at build time from data/sin-ho-2023.csv (cmake/embed.cmake). */
extern const char ps_builtin_plan_csv[];
extern const size_t ps_builtin_plan_csv_len;
extern const char ps_builtin_plan_name[];

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
    free(scores->entries);
    free(scores->source);
    free(scores->period);
    ps_warnings_free(&scores->warnings);
    memset(scores, 0, sizeof *scores);
}

ps_status ps_plan_load_builtin(ps_plan *plan, ps_error *err)
{
    return ps_plan_load_buffer(ps_builtin_plan_csv, ps_builtin_plan_csv_len, ps_builtin_plan_name, plan, err);
}
