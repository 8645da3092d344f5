/* Ranked units as text, JSON or CSV, written through a sink in pieces of about 64 KiB, or as a workbook. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/report.h"
#include "base/text.h"
#include "base/wording.h"
#include "report/doc.h"
#include "report/xlsx.h"

#define FLUSH_BYTES 65536
#define NAME_WIDTH_MAX 40
#define DASH "\xe2\x80\x94" /* — : a value that is not known */

typedef struct {
    const ps_units *units;
    const ps_indicator *total; /* the plan's total row, for its target */
    ps_lang lang;
    char mark;
    bool color; /* met in green, missed in red */
    ps_buf buf;
    ps_sink sink;
    void *sink_ctx;
    bool failed; /* nothing more is written */
    bool nomem;  /* and it failed for want of memory, not because the sink refused */
} writer;

static const char *W(const writer *w, ps_label label)
{
    return ps_label_text(label, w->lang);
}

static void flush(writer *w, bool force)
{
    if (w->failed || (!force && w->buf.len < FLUSH_BYTES))
        return;
    w->nomem = w->nomem || w->buf.failed;
    if (w->nomem || (w->buf.len > 0 && !w->sink(w->sink_ctx, w->buf.data, w->buf.len)))
        w->failed = true;
    w->buf.len = 0;
}

static void ids(ps_buf *out, const ps_units *u, uint32_t mask, const char *sep)
{
    bool first = true;
    for (size_t k = 0; k < u->criteria_count; k++) {
        if (!(mask & (UINT32_C(1) << k)))
            continue;
        if (!first)
            ps_buf_puts(out, sep);
        ps_buf_puts(out, u->criteria[k]->id);
        first = false;
    }
}

/* Rows are written a million at a time: no printf in these paths. */
static void put_uint(ps_buf *out, uint32_t v)
{
    char digits[12];
    size_t n = 0;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    ps_buf_append(out, digits + sizeof digits - n, n);
}

static void put_char(ps_buf *out, char c)
{
    ps_buf_append(out, &c, 1);
}

static void number(writer *w, ps_num v, bool plus)
{
    char num[40];
    ps_num_format(v, 2, w->mark, plus, num, sizeof num);
    ps_buf_puts(&w->buf, num);
}

/* The total's target can be judged: there is one, and the unit has every criterion. */
static bool judged(const writer *w, const ps_unit *unit)
{
    return w->total && w->total->has_target && !unit->missing;
}

/* Its total, or nothing known (a unit without any value): never 0. */
static bool has_total(const writer *w, const ps_unit *unit)
{
    return ps_unit_has_total(w->units, unit);
}

static void pad_to(ps_buf *out, const char *text, size_t width, bool right)
{
    size_t have = ps_text_width(text, strlen(text));
    if (right)
        for (size_t k = have; k < width; k++)
            ps_buf_puts(out, " ");
    ps_buf_puts(out, text);
    if (!right)
        for (size_t k = have; k < width; k++)
            ps_buf_puts(out, " ");
}

/* Met or missed, in colour where asked, padded to width (the colour wraps the word only). */
static void verdict_cell(writer *w, const ps_unit *unit, size_t width)
{
    if (!judged(w, unit)) {
        pad_to(&w->buf, DASH, width, false);
        return;
    }
    bool met = ps_target_met(&w->total->target, unit->total);
    const char *word = W(w, met ? PS_L_MET : PS_L_MISSED);
    if (w->color)
        ps_buf_puts(&w->buf, met ? "\033[32m" : "\033[31m");
    ps_buf_puts(&w->buf, word);
    if (w->color)
        ps_buf_puts(&w->buf, "\033[0m");
    for (size_t k = ps_text_width(word, strlen(word)); k < width; k++)
        ps_buf_puts(&w->buf, " ");
}

/* A name in the text table: line breaks and tabs (possible in a quoted CSV cell) become spaces. */
/* A name in the text table as a terminal may show it (a line break or tab in a quoted cell is one space),
 * padded by the width of that. */
static void plain_name(ps_buf *out, const char *name, size_t width)
{
    size_t len = strlen(name), have = ps_text_display_width(name, len);
    ps_text_display(out, name, len);
    for (size_t k = have; k < width; k++)
        ps_buf_puts(out, " ");
}

static void text_rows(writer *w)
{
    const ps_units *u = w->units;
    size_t name_width = ps_text_width(W(w, PS_L_UNITS_UNIT), strlen(W(w, PS_L_UNITS_UNIT)));
    for (size_t i = 0; i < u->count; i++) {
        const char *name = u->names + u->units[i].name;
        size_t width = ps_text_display_width(name, strlen(name));
        if (width > name_width)
            name_width = width > NAME_WIDTH_MAX ? NAME_WIDTH_MAX : width;
    }
    char rank_head[32];
    snprintf(rank_head, sizeof rank_head, "%s", W(w, PS_L_RANK));
    pad_to(&w->buf, rank_head, 8, false);
    ps_buf_puts(&w->buf, "  ");
    pad_to(&w->buf, W(w, PS_L_UNITS_UNIT), name_width, false);
    ps_buf_puts(&w->buf, "  ");
    pad_to(&w->buf, W(w, PS_L_UNITS_TOTAL), 7, true);
    ps_buf_puts(&w->buf, "  ");
    pad_to(&w->buf, W(w, PS_L_GAP), 10, true);
    ps_buf_puts(&w->buf, "  ");
    pad_to(&w->buf, W(w, PS_L_UNITS_TOTAL_TARGET), 13, false);
    ps_buf_printf(&w->buf, "  %s  (%s)\n", W(w, PS_L_UNITS_MISSED), W(w, PS_L_UNITS_MISSING));
    uint32_t rank = 0;
    for (size_t i = 0; i < u->count && !w->failed; i++) {
        const ps_unit *unit = &u->units[i];
        char cell[64];
        rank = ps_units_rank_at(u, i, rank);
        snprintf(cell, sizeof cell, "%u%s", rank, unit->missing ? "*" : "");
        pad_to(&w->buf, cell, 8, false);
        ps_buf_puts(&w->buf, "  ");
        plain_name(&w->buf, u->names + unit->name, name_width);
        ps_buf_puts(&w->buf, "  ");
        bool known = has_total(w, unit), gap = known && w->total && w->total->has_target;
        ps_num_format(unit->total, 2, w->mark, false, cell, sizeof cell);
        pad_to(&w->buf, known ? cell : DASH, 7, true);
        ps_buf_puts(&w->buf, "  ");
        if (gap)
            ps_num_format(unit->total - w->total->target.value, 2, w->mark, true, cell, sizeof cell);
        pad_to(&w->buf, gap ? cell : DASH, 10, true);
        ps_buf_puts(&w->buf, "  ");
        verdict_cell(w, unit, 13);
        ps_buf_puts(&w->buf, "  ");
        ids(&w->buf, u, unit->missed, ", ");
        if (unit->missing) {
            ps_buf_puts(&w->buf, " (");
            ids(&w->buf, u, unit->missing, ", ");
            ps_buf_puts(&w->buf, ")");
        }
        while (w->buf.len > 0 && w->buf.data[w->buf.len - 1] == ' ')
            w->buf.len--;
        ps_buf_puts(&w->buf, "\n");
        flush(w, false);
    }
}

static void text_report(writer *w)
{
    const ps_units *u = w->units;
    char count[24];
    snprintf(count, sizeof count, "%zu", u->count);
    const char *args[] = {count, u->plan->source};
    ps_wording_fill(&w->buf, W(w, PS_L_UNITS_TITLE), args, 2);
    ps_buf_puts(&w->buf, "\n\n");
    text_rows(w);
    ps_buf_printf(&w->buf, "\n%s\n", W(w, PS_L_UNITS_PARTIAL));
    if (u->plan->illustrative_max)
        ps_buf_printf(&w->buf, "%s\n", W(w, PS_L_UNITS_ILLUSTRATIVE));
}

static void csv_report(writer *w)
{
    const ps_units *u = w->units;
    char d = w->lang ? ',' : ';';
    ps_buf_printf(&w->buf, "rank%cunit%ctotal%cpartial%cgap%cmet%cmissed%cmissing\n", d, d, d, d, d, d, d);
    bool target = w->total && w->total->has_target;
    uint32_t rank = 0;
    for (size_t i = 0; i < u->count && !w->failed; i++) {
        const ps_unit *unit = &u->units[i];
        bool known = has_total(w, unit);
        rank = ps_units_rank_at(u, i, rank);
        put_uint(&w->buf, rank);
        put_char(&w->buf, d);
        ps_csv_quote(&w->buf, u->names + unit->name, strlen(u->names + unit->name), d, true);
        put_char(&w->buf, d);
        if (known)
            number(w, unit->total, false);
        put_char(&w->buf, d);
        ps_buf_puts(&w->buf, unit->missing ? "true" : "false");
        put_char(&w->buf, d);
        if (target && known)
            number(w, unit->total - w->total->target.value, false);
        put_char(&w->buf, d);
        if (judged(w, unit))
            ps_buf_puts(&w->buf, ps_target_met(&w->total->target, unit->total) ? "true" : "false");
        put_char(&w->buf, d);
        ids(&w->buf, u, unit->missed, " ");
        put_char(&w->buf, d);
        ids(&w->buf, u, unit->missing, " ");
        put_char(&w->buf, '\n');
        flush(w, false);
    }
}

/* The ids of the criteria in mask, added to o under key; false when out of memory. */
static bool add_ids(cJSON *o, const char *key, const ps_units *u, uint32_t mask)
{
    cJSON *list = cJSON_AddArrayToObject(o, key);
    for (size_t k = 0; list && k < u->criteria_count; k++) {
        cJSON *id = mask & (UINT32_C(1) << k) ? cJSON_CreateString(u->criteria[k]->id) : NULL;
        if (mask & (UINT32_C(1) << k) && !id)
            return false;
        if (id)
            cJSON_AddItemToArray(list, id);
    }
    return list != NULL;
}

static double cents(ps_num v)
{
    return (double)(ps_num_round2(v) / (PS_NUM_SCALE / 100)) / 100.0;
}

static bool json_unit(writer *w, const ps_unit *unit, uint32_t rank)
{
    const ps_units *u = w->units;
    cJSON *o = cJSON_CreateObject();
    bool known = has_total(w, unit), target = w->total && w->total->has_target;
    bool ok = o && cJSON_AddStringToObject(o, "unit", u->names + unit->name) &&
              (known ? cJSON_AddNumberToObject(o, "total", cents(unit->total))
                     : cJSON_AddNullToObject(o, "total")) &&
              cJSON_AddNumberToObject(o, "rank", rank) &&
              cJSON_AddBoolToObject(o, "partial", unit->missing != 0);
    ok = ok && add_ids(o, "missing", u, unit->missing);
    ok = ok &&
         (target && known ? cJSON_AddNumberToObject(o, "gap", cents(unit->total - w->total->target.value))
                          : cJSON_AddNullToObject(o, "gap"));
    ok = ok &&
         (judged(w, unit) ? cJSON_AddBoolToObject(o, "met", ps_target_met(&w->total->target, unit->total))
                          : cJSON_AddNullToObject(o, "met"));
    ok = ok && add_ids(o, "missed", u, unit->missed);
    char *text = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!text)
        return false;
    ps_buf_puts(&w->buf, text);
    free(text);
    return true;
}

static void json_report(writer *w)
{
    const ps_units *u = w->units;
    cJSON *head = cJSON_CreateObject();
    char *source = NULL;
    if (head && cJSON_AddStringToObject(head, "s", u->plan->source ? u->plan->source : ""))
        source = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(head, "s"));
    cJSON_Delete(head);
    if (!source) {
        w->failed = w->nomem = true;
        return;
    }
    ps_buf_printf(
        &w->buf,
        "{\n  \"schema_version\": 1,\n  \"plan\": {\"source\": %s, \"max_points_illustrative\": %s},\n"
        "  \"units\": [\n",
        source, u->plan->illustrative_max ? "true" : "false");
    free(source);
    uint32_t rank = 0;
    for (size_t i = 0; i < u->count && !w->failed; i++) {
        ps_buf_puts(&w->buf, "    ");
        rank = ps_units_rank_at(u, i, rank);
        if (!json_unit(w, &u->units[i], rank))
            w->failed = w->nomem = true;
        ps_buf_puts(&w->buf, i + 1 < u->count ? ",\n" : "\n");
        flush(w, false);
    }
    ps_buf_puts(&w->buf, "  ]\n}\n");
}

/* ---- the workbook: a sheet with the CSV's columns, its rows written out one by one ---- */

enum { XLSX_TITLE, XLSX_PARTIAL_NOTE, XLSX_ILLUSTRATIVE_NOTE, XLSX_HEAD = 4, XLSX_FIRST };

/* Column widths: the unit's as wide as its longest name (up to the text's cap), the others fixed. */
static void xlsx_columns(ps_xlsx *x, lxw_worksheet *ws, const ps_units *u)
{
    static const double widths[] = {8, 0, 10, 10, 12, 12, 20, 14};
    double name_width = 12;
    for (size_t i = 0; i < u->count; i++) {
        const char *name = u->names + u->units[i].name;
        double w = (double)ps_text_width(name, strlen(name)) + 2;
        name_width = w > name_width ? (w < NAME_WIDTH_MAX ? w : NAME_WIDTH_MAX) : name_width;
    }
    for (lxw_col_t c = 0; c < sizeof widths / sizeof widths[0]; c++)
        ps_xlsx_check(x, worksheet_set_column(ws, c, c, c == 1 ? name_width : widths[c], NULL));
}

static void xlsx_head(writer *w, ps_xlsx *x, lxw_worksheet *ws)
{
    const ps_units *u = w->units;
    char count[24];
    snprintf(count, sizeof count, "%zu", u->count);
    const char *args[] = {count, u->plan->source};
    w->buf.len = 0;
    ps_wording_fill(&w->buf, W(w, PS_L_UNITS_TITLE), args, 2);
    const char *title = w->buf.failed ? NULL : w->buf.data;
    ps_xlsx_properties(x, title, u->plan, NULL);
    if (title)
        ps_xlsx_string(x, ws, XLSX_TITLE, 0, title, PS_XS_TITLE);
    ps_xlsx_string(x, ws, XLSX_PARTIAL_NOTE, 0, W(w, PS_L_UNITS_PARTIAL), 0);
    if (u->plan->illustrative_max)
        ps_xlsx_string(x, ws, XLSX_ILLUSTRATIVE_NOTE, 0, W(w, PS_L_UNITS_ILLUSTRATIVE), 0);
    static const ps_label heads[] = {PS_L_RANK, PS_L_UNITS_UNIT, PS_L_UNITS_TOTAL,  PS_L_XLSX_PARTIAL,
                                     PS_L_GAP,  PS_L_RESULT,     PS_L_UNITS_MISSED, PS_L_UNITS_MISSING};
    for (lxw_col_t c = 0; c < sizeof heads / sizeof heads[0]; c++)
        ps_xlsx_string(x, ws, XLSX_HEAD, c, W(w, heads[c]), PS_XS_HEAD);
}

/* The ids of the criteria in mask as one cell, ", " between them. */
static ps_cell xlsx_ids(writer *w, uint32_t mask)
{
    w->buf.len = 0;
    ids(&w->buf, w->units, mask, ", ");
    ps_buf_append(&w->buf, "", 0);
    return w->buf.failed ? ps_cell_none() : ps_cell_text(w->buf.data);
}

static void xlsx_row(writer *w, ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, const ps_unit *unit,
                     uint32_t rank)
{
    bool judged = w->total && w->total->has_target;
    ps_met met = !judged || unit->missing                        ? PS_MET_UNKNOWN
                 : ps_target_met(&w->total->target, unit->total) ? PS_MET_YES
                                                                 : PS_MET_NO;
    ps_cell cells[] = {
        ps_cell_integer(rank),
        ps_cell_text(w->units->names + unit->name),
        ps_cell_number(true, unit->total, 0),
        ps_cell_bool(true, unit->missing != 0),
        ps_cell_number(judged, judged ? unit->total - w->total->target.value : 0, PS_CELL_PLUS),
        ps_cell_verdict(met)};
    lxw_col_t c = 0;
    for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++)
        c += ps_xlsx_cell(x, ws, row, c, &cells[k], PS_XS_TABLE);
    ps_cell missed = xlsx_ids(w, unit->missed);
    c += ps_xlsx_cell(x, ws, row, c, &missed, PS_XS_TABLE);
    ps_cell missing = xlsx_ids(w, unit->missing);
    ps_xlsx_cell(x, ws, row, c, &missing, PS_XS_TABLE);
    if (w->buf.failed)
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

static ps_status xlsx_report(writer *w)
{
    const ps_units *u = w->units;
    if (u->count > PS_UNITS_XLSX_MAX)
        return PS_ERR_INPUT;
    ps_xlsx x;
    if (ps_xlsx_open(&x, w->lang, true) == PS_OK) { /* rows go out as they are written */
        lxw_worksheet *ws = ps_xlsx_sheet(&x, PS_L_XLSX_SHEET_UNITS);
        if (ws) {
            xlsx_columns(&x, ws, u);
            xlsx_head(w, &x, ws);
            lxw_row_t last = XLSX_HEAD + (lxw_row_t)u->count;
            ps_xlsx_check(&x, worksheet_autofilter(ws, XLSX_HEAD, 0, last, 7));
            worksheet_freeze_panes(ws, XLSX_FIRST, 0);
            ps_xlsx_check(&x, worksheet_repeat_rows(ws, XLSX_HEAD, XLSX_HEAD));
        }
        uint32_t rank = 0;
        for (size_t i = 0; ws && i < u->count && x.status == PS_OK; i++) {
            rank = ps_units_rank_at(u, i, rank);
            xlsx_row(w, &x, ws, XLSX_FIRST + (lxw_row_t)i, &u->units[i], rank);
        }
    }
    ps_status st = ps_xlsx_finish_to(&x, w->sink, w->sink_ctx);
    if (st == PS_ERR_IO)
        errno = x.error; /* 0: the sink refused, and knows why */
    return st;
}

ps_status ps_report_units(const ps_units *units, ps_units_format format, const ps_report_options *options,
                          ps_sink sink, void *sink_ctx)
{
    writer w = {.units = units,
                .lang = options->lang,
                .mark = options->lang == PS_LANG_EN ? '.' : ',',
                .color = options->color,
                .sink = sink,
                .sink_ctx = sink_ctx};
    ps_buf_init(&w.buf);
    for (size_t i = 0; i < units->plan->count; i++)
        if (units->plan->items[i].kind == PS_KIND_TOTAL)
            w.total = &units->plan->items[i];
    if (format == PS_UNITS_XLSX) {
        ps_status st = xlsx_report(&w);
        int error = errno;
        ps_buf_free(&w.buf);
        errno = error;
        return st;
    }
    if (format == PS_UNITS_JSON) {
        w.mark = '.';
        json_report(&w);
    } else if (format == PS_UNITS_CSV) {
        if (options->bom)
            ps_buf_puts(&w.buf, "\xEF\xBB\xBF");
        csv_report(&w);
    } else {
        text_report(&w);
    }
    flush(&w, true);
    ps_buf_free(&w.buf);
    return w.nomem ? PS_ERR_NOMEM : w.failed ? PS_ERR_IO : PS_OK;
}
