/* The JSON reader with 5-byte blocks against the same reader on the whole buffer: every callback and
 * every message the same, on the JSON files of the test data, every prefix of the small ones, and with a
 * BOM or CRLF line ends added, so that each token, escape and UTF-8 sequence falls across a block's end. */
#define PS_JSON_BLOCK_BYTES 5
#include "../../src/input/json_table.c"
#include "../fuzz/json_both_ways.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

static size_t compared;

/* Reads data both ways and fails, naming the input, where the two differ. */
static void compare(const char *name, const char *data, size_t len)
{
    if (!json_both_ways(name, data, len))
        fail();
    compared++;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *data = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len + 4096 > cap) {
            cap = (*len + 4096) * 2;
            data = realloc(data, cap);
            assert_non_null(data);
        }
        size_t got = fread(data + *len, 1, 4096, f);
        *len += got;
        if (got == 0)
            break;
    }
    fclose(f);
    return data;
}

/* The file as it is, every prefix when it is small, and with a BOM and with CRLF line ends. */
static void compare_variants(const char *path)
{
    size_t len;
    char *data = read_all(path, &len);
    compare(path, data, len);
    if (len <= 4096)
        for (size_t cut = 0; cut < len; cut++)
            compare(path, data, cut);
    char *other = malloc(2 * len + 3);
    assert_non_null(other);
    memcpy(other, "\xEF\xBB\xBF", 3);
    memcpy(other + 3, data, len);
    compare(path, other, len + 3);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r'))
            other[n++] = '\r';
        other[n++] = data[i];
    }
    compare(path, other, n);
    if (len <= 4096)
        for (size_t cut = 0; cut < n; cut++)
            compare(path, other, cut);
    free(other);
    free(data);
}

static void test_data(void **state)
{
    (void)state;
    const char *dirs[] = {SOURCE_DIR "/tests/bad", SOURCE_DIR "/tests/cli/data",
                          SOURCE_DIR "/tests/pipeline/data"};
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
        DIR *dir = opendir(dirs[d]);
        assert_non_null(dir);
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            size_t n = strlen(e->d_name);
            if (n < 5 || strcmp(e->d_name + n - 5, ".json") != 0)
                continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
            compare_variants(path);
        }
        closedir(dir);
    }
    assert_true(compared > 10000);
}

/* Documents made here: long strings, escapes and multi-byte characters at every offset from a block's
 * start, values of every kind, and faults after a long valid stretch. */
static void test_made(void **state)
{
    (void)state;
    static const char *values[] = {"\"Xã Pa Tần\"",
                                   "\"\\u00e3\\ud83d\\ude00\"",
                                   "12.5e1",
                                   "null",
                                   "\"\\\\\\\"\"",
                                   "\"\\u001b\"",
                                   "\"\\ud800x\"",
                                   "true",
                                   "[\"a\", 1]",
                                   "{\"k\": 1}",
                                   "-0",
                                   "\"\xe1\xbb\x93\"",
                                   "01",
                                   "1.",
                                   "\"\\u0000\"",
                                   "\xff"};
    char doc[4096];
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
        for (size_t pad = 0; pad < 12; pad++) {
            int n = snprintf(doc, sizeof doc,
                             "{\"period\": \"%.*s\", \"units\": [\r\n {\"unit\": %s, \"1\": 5},\n", (int)pad,
                             "QQQQQQQQQQQQ", values[v]);
            for (int k = 0; k < 3; k++)
                n +=
                    snprintf(doc + n, sizeof doc - (size_t)n, "{\"1\": %s, \"owners\": %s}%s", values[v],
                             values[(v + (size_t)k) % (sizeof values / sizeof values[0])], k < 2 ? ", " : "");
            n += snprintf(doc + n, sizeof doc - (size_t)n, "], \"x\": %s}", values[(v + pad) % 4]);
            compare("made", doc, (size_t)n);
            for (int cut = n - 40; cut < n; cut++)
                compare("made", doc, (size_t)(cut > 0 ? cut : 0));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_data), cmocka_unit_test(test_made)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
