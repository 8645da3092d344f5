/* Unit tests for the CSV reader's two ways of finding a field's place (src/input/csv_table.c): a whole
 * line without quotes is read where it lies, any other line through its raw copy. Random tables are read
 * as they are and again with an empty quoted field added to every line, which sends every line the other
 * way: the fields (text, line, column), the rows and the first error (code, line, column) must agree. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "input/csv_table.h"
#include "input/table.h"

/* What a reading gave: every field of every row, flattened, then the error. */
typedef struct {
    char *text;
    size_t text_len, text_cap;
    long places[4096][2];
    size_t fields;
    size_t rows;
    size_t drop_last; /* the added column: left out of what is compared */
} reading;

static void keep_row(reading *g, const ps_table_row *row)
{
    size_t count = row->count - g->drop_last;
    for (size_t i = 0; i < count; i++) {
        const ps_table_field *f = &row->fields[i];
        assert_true(g->fields < 4096);
        g->places[g->fields][0] = f->line;
        g->places[g->fields][1] = f->column;
        g->fields++;
        if (g->text_len + f->len + 1 > g->text_cap) {
            g->text_cap = 2 * (g->text_len + f->len + 1);
            g->text = realloc(g->text, g->text_cap);
            assert_non_null(g->text);
        }
        memcpy(g->text + g->text_len, f->text, f->len);
        g->text_len += f->len;
        g->text[g->text_len++] = '|';
    }
    g->rows++;
}

static ps_status on_header(void *ctx, const ps_table_row *row, ps_error *err)
{
    (void)err;
    keep_row(ctx, row);
    return PS_OK;
}

static ps_status on_row(void *ctx, const ps_table_row *row, ps_error *err)
{
    (void)err;
    keep_row(ctx, row);
    return PS_OK;
}

static ps_status read_table(const char *csv, size_t len, size_t drop_last, reading *g, ps_error *err)
{
    memset(g, 0, sizeof *g);
    g->drop_last = drop_last;
    memset(err, 0, sizeof *err);
    ps_table_handler h = {.header = on_header, .row = on_row, .ctx = g};
    return ps_csv_read_buffer(csv, len, "t.csv", &h, err);
}

/* A pseudo-random field: digits, spaces around, characters of 2, 3 and 4 bytes, and now and then what
 * must be refused (a byte that is not UTF-8, a C1 control, a character that reorders text). */
static void random_field(unsigned *seed, char *out, size_t *n)
{
    static const char *const pieces[] = {"7",
                                         "63.82",
                                         "x",
                                         " ",
                                         "  ",
                                         "\xc3\xa3",
                                         "\xe1\xba\xad",
                                         "ab",
                                         "100",
                                         ",5",
                                         "\xf0\x9d\x90\x80",
                                         "",
                                         "\xff",
                                         "\xc2\x85",
                                         "\xe2\x80\xae",
                                         "\xed\xa0\x80"};
    size_t count = sizeof pieces / sizeof *pieces;
    int parts = (int)(rand_r(seed) % 4);
    for (int k = 0; k < parts; k++) {
        size_t pick = (size_t)rand_r(seed) % count;
        if (pick >= count - 4 && rand_r(seed) % 8 != 0)
            pick = 0; /* a refusal now and then, not in most tables */
        size_t len = strlen(pieces[pick]);
        memcpy(out + *n, pieces[pick], len);
        *n += len;
    }
}

/* A table of 4 columns, rows of 3 to 5 fields now and then, blank lines and lines of spaces, LF or CR LF;
 * with_quoted adds ,"" before the end of every line that holds a row. */
static size_t random_table(unsigned seed, bool with_quoted, char *out)
{
    size_t n = 0;
    const char *header = with_quoted ? "a,b,c,d,q" : "a,b,c,d";
    memcpy(out, header, strlen(header));
    n += strlen(header);
    out[n++] = '\n';
    int rows = 1 + (int)(rand_r(&seed) % 6);
    for (int r = 0; r < rows; r++) {
        int fields = 4;
        unsigned kind = (unsigned)rand_r(&seed) % 16;
        if (kind == 0)
            fields = 3 + (int)(rand_r(&seed) % 3); /* maybe ragged */
        if (kind == 2) {                           /* a line of spaces: no row, whichever way it is read */
            memcpy(out + n, "   ", 3);
            n += 3;
        } else if (kind != 1) { /* kind 1: a blank line */
            for (int f = 0; f < fields; f++) {
                if (f > 0)
                    out[n++] = ',';
                random_field(&seed, out, &n);
            }
        }
        if (with_quoted && kind != 1 && kind != 2) {
            memcpy(out + n, ",\"\"", 3);
            n += 3;
        }
        if (rand_r(&seed) % 3 == 0)
            out[n++] = '\r';
        out[n++] = '\n';
    }
    return n;
}

static void both_ways_agree(void **state)
{
    (void)state;
    size_t errors = 0, fields = 0;
    for (unsigned seed = 1; seed <= 20000; seed++) {
        char plain[4096], quoted[4096];
        size_t plain_len = random_table(seed, false, plain);
        size_t quoted_len = random_table(seed, true, quoted);
        reading a, b;
        ps_error ea, eb;
        ps_status sa = read_table(plain, plain_len, 0, &a, &ea);
        ps_status sb = read_table(quoted, quoted_len, 1, &b, &eb);
        if (sa != sb || ea.code != eb.code || ea.line != eb.line || ea.column != eb.column ||
            a.rows != b.rows || a.fields != b.fields || a.text_len != b.text_len ||
            memcmp(a.text, b.text, a.text_len) != 0 ||
            memcmp(a.places, b.places, a.fields * sizeof *a.places)) {
            print_error("seed %u: status %d/%d, error %d at %ld:%ld / %d at %ld:%ld, rows %zu/%zu, fields "
                        "%zu/%zu\n%.*s\n",
                        seed, (int)sa, (int)sb, (int)ea.code, ea.line, ea.column, (int)eb.code, eb.line,
                        eb.column, a.rows, b.rows, a.fields, b.fields, (int)plain_len, plain);
            fail();
        }
        errors += sa != PS_OK;
        fields += a.fields;
        free(a.text);
        free(b.text);
    }
    /* both kinds of table were met, or the comparison proves little */
    assert_true(errors > 1000);
    assert_true(fields > 100000);
}

/* A field's column counts characters, not bytes, after a wide character in an earlier field too. */
static void columns_count_characters(void **state)
{
    (void)state;
    const char csv[] = "a,b,c\n\xc3\xa3\xe1\xba\xad,  x,\xf0\x9d\x90\x80y\n";
    reading g;
    ps_error err;
    assert_int_equal(read_table(csv, sizeof csv - 1, 0, &g, &err), PS_OK);
    assert_int_equal(g.fields, 6);
    long want[3][2] = {{2, 1}, {2, 4}, {2, 8}};
    for (int k = 0; k < 3; k++) {
        assert_int_equal(g.places[3 + k][0], want[k][0]);
        assert_int_equal(g.places[3 + k][1], want[k][1]);
    }
    free(g.text);
}

/* Lines of spaces alone are no rows and spaces around a field are not its text, as libcsv reads them;
 * a line of spaces, a delimiter and a number is a row (here one too short). */
static void spaces_as_libcsv_reads_them(void **state)
{
    (void)state;
    const char csv[] = "a,b\n   \n 1 ,  2  \n  \r\n\"x\" , y \n";
    reading g;
    ps_error err;
    assert_int_equal(read_table(csv, sizeof csv - 1, 0, &g, &err), PS_OK);
    assert_int_equal(g.rows, 3);
    assert_int_equal(g.text_len, strlen("a|b|1|2|x|y|"));
    assert_memory_equal(g.text, "a|b|1|2|x|y|", g.text_len);
    long want[6][2] = {{1, 1}, {1, 3}, {3, 1}, {3, 5}, {5, 1}, {5, 6}};
    assert_memory_equal(g.places, want, sizeof want);
    free(g.text);
    const char ragged[] = "a,b,c\n  , 1 \n";
    assert_int_equal(read_table(ragged, sizeof ragged - 1, 0, &g, &err), PS_ERR_INPUT);
    assert_int_equal(err.code, PS_MSG_RAGGED_ROW);
    assert_int_equal(err.line, 2);
    free(g.text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(both_ways_agree),
        cmocka_unit_test(columns_count_characters),
        cmocka_unit_test(spaces_as_libcsv_reads_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
