/* Errors and warnings: filling them, their list, and their "FILE:LINE:COLUMN: message" form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/error.h"

/* {0}, {1}, {2} stand for the error's arguments. */
static const char *const messages[PS_MSG_COUNT][2] = {
    [PS_MSG_NONE] = {"không có lỗi", "no error"},
    [PS_MSG_NOMEM] = {"hết bộ nhớ", "out of memory"},
    [PS_MSG_OPEN] = {"không mở được tệp: {0}", "cannot open the file: {0}"},
    [PS_MSG_READ] = {"không đọc được tệp: {0}", "cannot read the file: {0}"},
    [PS_MSG_IS_DIRECTORY] = {"đây là thư mục, không phải tệp", "this is a directory, not a file"},
    [PS_MSG_EMPTY] = {"tệp rỗng: cần một dòng tiêu đề và các dòng dữ liệu",
                      "empty file: expected a header line and data rows"},
    [PS_MSG_HEADER_ONLY] = {"chỉ có dòng tiêu đề, không có dòng dữ liệu nào",
                            "only a header line, no data rows"},
    [PS_MSG_NO_SCORES] = {"không có điểm nào: mỗi dòng để trống cả cột score và points",
                          "no scores at all: every row leaves both score and points empty"},
    [PS_MSG_UTF16] = {"tệp mã hóa UTF-16: hãy lưu lại dưới dạng CSV UTF-8",
                      "the file is UTF-16: save it again as CSV UTF-8"},
    [PS_MSG_INVALID_UTF8] = {"cột '{0}': byte không hợp lệ theo UTF-8 (hãy lưu tệp dưới dạng UTF-8)",
                             "column '{0}': invalid UTF-8 byte (save the file as UTF-8)"},
    [PS_MSG_NUL_BYTE] = {"cột '{0}': có byte NUL trong trường", "column '{0}': NUL byte inside the field"},
    [PS_MSG_UNCLOSED_QUOTE] = {"dấu ngoặc kép mở ở đây không được đóng",
                               "the quote opened here is never closed"},
    [PS_MSG_BAD_QUOTE] = {"dấu ngoặc kép sai chỗ: trong trường có ngoặc kép, hãy viết \"\" cho một dấu \"",
                          "misplaced quote: inside a quoted field, write \"\" for one \""},
    [PS_MSG_FIELD_TOO_LONG] = {"trường dài quá {0} byte", "field longer than {0} bytes"},
    [PS_MSG_TOO_MANY_COLUMNS] = {"dòng có quá {0} cột", "row has more than {0} columns"},
    [PS_MSG_TOO_MANY_ROWS] = {"tệp có quá {0} dòng dữ liệu", "more than {0} data rows"},
    [PS_MSG_LINE_TOO_LONG] = {"dòng tiêu đề dài quá {0} byte", "header line longer than {0} bytes"},
    [PS_MSG_RAGGED_ROW] = {"dòng có {0} trường, dòng tiêu đề có {1}",
                           "row has {0} fields, the header has {1}"},
    [PS_MSG_MISSING_COLUMN] = {"thiếu cột bắt buộc: {0}", "missing required column: {0}"},
    [PS_MSG_DUPLICATE_COLUMN] = {"cột '{0}' xuất hiện hai lần", "column '{0}' appears twice"},
    [PS_MSG_EMPTY_COLUMN_NAME] = {"bỏ qua cột không có tên", "ignoring a column without a name"},
    [PS_MSG_UNKNOWN_COLUMN] = {"bỏ qua cột không dùng đến '{0}'", "ignoring unknown column '{0}'"},
    [PS_MSG_MISSING_VALUE] = {"cột '{0}': không được để trống", "column '{0}': must not be empty"},
    [PS_MSG_NOT_A_NUMBER] = {"cột '{0}': '{1}' không phải là số (cần dạng 53,48 hoặc 53.48)",
                             "column '{0}': '{1}' is not a number (expected e.g. 53.48 or 53,48)"},
    [PS_MSG_NUMBER_TOO_LARGE] = {"cột '{0}': '{1}' quá lớn", "column '{0}': '{1}' is too large"},
    [PS_MSG_PERCENT_RANGE] = {"cột '{0}': '{1}' nằm ngoài khoảng 0–100%",
                              "column '{0}': '{1}' is outside 0–100%"},
    [PS_MSG_NEGATIVE] = {"cột '{0}': '{1}' là số âm (cần từ 0 trở lên)",
                         "column '{0}': '{1}' is negative (expected 0 or more)"},
    [PS_MSG_POINTS_OVER_MAX] = {"cột 'points': '{0}' vượt điểm tối đa {n} của chỉ số {2}",
                                "column 'points': '{0}' is above the max points {n} of indicator {2}"},
    [PS_MSG_POINTS_PERCENT] = {"cột 'points': '{0}' là phần trăm; điểm phần trăm hãy ghi vào cột 'score'",
                               "column 'points': '{0}' is a percent; put percents in the 'score' column"},
    [PS_MSG_POINTS_NO_MAX] = {"cột 'points': chỉ số {0} không có điểm tối đa, hãy dùng cột 'score' (%)",
                              "column 'points': indicator {0} has no max points; use the 'score' column (%)"},
    [PS_MSG_SCORE_AND_POINTS] = {"chỉ số {0} có cả 'score' và 'points': chỉ ghi một trong hai",
                                 "indicator {0} has both 'score' and 'points': give only one"},
    [PS_MSG_UNKNOWN_ID] = {"cột 'id': '{0}' không có trong kế hoạch",
                           "column 'id': '{0}' is not in the plan"},
    [PS_MSG_DUPLICATE_ID] = {"cột 'id': '{0}' lặp lại (đã có ở dòng {1})",
                             "column 'id': '{0}' appears again (first on line {1})"},
    [PS_MSG_TOTAL_IS_COMPUTED] =
        {"cột 'id': tổng được tính từ các lĩnh vực, không đọc từ tệp; hãy bỏ dòng này",
         "column 'id': the total is computed from the criteria, not read; remove this row"},
    [PS_MSG_BAD_ID] = {"cột 'id': '{0}' không hợp lệ (dùng chữ, số, '-' hoặc '_')",
                       "column 'id': '{0}' is not a valid id (use letters, digits, '-' or '_')"},
    [PS_MSG_BAD_KIND] = {"cột 'kind': '{0}' không hợp lệ (cần criterion, sipas, total hoặc kpi)",
                         "column 'kind': '{0}' is not one of criterion, sipas, total, kpi"},
    [PS_MSG_BAD_TARGET] =
        {"cột '{0}': không hiểu mục tiêu '{1}' (cần dạng >50, >=60, Trên 50%, tối thiểu 60%)",
         "column '{0}': cannot read the target '{1}' (expected e.g. >50, >=60, Trên 50%, tối thiểu 60%)"},
    [PS_MSG_BAD_RANK] = {"cột '{0}': '{1}' không phải thứ hạng (cần số nguyên từ 1)",
                         "column '{0}': '{1}' is not a rank (expected a whole number from 1)"},
    [PS_MSG_MAX_POINTS_RANGE] = {"cột 'max_points': '{0}' phải lớn hơn 0 và không quá 1000",
                                 "column 'max_points': '{0}' must be above 0 and at most 1000"},
    [PS_MSG_MAX_POINTS_NEEDED] = {"cột 'max_points': lĩnh vực {0} cần điểm tối đa",
                                  "column 'max_points': criterion {0} needs max points"},
    [PS_MSG_MAX_POINTS_SUM] = {"tổng điểm tối đa của kế hoạch vượt quá {0}",
                               "the plan's max points add up to more than {0}"},
    [PS_MSG_PLAN_TOTAL_ROWS] = {"kế hoạch cần đúng một dòng kind=total, có {0}",
                                "the plan needs exactly one row of kind total, it has {0}"},
    [PS_MSG_PLAN_NO_CRITERIA] = {"kế hoạch không có lĩnh vực nào (kind=criterion)",
                                 "the plan has no criteria (kind criterion)"},
    [PS_MSG_BAD_META] = {"dòng '# {0}:': '{1}' không hợp lệ", "line '# {0}:': '{1}' is not valid"},
    [PS_MSG_INPUT_TOO_LARGE] = {"tệp lớn quá {0} byte", "input larger than {0} bytes"},
    [PS_MSG_BAD_BYTE] = {"byte {0} không hợp lệ (hãy lưu tệp dưới dạng UTF-8)",
                         "invalid {0} byte (save the file as UTF-8)"},
    [PS_MSG_JSON_SYNTAX] = {"JSON không hợp lệ ở đây", "invalid JSON here"},
    [PS_MSG_JSON_TRUNCATED] = {"JSON bị cụt: tệp hết khi giá trị, ']' hoặc '}' chưa đóng",
                               "truncated JSON: the input ends before a value, ']' or '}' is closed"},
    [PS_MSG_JSON_TRAILING] = {"còn nội dung thừa sau giá trị JSON", "unexpected text after the JSON value"},
    [PS_MSG_JSON_DEPTH] = {"JSON lồng nhau quá {0} cấp", "JSON nested deeper than {0} levels"},
    [PS_MSG_JSON_DUPLICATE_KEY] = {"khóa '{0}' lặp lại trong cùng đối tượng (đã có ở dòng {1})",
                                   "key '{0}' appears twice in one object (first on line {1})"},
    [PS_MSG_JSON_TYPE] = {"{0}: cần {1}, gặp {2}", "{0}: expected {1}, found {2}"},
    [PS_MSG_JSON_MISSING_KEY] = {"thiếu khóa '{0}' ở cấp ngoài cùng", "missing top-level key '{0}'"},
    [PS_MSG_CHECK_UNKNOWN_ID] = {"--only: '{0}' không có trong kế hoạch", "--only: '{0}' is not in the plan"},
    [PS_MSG_CHECK_NO_TARGET] = {"--only: '{0}' không có mục tiêu", "--only: '{0}' has no target"},
    [PS_MSG_NO_UNIT] =
        {"kế hoạch không ghi tên đơn vị (# unit: …), nên không tìm được đơn vị trong tệp so sánh",
         "the plan names no unit (# unit: …), so it cannot be found among the peers"},
    [PS_MSG_PEER_DUPLICATE] = {"cột 'unit': '{0}' lặp lại (đã có ở dòng {1})",
                               "column 'unit': '{0}' appears again (first on line {1})"},
    [PS_MSG_PEER_NO_SUBJECT] = {"không có đơn vị '{0}' của kế hoạch trong tệp so sánh",
                                "the plan's unit '{0}' is not among the peers"},
    [PS_MSG_PEER_TOO_FEW] = {"tệp so sánh cần ít nhất một đơn vị khác",
                             "the peers file needs at least one other unit"},
    [PS_MSG_CHECK_NO_PEERS] = {"--only: '{0}' là mục tiêu về hạng, cần --peers",
                               "--only: '{0}' is a rank target and needs --peers"},
    [PS_MSG_TOO_MANY_CRITERIA] = {"kế hoạch có quá {0} lĩnh vực để xếp hạng",
                                  "the plan has more than {0} criteria to rank"},
    [PS_MSG_JSON_CONTROL] = {"ký tự điều khiển (xuống dòng, tab…) trong chuỗi JSON: hãy viết \\n, \\t",
                             "control character (newline, tab…) inside a JSON string: write \\n, \\t"},
    [PS_MSG_JSON_NUL_ESCAPE] = {"\\u0000 (ký tự NUL) không được phép trong chuỗi",
                                "\\u0000 (a NUL character) is not allowed in a string"},
    [PS_MSG_JSON_EMPTY] = {"tệp JSON rỗng: cần một đối tượng {…}",
                           "empty JSON input: expected an object {…}"},
    [PS_MSG_NO_ROWS] = {"{0} rỗng: không có dòng nào", "{0} is empty: nothing to read"},
    [PS_MSG_FILE_CHANGED] =
        {"tệp bị thay đổi trong khi đang đọc ({0} byte lúc mở, đã đọc {1} byte): hãy chạy lại "
         "khi tệp đã ghi xong",
         "the file changed while it was being read ({0} bytes when opened, {1} bytes read): run "
         "again once it is written"},
    [PS_MSG_TOO_MANY_PERIODS] = {"trend nhận nhiều nhất {0} tệp", "trend takes at most {0} files"},
    [PS_MSG_PEER_COUNT] =
        {"tệp so sánh có {0} đơn vị, kế hoạch xếp hạng trong {1}: hạng dự kiến chỉ tính trong {0}",
         "the peers file has {0} units, the plan ranks among {1}: the projected rank is among {0}"},
    [PS_MSG_JSON_SURROGATE] = {"\\u… không hợp lệ: nửa cặp UTF-16 (surrogate) đứng một mình",
                               "invalid \\u… escape: half of a UTF-16 surrogate pair on its own"},
};

static void append(char *buf, size_t size, size_t *len, const char *text, size_t n)
{
    if (*len < size) {
        size_t room = size - 1 - *len;
        memcpy(buf + *len, text, n < room ? n : room);
        buf[*len + (n < room ? n : room)] = '\0';
    }
    *len += n;
}

size_t ps_error_format(const ps_error *err, ps_lang lang, char *buf, size_t size)
{
    size_t len = 0;
    char place[64];
    if (size > 0)
        buf[0] = '\0';
    if (err->file) {
        append(buf, size, &len, err->file, strlen(err->file));
        if (err->line > 0 && err->column > 0)
            snprintf(place, sizeof place, ":%ld:%ld: ", err->line, err->column);
        else if (err->line > 0)
            snprintf(place, sizeof place, ":%ld: ", err->line);
        else
            snprintf(place, sizeof place, ": ");
        append(buf, size, &len, place, strlen(place));
    }
    if (err->warning) {
        const char *word = lang == PS_LANG_EN ? "warning: " : "cảnh báo: ";
        append(buf, size, &len, word, strlen(word));
    }
    int code = err->code >= 0 && err->code < PS_MSG_COUNT ? (int)err->code : PS_MSG_NONE;
    const char *text = messages[code][lang == PS_LANG_EN ? 1 : 0];
    for (const char *p = text; *p; p++) {
        if (p[0] == '{' && p[1] == 'n' && p[2] == '}') {
            char num[40];
            ps_num_format_short(err->number, lang == PS_LANG_EN ? '.' : ',', num, sizeof num);
            append(buf, size, &len, num, strlen(num));
            p += 2;
        } else if (p[0] == '{' && p[1] >= '0' && p[1] <= '2' && p[2] == '}') {
            const char *arg = err->arg[p[1] - '0'];
            append(buf, size, &len, arg, strlen(arg));
            p += 2;
        } else {
            append(buf, size, &len, p, 1);
        }
    }
    return len;
}

/* Copies a value into a message argument: escapes control bytes and invalid UTF-8, shortens long text. */
static void copy_arg(char *dst, size_t size, const char *src)
{
    size_t out = 0, i = 0, len = strlen(src);
    const size_t room = size - 8; /* keeps space for an escape and the ellipsis */
    while (i < len && out < room) {
        unsigned char c = (unsigned char)src[i];
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            c < 0x80 ? 1
                     : utf8proc_iterate((const utf8proc_uint8_t *)src + i, (utf8proc_ssize_t)(len - i), &cp);
        if (c >= 0x80 && n > 0) {
            if (out + (size_t)n > room)
                break;
            memcpy(dst + out, src + i, (size_t)n);
            out += (size_t)n;
            i += (size_t)n;
        } else if (c < 0x20 || c == 0x7F || c >= 0x80) {
            static const char hex[] = "0123456789abcdef";
            dst[out++] = '\\';
            dst[out++] = 'x';
            dst[out++] = hex[c >> 4];
            dst[out++] = hex[c & 15];
            i++;
        } else {
            dst[out++] = (char)c;
            i++;
        }
    }
    if (i < len) {
        memcpy(dst + out, "\xe2\x80\xa6", 3); /* … */
        out += 3;
    }
    dst[out] = '\0';
}

void ps_error_set(ps_error *err, ps_msg code, const char *file, long line, long column, const char *arg0,
                  const char *arg1, const char *arg2)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    err->file = file;
    err->line = line;
    err->column = column;
    const char *args[3] = {arg0, arg1, arg2};
    for (int k = 0; k < 3; k++)
        if (args[k])
            copy_arg(err->arg[k], sizeof err->arg[k], args[k]);
}

bool ps_warnings_add(ps_warnings *warnings, const ps_error *warning)
{
    ps_error *items = realloc(warnings->items, (warnings->count + 1) * sizeof *items);
    if (!items)
        return false;
    items[warnings->count++] = *warning;
    warnings->items = items;
    return true;
}

void ps_warnings_free(ps_warnings *warnings)
{
    free(warnings->items);
    warnings->items = NULL;
    warnings->count = 0;
}
