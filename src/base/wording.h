/* The one wording table: every message and label the library and the CLI show, in Vietnamese and English. */
#ifndef PARSCORE_BASE_WORDING_H
#define PARSCORE_BASE_WORDING_H

#include "parscore/base.h"

/* Labels follow the messages of ps_msg (base.h) in the same table, so one index reaches any text. */
typedef enum {
    PS_L_FIRST = PS_MSG_COUNT,
    /* the report */
    PS_L_TITLE_PLAN = PS_L_FIRST,
    PS_L_TITLE_SCORES,
    PS_L_PERIOD,
    PS_L_SOURCE_PLAN,
    PS_L_SOURCE_SCORES,
    PS_L_ID,
    PS_L_NAME,
    PS_L_RANK,
    PS_L_TARGET,
    PS_L_TARGET_RANK,
    PS_L_NEED,
    PS_L_CHANGE,
    PS_L_GAP,
    PS_L_RESULT,
    PS_L_MET,
    PS_L_MISSED,
    PS_L_OWNERS,
    PS_L_KPI_TITLE,
    PS_L_PARTIAL,
    PS_L_NO_CRITERIA,
    PS_L_SUMMARY,
    PS_L_SUMMARY_UNKNOWN,
    PS_L_SUMMARY_PLAN,
    PS_L_SUMMARY_PLAN_UNKNOWN,
    PS_L_ILLUSTRATIVE,
    PS_L_NEED_NOTE,
    PS_L_RANK_TITLE,
    PS_L_ASSUME,
    PS_L_ASSUME_SHIFT,
    PS_L_RANK_BASE,
    PS_L_RANK_NOW,
    PS_L_STILL_NEEDED,
    PS_L_TAKES_TITLE,
    PS_L_RANK_HELD,
    PS_L_RANK_NEED,
    PS_L_TARGET_MET,
    PS_L_TARGET_NEED,
    PS_L_LEVER_TITLE,
    PS_L_MAX,
    PS_L_HEADROOM,
    PS_L_FOR_RANK,
    PS_L_FOR_TARGET,
    PS_L_NOT_ALONE,
    PS_L_COHERENT,
    PS_L_INCOHERENT,
    PS_L_OWNER_SUMMARY,
    PS_L_NO_OWNER,
    PS_L_BASELINE_WORD,
    PS_L_YEAR_WORD,
    PS_L_NOT_ALONE_CELL,
    PS_L_NEED_MORE_THAN,
    PS_L_LABEL_VALUE,
    PS_L_WARNING,
    /* the check */
    PS_L_CHECK_SCORE,
    PS_L_CHECK_NO_SCORE,
    PS_L_CHECK_PARTIAL,
    PS_L_CHECK_PASS,
    PS_L_CHECK_FAIL,
    /* the trend */
    PS_L_TREND_TITLE,
    PS_L_TREND_OUTLOOK,
    PS_L_TREND_OUTLOOK_RESULT,
    PS_L_TREND_RANK,
    PS_L_TREND_NOTE,
    PS_L_TREND_NO_PERIOD,
    PS_L_TREND_TOO_FEW,
    PS_L_TREND_VALUE_CHANGE,
    /* parscore rank */
    PS_L_UNITS_TITLE,
    PS_L_UNITS_UNIT,
    PS_L_UNITS_TOTAL,
    PS_L_UNITS_TOTAL_TARGET,
    PS_L_UNITS_MISSED,
    PS_L_UNITS_MISSING,
    PS_L_UNITS_PARTIAL,
    PS_L_UNITS_ILLUSTRATIVE,
    /* the chart */
    PS_L_SVG_LEGEND_BASELINE,
    PS_L_SVG_LEGEND_MET,
    PS_L_SVG_LEGEND_MISSED,
    PS_L_SVG_LEGEND_UNKNOWN,
    PS_L_SVG_LEGEND_TARGET,
    PS_L_SVG_LEGEND_DASH,
    PS_L_SVG_PARTIAL,
    PS_L_SVG_ILLUSTRATIVE,
    /* the workbook */
    PS_L_XLSX_SHEET_REPORT,
    PS_L_XLSX_SHEET_KPI,
    PS_L_XLSX_SHEET_RANKING,
    PS_L_XLSX_SHEET_CHART,
    PS_L_XLSX_SHEET_CHECK,
    PS_L_XLSX_SHEET_TREND,
    PS_L_XLSX_SHEET_UNITS,
    PS_L_XLSX_TARGET_VALUE,
    PS_L_XLSX_PERIOD,
    PS_L_XLSX_PARTIAL,
    PS_L_XLSX_AXIS_PERCENT,
    PS_L_XLSX_CHART_SCORE,
    PS_L_XLSX_TREND_CHART_TITLE,
    PS_L_XLSX_SUBJECT,
    PS_L_XLSX_PAGE,
    PS_L_XLSX_TERMINAL,
    PS_L_XLSX_TEMP_FAILED,
    PS_L_XLSX_TOO_MANY_UNITS,
    /* the command line */
    PS_L_CLI_HELP,
    PS_L_CLI_TRY_HELP,
    PS_L_CLI_VERSION_PLAN,
    PS_L_CLI_ILLUSTRATIVE,
    PS_L_CLI_OFFICIAL,
    PS_L_CLI_CANNOT_WRITE,
    PS_L_CLI_THE_OUTPUT,
    PS_L_CLI_ONLY_TOO_LONG,
    PS_L_CLI_ONLY_LIST,
    PS_L_CLI_ONLY_UNKNOWN_ID,
    PS_L_CLI_ONLY_NO_TARGET,
    PS_L_CLI_ONLY_NO_PEERS,
    PS_L_CLI_LANG,
    PS_L_CLI_FORMAT,
    PS_L_CLI_PEER_CHANGE,
    PS_L_CLI_COLOR,
    PS_L_CLI_BY,
    PS_L_CLI_NEEDS_VALUE,
    PS_L_CLI_UNKNOWN_OPTION,
    PS_L_CLI_TREND_TOO_MANY,
    PS_L_CLI_EXTRA_ARGUMENT,
    PS_L_CLI_TREND_NO_FILES,
    PS_L_CLI_RANK_NO_FILE,
    PS_L_CLI_NOT_WITH_RANK,
    PS_L_CLI_PEERS_NO_SCORES,
    PS_L_CLI_ONLY_CHECK,
    PS_L_CLI_PEER_CHANGE_PEERS,
    PS_L_CLI_CHECK_FORMAT,
    PS_L_CLI_TABLE_FORMAT,
    PS_L_CLI_BOM_CSV,
    PS_L_CLI_BY_TREND,
    PS_L_CLI_CHECK_NO_FILE,
    PS_WORDING_COUNT
} ps_label;

/* A message's or a label's text in the language; never NULL. {0}..{9} stand for its arguments: each
 * language places them where its grammar wants them, as often as it needs. */
const char *ps_wording(unsigned id, ps_lang lang);
const char *ps_label_text(ps_label label, ps_lang lang);

/* The next part of a text with placeholders: returns the bytes it takes and sets *arg to the argument's
 * index for a placeholder, -1 for literal text (all of those bytes). 0 at the end of the text. */
size_t ps_wording_part(const char *text, int *arg);

/* The text with its placeholders replaced by args (a missing one by nothing): appended to out, or
 * written into buf like snprintf (the return value is the length it needed). */
void ps_wording_fill(ps_buf *out, const char *text, const char *const *args, size_t count);
size_t ps_wording_fill_chars(char *buf, size_t size, const char *text, const char *const *args, size_t count);

#endif
