/* Checking targets for a gate: which selected targets pass, where a missing score never passes. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parscore/score.h"

static bool add_item(ps_check *check, const ps_line *line)
{
    for (size_t k = 0; k < check->count; k++)
        if (check->items[k].line == line)
            return true; /* asked for twice: checked once */
    ps_check_item *items = realloc(check->items, (check->count + 1) * sizeof *items);
    if (!items)
        return false;
    check->items = items;
    bool passed = line->met == PS_MET_YES;
    check->items[check->count++] = (ps_check_item){line, passed};
    check->passed += passed;
    return true;
}

ps_status ps_check_targets(const ps_result *result, const char *const *ids, size_t id_count, ps_check *check,
                           ps_error *err)
{
    memset(check, 0, sizeof *check);
    check->selected = ids != NULL;
    for (size_t i = 0; !ids && i < result->count; i++) {
        if (result->lines[i].met != PS_MET_NO_TARGET && !add_item(check, &result->lines[i])) {
            ps_check_free(check);
            return PS_ERR_NOMEM;
        }
    }
    for (size_t k = 0; ids && k < id_count; k++) {
        char *id = ps_id_canonical(ids[k], strlen(ids[k]));
        long at = id ? ps_result_find(result, id) : -1;
        free(id);
        ps_status st = PS_OK;
        if (at < 0) {
            ps_error_set(err, PS_MSG_CHECK_UNKNOWN_ID, NULL, 0, 0, ids[k], NULL, NULL);
            st = PS_ERR_INPUT;
        } else if (!result->lines[at].indicator->has_target) {
            ps_error_set(err, PS_MSG_CHECK_NO_TARGET, NULL, 0, 0, ids[k], NULL, NULL);
            st = PS_ERR_INPUT;
        } else if (!add_item(check, &result->lines[at])) {
            st = PS_ERR_NOMEM;
        }
        if (st != PS_OK) {
            ps_check_free(check);
            return st;
        }
    }
    return PS_OK;
}

void ps_check_free(ps_check *check)
{
    free(check->items);
    memset(check, 0, sizeof *check);
}
