/* Unit tests for the report model and its renderers: what the content holds (typed cells, the data
 * table), and how each layout shows the same doc (escaping, notes, series, CSV quoting). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/parscore.h"
#include "report/content.h"
#include "report/render.h"

#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must name the examples directory"
#endif

static ps_plan builtin;
static ps_scores q3;

static int setup(void **state)
{
    (void)state;
    ps_error err;
    if (ps_plan_load_builtin(&builtin, &err) != PS_OK)
        return -1;
    return ps_scores_load_file(EXAMPLES_DIR "/scores-2023-q3.csv", NULL, &builtin, &q3, &err) == PS_OK ? 0
                                                                                                       : -1;
}

static int teardown(void **state)
{
    (void)state;
    ps_scores_free(&q3);
    ps_plan_free(&builtin);
    return 0;
}

static char *laid_out(const ps_doc *doc, char format)
{
    ps_buf out;
    ps_buf_init(&out);
    ps_text_layout layout = {36, false};
    ps_status st = format == 't'   ? ps_render_text(doc, &layout, &out)
                   : format == 'm' ? ps_render_markdown(doc, &out)
                                   : ps_render_csv(doc, &(ps_csv_layout){false, false}, &out);
    assert_int_equal(st, PS_OK);
    ps_buf_append(&out, "", 0);
    return out.data;
}

static const ps_doc_row *data_row(const ps_doc *doc, const char *id)
{
    for (size_t r = 0; r < doc->data->nrows; r++)
        if (strcmp(doc->data->rows[r].cells[0].text, id) == 0)
            return &doc->data->rows[r];
    return NULL;
}

/* The content is typed: numbers stay numbers, unknown stays unknown, verdicts stay verdicts. */
static void report_content_is_typed(void **state)
{
    (void)state;
    ps_result result;
    assert_int_equal(ps_score(&builtin, &q3, &result), PS_OK);
    ps_report_options options = {.lang = PS_LANG_VI, .scores_source = "q3.csv"};
    ps_doc doc;
    ps_doc_init(&doc, PS_LANG_VI);
    assert_int_equal(ps_content_report(&doc, &builtin, &result, &options), PS_OK);
    assert_true(doc.count >= 3);
    assert_int_equal(doc.sections[0].level, 1);
    assert_int_equal(doc.sections[0].heading.kind, PS_CELL_PHRASE);
    assert_non_null(doc.data);
    assert_int_equal(doc.data->ncols, 32);
    assert_string_equal(doc.data->columns[0].head.text, "id");
    assert_string_equal(doc.data->columns[21].head.text, "missing");
    const ps_doc_row *total = data_row(&doc, "total");
    assert_non_null(total);
    assert_int_equal(total->cells[7].kind, PS_CELL_NUMBER); /* score */
    assert_int_equal(total->cells[14].kind, PS_CELL_VERDICT);
    assert_int_equal(total->cells[20].kind, PS_CELL_BOOL);
    size_t unknown = 0;
    for (size_t r = 0; r < doc.data->nrows; r++) {
        const ps_cell *score = &doc.data->rows[r].cells[7];
        const ps_line *l = &result.lines[r];
        assert_int_equal(score->kind, l->has_score ? PS_CELL_NUMBER : PS_CELL_UNKNOWN);
        if (l->has_score)
            assert_true(score->value == l->score); /* exact: rounding is the layout's */
        unknown += !l->has_score;
    }
    assert_true(unknown > 0); /* the example leaves some scores out: unknown, never 0 */
    ps_doc_free(&doc);
    ps_result_free(&result);
}

/* A small doc by hand: a title, a table with a note column and a row note, a paragraph. */
static void small_doc(ps_doc *doc)
{
    ps_doc_init(doc, PS_LANG_VI);
    ps_doc_begin(doc, 1, ps_cell_text("Báo cáo *thử*"));
    ps_doc_begin(doc, 2, ps_cell_none());
    ps_doc_column cols[] = {{ps_cell_words("Mã"), 0},
                            {ps_cell_words("Điểm"), PS_COL_RIGHT},
                            {ps_cell_words("Mục tiêu"), PS_COL_RIGHT},
                            {ps_cell_words("Đơn vị"), PS_COL_NOTE}};
    ps_doc_table *t = ps_doc_table_new(doc, cols, 4);
    ps_doc_row *row = ps_doc_add_row(doc, t);
    assert_non_null(row);
    row->cells[0] = ps_cell_text("a|b");
    row->cells[1] = ps_cell_number(true, 53480000, 0);
    row->cells[2] = ps_cell_target(&(ps_indicator){.has_target = true, .target = {PS_OP_GT, 50000000}});
    row->cells[3] = ps_cell_text("Phòng Nội vụ");
    row = ps_doc_add_row(doc, t);
    row->cells[0] = ps_cell_text("x");
    row->cells[1] = ps_cell_number(false, 0, 0);
    row->cells[2] = ps_cell_number(true, -1500000, PS_CELL_PLUS);
    row->note = ps_cell_words("ghi chú");
    ps_doc_table_add(doc, t);
    ps_doc_table_add(doc, ps_doc_table_new(doc, cols, 4)); /* no rows: shown by no layout */
    ps_doc_paragraph(doc, ps_cell_words("Hết."));
    assert_false(doc->failed);
}

static void text_layout(void **state)
{
    (void)state;
    ps_doc doc;
    small_doc(&doc);
    char *text = laid_out(&doc, 't');
    assert_string_equal(text, "Báo cáo *thử*\n"
                              "\n"
                              "Mã    Điểm  Mục tiêu\n"
                              "a|b  53,48   > 50,00\n"
                              "     Đơn vị: Phòng Nội vụ\n"
                              "x        \xe2\x80\x94     -1,50\n"
                              "     ghi chú\n"
                              "Hết.\n");
    free(text);
    ps_doc_free(&doc);
}

/* Text from the inputs is escaped, the tool's own symbols (a "> 50,00" target) are not. */
static void markdown_layout(void **state)
{
    (void)state;
    ps_doc doc;
    small_doc(&doc);
    char *md = laid_out(&doc, 'm');
    assert_string_equal(md, "# Báo cáo \\*thử\\*\n"
                            "\n"
                            "| Mã   |  Điểm | Mục tiêu | Đơn vị       |\n"
                            "| ---- | ----: | -------: | ------------ |\n"
                            "| a\\|b | 53,48 |  > 50,00 | Phòng Nội vụ |\n"
                            "| x    |     \xe2\x80\x94 |    -1,50 |              |\n"
                            "\n"
                            "ghi chú\n"
                            "\n"
                            "Hết.\n");
    free(md);
    ps_doc_free(&doc);
}

/* The one quoting routine: a carriage return, a quote or the separator quote the cell; a formula-like
 * text from the inputs is made inert, the tool's own words are not touched. */
static void csv_quoting(void **state)
{
    (void)state;
    ps_buf out;
    ps_buf_init(&out);
    ps_csv_put(&out, &(ps_cell){.kind = PS_CELL_TEXT, .text = "a\rb", .len = 3}, ';', PS_LANG_VI);
    ps_buf_puts(&out, "|");
    ps_csv_put(&out, &(ps_cell){.kind = PS_CELL_TEXT, .text = "=1+1", .len = 4}, ';', PS_LANG_VI);
    ps_buf_puts(&out, "|");
    ps_csv_put(&out, &(ps_cell){.kind = PS_CELL_TEXT, .text = "say \"x\"; y", .len = 10}, ';', PS_LANG_VI);
    ps_buf_puts(&out, "|");
    ps_csv_put(&out, &(ps_cell){.kind = PS_CELL_WORDS, .text = ">=", .len = 2}, ';', PS_LANG_VI);
    ps_buf_puts(&out, "|");
    ps_csv_put(&out, &(ps_cell){.kind = PS_CELL_NUMBER, .value = -1500000, .flags = 0}, ';', PS_LANG_VI);
    ps_buf_puts(&out, "|");
    ps_csv_put(&out, &(ps_cell){.kind = PS_CELL_UNKNOWN}, ';', PS_LANG_VI);
    ps_buf_puts(&out, "|");
    ps_csv_put(&out, &(ps_cell){.kind = PS_CELL_VERDICT, .met = PS_MET_NO}, ';', PS_LANG_VI);
    assert_false(out.failed);
    assert_string_equal(out.data, "\"a\rb\"|\"'=1+1\"|\"say \"\"x\"\"; y\"|>=|-1,50||false");
    ps_buf_free(&out);
}

/* The trend's CSV goes through the same routine: a name with a carriage return no longer splits a row. */
static void trend_csv_quotes_a_carriage_return(void **state)
{
    (void)state;
    static const char plan_csv[] =
        "# unit: Thử\n# year: 2023\n# baseline_year: 2022\n"
        "id,kind,name,max_points,baseline,baseline_rank,target,target_rank,owners\n"
        "1,criterion,\"Tên\rkhác\",10,40,,>50,,\n"
        "total,total,Tổng,,,,>50,,\n";
    ps_plan plan;
    ps_scores scores;
    ps_error err;
    assert_int_equal(ps_plan_load_buffer(plan_csv, sizeof plan_csv - 1, "plan.csv", &plan, &err), PS_OK);
    static const char q1[] = "# period: 2023-Q1\nid,score\n1,45\n";
    assert_int_equal(ps_scores_load_buffer(q1, sizeof q1 - 1, "q1.csv", &plan, &scores, &err), PS_OK);
    ps_trend trend;
    ps_trend_init(&trend, &plan);
    assert_int_equal(ps_trend_add(&trend, &scores, NULL, 0, &err), PS_OK);
    assert_null(scores.entries); /* taken over */
    assert_int_equal(ps_trend_finish(&trend), PS_OK);
    ps_buf out;
    ps_buf_init(&out);
    ps_report_options options = {.lang = PS_LANG_EN};
    assert_int_equal(ps_report_trend(&trend, PS_TREND_CSV, &options, &out), PS_OK);
    assert_string_equal(out.data, "id,name,2023-Q1,outlook,target_op,target_value,outlook_met\n"
                                  "1,\"Tên\rkhác\",45.00,,>,50.00,\n"
                                  "total,Tổng,45.00,,>,50.00,\n");
    ps_buf_free(&out);
    ps_trend_free(&trend);
    ps_plan_free(&plan);
}

/* A series of columns (quarters) shows its latest five in text; every one stays in the doc and in CSV. */
static void text_keeps_the_latest_of_a_series(void **state)
{
    (void)state;
    ps_doc doc;
    ps_doc_init(&doc, PS_LANG_EN);
    ps_doc_column cols[8] = {{ps_cell_words("Id"), 0}};
    static const char *const quarters[] = {"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7"};
    for (int k = 0; k < 7; k++)
        cols[k + 1] = (ps_doc_column){ps_cell_words(quarters[k]), PS_COL_RIGHT | PS_COL_SERIES};
    ps_doc_table *t = ps_doc_table_new(&doc, cols, 8);
    ps_doc_row *row = ps_doc_add_row(&doc, t);
    row->cells[0] = ps_cell_text("1");
    for (int k = 0; k < 7; k++)
        row->cells[k + 1] = ps_cell_integer(k + 1);
    ps_doc_table_add(&doc, t);
    char *text = laid_out(&doc, 't');
    assert_string_equal(text, "Id  Q3  Q4  Q5  Q6  Q7\n1    3   4   5   6   7\n");
    free(text);
    doc.data = t;
    char *csv = laid_out(&doc, 'c');
    assert_string_equal(csv, "Id,Q1,Q2,Q3,Q4,Q5,Q6,Q7\n1,1,2,3,4,5,6,7\n");
    free(csv);
    ps_doc_free(&doc);
}

/* A doc that ran out of memory while it was built is never shown, in any layout. */
static void an_incomplete_doc_is_not_shown(void **state)
{
    (void)state;
    ps_doc doc;
    small_doc(&doc);
    doc.failed = true;
    ps_buf out;
    ps_buf_init(&out);
    ps_text_layout layout = {36, false};
    assert_int_equal(ps_render_text(&doc, &layout, &out), PS_ERR_NOMEM);
    assert_int_equal(ps_render_markdown(&doc, &out), PS_ERR_NOMEM);
    assert_int_equal(ps_render_csv(&doc, &(ps_csv_layout){false, false}, &out), PS_ERR_NOMEM);
    assert_int_equal(out.len, 0);
    ps_buf_free(&out);
    ps_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(report_content_is_typed),
        cmocka_unit_test(text_layout),
        cmocka_unit_test(markdown_layout),
        cmocka_unit_test(csv_quoting),
        cmocka_unit_test(trend_csv_quotes_a_carriage_return),
        cmocka_unit_test(text_keeps_the_latest_of_a_series),
        cmocka_unit_test(an_incomplete_doc_is_not_shown),
    };
    return cmocka_run_group_tests(tests, setup, teardown) ? 1 : 0;
}
