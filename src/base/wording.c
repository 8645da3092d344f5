/* The report wording in Vietnamese and English, shared by the text and Markdown reporters. */
#include "base/wording.h"

static const char *const labels[PS_L_COUNT][2] = {
    [PS_L_TITLE_PLAN] = {"%s: kết quả năm %s so với mục tiêu năm %s",
                         "%s: %s results against the %s targets"},
    [PS_L_TITLE_SCORES] = {"%s: chỉ số năm %s", "%s: %s scores"},
    [PS_L_PERIOD] = {", kỳ %s", ", period %s"},
    [PS_L_SOURCE_PLAN] = {"Kế hoạch: %s", "Plan: %s"},
    [PS_L_SOURCE_SCORES] = {"Điểm: %s", "Scores: %s"},
    [PS_L_ID] = {"Mã", "Id"},
    [PS_L_NAME] = {"Chỉ số", "Indicator"},
    [PS_L_RANK] = {"Hạng", "Rank"},
    [PS_L_TARGET] = {"Mục tiêu", "Target"},
    [PS_L_TARGET_RANK] = {"Hạng MT", "Target rank"},
    [PS_L_NEED] = {"Cần tăng", "Gain needed"},
    [PS_L_CHANGE] = {"Thay đổi", "Change"},
    [PS_L_GAP] = {"Chênh lệch", "Gap"},
    [PS_L_RESULT] = {"Kết quả", "Result"},
    [PS_L_MET] = {"Đạt", "met"},
    [PS_L_MISSED] = {"Chưa đạt", "missed"},
    [PS_L_OWNERS] = {"Đơn vị", "Offices"},
    [PS_L_KPI_TITLE] = {"Chỉ tiêu của các cơ quan, đơn vị (mục III)", "Office targets (section III)"},
    [PS_L_PARTIAL] = {"Tạm tính: thiếu điểm lĩnh vực %s", "Partial: criteria without a score: %s"},
    [PS_L_NO_CRITERIA] = {"Chưa tính được: không có điểm lĩnh vực nào",
                          "Not computed: no criterion has a score"},
    [PS_L_SUMMARY] = {"Đạt %zu/%zu mục tiêu.", "%zu/%zu targets met."},
    [PS_L_SUMMARY_UNKNOWN] =
        {"Đạt %zu/%zu mục tiêu; %zu mục tiêu chưa đánh giá được (chưa có điểm, hoặc tổng tạm tính).",
         "%zu/%zu targets met; %zu not judged yet (no score, or a partial total)."},
    [PS_L_SUMMARY_PLAN] = {"Kết quả năm %s đã đạt %zu/%zu mục tiêu năm %s.",
                           "The %s results meet %zu/%zu of the %s targets."},
    [PS_L_SUMMARY_PLAN_UNKNOWN] =
        {"Kết quả năm %s đã đạt %zu/%zu mục tiêu năm %s; %zu mục tiêu chưa có số liệu năm %s.",
         "The %s results meet %zu/%zu of the %s targets; %zu without a %s value."},
    [PS_L_ILLUSTRATIVE] =
        {"Lưu ý: điểm tối đa của các lĩnh vực dùng để tính tổng (%s) là số minh họa, chưa phải bảng "
         "chính thức (Quyết định 701/QĐ-UBND); khi có bảng chính thức, hãy thay cột max_points "
         "trong tệp kế hoạch (--plan).",
         "Note: the max points used for the total (%s) are illustrative, not the official table "
         "(Quyết định 701/QĐ-UBND); when the official table is available, replace the max_points "
         "column of the plan file (--plan)."},
    [PS_L_NEED_NOTE] = {"\"> x\": cần tăng hơn x điểm phần trăm; \"x\": cần tăng ít nhất x.",
                        "\"> x\": needs a gain of more than x percentage points; \"x\": at least x."},
    [PS_L_RANK_TITLE] = {"Xếp hạng dự kiến trong %d đơn vị (so với %s)",
                         "Projected rank among %d units (against %s)"},
    [PS_L_ASSUME] =
        {"Giả định: các đơn vị khác giữ kết quả công bố gần nhất; so ở 2 chữ số thập phân, bằng điểm thì "
         "đồng hạng (1, 2, 2, 4). Cần thêm: điểm để vượt hẳn đơn vị đang giữ hạng mục tiêu.",
         "Assumption: the other units keep their last published results; compared at 2 decimals, equal "
         "values share a rank (1, 2, 2, 4). Still needed: the points to pass the unit now at the target rank "
         "outright."},
    [PS_L_ASSUME_SHIFT] =
        {"Giả định: các đơn vị khác giữ kết quả công bố gần nhất, cộng %s điểm (--peer-change); so ở "
         "2 chữ số thập phân, bằng điểm thì đồng hạng (1, 2, 2, 4). Cần thêm: điểm để vượt hẳn đơn vị đang "
         "giữ hạng mục tiêu.",
         "Assumption: the other units keep their last published results, shifted by %s points "
         "(--peer-change); compared at 2 decimals, equal values share a rank (1, 2, 2, 4). Still needed: the "
         "points to pass the unit now at the target rank outright."},
    [PS_L_RANK_BASE] = {"Hạng %s", "Rank %s"},
    [PS_L_RANK_NOW] = {"Dự kiến", "Projected"},
    [PS_L_STILL_NEEDED] = {"Cần thêm", "Still needed"},
    [PS_L_TAKES_TITLE] = {"Cần thêm bao nhiêu cho tổng", "What the total still needs"},
    [PS_L_RANK_HELD] = {"Hạng mục tiêu %d: đã giữ được.", "Target rank %d: held."},
    [PS_L_RANK_NEED] =
        {"Hạng mục tiêu %d: tổng cần thêm %s điểm, để vượt hẳn %s (đang ở hạng %d với %s); bằng điểm "
         "thì đồng hạng.",
         "Target rank %d: the total needs %s more points to pass %s outright (now at rank %d with %s); "
         "an equal total would share the rank."},
    [PS_L_TARGET_MET] = {"Mục tiêu tổng %s: đã đạt.", "Total target %s: met."},
    [PS_L_TARGET_NEED] = {"Mục tiêu tổng %s: cần thêm %s điểm.", "Total target %s: %s more points needed."},
    [PS_L_LEVER_TITLE] =
        {"Nếu chỉ một lĩnh vực tăng, mỗi lĩnh vực cần thêm (lĩnh vực có điểm tối đa lớn nhất trước):",
         "If one criterion alone made up the difference, it would need (heaviest criterion first):"},
    [PS_L_MAX] = {"Điểm tối đa", "Max points"},
    [PS_L_HEADROOM] = {"Còn có thể tăng", "Headroom"},
    [PS_L_FOR_RANK] = {"Cho hạng", "For the rank"},
    [PS_L_FOR_TARGET] = {"Cho mục tiêu tổng", "For the total target"},
    [PS_L_NOT_ALONE] = {"không đủ", "cannot alone"},
    [PS_L_COHERENT] =
        {"Nếu mọi lĩnh vực vừa đúng mục tiêu, tổng là %s so với mục tiêu tổng %s: các mục tiêu của kế "
         "hoạch khớp nhau.",
         "If every criterion lands exactly on its target, the total is %s against the total target %s: "
         "the plan's targets agree."},
    [PS_L_INCOHERENT] =
        {"Nếu mọi lĩnh vực vừa đúng mục tiêu, tổng là %s so với mục tiêu tổng %s: đạt các mục tiêu lĩnh "
         "vực vẫn chưa đủ cho mục tiêu tổng.",
         "If every criterion lands exactly on its target, the total is %s against the total target "
         "%s: meeting the criterion targets is not enough for the total target."},
    [PS_L_OWNER_SUMMARY] = {"Đạt %zu/%zu mục tiêu", "%zu/%zu targets met"},
    [PS_L_NO_OWNER] = {"(Không giao cho cơ quan nào)", "(No office named)"},
    [PS_L_BASELINE_WORD] = {"Gốc", "Baseline"},
    [PS_L_YEAR_WORD] = {"Điểm", "Score"},
};

const char *ps_label_text(ps_label label, ps_lang lang)
{
    return labels[label][lang == PS_LANG_EN ? 1 : 0];
}
