/* The report model: its memory, building sections, tables and phrases, and laying out one cell. */
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/doc.h"

#define DASH "\xe2\x80\x94" /* — : a value that is not known */
#define GE "\xe2\x89\xa5"   /* ≥ */
#define LE "\xe2\x89\xa4"   /* ≤ */
#define CHUNK_BYTES 16384

struct ps_doc_chunk {
    ps_doc_chunk *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

void ps_doc_init(ps_doc *doc, ps_lang lang)
{
    memset(doc, 0, sizeof *doc);
    doc->lang = lang;
}

void ps_doc_free(ps_doc *doc)
{
    for (ps_doc_chunk *c = doc->chunks, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    memset(doc, 0, sizeof *doc);
}

/* Zeroed memory that lives as long as the doc; NULL (and doc->failed) when out of memory. */
static void *doc_alloc(ps_doc *doc, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) / align * align;
    ps_doc_chunk *c = doc->chunks;
    if (doc->failed)
        return NULL;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > CHUNK_BYTES ? size : CHUNK_BYTES;
        c = malloc(sizeof *c + cap);
        if (!c) {
            doc->failed = true;
            return NULL;
        }
        c->next = doc->chunks;
        c->used = 0;
        c->cap = cap;
        doc->chunks = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

/* Makes room for one more item in an array held in the doc (the old copy stays until the doc goes). */
static bool grow(ps_doc *doc, void **items, size_t count, size_t *cap, size_t size)
{
    if (count < *cap)
        return true;
    size_t want = *cap ? *cap * 2 : 8;
    void *bigger = doc_alloc(doc, want * size);
    if (!bigger)
        return false;
    if (count > 0)
        memcpy(bigger, *items, count * size);
    *items = bigger;
    *cap = want;
    return true;
}

char *ps_doc_strdup(ps_doc *doc, const char *text, size_t len)
{
    char *copy = doc_alloc(doc, len + 1);
    if (copy)
        memcpy(copy, text, len);
    return copy;
}

ps_cell *ps_doc_cells(ps_doc *doc, size_t count)
{
    return doc_alloc(doc, (count ? count : 1) * sizeof(ps_cell));
}

ps_doc_section *ps_doc_begin(ps_doc *doc, int level, ps_cell heading)
{
    if (!grow(doc, (void **)&doc->sections, doc->count, &doc->cap, sizeof *doc->sections))
        return NULL;
    ps_doc_section *s = &doc->sections[doc->count++];
    memset(s, 0, sizeof *s);
    s->level = level;
    s->heading = heading;
    s->sheet = doc->sheet;
    return s;
}

void ps_doc_sheet(ps_doc *doc, ps_label sheet)
{
    doc->sheet = sheet;
}

static ps_doc_block *add_block(ps_doc *doc, ps_block_kind kind)
{
    if (doc->count == 0 && !ps_doc_begin(doc, 2, ps_cell_none()))
        return NULL;
    ps_doc_section *s = &doc->sections[doc->count - 1];
    if (!grow(doc, (void **)&s->blocks, s->count, &s->cap, sizeof *s->blocks))
        return NULL;
    ps_doc_block *b = &s->blocks[s->count++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

void ps_doc_line(ps_doc *doc, ps_cell text)
{
    ps_doc_block *b = add_block(doc, PS_BLOCK_LINE);
    if (b)
        b->text = text;
}

void ps_doc_paragraph(ps_doc *doc, ps_cell text)
{
    ps_doc_block *b = add_block(doc, PS_BLOCK_PARAGRAPH);
    if (b)
        b->text = text;
}

ps_doc_table *ps_doc_table_new(ps_doc *doc, const ps_doc_column *columns, size_t ncols)
{
    ps_doc_table *t = doc_alloc(doc, sizeof *t);
    ps_doc_column *cols = doc_alloc(doc, (ncols ? ncols : 1) * sizeof *cols);
    if (!t || !cols)
        return NULL;
    memcpy(cols, columns, ncols * sizeof *cols);
    t->columns = cols;
    t->ncols = ncols;
    return t;
}

void ps_doc_table_add(ps_doc *doc, ps_doc_table *table)
{
    ps_doc_block *b = table ? add_block(doc, PS_BLOCK_TABLE) : NULL;
    if (b)
        b->table = table;
}

ps_doc_row *ps_doc_add_row(ps_doc *doc, ps_doc_table *t)
{
    if (!t || !grow(doc, (void **)&t->rows, t->nrows, &t->cap, sizeof *t->rows))
        return NULL;
    ps_cell *cells = doc_alloc(doc, (t->ncols ? t->ncols : 1) * sizeof *cells);
    if (!cells)
        return NULL;
    ps_doc_row *row = &t->rows[t->nrows++];
    row->cells = cells; /* zeroed: every cell NONE */
    row->note = ps_cell_none();
    row->flags = 0;
    return row;
}

/* ---- cells ---- */

ps_cell ps_cell_none(void)
{
    return (ps_cell){.kind = PS_CELL_NONE};
}

static ps_cell unknown(void)
{
    return (ps_cell){.kind = PS_CELL_UNKNOWN};
}

ps_cell ps_cell_text(const char *text)
{
    return (ps_cell){.kind = PS_CELL_TEXT, .text = text ? text : "", .len = text ? strlen(text) : 0};
}

ps_cell ps_cell_words(const char *text)
{
    return (ps_cell){.kind = PS_CELL_WORDS, .text = text, .len = strlen(text)};
}

ps_cell ps_cell_label(const ps_doc *doc, ps_label label)
{
    return ps_cell_words(ps_label_text(label, doc->lang));
}

ps_cell ps_cell_number(bool has, ps_num value, unsigned flags)
{
    return has ? (ps_cell){.kind = PS_CELL_NUMBER, .value = value, .flags = flags} : unknown();
}

ps_cell ps_cell_integer(long long value)
{
    return (ps_cell){.kind = PS_CELL_INTEGER, .integer = value};
}

ps_cell ps_cell_target(const ps_indicator *ind)
{
    if (!ind->has_target)
        return unknown();
    return (ps_cell){.kind = PS_CELL_TARGET, .op = ind->target.op, .value = ind->target.value};
}

ps_cell ps_cell_rank(int rank, int of, unsigned flags)
{
    return rank > 0 ? (ps_cell){.kind = PS_CELL_RANK, .integer = rank, .of = of, .flags = flags} : unknown();
}

ps_cell ps_cell_verdict(ps_met met)
{
    return (ps_cell){.kind = PS_CELL_VERDICT, .met = met};
}

ps_cell ps_cell_bool(bool has, bool value)
{
    return has ? (ps_cell){.kind = PS_CELL_BOOL, .integer = value} : unknown();
}

ps_cell ps_cell_toned(ps_cell cell, ps_met met)
{
    cell.met = met;
    return cell;
}

static ps_cell phrase_of(ps_cell *runs, size_t count)
{
    return (ps_cell){.kind = PS_CELL_PHRASE, .runs = runs, .count = count};
}

ps_cell ps_doc_phrase(ps_doc *doc, ps_label label, const ps_cell *args, size_t count)
{
    const char *text = ps_label_text(label, doc->lang);
    size_t parts = 0, n;
    int arg;
    for (const char *p = text; (n = ps_wording_part(p, &arg)) > 0; p += n)
        parts++;
    ps_cell *runs = doc_alloc(doc, (parts ? parts : 1) * sizeof *runs);
    if (!runs)
        return ps_cell_none();
    size_t k = 0;
    for (const char *p = text; (n = ps_wording_part(p, &arg)) > 0; p += n) {
        if (arg < 0)
            runs[k++] = (ps_cell){.kind = PS_CELL_WORDS, .text = p, .len = n};
        else
            runs[k++] = (size_t)arg < count ? args[arg] : ps_cell_none();
    }
    return phrase_of(runs, k);
}

ps_cell ps_doc_join(ps_doc *doc, const ps_cell *cells, size_t count, const char *sep)
{
    ps_cell *runs = doc_alloc(doc, (count ? 2 * count : 1) * sizeof *runs);
    if (!runs)
        return ps_cell_none();
    size_t k = 0;
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            runs[k++] = ps_cell_words(sep);
        runs[k++] = cells[i];
    }
    return phrase_of(runs, k);
}

/* ---- laying out ---- */

static char decimal_mark(ps_lang lang)
{
    return lang == PS_LANG_EN ? '.' : ',';
}

static void put_number(ps_buf *out, const ps_cell *cell, char mark)
{
    char num[48];
    if (cell->flags & PS_CELL_SHORT)
        ps_num_format_short(cell->value, mark, num, sizeof num);
    else
        ps_num_format(cell->value, 2, mark, (cell->flags & PS_CELL_PLUS) != 0, num, sizeof num);
    ps_buf_puts(out, num);
}

void ps_cell_put(ps_buf *out, const ps_cell *cell, ps_lang lang, ps_text_escape escape)
{
    switch (cell->kind) {
    case PS_CELL_NONE:
        return;
    case PS_CELL_UNKNOWN:
        ps_buf_puts(out, DASH);
        return;
    case PS_CELL_TEXT:
        if (escape)
            escape(out, cell->text, cell->len);
        else
            ps_buf_append(out, cell->text, cell->len);
        return;
    case PS_CELL_WORDS:
        ps_buf_append(out, cell->text, cell->len);
        return;
    case PS_CELL_NUMBER:
        put_number(out, cell, decimal_mark(lang));
        return;
    case PS_CELL_INTEGER:
        ps_buf_printf(out, "%lld", cell->integer);
        return;
    case PS_CELL_TARGET:
        ps_buf_puts(out, cell->op == PS_OP_GT ? "> " : GE " ");
        put_number(out, &(ps_cell){.value = cell->value}, decimal_mark(lang));
        return;
    case PS_CELL_RANK:
        if (cell->flags & PS_CELL_AT_MOST)
            ps_buf_printf(out, LE " %lld", cell->integer);
        else if (cell->of > 0)
            ps_buf_printf(out, "%lld/%d", cell->integer, cell->of);
        else
            ps_buf_printf(out, "%lld", cell->integer);
        return;
    case PS_CELL_VERDICT:
        ps_buf_puts(out, cell->met == PS_MET_YES  ? ps_label_text(PS_L_MET, lang)
                         : cell->met == PS_MET_NO ? ps_label_text(PS_L_MISSED, lang)
                                                  : DASH);
        return;
    case PS_CELL_BOOL:
        ps_buf_puts(out, cell->integer ? "true" : "false");
        return;
    case PS_CELL_PHRASE:
        for (size_t k = 0; k < cell->count; k++)
            ps_cell_put(out, &cell->runs[k], lang, escape);
        return;
    }
}

char *ps_cell_string(const ps_cell *cell, ps_lang lang, ps_text_escape escape)
{
    ps_buf b;
    ps_buf_init(&b);
    ps_cell_put(&b, cell, lang, escape);
    ps_buf_append(&b, "", 0); /* an empty cell still gets its terminator */
    if (b.failed || !b.data) {
        ps_buf_free(&b);
        return NULL;
    }
    return b.data;
}

static bool formula_like(const char *text, size_t len)
{
    return len > 0 && strchr("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
}

void ps_csv_quote(ps_buf *out, const char *text, size_t len, char sep, bool guard)
{
    bool formula = guard && formula_like(text, len);
    bool quote = formula;
    for (size_t i = 0; i < len && !quote; i++)
        quote = text[i] == sep || text[i] == '"' || text[i] == '\r' || text[i] == '\n';
    if (!quote) {
        ps_buf_append(out, text, len);
        return;
    }
    ps_buf_puts(out, formula ? "\"'" : "\"");
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '"')
            continue;
        ps_buf_append(out, text + start, i + 1 - start); /* a quote is written twice */
        start = i;
    }
    ps_buf_append(out, text + start, len - start);
    ps_buf_puts(out, "\"");
}

void ps_json_quote(ps_buf *out, const char *text, size_t len)
{
    ps_buf_append(out, "\"", 1);
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        ps_buf_append(out, text + start, i - start);
        char esc[8];
        if (c == '"' || c == '\\' || (c >= '\b' && c <= '\r' && c != 11)) {
            esc[0] = '\\';
            esc[1] = c == '"' || c == '\\' ? (char)c : "btn?fr"[c - '\b']; /* 11 (\v) has no short form */
            ps_buf_append(out, esc, 2);
        } else {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            ps_buf_append(out, esc, 6);
        }
        start = i + 1;
    }
    ps_buf_append(out, text + start, len - start);
    ps_buf_append(out, "\"", 1);
}

void ps_csv_put(ps_buf *out, const ps_cell *cell, char sep, ps_lang lang)
{
    char mark = decimal_mark(lang);
    switch (cell->kind) {
    case PS_CELL_NONE:
    case PS_CELL_UNKNOWN:
        return;
    case PS_CELL_TEXT:
        ps_csv_quote(out, cell->text, cell->len, sep, true);
        return;
    case PS_CELL_WORDS:
        ps_csv_quote(out, cell->text, cell->len, sep, false);
        return;
    case PS_CELL_NUMBER:
        put_number(out, cell, mark);
        return;
    case PS_CELL_INTEGER:
    case PS_CELL_RANK:
        ps_buf_printf(out, "%lld", cell->integer);
        return;
    case PS_CELL_TARGET:
        put_number(out, &(ps_cell){.value = cell->value}, mark);
        return;
    case PS_CELL_VERDICT:
        if (cell->met == PS_MET_YES || cell->met == PS_MET_NO)
            ps_buf_puts(out, cell->met == PS_MET_YES ? "true" : "false");
        return;
    case PS_CELL_BOOL:
        ps_buf_puts(out, cell->integer ? "true" : "false");
        return;
    case PS_CELL_PHRASE: {
        ps_buf text;
        ps_buf_init(&text);
        ps_cell_put(&text, cell, lang, NULL);
        if (text.failed)
            out->failed = true;
        ps_csv_quote(out, text.data ? text.data : "", text.len, sep, true);
        ps_buf_free(&text);
        return;
    }
    }
}
