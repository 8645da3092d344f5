/* The check as text: a line per selected target (met, missed or no score, with the gap) and a verdict. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/report.h"
#include "report/text_table.h"

typedef enum {
    C_RESULT,
    C_ID,
    C_SCORE,
    C_TARGET,
    C_GAP,
    C_MET,
    C_MISSED,
    C_NO_SCORE,
    C_PARTIAL,
    C_PASS,
    C_FAIL,
    C_COUNT
} check_label;

static const char *const labels[C_COUNT][2] = {
    [C_RESULT] = {"Kết quả", "Result"},
    [C_ID] = {"Mã", "Id"},
    [C_SCORE] = {"Điểm", "Score"},
    [C_TARGET] = {"Mục tiêu", "Target"},
    [C_GAP] = {"Chênh lệch", "Gap"},
    [C_MET] = {"Đạt", "met"},
    [C_MISSED] = {"Chưa đạt", "missed"},
    [C_NO_SCORE] = {"Chưa có điểm", "no score"},
    [C_PARTIAL] = {"Tổng tạm tính", "partial total"},
    [C_PASS] = {"Đạt cả %zu/%zu mục tiêu được kiểm tra.", "All %zu/%zu checked targets met."},
    [C_FAIL] = {"Đạt %zu/%zu mục tiêu được kiểm tra; chưa đạt: %s.",
                "%zu/%zu checked targets met; missed: %s."},
};

/* A rank target: "rank" (the total) or "rank:ID", the projected rank, "≤ N", and the points still short. */
static void rank_cells(ps_text_row *row, const ps_line *l, char mark)
{
    char buf[96];
    if (l->indicator->kind == PS_KIND_TOTAL)
        snprintf(buf, sizeof buf, "rank");
    else
        snprintf(buf, sizeof buf, "rank:%s", l->indicator->id);
    row->cells[1] = ps_text_dup(buf);
    if (l->has_rank)
        snprintf(buf, sizeof buf, "%d/%d", l->rank, l->rank_of);
    row->cells[2] = ps_text_dup(l->has_rank ? buf : PS_TEXT_DASH);
    snprintf(buf, sizeof buf, "\xe2\x89\xa4 %d", l->indicator->target_rank);
    row->cells[3] = ps_text_dup(buf);
    row->cells[4] = ps_text_number_cell(l->has_points_to_target_rank, -l->points_to_target_rank, mark, true);
}

ps_status ps_report_check_text(const ps_plan *plan, const ps_check *check, const ps_report_options *options,
                               ps_buf *out)
{
    (void)plan;
    int lang = options->lang == PS_LANG_EN ? 1 : 0;
    char mark = lang ? '.' : ',';
    ps_text_column cols[] = {{labels[C_RESULT][lang], false, 0},
                             {labels[C_ID][lang], false, 0},
                             {labels[C_SCORE][lang], true, 0},
                             {labels[C_TARGET][lang], true, 0},
                             {labels[C_GAP][lang], true, 0}};
    size_t ncols = sizeof cols / sizeof cols[0];
    ps_text_row *rows = calloc(check->count ? check->count : 1, sizeof *rows);
    if (!rows)
        return PS_ERR_NOMEM;
    ps_buf missed;
    ps_buf_init(&missed);
    bool ok = true;
    for (size_t k = 0; k < check->count; k++) {
        const ps_line *l = check->items[k].line;
        bool known = check->items[k].rank ? l->has_rank : l->has_score && !l->partial;
        check_label word = check->items[k].passed ? C_MET
                           : known                ? C_MISSED
                           : l->partial           ? C_PARTIAL
                                                  : C_NO_SCORE;
        rows[k].cells[0] = ps_text_dup(labels[word][lang]);
        rows[k].tone[0] = check->items[k].passed ? 1 : -1;
        if (check->items[k].rank)
            rank_cells(&rows[k], l, mark);
        else {
            rows[k].cells[1] = ps_text_dup(l->indicator->id);
            rows[k].cells[2] = ps_text_number_cell(l->has_score, l->score, mark, false);
            rows[k].cells[3] = ps_text_target_cell(l->indicator, mark);
            rows[k].cells[4] = ps_text_number_cell(l->has_gap, l->gap, mark, true);
        }
        for (size_t c = 0; c < ncols; c++)
            ok = ok && rows[k].cells[c];
        if (!check->items[k].passed)
            ps_buf_printf(&missed, "%s%s", missed.len ? ", " : "", rows[k].cells[1] ? rows[k].cells[1] : "");
    }
    if (ok && check->count > 0)
        ps_text_table_render(out, cols, ncols, rows, check->count, options->color);
    if (ok && check->passed == check->count)
        ps_buf_printf(out, labels[C_PASS][lang], check->passed, check->count);
    else if (ok)
        ps_buf_printf(out, labels[C_FAIL][lang], check->passed, check->count, missed.data ? missed.data : "");
    ps_buf_puts(out, "\n");
    ps_text_table_free_rows(rows, check->count);
    bool failed = missed.failed;
    ps_buf_free(&missed);
    return ok && !failed && !out->failed ? PS_OK : PS_ERR_NOMEM;
}
