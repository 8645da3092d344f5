/* Argument parsing for parscore with getopt_long, and the --help text in both languages. */
#include "cli_args.h"

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

bool cli_parse(int argc, char **argv, cli_options *opt, char *message, size_t size)
{
    static const struct option longopts[] = {{"plan", required_argument, NULL, 'p'},
                                             {"lang", required_argument, NULL, 'l'},
                                             {"help", no_argument, NULL, 'h'},
                                             {"version", no_argument, NULL, 'V'},
                                             {NULL, 0, NULL, 0}};
    memset(opt, 0, sizeof *opt);
    opt->lang = early_lang(argc, argv);
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'p':
            opt->plan = optarg;
            break;
        case 'l':
            if (!parse_lang(optarg, &opt->lang)) {
                snprintf(
                    message, size,
                    MSG("--lang cần 'vi' hoặc 'en', không phải '%s'", "--lang takes 'vi' or 'en', not '%s'"),
                    optarg);
                return false;
            }
            break;
        case 'h':
            opt->help = true;
            break;
        case 'V':
            opt->version = true;
            break;
        case ':':
            snprintf(message, size, MSG("tùy chọn '%s' cần một giá trị", "option '%s' needs a value"),
                     argv[optind - 1]);
            return false;
        default:
            snprintf(message, size, MSG("không có tùy chọn '%s'", "unknown option '%s'"), argv[optind - 1]);
            return false;
        }
    }
    int i = optind;
    if (i < argc && strcmp(argv[i], "report") == 0)
        i++;
    if (i < argc)
        opt->scores = argv[i++];
    if (i < argc) {
        snprintf(message, size, MSG("thừa đối số '%s'", "unexpected argument '%s'"), argv[i]);
        return false;
    }
    opt->command = CLI_REPORT;
    return true;
}

void cli_print_help(FILE *out, ps_lang lang)
{
    if (lang == PS_LANG_EN) {
        fputs("Usage: parscore [report] [SCORES] [OPTIONS]\n"
              "\n"
              "Scorecard for the PAR INDEX and SIPAS plan of Sìn Hồ district (2023): totals,\n"
              "gaps to every target and which targets are met.\n"
              "\n"
              "  SCORES           quarterly scores, CSV with columns id and score (%) or points;\n"
              "                   '-' reads standard input. Without it: the plan itself,\n"
              "                   2022 results against the 2023 targets.\n"
              "  --plan FILE      use this plan CSV instead of the built-in one\n"
              "  --lang vi|en     language of the report and messages (default: vi)\n"
              "  -h, --help       show this help\n"
              "  -V, --version    show the version\n"
              "\n"
              "Examples:\n"
              "  parscore                               the plan: 2022 against the 2023 targets\n"
              "  parscore examples/scores-2023-q3.csv   the report for a quarter\n"
              "  parscore --lang en scores.csv          the same in English\n"
              "\n"
              "Exit status: 0 success; 2 usage error or bad input (message on stderr).\n",
              out);
        return;
    }
    fputs("Cách dùng: parscore [report] [TỆP_ĐIỂM] [TÙY_CHỌN]\n"
          "\n"
          "Bảng điểm theo Kế hoạch nâng cao PAR INDEX, SIPAS huyện Sìn Hồ năm 2023: điểm tổng,\n"
          "chênh lệch so với từng mục tiêu và các mục tiêu đã đạt.\n"
          "\n"
          "  TỆP_ĐIỂM         điểm của quý, tệp CSV có cột id và score (%) hoặc points;\n"
          "                   '-' đọc từ đầu vào chuẩn. Không có tệp: hiện kế hoạch,\n"
          "                   kết quả năm 2022 so với mục tiêu năm 2023.\n"
          "  --plan TỆP       dùng tệp kế hoạch CSV này thay cho kế hoạch có sẵn\n"
          "  --lang vi|en     ngôn ngữ của báo cáo và thông báo (mặc định: vi)\n"
          "  -h, --help       hiện trợ giúp này\n"
          "  -V, --version    hiện phiên bản\n"
          "\n"
          "Ví dụ:\n"
          "  parscore                               kế hoạch: năm 2022 so với mục tiêu 2023\n"
          "  parscore examples/scores-2023-q3.csv   báo cáo của một quý\n"
          "  parscore --lang en scores.csv          báo cáo bằng tiếng Anh\n"
          "\n"
          "Mã thoát: 0 thành công; 2 sai cách dùng hoặc dữ liệu vào sai (thông báo ở stderr).\n",
          out);
}
