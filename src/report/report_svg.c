/* The SVG report: a bar chart of each criterion's baseline, current score and target, SIPAS and the total. */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "parscore/report.h"
#include "report/content.h"
#include "report/render.h"

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
#define DASH "\xe2\x80\x94"        /* — : a value that is not known */

#define COLOR_BASELINE "#8fa9c4"
#define COLOR_MET "#2e8b3e"
#define COLOR_MISSED "#c8372d"
#define COLOR_UNKNOWN "#9e9e9e"
#define COLOR_TARGET "#1f1f1f"
#define COLOR_GRID "#e2e2e2"
#define COLOR_MUTED "#555555"

typedef struct {
    const ps_plan *plan;
    const ps_result *result;
    const ps_report_options *opt;
    const char *baseline_year;
    const char *year;
    ps_buf *out;
} ctx;

static const char *S(const ctx *c, ps_label l)
{
    return ps_label_text(l, c->opt->lang);
}

/* A cell of the report model as plain text (the chart escapes it where it places it). */
static void put_cell(const ctx *c, ps_buf *out, ps_cell cell)
{
    ps_cell_put(out, &cell, c->opt->lang, NULL);
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

/* The chart's rows: the criteria, SIPAS and the total (office targets and sub-criteria stay in the report's
 * tables). */
static size_t charted_rows(const ps_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->count; i++)
        n += ps_content_charted(&r->lines[i]);
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
    text_at(c, CHART_X + 4, y + BAR_H - 3, attrs, DASH);
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

/* The target: a vertical line at its value, its text beside it (left of it near 100 %). */
static void target_marker(const ctx *c, const ps_indicator *ind, int top)
{
    if (!ind->has_target)
        return;
    char x[40], attrs[96];
    chart_x(x, sizeof x, ind->target.value, false);
    ps_buf_printf(c->out,
                  "<line class=\"target\" x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"%s\" "
                  "stroke-width=\"2\"/>\n",
                  x, top + 3, x, top + 50, COLOR_TARGET);
    ps_buf text;
    ps_buf_init(&text);
    put_cell(c, &text, ps_cell_target(ind));
    bool left = ind->target.value > 80 * PS_NUM_SCALE;
    int tx = chart_x_int(ind->target.value) + (left ? -4 : 4);
    snprintf(attrs, sizeof attrs, "class=\"target-text\" font-size=\"11\" fill=\"%s\"%s", COLOR_TARGET,
             left ? " text-anchor=\"end\"" : "");
    text_at(c, tx, top + 60, attrs, text.data ? text.data : "");
    if (text.failed)
        c->out->failed = true;
    ps_buf_free(&text);
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
        return S(c, PS_L_MET);
    if (l->met == PS_MET_NO)
        return S(c, PS_L_MISSED);
    if (l->partial && l->has_score)
        return S(c, PS_L_SVG_PARTIAL);
    return "";
}

static void value_pair(const ctx *c, const char *year, bool has, ps_num value, int y)
{
    char attrs[64];
    ps_buf num;
    ps_buf_init(&num);
    put_cell(c, &num, ps_cell_number(has, value, 0));
    snprintf(attrs, sizeof attrs, "font-size=\"11\" fill=\"%s\"", COLOR_MUTED);
    text_line(c, VALUE_X, y, attrs, year, 8);
    text_at(c, VALUE_X + 96, y, "class=\"value\" text-anchor=\"end\" font-weight=\"bold\"",
            num.data ? num.data : "");
    if (num.failed)
        c->out->failed = true;
    ps_buf_free(&num);
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

/* The group's machine-readable values: always '.' and 2 decimals, "" when not known. */
static void group_open(const ctx *c, const ps_line *l)
{
    const ps_indicator *ind = l->indicator;
    ps_buf_puts(c->out, "<g class=\"indicator\" data-id=\"");
    escape_str(c->out, ind->id);
    ps_buf_printf(c->out, "\" data-kind=\"%s\"", ps_kind_key(ind->kind));
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
    static const ps_label labels[5] = {PS_L_SVG_LEGEND_BASELINE, PS_L_SVG_LEGEND_MET, PS_L_SVG_LEGEND_MISSED,
                                       PS_L_SVG_LEGEND_UNKNOWN, PS_L_SVG_LEGEND_TARGET};
    for (int k = 0; k < 5; k++) {
        const char *year[] = {k == 0 ? c->baseline_year : c->year};
        ps_wording_fill_chars(text[k], sizeof text[k], S(c, labels[k]), year, 1);
    }
    ps_buf_puts(c->out, "<g class=\"legend\">\n");
    int x = legend_item(c, MARGIN, COLOR_BASELINE, text[0]);
    if (c->result->has_scores) {
        x = legend_item(c, x, COLOR_MET, text[1]);
        x = legend_item(c, x, COLOR_MISSED, text[2]);
        x = legend_item(c, x, COLOR_UNKNOWN, text[3]);
    }
    x = legend_item(c, x, "marker", text[4]);
    legend_item(c, x, NULL, S(c, PS_L_SVG_LEGEND_DASH));
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
        if (!ps_content_charted(l))
            continue;
        row(c, l, top, top > ROWS_TOP && l->indicator->kind != previous);
        previous = l->indicator->kind;
        top += ROW_H;
    }
    if (lines > 0)
        footer(c, note, bottom + 44);
    ps_buf_puts(c->out, "</svg>\n");
}

/* The chart's title, sources and footer: the report's own, from its content (plain text, one line each). */
static void texts(const ctx *c, ps_buf *title, ps_buf *sources, ps_buf *note)
{
    ps_doc doc;
    ps_doc_init(&doc, c->opt->lang);
    put_cell(c, title, ps_content_title(&doc, c->plan, c->result));
    put_cell(c, sources,
             ps_doc_phrase(&doc, PS_L_SOURCE_PLAN, (ps_cell[]){ps_cell_text(c->plan->source)}, 1));
    if (c->result->has_scores && c->opt->scores_source) {
        ps_buf_puts(sources, " \xc2\xb7 "); /* · */
        put_cell(
            c, sources,
            ps_doc_phrase(&doc, PS_L_SOURCE_SCORES, (ps_cell[]){ps_cell_text(c->opt->scores_source)}, 1));
    }
    if (c->plan->illustrative_max) {
        ps_cell list = ps_content_max_points(&doc, c->plan);
        put_cell(c, note, ps_doc_phrase(&doc, PS_L_SVG_ILLUSTRATIVE, &list, 1));
    }
    if (doc.failed)
        title->failed = true;
    ps_doc_free(&doc);
}

ps_status ps_report_svg(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                        ps_buf *out)
{
    ctx c = {plan,
             result,
             options,
             plan->baseline_year ? plan->baseline_year : ps_label_text(PS_L_BASELINE_WORD, options->lang),
             plan->year ? plan->year : ps_label_text(PS_L_YEAR_WORD, options->lang),
             out};
    ps_buf title, sources, note;
    ps_buf_init(&title);
    ps_buf_init(&sources);
    ps_buf_init(&note);
    texts(&c, &title, &sources, &note);
    bool ok = !title.failed && !sources.failed && !note.failed;
    if (ok)
        chart(&c, title.data ? title.data : "", sources.data ? sources.data : "", note.data ? note.data : "");
    ps_buf_free(&title);
    ps_buf_free(&sources);
    ps_buf_free(&note);
    return ok && !out->failed ? PS_OK : PS_ERR_NOMEM;
}
