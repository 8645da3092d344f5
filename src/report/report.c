/* The public reporters: each builds the content once and hands it to the renderer of its format. */
#include "report/content.h"
#include "report/json.h"
#include "report/render.h"
#include "report/xlsx.h"

#define NAME_WIDTH 36 /* display columns of an indicator name before the text layout wraps it */

static ps_text_layout text_layout(const ps_report_options *options)
{
    return (ps_text_layout){options->width > 0 ? (size_t)options->width : NAME_WIDTH, options->color};
}

typedef enum { AS_TEXT, AS_MARKDOWN, AS_CSV } layout;

static ps_status lay_out(const ps_doc *doc, layout as, const ps_report_options *options, ps_buf *out)
{
    ps_text_layout text = text_layout(options);
    ps_csv_layout csv = {options->bom, false};
    return as == AS_TEXT       ? ps_render_text(doc, &text, out)
           : as == AS_MARKDOWN ? ps_render_markdown(doc, out)
                               : ps_render_csv(doc, &csv, out);
}

static ps_status report(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                        layout as, ps_buf *out)
{
    ps_doc doc;
    ps_doc_init(&doc, options->lang);
    ps_status st = ps_content_report(&doc, plan, result, options);
    if (st == PS_OK)
        st = lay_out(&doc, as, options, out);
    ps_doc_free(&doc);
    return st;
}

ps_status ps_report_text(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                         ps_buf *out)
{
    return report(plan, result, options, AS_TEXT, out);
}

ps_status ps_report_markdown(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                             ps_buf *out)
{
    return report(plan, result, options, AS_MARKDOWN, out);
}

ps_status ps_report_csv(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                        ps_buf *out)
{
    return report(plan, result, options, AS_CSV, out);
}

ps_status ps_report_check_text(const ps_plan *plan, const ps_check *check, const ps_report_options *options,
                               ps_buf *out)
{
    (void)plan; /* every checked line points at its indicator */
    ps_doc doc;
    ps_doc_init(&doc, options->lang);
    ps_status st = ps_content_check(&doc, check);
    if (st == PS_OK)
        st = lay_out(&doc, AS_TEXT, options, out);
    ps_doc_free(&doc);
    return st;
}

ps_status ps_report_trend(const ps_trend *trend, ps_trend_format format, const ps_report_options *options,
                          ps_buf *out)
{
    if (format == PS_TREND_JSON)
        return ps_report_trend_json(trend, options, out);
    if (format == PS_TREND_XLSX)
        return ps_report_trend_xlsx(trend, options, out);
    ps_doc doc;
    ps_doc_init(&doc, options->lang);
    ps_status st = ps_content_trend(&doc, trend);
    if (st == PS_OK)
        st = lay_out(&doc, format == PS_TREND_CSV ? AS_CSV : AS_TEXT, options, out);
    ps_doc_free(&doc);
    return st;
}

ps_status ps_report_template(const ps_plan *plan, ps_template_format format, const ps_report_options *options,
                             ps_buf *out)
{
    if (format == PS_TEMPLATE_XLSX)
        return ps_report_template_xlsx(plan, options, out);
    ps_doc doc;
    ps_doc_init(&doc, options->lang);
    ps_status st = ps_content_template(&doc, plan);
    /* Vietnamese: as a Vietnamese spreadsheet saves CSV (';', decimal commas, a BOM, CR LF); English: plain
     */
    ps_csv_layout csv = {options->lang != PS_LANG_EN || options->bom, options->lang != PS_LANG_EN};
    if (st == PS_OK)
        st = format == PS_TEMPLATE_JSON ? ps_render_json_rows(&doc, "scores", out)
                                        : ps_render_csv(&doc, &csv, out);
    ps_doc_free(&doc);
    return st;
}
