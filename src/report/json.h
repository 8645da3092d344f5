/* The JSON writers that the public reporters call. Not public. */
#ifndef PARSCORE_REPORT_JSON_H
#define PARSCORE_REPORT_JSON_H

#include "parscore/report.h"
#include "report/doc.h"

/* The trend as one JSON document: the periods, and per indicator its values, changes and outlook. */
ps_status ps_report_trend_json(const ps_trend *trend, const ps_report_options *options, ps_buf *out);

/* A doc's data table as JSON: {"key": [{column: value, ...}, ...]}; numbers as numbers, unknown and empty
 * cells null. */
ps_status ps_render_json_rows(const ps_doc *doc, const char *key, ps_buf *out);

#endif
