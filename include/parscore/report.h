/* parscore reporters: the result rendered into a memory buffer, written out only when complete.
 *
 * Each reporter reads what it is given only during the call and appends to out, which the caller owns.
 * PS_ERR_NOMEM means out held no complete report: discard it. */
#ifndef PARSCORE_REPORT_H
#define PARSCORE_REPORT_H

#include "parscore/rank.h"
#include "parscore/score.h"
#include "parscore/trend.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    ps_lang lang;
    int width;                 /* display columns for indicator names; 0: the default */
    const char *scores_source; /* named in the report's heading; NULL: not named (read during the call) */
    const ps_check *check;     /* the JSON report carries it when set (read during the call) */
    bool by_owner;             /* group indicators by responsible office */
    bool color;                /* text: colour met green and missed red (ANSI), for a terminal */
    bool bom;                  /* csv: start with a UTF-8 byte order mark, for spreadsheets that want one */
} ps_report_options;

/* The text report: one row per indicator, the total, and a closing count of targets met. */
ps_status ps_report_text(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                         ps_buf *out);

/* The JSON report: one document, schema_version 1 (doc/parscore-report.schema.json). */
ps_status ps_report_json(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                         ps_buf *out);

/* Markdown: the report's tables in GitHub-flavoured Markdown, to paste into a report (báo cáo). */
ps_status ps_report_markdown(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                             ps_buf *out);

/* CSV: one row per indicator (and the total), for a spreadsheet. Vietnamese: ';' between fields and
 * decimal commas; English: ',' and points. A cell starting with = + - or @ is made inert. */
ps_status ps_report_csv(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                        ps_buf *out);

/* SVG: a bar chart of each criterion's baseline, current score and target (and SIPAS and the total). */
ps_status ps_report_svg(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                        ps_buf *out);

/* xlsx: a workbook of the report (with options->check, the check's sheet first): the report's sheets,
 * the office targets, the ranking and what the total needs, and a native chart of the baseline, score and
 * target of each criterion, SIPAS and the total. Numbers stay numbers, met and missed are coloured, pages
 * print on A4 landscape; the same inputs give the same bytes. libxlsxwriter writes it through temporary
 * files in $TMPDIR (else /tmp), removed before the call returns: PS_ERR_IO when they cannot be written,
 * errno then says why (ELIBACC: libxlsxwriter, loaded by name on the first workbook, cannot be loaded). */
ps_status ps_report_xlsx(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                         ps_buf *out);

/* The check as text: one line per selected target, then a summary line. */
ps_status ps_report_check_text(const ps_plan *plan, const ps_check *check, const ps_report_options *options,
                               ps_buf *out);

typedef enum { PS_TREND_TEXT, PS_TREND_JSON, PS_TREND_CSV, PS_TREND_XLSX } ps_trend_format;

/* The trend: each indicator across the quarters with its changes, and the year-end outlook. XLSX: a
 * workbook with a line chart of the total against its target; PS_ERR_IO as for ps_report_xlsx. */
ps_status ps_report_trend(const ps_trend *trend, ps_trend_format format, const ps_report_options *options,
                          ps_buf *out);

typedef enum { PS_TEMPLATE_CSV, PS_TEMPLATE_JSON, PS_TEMPLATE_XLSX } ps_template_format;

/* The quarterly scores file to fill in for the plan: a row per scorable id (rows with nothing under them:
 * sub-criteria leaves, criteria without sub rows, SIPAS, office targets) with its name, max points and
 * offices, and empty points, score, appraised, evidence and note. CSV in Vietnamese as a Vietnamese
 * spreadsheet saves it (';', decimal commas, a BOM, CR LF), plain in English; or the JSON form
 * ({"scores": [...]}, empty values null); or a workbook whose id, name, max points and offices are
 * locked, whose number cells Excel checks (0 to the item's max points, 0 to 100 for a percent, or KAD),
 * with a note on each header cell (PS_ERR_IO as for ps_report_xlsx). Filled in, it is a scores file as it
 * stands. */
ps_status ps_report_template(const ps_plan *plan, ps_template_format format, const ps_report_options *options,
                             ps_buf *out);

typedef enum { PS_UNITS_TEXT, PS_UNITS_JSON, PS_UNITS_CSV, PS_UNITS_XLSX } ps_units_format;

/* The most units a workbook's sheet holds: Excel's 1,048,576 rows less the title, notes and header. */
#define PS_UNITS_XLSX_MAX 1048571

/* Receives the output piece by piece; returns false to stop (a write error). */
typedef bool (*ps_sink)(void *ctx, const char *data, size_t len);

/* Writes the ranked units through sink in pieces, so a million rows never sit in memory at once. Each
 * piece is valid only during the sink's call. PS_ERR_IO: the sink refused a piece (what it took before
 * stays with it); PS_ERR_NOMEM: out of memory, the output is incomplete. XLSX: a workbook written row by
 * row to a temporary file, then handed to the sink; PS_ERR_IO with errno not 0 when the temporary files
 * could not be written or libxlsxwriter loaded (ELIBACC) (errno 0: the sink refused), PS_ERR_INPUT when there are more units than a sheet
 * has rows (PS_UNITS_XLSX_MAX). */
ps_status ps_report_units(const ps_units *units, ps_units_format format, const ps_report_options *options,
                          ps_sink sink, void *sink_ctx);

#ifdef __cplusplus
}
#endif

#endif
