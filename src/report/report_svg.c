/* The SVG report: a bar chart of each criterion's baseline, current score and target, SIPAS and the total. */
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "base/text.h"
#include "parscore/report.h"
#include "report/text_table.h"

/* Layout, in pixels: the name column, the chart (0-100 %) and the values column. */
#define SVG_WIDTH 1040
#define MARGIN 16
#define NAME_X 44
#define NAME_COLS 40 /* display columns of a name line */
#define CHART_X 352
#define CHART_W 460
#define VALUE_X 836
#define ROW_H 66
#define BAR_H 16
#define ROWS_TOP 122
#define FOOTER_COLS 150
#define FOOTER_LINES 4
#define FOOTER_LINE_H 16

#define ELLIPSIS "\xe2\x80\xa6"    /* … */
#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD, for a byte that is not UTF-8 */
#define GE "\xe2\x89\xa5"          /* ≥ */

#define COLOR_BASELINE "#8fa9c4"
#define COLOR_MET "#2e8b3e"
#define COLOR_MISSED "#c8372d"
#define COLOR_UNKNOWN "#9e9e9e"
#define COLOR_TARGET "#1f1f1f"
#define COLOR_GRID "#e2e2e2"
#define COLOR_MUTED "#555555"

typedef enum {
    S_TITLE_PLAN,
    S_TITLE_SCORES,
    S_PERIOD,
    S_SOURCE_PLAN,
    S_SOURCE_SCORES,
    S_BASELINE_WORD,
    S_YEAR_WORD,
    S_LEGEND_BASELINE,
    S_LEGEND_MET,
    S_LEGEND_MISSED,
    S_LEGEND_UNKNOWN,
    S_LEGEND_TARGET,
    S_LEGEND_DASH,
    S_MET,
    S_MISSED,
    S_PARTIAL,
    S_ILLUSTRATIVE,
    S_COUNT
} svg_label;

static const char *const labels[S_COUNT][2] = {
    [S_TITLE_PLAN] = {"%s: kết quả năm %s so với mục tiêu năm %s", "%s: %s results against the %s targets"},
    [S_TITLE_SCORES] = {"%s: chỉ số năm %s", "%s: %s scores"},
    [S_PERIOD] = {", kỳ %s", ", period %s"},
    [S_SOURCE_PLAN] = {"Kế hoạch: %s", "Plan: %s"},
    [S_SOURCE_SCORES] = {"Điểm: %s", "Scores: %s"},
    [S_BASELINE_WORD] = {"Gốc", "Baseline"},
    [S_YEAR_WORD] = {"Điểm", "Score"},
    [S_LEGEND_BASELINE] = {"Kết quả %s", "%s result"},
    [S_LEGEND_MET] = {"%s: đạt mục tiêu", "%s: target met"},
    [S_LEGEND_MISSED] = {"%s: chưa đạt", "%s: target missed"},
    [S_LEGEND_UNKNOWN] = {"%s: chưa đánh giá được", "%s: not judged"},
    [S_LEGEND_TARGET] = {"Mục tiêu %s", "%s target"},
    [S_LEGEND_DASH] = {"— chưa có số liệu", "— no value yet"},
    [S_MET] = {"Đạt", "met"},
    [S_MISSED] = {"Chưa đạt", "missed"},
    [S_PARTIAL] = {"Tạm tính", "partial"},
    [S_ILLUSTRATIVE] = {"Lưu ý: tổng tính theo điểm tối đa của các lĩnh vực (%s) là số minh họa, chưa phải "
                        "bảng chính thức (Quyết định 701/QĐ-UBND); khi có bảng chính thức, hãy thay cột "
                        "max_points trong tệp kế hoạch.",
                        "Note: the total uses illustrative max points of the criteria (%s), not the official "
                        "table (Quyết định 701/QĐ-UBND); when it is available, replace the max_points column "
                        "of the plan file."},
};

typedef struct {
    const ps_plan *plan;
    const ps_result *result;
    const ps_report_options *opt;
    const char *baseline_year;
    const char *year;
    char mark; /* decimal mark of the language */
    ps_buf *out;
} ctx;

static const char *S(const ctx *c, svg_label l)
{
    return labels[l][c->opt->lang == PS_LANG_EN ? 1 : 0];
}

/* ---- text ---- */

static void escape_valid(ps_buf *out, const char *text, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        const char *rep = ch == '&'    ? "&amp;"
                          : ch == '<'  ? "&lt;"
                          : ch == '>'  ? "&gt;"
                          : ch == '"'  ? "&quot;"
                          : ch == '\'' ? "&apos;"
                          : ch < 0x20  ? " " /* XML 1.0 allows no control characters */
                                       : NULL;
        if (!rep)
            continue;
        ps_buf_append(out, text + start, i - start);
        ps_buf_puts(out, rep);
        start = i + 1;
    }
    ps_buf_append(out, text + start, len - start);
}

/* Text for element content or an attribute value: XML-escaped, invalid UTF-8 replaced by U+FFFD. */
static void escape(ps_buf *out, const char *text, size_t len)
{
    while (len > 0) {
        size_t valid = ps_utf8_valid_prefix(text, len);
        escape_valid(out, text, valid);
        if (valid == len)
            break;
        ps_buf_puts(out, REPLACEMENT);
        text += valid + 1;
        len -= valid + 1;
    }
}

static void escape_str(ps_buf *out, const char *text)
{
    escape(out, text, strlen(text));
}

/* <text x y attrs>: the caller writes the content and closes it with text_close. */
static void text_open(const ctx *c, int x, int y, const char *attrs)
{
    ps_buf_printf(c->out, "<text x=\"%d\" y=\"%d\"%s%s>", x, y, *attrs ? " " : "", attrs);
}

static void text_close(const ctx *c)
{
    ps_buf_puts(c->out, "</text>\n");
}

static void text_at(const ctx *c, int x, int y, const char *attrs, const char *text)
{
    text_open(c, x, y, attrs);
    escape_str(c->out, text);
    text_close(c);
}

/* The first bytes of text within cols display columns, cut at a space when possible; *rest is what
 * follows. Never inside a UTF-8 character (ps_text_wrap_at steps whole characters). */
static size_t fit(const char *text, size_t cols, const char **rest)
{
    size_t skip = 0, len = ps_text_wrap_at(text, cols, &skip);
    *rest = text + len + skip;
    return len;
}

/* One line of text; too long, it ends in "…" after the last word that fits. */
static void text_line(const ctx *c, int x, int y, const char *attrs, const char *text, size_t cols)
{
    const char *rest;
    size_t len = fit(text, cols, &rest);
    bool cut = *rest != '\0';
    if (cut)
        len = fit(text, cols - 1, &rest);
    while (cut && len > 0 && strchr(" ,;:", text[len - 1]))
        len--;
    text_open(c, x, y, attrs);
    escape(c->out, text, len);
    if (cut)
        ps_buf_puts(c->out, ELLIPSIS);
    text_close(c);
}

static void format_value(char *buf, size_t size, bool has, ps_num value, char mark)
{
    if (has)
        ps_num_format(value, 2, mark, false, buf, size);
    else
        snprintf(buf, size, "%s", PS_TEXT_DASH);
}

/* ---- geometry ---- */

/* The x of a percent on the chart, as text with 2 decimals; values beyond 0-100 stay on the chart. */
static void chart_x(char *buf, size_t size, ps_num percent, bool from_origin)
{
    ps_num v = percent < 0 ? 0 : percent > 100 * PS_NUM_SCALE ? 100 * PS_NUM_SCALE : percent;
    ps_num px = v * CHART_W / 100 + (from_origin ? 0 : CHART_X * PS_NUM_SCALE);
    ps_num_format(px, 2, '.', false, buf, size);
}

static int chart_x_int(ps_num percent)
{
    ps_num v = percent < 0 ? 0 : percent > 100 * PS_NUM_SCALE ? 100 * PS_NUM_SCALE : percent;
    return CHART_X + (int)(v * CHART_W / 100 / PS_NUM_SCALE);
}

static bool is_charted(const ps_line *l)
{
    return l->indicator->kind != PS_KIND_KPI;
}

static size_t charted_rows(const ps_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->count; i++)
        n += is_charted(&r->lines[i]);
    return n;
}

/* ---- pieces of the chart ---- */

static const char *score_color(ps_met met)
{
    return met == PS_MET_YES ? COLOR_MET : met == PS_MET_NO ? COLOR_MISSED : COLOR_UNKNOWN;
}

static const char *met_class(ps_met met)
{
    return met == PS_MET_YES ? "met" : met == PS_MET_NO ? "missed" : "unknown";
}

static void bar(const ctx *c, const char *cls, const char *fill, ps_num value, int y)
{
    char w[40];
    chart_x(w, sizeof w, value, true);
    ps_buf_printf(c->out,
                  "<rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\"/>\n", cls,
                  CHART_X, y, w, BAR_H, fill);
}

/* No value: no bar, a dash where it would start. */
static void no_bar(const ctx *c, const char *cls, int y)
{
    char attrs[96];
    snprintf(attrs, sizeof attrs, "class=\"%s\" fill=\"%s\"", cls, COLOR_MUTED);
    text_at(c, CHART_X + 4, y + BAR_H - 3, attrs, PS_TEXT_DASH);
}

static void bars(const ctx *c, const ps_line *l, int top)
{
    const ps_indicator *ind = l->indicator;
    if (ind->has_baseline)
        bar(c, "baseline", COLOR_BASELINE, ind->baseline, top + 8);
    else
        no_bar(c, "no-baseline", top + 8);
    if (!c->result->has_scores)
        return;
    char cls[40];
    snprintf(cls, sizeof cls, "score %s", met_class(l->met));
    if (l->has_score)
        bar(c, cls, score_color(l->met), l->score, top + 28);
    else
        no_bar(c, "no-score", top + 28);
}

static size_t target_text(const ctx *c, const ps_indicator *ind, char *buf, size_t size)
{
    char num[40];
    ps_num_format(ind->target.value, 2, c->mark, false, num, sizeof num);
    return (size_t)snprintf(buf, size, "%s %s", ind->target.op == PS_OP_GT ? ">" : GE, num);
}

/* The target: a vertical line at its value, its text beside it (left of it near 100 %). */
static void target_marker(const ctx *c, const ps_indicator *ind, int top)
{
    if (!ind->has_target)
        return;
    char x[40], text[64], attrs[96];
    chart_x(x, sizeof x, ind->target.value, false);
    ps_buf_printf(c->out,
                  "<line class=\"target\" x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"%s\" "
                  "stroke-width=\"2\"/>\n",
                  x, top + 3, x, top + 50, COLOR_TARGET);
    target_text(c, ind, text, sizeof text);
    bool left = ind->target.value > 80 * PS_NUM_SCALE;
    int tx = chart_x_int(ind->target.value) + (left ? -4 : 4);
    snprintf(attrs, sizeof attrs, "class=\"target-text\" font-size=\"11\" fill=\"%s\"%s", COLOR_TARGET,
             left ? " text-anchor=\"end\"" : "");
    text_at(c, tx, top + 60, attrs, text);
}

static const char *name_of(const ctx *c, const ps_indicator *ind)
{
    return c->opt->lang == PS_LANG_EN && ind->name_en ? ind->name_en : ind->name;
}

/* The id (criteria only) and the name over at most two lines, the second shortened with "…". */
static void name_lines(const ctx *c, const ps_indicator *ind, int top)
{
    const char *weight = ind->kind == PS_KIND_TOTAL ? "font-weight=\"bold\"" : "";
    const char *name = name_of(c, ind), *rest;
    size_t len = fit(name, NAME_COLS, &rest);
    if (ind->kind == PS_KIND_CRITERION)
        text_at(c, MARGIN, top + (*rest ? 21 : 29), "class=\"id\" font-weight=\"bold\"", ind->id);
    if (*rest == '\0') {
        text_at(c, NAME_X, top + 29, weight, name);
        return;
    }
    text_open(c, NAME_X, top + 21, weight);
    escape(c->out, name, len);
    text_close(c);
    text_line(c, NAME_X, top + 38, weight, rest, NAME_COLS);
}

static const char *status_word(const ctx *c, const ps_line *l)
{
    if (l->met == PS_MET_YES)
        return S(c, S_MET);
    if (l->met == PS_MET_NO)
        return S(c, S_MISSED);
    if (l->partial && l->has_score)
        return S(c, S_PARTIAL);
    return "";
}

static void value_pair(const ctx *c, const char *year, bool has, ps_num value, int y)
{
    char num[40], attrs[64];
    format_value(num, sizeof num, has, value, c->mark);
    snprintf(attrs, sizeof attrs, "font-size=\"11\" fill=\"%s\"", COLOR_MUTED);
    text_line(c, VALUE_X, y, attrs, year, 8);
    text_at(c, VALUE_X + 96, y, "class=\"value\" text-anchor=\"end\" font-weight=\"bold\"", num);
}

/* Right of the chart: the baseline and the score with their years, and met or missed. */
static void values(const ctx *c, const ps_line *l, int top)
{
    const ps_indicator *ind = l->indicator;
    value_pair(c, c->baseline_year, ind->has_baseline, ind->baseline, top + 21);
    int status_y = top + 21;
    if (c->result->has_scores) {
        value_pair(c, c->year, l->has_score, l->score, top + 41);
        status_y = top + 41;
    }
    const char *word = status_word(c, l);
    if (*word) {
        char attrs[64];
        snprintf(attrs, sizeof attrs, "class=\"status\" fill=\"%s\"", score_color(l->met));
        text_at(c, VALUE_X + 104, status_y, attrs, word);
    }
}

static void data_num(const ctx *c, const char *key, bool has, ps_num value)
{
    char num[40] = "";
    if (has)
        ps_num_format(value, 2, '.', false, num, sizeof num);
    ps_buf_printf(c->out, " %s=\"%s\"", key, num);
}

static const char *kind_name(ps_kind kind)
{
    return kind == PS_KIND_CRITERION ? "criterion" : kind == PS_KIND_SIPAS ? "sipas" : "total";
}

/* The group's machine-readable values: always '.' and 2 decimals, "" when not known. */
static void group_open(const ctx *c, const ps_line *l)
{
    const ps_indicator *ind = l->indicator;
    ps_buf_puts(c->out, "<g class=\"indicator\" data-id=\"");
    escape_str(c->out, ind->id);
    ps_buf_printf(c->out, "\" data-kind=\"%s\"", kind_name(ind->kind));
    data_num(c, "data-baseline", ind->has_baseline, ind->baseline);
    data_num(c, "data-score", l->has_score, l->score);
    data_num(c, "data-target", ind->has_target, ind->target.value);
    ps_buf_printf(c->out, " data-target-op=\"%s\"",
                  !ind->has_target             ? ""
                  : ind->target.op == PS_OP_GT ? "gt"
                                               : "ge");
    ps_buf_printf(c->out, " data-met=\"%s\"",
                  l->met == PS_MET_YES       ? "yes"
                  : l->met == PS_MET_NO      ? "no"
                  : l->met == PS_MET_UNKNOWN ? "unknown"
                                             : "");
    if (ind->kind == PS_KIND_TOTAL)
        ps_buf_printf(c->out, " data-partial=\"%s\"",
                      c->result->has_scores && (l->partial || !l->has_score) ? "true" : "false");
    ps_buf_puts(c->out, ">\n<title>");
    escape_str(c->out, name_of(c, ind));
    ps_buf_puts(c->out, "</title>\n");
}

static void row(const ctx *c, const ps_line *l, int top, bool separator)
{
    if (separator)
        ps_buf_printf(c->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbbbbb\"/>\n", MARGIN,
                      top, SVG_WIDTH - MARGIN, top);
    group_open(c, l);
    name_lines(c, l->indicator, top);
    bars(c, l, top);
    target_marker(c, l->indicator, top);
    values(c, l, top);
    ps_buf_puts(c->out, "</g>\n");
}

/* ---- the frame: title, legend, axis, footer ---- */

static void title_text(const ctx *c, ps_buf *b)
{
    const ps_plan *plan = c->plan;
    const char *unit = plan->unit ? plan->unit : "PAR INDEX";
    if (!plan->year || !plan->baseline_year)
        ps_buf_puts(b, unit);
    else if (c->result->has_scores)
        ps_buf_printf(b, S(c, S_TITLE_SCORES), unit, c->year);
    else
        ps_buf_printf(b, S(c, S_TITLE_PLAN), unit, c->baseline_year, c->year);
    if (c->result->has_scores && c->result->period)
        ps_buf_printf(b, S(c, S_PERIOD), c->result->period);
}

static void sources_text(const ctx *c, ps_buf *b)
{
    ps_buf_printf(b, S(c, S_SOURCE_PLAN), c->plan->source ? c->plan->source : "");
    if (c->result->has_scores && c->opt->scores_source) {
        ps_buf_puts(b, " \xc2\xb7 "); /* · */
        ps_buf_printf(b, S(c, S_SOURCE_SCORES), c->opt->scores_source);
    }
}

static int legend_item(const ctx *c, int x, const char *swatch, const char *text)
{
    if (swatch && strcmp(swatch, "marker") == 0)
        ps_buf_printf(c->out,
                      "<line x1=\"%d\" y1=\"69\" x2=\"%d\" y2=\"87\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                      x + 7, x + 7, COLOR_TARGET);
    else if (swatch)
        ps_buf_printf(c->out, "<rect x=\"%d\" y=\"71\" width=\"14\" height=\"14\" fill=\"%s\"/>\n", x,
                      swatch);
    int tx = swatch ? x + 20 : x;
    text_at(c, tx, 83, "font-size=\"12\"", text);
    return tx + (int)ps_text_width(text, strlen(text)) * 7 + 22;
}

static void legend(const ctx *c)
{
    char text[5][128];
    snprintf(text[0], sizeof text[0], S(c, S_LEGEND_BASELINE), c->baseline_year);
    snprintf(text[1], sizeof text[1], S(c, S_LEGEND_MET), c->year);
    snprintf(text[2], sizeof text[2], S(c, S_LEGEND_MISSED), c->year);
    snprintf(text[3], sizeof text[3], S(c, S_LEGEND_UNKNOWN), c->year);
    snprintf(text[4], sizeof text[4], S(c, S_LEGEND_TARGET), c->year);
    ps_buf_puts(c->out, "<g class=\"legend\">\n");
    int x = legend_item(c, MARGIN, COLOR_BASELINE, text[0]);
    if (c->result->has_scores) {
        x = legend_item(c, x, COLOR_MET, text[1]);
        x = legend_item(c, x, COLOR_MISSED, text[2]);
        x = legend_item(c, x, COLOR_UNKNOWN, text[3]);
    }
    x = legend_item(c, x, "marker", text[4]);
    legend_item(c, x, NULL, S(c, S_LEGEND_DASH));
    ps_buf_puts(c->out, "</g>\n");
}

static void axis_labels(const ctx *c, int y)
{
    for (int p = 0; p <= 100; p += 25) {
        char text[16];
        snprintf(text, sizeof text, "%d%%", p);
        text_at(c, CHART_X + p * CHART_W / 100, y, "font-size=\"11\" text-anchor=\"middle\" fill=\"#555555\"",
                text);
    }
}

/* Grid lines every 25 % over the rows, labelled above and below. */
static void axis(const ctx *c, int bottom)
{
    ps_buf_puts(c->out, "<g class=\"axis\">\n");
    for (int p = 0; p <= 100; p += 25) {
        int x = CHART_X + p * CHART_W / 100;
        ps_buf_printf(c->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n", x,
                      ROWS_TOP - 4, x, bottom, p == 0 ? "#999999" : COLOR_GRID);
    }
    axis_labels(c, ROWS_TOP - 9);
    axis_labels(c, bottom + 15);
    ps_buf_puts(c->out, "</g>\n");
}

/* The note that the max points (and so the total) are illustrative; empty when they are official. */
static void footer_text(const ctx *c, ps_buf *b)
{
    if (!c->plan->illustrative_max)
        return;
    ps_buf list;
    ps_buf_init(&list);
    for (size_t i = 0; i < c->plan->count; i++) {
        const ps_indicator *ind = &c->plan->items[i];
        char num[40];
        if (!ind->has_max_points)
            continue;
        ps_num_format_short(ind->max_points, c->mark, num, sizeof num);
        ps_buf_printf(&list, "%s%s: %s", list.len ? "; " : "", ind->id, num);
    }
    ps_buf_printf(b, S(c, S_ILLUSTRATIVE), list.data ? list.data : "");
    if (list.failed)
        b->failed = true;
    ps_buf_free(&list);
}

static int footer_lines(const char *text)
{
    int n = 0;
    for (const char *p = text; *p && n < FOOTER_LINES; n++)
        fit(p, FOOTER_COLS, &p);
    return n;
}

static void footer(const ctx *c, const char *text, int y)
{
    ps_buf_puts(c->out, "<g class=\"footer\" font-size=\"11\" fill=\"#444444\">\n");
    for (int n = 0; *text && n < FOOTER_LINES; n++, y += FOOTER_LINE_H) {
        bool last = n + 1 == FOOTER_LINES;
        const char *rest;
        size_t len = fit(text, FOOTER_COLS, &rest);
        if (last && *rest) {
            text_line(c, MARGIN, y, "", text, FOOTER_COLS);
            break;
        }
        text_open(c, MARGIN, y, "");
        escape(c->out, text, len);
        text_close(c);
        text = rest;
    }
    ps_buf_puts(c->out, "</g>\n");
}

static void document_open(const ctx *c, const char *title, int height)
{
    ps_buf *out = c->out;
    ps_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    ps_buf_printf(out,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\" xml:lang=\"%s\" font-family=\"DejaVu Sans, Noto Sans, sans-serif\" "
                  "font-size=\"13\" fill=\"#1a1a1a\" data-mode=\"%s\">\n",
                  SVG_WIDTH, height, SVG_WIDTH, height, c->opt->lang == PS_LANG_EN ? "en" : "vi",
                  c->result->has_scores ? "scores" : "plan");
    ps_buf_puts(out, "<title>");
    escape_str(out, title);
    ps_buf_puts(out, "</title>\n");
    ps_buf_printf(out, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", SVG_WIDTH, height);
}

static void heading(const ctx *c, const char *title, const char *sources)
{
    text_line(c, MARGIN, 30, "class=\"title\" font-size=\"18\" font-weight=\"bold\"", title, 88);
    text_line(c, MARGIN, 52, "class=\"sources\" font-size=\"12\" fill=\"#555555\"", sources, 150);
}

static void chart(const ctx *c, const char *title, const char *sources, const char *note)
{
    int bottom = ROWS_TOP + (int)charted_rows(c->result) * ROW_H;
    int lines = footer_lines(note);
    int height = bottom + 30 + (lines > 0 ? 10 + lines * FOOTER_LINE_H : 0);
    document_open(c, title, height);
    heading(c, title, sources);
    legend(c);
    axis(c, bottom);
    int top = ROWS_TOP;
    ps_kind previous = PS_KIND_CRITERION;
    for (size_t i = 0; i < c->result->count; i++) {
        const ps_line *l = &c->result->lines[i];
        if (!is_charted(l))
            continue;
        row(c, l, top, top > ROWS_TOP && l->indicator->kind != previous);
        previous = l->indicator->kind;
        top += ROW_H;
    }
    if (lines > 0)
        footer(c, note, bottom + 44);
    ps_buf_puts(c->out, "</svg>\n");
}

ps_status ps_report_svg(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                        ps_buf *out)
{
    bool en = options->lang == PS_LANG_EN;
    ctx c = {plan,
             result,
             options,
             plan->baseline_year ? plan->baseline_year : labels[S_BASELINE_WORD][en],
             plan->year ? plan->year : labels[S_YEAR_WORD][en],
             en ? '.' : ',',
             out};
    ps_buf title, sources, note;
    ps_buf_init(&title);
    ps_buf_init(&sources);
    ps_buf_init(&note);
    title_text(&c, &title);
    sources_text(&c, &sources);
    footer_text(&c, &note);
    bool ok = !title.failed && !sources.failed && !note.failed;
    if (ok)
        chart(&c, title.data ? title.data : "", sources.data ? sources.data : "", note.data ? note.data : "");
    ps_buf_free(&title);
    ps_buf_free(&sources);
    ps_buf_free(&note);
    return ok && !out->failed ? PS_OK : PS_ERR_NOMEM;
}
