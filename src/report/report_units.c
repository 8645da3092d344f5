/* Ranked units as text, JSON or CSV, written through a sink in pieces of about 64 KiB, or as a workbook. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parscore/report.h"
#include "base/text.h"
#include "base/wording.h"
#include "report/doc.h"
#include "report/xlsx.h"

#define FLUSH_BYTES 65536
#define NAME_WIDTH_MAX 40
#define DASH "\xe2\x80\x94" /* — : a value that is not known */

/* The ids of the criteria in every mask, written once in a report's form (below: for up to 10 criteria,
 * 1,024 lists), rather than id by id twice a row. */
#define IDS_LISTED_MAX 10
typedef struct {
    char *text;   /* the lists one after the other; NULL: written id by id */
    uint32_t *at; /* list m is text[at[m] .. at[m + 1]) */
    uint32_t masks;
} ids_lists;

typedef struct {
    const ps_units *units;
    ids_lists ids;             /* in the form of the report being written */
    const ps_indicator *total; /* the plan's total row, for its target */
    ps_lang lang;
    char mark;
    bool color;                     /* met in green, missed in red */
    size_t met_width, missed_width; /* of the words, measured once, not once a row */
    ps_buf buf;
    ps_sink sink;
    void *sink_ctx;
    bool failed; /* nothing more is written */
    bool nomem;  /* and it failed for want of memory, not because the sink refused */
} writer;

static const char *W(const writer *w, ps_label label)
{
    return ps_label_text(label, w->lang);
}

static void flush(writer *w, bool force)
{
    if (w->failed || (!force && w->buf.len < FLUSH_BYTES))
        return;
    w->nomem = w->nomem || w->buf.failed;
    if (w->nomem || (w->buf.len > 0 && !w->sink(w->sink_ctx, w->buf.data, w->buf.len)))
        w->failed = true;
    w->buf.len = 0;
}

/* Rows are written a million at a time: no printf, and no call per piece, in these paths. */
static char *put_uint_at(char *p, uint32_t v)
{
    char digits[12];
    size_t n = 0;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    memcpy(p, digits + sizeof digits - n, n);
    return p + n;
}

/* The most bytes put_ids_at writes for u, with a separator of sep_len bytes. */
static size_t ids_room(const ps_units *u, size_t sep_len)
{
    size_t n = 0;
    for (size_t k = 0; k < u->criteria_count; k++)
        n += strlen(u->criteria[k]->id) + sep_len;
    return n;
}

/* The ids of the criteria in mask, in plan order, sep between them. */
static char *put_ids_at(char *p, const ps_units *u, uint32_t mask, const char *sep)
{
    bool first = true;
    for (size_t k = 0; k < u->criteria_count; k++) {
        if (!(mask & (UINT32_C(1) << k)))
            continue;
        for (const char *c = first ? "" : sep; *c; c++)
            *p++ = *c;
        for (const char *c = u->criteria[k]->id; *c; c++)
            *p++ = *c;
        first = false;
    }
    return p;
}

/* The ids of the criteria in mask in JSON: ["1","3"]. */
static char *put_json_ids_at(char *p, const ps_units *u, uint32_t mask);

/* Every mask's list, in the form sep gives (NULL: JSON's); w->ids.text stays NULL (lists written id by id)
 * for more criteria than IDS_LISTED_MAX, or without the memory. */
static void list_ids(writer *w, const char *sep)
{
    const ps_units *u = w->units;
    if (u->criteria_count > IDS_LISTED_MAX)
        return;
    uint32_t masks = UINT32_C(1) << u->criteria_count;
    size_t room = ids_room(u, sep ? strlen(sep) : 3) + 2; /* JSON's quotes and comma, and its brackets */
    char *text = malloc(masks * room);
    uint32_t *at = malloc((masks + 1) * sizeof *at);
    if (!text || !at) {
        free(text);
        free(at);
        return;
    }
    char *p = text;
    for (uint32_t m = 0; m < masks; m++) {
        at[m] = (uint32_t)(p - text);
        p = sep ? put_ids_at(p, u, m, sep) : put_json_ids_at(p, u, m);
    }
    at[masks] = (uint32_t)(p - text);
    w->ids = (ids_lists){text, at, masks};
}

/* The ids of the criteria in mask, listed once if they were, else one by one. */
static char *put_listed_ids_at(char *p, const writer *w, uint32_t mask, const char *sep)
{
    const ids_lists *l = &w->ids;
    if (!l->text || mask >= l->masks)
        return sep ? put_ids_at(p, w->units, mask, sep) : put_json_ids_at(p, w->units, mask);
    size_t n = l->at[mask + 1] - l->at[mask];
    memcpy(p, l->text + l->at[mask], n);
    return p + n;
}

static char *put_word_at(char *p, bool yes)
{
    memcpy(p, yes ? "true" : "false", yes ? 4 : 5);
    return p + (yes ? 4 : 5);
}

static char *put_text_at(char *p, const char *text)
{
    size_t n = strlen(text);
    memcpy(p, text, n);
    return p + n;
}

/* Ahead of the row being written, the units of rows further down and the names of rows a little further:
 * in rank order both lie anywhere in memory, and fetching each only when its row is written would wait on
 * memory every row (the name's place is in the unit: it is fetched first). */
#define PREFETCH_AHEAD 16
#if defined(__GNUC__)
/* a macro: as a function, gcc finds it without effect and drops its calls */
#define PREFETCH(address) __builtin_prefetch(address)
#else
#define PREFETCH(address) ((void)(address))
#endif

/* The unit 2 x PREFETCH_AHEAD rows after row i, and the name PREFETCH_AHEAD rows after; past the last row,
 * the first of each (a prefetch never faults, and those are cheap). */
static const ps_unit *unit_ahead(const ps_units *u, size_t i)
{
    return i + 2 * PREFETCH_AHEAD < u->count ? ps_units_placed(u, i + 2 * PREFETCH_AHEAD) : u->units;
}

static const char *name_ahead(const ps_units *u, size_t i)
{
    return u->names + (i + PREFETCH_AHEAD < u->count ? ps_units_placed(u, i + PREFETCH_AHEAD)->name : 0);
}

/* The total's target can be judged: there is one, and the unit has every criterion. */
static bool judged(const writer *w, const ps_unit *unit)
{
    return w->total && w->total->has_target && !unit->missing;
}

/* Its total, or nothing known (a unit without any value): never 0. */
static bool has_total(const writer *w, const ps_unit *unit)
{
    return ps_unit_has_total(w->units, unit);
}

static void pad_to(ps_buf *out, const char *text, size_t width, bool right)
{
    size_t have = ps_text_width(text, strlen(text));
    if (right)
        for (size_t k = have; k < width; k++)
            ps_buf_puts(out, " ");
    ps_buf_puts(out, text);
    if (!right)
        for (size_t k = have; k < width; k++)
            ps_buf_puts(out, " ");
}

static char *spaces_at(char *p, size_t have, size_t width)
{
    for (; have < width; have++)
        *p++ = ' ';
    return p;
}

/* An ASCII cell (a number, a rank) right- or left-aligned in width columns. */
static char *ascii_cell_at(char *p, const char *text, size_t width, bool right)
{
    size_t n = strlen(text);
    if (right)
        p = spaces_at(p, n, width);
    memcpy(p, text, n);
    p += n;
    return right ? p : spaces_at(p, n, width);
}

static char *number_cell_at(char *p, bool known, ps_num v, char mark, bool plus, size_t width)
{
    if (!known) {
        p = spaces_at(p, 1, width);
        return put_text_at(p, DASH);
    }
    char num[40];
    ps_num_format(v, 2, mark, plus, num, sizeof num);
    return ascii_cell_at(p, num, width, true);
}

/* Met or missed, in colour where asked, padded to width (the colour wraps the word only). */
static char *verdict_at(char *p, const writer *w, const ps_unit *unit, size_t width)
{
    if (!judged(w, unit))
        return spaces_at(put_text_at(p, DASH), 1, width);
    bool met = ps_target_met(&w->total->target, unit->total);
    const char *word = W(w, met ? PS_L_MET : PS_L_MISSED);
    if (w->color)
        p = put_text_at(p, met ? "\033[32m" : "\033[31m");
    p = put_text_at(p, word);
    if (w->color)
        p = put_text_at(p, "\033[0m");
    return spaces_at(p, met ? w->met_width : w->missed_width, width);
}

/* What the rows of a format share, measured once: the room a row takes, the text's name column, CSV's
 * delimiter, and whether the total has a target. */
typedef struct {
    size_t room;
    size_t name_width;
    char delimiter;
    bool target;
} row_layout;

/* Writes the unit in place i, ranked rank, into w->buf (flushed by the caller). */
typedef void (*row_writer)(writer *w, size_t i, uint32_t rank, const row_layout *l);

/* A row of the table, in room made once around its name, which is shown as a terminal may show it (a line
 * break or tab in a quoted cell is one space) and padded by the width of that. */
static void text_row(writer *w, size_t i, uint32_t rank, const row_layout *l)
{
    const ps_units *u = w->units;
    const ps_unit *unit = ps_units_placed(u, i);
    char cell[16], *start = ps_buf_room(&w->buf, 16), *p = start;
    if (!p)
        return;
    p = put_uint_at(cell, rank);
    *p++ = unit->missing ? '*' : '\0';
    *p = '\0';
    p = ascii_cell_at(start, cell, 8, false);
    ps_buf_wrote(&w->buf, (size_t)(put_text_at(p, "  ") - start));
    size_t name_len;
    const char *name = ps_units_placed_name(u, i, &name_len);
    size_t width = ps_text_display_and_measure(&w->buf, name, name_len);
    p = start = ps_buf_room(&w->buf, l->room);
    if (!p)
        return;
    p = spaces_at(p, width, l->name_width);
    bool known = has_total(w, unit), gap = known && l->target;
    p = number_cell_at(put_text_at(p, "  "), known, unit->total, w->mark, false, 7);
    p = number_cell_at(put_text_at(p, "  "), gap, gap ? unit->total - w->total->target.value : 0, w->mark,
                       true, 10);
    p = verdict_at(put_text_at(p, "  "), w, unit, 13);
    p = put_listed_ids_at(put_text_at(p, "  "), w, unit->missed, ", ");
    if (unit->missing)
        p = put_text_at(put_listed_ids_at(put_text_at(p, " ("), w, unit->missing, ", "), ")");
    ps_buf_wrote(&w->buf, (size_t)(p - start));
    while (w->buf.len > 0 && w->buf.data[w->buf.len - 1] == ' ')
        w->buf.len--;
    ps_buf_append(&w->buf, "\n", 1);
}

/* ---- the rows, by one thread or by two ---- */

#define BLOCK_ROWS 8192 /* rows a thread writes at a time */
#define TWO_THREADS_ROWS                                                                                     \
    (4 * BLOCK_ROWS) /* from this many rows on, a second thread writes every other block */

/* Where block k's rows end: the next block's first row, or the last row's end. */
static size_t block_end(const ps_units *u, size_t k)
{
    return (k + 1) * BLOCK_ROWS < u->count ? (k + 1) * BLOCK_ROWS : u->count;
}

/* Rows from up to to in order, the row before from ranked rank; flushed as they go when flushing. */
static void rows_in_order(writer *w, size_t from, size_t to, uint32_t rank, row_writer row,
                          const row_layout *l, bool flushing)
{
    for (size_t i = from; i < to && !w->failed && !w->buf.failed; i++) {
        PREFETCH(unit_ahead(w->units, i));
        PREFETCH(name_ahead(w->units, i));
        rank = ps_units_rank_at(w->units, i, rank);
        row(w, i, rank, l);
        if (flushing)
            flush(w, false);
    }
}

/* The second thread: blocks 1, 3, 5, ... written into two buffers in turn, which the first thread sends on
 * in their place between its own blocks 0, 2, 4, ... and hands back. */
typedef struct {
    writer w; /* the first's, with a buffer of its own that is never flushed */
    row_writer row;
    const row_layout *l;
    const uint32_t *before; /* the rank of the row before each block */
    size_t blocks;
    ps_buf done[2];
    bool ready[2]; /* done[k] holds a block the first thread has not sent yet */
    bool stop;     /* the first thread wants no more blocks */
    pthread_mutex_t lock;
    pthread_cond_t changed;
} second_writer;

static void *write_odd_blocks(void *arg)
{
    second_writer *h = arg;
    for (size_t k = 1, s = 0; k < h->blocks; k += 2, s ^= 1) {
        pthread_mutex_lock(&h->lock);
        while (h->ready[s] && !h->stop)
            pthread_cond_wait(&h->changed, &h->lock);
        bool stop = h->stop;
        pthread_mutex_unlock(&h->lock);
        if (stop)
            break;
        h->w.buf = h->done[s];
        h->w.buf.len = 0;
        rows_in_order(&h->w, k * BLOCK_ROWS, block_end(h->w.units, k), h->before[k], h->row, h->l, false);
        pthread_mutex_lock(&h->lock);
        h->done[s] = h->w.buf;
        h->ready[s] = true;
        pthread_cond_broadcast(&h->changed);
        pthread_mutex_unlock(&h->lock);
    }
    return NULL;
}

/* Sends block k's bytes, written by the second thread into done[s], then hands the buffer back. When the
 * second thread ran out of memory for it, this thread writes the block itself: the rows already sent
 * cannot be taken back, and its own buffer has the room a row takes. */
static void send_odd_block(writer *w, second_writer *h, size_t k, size_t s)
{
    flush(w, true); /* the first thread's rows before it go first */
    pthread_mutex_lock(&h->lock);
    while (!h->ready[s])
        pthread_cond_wait(&h->changed, &h->lock);
    pthread_mutex_unlock(&h->lock);
    ps_buf *block = &h->done[s];
    if (block->failed) {
        ps_buf_free(block); /* empty again, for the second thread to try with the next block */
        rows_in_order(w, k * BLOCK_ROWS, block_end(w->units, k), h->before[k], h->row, h->l, true);
    } else if (!w->failed && block->len > 0 && !w->sink(w->sink_ctx, block->data, block->len)) {
        w->failed = true;
    }
    pthread_mutex_lock(&h->lock);
    h->ready[s] = false;
    pthread_cond_broadcast(&h->changed);
    pthread_mutex_unlock(&h->lock);
}

/* The rank of the row before each block (0 before the first): that of the first row of its run of ties,
 * found by going back from it, at most to the block before (whose rank before is then the one), rather
 * than ranking every row first: in rank order the units lie anywhere in memory. */
static void ranks_before_blocks(const ps_units *u, uint32_t *before, size_t blocks)
{
    before[0] = 0;
    for (size_t k = 1; k < blocks; k++) {
        size_t first = (k - 1) * BLOCK_ROWS, i = k * BLOCK_ROWS - 1;
        while (i > first && ps_units_rank_at(u, i, 0) == 0) /* 0: it ties with the row before */
            i--;
        before[k] = ps_units_rank_at(u, i, before[k - 1]);
    }
}

/* Every row, in order. From TWO_THREADS_ROWS rows on, a second thread writes every other block of
 * BLOCK_ROWS rows while this one writes the others and sends them all in order: the same bytes, in half
 * the time. Without memory or a thread, one thread writes them all. */
static void write_rows(writer *w, row_writer row, const row_layout *l)
{
    const ps_units *u = w->units;
    size_t blocks = (u->count + BLOCK_ROWS - 1) / BLOCK_ROWS;
    second_writer *h = u->count >= TWO_THREADS_ROWS ? calloc(1, sizeof *h) : NULL;
    uint32_t *before = h ? malloc(blocks * sizeof *before) : NULL;
    bool started = false;
    if (before) {
        ranks_before_blocks(u, before, blocks);
        h->w = *w;
        ps_buf_init(&h->w.buf);
        ps_buf_init(&h->done[0]);
        ps_buf_init(&h->done[1]);
        h->row = row;
        h->l = l;
        h->before = before;
        h->blocks = blocks;
        started = pthread_mutex_init(&h->lock, NULL) == 0;
        if (started && pthread_cond_init(&h->changed, NULL) != 0) {
            pthread_mutex_destroy(&h->lock);
            started = false;
        }
        pthread_t thread;
        if (started && pthread_create(&thread, NULL, write_odd_blocks, h) != 0) {
            pthread_cond_destroy(&h->changed);
            pthread_mutex_destroy(&h->lock);
            started = false;
        }
        if (started) {
            for (size_t k = 0, s = 0; k < blocks && !w->failed; k++) {
                if (k % 2 == 1) {
                    send_odd_block(w, h, k, s);
                    s ^= 1;
                    continue;
                }
                rows_in_order(w, k * BLOCK_ROWS, block_end(u, k), before[k], row, l, true);
            }
            pthread_mutex_lock(&h->lock);
            h->stop = true;
            pthread_cond_broadcast(&h->changed);
            pthread_mutex_unlock(&h->lock);
            pthread_join(thread, NULL);
            pthread_cond_destroy(&h->changed);
            pthread_mutex_destroy(&h->lock);
            ps_buf_free(&h->done[0]);
            ps_buf_free(&h->done[1]);
        }
    }
    free(before);
    free(h);
    if (!started)
        rows_in_order(w, 0, u->count, 0, row, l, true);
}

static void text_rows(writer *w)
{
    const ps_units *u = w->units;
    size_t name_width = ps_text_width(W(w, PS_L_UNITS_UNIT), strlen(W(w, PS_L_UNITS_UNIT)));
    if (u->widest_name > name_width)
        name_width = u->widest_name > NAME_WIDTH_MAX ? NAME_WIDTH_MAX : u->widest_name;
    char rank_head[32];
    snprintf(rank_head, sizeof rank_head, "%s", W(w, PS_L_RANK));
    pad_to(&w->buf, rank_head, 8, false);
    ps_buf_puts(&w->buf, "  ");
    pad_to(&w->buf, W(w, PS_L_UNITS_UNIT), name_width, false);
    ps_buf_puts(&w->buf, "  ");
    pad_to(&w->buf, W(w, PS_L_UNITS_TOTAL), 7, true);
    ps_buf_puts(&w->buf, "  ");
    pad_to(&w->buf, W(w, PS_L_GAP), 10, true);
    ps_buf_puts(&w->buf, "  ");
    pad_to(&w->buf, W(w, PS_L_UNITS_TOTAL_TARGET), 13, false);
    ps_buf_printf(&w->buf, "  %s  (%s)\n", W(w, PS_L_UNITS_MISSED), W(w, PS_L_UNITS_MISSING));
    row_layout l = {.room = 160 + 2 * ids_room(u, 2) + 2 * NAME_WIDTH_MAX, /* cells, colour, ids, padding */
                    .name_width = name_width,
                    .target = w->total && w->total->has_target};
    write_rows(w, text_row, &l);
}

static void text_report(writer *w)
{
    const ps_units *u = w->units;
    char count[24];
    snprintf(count, sizeof count, "%zu", u->count);
    const char *args[] = {count, u->plan->source};
    ps_wording_fill(&w->buf, W(w, PS_L_UNITS_TITLE), args, 2);
    ps_buf_puts(&w->buf, "\n\n");
    text_rows(w);
    ps_buf_printf(&w->buf, "\n%s\n", W(w, PS_L_UNITS_PARTIAL));
    if (u->plan->illustrative_max)
        ps_buf_printf(&w->buf, "%s\n", W(w, PS_L_UNITS_ILLUSTRATIVE));
}

/* One unit's CSV row after its name: total, partial, gap, met, missed and missing, in room made once. */
static void csv_rest(writer *w, const ps_unit *unit, size_t room, bool target, char d)
{
    char *start = ps_buf_room(&w->buf, room), *p = start;
    if (!p)
        return;
    bool known = has_total(w, unit);
    *p++ = d;
    if (known)
        p += ps_num_format(unit->total, 2, w->mark, false, p, 40);
    *p++ = d;
    p = put_word_at(p, unit->missing != 0);
    *p++ = d;
    if (target && known)
        p += ps_num_format(unit->total - w->total->target.value, 2, w->mark, false, p, 40);
    *p++ = d;
    if (judged(w, unit))
        p = put_word_at(p, ps_target_met(&w->total->target, unit->total));
    *p++ = d;
    p = put_listed_ids_at(p, w, unit->missed, " ");
    *p++ = d;
    p = put_listed_ids_at(p, w, unit->missing, " ");
    *p++ = '\n';
    ps_buf_wrote(&w->buf, (size_t)(p - start));
}

static void csv_row(writer *w, size_t i, uint32_t rank, const row_layout *l)
{
    const ps_unit *unit = ps_units_placed(w->units, i);
    char *p = ps_buf_room(&w->buf, 12);
    if (p) {
        char *end = put_uint_at(p, rank);
        *end++ = l->delimiter;
        ps_buf_wrote(&w->buf, (size_t)(end - p));
    }
    size_t name_len;
    const char *name = ps_units_placed_name(w->units, i, &name_len);
    ps_csv_quote(&w->buf, name, name_len, l->delimiter, true);
    csv_rest(w, unit, l->room, l->target, l->delimiter);
}

static void csv_report(writer *w)
{
    const ps_units *u = w->units;
    char d = w->lang ? ',' : ';';
    ps_buf_printf(&w->buf, "rank%cunit%ctotal%cpartial%cgap%cmet%cmissed%cmissing\n", d, d, d, d, d, d, d);
    row_layout l = {.room = 2 * 40 + 2 * 5 + 2 * ids_room(u, 1) + 8, /* two numbers, two words, two lists */
                    .delimiter = d,
                    .target = w->total && w->total->has_target};
    write_rows(w, csv_row, &l);
}

/* A number as cJSON prints the hundredths it is shown to (67.2, 100, -0.05): the JSON report's form. */
static char *put_json_cents_at(char *p, ps_num v)
{
    int64_t c = ps_num_round2(v) / (PS_NUM_SCALE / 100);
    if (c < 0) {
        *p++ = '-';
        c = -c;
    }
    p = put_uint_at(p, (uint32_t)(c / 100));
    int frac = (int)(c % 100);
    if (frac != 0) {
        *p++ = '.';
        *p++ = (char)('0' + frac / 10);
        if (frac % 10 != 0)
            *p++ = (char)('0' + frac % 10);
    }
    return p;
}

static char *put_json_ids_at(char *p, const ps_units *u, uint32_t mask)
{
    *p++ = '[';
    bool first = true;
    for (size_t k = 0; k < u->criteria_count; k++) {
        if (!(mask & (UINT32_C(1) << k)))
            continue;
        if (!first)
            *p++ = ',';
        size_t n = strlen(u->criteria[k]->id); /* letters, digits, . - _: nothing to escape */
        *p++ = '"';
        memcpy(p, u->criteria[k]->id, n);
        p += n;
        *p++ = '"';
        first = false;
    }
    *p++ = ']';
    return p;
}

/* One unit as one line of JSON, written directly (a cJSON object a unit cost more than reading the file),
 * byte for byte what cJSON printed. */
static void json_row(writer *w, size_t i, uint32_t rank, const row_layout *l)
{
    const ps_units *u = w->units;
    const ps_unit *unit = ps_units_placed(u, i);
    bool last = i + 1 == u->count;
    size_t room = l->room;
    bool known = has_total(w, unit), target = w->total && w->total->has_target;
    ps_buf_puts(&w->buf, "    {\"unit\":");
    size_t name_len;
    const char *name = ps_units_placed_name(u, i, &name_len);
    ps_json_quote(&w->buf, name, name_len);
    char *start = ps_buf_room(&w->buf, room), *p = start;
    if (!p)
        return;
    p = put_text_at(p, ",\"total\":");
    p = known ? put_json_cents_at(p, unit->total) : put_text_at(p, "null");
    p = put_text_at(p, ",\"rank\":");
    p = put_uint_at(p, rank);
    p = put_text_at(p, unit->missing ? ",\"partial\":true,\"missing\":" : ",\"partial\":false,\"missing\":");
    p = put_listed_ids_at(p, w, unit->missing, NULL);
    p = put_text_at(p, ",\"gap\":");
    p = target && known ? put_json_cents_at(p, unit->total - w->total->target.value) : put_text_at(p, "null");
    p = put_text_at(p, ",\"met\":");
    p = !judged(w, unit) ? put_text_at(p, "null")
                         : put_text_at(p, ps_target_met(&w->total->target, unit->total) ? "true" : "false");
    p = put_text_at(p, ",\"missed\":");
    p = put_listed_ids_at(p, w, unit->missed, NULL);
    p = put_text_at(p, last ? "}\n" : "},\n");
    ps_buf_wrote(&w->buf, (size_t)(p - start));
}

static void json_report(writer *w)
{
    const ps_units *u = w->units;
    ps_buf_puts(&w->buf, "{\n  \"schema_version\": 1,\n  \"plan\": {\"source\": ");
    const char *source = u->plan->source ? u->plan->source : "";
    ps_json_quote(&w->buf, source, strlen(source));
    ps_buf_printf(&w->buf, ", \"max_points_illustrative\": %s},\n  \"units\": [\n",
                  u->plan->illustrative_max ? "true" : "false");
    row_layout l = {.room = 160 + 2 * ids_room(u, 3)}; /* the keys, two numbers, a rank, two lists of ids */
    write_rows(w, json_row, &l);
    ps_buf_puts(&w->buf, "  ]\n}\n");
}

/* ---- the workbook: a sheet with the CSV's columns, its rows written out one by one ---- */

enum { XLSX_TITLE, XLSX_PARTIAL_NOTE, XLSX_ILLUSTRATIVE_NOTE, XLSX_HEAD = 4, XLSX_FIRST };

/* Column widths: the unit's as wide as its longest name (up to the text's cap), the others fixed. */
static void xlsx_columns(ps_xlsx *x, lxw_worksheet *ws, const ps_units *u)
{
    static const double widths[] = {8, 0, 10, 10, 12, 12, 20, 14};
    double name_width = 12;
    for (size_t i = 0; i < u->count; i++) {
        const char *name = u->names + u->units[i].name;
        double w = (double)ps_text_width(name, strlen(name)) + 2;
        name_width = w > name_width ? (w < NAME_WIDTH_MAX ? w : NAME_WIDTH_MAX) : name_width;
    }
    for (lxw_col_t c = 0; c < sizeof widths / sizeof widths[0]; c++)
        ps_xlsx_check(x, x->lxw.worksheet_set_column(ws, c, c, c == 1 ? name_width : widths[c], NULL));
}

static void xlsx_head(writer *w, ps_xlsx *x, lxw_worksheet *ws)
{
    const ps_units *u = w->units;
    char count[24];
    snprintf(count, sizeof count, "%zu", u->count);
    const char *args[] = {count, u->plan->source};
    w->buf.len = 0;
    ps_wording_fill(&w->buf, W(w, PS_L_UNITS_TITLE), args, 2);
    const char *title = w->buf.failed ? NULL : w->buf.data;
    ps_xlsx_properties(x, title, u->plan, NULL);
    if (title)
        ps_xlsx_string(x, ws, XLSX_TITLE, 0, title, PS_XS_TITLE);
    ps_xlsx_string(x, ws, XLSX_PARTIAL_NOTE, 0, W(w, PS_L_UNITS_PARTIAL), 0);
    if (u->plan->illustrative_max)
        ps_xlsx_string(x, ws, XLSX_ILLUSTRATIVE_NOTE, 0, W(w, PS_L_UNITS_ILLUSTRATIVE), 0);
    static const ps_label heads[] = {PS_L_RANK, PS_L_UNITS_UNIT, PS_L_UNITS_TOTAL,  PS_L_XLSX_PARTIAL,
                                     PS_L_GAP,  PS_L_RESULT,     PS_L_UNITS_MISSED, PS_L_UNITS_MISSING};
    for (lxw_col_t c = 0; c < sizeof heads / sizeof heads[0]; c++)
        ps_xlsx_string(x, ws, XLSX_HEAD, c, W(w, heads[c]), PS_XS_HEAD);
}

/* The ids of the criteria in mask as one cell, ", " between them. */
static ps_cell xlsx_ids(writer *w, uint32_t mask)
{
    w->buf.len = 0;
    char *p = ps_buf_room(&w->buf, ids_room(w->units, 2));
    if (!p)
        return ps_cell_none();
    ps_buf_wrote(&w->buf, (size_t)(put_ids_at(p, w->units, mask, ", ") - p));
    return ps_cell_text(w->buf.data);
}

static void xlsx_row(writer *w, ps_xlsx *x, lxw_worksheet *ws, lxw_row_t row, const ps_unit *unit,
                     uint32_t rank)
{
    bool judged = w->total && w->total->has_target;
    ps_met met = !judged || unit->missing                        ? PS_MET_UNKNOWN
                 : ps_target_met(&w->total->target, unit->total) ? PS_MET_YES
                                                                 : PS_MET_NO;
    ps_cell cells[] = {
        ps_cell_integer(rank),
        ps_cell_text(w->units->names + unit->name),
        ps_cell_number(true, unit->total, 0),
        ps_cell_bool(true, unit->missing != 0),
        ps_cell_number(judged, judged ? unit->total - w->total->target.value : 0, PS_CELL_PLUS),
        ps_cell_verdict(met)};
    lxw_col_t c = 0;
    for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++)
        c += ps_xlsx_cell(x, ws, row, c, &cells[k], PS_XS_TABLE);
    ps_cell missed = xlsx_ids(w, unit->missed);
    c += ps_xlsx_cell(x, ws, row, c, &missed, PS_XS_TABLE);
    ps_cell missing = xlsx_ids(w, unit->missing);
    ps_xlsx_cell(x, ws, row, c, &missing, PS_XS_TABLE);
    if (w->buf.failed)
        ps_xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

static ps_status xlsx_report(writer *w)
{
    const ps_units *u = w->units;
    if (u->count > PS_UNITS_XLSX_MAX)
        return PS_ERR_INPUT;
    ps_xlsx x;
    if (ps_xlsx_open(&x, w->lang, true) == PS_OK) { /* rows go out as they are written */
        lxw_worksheet *ws = ps_xlsx_sheet(&x, PS_L_XLSX_SHEET_UNITS);
        if (ws) {
            xlsx_columns(&x, ws, u);
            xlsx_head(w, &x, ws);
            lxw_row_t last = XLSX_HEAD + (lxw_row_t)u->count;
            ps_xlsx_check(&x, x.lxw.worksheet_autofilter(ws, XLSX_HEAD, 0, last, 7));
            x.lxw.worksheet_freeze_panes(ws, XLSX_FIRST, 0);
            ps_xlsx_check(&x, x.lxw.worksheet_repeat_rows(ws, XLSX_HEAD, XLSX_HEAD));
        }
        uint32_t rank = 0;
        for (size_t i = 0; ws && i < u->count && x.status == PS_OK; i++) {
            rank = ps_units_rank_at(u, i, rank);
            xlsx_row(w, &x, ws, XLSX_FIRST + (lxw_row_t)i, ps_units_placed(u, i), rank);
        }
    }
    ps_status st = ps_xlsx_finish_to(&x, w->sink, w->sink_ctx);
    if (st == PS_ERR_IO)
        errno = x.error; /* 0: the sink refused, and knows why */
    return st;
}

ps_status ps_report_units(const ps_units *units, ps_units_format format, const ps_report_options *options,
                          ps_sink sink, void *sink_ctx)
{
    writer w = {.units = units,
                .lang = options->lang,
                .mark = options->lang == PS_LANG_EN ? '.' : ',',
                .color = options->color,
                .sink = sink,
                .sink_ctx = sink_ctx};
    ps_buf_init(&w.buf);
    w.met_width = ps_text_width(W(&w, PS_L_MET), strlen(W(&w, PS_L_MET)));
    w.missed_width = ps_text_width(W(&w, PS_L_MISSED), strlen(W(&w, PS_L_MISSED)));
    for (size_t i = 0; i < units->plan->count; i++)
        if (units->plan->items[i].kind == PS_KIND_TOTAL)
            w.total = &units->plan->items[i];
    if (format == PS_UNITS_XLSX) {
        ps_status st = xlsx_report(&w);
        int error = errno;
        ps_buf_free(&w.buf);
        errno = error;
        return st;
    }
    if (format == PS_UNITS_JSON) {
        w.mark = '.';
        list_ids(&w, NULL);
        json_report(&w);
    } else if (format == PS_UNITS_CSV) {
        if (options->bom)
            ps_buf_puts(&w.buf, "\xEF\xBB\xBF");
        list_ids(&w, " ");
        csv_report(&w);
    } else {
        list_ids(&w, ", ");
        text_report(&w);
    }
    flush(&w, true);
    ps_buf_free(&w.buf);
    free(w.ids.text);
    free(w.ids.at);
    return w.nomem ? PS_ERR_NOMEM : w.failed ? PS_ERR_IO : PS_OK;
}
