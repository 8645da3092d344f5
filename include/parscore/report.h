/* parscore reporters: the result rendered into a memory buffer, written out only when complete. */
#ifndef PARSCORE_REPORT_H
#define PARSCORE_REPORT_H

#include "parscore/score.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A growing byte buffer; a failed allocation sets failed and later appends do nothing. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} ps_buf;

void ps_buf_init(ps_buf *buf);
void ps_buf_free(ps_buf *buf);
void ps_buf_append(ps_buf *buf, const char *text, size_t len);
void ps_buf_puts(ps_buf *buf, const char *text);
void ps_buf_printf(ps_buf *buf, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

typedef struct {
    ps_lang lang;
    int width;                 /* display columns for indicator names; 0: the default */
    const char *scores_source; /* named in the report's heading; NULL: not named */
    const ps_check *check;     /* the JSON report carries it when set */
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

/* The check as text: one line per selected target, then a summary line. */
ps_status ps_report_check_text(const ps_plan *plan, const ps_check *check, const ps_report_options *options,
                               ps_buf *out);

/* Display width of UTF-8 text in terminal columns (Vietnamese diacritics take none of their own). */
size_t ps_text_width(const char *text, size_t len);

#ifdef __cplusplus
}
#endif

#endif
