/* Checking targets for a gate: which selected targets pass, where a missing score never passes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/error.h"
#include "base/text.h"
#include "parscore/score.h"

static bool add_item(ps_check *check, const ps_line *line, bool rank)
{
    for (size_t k = 0; k < check->count; k++)
        if (check->items[k].line == line && check->items[k].rank == rank)
            return true; /* asked for twice: checked once */
    ps_check_item *items = realloc(check->items, (check->count + 1) * sizeof *items);
    if (!items)
        return false;
    check->items = items;
    bool passed = (rank ? line->rank_met : line->met) == PS_MET_YES;
    check->items[check->count++] = (ps_check_item){line, rank, passed};
    check->passed += passed;
    return true;
}

/* A gate never passes on a rank among fewer units than the plan ranks among: it is an error, not a miss. */
static ps_status rank_not_judged(const ps_result *result, const ps_line *line, ps_error *err)
{
    char id[160], have[24], want[24];
    ps_check_item item = {line, true, false};
    ps_check_item_id(&item, id, sizeof id);
    snprintf(have, sizeof have, "%zu", result->peer_units);
    snprintf(want, sizeof want, "%d", result->plan_units);
    ps_error_set(err, PS_MSG_CHECK_RANK_NOT_JUDGED, result->peers_source, 0, 0, id, have, want);
    return PS_ERR_INPUT;
}

static ps_status add_all(const ps_result *result, ps_check *check, ps_error *err)
{
    for (size_t i = 0; i < result->count; i++) {
        const ps_line *l = &result->lines[i];
        if (l->met != PS_MET_NO_TARGET && !add_item(check, l, false))
            return PS_ERR_NOMEM;
        if (l->rank_met == PS_MET_NO_TARGET)
            continue;
        if (!result->rank_targets_judged)
            return rank_not_judged(result, l, err);
        if (!add_item(check, l, true))
            return PS_ERR_NOMEM;
    }
    return PS_OK;
}

/* "rank" is the total's rank target, "rank:ID" another's; anything else a value target. */
static ps_status add_one(const ps_result *result, const char *name, ps_check *check, ps_error *err)
{
    /* ids ignore case (ps_id_canonical): so do the rank names */
    bool total_rank = strcasecmp(name, "rank") == 0;
    bool rank = total_rank || strncasecmp(name, "rank:", 5) == 0;
    const char *id_text = total_rank ? "total" : rank ? name + 5 : name;
    char *id;
    ps_status st = ps_id_canonical(id_text, strlen(id_text), &id);
    if (st == PS_ERR_NOMEM)
        return st;
    long at = st == PS_OK ? ps_result_find(result, id) : -1;
    free(id);
    const ps_line *l = at >= 0 ? &result->lines[at] : NULL;
    ps_msg code = !l                                       ? PS_MSG_CHECK_UNKNOWN_ID
                  : rank && l->indicator->target_rank <= 0 ? PS_MSG_CHECK_NO_TARGET
                  : rank && !result->ranked                ? PS_MSG_CHECK_NO_PEERS
                  : !rank && !l->indicator->has_target     ? PS_MSG_CHECK_NO_TARGET
                                                           : PS_MSG_NONE;
    if (code != PS_MSG_NONE) {
        ps_error_set(err, code, NULL, 0, 0, name, NULL, NULL);
        return PS_ERR_INPUT;
    }
    if (rank && !result->rank_targets_judged)
        return rank_not_judged(result, l, err);
    return add_item(check, l, rank) ? PS_OK : PS_ERR_NOMEM;
}

ps_status ps_check_targets(const ps_result *result, const char *const *ids, size_t id_count, ps_check *check,
                           ps_error *err)
{
    memset(check, 0, sizeof *check);
    check->selected = ids != NULL;
    ps_status st = ids ? PS_OK : add_all(result, check, err);
    for (size_t k = 0; ids && k < id_count && st == PS_OK; k++)
        st = add_one(result, ids[k], check, err);
    if (st == PS_ERR_NOMEM)
        ps_error_set(err, PS_MSG_NOMEM, NULL, 0, 0, NULL, NULL, NULL);
    if (st != PS_OK)
        ps_check_free(check);
    return st;
}

void ps_check_free(ps_check *check)
{
    free(check->items);
    memset(check, 0, sizeof *check);
}

ps_check_reason ps_check_item_reason(const ps_check_item *item)
{
    const ps_line *l = item->line;
    bool known = item->rank ? l->has_rank : l->has_score && !l->partial;
    return item->passed ? PS_CHECK_MET
           : known      ? PS_CHECK_MISSED
           : l->partial ? PS_CHECK_PARTIAL
                        : PS_CHECK_NO_SCORE;
}

size_t ps_check_item_id(const ps_check_item *item, char *buf, size_t size)
{
    const ps_indicator *ind = item->line->indicator;
    int n = !item->rank                  ? snprintf(buf, size, "%s", ind->id)
            : ind->kind == PS_KIND_TOTAL ? snprintf(buf, size, "rank")
                                         : snprintf(buf, size, "rank:%s", ind->id);
    return n > 0 ? (size_t)n : 0;
}
