/* The content of each report, built once into a doc: the report, the check and the trend. Not public. */
#ifndef PARSCORE_REPORT_CONTENT_H
#define PARSCORE_REPORT_CONTENT_H

#include "parscore/report.h"
#include "report/doc.h"

/* The report: title and sources, the indicators (or the indicators by office), the office targets, the
 * projected ranks, what the total still needs, the summary, the plan's coherence, the illustrative note;
 * and doc->data, one row per indicator with stable column keys. PS_ERR_NOMEM leaves an incomplete doc. */
ps_status ps_content_report(ps_doc *doc, const ps_plan *plan, const ps_result *result,
                            const ps_report_options *options);

/* The check: one row per checked target and the verdict. */
ps_status ps_content_check(ps_doc *doc, const ps_check *check);

/* The trend: each indicator across the quarters with its changes, the outlook and its note; and
 * doc->data, one row per indicator with a column per quarter. */
ps_status ps_content_trend(ps_doc *doc, const ps_trend *trend);

/* The template of a scores file: doc->data, one row per scorable id, the value columns empty. */
ps_status ps_content_template(ps_doc *doc, const ps_plan *plan);

/* Parts that other layouts (the chart) show too: the report's title, its sources, and the list of
 * illustrative max points ("1: 10; 2: 8; …"). */
ps_cell ps_content_title(ps_doc *doc, const ps_plan *plan, const ps_result *result);
ps_cell ps_content_max_points(ps_doc *doc, const ps_plan *plan);

/* Whether a chart draws the line: the criteria, SIPAS and the total; not office targets nor sub-criteria. */
bool ps_content_charted(const ps_line *line);

/* The note that the plan's max points are illustrative (nothing when they are official), as a section of
 * its own that a workbook repeats under every sheet. */
void ps_content_illustrative(ps_doc *doc, const ps_plan *plan);

#endif
