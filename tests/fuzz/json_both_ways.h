/* The JSON reader run twice on one input, on the whole buffer and from a stream in tiny blocks, each
 * callback and the message logged as text: the two logs must be the same. Included by a test and a fuzz
 * target after json_table.c itself (built with a small PS_JSON_BLOCK_BYTES). */
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
static void say(log_buf *b, const char *format, ...)
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

/* Reads data both ways; true when the logs are the same, else both logs are printed on stderr. */
static bool json_both_ways(const char *name, const char *data, size_t len)
{
    const char *rows_key = rows_key_of(data, len);
    log_buf whole = {0}, blocks = {0};
    ps_table_handler h = {on_meta, on_header, on_row, on_end, &whole, "owners"};
    ps_error err;
    outcome(&whole, ps_json_read_buffer(data, len, "in.json", rows_key, &h, &err), &err);

    char *copy = malloc(len ? len : 1);
    if (!copy)
        abort();
    memcpy(copy, data, len);
    FILE *f = fmemopen(copy, len ? len : 1, "rb");
    if (!f)
        abort();
    if (len == 0)
        fgetc(f); /* fmemopen wants room for a byte: an empty input is one read past */
    h.ctx = &blocks;
    reader r = {.rows_key = rows_key, .h = &h};
    stream_init(&r.s, "in.json", &err);
    r.s.f = f;
    r.s.path = "in.json";
    r.s.size = -1; /* not a file to stat */
    outcome(&blocks, read_json(&r), &err);
    fclose(f);
    free(copy);
    bool same = strcmp(whole.text, blocks.text) == 0;
    if (!same)
        fprintf(stderr, "%s (%zu bytes): whole and in blocks differ\n--- whole\n%s--- blocks\n%s", name, len,
                whole.text, blocks.text);
    free(whole.text);
    free(blocks.text);
    return same;
}

#endif
