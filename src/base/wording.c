/* The one wording table (messages, then labels) in Vietnamese and English, and its placeholders. */
#include <string.h>

#include "base/wording.h"

typedef struct {
    const char *vi;
    const char *en;
} wording;

static const wording table[PS_WORDING_COUNT] = {
    [PS_MSG_NONE] = {.vi = "không có lỗi", .en = "no error"},
    [PS_MSG_NOMEM] = {.vi = "hết bộ nhớ", .en = "out of memory"},
    [PS_MSG_OPEN] = {.vi = "không mở được tệp: {0}", .en = "cannot open the file: {0}"},
    [PS_MSG_READ] = {.vi = "không đọc được tệp: {0}", .en = "cannot read the file: {0}"},
    [PS_MSG_IS_DIRECTORY] = {.vi = "đây là thư mục, không phải tệp", .en = "this is a directory, not a file"},
    [PS_MSG_EMPTY] = {.vi = "tệp rỗng: cần một dòng tiêu đề và các dòng dữ liệu",
                      .en = "empty file: expected a header line and data rows"},
    [PS_MSG_HEADER_ONLY] = {.vi = "chỉ có dòng tiêu đề, không có dòng dữ liệu nào",
                            .en = "only a header line, no data rows"},
    [PS_MSG_NO_SCORES] = {.vi = "không có điểm nào: mỗi dòng để trống cả cột score và points",
                          .en = "no scores at all: every row leaves both score and points empty"},
    [PS_MSG_UTF16] = {.vi = "tệp mã hóa UTF-16: hãy lưu lại dưới dạng CSV UTF-8",
                      .en = "the file is UTF-16: save it again as CSV UTF-8"},
    [PS_MSG_INVALID_UTF8] = {.vi = "cột '{0}': byte không hợp lệ theo UTF-8 (hãy lưu tệp dưới dạng UTF-8)",
                             .en = "column '{0}': invalid UTF-8 byte (save the file as UTF-8)"},
    [PS_MSG_NUL_BYTE] = {.vi = "cột '{0}': có byte NUL trong trường",
                         .en = "column '{0}': NUL byte inside the field"},
    [PS_MSG_UNCLOSED_QUOTE] = {.vi = "dấu ngoặc kép mở ở đây không được đóng",
                               .en = "the quote opened here is never closed"},
    [PS_MSG_BAD_QUOTE] =
        {.vi = "dấu ngoặc kép sai chỗ: trong trường có ngoặc kép, hãy viết \"\" cho một dấu \"",
         .en = "misplaced quote: inside a quoted field, write \"\" for one \""},
    [PS_MSG_FIELD_TOO_LONG] = {.vi = "trường dài quá {0} byte", .en = "field longer than {0} bytes"},
    [PS_MSG_TOO_MANY_COLUMNS] = {.vi = "dòng có quá {0} cột", .en = "row has more than {0} columns"},
    [PS_MSG_TOO_MANY_ROWS] = {.vi = "tệp có quá {0} dòng dữ liệu", .en = "more than {0} data rows"},
    [PS_MSG_LINE_TOO_LONG] = {.vi = "dòng tiêu đề dài quá {0} byte",
                              .en = "header line longer than {0} bytes"},
    [PS_MSG_RAGGED_ROW] = {.vi = "dòng có {0} trường, dòng tiêu đề có {1}",
                           .en = "row has {0} fields, the header has {1}"},
    [PS_MSG_MISSING_COLUMN] = {.vi = "thiếu cột bắt buộc: {0}", .en = "missing required column: {0}"},
    [PS_MSG_DUPLICATE_COLUMN] = {.vi = "cột '{0}' xuất hiện hai lần", .en = "column '{0}' appears twice"},
    [PS_MSG_EMPTY_COLUMN_NAME] = {.vi = "bỏ qua cột không có tên", .en = "ignoring a column without a name"},
    [PS_MSG_UNKNOWN_COLUMN] = {.vi = "bỏ qua cột không dùng đến '{0}'",
                               .en = "ignoring unknown column '{0}'"},
    [PS_MSG_MISSING_VALUE] = {.vi = "cột '{0}': không được để trống",
                              .en = "column '{0}': must not be empty"},
    [PS_MSG_NOT_A_NUMBER] = {.vi = "cột '{0}': '{1}' không phải là số (cần dạng 53,48 hoặc 53.48)",
                             .en = "column '{0}': '{1}' is not a number (expected e.g. 53.48 or 53,48)"},
    [PS_MSG_NUMBER_TOO_LARGE] = {.vi = "cột '{0}': '{1}' quá lớn", .en = "column '{0}': '{1}' is too large"},
    [PS_MSG_PERCENT_RANGE] = {.vi = "cột '{0}': '{1}' nằm ngoài khoảng 0–100%",
                              .en = "column '{0}': '{1}' is outside 0–100%"},
    [PS_MSG_NEGATIVE] = {.vi = "cột '{0}': '{1}' là số âm (cần từ 0 trở lên)",
                         .en = "column '{0}': '{1}' is negative (expected 0 or more)"},
    [PS_MSG_POINTS_OVER_MAX] = {.vi = "cột '{1}': '{0}' vượt điểm tối đa {3} của chỉ số {2}",
                                .en = "column '{1}': '{0}' is above the max points {3} of indicator {2}"},
    [PS_MSG_POINTS_PERCENT] = {.vi = "cột '{1}': '{0}' là phần trăm; điểm phần trăm hãy ghi vào cột 'score'",
                               .en = "column '{1}': '{0}' is a percent; put percents in the 'score' column"},
    [PS_MSG_POINTS_NO_MAX] =
        {.vi = "cột 'points': chỉ số {0} không có điểm tối đa, hãy dùng cột 'score' (%)",
         .en = "column 'points': indicator {0} has no max points; use the 'score' column (%)"},
    [PS_MSG_SCORE_AND_POINTS] = {.vi = "chỉ số {0} có cả 'score' và 'points': chỉ ghi một trong hai",
                                 .en = "indicator {0} has both 'score' and 'points': give only one"},
    [PS_MSG_UNKNOWN_ID] = {.vi = "cột 'id': '{0}' không có trong kế hoạch",
                           .en = "column 'id': '{0}' is not in the plan"},
    [PS_MSG_DUPLICATE_ID] = {.vi = "cột 'id': '{0}' lặp lại (đã có ở dòng {1})",
                             .en = "column 'id': '{0}' appears again (first on line {1})"},
    [PS_MSG_TOTAL_IS_COMPUTED] =
        {.vi = "cột 'id': tổng được tính từ các lĩnh vực, không đọc từ tệp; hãy bỏ dòng này",
         .en = "column 'id': the total is computed from the criteria, not read; remove this row"},
    [PS_MSG_BAD_ID] = {.vi = "cột 'id': '{0}' không hợp lệ (dùng chữ, số, '.', '-' hoặc '_')",
                       .en = "column 'id': '{0}' is not a valid id (use letters, digits, '.', '-' or '_')"},
    [PS_MSG_BAD_KIND] = {.vi = "cột 'kind': '{0}' không hợp lệ (cần criterion, sipas, total, kpi hoặc sub)",
                         .en = "column 'kind': '{0}' is not one of criterion, sipas, total, kpi, sub"},
    [PS_MSG_BAD_TARGET] =
        {.vi = "cột '{0}': không hiểu mục tiêu '{1}' (cần dạng >50, >=60, Trên 50%, tối thiểu 60%)",
         .en =
             "column '{0}': cannot read the target '{1}' (expected e.g. >50, >=60, Trên 50%, tối thiểu 60%)"},
    [PS_MSG_BAD_RANK] = {.vi = "cột '{0}': '{1}' không phải thứ hạng (cần số nguyên từ 1)",
                         .en = "column '{0}': '{1}' is not a rank (expected a whole number from 1)"},
    [PS_MSG_MAX_POINTS_RANGE] = {.vi = "cột 'max_points': '{0}' phải lớn hơn 0 và không quá 1000",
                                 .en = "column 'max_points': '{0}' must be above 0 and at most 1000"},
    [PS_MSG_MAX_POINTS_NEEDED] = {.vi = "cột 'max_points': lĩnh vực {0} cần điểm tối đa",
                                  .en = "column 'max_points': criterion {0} needs max points"},
    [PS_MSG_MAX_POINTS_SUM] = {.vi = "tổng điểm tối đa của kế hoạch vượt quá {0}",
                               .en = "the plan's max points add up to more than {0}"},
    [PS_MSG_PLAN_TOTAL_ROWS] = {.vi = "kế hoạch cần đúng một dòng kind=total, có {0}",
                                .en = "the plan needs exactly one row of kind total, it has {0}"},
    [PS_MSG_PLAN_NO_CRITERIA] = {.vi = "kế hoạch không có lĩnh vực nào (kind=criterion)",
                                 .en = "the plan has no criteria (kind criterion)"},
    [PS_MSG_BAD_META] = {.vi = "dòng '# {0}:': '{1}' không hợp lệ",
                         .en = "line '# {0}:': '{1}' is not valid"},
    [PS_MSG_INPUT_TOO_LARGE] = {.vi = "tệp lớn quá {0} byte", .en = "input larger than {0} bytes"},
    [PS_MSG_BAD_BYTE] = {.vi = "byte {0} không hợp lệ (hãy lưu tệp dưới dạng UTF-8)",
                         .en = "invalid {0} byte (save the file as UTF-8)"},
    [PS_MSG_JSON_SYNTAX] = {.vi = "JSON không hợp lệ ở đây", .en = "invalid JSON here"},
    [PS_MSG_JSON_TRUNCATED] = {.vi = "JSON bị cụt: tệp hết khi giá trị, ']' hoặc '}' chưa đóng",
                               .en = "truncated JSON: the input ends before a value, ']' or '}' is closed"},
    [PS_MSG_JSON_TRAILING] = {.vi = "còn nội dung thừa sau giá trị JSON",
                              .en = "unexpected text after the JSON value"},
    [PS_MSG_JSON_DEPTH] = {.vi = "JSON lồng nhau quá {0} cấp", .en = "JSON nested deeper than {0} levels"},
    [PS_MSG_JSON_DUPLICATE_KEY] = {.vi = "khóa '{0}' lặp lại trong cùng đối tượng (đã có ở dòng {1})",
                                   .en = "key '{0}' appears twice in one object (first on line {1})"},
    [PS_MSG_JSON_TYPE] = {.vi = "{0}: cần {1}, gặp {2}", .en = "{0}: expected {1}, found {2}"},
    [PS_MSG_JSON_MISSING_KEY] = {.vi = "thiếu khóa '{0}' ở cấp ngoài cùng",
                                 .en = "missing top-level key '{0}'"},
    [PS_MSG_CHECK_UNKNOWN_ID] = {.vi = "mục tiêu '{0}' không có trong kế hoạch",
                                 .en = "target '{0}' is not in the plan"},
    [PS_MSG_CHECK_NO_TARGET] = {.vi = "'{0}' không có mục tiêu", .en = "'{0}' has no target"},
    [PS_MSG_NO_UNIT] =
        {.vi = "kế hoạch không ghi tên đơn vị (# unit: …), nên không tìm được đơn vị trong tệp so sánh",
         .en = "the plan names no unit (# unit: …), so it cannot be found among the peers"},
    [PS_MSG_PEER_DUPLICATE] = {.vi = "cột 'unit': '{0}' lặp lại (đã có ở dòng {1})",
                               .en = "column 'unit': '{0}' appears again (first on line {1})"},
    [PS_MSG_PEER_NO_SUBJECT] = {.vi = "không có đơn vị '{0}' của kế hoạch trong tệp so sánh",
                                .en = "the plan's unit '{0}' is not among the peers"},
    [PS_MSG_PEER_TOO_FEW] = {.vi = "tệp so sánh cần ít nhất một đơn vị khác",
                             .en = "the peers file needs at least one other unit"},
    [PS_MSG_CHECK_NO_PEERS] = {.vi = "'{0}' là mục tiêu về hạng: cần kết quả của các đơn vị khác",
                               .en = "'{0}' is a rank target: it needs the other units' results"},
    [PS_MSG_TOO_MANY_CRITERIA] = {.vi = "kế hoạch có quá {0} lĩnh vực để xếp hạng",
                                  .en = "the plan has more than {0} criteria to rank"},
    [PS_MSG_JSON_CONTROL] = {.vi = "ký tự điều khiển (xuống dòng, tab…) trong chuỗi JSON: hãy viết \\n, \\t",
                             .en = "control character (newline, tab…) inside a JSON string: write \\n, \\t"},
    [PS_MSG_JSON_NUL_ESCAPE] = {.vi = "\\u0000 (ký tự NUL) không được phép trong chuỗi",
                                .en = "\\u0000 (a NUL character) is not allowed in a string"},
    [PS_MSG_JSON_EMPTY] = {.vi = "tệp JSON rỗng: cần một đối tượng {…}",
                           .en = "empty JSON input: expected an object {…}"},
    [PS_MSG_NO_ROWS] = {.vi = "{0} rỗng: không có dòng nào", .en = "{0} is empty: nothing to read"},
    [PS_MSG_FILE_CHANGED] =
        {.vi = "tệp bị thay đổi trong khi đang đọc ({0} byte lúc mở, đã đọc {1} byte): hãy chạy lại "
               "khi tệp đã ghi xong",
         .en = "the file changed while it was being read ({0} bytes when opened, {1} bytes read): run "
               "again once it is written"},
    [PS_MSG_TOO_MANY_PERIODS] = {.vi = "trend nhận nhiều nhất {0} tệp",
                                 .en = "trend takes at most {0} files"},
    [PS_MSG_PEER_COUNT] =
        {.vi = "tệp so sánh có {0} đơn vị, kế hoạch xếp hạng trong {1}: hạng dự kiến chỉ tính trong {0} và "
               "không đánh giá mục tiêu về hạng",
         .en = "the peers file has {0} units, the plan ranks among {1}: the projected rank is among {0} and "
               "rank targets are not judged"},
    [PS_MSG_JSON_SURROGATE] = {.vi = "\\u… không hợp lệ: nửa cặp UTF-16 (surrogate) đứng một mình",
                               .en = "invalid \\u… escape: half of a UTF-16 surrogate pair on its own"},
    [PS_MSG_PARENT_MISSING] =
        {.vi = "cột 'parent': dòng {0} có kind=sub nên cần mã của dòng cha",
         .en = "column 'parent': row {0} is of kind sub and needs the id of the row it is under"},
    [PS_MSG_PARENT_NOT_SUB] =
        {.vi = "cột 'parent': chỉ dòng kind=sub mới nằm dưới dòng khác, dòng {0} thì không",
         .en = "column 'parent': only a row of kind sub goes under another row, and {0} is not one"},
    [PS_MSG_PARENT_UNKNOWN] = {.vi = "cột 'parent': '{0}' không có trong kế hoạch",
                               .en = "column 'parent': '{0}' is not in the plan"},
    [PS_MSG_PARENT_KIND] =
        {.vi = "cột 'parent': '{0}' có kind={1}; tiêu chí thành phần chỉ nằm dưới một lĩnh vực "
               "(criterion) hoặc một tiêu chí thành phần khác (sub)",
         .en = "column 'parent': '{0}' is of kind {1}; a sub row goes under a criterion or another "
               "sub row"},
    [PS_MSG_PARENT_CYCLE] = {.vi = "cột 'parent': '{0}' tạo thành vòng lặp: {1}",
                             .en = "column 'parent': '{0}' makes a cycle: {1}"},
    [PS_MSG_SUB_TOO_DEEP] = {.vi = "cột 'parent': '{0}' nằm sâu quá {1} cấp dưới lĩnh vực",
                             .en = "column 'parent': '{0}' is more than {1} levels below its criterion"},
    [PS_MSG_SUB_MAX_NEEDED] = {.vi = "cột 'max_points': tiêu chí thành phần {0} cần điểm tối đa",
                               .en = "column 'max_points': sub-criterion {0} needs max points"},
    [PS_MSG_MAX_POINTS_CHILDREN] =
        {.vi = "cột 'max_points': {0} ghi điểm tối đa {3}, nhưng các dòng con cộng lại {4} "
               "(để trống thì lấy tổng của các dòng con)",
         .en = "column 'max_points': {0} says {3}, but the rows under it add up to {4} "
               "(leave it empty to take their sum)"},
    [PS_MSG_APPRAISED_NO_MAX] =
        {.vi = "cột 'appraised': chỉ số {0} không có điểm tối đa nên không có điểm thẩm định",
         .en = "column 'appraised': indicator {0} has no max points, so no appraised points"},
    [PS_MSG_CONTROL_CHAR] =
        {.vi = "cột '{0}': ký tự điều khiển {1} không được phép (nó có thể điều khiển màn hình "
               "hoặc đảo thứ tự chữ)",
         .en = "column '{0}': the control character {1} is not allowed (it could drive a "
               "terminal or reorder the text)"},
    [PS_MSG_PRELUDE_TOO_LONG] = {.vi = "các dòng ghi chú trước dòng tiêu đề dài quá {0} byte",
                                 .en = "the comment lines before the header add up to more than {0} bytes"},
    [PS_MSG_PERIOD_OTHER_YEAR] =
        {.vi = "kỳ '{0}' thuộc năm {1}, kế hoạch là của năm {2}: hãy dùng kế hoạch năm {1}",
         .en = "the period '{0}' is in {1}, the plan is for {2}: use a plan for {1}"},
    [PS_MSG_PERIOD_REPEATED] = {.vi = "kỳ '{0}' trùng với kỳ '{1}' của {2}: mỗi kỳ chỉ đưa một lần",
                                .en = "the period '{0}' is the same as '{1}' in {2}: give each period once"},
    [PS_MSG_JSON_TOO_LARGE] =
        {.vi = "giá trị JSON (một dòng, một khóa hay giá trị ở cấp ngoài cùng) lớn quá {0} byte",
         .en = "JSON value (a row, or a top-level key or value) larger than {0} bytes"},
    [PS_MSG_JSON_COPY] =
        {.vi = "không ghi được bản sao tạm của đầu vào JSON (trong $TMPDIR, mặc định /tmp): {0}",
         .en = "cannot write the temporary copy of the JSON input (in $TMPDIR, else /tmp): {0}"},
    [PS_MSG_LIBRARY] =
        {.vi = "không nạp được thư viện {0}, cần để đọc hay ghi bảng tính Excel (gói Debian của nó chưa cài?): {1}",
         .en = "cannot load the library {0}, which reading or writing an Excel workbook needs (is its Debian "
               "package installed?): {1}"},
    [PS_MSG_CHECK_RANK_NOT_JUDGED] =
        {.vi = "'{0}' là mục tiêu về hạng nhưng tệp so sánh có {1} đơn vị, kế hoạch xếp hạng trong {2}: "
               "không đánh giá được; hãy đưa đủ {2} đơn vị",
         .en = "'{0}' is a rank target, but the peers file has {1} units and the plan ranks among {2}: it "
               "cannot be judged; give all {2} units"},
    [PS_MSG_SCORED_TWICE] =
        {.vi = "cột 'id': '{0}' và '{1}' (dòng {2}) là dòng cha và dòng con: chỉ chấm một trong "
               "hai cấp",
         .en = "column 'id': '{0}' and '{1}' (line {2}) are a row and a row under it: score one "
               "level, not both"},
    [PS_MSG_CSV_CODE_PAGE] =
        {.vi = "cột '{0}': byte không hợp lệ theo UTF-8: có lẽ tệp được lưu dạng 'CSV (Comma delimited)' "
               "theo bảng mã Windows-1258; hãy lưu lại dạng 'CSV UTF-8'",
         .en = "column '{0}': invalid UTF-8 byte: the file was likely saved as 'CSV (Comma delimited)' in "
               "the Windows-1258 code page; save it as 'CSV UTF-8'"},
    [PS_MSG_NOT_CP1258] = {.vi = "byte {0} không có trong bảng mã Windows-1258",
                           .en = "the byte {0} is not in the Windows-1258 code page"},
    [PS_MSG_XLS_OLD] =
        {.vi = "tệp Excel 97–2003 (.xls) hoặc tệp có mật khẩu không đọc được: hãy lưu lại dạng 'Excel "
               "Workbook (.xlsx)', không đặt mật khẩu",
         .en = "an Excel 97-2003 workbook (.xls), or one protected by a password, cannot be read: save it "
               "as 'Excel Workbook (.xlsx)' without a password"},
    [PS_MSG_XLSX_NOT_ZIP] =
        {.vi = "tệp Excel (.xlsx) bị hỏng, bị cắt cụt hoặc không phải tệp .xlsx (một tệp nén "
               "zip)",
         .en = "the workbook (.xlsx) is damaged, truncated, or not an .xlsx file (a zip "
               "archive) at all"},
    [PS_MSG_XLSX_CORRUPT] =
        {.vi = "tệp Excel bị hỏng: phần '{0}' không đọc được (hãy mở bằng Excel và lưu lại)",
         .en = "the workbook is damaged: its part '{0}' cannot be read (open it in Excel and "
               "save it again)"},
    [PS_MSG_XLSX_PART_MISSING] = {.vi = "tệp Excel thiếu phần '{0}'", .en = "the workbook has no part '{0}'"},
    [PS_MSG_XLSX_PART_TOO_LARGE] =
        {.vi = "phần '{0}' của tệp Excel giải nén ra {1} byte, quá giới hạn {2} byte",
         .en = "the workbook's part '{0}' inflates to {1} bytes, over the limit of "
               "{2}"},
    [PS_MSG_XLSX_XML] = {.vi = "phần '{0}' của tệp Excel: XML không hợp lệ ở dòng {1}, cột {2}",
                         .en = "the workbook's part '{0}': invalid XML at line {1}, column {2}"},
    [PS_MSG_XLSX_DTD] =
        {.vi = "phần '{0}' của tệp Excel có khai báo DTD hoặc thực thể (entity): không được phép",
         .en = "the workbook's part '{0}' declares a DTD or entities: not allowed"},
    [PS_MSG_XLSX_BAD_PATH] = {.vi = "tệp Excel trỏ tới '{0}', ra ngoài tệp: không được phép",
                              .en = "the workbook points at '{0}', outside the archive: not allowed"},
    [PS_MSG_XLSX_NO_SHEET] = {.vi = "không có trang tính '{0}'; các trang tính là: {1}",
                              .en = "no worksheet '{0}'; the worksheets are: {1}"},
    [PS_MSG_XLSX_NO_WORKSHEET] = {.vi = "tệp Excel không có trang tính nào",
                                  .en = "the workbook has no worksheet"},
    [PS_MSG_XLSX_NO_VALUE] = {.vi =
                                  "cột '{0}': ô có công thức nhưng chưa có giá trị đã tính (hãy mở tệp bằng "
                                  "Excel và lưu lại)",
                              .en = "column '{0}': the cell holds a formula but no computed value (open the "
                                    "file in Excel and save it)"},
    [PS_MSG_XLSX_OUTSIDE_TABLE] = {.vi =
                                       "ô có dữ liệu ngoài bảng: dòng tiêu đề chỉ có các cột từ {0} đến {1}",
                                   .en =
                                       "a value outside the table: the header names columns {0} to {1} only"},

    [PS_L_TITLE_PLAN] = {.vi = "{0}: kết quả năm {1} so với mục tiêu năm {2}",
                         .en = "{0}: {1} results against the {2} targets"},
    [PS_L_TITLE_SCORES] = {.vi = "{0}: chỉ số năm {1}", .en = "{0}: {1} scores"},
    [PS_L_PERIOD] = {.vi = ", kỳ {0}", .en = ", period {0}"},
    [PS_L_SOURCE_PLAN] = {.vi = "Kế hoạch: {0}", .en = "Plan: {0}"},
    [PS_L_SOURCE_SCORES] = {.vi = "Điểm: {0}", .en = "Scores: {0}"},
    [PS_L_ID] = {.vi = "Mã", .en = "Id"},
    [PS_L_NAME] = {.vi = "Chỉ số", .en = "Indicator"},
    [PS_L_RANK] = {.vi = "Hạng", .en = "Rank"},
    [PS_L_TARGET] = {.vi = "Mục tiêu", .en = "Target"},
    [PS_L_TARGET_RANK] = {.vi = "Hạng MT", .en = "Target rank"},
    [PS_L_NEED] = {.vi = "Cần tăng", .en = "Gain needed"},
    [PS_L_CHANGE] = {.vi = "Thay đổi", .en = "Change"},
    [PS_L_GAP] = {.vi = "Chênh lệch", .en = "Gap"},
    [PS_L_RESULT] = {.vi = "Kết quả", .en = "Result"},
    [PS_L_MET] = {.vi = "Đạt", .en = "met"},
    [PS_L_MISSED] = {.vi = "Chưa đạt", .en = "missed"},
    [PS_L_OWNERS] = {.vi = "Đơn vị", .en = "Offices"},
    [PS_L_KPI_TITLE] = {.vi = "Chỉ tiêu của các cơ quan, đơn vị (mục III)",
                        .en = "Office targets (section III)"},
    [PS_L_PARTIAL] = {.vi = "Tạm tính: thiếu điểm lĩnh vực {0}",
                      .en = "Partial: criteria without a score: {0}"},
    [PS_L_PARTIAL_ITEMS] = {.vi = "Tạm tính: các mục chưa có điểm: {0}",
                            .en = "Partial: items without a score: {0}"},
    [PS_L_NO_CRITERIA] = {.vi = "Chưa tính được: không có điểm lĩnh vực nào",
                          .en = "Not computed: no criterion has a score"},
    [PS_L_SUMMARY] = {.vi = "Đạt {0}/{1} mục tiêu.", .en = "{0}/{1} targets met."},
    [PS_L_SUMMARY_UNKNOWN] =
        {.vi = "Đạt {0}/{1} mục tiêu; {2} mục tiêu chưa đánh giá được (chưa có điểm, hoặc tổng tạm tính).",
         .en = "{0}/{1} targets met; {2} not judged yet (no score, or a partial total)."},
    [PS_L_SUMMARY_PLAN] = {.vi = "Kết quả năm {0} đã đạt {1}/{2} mục tiêu năm {3}.",
                           .en = "The {0} results meet {1}/{2} of the {3} targets."},
    [PS_L_SUMMARY_PLAN_UNKNOWN] =
        {.vi = "Kết quả năm {0} đã đạt {1}/{2} mục tiêu năm {3}; {4} mục tiêu chưa có số liệu năm {0}.",
         .en = "The {0} results meet {1}/{2} of the {3} targets; {4} without a {0} value."},
    [PS_L_ILLUSTRATIVE] =
        {.vi = "Lưu ý: điểm tối đa của các lĩnh vực dùng để tính tổng ({0}) là số minh họa, chưa phải bảng "
               "chính thức (Quyết định 701/QĐ-UBND); khi có bảng chính thức, hãy thay cột max_points "
               "trong tệp kế hoạch (--plan).",
         .en = "Note: the max points used for the total ({0}) are illustrative, not the official table "
               "(Quyết định 701/QĐ-UBND); when the official table is available, replace the max_points "
               "column of the plan file (--plan)."},
    [PS_L_NEED_NOTE] =
        {.vi = "Cần tăng: số điểm phần trăm ít nhất, tính đến 0,01, để đạt mục tiêu (mục tiêu "
               "\"Trên x\" cần hơn x).",
         .en = "Gain needed: the least percentage points, in hundredths, that meet the target (a "
               "target \"above x\" needs more than x)."},
    [PS_L_RANK_TITLE] = {.vi = "Xếp hạng dự kiến trong {0} đơn vị (so với {1})",
                         .en = "Projected rank among {0} units (against {1})"},
    [PS_L_ASSUME] =
        {.vi =
             "Giả định: các đơn vị khác giữ kết quả công bố gần nhất; so ở 2 chữ số thập phân, bằng điểm thì "
             "đồng hạng (1, 2, 2, 4). Cần thêm: điểm ít nhất để bằng đơn vị đang giữ hạng mục tiêu (bằng "
             "điểm "
             "là giữ được hạng đó).",
         .en =
             "Assumption: the other units keep their last published results; compared at 2 decimals, equal "
             "values share a rank (1, 2, 2, 4). Still needed: the least points to equal the unit now at the "
             "target rank (an equal value holds that rank)."},
    [PS_L_ASSUME_SHIFT] =
        {.vi = "Giả định: các đơn vị khác giữ kết quả công bố gần nhất, cộng {0} điểm (--peer-change); so ở "
               "2 chữ số thập phân, bằng điểm thì đồng hạng (1, 2, 2, 4). Cần thêm: điểm ít nhất để bằng đơn "
               "vị "
               "đang giữ hạng mục tiêu (bằng điểm là giữ được hạng đó).",
         .en =
             "Assumption: the other units keep their last published results, shifted by {0} points "
             "(--peer-change); compared at 2 decimals, equal values share a rank (1, 2, 2, 4). Still needed: "
             "the least points to equal the unit now at the target rank (an equal value holds that rank)."},
    [PS_L_RANK_BASE] = {.vi = "Hạng {0}", .en = "Rank {0}"},
    [PS_L_RANK_NOW] = {.vi = "Dự kiến", .en = "Projected"},
    [PS_L_STILL_NEEDED] = {.vi = "Cần thêm", .en = "Still needed"},
    [PS_L_TAKES_TITLE] = {.vi = "Cần thêm bao nhiêu cho tổng", .en = "What the total still needs"},
    [PS_L_RANK_NOT_JUDGED] =
        {.vi = "Tệp so sánh có {0} đơn vị, kế hoạch xếp hạng trong {1}: hạng chỉ tính trong {0} đơn vị nên "
               "không đánh giá các mục tiêu về hạng (parscore check báo lỗi nếu được hỏi).",
         .en = "The peers file has {0} units and the plan ranks among {1}: the rank is among {0} units only, "
               "so rank targets are not judged (parscore check says so as an error when asked)."},
    [PS_L_RANK_HELD] = {.vi = "Hạng mục tiêu {0}: đã giữ được.", .en = "Target rank {0}: held."},
    [PS_L_RANK_NEED] =
        {.vi =
             "Hạng mục tiêu {0}: tổng cần thêm {1} điểm để bằng {2} (đang ở hạng {0} với {3}); bằng điểm thì "
             "đồng hạng {0}.",
         .en = "Target rank {0}: the total needs {1} more points to equal {2} (now at rank {0} with {3}); an "
               "equal total shares rank {0}."},
    [PS_L_TARGET_MET] = {.vi = "Mục tiêu tổng {0}: đã đạt.", .en = "Total target {0}: met."},
    [PS_L_TARGET_NEED] = {.vi = "Mục tiêu tổng {0}: cần thêm {1} điểm.",
                          .en = "Total target {0}: {1} more points needed."},
    [PS_L_LEVER_TITLE] =
        {.vi = "Nếu chỉ một lĩnh vực tăng, mỗi lĩnh vực cần thêm (lĩnh vực có điểm tối đa lớn nhất trước):",
         .en = "If one criterion alone made up the difference, it would need (heaviest criterion first):"},
    [PS_L_MAX] = {.vi = "Điểm tối đa", .en = "Max points"},
    [PS_L_HEADROOM] = {.vi = "Còn có thể tăng", .en = "Headroom"},
    [PS_L_FOR_RANK] = {.vi = "Cho hạng", .en = "For the rank"},
    [PS_L_FOR_TARGET] = {.vi = "Cho mục tiêu tổng", .en = "For the total target"},
    [PS_L_NOT_ALONE] = {.vi = "không đủ", .en = "cannot alone"},
    [PS_L_COHERENT] =
        {.vi =
             "Nếu mọi lĩnh vực vừa đúng mục tiêu, tổng là {0} so với mục tiêu tổng {1}: các mục tiêu của kế "
             "hoạch khớp nhau.",
         .en =
             "If every criterion lands exactly on its target, the total is {0} against the total target {1}: "
             "the plan's targets agree."},
    [PS_L_INCOHERENT] =
        {.vi = "Nếu mọi lĩnh vực vừa đúng mục tiêu, tổng là {0} so với mục tiêu tổng {1}: đạt các mục tiêu "
               "lĩnh "
               "vực vẫn chưa đủ cho mục tiêu tổng.",
         .en = "If every criterion lands exactly on its target, the total is {0} against the total target "
               "{1}: meeting the criterion targets is not enough for the total target."},
    [PS_L_OWNER_SUMMARY] = {.vi = "Đạt {0}/{1} mục tiêu", .en = "{0}/{1} targets met"},
    [PS_L_NO_OWNER] = {.vi = "(Không giao cho cơ quan nào)", .en = "(No office named)"},
    [PS_L_BASELINE_WORD] = {.vi = "Gốc", .en = "Baseline"},
    [PS_L_YEAR_WORD] = {.vi = "Điểm", .en = "Score"},
    [PS_L_NOT_ALONE_CELL] = {.vi = "không đủ ({0})", .en = "cannot alone ({0})"},
    [PS_L_LABEL_VALUE] = {.vi = "{0}: {1}", .en = "{0}: {1}"},
    [PS_L_WARNING] = {.vi = "cảnh báo: ", .en = "warning: "},
    [PS_L_SUB_TITLE] = {.vi = "Tiêu chí thành phần", .en = "Sub-criteria"},
    [PS_L_SUB_ILLUSTRATIVE] =
        {.vi = "Lưu ý: các tiêu chí thành phần của kế hoạch này là ví dụ minh họa theo cấu trúc thường dùng "
               "ở cấp "
               "huyện, chưa phải bộ tiêu chí chính thức của tỉnh; khi có bộ tiêu chí chính thức, hãy thay "
               "tệp kế "
               "hoạch (--plan).",
         .en =
             "Note: the sub-criteria of this plan are an illustrative example of the structure "
             "district-level "
             "index sets commonly use, not the province's official set; when the official set is available, "
             "replace the plan file (--plan)."},
    [PS_L_POINTS] = {.vi = "Điểm", .en = "Points"},
    [PS_L_MAX_SHORT] = {.vi = "Tối đa", .en = "Max"},
    [PS_L_PERCENT] = {.vi = "%", .en = "%"},
    [PS_L_SELF] = {.vi = "Tự đánh giá", .en = "Self-assessed"},
    [PS_L_APPRAISED] = {.vi = "Thẩm định", .en = "Appraised"},
    [PS_L_FLAGS] = {.vi = "Ghi nhận", .en = "Flags"},
    [PS_L_FLAG_ZERO] = {.vi = "không đạt điểm", .en = "0 points"},
    [PS_L_FLAG_LOW] = {.vi = "điểm thấp", .en = "low"},
    [PS_L_FLAG_NO_EVIDENCE] = {.vi = "thiếu tài liệu kiểm chứng", .en = "no evidence"},
    [PS_L_FLAG_NOT_APPLICABLE] = {.vi = "không áp dụng", .en = "not applicable"},
    [PS_L_FLAG_NO_SCORE] = {.vi = "chưa có điểm", .en = "no score"},
    [PS_L_POINTS_SOURCE] = {.vi = "Điểm: điểm thẩm định nếu có, nếu không thì điểm tự đánh giá.",
                            .en = "Points: the appraised points where given, else the self-assessed ones."},
    [PS_L_NA_CRITERION] = {.vi = "Không áp dụng: lĩnh vực này không tính vào tổng.",
                           .en = "Not applicable: this criterion is left out of the total."},
    [PS_L_LOST_TITLE] = {.vi = "Điểm còn mất", .en = "Where the points are lost"},
    [PS_L_LOST_INTRO] = {.vi = "Các mục theo số điểm phần trăm mà tổng (PAR INDEX) tăng thêm nếu mục đó đạt "
                               "điểm tối đa ({0} mục "
                               "lớn nhất):",
                         .en = "Items by how many percentage points the total (PAR INDEX) would gain if each "
                               "reached its max (the "
                               "{0} largest):"},
    [PS_L_LOST] = {.vi = "Còn mất", .en = "Lost"},
    [PS_L_TOTAL_GAIN] = {.vi = "Tổng tăng", .en = "Total gain"},
    [PS_L_APPRAISAL_TITLE] = {.vi = "Thẩm định", .en = "Appraisal"},
    [PS_L_APPRAISAL_TOTALS] = {.vi = "Tổng theo điểm tự đánh giá: {0}; theo điểm thẩm định: {1} ({2}).",
                               .en = "Total by the self-assessment: {0}; by the appraisal: {1} ({2})."},
    [PS_L_APPRAISAL_CUTS] = {.vi = "Các mục bị cắt điểm khi thẩm định (nhiều nhất trước):",
                             .en = "Items the appraisal cut (most first):"},
    [PS_L_NO_CUTS] = {.vi = "Thẩm định không cắt điểm mục nào.", .en = "The appraisal cut no item."},
    [PS_L_CUT] = {.vi = "Bị cắt", .en = "Cut"},
    [PS_L_EVIDENCE] = {.vi = "Tài liệu kiểm chứng", .en = "Evidence"},
    [PS_L_NOTE] = {.vi = "Ghi chú", .en = "Note"},

    [PS_L_CHECK_SCORE] = {.vi = "Điểm", .en = "Score"},
    [PS_L_CHECK_NO_SCORE] = {.vi = "Chưa có điểm", .en = "no score"},
    [PS_L_CHECK_PARTIAL] = {.vi = "Tổng tạm tính", .en = "partial total"},
    [PS_L_CHECK_PARTIAL_ITEM] = {.vi = "Tạm tính", .en = "partial"},
    [PS_L_CHECK_PASS] = {.vi = "Đạt cả {0}/{1} mục tiêu được kiểm tra.",
                         .en = "All {0}/{1} checked targets met."},
    [PS_L_CHECK_FAIL] = {.vi = "Đạt {0}/{1} mục tiêu được kiểm tra; chưa đạt: {2}.",
                         .en = "{0}/{1} checked targets met; missed: {2}."},

    [PS_L_TREND_TITLE] = {.vi = "{0}: diễn biến qua {1} kỳ", .en = "{0}: {1} periods"},
    [PS_L_TREND_OUTLOOK] = {.vi = "Dự báo Q4*", .en = "Q4 outlook*"},
    [PS_L_TREND_OUTLOOK_RESULT] = {.vi = "Theo dự báo", .en = "By the outlook"},
    [PS_L_TREND_RANK] = {.vi = "hạng", .en = "rank"},
    [PS_L_TREND_NOTE] =
        {.vi = "* Dự báo cuối năm: đường thẳng (bình phương nhỏ nhất) qua điểm các quý, đọc ở quý 4; chỉ để "
               "tham khảo, không phải kết quả. Trong ngoặc: thay đổi so với kỳ trước.",
         .en =
             "* Year-end outlook: the least-squares straight line through the quarters' values, read at Q4; "
             "a guide, not a result. In brackets: the change from the period before."},
    [PS_L_TREND_NO_PERIOD] =
        {.vi =
             "Không có dự báo: cần tên kỳ có số quý (như 2023-Q3, trong tệp '# period:' hoặc trong tên tệp).",
         .en =
             "No outlook: the periods need a quarter (such as 2023-Q3, from '# period:' or the file name)."},
    [PS_L_TREND_TOO_FEW] = {.vi = "Không có dự báo: cần ít nhất hai kỳ.",
                            .en = "No outlook: it needs at least two periods."},
    [PS_L_TREND_VALUE_CHANGE] = {.vi = "{0} ({1})", .en = "{0} ({1})"},

    [PS_L_UNITS_TITLE] = {.vi = "{0} đơn vị, xếp hạng theo tổng điểm của kế hoạch {1}",
                          .en = "{0} units, ranked by the total of the plan {1}"},
    [PS_L_UNITS_UNIT] = {.vi = "Đơn vị", .en = "Unit"},
    [PS_L_UNITS_TOTAL] = {.vi = "Tổng", .en = "Total"},
    [PS_L_UNITS_TOTAL_TARGET] = {.vi = "Mục tiêu tổng", .en = "Total target"},
    [PS_L_UNITS_MISSED] = {.vi = "Lĩnh vực chưa đạt", .en = "Criteria missed"},
    [PS_L_UNITS_MISSING] = {.vi = "Thiếu", .en = "Missing"},
    [PS_L_UNITS_PARTIAL] =
        {.vi = "* tạm tính: thiếu điểm của một số lĩnh vực, xếp sau các đơn vị đủ điểm; so ở 2 chữ số thập "
               "phân, bằng điểm thì đồng hạng.",
         .en = "* partial: some criteria have no value; ranked after the complete units. Totals are compared "
               "at "
               "2 decimals, equal totals share a rank."},
    [PS_L_UNITS_ILLUSTRATIVE] = {.vi = "Điểm tối đa là số minh họa, chưa phải bảng chính thức.",
                                 .en = "The max points are illustrative, not the official table."},

    [PS_L_SVG_LEGEND_BASELINE] = {.vi = "Kết quả {0}", .en = "{0} result"},
    [PS_L_SVG_LEGEND_MET] = {.vi = "{0}: đạt mục tiêu", .en = "{0}: target met"},
    [PS_L_SVG_LEGEND_MISSED] = {.vi = "{0}: chưa đạt", .en = "{0}: target missed"},
    [PS_L_SVG_LEGEND_UNKNOWN] = {.vi = "{0}: chưa đánh giá được", .en = "{0}: not judged"},
    [PS_L_SVG_LEGEND_TARGET] = {.vi = "Mục tiêu {0}", .en = "{0} target"},
    [PS_L_SVG_LEGEND_DASH] = {.vi = "— chưa có số liệu", .en = "— no value yet"},
    [PS_L_SVG_PARTIAL] = {.vi = "Tạm tính", .en = "partial"},
    [PS_L_SVG_ILLUSTRATIVE] =
        {.vi =
             "Lưu ý: tổng tính theo điểm tối đa của các lĩnh vực ({0}) là số minh họa, chưa phải bảng chính "
             "thức (Quyết định 701/QĐ-UBND); khi có bảng chính thức, hãy thay cột max_points trong tệp kế "
             "hoạch.",
         .en = "Note: the total uses illustrative max points of the criteria ({0}), not the official table "
               "(Quyết định 701/QĐ-UBND); when it is available, replace the max_points column of the plan "
               "file."},

    [PS_L_XLSX_SHEET_REPORT] = {.vi = "Báo cáo", .en = "Report"},
    [PS_L_XLSX_SHEET_KPI] = {.vi = "Chỉ tiêu mục III", .en = "Office targets"},
    [PS_L_XLSX_SHEET_RANKING] = {.vi = "Xếp hạng", .en = "Ranking"},
    [PS_L_XLSX_SHEET_CHART] = {.vi = "Biểu đồ", .en = "Chart"},
    [PS_L_XLSX_SHEET_CHECK] = {.vi = "Kiểm tra", .en = "Check"},
    [PS_L_XLSX_SHEET_TREND] = {.vi = "Diễn biến", .en = "Trend"},
    [PS_L_XLSX_SHEET_UNITS] = {.vi = "Xếp hạng đơn vị", .en = "Units"},
    [PS_L_XLSX_SHEET_SUBS] = {.vi = "Tiêu chí thành phần", .en = "Sub-criteria"},
    [PS_L_XLSX_SHEET_APPRAISAL] = {.vi = "Thẩm định", .en = "Appraisal"},
    [PS_L_XLSX_TARGET_VALUE] = {.vi = "Giá trị mục tiêu", .en = "Target value"},
    [PS_L_XLSX_PERIOD] = {.vi = "Kỳ", .en = "Period"},
    [PS_L_XLSX_PARTIAL] = {.vi = "Tạm tính", .en = "Partial"},
    [PS_L_XLSX_AXIS_PERCENT] = {.vi = "Tỷ lệ đạt được (%)", .en = "Percent achieved (%)"},
    [PS_L_XLSX_CHART_SCORE] = {.vi = "{0} (xanh: đạt, đỏ: chưa đạt)", .en = "{0} (green: met, red: missed)"},
    [PS_L_XLSX_TREND_CHART_TITLE] = {.vi = "{0} qua các kỳ, so với mục tiêu {1}",
                                     .en = "{0} by period, against the target {1}"},
    [PS_L_XLSX_SUBJECT] = {.vi = "Chỉ số cải cách hành chính (PAR INDEX) và SIPAS",
                           .en = "Administrative-reform index (PAR INDEX) and SIPAS"},
    /* the printed page's footer: &P is the page, &N the number of pages (Excel's codes) */
    [PS_L_XLSX_PAGE] = {.vi = "Trang &P/&N", .en = "Page &P of &N"},
    [PS_L_XLSX_TERMINAL] =
        {.vi = "bảng tính xlsx là tệp nhị phân, không in ra màn hình: hãy ghi vào tệp bằng -o, ví dụ "
               "-o bao-cao.xlsx",
         .en = "an xlsx workbook is binary and is not written to a terminal: write it to a file with -o, "
               "e.g. -o report.xlsx"},
    [PS_L_XLSX_TEMP_FAILED] =
        {.vi = "không ghi được tệp tạm của bảng tính (trong $TMPDIR, mặc định /tmp): {0}",
         .en = "cannot write the workbook's temporary files (in $TMPDIR, else /tmp): {0}"},
    [PS_L_TPL_SHEET] = {.vi = "Điểm", .en = "Scores"},
    [PS_L_TPL_TITLE] = {.vi = "{0}: tệp điểm để điền", .en = "{0}: the scores to fill in"},
    [PS_L_TPL_NOTE_ID] = {.vi = "Mã của mục trong kế hoạch. Cột bị khóa: không sửa.",
                          .en = "The item's id in the plan. Locked: do not change it."},
    [PS_L_TPL_NOTE_NAME] = {.vi = "Tên của mục trong kế hoạch (cột bị khóa).",
                            .en = "The item's name in the plan (locked)."},
    [PS_L_TPL_NOTE_MAX] = {.vi = "Điểm tối đa của mục theo kế hoạch (cột bị khóa).",
                           .en = "The item's max points in the plan (locked)."},
    [PS_L_TPL_NOTE_MAX_ILLUSTRATIVE] =
        {.vi = "Điểm tối đa của mục theo kế hoạch (cột bị khóa). Đây là số minh họa, chưa phải bảng chính "
               "thức (Quyết định 701/QĐ-UBND).",
         .en = "The item's max points in the plan (locked). They are illustrative, not the official table "
               "(Quyết định 701/QĐ-UBND)."},
    [PS_L_TPL_NOTE_OWNERS] = {.vi = "Các cơ quan chịu trách nhiệm (cột bị khóa).",
                              .en = "The responsible offices (locked)."},
    [PS_L_TPL_NOTE_POINTS] =
        {.vi = "Số điểm tự đánh giá, từ 0 đến điểm tối đa; KAD nếu mục không áp dụng; để trống nếu chưa có "
               "điểm. Mỗi dòng chỉ ghi một trong hai cột points và score.",
         .en = "The self-assessed points, 0 to the max points; KAD when the item does not apply; empty when "
               "there is no score yet. Give points or score on a row, not both."},
    [PS_L_TPL_NOTE_SCORE] =
        {.vi =
             "Tỷ lệ đạt được (%), từ 0 đến 100: cho mục không có điểm tối đa (SIPAS, chỉ tiêu mục III); KAD "
             "nếu không áp dụng.",
         .en = "The percent achieved, 0 to 100: for items without max points (SIPAS, office targets); KAD "
               "when the item does not apply."},
    [PS_L_TPL_NOTE_APPRAISED] =
        {.vi = "Điểm thẩm định (nếu có), từ 0 đến điểm tối đa: khi có, báo cáo tính theo điểm này.",
         .en = "The appraised points (if any), 0 to the max points: where given, the report counts them."},
    [PS_L_TPL_NOTE_EVIDENCE] = {.vi = "Tài liệu kiểm chứng: số, ngày văn bản, mục, trang.",
                                .en = "The evidence: the document's number and date, section, page."},
    [PS_L_TPL_NOTE_NOTE] = {.vi = "Ghi chú tùy ý, in kèm trong báo cáo.",
                            .en = "Any note, carried into the report."},
    [PS_L_TPL_INVALID_TITLE] = {.vi = "Giá trị không hợp lệ", .en = "Not a valid value"},
    [PS_L_TPL_INVALID_POINTS] = {.vi = "Ghi số điểm từ 0 đến {0}, hoặc KAD (không áp dụng).",
                                 .en = "Enter points from 0 to {0}, or KAD (not applicable)."},
    [PS_L_TPL_INVALID_PERCENT] = {.vi = "Ghi tỷ lệ (%) từ 0 đến 100, hoặc KAD (không áp dụng).",
                                  .en = "Enter a percent from 0 to 100, or KAD (not applicable)."},
    [PS_L_TPL_NO_POINTS] = {.vi = "Mục này không có điểm tối đa: ghi tỷ lệ (%) ở cột score, hoặc KAD.",
                            .en = "This item has no max points: give a percent in the score column, or KAD."},
    [PS_L_XLSX_TOO_MANY_UNITS] =
        {.vi = "bảng tính chứa được nhiều nhất {0} đơn vị (số dòng tối đa của Excel): hãy dùng --format csv",
         .en = "a workbook holds at most {0} units (Excel's row limit): use --format csv"},

    [PS_L_CLI_HELP] =
        {.vi = "Cách dùng: parscore [report] [TỆP_ĐIỂM] [TÙY_CHỌN]\n"
               "           parscore check TỆP_ĐIỂM [--only MÃ[,MÃ...]] [-q] [TÙY_CHỌN]\n"
               "           parscore rank TỆP_ĐƠN_VỊ [--format text|json|csv|xlsx] [TÙY_CHỌN]\n"
               "           parscore trend TỆP_QUÝ_1 TỆP_QUÝ_2 ... [--peers TỆP] [TÙY_CHỌN]\n"
               "           parscore template [--plan FILE] [--format csv|json|xlsx] [TÙY_CHỌN]\n"
               "\n"
               "Bảng điểm theo Kế hoạch nâng cao PAR INDEX, SIPAS huyện Sìn Hồ năm 2023: điểm tổng,\n"
               "chênh lệch so với từng mục tiêu và các mục tiêu đã đạt.\n"
               "\n"
               "Lệnh:\n"
               "  report           báo cáo (lệnh mặc định)\n"
               "  check            mỗi mục tiêu một dòng và kết luận; mã thoát 0 khi mọi mục tiêu\n"
               "                   được kiểm tra đều đạt, 1 khi có mục tiêu chưa đạt (thiếu điểm\n"
               "                   cũng là chưa đạt)\n"
               "  rank             xếp hạng nhiều đơn vị (xã, huyện): cột unit và mỗi lĩnh vực một\n"
               "                   cột phần trăm theo mã; tổng tính theo điểm tối đa của kế hoạch\n"
               "  trend            các quý cạnh nhau theo thứ tự, với thay đổi từng quý và dự báo\n"
               "                   cuối năm theo đường thẳng so với từng mục tiêu\n"
               "  template         tệp điểm để điền cho kế hoạch: mỗi mã cần chấm một dòng (tiêu chí\n"
               "                   thành phần, lĩnh vực không có tiêu chí con, SIPAS, chỉ tiêu), điền\n"
               "                   rồi dùng lại ngay làm tệp điểm; --format xlsx: bảng tính Excel khóa\n"
               "                   các cột của kế hoạch, Excel tự kiểm tra số điểm nhập vào\n"
               "\n"
               "  TỆP_ĐIỂM         điểm của quý, CSV, JSON hoặc bảng tính Excel (.xlsx, lưu nguyên\n"
               "                   như vậy): id và score (%) hoặc points; có thể\n"
               "                   thêm appraised (điểm thẩm định), evidence (tài liệu kiểm chứng),\n"
               "                   note; 'KAD' hoặc 'không áp dụng' thay cho điểm: mục không áp dụng;\n"
               "                   '-' đọc từ đầu vào chuẩn. Không có tệp: report hiện kế hoạch,\n"
               "                   kết quả năm 2022 so với mục tiêu năm 2023.\n"
               "\n",
         .en = "Usage: parscore [report] [SCORES] [OPTIONS]\n"
               "       parscore check SCORES [--only ID[,ID...]] [-q] [OPTIONS]\n"
               "       parscore rank UNITS [--format text|json|csv|xlsx] [OPTIONS]\n"
               "       parscore trend SCORES_Q1 SCORES_Q2 ... [--peers FILE] [OPTIONS]\n"
               "       parscore template [--plan FILE] [--format csv|json|xlsx] [OPTIONS]\n"
               "\n"
               "Scorecard for the 2023 PAR INDEX and SIPAS plan of Sìn Hồ district: the total,\n"
               "the gap to every target, and which targets are met.\n"
               "\n"
               "Commands:\n"
               "  report           the report (the default command)\n"
               "  check            one line per target and a verdict; exit 0 when every checked\n"
               "                   target is met, 1 when any is missed (a missing score is a miss)\n"
               "  rank             rank many units (communes, districts): a unit column and one\n"
               "                   percent column per criterion id; totals with the plan's max points\n"
               "  trend            the quarters side by side, in order, with each change and a\n"
               "                   straight-line outlook for the year end against each target\n"
               "  template         the scores file to fill in for the plan: a row per scorable id\n"
               "                   (sub-criteria, criteria without them, SIPAS, office targets);\n"
               "                   filled in, it is a scores file as it stands; --format xlsx: a\n"
               "                   workbook with the plan's columns locked and the numbers checked\n"
               "                   by Excel itself\n"
               "\n"
               "  SCORES           quarterly scores, CSV, JSON or an Excel workbook (.xlsx, saved as\n"
               "                   it is): id and score (%) or points; also\n"
               "                   appraised (appraised points), evidence, note; 'KAD' or 'n/a'\n"
               "                   for a score: the item does not apply;\n"
               "                   '-' reads standard input. Without it, report shows the plan:\n"
               "                   the 2022 results against the 2023 targets.\n"
               "\n"},
    [PS_L_CLI_HELP_OPTIONS] =
        {.vi =
             "Tùy chọn:\n"
             "  --plan FILE      dùng kế hoạch này (CSV, JSON hoặc .xlsx) thay cho kế hoạch có sẵn\n"
             "  --sheet NAME     trang tính cần đọc trong tệp .xlsx (mặc định: trang đầu tiên);\n"
             "                   hoặc ghi TỆP.xlsx#TÊN\n"
             "  --encoding ENC   bảng mã của tệp CSV: utf-8 (mặc định) hoặc cp1258 (windows-1258,\n"
             "                   tệp Excel lưu dạng 'CSV (Comma delimited)' trên Windows tiếng Việt)\n"
             "  --format FORMAT  text (mặc định), json, csv, markdown (bảng để dán vào báo cáo),\n"
             "                   svg (biểu đồ) hoặc xlsx (bảng tính Excel có biểu đồ, ghi bằng\n"
             "                   -o); check: text, json hoặc xlsx; rank và trend: text, json,\n"
             "                   csv hoặc xlsx\n"
             "  --bom            csv: thêm dấu BOM ở đầu tệp, cho bảng tính cần nó\n"
             "  -o, --output FILE  ghi vào FILE (chỉ thay tệp khi mọi việc thành công)\n"
             "  --peers FILE     kết quả công bố của các đơn vị khác (CSV, JSON, .xlsx): thêm hạng\n"
             "                   dự kiến và các mục tiêu về hạng (check --only rank)\n"
             "  --peer-change X  giả định: mọi đơn vị khác tăng (giảm) X điểm\n"
             "  --by owner       báo cáo theo từng cơ quan chịu trách nhiệm\n"
             "  --color[=WHEN]   auto (mặc định: khi in ra màn hình và không đặt NO_COLOR), always\n"
             "                   hoặc never: đạt màu xanh, chưa đạt màu đỏ\n"
             "  --only IDS       check: chỉ các mục tiêu này, ví dụ --only total,sipas,rank\n"
             "  -q, --quiet      check: không in gì, chỉ đặt mã thoát\n"
             "  --lang LANG      vi (mặc định) hoặc en: ngôn ngữ của báo cáo và thông báo\n"
             "  -h, --help       hiện trợ giúp này\n"
             "  -V, --version    hiện phiên bản\n"
             "\n"
             "Ví dụ:\n"
             "  parscore                                   kế hoạch: năm 2022 so với mục tiêu 2023\n"
             "  parscore examples/scores-2023-q3.csv       báo cáo của một quý\n"
             "  parscore --format json scores.csv | jq .total.score\n"
             "  parscore check --only total,sipas scores.csv && echo 'đạt mục tiêu'\n"
             "  parscore --peers examples/peers-2022.csv examples/scores-2023-q3.csv\n"
             "  parscore rank --format csv examples/communes-2023.csv\n"
             "  parscore trend examples/scores-2023-q1.csv examples/scores-2023-q2.csv "
             "examples/scores-2023-q3.csv\n"
             "  parscore --format svg examples/scores-2023-q3.csv > chart.svg\n"
             "  parscore --format xlsx -o bao-cao.xlsx examples/scores-2023-q3.csv\n"
             "  parscore --plan examples/plan-sub-criteria.csv examples/scores-2023-q3-sub.csv\n"
             "  parscore template --plan examples/plan-sub-criteria.csv -o mau-diem.csv\n"
             "  parscore template --format xlsx -o mau.xlsx   điền bằng Excel, lưu, rồi: parscore mau.xlsx\n"
             "  parscore --encoding cp1258 diem.csv\n"
             "\n"
             "Mã thoát: 0 thành công (check: mọi mục tiêu được kiểm tra đều đạt); 1 check: có\n"
             "mục tiêu chưa đạt; 2 sai cách dùng, dữ liệu vào sai hoặc không ghi được kết quả.\n",
         .en = "Options:\n"
               "  --plan FILE      use this plan (CSV, JSON or .xlsx) instead of the built-in one\n"
               "  --sheet NAME     the worksheet to read in an .xlsx file (default: the first one);\n"
               "                   or write FILE.xlsx#NAME\n"
               "  --encoding ENC   what CSV files are in: utf-8 (default) or cp1258 (windows-1258,\n"
               "                   what a Vietnamese Windows Excel saves as 'CSV (Comma delimited)')\n"
               "  --format FORMAT  text (default), json, csv, markdown (tables to paste into a\n"
               "                   report), svg (a chart) or xlsx (an Excel workbook with a chart,\n"
               "                   written with -o); check: text, json or xlsx; rank and trend:\n"
               "                   text, json, csv or xlsx\n"
               "  --bom            csv: start with a byte order mark, for spreadsheets that want one\n"
               "  -o, --output FILE  write to FILE (replaced only when all went well)\n"
               "  --peers FILE     other units' published totals (CSV, JSON, .xlsx): adds the projected\n"
               "                   rank and the rank targets (check --only rank)\n"
               "  --peer-change X  what-if: shift every other unit by X points\n"
               "  --by owner       group the report by responsible office\n"
               "  --color[=WHEN]   auto (default: on a terminal, unless NO_COLOR is set), always\n"
               "                   or never: met in green, missed in red\n"
               "  --only IDS       check: only these targets, e.g. --only total,sipas,rank\n"
               "  -q, --quiet      check: print nothing, only set the exit status\n"
               "  --lang LANG      vi (default) or en: language of the report and messages\n"
               "  -h, --help       show this help\n"
               "  -V, --version    show the version\n"
               "\n"
               "Examples:\n"
               "  parscore                                   the plan: 2022 against the 2023 targets\n"
               "  parscore examples/scores-2023-q3.csv       the report for a quarter\n"
               "  parscore --format json scores.csv | jq .total.score\n"
               "  parscore check --only total,sipas scores.csv && echo 'on target'\n"
               "  parscore --peers examples/peers-2022.csv examples/scores-2023-q3.csv\n"
               "  parscore rank --format csv examples/communes-2023.csv\n"
               "  parscore trend examples/scores-2023-q1.csv examples/scores-2023-q2.csv "
               "examples/scores-2023-q3.csv\n"
               "  parscore --format svg examples/scores-2023-q3.csv > chart.svg\n"
               "  parscore --format xlsx -o report.xlsx examples/scores-2023-q3.csv\n"
               "  parscore --plan examples/plan-sub-criteria.csv examples/scores-2023-q3-sub.csv\n"
               "  parscore template --lang en --plan examples/plan-sub-criteria.csv -o scores-form.csv\n"
               "  parscore template --format xlsx -o form.xlsx  fill it in with Excel, save, then: parscore "
               "form.xlsx\n"
               "  parscore --encoding cp1258 scores.csv\n"
               "\n"
               "Exit status: 0 success (check: every checked target met); 1 check: a target\n"
               "missed; 2 usage error, bad input or output that could not be written.\n"},
    [PS_L_CLI_TRY_HELP] = {.vi = "Xem 'parscore --help'.", .en = "Try 'parscore --help'."},
    [PS_L_CLI_VERSION_PLAN] = {.vi = "kế hoạch: {0}: {1} {2}, {3} chỉ số, điểm tối đa {4}",
                               .en = "plan: {0}: {1} {2}, {3} indicators, max points {4}"},
    [PS_L_CLI_ILLUSTRATIVE] = {.vi = "minh họa", .en = "illustrative"},
    [PS_L_CLI_OFFICIAL] = {.vi = "chính thức", .en = "official"},
    [PS_L_CLI_CANNOT_WRITE] = {.vi = "không ghi được {0}: {1}", .en = "cannot write {0}: {1}"},
    [PS_L_CLI_THE_OUTPUT] = {.vi = "kết quả", .en = "the output"},
    [PS_L_CLI_ONLY_TOO_LONG] = {.vi = "--only quá dài", .en = "--only is too long"},
    [PS_L_CLI_ONLY_LIST] = {.vi = "--only cần danh sách mã, ví dụ total,sipas; không phải '{0}'",
                            .en = "--only takes a list of ids such as total,sipas, not '{0}'"},
    [PS_L_CLI_ONLY_UNKNOWN_ID] = {.vi = "--only: '{0}' không có trong kế hoạch",
                                  .en = "--only: '{0}' is not in the plan"},
    [PS_L_CLI_ONLY_NO_TARGET] = {.vi = "--only: '{0}' không có mục tiêu",
                                 .en = "--only: '{0}' has no target"},
    [PS_L_CLI_ONLY_NO_PEERS] = {.vi = "--only: '{0}' là mục tiêu về hạng, cần --peers",
                                .en = "--only: '{0}' is a rank target and needs --peers"},
    [PS_L_CLI_LANG] = {.vi = "--lang cần 'vi' hoặc 'en', không phải '{0}'",
                       .en = "--lang takes 'vi' or 'en', not '{0}'"},
    [PS_L_CLI_FORMAT] = {.vi = "--format cần text, json, csv, markdown, svg hoặc xlsx, không phải '{0}'",
                         .en = "--format takes text, json, csv, markdown, svg or xlsx, not '{0}'"},
    [PS_L_CLI_PEER_CHANGE] =
        {.vi = "--peer-change cần một số điểm từ -100 đến 100, ví dụ 1,5 hoặc -2, không phải '{0}'",
         .en = "--peer-change takes points from -100 to 100, such as 1.5 or -2, not '{0}'"},
    [PS_L_CLI_COLOR] = {.vi = "--color cần auto, always hoặc never, không phải '{0}'",
                        .en = "--color takes auto, always or never, not '{0}'"},
    [PS_L_CLI_BY] = {.vi = "--by chỉ nhận 'owner', không phải '{0}'", .en = "--by takes 'owner', not '{0}'"},
    [PS_L_CLI_NEEDS_VALUE] = {.vi = "tùy chọn '{0}' cần một giá trị", .en = "option '{0}' needs a value"},
    [PS_L_CLI_AMBIGUOUS] = {.vi = "tùy chọn '{0}' chưa rõ: có thể là {1}",
                            .en = "option '{0}' is ambiguous: {1}"},
    [PS_L_CLI_UNKNOWN_OPTION] = {.vi = "không có tùy chọn '{0}'", .en = "unknown option '{0}'"},
    [PS_L_CLI_TREND_TOO_MANY] = {.vi = "'trend' nhận nhiều nhất {0} tệp",
                                 .en = "'trend' takes at most {0} files"},
    [PS_L_CLI_EXTRA_ARGUMENT] = {.vi = "thừa đối số '{0}'", .en = "unexpected argument '{0}'"},
    [PS_L_CLI_TREND_NO_FILES] =
        {.vi = "'trend' cần các tệp điểm theo thứ tự các quý, ví dụ q1.csv q2.csv q3.csv",
         .en = "'trend' needs the quarters' scores files in order, such as q1.csv q2.csv q3.csv"},
    [PS_L_CLI_RANK_NO_FILE] = {.vi = "'rank' cần một tệp các đơn vị (hoặc '-' để đọc từ đầu vào chuẩn)",
                               .en = "'rank' needs a file of units (or '-' for standard input)"},
    [PS_L_CLI_NOT_WITH_RANK] = {.vi = "{0} không dùng với 'rank'", .en = "{0} does not go with 'rank'"},
    [PS_L_CLI_PEERS_NO_SCORES] =
        {.vi = "--peers cần một tệp điểm: hạng dự kiến tính từ điểm hiện tại",
         .en = "--peers needs a scores file: the projected rank comes from the current scores"},
    [PS_L_CLI_ONLY_CHECK] = {.vi = "--only và -q chỉ dùng với 'check'",
                             .en = "--only and -q go with the 'check' command"},
    [PS_L_CLI_PEER_CHANGE_PEERS] = {.vi = "--peer-change cần --peers", .en = "--peer-change needs --peers"},
    [PS_L_CLI_CHECK_FORMAT] = {.vi = "'check' chỉ có --format text, json hoặc xlsx",
                               .en = "'check' takes --format text, json or xlsx only"},
    [PS_L_CLI_TABLE_FORMAT] = {.vi = "'{0}' có --format text, json, csv hoặc xlsx",
                               .en = "'{0}' takes --format text, json, csv or xlsx"},
    [PS_L_CLI_BOM_CSV] = {.vi = "--bom dùng với --format csv", .en = "--bom goes with --format csv"},
    [PS_L_CLI_BY_TREND] = {.vi = "--by không dùng với 'trend'", .en = "--by does not go with 'trend'"},
    [PS_L_CLI_NOT_WITH_TEMPLATE] = {.vi = "{0} không dùng với 'template'",
                                    .en = "{0} does not go with 'template'"},
    [PS_L_CLI_TEMPLATE_FORMAT] = {.vi = "'template' có --format csv (mặc định), json hoặc xlsx",
                                  .en = "'template' takes --format csv (the default), json or xlsx"},
    [PS_L_CLI_CHECK_NO_FILE] = {.vi = "'check' cần một tệp điểm (hoặc '-' để đọc từ đầu vào chuẩn)",
                                .en = "'check' needs a scores file (or '-' for standard input)"},
    [PS_L_CLI_STDIN_TWICE] =
        {.vi = "'-' (đầu vào chuẩn) chỉ đọc được một lần: hãy đưa các tệp còn lại bằng tên",
         .en = "'-' (standard input) can be read only once: name the other files"},
    [PS_L_CLI_ENCODING] = {.vi = "--encoding: '{0}' không dùng được (dùng utf-8 hoặc cp1258)",
                           .en = "--encoding: '{0}' is not known (use utf-8 or cp1258)"},
    [PS_L_CLI_ENCODING_HINT] = {.vi = ", hoặc chạy với --encoding cp1258",
                                .en = ", or run with --encoding cp1258"},
};

const char *ps_wording(unsigned id, ps_lang lang)
{
    if (id >= PS_WORDING_COUNT || !table[id].vi)
        return "";
    return lang == PS_LANG_EN ? table[id].en : table[id].vi;
}

const char *ps_label_text(ps_label label, ps_lang lang)
{
    return ps_wording((unsigned)label, lang);
}

size_t ps_wording_part(const char *text, int *arg)
{
    *arg = -1;
    if (text[0] == '{' && text[1] >= '0' && text[1] <= '9' && text[2] == '}') {
        *arg = text[1] - '0';
        return 3;
    }
    size_t n = 0;
    while (text[n] && !(text[n] == '{' && text[n + 1] >= '0' && text[n + 1] <= '9' && text[n + 2] == '}'))
        n++;
    return n;
}

void ps_wording_fill(ps_buf *out, const char *text, const char *const *args, size_t count)
{
    int arg;
    for (size_t n; (n = ps_wording_part(text, &arg)) > 0; text += n) {
        if (arg < 0)
            ps_buf_append(out, text, n);
        else if ((size_t)arg < count && args[arg])
            ps_buf_puts(out, args[arg]);
    }
}

static void put_chars(char *buf, size_t size, size_t *len, const char *text, size_t n)
{
    if (*len + 1 < size) {
        size_t room = size - 1 - *len;
        memcpy(buf + *len, text, n < room ? n : room);
    }
    *len += n;
}

size_t ps_wording_fill_chars(char *buf, size_t size, const char *text, const char *const *args, size_t count)
{
    size_t len = 0;
    int arg;
    for (size_t n; (n = ps_wording_part(text, &arg)) > 0; text += n) {
        if (arg < 0)
            put_chars(buf, size, &len, text, n);
        else if ((size_t)arg < count && args[arg])
            put_chars(buf, size, &len, args[arg], strlen(args[arg]));
    }
    if (size > 0)
        buf[len < size ? len : size - 1] = '\0';
    return len;
}
