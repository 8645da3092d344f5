/* The trend as text, JSON or CSV: each indicator across the quarters, the changes, and the outlook. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/trend.h"
#include "report/text_table.h"

enum {
    T_TITLE,
    T_ID,
    T_OUTLOOK,
    T_TARGET,
    T_OUTLOOK_RESULT,
    T_RANK,
    T_NOTE,
    T_NO_PERIOD,
    T_TOO_FEW,
    T_MET,
    T_MISSED,
    T_COUNT
};

static const char *const labels[T_COUNT][2] = {
    [T_TITLE] = {"%s: diễn biến qua %zu kỳ", "%s: %zu periods"},
    [T_ID] = {"Mã", "Id"},
    [T_OUTLOOK] = {"Dự báo Q4*", "Q4 outlook*"},
    [T_TARGET] = {"Mục tiêu", "Target"},
    [T_OUTLOOK_RESULT] = {"Theo dự báo", "By the outlook"},
    [T_RANK] = {"hạng", "rank"},
    [T_NOTE] =
        {"* Dự báo cuối năm: đường thẳng (bình phương nhỏ nhất) qua điểm các quý, đọc ở quý 4; chỉ để tham "
         "khảo, không phải kết quả. Trong ngoặc: thay đổi so với kỳ trước.",
         "* Year-end outlook: the least-squares straight line through the quarters' values, read at Q4; a "
         "guide, not a result. In brackets: the change from the period before."},
    [T_NO_PERIOD] =
        {"Không có dự báo: cần tên kỳ có số quý (như 2023-Q3, trong tệp '# period:' hoặc trong tên tệp).",
         "No outlook: the periods need a quarter (such as 2023-Q3, from '# period:' or the file name)."},
    [T_TOO_FEW] = {"Không có dự báo: cần ít nhất hai kỳ.", "No outlook: it needs at least two periods."},
    [T_MET] = {"Đạt", "met"},
    [T_MISSED] = {"Chưa đạt", "missed"},
};

typedef struct {
    const ps_trend *t;
    int lang;
    char mark;
    bool color;
    bool bom;
    ps_buf *out;
} tctx;

static const char *TL(const tctx *c, int k)
{
    return labels[k][c->lang];
}

/* "48,50 (+4,50)": the value and its change from the quarter before, when both are known. */
static char *value_cell(const tctx *c, size_t item, size_t k)
{
    const ps_line *l = &c->t->points[k].result.lines[item];
    if (!l->has_score)
        return ps_text_dup(PS_TEXT_DASH);
    char value[40], change[40], buf[96];
    ps_num_format(l->score, 2, c->mark, false, value, sizeof value);
    const ps_line *prev = k > 0 ? &c->t->points[k - 1].result.lines[item] : NULL;
    if (!prev || !prev->has_score)
        return ps_text_dup(value);
    ps_num_format(l->score - prev->score, 2, c->mark, true, change, sizeof change);
    snprintf(buf, sizeof buf, "%s (%s)", value, change);
    return ps_text_dup(buf);
}

static char *met_cell(const tctx *c, ps_met met)
{
    return ps_text_dup(met == PS_MET_YES ? TL(c, T_MET) : met == PS_MET_NO ? TL(c, T_MISSED) : PS_TEXT_DASH);
}

static ps_status text_trend(const tctx *c)
{
    const ps_trend *t = c->t;
    const ps_plan *plan = t->plan;
    ps_buf_printf(c->out, TL(c, T_TITLE), plan->unit ? plan->unit : "PAR INDEX", t->count);
    ps_buf_puts(c->out, "\n\n");
    ps_text_column cols[PS_TEXT_MAX_COLUMNS];
    size_t periods = t->count < PS_TEXT_MAX_COLUMNS - 4 ? t->count : PS_TEXT_MAX_COLUMNS - 4;
    size_t first = t->count - periods; /* the latest quarters when there are more than fit */
    size_t ncols = 0;
    cols[ncols++] = (ps_text_column){TL(c, T_ID), false, 0};
    for (size_t k = first; k < t->count; k++)
        cols[ncols++] = (ps_text_column){t->points[k].period, true, 0};
    cols[ncols++] = (ps_text_column){TL(c, T_OUTLOOK), true, 0};
    cols[ncols++] = (ps_text_column){TL(c, T_TARGET), true, 0};
    cols[ncols++] = (ps_text_column){TL(c, T_OUTLOOK_RESULT), false, 0};
    ps_text_row *rows = calloc(plan->count + 1, sizeof *rows);
    if (!rows)
        return PS_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < plan->count; i++) {
        ps_text_row *row = &rows[n++];
        size_t at = 0;
        row->cells[at++] = ps_text_dup(plan->items[i].id);
        for (size_t k = first; k < t->count; k++)
            row->cells[at++] = value_cell(c, i, k);
        row->cells[at++] = ps_text_number_cell(t->has_outlook[i], t->outlook[i], c->mark, false);
        row->cells[at++] = ps_text_target_cell(&plan->items[i], c->mark);
        row->tone[at] = ps_text_tone(t->outlook_met[i]);
        row->cells[at++] = met_cell(c, t->outlook_met[i]);
        if (t->ranked && plan->items[i].kind == PS_KIND_TOTAL) {
            /* the total's projected rank in each quarter, on its own row */
            ps_text_row *r = &rows[n++];
            size_t a = 0;
            r->cells[a++] = ps_text_dup(TL(c, T_RANK));
            for (size_t k = first; k < t->count; k++) {
                const ps_line *l = &t->points[k].result.lines[i];
                char buf[32];
                snprintf(buf, sizeof buf, "%d/%d", l->rank, l->rank_of);
                r->cells[a++] = ps_text_dup(l->has_rank ? buf : PS_TEXT_DASH);
            }
            char target_rank[32];
            snprintf(target_rank, sizeof target_rank, "\xe2\x89\xa4 %d", plan->items[i].target_rank);
            r->cells[a++] = ps_text_dup("");
            r->cells[a++] = ps_text_dup(plan->items[i].target_rank > 0 ? target_rank : PS_TEXT_DASH);
            r->cells[a++] = ps_text_dup("");
        }
    }
    bool ok = true;
    for (size_t r = 0; r < n; r++)
        for (size_t k = 0; k < ncols; k++)
            ok = ok && rows[r].cells[k];
    if (ok)
        ps_text_table_render(c->out, cols, ncols, rows, n, c->color);
    ps_text_table_free_rows(rows, n);
    ps_buf_puts(c->out, "\n");
    if (t->outlook_missing_reason)
        ps_text_paragraph(
            c->out, TL(c, strcmp(t->outlook_missing_reason, "count") == 0 ? T_TOO_FEW : T_NO_PERIOD), 100);
    else
        ps_text_paragraph(c->out, TL(c, T_NOTE), 100);
    return ok ? PS_OK : PS_ERR_NOMEM;
}

static double cents(ps_num v)
{
    return (double)(ps_num_round2(v) / (PS_NUM_SCALE / 100)) / 100.0;
}

static cJSON *num_or_null(bool has, ps_num v)
{
    return has ? cJSON_CreateNumber(cents(v)) : cJSON_CreateNull();
}

static cJSON *met_json(ps_met met)
{
    return met == PS_MET_YES || met == PS_MET_NO ? cJSON_CreateBool(met == PS_MET_YES) : cJSON_CreateNull();
}

static bool add(cJSON *obj, const char *key, cJSON *item)
{
    if (!item)
        return false;
    cJSON_AddItemToObject(obj, key, item);
    return true;
}

static cJSON *indicator_json(const ps_trend *t, size_t i)
{
    const ps_indicator *ind = &t->plan->items[i];
    static const char *const kinds[] = {"criterion", "sipas", "total", "kpi"};
    cJSON *o = cJSON_CreateObject();
    cJSON *values = cJSON_CreateArray(), *changes = cJSON_CreateArray(), *ranks = cJSON_CreateArray();
    bool ok = o && values && changes && ranks && add(o, "id", cJSON_CreateString(ind->id)) &&
              add(o, "kind", cJSON_CreateString(kinds[ind->kind])) &&
              add(o, "name", cJSON_CreateString(ind->name));
    for (size_t k = 0; ok && k < t->count; k++) {
        const ps_line *l = &t->points[k].result.lines[i];
        const ps_line *prev = k > 0 ? &t->points[k - 1].result.lines[i] : NULL;
        cJSON_AddItemToArray(values, num_or_null(l->has_score, l->score));
        cJSON_AddItemToArray(changes, num_or_null(prev && prev->has_score && l->has_score,
                                                  l->score - (prev ? prev->score : 0)));
        cJSON_AddItemToArray(ranks, l->has_rank ? cJSON_CreateNumber(l->rank) : cJSON_CreateNull());
    }
    ok = ok && add(o, "values", values) && add(o, "changes", changes);
    values = changes = NULL;
    if (ok && t->ranked && ind->kind != PS_KIND_KPI) {
        ok = add(o, "ranks", ranks);
        ranks = NULL;
    }
    cJSON *target = ind->has_target ? cJSON_CreateObject() : cJSON_CreateNull();
    if (target && ind->has_target) {
        cJSON_AddStringToObject(target, "op", ind->target.op == PS_OP_GT ? ">" : ">=");
        cJSON_AddNumberToObject(target, "value", cents(ind->target.value));
    }
    ok = ok && add(o, "target", target) && add(o, "outlook", num_or_null(t->has_outlook[i], t->outlook[i])) &&
         add(o, "outlook_met", met_json(t->outlook_met[i]));
    cJSON_Delete(values);
    cJSON_Delete(changes);
    cJSON_Delete(ranks);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static ps_status json_trend(const tctx *c)
{
    const ps_trend *t = c->t;
    cJSON *root = cJSON_CreateObject();
    cJSON *periods = cJSON_CreateArray(), *items = cJSON_CreateArray();
    bool ok = root && periods && items && cJSON_AddNumberToObject(root, "schema_version", 1) &&
              add(root, "unit", t->plan->unit ? cJSON_CreateString(t->plan->unit) : cJSON_CreateNull()) &&
              add(root, "year", t->plan->year ? cJSON_CreateString(t->plan->year) : cJSON_CreateNull());
    for (size_t k = 0; ok && k < t->count; k++)
        cJSON_AddItemToArray(periods, cJSON_CreateString(t->points[k].period));
    ok = ok && add(root, "periods", periods);
    periods = NULL;
    ok = ok && add(root, "outlook",
                   cJSON_CreateString(t->outlook_missing_reason
                                          ? (strcmp(t->outlook_missing_reason, "count") == 0
                                                 ? "none: it needs at least two periods"
                                                 : "none: the periods need a quarter, such as 2023-Q3")
                                          : "year-end outlook: the least-squares straight line through the "
                                            "quarters' values, read at Q4; a guide, not a result"));
    for (size_t i = 0; ok && i < t->plan->count; i++) {
        cJSON *o = indicator_json(t, i);
        ok = o != NULL;
        if (ok)
            cJSON_AddItemToArray(items, o);
    }
    ok = ok && add(root, "indicators", items);
    items = NULL;
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    cJSON_Delete(periods);
    cJSON_Delete(items);
    if (!text)
        return PS_ERR_NOMEM;
    ps_buf_puts(c->out, text);
    ps_buf_puts(c->out, "\n");
    free(text);
    return PS_OK;
}

static void csv_text(ps_buf *out, const char *text, char d)
{
    bool formula = text[0] != '\0' && strchr("=+-@", text[0]);
    bool quote = formula || strchr(text, d) || strchr(text, '"') || strchr(text, '\n');
    ps_buf_puts(out, quote ? (formula ? "\"'" : "\"") : "");
    for (const char *p = text; *p; p++)
        ps_buf_puts(out, *p == '"' ? "\"\"" : (char[]){*p, '\0'});
    if (quote)
        ps_buf_puts(out, "\"");
}

static void csv_num(const tctx *c, bool has, ps_num v)
{
    char buf[40];
    if (!has)
        return;
    ps_num_format(v, 2, c->mark, false, buf, sizeof buf);
    ps_buf_puts(c->out, buf);
}

static ps_status csv_trend(const tctx *c)
{
    const ps_trend *t = c->t;
    char d = c->lang ? ',' : ';';
    if (c->bom)
        ps_buf_puts(c->out, "\xEF\xBB\xBF");
    ps_buf_printf(c->out, "id%cname", d);
    for (size_t k = 0; k < t->count; k++) {
        ps_buf_printf(c->out, "%c", d);
        csv_text(c->out, t->points[k].period, d);
    }
    ps_buf_printf(c->out, "%coutlook%ctarget_op%ctarget_value%coutlook_met\n", d, d, d, d);
    for (size_t i = 0; i < t->plan->count; i++) {
        const ps_indicator *ind = &t->plan->items[i];
        csv_text(c->out, ind->id, d);
        ps_buf_printf(c->out, "%c", d);
        csv_text(c->out, c->lang && ind->name_en ? ind->name_en : ind->name, d);
        for (size_t k = 0; k < t->count; k++) {
            const ps_line *l = &t->points[k].result.lines[i];
            ps_buf_printf(c->out, "%c", d);
            csv_num(c, l->has_score, l->score);
        }
        ps_buf_printf(c->out, "%c", d);
        csv_num(c, t->has_outlook[i], t->outlook[i]);
        ps_buf_printf(c->out, "%c%s%c", d, ind->has_target ? (ind->target.op == PS_OP_GT ? ">" : ">=") : "",
                      d);
        csv_num(c, ind->has_target, ind->target.value);
        ps_met met = t->outlook_met[i];
        ps_buf_printf(c->out, "%c%s\n", d, met == PS_MET_YES ? "true" : met == PS_MET_NO ? "false" : "");
    }
    return PS_OK;
}

ps_status ps_report_trend(const ps_trend *trend, ps_trend_format format, const ps_report_options *options,
                          ps_buf *out)
{
    tctx c = {trend,
              options->lang == PS_LANG_EN ? 1 : 0,
              options->lang == PS_LANG_EN ? '.' : ',',
              options->color,
              options->bom,
              out};
    ps_status st = format == PS_TREND_JSON  ? json_trend(&c)
                   : format == PS_TREND_CSV ? csv_trend(&c)
                                            : text_trend(&c);
    return st == PS_OK && out->failed ? PS_ERR_NOMEM : st;
}
