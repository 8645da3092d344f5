/* Unit tests for the SVG chart (ps_report_svg): its numbers against the result and the JSON report,
 * unknown values, XML escaping, both languages, and a real render to PNG with rsvg-convert. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "parscore/parscore.h"

#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must name the examples directory"
#endif
#ifndef OUTPUT_DIR
#error "OUTPUT_DIR must name a directory for the rendered files"
#endif

#define DASH "\xe2\x80\x94"
#define PLAN_HEADER "id,kind,name,max_points,baseline,baseline_rank,target,target_rank,owners\n"

/* the built-in plan and the example quarter, loaded once */
static ps_plan builtin;
static ps_scores q3;
static ps_result q3_result;

static int setup(void **state)
{
    (void)state;
    ps_error err;
    memset(&err, 0, sizeof err);
    if (ps_plan_load_builtin(&builtin, &err) != PS_OK)
        return -1;
    if (ps_scores_load_file(EXAMPLES_DIR "/scores-2023-q3.csv", NULL, &builtin, &q3, &err) != PS_OK) {
        char msg[512];
        ps_error_format(&err, PS_LANG_EN, msg, sizeof msg);
        fprintf(stderr, "scores refused: %s\n", msg);
        return -1;
    }
    return ps_score(&builtin, &q3, &q3_result) == PS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ps_result_free(&q3_result);
    ps_scores_free(&q3);
    ps_plan_free(&builtin);
    return 0;
}

/* ---- helpers ---- */

static char *render(const ps_plan *plan, const ps_result *result, ps_lang lang)
{
    ps_report_options opt;
    memset(&opt, 0, sizeof opt);
    opt.lang = lang;
    opt.scores_source = "examples/scores-2023-q3.csv";
    ps_buf out;
    ps_buf_init(&out);
    assert_int_equal(ps_report_svg(plan, result, &opt, &out), PS_OK);
    assert_non_null(out.data);
    assert_int_equal(strlen(out.data), out.len);
    return out.data;
}

static size_t count(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

static bool valid_utf8(const unsigned char *s)
{
    while (*s) {
        size_t n = *s < 0x80             ? 1
                   : (*s & 0xE0) == 0xC0 ? 2
                   : (*s & 0xF0) == 0xE0 ? 3
                   : (*s & 0xF8) == 0xF0 ? 4
                                         : 0;
        if (n == 0 || (n == 2 && *s < 0xC2))
            return false;
        for (size_t k = 1; k < n; k++)
            if ((s[k] & 0xC0) != 0x80)
                return false;
        s += n;
    }
    return true;
}

/* Every '&' starts one of the five entities, every '<' a tag: no raw text slipped through. */
static void check_escaped(const char *svg)
{
    static const char *const entities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    for (const char *p = strchr(svg, '&'); p; p = strchr(p + 1, '&')) {
        bool known = false;
        for (size_t k = 0; k < 5; k++)
            known = known || strncmp(p, entities[k], strlen(entities[k])) == 0;
        if (!known) {
            print_error("raw '&' at: %.40s\n", p);
            fail();
        }
    }
    for (const char *p = strchr(svg, '<'); p; p = strchr(p + 1, '<'))
        if (!strchr("?/abcdefghijklmnopqrstuvwxyz", p[1])) {
            print_error("raw '<' at: %.40s\n", p);
            fail();
        }
}

/* A document, one root, balanced groups and texts, valid UTF-8, escaped. */
static void check_well_formed(const char *svg)
{
    assert_true(strncmp(svg, "<?xml", 5) == 0 || strncmp(svg, "<svg", 4) == 0);
    size_t len = strlen(svg);
    while (len > 0 && (svg[len - 1] == '\n' || svg[len - 1] == ' '))
        len--;
    assert_true(len >= 6 && strncmp(svg + len - 6, "</svg>", 6) == 0);
    assert_int_equal(count(svg, "<svg "), 1);
    assert_int_equal(count(svg, "</svg>"), 1);
    assert_non_null(strstr(svg, "xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(svg, "viewBox=\"0 0 "));
    assert_non_null(strstr(svg, "font-family=\"DejaVu Sans, Noto Sans, sans-serif\""));
    assert_int_equal(count(svg, "<g ") + count(svg, "<g>"), count(svg, "</g>"));
    assert_int_equal(count(svg, "<text"), count(svg, "</text>"));
    assert_int_equal(count(svg, "<title>"), count(svg, "</title>"));
    assert_true(count(svg, "<title>") >= 1);
    assert_true(valid_utf8((const unsigned char *)svg));
    check_escaped(svg);
}

/* The indicator's group, from its opening tag to its </g>, freshly allocated; NULL when absent. */
static char *group_of(const char *svg, const char *id)
{
    char key[96];
    snprintf(key, sizeof key, "<g class=\"indicator\" data-id=\"%s\"", id);
    const char *start = strstr(svg, key);
    if (!start)
        return NULL;
    const char *end = strstr(start, "</g>");
    assert_non_null(end);
    size_t n = (size_t)(end - start);
    char *g = malloc(n + 1);
    assert_non_null(g);
    memcpy(g, start, n);
    g[n] = '\0';
    return g;
}

/* The value of attribute name in the group's opening tag. */
static const char *attr(const char *group, const char *name)
{
    static char value[256];
    char key[64];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *tag_end = strchr(group, '>');
    const char *p = strstr(group, key);
    assert_non_null(p);
    assert_true(p < tag_end);
    p += strlen(key);
    const char *q = strchr(p, '"');
    assert_non_null(q);
    size_t n = (size_t)(q - p);
    assert_true(n < sizeof value);
    memcpy(value, p, n);
    value[n] = '\0';
    return value;
}

static const char *two_decimals(bool has, ps_num value)
{
    static char buf[64];
    if (!has)
        return "";
    ps_num_format(value, 2, '.', false, buf, sizeof buf);
    return buf;
}

#define assert_attr(group, name, want) check_attr((group), (name), (want), __FILE__, __LINE__)

static void check_attr(const char *group, const char *name, const char *want, const char *file, int line)
{
    const char *got = attr(group, name);
    if (strcmp(got, want) != 0) {
        print_error("%s: got \"%s\", want \"%s\"\n", name, got, want);
        _fail(file, line);
    }
}

/* Every charted line has a group whose numbers are the result's at 2 decimals; office KPIs have none. */
static void check_numbers(const char *svg, const ps_result *r)
{
    size_t charted = 0;
    for (size_t i = 0; i < r->count; i++) {
        const ps_line *l = &r->lines[i];
        const ps_indicator *ind = l->indicator;
        char *g = group_of(svg, ind->id);
        if (ind->kind == PS_KIND_KPI) {
            assert_null(g);
            continue;
        }
        assert_non_null(g);
        charted++;
        assert_attr(g, "data-baseline", two_decimals(ind->has_baseline, ind->baseline));
        assert_attr(g, "data-score", two_decimals(l->has_score, l->score));
        assert_attr(g, "data-target", two_decimals(ind->has_target, ind->target.value));
        assert_attr(g, "data-target-op", !ind->has_target ? "" : ind->target.op == PS_OP_GT ? "gt" : "ge");
        assert_int_equal(count(g, "class=\"bar baseline\""), ind->has_baseline ? 1 : 0);
        assert_int_equal(count(g, "class=\"bar score"), l->has_score ? 1 : 0);
        assert_int_equal(count(g, "class=\"target\""), ind->has_target ? 1 : 0);
        free(g);
    }
    assert_int_equal(count(svg, "<g class=\"indicator\""), charted);
}

static const char *json_number(const cJSON *obj, const char *key)
{
    static char buf[64];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    assert_non_null(v);
    if (cJSON_IsNull(v))
        return "";
    assert_true(cJSON_IsNumber(v));
    snprintf(buf, sizeof buf, "%.2f", v->valuedouble);
    return buf;
}

static void check_json_item(const char *svg, const cJSON *item)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");
    assert_true(cJSON_IsString(id));
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(item, "kind");
    char *g = group_of(svg, id->valuestring);
    if (strcmp(kind->valuestring, "kpi") == 0) {
        assert_null(g);
        return;
    }
    assert_non_null(g);
    assert_attr(g, "data-baseline", json_number(item, "baseline"));
    assert_attr(g, "data-score", json_number(item, "score"));
    const cJSON *target = cJSON_GetObjectItemCaseSensitive(item, "target");
    assert_attr(g, "data-target", cJSON_IsObject(target) ? json_number(target, "value") : "");
    free(g);
}

/* The chart says what the JSON report says, indicator by indicator and for the total. */
static void check_against_json(const char *svg, const ps_plan *plan, const ps_result *r)
{
    ps_report_options opt;
    memset(&opt, 0, sizeof opt);
    ps_buf json;
    ps_buf_init(&json);
    assert_int_equal(ps_report_json(plan, r, &opt, &json), PS_OK);
    cJSON *root = cJSON_Parse(json.data);
    assert_non_null(root);
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(root, "indicators"))
    {
        check_json_item(svg, item);
    }
    check_json_item(svg, cJSON_GetObjectItemCaseSensitive(root, "total"));
    cJSON_Delete(root);
    ps_buf_free(&json);
}

/* ---- the chart ---- */

static void q3_in_vietnamese(void **state)
{
    (void)state;
    char *svg = render(&builtin, &q3_result, PS_LANG_VI);
    check_well_formed(svg);
    check_numbers(svg, &q3_result);
    check_against_json(svg, &builtin, &q3_result);
    assert_non_null(strstr(svg, "xml:lang=\"vi\""));
    assert_non_null(strstr(svg, "<title>Sìn Hồ: chỉ số năm 2023, kỳ 2023-Q3</title>"));
    /* the names, in full in each group's title and on the chart */
    assert_non_null(strstr(svg, "<title>Công tác chỉ đạo điều hành về cải cách hành chính</title>"));
    assert_non_null(strstr(svg, ">Cải cách thủ tục hành chính</text>"));
    assert_non_null(strstr(svg, ">Tổng (PAR INDEX)</text>"));
    assert_non_null(strstr(svg, ">Chưa đạt</text>"));
    /* values with a decimal comma, targets with their sign */
    assert_non_null(strstr(svg, ">48,50</text>"));
    assert_non_null(strstr(svg, ">42,22</text>"));
    assert_non_null(strstr(svg, ">&gt; 50,00</text>"));
    assert_null(strstr(svg, ">48.50</text>"));
    /* the known example figures: criterion 1 missed, 2 met, the total 64.94 just below 65 */
    char *g = group_of(svg, "1");
    assert_attr(g, "data-baseline", "42.22");
    assert_attr(g, "data-score", "48.50");
    assert_attr(g, "data-target", "50.00");
    assert_attr(g, "data-met", "no");
    assert_non_null(strstr(g, "class=\"bar score missed\""));
    free(g);
    g = group_of(svg, "2");
    assert_attr(g, "data-score", "92.50");
    assert_attr(g, "data-met", "yes");
    assert_non_null(strstr(g, "class=\"bar score met\""));
    free(g);
    g = group_of(svg, "total");
    assert_attr(g, "data-kind", "total");
    assert_attr(g, "data-score", "64.94");
    assert_attr(g, "data-partial", "false");
    free(g);
    /* the max points are illustrative: the footer says so */
    assert_non_null(strstr(svg, "minh họa"));
    free(svg);
}

static void q3_in_english(void **state)
{
    (void)state;
    char *svg = render(&builtin, &q3_result, PS_LANG_EN);
    check_well_formed(svg);
    check_numbers(svg, &q3_result);
    check_against_json(svg, &builtin, &q3_result);
    assert_non_null(strstr(svg, "xml:lang=\"en\""));
    assert_non_null(strstr(svg, "<title>Sìn Hồ: 2023 scores, period 2023-Q3</title>"));
    assert_non_null(strstr(svg, ">Reform of administrative procedures</text>"));
    assert_non_null(strstr(svg, ">Total (PAR INDEX)</text>"));
    assert_non_null(strstr(svg, ">48.50</text>"));
    assert_non_null(strstr(svg, ">&gt; 50.00</text>"));
    assert_null(strstr(svg, ">48,50</text>"));
    assert_null(strstr(svg, "Cải cách thủ tục hành chính"));
    assert_non_null(strstr(svg, "illustrative"));
    free(svg);
}

static void unknown_score_is_no_bar(void **state)
{
    (void)state;
    static const char csv[] = "id,score\n1,48.5\n2,92.5\n4,86\n5,82.25\n6,50.01\n7,41.3\n8,71\n";
    ps_scores s;
    ps_error err;
    ps_result r;
    assert_int_equal(ps_scores_load_buffer(csv, strlen(csv), "q.csv", &builtin, &s, &err), PS_OK);
    assert_int_equal(ps_score(&builtin, &s, &r), PS_OK);
    char *svg = render(&builtin, &r, PS_LANG_VI);
    check_well_formed(svg);
    check_numbers(svg, &r);
    check_against_json(svg, &builtin, &r);
    char *g = group_of(svg, "3");
    assert_attr(g, "data-score", "");
    assert_attr(g, "data-baseline", "53.48");
    assert_attr(g, "data-met", "unknown");
    assert_null(strstr(g, "class=\"bar score"));
    assert_non_null(strstr(g, "class=\"bar baseline\""));
    assert_non_null(strstr(g, ">" DASH "</text>")); /* a dash, never a 0 */
    assert_null(strstr(g, ">0,00</text>"));
    free(g);
    g = group_of(svg, "sipas");
    assert_attr(g, "data-score", "");
    assert_null(strstr(g, "class=\"bar score"));
    free(g);
    /* the total is partial: drawn grey, said so */
    g = group_of(svg, "total");
    assert_attr(g, "data-partial", "true");
    assert_attr(g, "data-met", "unknown");
    assert_non_null(strstr(g, "class=\"bar score unknown\""));
    assert_non_null(strstr(g, ">Tạm tính</text>"));
    free(g);
    free(svg);
    ps_result_free(&r);
    ps_scores_free(&s);
}

static void plan_view_has_only_baselines(void **state)
{
    (void)state;
    ps_result r;
    assert_int_equal(ps_score(&builtin, NULL, &r), PS_OK);
    char *svg = render(&builtin, &r, PS_LANG_VI);
    check_well_formed(svg);
    check_numbers(svg, &r);
    check_against_json(svg, &builtin, &r);
    assert_non_null(strstr(svg, "data-mode=\"plan\""));
    assert_non_null(strstr(svg, "<title>Sìn Hồ: kết quả năm 2022 so với mục tiêu năm 2023</title>"));
    assert_int_equal(count(svg, "class=\"bar baseline\""), 10);
    assert_int_equal(count(svg, "class=\"bar score"), 0);
    assert_int_equal(count(svg, "data-score=\"\""), 10);
    char *g = group_of(svg, "total");
    assert_attr(g, "data-baseline", "59.62");
    assert_attr(g, "data-target", "65.00");
    assert_attr(g, "data-partial", "false");
    free(g);
    free(svg);
    ps_result_free(&r);
}

static void names_are_escaped(void **state)
{
    (void)state;
    static const char csv[] = "# unit: Xã <Thử> & \"Mới\"\n# year: 2023\n# baseline_year: 2022\n" PLAN_HEADER
                              "1,criterion,\"Cải cách & <thủ tục> \"\"hành chính\"\" 'mới'\",60,\"42,5%\",3,"
                              "Trên 50%,2,Phòng A\n"
                              "2,criterion,Hai,40,,,tối thiểu 60%,,\n"
                              "total,total,Tổng,,,,>= 55,,\n";
    ps_plan plan;
    ps_error err;
    assert_int_equal(ps_plan_load_buffer(csv, strlen(csv), "p&<.csv", &plan, &err), PS_OK);
    ps_scores s;
    static const char scores[] = "id,score\n1,55\n";
    assert_int_equal(ps_scores_load_buffer(scores, strlen(scores), "s.csv", &plan, &s, &err), PS_OK);
    ps_result r;
    assert_int_equal(ps_score(&plan, &s, &r), PS_OK);
    for (int lang = 0; lang < 2; lang++) {
        char *svg = render(&plan, &r, (ps_lang)lang);
        check_well_formed(svg);
        check_numbers(svg, &r);
        assert_non_null(strstr(svg, "Cải cách &amp; &lt;thủ tục&gt; &quot;hành chính&quot; &apos;mới&apos;"));
        assert_non_null(strstr(svg, "Xã &lt;Thử&gt; &amp; &quot;Mới&quot;"));
        assert_non_null(strstr(svg, "p&amp;&lt;.csv"));
        assert_null(strstr(svg, "<thủ tục>"));
        /* no baseline for 2: no bar and a dash; its target is "at least" */
        char *g = group_of(svg, "2");
        assert_attr(g, "data-baseline", "");
        assert_attr(g, "data-target-op", "ge");
        assert_non_null(strstr(g, ">\xe2\x89\xa5 60"));
        free(g);
        free(svg);
    }
    ps_result_free(&r);
    ps_scores_free(&s);
    ps_plan_free(&plan);
}

/* A long name is cut at a word with "…", never inside a character, and stays whole in the group's title. */
static void long_names_are_shortened(void **state)
{
    (void)state;
    static const char name[] =
        "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của các cơ quan hành chính "
        "nhà nước, hướng tới chính quyền số, kinh tế số và xã hội số ở huyện";
    char csv[1024];
    snprintf(csv, sizeof csv,
             PLAN_HEADER "1,criterion,\"%s\",100,50,,Trên 60%%,,\ntotal,total,Tổng,,,,Trên 60%%,,\n", name);
    ps_plan plan;
    ps_error err;
    assert_int_equal(ps_plan_load_buffer(csv, strlen(csv), "p.csv", &plan, &err), PS_OK);
    ps_result r;
    assert_int_equal(ps_score(&plan, NULL, &r), PS_OK);
    char *svg = render(&plan, &r, PS_LANG_VI);
    check_well_formed(svg);
    char title[512];
    snprintf(title, sizeof title, "<title>%s</title>", name);
    assert_non_null(strstr(svg, title));
    assert_non_null(strstr(svg, "\xe2\x80\xa6</text>"));
    assert_non_null(strstr(svg, ">Đẩy mạnh ứng dụng"));
    /* the title has no unit or years: it says less rather than something wrong */
    assert_non_null(strstr(svg, "<title>PAR INDEX</title>"));
    assert_null(strstr(svg, "minh họa")); /* max points not marked illustrative */
    free(svg);
    ps_result_free(&r);
    ps_plan_free(&plan);
}

static void failed_buffer_is_nomem(void **state)
{
    (void)state;
    ps_report_options opt;
    memset(&opt, 0, sizeof opt);
    ps_buf out;
    ps_buf_init(&out);
    out.failed = true;
    assert_int_equal(ps_report_svg(&builtin, &q3_result, &opt, &out), PS_ERR_NOMEM);
    ps_buf_free(&out);
}

/* ---- a real renderer ---- */

static bool rsvg_convert_found(void)
{
    FILE *p = popen("command -v rsvg-convert", "r");
    if (!p)
        return false;
    char path[512] = "";
    bool found = fgets(path, sizeof path, p) != NULL && path[0] == '/';
    return pclose(p) == 0 && found;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

/* Renders svg to OUTPUT_DIR/test_svg-NAME.png (kept for a look) and checks the PNG. */
static void render_png(const char *svg, const char *name)
{
    if (!rsvg_convert_found()) {
        print_error("rsvg-convert not found: install librsvg2-bin (and fonts-dejavu-core), e.g. "
                    "sudo apt-get install librsvg2-bin fonts-dejavu-core\n");
        fail();
    }
    char svg_path[1024], png_path[1024], cmd[2200];
    snprintf(svg_path, sizeof svg_path, "%s/test_svg-%s.svg", OUTPUT_DIR, name);
    snprintf(png_path, sizeof png_path, "%s/test_svg-%s.png", OUTPUT_DIR, name);
    write_file(svg_path, svg);
    remove(png_path);
    snprintf(cmd, sizeof cmd, "rsvg-convert --format=png --output='%s' '%s'", png_path, svg_path);
    int status = system(cmd);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        print_error("rsvg-convert failed (status %d) on %s\n", status, svg_path);
        fail();
    }
    FILE *f = fopen(png_path, "rb");
    assert_non_null(f);
    unsigned char sig[8];
    assert_int_equal(fread(sig, 1, sizeof sig, f), sizeof sig);
    assert_memory_equal(sig, "\x89PNG\r\n\x1a\n", sizeof sig);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    fclose(f);
    if (size < 20000) {
        print_error("%s: only %ld bytes\n", png_path, size);
        fail();
    }
}

static void renders_to_png(void **state)
{
    (void)state;
    char *svg = render(&builtin, &q3_result, PS_LANG_VI);
    render_png(svg, "q3-vi");
    free(svg);
    svg = render(&builtin, &q3_result, PS_LANG_EN);
    render_png(svg, "q3-en");
    free(svg);
    ps_result r;
    assert_int_equal(ps_score(&builtin, NULL, &r), PS_OK);
    svg = render(&builtin, &r, PS_LANG_VI);
    render_png(svg, "plan-vi");
    free(svg);
    ps_result_free(&r);
    /* scores missing: dashes and a partial total */
    static const char csv[] = "id,score\n1,48.5\n2,92.5\n4,86\n";
    ps_scores s;
    ps_error err;
    assert_int_equal(ps_scores_load_buffer(csv, strlen(csv), "q.csv", &builtin, &s, &err), PS_OK);
    assert_int_equal(ps_score(&builtin, &s, &r), PS_OK);
    svg = render(&builtin, &r, PS_LANG_EN);
    render_png(svg, "partial-en");
    free(svg);
    ps_result_free(&r);
    ps_scores_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(q3_in_vietnamese),        cmocka_unit_test(q3_in_english),
        cmocka_unit_test(unknown_score_is_no_bar), cmocka_unit_test(plan_view_has_only_baselines),
        cmocka_unit_test(names_are_escaped),       cmocka_unit_test(long_names_are_shortened),
        cmocka_unit_test(failed_buffer_is_nomem),  cmocka_unit_test(renders_to_png),
    };
    return cmocka_run_group_tests(tests, setup, teardown) ? 1 : 0;
}
