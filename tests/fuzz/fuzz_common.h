/* Shared by the fuzz targets: the built-in plan, loaded once, and a run of the whole pipeline. */
#ifndef PARSCORE_FUZZ_COMMON_H
#define PARSCORE_FUZZ_COMMON_H

#include <stdlib.h>

#include "parscore/parscore.h"

static inline const ps_plan *fuzz_plan(void)
{
    static ps_plan plan;
    static int loaded;
    if (!loaded) {
        ps_error err;
        if (ps_plan_load_builtin(&plan, &err) != PS_OK)
            abort();
        loaded = 1;
    }
    return &plan;
}

/* Scores, ranks, checks and renders every format, so the reporters see what the loaders let through. */
static inline void fuzz_pipeline(const ps_plan *plan, const ps_scores *scores, const ps_peers *peers)
{
    ps_result result;
    if (ps_score(plan, scores, &result) != PS_OK)
        return;
    if (ps_rank_apply(&result, plan, peers, 0) == PS_OK) {
        ps_check check;
        ps_error err;
        int have_check = ps_check_targets(&result, NULL, 0, &check, &err) == PS_OK;
        for (int lang = 0; lang < 2; lang++) {
            ps_report_options opt = {.lang = (ps_lang)lang,
                                     .scores_source = "fuzz",
                                     .check = have_check ? &check : NULL,
                                     .by_owner = lang == 1};
            ps_buf out;
            ps_buf_init(&out);
            ps_report_text(plan, &result, &opt, &out);
            ps_report_json(plan, &result, &opt, &out);
            if (have_check)
                ps_report_check_text(plan, &check, &opt, &out);
            ps_buf_free(&out);
        }
        if (have_check)
            ps_check_free(&check);
    }
    ps_result_free(&result);
}

#endif
