/* The JSON writers that the public reporters call. Not public. */
#ifndef PARSCORE_REPORT_JSON_H
#define PARSCORE_REPORT_JSON_H

#include "parscore/report.h"

/* The trend as one JSON document: the periods, and per indicator its values, changes and outlook. */
ps_status ps_report_trend_json(const ps_trend *trend, const ps_report_options *options, ps_buf *out);

#endif
