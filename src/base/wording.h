/* The wording of the text-like reports (text, Markdown, SVG titles): one table, two languages. */
#ifndef PARSCORE_LABELS_H
#define PARSCORE_LABELS_H

#include "parscore/base.h"

typedef enum {
    PS_L_TITLE_PLAN,
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
    PS_L_COUNT,
} ps_label;

/* The label in the language; printf formats where the label takes values. */
const char *ps_label_text(ps_label label, ps_lang lang);

#endif
