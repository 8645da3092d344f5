/* The JSON reader run three ways on one input, on the whole buffer and from a stream in tiny blocks (a file,
 * a pipe), each callback and the message logged as text: the logs must be the same. Included by a test
 * and a fuzz target after json_table.c itself (built with a small PS_JSON_BLOCK_BYTES). */
#ifndef PARSCORE_JSON_BOTH_WAYS_H
#define PARSCORE_JSON_BOTH_WAYS_H

#include <stdarg.h>
#include <stdlib.h>

typedef struct {
    char *text;
    size_t len, cap;
} log_buf;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
say(log_buf *b, const char *format, ...)
{
    char line[512];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(line, sizeof line, format, args);
    va_end(args);
    size_t add = n < 0 ? 0 : (size_t)n < sizeof line ? (size_t)n : sizeof line - 1;
    if (b->len + add + 1 > b->cap) {
        b->cap = (b->len + add + 1) * 2;
        b->text = realloc(b->text, b->cap);
        if (!b->text)
            abort();
    }
    memcpy(b->text + b->len, line, add);
    b->len += add;
    b->text[b->len] = '\0';
}

static void say_fields(log_buf *b, const ps_table_row *row)
{
    say(b, "@%ld:", row->line);
    for (size_t k = 0; k < row->count; k++) {
        const ps_table_field *f = &row->fields[k];
        say(b, " [%.200s|%zu|%ld:%ld%s]", f->text, f->len, f->line, f->column, f->json_number ? "#" : "");
    }
    say(b, "\n");
}

static ps_status on_meta(void *ctx, const char *key, const char *value, long line, ps_error *err)
{
    (void)err;
    say(ctx, "meta %.100s=%.100s @%ld\n", key, value, line);
    return PS_OK;
}

static ps_status on_header(void *ctx, const ps_table_row *row, ps_error *err)
{
    (void)err;
    say(ctx, "header ");
    say_fields(ctx, row);
    return PS_OK;
}

static ps_status on_row(void *ctx, const ps_table_row *row, ps_error *err)
{
    (void)err;
    say(ctx, "row ");
    say_fields(ctx, row);
    return PS_OK;
}

static ps_status on_end(void *ctx, long last_line, ps_error *err)
{
    (void)err;
    say(ctx, "end %ld\n", last_line);
    return PS_OK;
}

/* The rows array the test data names: units, peers, a plan's indicators, else scores. */
static const char *rows_key_of(const char *data, size_t len)
{
    static const char *keys[] = {"units", "peers", "indicators"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        char quoted[32];
        snprintf(quoted, sizeof quoted, "\"%s\"", keys[k]);
        for (size_t i = 0; i + strlen(quoted) <= len; i++)
            if (memcmp(data + i, quoted, strlen(quoted)) == 0)
                return keys[k];
    }
    return "scores";
}

static void outcome(log_buf *b, ps_status st, const ps_error *err)
{
    char message[1024] = "";
    if (st != PS_OK)
        ps_error_format(err, PS_LANG_EN, message, sizeof message);
    say(b, "status %d %s\n", (int)st, message);
}

/* The reader on a stream of data: from its start (a file), or as a pipe whose first `pre` bytes were read
 * before (to see whether it opens like JSON) and that is copied aside for the second pass. */
static void read_stream_of(log_buf *b, const char *data, size_t len, const char *rows_key, size_t pre)
{
    ps_table_handler h = {.meta = on_meta,
                          .header = on_header,
                          .row = on_row,
                          .end = on_end,
                          .ctx = b,
                          .list_column = "owners"};
    ps_error err;
    pre = pre < len ? pre : len;
    FILE *f = make_copy();
    if (!f || fwrite(data + pre, 1, len - pre, f) != len - pre || fseek(f, 0, SEEK_SET) != 0)
        abort();
    reader r = {.rows_key = rows_key, .h = &h};
    stream_init(&r.s, "in.json", &err);
    r.s.f = f;
    r.s.path = "in.json";
    r.s.size = -1; /* not checked against a length */
    r.s.pre = data;
    r.s.pre_len = pre;
    r.s.origin = pre > 0 ? -1 : 0;
    if (pre > 0 && !(r.s.copy = make_copy()))
        abort();
    outcome(b, read_json(&r), &err);
    if (r.s.copy)
        fclose(r.s.copy);
    fclose(f);
}

/* Reads data from the whole buffer, as a file and as a pipe; true when all three logs are the same,
 * else they are printed on stderr. */
static bool json_both_ways(const char *name, const char *data, size_t len)
{
    const char *rows_key = rows_key_of(data, len);
    log_buf whole = {0}, file = {0}, pipe = {0};
    ps_table_handler h = {.meta = on_meta,
                          .header = on_header,
                          .row = on_row,
                          .end = on_end,
                          .ctx = &whole,
                          .list_column = "owners"};
    ps_error err;
    outcome(&whole, ps_json_read_buffer(data, len, "in.json", rows_key, &h, &err), &err);
    read_stream_of(&file, data, len, rows_key, 0);
    read_stream_of(&pipe, data, len, rows_key, 1 + len % 7);
    bool same = strcmp(whole.text, file.text) == 0 && strcmp(whole.text, pipe.text) == 0;
    if (!same)
        fprintf(stderr, "%s (%zu bytes): read differently\n--- whole\n%s--- file\n%s--- pipe\n%s", name, len,
                whole.text, file.text, pipe.text);
    free(whole.text);
    free(file.text);
    free(pipe.text);
    return same;
}

#endif
