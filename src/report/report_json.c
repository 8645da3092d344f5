/* The JSON documents, built with cJSON from the results directly: the report (schema_version 1,
 * doc/parscore-report.schema.json) and the trend. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/parscore.h"
#include "report/json.h"

/* Numbers leave as the 2-decimal value people see: cents / 100 prints without float artefacts. */
static cJSON *number(bool has, ps_num value)
{
    if (!has)
        return cJSON_CreateNull();
    double cents = (double)(ps_num_round2(value) / (PS_NUM_SCALE / 100));
    return cJSON_CreateNumber(cents / 100.0);
}

/* Adds item under key; false (item released) when item is NULL or the key cannot be copied. */
static bool add(cJSON *obj, const char *key, cJSON *item)
{
    if (!item || cJSON_AddItemToObject(obj, key, item))
        return item != NULL;
    cJSON_Delete(item);
    return false;
}

static bool add_num(cJSON *obj, const char *key, bool has, ps_num value)
{
    return add(obj, key, number(has, value));
}

static cJSON *verdict(ps_met met)
{
    return met == PS_MET_YES || met == PS_MET_NO ? cJSON_CreateBool(met == PS_MET_YES) : cJSON_CreateNull();
}

static bool add_int(cJSON *obj, const char *key, int value)
{
    if (value <= 0)
        return cJSON_AddNullToObject(obj, key) != NULL;
    return cJSON_AddNumberToObject(obj, key, value) != NULL;
}

static bool add_str(cJSON *obj, const char *key, const char *value)
{
    if (!value)
        return cJSON_AddNullToObject(obj, key) != NULL;
    return cJSON_AddStringToObject(obj, key, value) != NULL;
}

static bool add_target(cJSON *obj, const ps_indicator *ind)
{
    if (!ind->has_target && ind->target_rank <= 0)
        return cJSON_AddNullToObject(obj, "target") != NULL;
    cJSON *t = cJSON_AddObjectToObject(obj, "target");
    if (!t)
        return false;
    bool ok = ind->has_target
                  ? cJSON_AddStringToObject(t, "op", ind->target.op == PS_OP_GT ? ">" : ">=") != NULL
                  : cJSON_AddNullToObject(t, "op") != NULL;
    return ok && add_num(t, "value", ind->has_target, ind->target.value) &&
           add_int(t, "rank", ind->target_rank);
}

static cJSON *owners_json(const ps_indicator *ind);

static bool add_owners(cJSON *obj, const ps_indicator *ind)
{
    return add(obj, "owners", owners_json(ind));
}

static const char *const flag_keys[] = {"zero", "low", "no_evidence", "not_applicable", "no_score"};

/* The flags of a line, by their keys. */
static cJSON *flags_json(unsigned flags)
{
    cJSON *list = cJSON_CreateArray();
    for (unsigned k = 0; list && k < sizeof flag_keys / sizeof flag_keys[0]; k++) {
        if (!(flags & (1u << k)))
            continue;
        cJSON *key = cJSON_CreateString(flag_keys[k]);
        if (!key) {
            cJSON_Delete(list);
            return NULL;
        }
        cJSON_AddItemToArray(list, key);
    }
    return list;
}

static cJSON *line_json(const ps_result *r, const ps_line *l);

/* The rows directly under l, each the same shape as l, recursively; [] when none. */
static cJSON *children_json(const ps_result *r, const ps_line *l)
{
    cJSON *children = cJSON_CreateArray();
    long index = l - r->lines;
    for (size_t i = 0; children && i < r->count; i++) {
        if (r->lines[i].indicator->parent != index)
            continue;
        cJSON *child = line_json(r, &r->lines[i]);
        if (!child) {
            cJSON_Delete(children);
            return NULL;
        }
        cJSON_AddItemToArray(children, child);
    }
    return children;
}

/* Sub-criteria and appraisal keys (schema_version 1 gained them; none of the older keys changed). */
static bool add_hierarchy(cJSON *o, const ps_result *r, const ps_line *l)
{
    bool weighed = l->indicator->has_max_points && r->has_scores;
    return add_num(o, "self_points", weighed && l->has_self, l->self_points) &&
           add_num(o, "appraised_points", l->has_appraised, l->appraised_points) &&
           cJSON_AddBoolToObject(o, "applicable", !l->not_applicable) &&
           add(o, "flags", flags_json(l->flags)) && add_str(o, "evidence", l->evidence) &&
           add_str(o, "note", l->note) && add_num(o, "lost_points", l->has_lost, l->lost_points) &&
           add_num(o, "total_effect", l->has_lost, l->total_effect) &&
           add(o, "children", children_json(r, l));
}

static cJSON *line_json(const ps_result *r, const ps_line *l)
{
    const ps_indicator *ind = l->indicator;
    cJSON *o = cJSON_CreateObject();
    bool ok = o && add_str(o, "id", ind->id) && add_str(o, "kind", ps_kind_key(ind->kind)) &&
              add_str(o, "name", ind->name) && add_str(o, "name_en", ind->name_en) && add_owners(o, ind) &&
              add_num(o, "max_points", ind->has_max_points, ind->max_points) &&
              add_num(o, "baseline", ind->has_baseline, ind->baseline) &&
              add_int(o, "baseline_rank", ind->baseline_rank) &&
              add_num(o, "score", l->has_score, l->score) && add_num(o, "points", l->has_points, l->points) &&
              add_num(o, "change", l->has_change, l->change) && add_target(o, ind) &&
              add_num(o, "gap", l->has_gap, l->gap) && add(o, "met", verdict(l->met));
    if (ok && !r->has_scores)
        ok = add_num(o, "need", l->has_need, l->need);
    if (ok)
        ok = add_int(o, "rank", l->has_rank ? l->rank : 0) &&
             add_int(o, "rank_of", l->has_rank ? l->rank_of : 0) &&
             add_num(o, "points_to_target_rank", l->has_points_to_target_rank, l->points_to_target_rank) &&
             add(o, "rank_met", verdict(l->rank_met)) && add_hierarchy(o, r, l);
    if (ok && ind->kind == PS_KIND_TOTAL)
        ok = add_num(o, "self_score", r->has_scores && l->has_self, l->self_score);
    if (ok && ind->kind == PS_KIND_TOTAL) {
        cJSON *missing = NULL;
        ok = cJSON_AddBoolToObject(o, "partial", r->has_scores && (l->partial || !l->has_score)) != NULL &&
             (missing = cJSON_AddArrayToObject(o, "missing")) != NULL;
        for (size_t k = 0; ok && k < r->missing_count; k++) {
            cJSON *id = cJSON_CreateString(r->missing[k]->id);
            ok = id != NULL;
            if (ok)
                cJSON_AddItemToArray(missing, id);
        }
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static bool add_plan(cJSON *root, const ps_plan *plan)
{
    cJSON *p = cJSON_AddObjectToObject(root, "plan");
    return p && add_str(p, "source", plan->source) &&
           cJSON_AddBoolToObject(p, "max_points_illustrative", plan->illustrative_max) != NULL &&
           add_int(p, "units", plan->unit_count);
}

static bool add_summary(cJSON *root, const ps_result *r)
{
    cJSON *s = cJSON_AddObjectToObject(root, "summary");
    return s && cJSON_AddNumberToObject(s, "targets", (double)r->targets) &&
           cJSON_AddNumberToObject(s, "met", (double)r->met) &&
           cJSON_AddNumberToObject(s, "missed", (double)(r->targets - r->met - r->unknown)) &&
           cJSON_AddNumberToObject(s, "unknown", (double)r->unknown);
}

static bool add_check(cJSON *root, const ps_check *check)
{
    cJSON *c = cJSON_AddObjectToObject(root, "check");
    cJSON *targets = c ? cJSON_AddArrayToObject(c, "targets") : NULL;
    bool ok = targets && cJSON_AddBoolToObject(c, "passed", check->passed == check->count) &&
              cJSON_AddBoolToObject(c, "subset", check->selected) &&
              cJSON_AddNumberToObject(c, "selected", (double)check->count) &&
              cJSON_AddNumberToObject(c, "met", (double)check->passed) &&
              cJSON_AddNumberToObject(c, "missed", (double)(check->count - check->passed));
    for (size_t k = 0; ok && k < check->count; k++) {
        static const char *const reasons[] = {"met", "missed", "partial", "no_score"};
        const ps_check_item *item = &check->items[k];
        const ps_line *l = item->line;
        cJSON *t = cJSON_CreateObject();
        char id[96];
        ps_check_item_id(item, id, sizeof id);
        ok = t && add_str(t, "id", id) && cJSON_AddBoolToObject(t, "passed", item->passed) &&
             add_str(t, "reason", reasons[ps_check_item_reason(item)]) &&
             add_num(t, "score", l->has_score, l->score) &&
             (item->rank ? add_num(t, "gap", l->has_points_to_target_rank, -l->points_to_target_rank)
                         : add_num(t, "gap", l->has_gap, l->gap));
        if (t)
            cJSON_AddItemToArray(targets, t);
    }
    return ok;
}

static bool add_owner(cJSON *list, const char *owner, const ps_result *r)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o && add_str(o, "owner", owner);
    cJSON *ids = ok ? cJSON_AddArrayToObject(o, "indicators") : NULL;
    size_t met = 0, missed = 0, unknown = 0;
    ok = ok && ids;
    for (size_t i = 0; ok && i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        bool owned = false;
        for (size_t k = 0; k < l->indicator->owner_count; k++)
            owned = owned || strcmp(l->indicator->owners[k], owner) == 0;
        if (!owned)
            continue;
        cJSON *id = cJSON_CreateString(l->indicator->id);
        ok = id != NULL;
        if (ok)
            cJSON_AddItemToArray(ids, id);
        met += l->met == PS_MET_YES;
        missed += l->met == PS_MET_NO;
        unknown += l->met == PS_MET_UNKNOWN;
    }
    ok = ok && cJSON_AddNumberToObject(o, "met", (double)met) &&
         cJSON_AddNumberToObject(o, "missed", (double)missed) &&
         cJSON_AddNumberToObject(o, "unknown", (double)unknown);
    if (o)
        cJSON_AddItemToArray(list, o);
    return ok;
}

static bool add_ranking(cJSON *root, const ps_result *r)
{
    if (!r->ranked)
        return cJSON_AddNullToObject(root, "ranking") != NULL;
    cJSON *o = cJSON_AddObjectToObject(root, "ranking");
    return o && add_str(o, "peers_source", r->peers_source) &&
           add_str(o, "assumption",
                   "the other units keep their last published results, shifted by peer_change; "
                   "compared at 2 decimals, equal values share a rank (1, 2, 2, 4)") &&
           add_num(o, "peer_change", true, r->peer_change);
}

static const ps_line *total_of(const ps_result *r)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->lines[i].indicator->kind == PS_KIND_TOTAL)
            return &r->lines[i];
    return NULL;
}

static bool add_lever(cJSON *criteria, const ps_lever *lv)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o && add_str(o, "id", lv->indicator->id) &&
              add_num(o, "max_points", true, lv->indicator->max_points) &&
              add_num(o, "headroom", true, lv->headroom) &&
              add_num(o, "for_rank", lv->has_for_rank, lv->for_rank) &&
              (lv->has_for_rank ? cJSON_AddBoolToObject(o, "alone_for_rank", lv->alone_for_rank)
                                : cJSON_AddNullToObject(o, "alone_for_rank")) &&
              add_num(o, "for_target", lv->has_for_target, lv->for_target) &&
              (lv->has_for_target ? cJSON_AddBoolToObject(o, "alone_for_target", lv->alone_for_target)
                                  : cJSON_AddNullToObject(o, "alone_for_target"));
    if (o)
        cJSON_AddItemToArray(criteria, o);
    return ok;
}

static bool add_what_it_takes(cJSON *root, const ps_result *r)
{
    const ps_line *total = total_of(r);
    if (!total || r->lever_count == 0)
        return cJSON_AddNullToObject(root, "what_it_takes") != NULL;
    cJSON *o = cJSON_AddObjectToObject(root, "what_it_takes");
    bool ok = o &&
              add_num(o, "to_target_rank", total->has_points_to_target_rank, total->points_to_target_rank) &&
              add_num(o, "to_target", r->has_to_target, r->to_target);
    if (ok && total->rank_holder) {
        cJSON *h = cJSON_AddObjectToObject(o, "target_rank_holder");
        ok = h && add_str(h, "unit", total->rank_holder) &&
             add_num(h, "total", true, total->rank_holder_value);
    } else if (ok) {
        ok = cJSON_AddNullToObject(o, "target_rank_holder") != NULL;
    }
    cJSON *criteria = ok ? cJSON_AddArrayToObject(o, "criteria") : NULL;
    ok = ok && criteria;
    for (size_t k = 0; ok && k < r->lever_count; k++)
        ok = add_lever(criteria, &r->levers[k]);
    return ok;
}

static bool add_coherence(cJSON *root, const ps_result *r)
{
    const ps_line *total = total_of(r);
    if (!r->has_total_at_targets || !total || !total->indicator->has_target)
        return cJSON_AddNullToObject(root, "coherence") != NULL;
    cJSON *o = cJSON_AddObjectToObject(root, "coherence");
    return o && add_num(o, "total_at_targets", true, r->total_at_targets) &&
           cJSON_AddBoolToObject(o, "agrees", ps_target_met(&total->indicator->target, r->total_at_targets));
}

/* Offices in the order the plan first names them, each with its indicators and how many targets it meets. */
static bool add_by_owner(cJSON *root, const ps_plan *plan, const ps_result *r)
{
    cJSON *list = cJSON_AddArrayToObject(root, "by_owner");
    bool ok = list != NULL;
    for (size_t i = 0; ok && i < plan->count; i++) {
        for (size_t k = 0; ok && k < plan->items[i].owner_count; k++) {
            const char *owner = plan->items[i].owners[k];
            bool seen = false;
            for (size_t j = 0; j < i && !seen; j++)
                for (size_t m = 0; m < plan->items[j].owner_count && !seen; m++)
                    seen = strcmp(plan->items[j].owners[m], owner) == 0;
            for (size_t m = 0; m < k && !seen; m++)
                seen = strcmp(plan->items[i].owners[m], owner) == 0;
            if (!seen)
                ok = add_owner(list, owner, r);
        }
    }
    return ok;
}

static cJSON *owners_json(const ps_indicator *ind)
{
    cJSON *owners = cJSON_CreateArray();
    for (size_t k = 0; owners && k < ind->owner_count; k++) {
        cJSON *s = cJSON_CreateString(ind->owners[k]);
        if (!s) {
            cJSON_Delete(owners);
            return NULL;
        }
        cJSON_AddItemToArray(owners, s);
    }
    return owners;
}

/* Every scored item that full marks would lift the total by, most first. */
static cJSON *points_lost_json(const ps_result *r)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; list && k < r->points_lost_count; k++) {
        const ps_line *l = r->points_lost[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(list, o);
        if (!o || !add_str(o, "id", l->indicator->id) || !add_str(o, "name", l->indicator->name) ||
            !add(o, "owners", owners_json(l->indicator)) ||
            !add_num(o, "lost_points", true, l->lost_points) ||
            !add_num(o, "total_effect", true, l->total_effect)) {
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

/* The items the appraisal gave fewer points than the self-assessment, most cut first. */
static cJSON *cuts_json(const ps_result *r)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; list && k < r->cut_count; k++) {
        const ps_line *l = r->cuts[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(list, o);
        if (!o || !add_str(o, "id", l->indicator->id) || !add_num(o, "self_points", true, l->self_points) ||
            !add_num(o, "appraised_points", true, l->appraised_points) ||
            !add_num(o, "cut", true, l->self_points - l->appraised_points) ||
            !add_str(o, "evidence", l->evidence)) {
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

static cJSON *report_tree(const ps_plan *plan, const ps_result *r, const ps_report_options *opt)
{
    cJSON *root = cJSON_CreateObject();
    bool ok = root && cJSON_AddNumberToObject(root, "schema_version", 1) &&
              add_str(root, "tool", "parscore " PARSCORE_VERSION) &&
              add_str(root, "mode", r->has_scores ? "scores" : "plan") && add_str(root, "unit", plan->unit) &&
              add_str(root, "year", plan->year) && add_str(root, "baseline_year", plan->baseline_year) &&
              add_str(root, "period", r->period) && add_str(root, "scores_source", opt->scores_source) &&
              add_plan(root, plan);
    cJSON *items = ok ? cJSON_AddArrayToObject(root, "indicators") : NULL;
    ok = ok && items;
    for (size_t i = 0; ok && i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        if (l->indicator->depth > 0)
            continue; /* under its criterion, in "children" */
        cJSON *o = line_json(r, l);
        if (l->indicator->kind == PS_KIND_TOTAL)
            ok = add(root, "total", o);
        else if ((ok = o != NULL))
            cJSON_AddItemToArray(items, o);
    }
    ok = ok && add_summary(root, r) && add(root, "points_lost", points_lost_json(r)) &&
         add(root, "appraisal_cuts", cuts_json(r)) && add_ranking(root, r) && add_what_it_takes(root, r) &&
         add_coherence(root, r) && (!opt->by_owner || add_by_owner(root, plan, r)) &&
         (!opt->check || add_check(root, opt->check));
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* ---- the trend ---- */

/* {"op": ">", "value": 50} or null: the trend's target carries no rank. */
static cJSON *trend_target(const ps_indicator *ind)
{
    if (!ind->has_target)
        return cJSON_CreateNull();
    cJSON *target = cJSON_CreateObject();
    if (target && add_str(target, "op", ind->target.op == PS_OP_GT ? ">" : ">=") &&
        add_num(target, "value", true, ind->target.value))
        return target;
    cJSON_Delete(target);
    return NULL;
}

static cJSON *trend_indicator(const ps_trend *t, size_t i)
{
    const ps_indicator *ind = &t->plan->items[i];
    cJSON *o = cJSON_CreateObject();
    cJSON *values = cJSON_CreateArray(), *changes = cJSON_CreateArray(), *ranks = cJSON_CreateArray();
    bool ok = o && values && changes && ranks && add_str(o, "id", ind->id) &&
              add_str(o, "kind", ps_kind_key(ind->kind)) && add_str(o, "name", ind->name);
    for (size_t k = 0; ok && k < t->count; k++) {
        const ps_line *l = &t->points[k].result.lines[i];
        const ps_line *prev = k > 0 ? &t->points[k - 1].result.lines[i] : NULL;
        cJSON *value = number(l->has_score, l->score);
        cJSON *change = number(prev && prev->has_score && l->has_score, l->score - (prev ? prev->score : 0));
        cJSON *rank = l->has_rank ? cJSON_CreateNumber(l->rank) : cJSON_CreateNull();
        ok = value && change && rank;
        cJSON_AddItemToArray(values, value);
        cJSON_AddItemToArray(changes, change);
        cJSON_AddItemToArray(ranks, rank);
    }
    if (ok) { /* add() takes the item over whatever it returns */
        ok = add(o, "values", values);
        values = NULL;
    }
    if (ok) {
        ok = add(o, "changes", changes);
        changes = NULL;
    }
    if (ok && t->ranked && ind->kind != PS_KIND_KPI) {
        ok = add(o, "ranks", ranks);
        ranks = NULL;
    }
    ok = ok && add(o, "target", trend_target(ind)) &&
         add_num(o, "outlook", t->has_outlook[i], t->outlook[i]) &&
         add(o, "outlook_met", verdict(t->outlook_met[i]));
    cJSON_Delete(values);
    cJSON_Delete(changes);
    cJSON_Delete(ranks);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static const char *outlook_text(ps_outlook_state state)
{
    return state == PS_OUTLOOK_TOO_FEW      ? "none: it needs at least two periods"
           : state == PS_OUTLOOK_NO_QUARTER ? "none: the periods need a quarter, such as 2023-Q3"
                                            : "year-end outlook: the least-squares straight line through the "
                                              "quarters' values, read at Q4; a guide, not a result";
}

static cJSON *trend_periods(const ps_trend *t)
{
    cJSON *periods = cJSON_CreateArray();
    for (size_t k = 0; periods && k < t->count; k++) {
        cJSON *period = cJSON_CreateString(t->points[k].period);
        if (!period) {
            cJSON_Delete(periods);
            return NULL;
        }
        cJSON_AddItemToArray(periods, period);
    }
    return periods;
}

static cJSON *trend_tree(const ps_trend *t)
{
    cJSON *root = cJSON_CreateObject();
    bool ok = root && cJSON_AddNumberToObject(root, "schema_version", 1) &&
              add_str(root, "unit", t->plan->unit) && add_str(root, "year", t->plan->year) &&
              add(root, "periods", trend_periods(t)) &&
              add_str(root, "outlook", outlook_text(t->outlook_state));
    cJSON *items = ok ? cJSON_AddArrayToObject(root, "indicators") : NULL;
    ok = items != NULL;
    for (size_t i = 0; ok && i < t->plan->count; i++) {
        cJSON *o = trend_indicator(t, i);
        ok = o != NULL;
        cJSON_AddItemToArray(items, o);
    }
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

static ps_status print_tree(cJSON *root, ps_buf *out)
{
    char *text = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return PS_ERR_NOMEM;
    ps_buf_puts(out, text);
    ps_buf_puts(out, "\n");
    free(text);
    return out->failed ? PS_ERR_NOMEM : PS_OK;
}

ps_status ps_report_trend_json(const ps_trend *trend, const ps_report_options *options, ps_buf *out)
{
    (void)options; /* the JSON is the same in both languages */
    return print_tree(trend_tree(trend), out);
}

ps_status ps_report_json(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                         ps_buf *out)
{
    return print_tree(report_tree(plan, result, options), out);
}

/* ---- a doc's data table, as rows of JSON ---- */

static cJSON *cell_json(const ps_doc *doc, const ps_cell *cell)
{
    switch (cell->kind) {
    case PS_CELL_NUMBER:
        return number(true, cell->value);
    case PS_CELL_INTEGER:
    case PS_CELL_RANK:
        return cJSON_CreateNumber((double)cell->integer);
    case PS_CELL_BOOL:
        return cJSON_CreateBool(cell->integer != 0);
    case PS_CELL_VERDICT:
        return verdict(cell->met);
    case PS_CELL_NONE:
    case PS_CELL_UNKNOWN:
        return cJSON_CreateNull();
    default: {
        char *text = ps_cell_string(cell, doc->lang, NULL);
        cJSON *s = text ? cJSON_CreateString(text) : NULL;
        free(text);
        return s;
    }
    }
}

ps_status ps_render_json_rows(const ps_doc *doc, const char *key, ps_buf *out)
{
    const ps_doc_table *t = doc->data;
    if (doc->failed || !t)
        return PS_ERR_NOMEM;
    cJSON *root = cJSON_CreateObject();
    cJSON *rows = root ? cJSON_AddArrayToObject(root, key) : NULL;
    bool ok = rows != NULL;
    for (size_t r = 0; ok && r < t->nrows; r++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(rows, o);
        ok = o != NULL;
        for (size_t k = 0; ok && k < t->ncols; k++)
            ok = add(o, t->columns[k].head.text ? t->columns[k].head.text : "",
                     cell_json(doc, &t->rows[r].cells[k])); /* the heads are keys (words) */
    }
    if (!ok) {
        cJSON_Delete(root);
        return PS_ERR_NOMEM;
    }
    return print_tree(root, out);
}
