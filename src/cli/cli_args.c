/* Argument parsing for parscore with getopt_long, and the --help text in both languages. */
#include "cli/cli_args.h"

#include <getopt.h>
#include <string.h>

static bool parse_lang(const char *value, ps_lang *lang)
{
    if (strcmp(value, "vi") == 0)
        *lang = PS_LANG_VI;
    else if (strcmp(value, "en") == 0)
        *lang = PS_LANG_EN;
    else
        return false;
    return true;
}

/* The language is needed before any message, so it is looked for first. */
static ps_lang early_lang(int argc, char **argv)
{
    ps_lang lang = PS_LANG_VI;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strncmp(argv[i], "--lang=", 7) == 0)
            parse_lang(argv[i] + 7, &lang);
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            parse_lang(argv[i + 1], &lang);
    }
    return lang;
}

#define MSG(vi, en) (opt->lang == PS_LANG_EN ? (en) : (vi))

/* Splits "total,sipas" into ids; empty items are a usage error. */
static bool parse_only(cli_options *opt, const char *value, char *message, size_t size)
{
    size_t used = strlen(opt->only_buf);
    size_t need = strlen(value) + 1;
    if (used + 1 + need > sizeof opt->only_buf) {
        snprintf(message, size, "%s", MSG("--only quá dài", "--only is too long"));
        return false;
    }
    char *copy = opt->only_buf + (used ? used + 1 : 0);
    memcpy(copy, value, need);
    for (char *p = copy;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (*p == '\0' || opt->only_count == CLI_MAX_ONLY) {
            snprintf(message, size,
                     MSG("--only cần danh sách mã, ví dụ total,sipas; không phải '%s'",
                         "--only takes a list of ids such as total,sipas, not '%s'"),
                     value);
            return false;
        }
        opt->only[opt->only_count++] = p;
        if (!comma)
            break;
        p = comma + 1;
    }
    return true;
}

static bool parse_option(int c, cli_options *opt, char **argv, char *message, size_t size)
{
    switch (c) {
    case 'p':
        opt->plan = optarg;
        return true;
    case 'o':
        opt->output = optarg;
        return true;
    case 'l':
        if (parse_lang(optarg, &opt->lang))
            return true;
        snprintf(message, size,
                 MSG("--lang cần 'vi' hoặc 'en', không phải '%s'", "--lang takes 'vi' or 'en', not '%s'"),
                 optarg);
        return false;
    case 'f': {
        static const char *const formats[] = {"text", "json", "csv", "markdown", "svg"};
        for (int k = 0; k < 5; k++) {
            if (strcmp(optarg, formats[k]) == 0) {
                opt->format = (cli_format)k;
                return true;
            }
        }
        snprintf(message, size,
                 MSG("--format cần text, json, csv, markdown hoặc svg, không phải '%s'",
                     "--format takes text, json, csv, markdown or svg, not '%s'"),
                 optarg);
        return false;
    }
    case 'M':
        opt->bom = true;
        return true;
    case 'O':
        return parse_only(opt, optarg, message, size);
    case 'q':
        opt->quiet = true;
        return true;
    case 'P':
        opt->peers = optarg;
        return true;
    case 'C': {
        bool percent = false;
        if (ps_num_parse(optarg, strlen(optarg), &opt->peer_change, &percent, NULL) == PS_PARSE_OK &&
            !percent && opt->peer_change >= -100 * PS_NUM_SCALE && opt->peer_change <= 100 * PS_NUM_SCALE)
            return true;
        snprintf(message, size,
                 MSG("--peer-change cần một số điểm từ -100 đến 100, ví dụ 1,5 hoặc -2, không phải '%s'",
                     "--peer-change takes points from -100 to 100, such as 1.5 or -2, not '%s'"),
                 optarg);
        return false;
    }
    case 'K':
        if (!optarg || strcmp(optarg, "always") == 0)
            opt->color = CLI_COLOR_ALWAYS;
        else if (strcmp(optarg, "never") == 0)
            opt->color = CLI_COLOR_NEVER;
        else if (strcmp(optarg, "auto") == 0)
            opt->color = CLI_COLOR_AUTO;
        else {
            snprintf(message, size,
                     MSG("--color cần auto, always hoặc never, không phải '%s'",
                         "--color takes auto, always or never, not '%s'"),
                     optarg);
            return false;
        }
        return true;
    case 'B':
        if (strcmp(optarg, "owner") == 0) {
            opt->by_owner = true;
            return true;
        }
        snprintf(message, size, MSG("--by chỉ nhận 'owner', không phải '%s'", "--by takes 'owner', not '%s'"),
                 optarg);
        return false;
    case 'h':
        opt->help = true;
        return true;
    case 'V':
        opt->version = true;
        return true;
    case ':':
        snprintf(message, size, MSG("tùy chọn '%s' cần một giá trị", "option '%s' needs a value"),
                 argv[optind - 1]);
        return false;
    default:
        if (optopt > 0) /* a short option, maybe inside a cluster such as -hx */
            snprintf(message, size, MSG("không có tùy chọn '-%c'", "unknown option '-%c'"), optopt);
        else
            snprintf(message, size, MSG("không có tùy chọn '%s'", "unknown option '%s'"), argv[optind - 1]);
        return false;
    }
}

bool cli_parse(int argc, char **argv, cli_options *opt, char *message, size_t size)
{
    static const struct option longopts[] = {
        {"plan", required_argument, NULL, 'p'},   {"lang", required_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"only", required_argument, NULL, 'O'},   {"quiet", no_argument, NULL, 'q'},
        {"peers", required_argument, NULL, 'P'},  {"peer-change", required_argument, NULL, 'C'},
        {"by", required_argument, NULL, 'B'},     {"color", optional_argument, NULL, 'K'},
        {"bom", no_argument, NULL, 'M'},          {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},      {NULL, 0, NULL, 0}};
    memset(opt, 0, sizeof *opt);
    opt->lang = early_lang(argc, argv);
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":hVqo:", longopts, NULL)) != -1)
        if (!parse_option(c, opt, argv, message, size))
            return false;
    int i = optind;
    static const char *const commands[] = {"report", "check", "rank", "trend"};
    for (int k = 0; k < 4 && i < argc; k++) {
        if (strcmp(argv[i], commands[k]) == 0) {
            opt->command = (cli_command)k;
            i++;
            break;
        }
    }
    while (opt->command == CLI_TREND && i < argc) {
        if (opt->file_count == CLI_MAX_FILES) {
            snprintf(message, size, MSG("'trend' nhận nhiều nhất %d tệp", "'trend' takes at most %d files"),
                     CLI_MAX_FILES);
            return false;
        }
        opt->files[opt->file_count++] = argv[i++];
    }
    if (i < argc)
        opt->scores = argv[i++];
    if (i < argc) {
        snprintf(message, size, MSG("thừa đối số '%s'", "unexpected argument '%s'"), argv[i]);
        return false;
    }
    if (opt->help || opt->version)
        return true;
    if (opt->command == CLI_TREND && opt->file_count == 0) {
        snprintf(message, size, "%s",
                 MSG("'trend' cần các tệp điểm theo thứ tự các quý, ví dụ q1.csv q2.csv q3.csv",
                     "'trend' needs the quarters' scores files in order, such as q1.csv q2.csv q3.csv"));
        return false;
    }
    if (opt->command == CLI_RANK && !opt->scores) {
        snprintf(message, size, "%s",
                 MSG("'rank' cần một tệp các đơn vị (hoặc '-' để đọc từ đầu vào chuẩn)",
                     "'rank' needs a file of units (or '-' for standard input)"));
        return false;
    }
    if (opt->command == CLI_RANK && (opt->peers || opt->by_owner)) {
        snprintf(message, size, MSG("%s không dùng với 'rank'", "%s does not go with 'rank'"),
                 opt->peers ? "--peers" : "--by");
        return false;
    }
    if (opt->command == CLI_REPORT && opt->peers && !opt->scores) {
        snprintf(message, size, "%s",
                 MSG("--peers cần một tệp điểm: hạng dự kiến tính từ điểm hiện tại",
                     "--peers needs a scores file: the projected rank comes from the current scores"));
        return false;
    }
    if (opt->command != CLI_CHECK && (opt->only_count > 0 || opt->quiet)) {
        snprintf(message, size, "%s",
                 MSG("--only và -q chỉ dùng với 'check'", "--only and -q go with the 'check' command"));
        return false;
    }
    if (opt->peer_change != 0 && !opt->peers) {
        snprintf(message, size, "%s", MSG("--peer-change cần --peers", "--peer-change needs --peers"));
        return false;
    }
    if (opt->command == CLI_CHECK && opt->format != CLI_FORMAT_TEXT && opt->format != CLI_FORMAT_JSON) {
        snprintf(message, size, "%s",
                 MSG("'check' chỉ có --format text hoặc json", "'check' takes --format text or json only"));
        return false;
    }
    if ((opt->command == CLI_RANK || opt->command == CLI_TREND) &&
        (opt->format == CLI_FORMAT_MARKDOWN || opt->format == CLI_FORMAT_SVG)) {
        snprintf(message, size,
                 MSG("'%s' có --format text, json hoặc csv", "'%s' takes --format text, json or csv"),
                 opt->command == CLI_RANK ? "rank" : "trend");
        return false;
    }
    if (opt->bom && opt->format != CLI_FORMAT_CSV) {
        snprintf(message, size, "%s", MSG("--bom dùng với --format csv", "--bom goes with --format csv"));
        return false;
    }
    if (opt->by_owner && opt->command == CLI_TREND) {
        snprintf(message, size, "%s", MSG("--by không dùng với 'trend'", "--by does not go with 'trend'"));
        return false;
    }
    if (opt->command == CLI_CHECK && !opt->scores) {
        snprintf(message, size, "%s",
                 MSG("'check' cần một tệp điểm (hoặc '-' để đọc từ đầu vào chuẩn)",
                     "'check' needs a scores file (or '-' for standard input)"));
        return false;
    }
    return true;
}

void cli_print_help(FILE *out, ps_lang lang)
{
    if (lang == PS_LANG_EN) {
        fputs("Usage: parscore [report] [SCORES] [OPTIONS]\n"
              "       parscore check SCORES [--only ID[,ID...]] [-q] [OPTIONS]\n"
              "       parscore rank UNITS [--format text|json|csv] [OPTIONS]\n"
              "       parscore trend SCORES_Q1 SCORES_Q2 ... [--peers FILE] [OPTIONS]\n"
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
              "\n"
              "  SCORES           quarterly scores, CSV or JSON: id and score (%) or points;\n"
              "                   '-' reads standard input. Without it, report shows the plan:\n"
              "                   the 2022 results against the 2023 targets.\n"
              "\n"
              "Options:\n"
              "  --plan FILE      use this plan (CSV or JSON) instead of the built-in one\n"
              "  --format FORMAT  text (default), json, csv, markdown (tables to paste into a\n"
              "                   report) or svg (a chart); check: text or json; rank and trend:\n"
              "                   text, json or csv\n"
              "  --bom            csv: start with a byte order mark, for spreadsheets that want one\n"
              "  -o, --output FILE  write to FILE (replaced only when all went well)\n"
              "  --peers FILE     other units' published totals (CSV or JSON): adds the projected\n"
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
              "  parscore trend examples/scores-2023-q1.csv examples/scores-2023-q2.csv "
              "examples/scores-2023-q3.csv\n"
              "  parscore --format svg examples/scores-2023-q3.csv > chart.svg\n"
              "\n"
              "Exit status: 0 success (check: every checked target met); 1 check: a target\n"
              "missed; 2 usage error, bad input or output that could not be written.\n",
              out);
        return;
    }
    fputs("Cách dùng: parscore [report] [TỆP_ĐIỂM] [TÙY_CHỌN]\n"
          "           parscore check TỆP_ĐIỂM [--only MÃ[,MÃ...]] [-q] [TÙY_CHỌN]\n"
          "           parscore rank TỆP_ĐƠN_VỊ [--format text|json|csv] [TÙY_CHỌN]\n"
          "           parscore trend TỆP_QUÝ_1 TỆP_QUÝ_2 ... [--peers TỆP] [TÙY_CHỌN]\n"
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
          "\n"
          "  TỆP_ĐIỂM         điểm của quý, CSV hoặc JSON: id và score (%) hoặc points;\n"
          "                   '-' đọc từ đầu vào chuẩn. Không có tệp: report hiện kế hoạch,\n"
          "                   kết quả năm 2022 so với mục tiêu năm 2023.\n"
          "\n"
          "Tùy chọn:\n"
          "  --plan FILE      dùng kế hoạch này (CSV hoặc JSON) thay cho kế hoạch có sẵn\n"
          "  --format FORMAT  text (mặc định), json, csv, markdown (bảng để dán vào báo cáo)\n"
          "                   hoặc svg (biểu đồ); check: text hoặc json; rank và trend: text,\n"
          "                   json hoặc csv\n"
          "  --bom            csv: thêm dấu BOM ở đầu tệp, cho bảng tính cần nó\n"
          "  -o, --output FILE  ghi vào FILE (chỉ thay tệp khi mọi việc thành công)\n"
          "  --peers FILE     kết quả công bố của các đơn vị khác (CSV hoặc JSON): thêm hạng\n"
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
          "\n"
          "Mã thoát: 0 thành công (check: mọi mục tiêu được kiểm tra đều đạt); 1 check: có\n"
          "mục tiêu chưa đạt; 2 sai cách dùng, dữ liệu vào sai hoặc không ghi được kết quả.\n",
          out);
}
