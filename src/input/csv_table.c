/* Streaming CSV reading: BOM, comments, delimiter, positions, limits; plain lines split, others by libcsv. */
#include "input/csv_table.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/array.h"
#include "base/error.h"
#include "base/text.h"
#include "input/file.h"
#include "input/table.h"
#include "parscore/load.h"

/* libcsv's parser state when no row is under way (ROW_NOT_BEGUN in libcsv.c). */
#define LIBCSV_ROW_NOT_BEGUN 0
#define CHUNK_BYTES 65536
/* A regular file at least this large is read by two threads when its loader asks (handler->split). */
#ifndef PS_CSV_SPLIT_BYTES
#define PS_CSV_SPLIT_BYTES (4 << 20)
#endif

typedef struct {
    long line;
    long column;
    bool after_cr;
} position;

typedef struct {
    size_t offset; /* into the arena */
    size_t len;
    long line;
    long column;
} field_slot;

typedef struct {
    const char *name;
    const ps_table_handler *handler;
    ps_error *err;
    ps_status status; /* first failure; reading stops there */
    struct csv_parser parser;
    bool parser_ready;
    /* before the header: BOM, comments and the header line are gathered here */
    char *pre;
    size_t pre_len, pre_cap;
    bool started; /* header found, libcsv is being fed */
    bool bom_checked;
    position pos;         /* of the next byte to read */
    position field_start; /* of the field being read */
    long field_lead;      /* spaces before the field's text */
    bool field_quoted;    /* the field opens with a quote */
    bool field_plain;     /* its bytes are printable ASCII: its text needs no checking */
    /* the row being read as it came (libcsv hands over field texts only): where each field begins is
     * found in it when libcsv hands that field over */
    char *raw;
    size_t raw_len, raw_cap;
    bool row_open; /* raw holds a row begun and not yet ended */
    /* or a whole line without quotes or control bytes, read where it lies: its fields are found between
     * delimiters (NULL: they are found in raw) */
    const char *line;
    size_t line_len;
    size_t wide_end;     /* past the line's last byte above ASCII (0: none): plain fields lie after it */
    size_t cursor;       /* where in raw the next field begins */
    position cursor_pos; /* and its line and column */
    /* the row being gathered */
    field_slot *slots;
    size_t slot_count, slot_cap;
    ps_table_field *fields; /* the row as the handler sees it */
    size_t fields_cap;
    char *arena;
    size_t arena_len, arena_cap;
    /* the header's names, to name columns in errors */
    char **header;
    size_t header_count;
    bool seen_header;
    long last_line;
    size_t prelude_bytes;          /* comment and blank lines before the header, read so far */
    unsigned char byte_class[256]; /* BYTE_* for the delimiter in use */
    unsigned char delim;
} reader;

static void fail(reader *r, ps_msg code, long line, long column, const char *a0, const char *a1)
{
    if (r->status != PS_OK)
        return;
    r->status = code == PS_MSG_NOMEM ? PS_ERR_NOMEM : PS_ERR_INPUT;
    ps_error_set(r->err, code, r->name, line, column, a0, a1, NULL);
}

static void advance(position *p, const char *bytes, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c == '\n') {
            if (!p->after_cr)
                p->line++;
            p->column = 1;
            p->after_cr = false;
        } else if (c == '\r') {
            p->line++;
            p->column = 1;
            p->after_cr = true;
        } else {
            if ((c & 0xC0) != 0x80)
                p->column++;
            p->after_cr = false;
        }
    }
}

static const char *column_name(const reader *r, size_t index, char *buf, size_t size)
{
    if (r->seen_header && index < r->header_count)
        return r->header[index];
    snprintf(buf, size, "#%zu", index + 1);
    return buf;
}

/* Where the byte at offset of the field's text is: after the field's start, its opening quote and the text
 * before it, which in a quoted field may run over several lines. */
static void place_in_field(const reader *r, const char *text, size_t offset, long *line, long *col)
{
    *line = r->field_start.line;
    *col = r->field_start.column + r->field_lead + (r->field_quoted ? 1 : 0);
    size_t from = 0;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= offset || text[i + 1] != '\n'))) {
            (*line)++;
            *col = 1;
            from = i + 1;
        }
    }
    *col += ps_utf8_chars(text + from, offset - from);
}

/* What a byte is to the scans: one that ends a line, one that ends an unquoted field, one that is not
 * printable ASCII, and among those a control character (a column of its own, or a line break); one that
 * keeps a line off the fast path (a quote, a control character but the delimiter), one above ASCII. */
enum {
    BYTE_ENDS_LINE = 1,
    BYTE_ENDS_FIELD = 2,
    BYTE_NOT_PLAIN = 4,
    BYTE_CONTROL = 8,
    BYTE_SLOW = 16,
    BYTE_WIDE = 32
};

static void classify_bytes(reader *r, unsigned char delim)
{
    for (int c = 0; c < 256; c++)
        r->byte_class[c] = (unsigned char)(c < 0x20 || c == 0x7F ? BYTE_NOT_PLAIN | BYTE_CONTROL
                                           : c > 0x7E            ? BYTE_NOT_PLAIN
                                                                 : 0);
    for (int c = 0; c < 256; c++)
        r->byte_class[c] |= (unsigned char)((r->byte_class[c] & BYTE_CONTROL) && c != delim ? BYTE_SLOW
                                            : c >= 0x80                                     ? BYTE_WIDE
                                                                                            : 0);
    r->byte_class['"'] |= BYTE_SLOW;
    r->byte_class[delim] |= BYTE_ENDS_FIELD;
    r->delim = delim;
    r->byte_class['\n'] |= BYTE_ENDS_LINE | BYTE_ENDS_FIELD;
    r->byte_class['\r'] |= BYTE_ENDS_LINE | BYTE_ENDS_FIELD;
}

/* Moves p past len bytes, the first body of which hold the classes in seen: without a control character
 * they are one column a character (a UTF-8 continuation byte adds none), counted without a byte loop
 * where they are all ASCII. */
static void advance_seen(position *p, const char *bytes, size_t body, size_t len, unsigned char seen)
{
    if (seen & BYTE_CONTROL) {
        advance(p, bytes, len);
        return;
    }
    size_t continuation = 0;
    for (size_t k = 0; (seen & BYTE_NOT_PLAIN) && k < body; k++)
        continuation += ((unsigned char)bytes[k] & 0xC0) == 0x80;
    if (body > 0) {
        p->column += (long)(body - continuation);
        p->after_cr = false;
    }
    if (len > body && bytes[body] != '\n' && bytes[body] != '\r') { /* a delimiter: one column */
        p->column++;
        p->after_cr = false;
        body++;
    }
    advance(p, bytes + body, len - body);
}

/* A field in the raw row as libcsv reads it: spaces, then a quoted text (a doubled quote inside) or not,
 * up to a delimiter or line end outside quotes. */
typedef struct {
    size_t lead;        /* spaces before it */
    bool quoted;        /* it opens with a quote */
    unsigned char seen; /* the classes of its bytes */
    size_t end;         /* where its delimiter or line end is; raw_len when it is not in raw yet */
} field_extent;

static field_extent measure_field(const reader *r, size_t from)
{
    const unsigned char *raw = (const unsigned char *)r->raw;
    size_t n = r->raw_len, i = from;
    field_extent f = {0, false, 0, 0};
    while (i < n && raw[i] == ' ')
        i++;
    f.lead = i - from;
    f.quoted = i < n && raw[i] == '"';
    for (i += f.quoted; f.quoted && i < n; i++) {
        f.seen |= r->byte_class[raw[i]];
        if (raw[i] == '"' && !(i + 1 < n && raw[i + 1] == '"')) {
            i++;
            break;
        }
        i += raw[i] == '"'; /* a doubled quote */
    }
    unsigned char c;
    while (!((c = r->byte_class[raw[i]]) & BYTE_ENDS_FIELD)) { /* keep_raw ends raw with a line end */
        f.seen |= c;
        i++;
    }
    f.end = i;
    return f;
}

/* The field libcsv is handing over, found in the raw row at the cursor: notes where it begins and whether
 * it is plain, and moves the cursor past its delimiter. */
static void scan_field(reader *r)
{
    size_t from = r->cursor;
    field_extent f = measure_field(r, from);
    r->field_lead = (long)f.lead;
    r->field_quoted = f.quoted;
    r->field_plain = !(f.seen & BYTE_NOT_PLAIN);
    r->field_start = r->cursor_pos;
    size_t end = f.end < r->raw_len ? f.end + 1 : f.end;
    advance_seen(&r->cursor_pos, r->raw + from, f.end - from, end - from, f.seen);
    r->cursor = end;
}

/* The first delimiter in t from i on, or n: eight bytes at a time where the machine is little-endian (the
 * lowest byte found in a word is then the first), as a field's end is found for every field of a line. */
static size_t find_delimiter(const unsigned char *t, size_t i, size_t n, unsigned char delim)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        w ^= ones * delim;
        uint64_t found = (w - ones) & ~w & high; /* exact in its lowest byte: a zero byte of w */
        if (found)
            return i + (size_t)__builtin_ctzll(found) / 8;
    }
#endif
    while (i < n && t[i] != delim)
        i++;
    return i;
}

/* Whether any of t[0..n) is above ASCII, eight bytes at a time. */
static bool above_ascii(const unsigned char *t, size_t n)
{
    uint64_t any = 0, w;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        memcpy(&w, t + k, 8);
        any |= w;
    }
    for (; k < n; k++)
        any |= t[k];
    return any & UINT64_C(0x8080808080808080);
}

/* The next field of a whole line (it has no quote): spaces, then its text up to the next delimiter; notes
 * where it begins and whether it is plain, moves past the delimiter and returns where the text stops. */
static size_t scan_line_field(reader *r)
{
    const unsigned char *t = (const unsigned char *)r->line;
    const unsigned char delim = r->delim;
    size_t n = r->line_len, from = r->cursor, i = from;
    while (i < n && t[i] == ' ')
        i++;
    r->field_lead = (long)(i - from);
    r->field_quoted = false;
    r->field_start = r->cursor_pos;
    size_t text = i, continuation = 0;
    i = find_delimiter(t, i, n, delim);
    /* past the line's last byte above ASCII, or without one: plain, a column a byte */
    bool plain = text >= r->wide_end || !above_ascii(t + text, i - text);
    if (!plain)
        continuation = i - text - (size_t)ps_utf8_chars((const char *)t + text, i - text);
    r->field_plain = plain;
    bool delimited = i < n;
    r->cursor_pos.column += (long)(i - from - continuation) + delimited;
    r->cursor = i + delimited;
    return i;
}

/* The field libcsv is reading, at the cursor, may not outgrow a field's limit (with room for quotes,
 * doubled quotes and spaces) before libcsv is given more of it: libcsv would buffer it whole, in steps of
 * a hundred bytes. */
static bool field_within_limit(reader *r)
{
    const size_t bound = 2 * (size_t)PS_LIMIT_FIELD_BYTES + 4;
    if (r->raw_len - r->cursor <= bound)
        return true;
    field_extent f = measure_field(r, r->cursor);
    if (f.end < r->raw_len && f.end - r->cursor <= bound)
        return true;
    char limit[32];
    snprintf(limit, sizeof limit, "%d", PS_LIMIT_FIELD_BYTES);
    fail(r, PS_MSG_FIELD_TOO_LONG, r->cursor_pos.line, r->cursor_pos.column, limit, NULL);
    return false;
}

/* A field's text is valid UTF-8 without NUL bytes, and nothing in it could drive a terminal or reorder
 * what a report shows; false (the reader failed at the place) otherwise. */
static bool text_allowed(reader *r, const char *text, size_t len)
{
    char namebuf[32];
    if (ps_text_surely_safe(text, len))
        return true;
    if (len > 0 && memchr(text, '\0', len)) {
        fail(r, PS_MSG_NUL_BYTE, r->field_start.line, r->field_start.column,
             column_name(r, r->slot_count, namebuf, sizeof namebuf), NULL);
        return false;
    }
    size_t valid = ps_utf8_valid_prefix(text, len);
    if (valid < len) {
        long line, col;
        place_in_field(r, text, valid, &line, &col);
        fail(r, PS_MSG_INVALID_UTF8, line, col, column_name(r, r->slot_count, namebuf, sizeof namebuf), NULL);
        return false;
    }
    int32_t cp;
    size_t unsafe = ps_text_find_unsafe(text, len, &cp);
    if (unsafe < len) {
        long line, col;
        char code[16];
        place_in_field(r, text, unsafe, &line, &col);
        snprintf(code, sizeof code, "U+%04X", (unsigned)cp);
        fail(r, PS_MSG_CONTROL_CHAR, line, col, column_name(r, r->slot_count, namebuf, sizeof namebuf), code);
        return false;
    }
    return true;
}

/* The field whose place was just scanned is within the limits and its text allowed; false (the reader
 * failed at the place) otherwise. */
static bool field_checked(reader *r, const char *text, size_t len)
{
    if (r->slot_count >= PS_LIMIT_COLUMNS) {
        char limit[32];
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_COLUMNS);
        fail(r, PS_MSG_TOO_MANY_COLUMNS, r->field_start.line, r->field_start.column, limit, NULL);
        return false;
    }
    if (len > PS_LIMIT_FIELD_BYTES) {
        char limit[32];
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_FIELD_BYTES);
        fail(r, PS_MSG_FIELD_TOO_LONG, r->field_start.line, r->field_start.column, limit, NULL);
        return false;
    }
    return r->field_plain || text_allowed(r, text, len);
}

/* The same, the common case (a plain field within the limits) decided inline. */
static inline bool field_acceptable(reader *r, const char *text, size_t len)
{
    if (r->field_plain && len <= PS_LIMIT_FIELD_BYTES && r->slot_count < PS_LIMIT_COLUMNS)
        return true;
    return field_checked(r, text, len);
}

/* Adds the field whose text is at offset in the arena (NUL-terminated there) to the row being gathered. */
static inline void keep_slot(reader *r, size_t offset, size_t len)
{
    if (!ps_array_grow((void **)&r->slots, &r->slot_cap, r->slot_count + 1, sizeof *r->slots)) {
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
        return;
    }
    field_slot *slot = &r->slots[r->slot_count++];
    slot->offset = offset;
    slot->len = len;
    slot->line = r->field_start.line;
    slot->column = r->field_start.column;
}

/* Keeps the text of the field whose place was just scanned in the row being gathered. */
static void keep_field(reader *r, const char *text, size_t len)
{
    if (!field_acceptable(r, text, len))
        return;
    if (!ps_array_grow((void **)&r->arena, &r->arena_cap, r->arena_len + len + 1, 1)) {
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
        return;
    }
    size_t offset = r->arena_len;
    if (len > 0)
        memcpy(r->arena + offset, text, len);
    r->arena[offset + len] = '\0';
    r->arena_len += len + 1;
    keep_slot(r, offset, len);
}

/* libcsv hands over a field (data NULL when it is empty and libcsv has not needed a buffer yet). */
static void on_field(void *data, size_t len, void *ctx)
{
    reader *r = ctx;
    if (r->status != PS_OK)
        return;
    scan_field(r);
    keep_field(r, data ? data : "", len);
}

static bool all_blank(const reader *r)
{
    for (size_t i = 0; i < r->slot_count; i++) {
        const char *t = r->arena + r->slots[i].offset;
        for (size_t k = 0; k < r->slots[i].len; k++)
            if (t[k] != ' ' && t[k] != '\t')
                return false;
    }
    return true;
}

static ps_status keep_header(reader *r, const ps_table_row *row)
{
    r->header = calloc(row->count, sizeof *r->header);
    if (!r->header)
        return PS_ERR_NOMEM;
    r->header_count = row->count;
    for (size_t i = 0; i < row->count; i++) {
        ps_status st = ps_text_nfc(row->fields[i].text, row->fields[i].len, &r->header[i]);
        if (st != PS_OK) /* fields are valid UTF-8 by now: only memory can fail */
            return PS_ERR_NOMEM;
    }
    return PS_OK;
}

static void deliver_row(reader *r)
{
    if (!ps_array_grow((void **)&r->fields, &r->fields_cap, r->slot_count ? r->slot_count : 1,
                       sizeof *r->fields)) {
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
        return;
    }
    ps_table_field *fields = r->fields; /* kept from row to row: one allocation, not one a row */
    for (size_t i = 0; i < r->slot_count; i++) {
        fields[i].text = r->arena + r->slots[i].offset;
        fields[i].len = r->slots[i].len;
        fields[i].line = r->slots[i].line;
        fields[i].column = r->slots[i].column;
        fields[i].json_number = false;
    }
    ps_table_row row = {fields, r->slot_count, r->slot_count ? fields[0].line : r->field_start.line};
    ps_status st = PS_OK;
    if (!r->seen_header) {
        st = keep_header(r, &row);
        if (st == PS_OK)
            st = r->handler->header(r->handler->ctx, &row, r->err);
        r->seen_header = true;
    } else if (row.count != r->header_count) {
        char got[32], want[32];
        snprintf(got, sizeof got, "%zu", row.count);
        snprintf(want, sizeof want, "%zu", r->header_count);
        fail(r, PS_MSG_RAGGED_ROW, row.line, 0, got, want);
    } else {
        st = r->handler->row(r->handler->ctx, &row, r->err);
    }
    if (st == PS_ERR_NOMEM)
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
    else if (st != PS_OK && r->status == PS_OK)
        r->status = st;
}

static void on_row(int terminator, void *ctx)
{
    (void)terminator;
    reader *r = ctx;
    if (r->status != PS_OK)
        return;
    /* rows of empty cells, as spreadsheets export below a table, carry nothing */
    if (r->seen_header && all_blank(r)) {
        r->slot_count = 0;
        r->arena_len = 0;
        return;
    }
    if (r->slot_count > 0)
        r->last_line = r->slots[r->slot_count - 1].line;
    deliver_row(r);
    r->slot_count = 0;
    r->arena_len = 0;
}

/* A whole line without quotes or control bytes, split at its delimiters as libcsv would split it (with
 * CSV_STRICT and spaces only ' '): spaces around a field are not its text, and a line of nothing but
 * spaces is no row. libcsv is not needed for such a line, and its state stays between rows. The line goes
 * to the arena in one copy, a NUL written there after each field's text (on its delimiter or a space). */
static void split_plain_line(reader *r)
{
    const char *t = r->line;
    size_t n = r->line_len, i = 0;
    while (i < n && t[i] == ' ')
        i++;
    if (i == n)
        return;
    size_t base = r->arena_len;
    if (!ps_array_grow((void **)&r->arena, &r->arena_cap, base + n + 1, 1)) {
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
        return;
    }
    char *copy = r->arena + base;
    memcpy(copy, t, n);
    copy[n] = '\0';
    r->arena_len = base + n + 1;
    bool delimited = true;
    while (delimited) {
        size_t from = r->cursor;
        size_t stop = scan_line_field(r), end = stop;
        size_t start = from + (size_t)r->field_lead;
        while (end > start && t[end - 1] == ' ')
            end--;
        copy[end] = '\0';
        if (!field_acceptable(r, copy + start, end - start))
            return;
        keep_slot(r, base + start, end - start);
        if (r->status != PS_OK)
            return;
        delimited = stop < n;
    }
    on_row(0, r);
}

static int space_only(unsigned char c)
{
    return c == ' ';
}

static unsigned char detect_delimiter(const char *line, size_t len)
{
    size_t counts[3] = {0, 0, 0};
    const char delims[3] = {',', ';', '\t'};
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '"')
            quoted = !quoted;
        for (int k = 0; k < 3 && !quoted; k++)
            if (line[i] == delims[k])
                counts[k]++;
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (counts[k] > counts[best])
            best = k;
    return (unsigned char)delims[best];
}

/* A row may hold at most this many raw bytes: any longer has a field over the limit, or too many fields,
 * which scan_field then finds and names (it bounds what libcsv buffers meanwhile). */
#define RAW_ROW_LIMIT ((size_t)(PS_LIMIT_COLUMNS + 1) * (2 * (size_t)PS_LIMIT_FIELD_BYTES + 4))

/* The row is too long: the first field of it over the field limit (with room for quotes and spaces), or
 * the field past the column limit. */
static void raw_row_too_long(reader *r)
{
    char limit[32];
    for (size_t fields = r->slot_count; r->cursor < r->raw_len; fields++) {
        size_t from = r->cursor;
        scan_field(r);
        if (fields >= PS_LIMIT_COLUMNS) {
            snprintf(limit, sizeof limit, "%d", PS_LIMIT_COLUMNS);
            fail(r, PS_MSG_TOO_MANY_COLUMNS, r->field_start.line, r->field_start.column, limit, NULL);
            return;
        }
        if (r->cursor - from > 2 * (size_t)PS_LIMIT_FIELD_BYTES + 4 || r->cursor == r->raw_len)
            break;
    }
    snprintf(limit, sizeof limit, "%d", PS_LIMIT_FIELD_BYTES);
    fail(r, PS_MSG_FIELD_TOO_LONG, r->field_start.line, r->field_start.column, limit, NULL);
}

/* Keeps a line (or the part of it in this block) in the raw row, starting a row where none is open. */
static bool keep_raw(reader *r, const char *data, size_t len)
{
    if (!r->row_open) {
        r->raw_len = 0;
        r->cursor = 0;
        r->cursor_pos = r->pos;
        r->row_open = true;
    }
    if (r->raw_len + len > RAW_ROW_LIMIT) {
        raw_row_too_long(r);
        return false;
    }
    if (!ps_array_grow((void **)&r->raw, &r->raw_cap, r->raw_len + len + 1, 1)) {
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
        return false;
    }
    memcpy(r->raw + r->raw_len, data, len);
    r->raw_len += len;
    r->raw[r->raw_len] = '\n'; /* a sentinel: scans of a field stop there without counting */
    return true;
}

/* Text after a closing quote stopped libcsv at done: the place of that quote, the one that ended the
 * field too soon. */
static void bad_quote(reader *r, const char *line, size_t done, position at)
{
    size_t bad = done;
    for (size_t k = done; line[done] != '"' && k-- > 0;) {
        if (line[k] == '"') {
            bad = k;
            break;
        }
    }
    advance(&at, line, bad);
    fail(r, PS_MSG_BAD_QUOTE, at.line, at.column, NULL, NULL);
}

/* Where the line from `from` ends (its line end, or limit), the classes of its bytes in *seen and where its
 * bytes above ASCII end in *wide_end (0: none). Eight bytes at a time while they are printable ASCII
 * without a quote, as most are. */
static size_t scan_line(const reader *r, const char *data, size_t from, size_t limit, unsigned char *seen,
                        size_t *wide_end)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
    size_t j = from;
    unsigned char classes = 0;
    *wide_end = 0;
    for (;;) {
        for (; j + 8 <= limit; j += 8) {
            uint64_t w;
            memcpy(&w, data + j, 8);
            uint64_t quote = w ^ (ones * '"'), del = w ^ (ones * 0x7F);
            /* a byte below 0x20 or above 0x7E, a quote or DEL: looked at one by one below */
            if ((((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((del - ones) & ~del) | w) & high)
                break;
        }
        size_t stop = j + 8 < limit ? j + 8 : limit;
        for (; j < stop; j++) {
            unsigned char c = r->byte_class[(unsigned char)data[j]];
            if (c & BYTE_ENDS_LINE) {
                *seen = classes;
                return j;
            }
            classes |= c;
            if (c & BYTE_WIDE)
                *wide_end = j - from + 1;
        }
        if (j >= limit) {
            *seen = classes;
            return j;
        }
    }
}

/* Reads a line at a time: a whole plain line is split where it lies; any other goes to libcsv (one call a
 * line, not one a field) and to the raw row, in which each field's place is found when libcsv hands it
 * over. */
static void feed(reader *r, const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && r->status == PS_OK) {
        unsigned char seen;
        size_t wide_end;
        /* a long line goes in blocks, so that field_within_limit sees every field before libcsv has
         * more than a block of it (the input may be one buffer: standard input) */
        size_t j = scan_line(r, data, i, len - i > CHUNK_BYTES ? i + CHUNK_BYTES : len, &seen, &wide_end);
        size_t body = j - i;
        bool ended = j < len && (r->byte_class[(unsigned char)data[j]] & BYTE_ENDS_LINE);
        j += ended; /* the line end belongs to this line */
        /* a whole line of unquoted fields, the most common by far, is split where it lies */
        r->line = ended && !r->row_open && !(seen & BYTE_SLOW) ? data + i : NULL;
        if (r->line) {
            r->line_len = body;
            r->wide_end = wide_end;
            r->cursor = 0;
            r->cursor_pos = r->pos;
            r->cursor_pos.after_cr = false;
        } else if (!keep_raw(r, data + i, j - i) || !field_within_limit(r)) {
            return;
        }
        position before = r->pos;
        if (ended) { /* the next line starts at column 1, whatever this one held */
            r->pos.after_cr = body > 0 ? false : r->pos.after_cr;
            advance(&r->pos, data + i + body, 1);
        } else {
            advance_seen(&r->pos, data + i, body, body, seen);
        }
        size_t done = j - i;
        if (r->line)
            split_plain_line(r);
        else
            done = csv_parse(&r->parser, data + i, j - i, on_field, on_row, r);
        r->line = NULL;
        if (r->status != PS_OK)
            return;
        if (done < j - i) {
            bad_quote(r, data + i, done, before);
            return;
        }
        /* a line end outside quotes ends the row (or a blank line): the next line begins another */
        r->row_open = !(ended && r->parser.pstate == LIBCSV_ROW_NOT_BEGUN);
        i = j;
    }
}

static void on_field_end(void *data, size_t len, void *ctx)
{
    on_field(data, len, ctx);
}

static ps_status parse_meta_line(reader *r, const char *line, size_t len, long line_no)
{
    const char *nul = memchr(line, '\0', len);
    if (nul) {
        fail(r, PS_MSG_BAD_BYTE, line_no, ps_utf8_chars(line, (size_t)(nul - line)) + 1, "NUL", NULL);
        return r->status;
    }
    if (ps_utf8_valid_prefix(line, len) < len) {
        fail(r, PS_MSG_INVALID_UTF8, line_no, ps_utf8_chars(line, ps_utf8_valid_prefix(line, len)) + 1, "#",
             NULL);
        return r->status;
    }
    int32_t cp;
    size_t unsafe = ps_text_find_unsafe(line, len, &cp);
    if (unsafe < len) { /* "# period: ESC[2J…" must not reach a terminal through the report's title */
        char code[16];
        snprintf(code, sizeof code, "U+%04X", (unsigned)cp);
        fail(r, PS_MSG_CONTROL_CHAR, line_no, ps_utf8_chars(line, unsafe) + 1, "#", code);
        return r->status;
    }
    ps_status st = ps_table_meta_line(r->handler, line, len, line_no, r->err);
    if (st == PS_ERR_NOMEM)
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
    else if (st != PS_OK && r->status == PS_OK)
        r->status = st;
    return r->status;
}

static size_t line_end(const char *data, size_t len, size_t from)
{
    while (from < len && data[from] != '\n' && data[from] != '\r')
        from++;
    return from;
}

/* libcsv, strict, reading fields separated by delim; false when out of memory. */
static bool init_parser(reader *r, unsigned char delim)
{
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return false;
    r->parser_ready = true;
    /* its buffers come from the same allocator as ours (one that may fail on purpose in tests) */
    csv_set_realloc_func(&r->parser, realloc);
    csv_set_free_func(&r->parser, free);
    csv_set_delim(&r->parser, delim);
    classify_bytes(r, delim);
    csv_set_space_func(&r->parser, space_only);
    r->started = true;
    r->field_start = r->pos;
    return true;
}

static void start_parser(reader *r, const char *header, size_t len)
{
    if (!init_parser(r, detect_delimiter(header, len)))
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
}

/* Handles the BOM, comment and blank lines and the header line; returns bytes of pre consumed. */
static size_t scan_prelude(reader *r, bool at_eof)
{
    size_t i = 0;
    if (!r->bom_checked) {
        if (r->pre_len < 3 && !at_eof)
            return 0;
        r->bom_checked = true;
        const unsigned char *u = (const unsigned char *)r->pre;
        if (r->pre_len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
            fail(r, PS_MSG_UTF16, 0, 0, NULL, NULL);
            return 0;
        }
        if (r->pre_len >= 3 && memcmp(r->pre, "\xEF\xBB\xBF", 3) == 0)
            i = 3;
    }
    while (i < r->pre_len && r->status == PS_OK) {
        size_t end = line_end(r->pre, r->pre_len, i);
        /* a line is complete at its terminator; after a CR, wait to see whether an LF follows */
        if (!at_eof && (end == r->pre_len || (r->pre[end] == '\r' && end + 1 == r->pre_len)))
            return i;
        size_t next = end;
        if (next < r->pre_len && r->pre[next] == '\r')
            next++;
        if (next < r->pre_len && r->pre[next] == '\n' && (next == end || r->pre[end] == '\r'))
            next++;
        bool blank = true;
        for (size_t k = i; k < end; k++)
            if (r->pre[k] != ' ' && r->pre[k] != '\t')
                blank = false;
        if (r->pre[i] == '#') {
            if (parse_meta_line(r, r->pre + i, end - i, r->pos.line) != PS_OK)
                return i;
        } else if (!blank) {
            start_parser(r, r->pre + i, end - i);
            return i;
        }
        advance(&r->pos, r->pre + i, next - i);
        r->prelude_bytes += next - i;
        i = next;
        if (r->prelude_bytes > PS_LIMIT_LINE_BYTES) { /* comments count together, not line by line */
            char limit[32];
            snprintf(limit, sizeof limit, "%d", PS_LIMIT_LINE_BYTES);
            fail(r, PS_MSG_PRELUDE_TOO_LONG, r->pos.line, 0, limit, NULL);
        }
    }
    return i;
}

static void take(reader *r, const char *data, size_t len, bool at_eof)
{
    if (r->status != PS_OK)
        return;
    if (r->started) {
        feed(r, data, len);
        return;
    }
    if (!ps_array_grow((void **)&r->pre, &r->pre_cap, r->pre_len + len + 1, 1)) {
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
        return;
    }
    memcpy(r->pre + r->pre_len, data, len);
    r->pre_len += len;
    size_t used = scan_prelude(r, at_eof);
    if (r->status != PS_OK)
        return;
    if (r->started) {
        feed(r, r->pre + used, r->pre_len - used);
        r->pre_len = 0;
        return;
    }
    memmove(r->pre, r->pre + used, r->pre_len - used);
    r->pre_len -= used;
    if (r->pre_len > PS_LIMIT_LINE_BYTES) {
        char limit[32];
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_LINE_BYTES);
        fail(r, PS_MSG_LINE_TOO_LONG, r->pos.line, 0, limit, NULL);
    }
}

static void finish(reader *r)
{
    take(r, "", 0, true);
    if (r->status != PS_OK)
        return;
    if (!r->started) {
        fail(r, PS_MSG_EMPTY, 0, 0, NULL, NULL);
        return;
    }
    if (csv_fini(&r->parser, on_field_end, on_row, r) != 0 && r->status == PS_OK) {
        fail(r, PS_MSG_UNCLOSED_QUOTE, r->cursor_pos.line, r->cursor_pos.column, NULL, NULL);
        return;
    }
    if (r->status == PS_OK && r->handler->end) {
        ps_status st = r->handler->end(r->handler->ctx, r->last_line, r->err);
        if (st != PS_OK)
            r->status = st;
    }
}

static void reader_init(reader *r, const char *name, const ps_table_handler *handler, ps_error *err)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->handler = handler;
    r->err = err;
    r->pos.line = 1;
    r->pos.column = 1;
}

static ps_status reader_done(reader *r)
{
    if (r->parser_ready)
        csv_free(&r->parser);
    for (size_t i = 0; i < r->header_count; i++)
        free(r->header[i]);
    free(r->header);
    free(r->pre);
    free(r->slots);
    free(r->raw);
    free(r->fields);
    free(r->arena);
    return r->status;
}

ps_status ps_csv_read_buffer(const char *data, size_t len, const char *name, const ps_table_handler *handler,
                             ps_error *err)
{
    reader r;
    reader_init(&r, name, handler, err);
    take(&r, data, len, false);
    finish(&r);
    return reader_done(&r);
}

/* ---- a large file read by two threads ---- */

/* The rows after a line break near the middle of a file, read by a second thread into a second context
 * while the first reads the rows before: a reader that continues the first's table (its delimiter and
 * header) at the byte after the break, on the line after it. The first thread then checks that the break
 * fell between rows; if it fell inside a quoted field, what the second read is dropped and the first reads
 * on. Either way the rows, errors and warnings are the ones a reading by one thread gives. */
typedef struct {
    reader r;
    ps_table_handler handler; /* the first's, with the second context */
    ps_error err;
    int fd;
    long long from, to; /* the bytes it reads: [from, to) */
    unsigned long long bytes_read;
    atomic_bool abandon; /* set by the first thread when what this one reads is not needed */
    pthread_t thread;
} second_half;

/* Lines before offset from, counted as advance() counts them: LF, CR LF and a lone CR each end one. */
static bool count_lines(second_half *h, char *chunk, long *lines)
{
    long n = 0;
    bool cr = false;
    for (long long at = 0; at < h->from;) {
        size_t want = h->from - at < CHUNK_BYTES ? (size_t)(h->from - at) : CHUNK_BYTES;
        ssize_t got = pread(h->fd, chunk, want, (off_t)at);
        if (got <= 0)
            return false;
        if (!cr &&
            !memchr(chunk, '\r', (size_t)got)) { /* the common case: line feeds only, found by memchr */
            for (const char *p = chunk, *end = chunk + got; (p = memchr(p, '\n', (size_t)(end - p))); p++)
                n++;
        } else {
            for (ssize_t i = 0; i < got; i++) {
                n += chunk[i] == '\r' || (chunk[i] == '\n' && !cr);
                cr = chunk[i] == '\r';
            }
        }
        at += got;
        if (atomic_load(&h->abandon))
            return false;
    }
    *lines = n;
    return true;
}

/* The second thread: lines before it counted, then its bytes fed to its reader as the first feeds its own.
 * PS_ERR_IO in its status: a read came short. */
static void *read_second_half(void *arg)
{
    second_half *h = arg;
    reader *r = &h->r;
    char *chunk = malloc(CHUNK_BYTES);
    long lines = 0;
    if (!chunk) {
        fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
    } else if (!count_lines(h, chunk, &lines)) {
        r->status = PS_ERR_IO;
    }
    r->pos.line = lines + 1;
    for (long long at = h->from; r->status == PS_OK && at < h->to && !atomic_load(&h->abandon);) {
        size_t want = h->to - at < CHUNK_BYTES ? (size_t)(h->to - at) : CHUNK_BYTES;
        ssize_t got = pread(h->fd, chunk, want, (off_t)at);
        if (got <= 0) {
            r->status = PS_ERR_IO;
            break;
        }
        h->bytes_read += (unsigned long long)got;
        at += got;
        feed(r, chunk, (size_t)got);
    }
    free(chunk);
    if (r->status == PS_OK && !atomic_load(&h->abandon) &&
        csv_fini(&r->parser, on_field_end, on_row, r) != 0 && r->status == PS_OK)
        fail(r, PS_MSG_UNCLOSED_QUOTE, r->cursor_pos.line, r->cursor_pos.column, NULL, NULL);
    return NULL;
}

/* The byte after the first line feed at or after the middle of the file, if the first thread has not read
 * that far yet (0: none within a line's limit). */
static long long split_point(int fd, long long size, unsigned long long read_so_far, char *chunk)
{
    for (long long at = size / 2; at < size && at - size / 2 < PS_LIMIT_LINE_BYTES;) {
        ssize_t got = pread(fd, chunk, CHUNK_BYTES, (off_t)at);
        if (got <= 0)
            return 0;
        const char *lf = memchr(chunk, '\n', (size_t)got);
        if (lf) {
            long long from = at + (lf - chunk) + 1;
            return from < size && (unsigned long long)from > read_so_far ? from : 0;
        }
        at += got;
    }
    return 0;
}

/* Starts the second thread for the rows from the split on; NULL (one thread reads all) when the loader
 * wants none, the file is small or not regular, or memory or a thread cannot be had. */
static second_half *start_second_half(reader *a, FILE *f, long long size, unsigned long long read_so_far,
                                      char *chunk)
{
    const ps_table_handler *handler = a->handler;
    if (!handler->split || !handler->join || size < PS_CSV_SPLIT_BYTES || !a->seen_header)
        return NULL;
    long long from = split_point(fileno(f), size, read_so_far, chunk);
    if (from == 0)
        return NULL;
    second_half *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->handler = *handler;
    h->handler.ctx = handler->split(handler->ctx);
    h->handler.split = NULL;
    if (!h->handler.ctx) {
        free(h);
        return NULL;
    }
    reader *r = &h->r;
    reader_init(r, a->name, &h->handler, &h->err);
    if (!init_parser(r, csv_get_delim(&a->parser))) {
        handler->join(handler->ctx, false, a->err);
        free(h);
        return NULL;
    }
    r->bom_checked = r->seen_header = true;
    r->header = a->header; /* borrowed: the first reader outlives this one */
    r->header_count = a->header_count;
    h->fd = fileno(f);
    h->from = from;
    h->to = size;
    atomic_init(&h->abandon, false);
    if (pthread_create(&h->thread, NULL, read_second_half, h) != 0) {
        r->header = NULL;
        r->header_count = 0;
        reader_done(r);
        handler->join(handler->ctx, false, a->err);
        free(h);
        return NULL;
    }
    return h;
}

/* Waits for the second thread. used: the first reached the split at a row's end and failed nowhere, so
 * the second's rows (or its error) follow the first's; otherwise they are dropped. The loader's join is
 * told which; the bytes the second read count when used. */
static void end_second_half(second_half *h, reader *a, bool used, unsigned long long *bytes_read)
{
    if (!used)
        atomic_store(&h->abandon, true);
    pthread_join(h->thread, NULL);
    reader *r = &h->r;
    /* a read that came short (the file shrank meanwhile, or failed) is said by the check that the file
     * did not change, from the bytes read; any other failure is the second half's error */
    if (used && r->status != PS_OK && r->status != PS_ERR_IO) {
        a->status = r->status;
        *a->err = h->err;
    }
    if (used) {
        *bytes_read += h->bytes_read;
        if (r->last_line > 0)
            a->last_line = r->last_line;
    }
    ps_status st = a->handler->join(a->handler->ctx, used && a->status == PS_OK, a->err);
    if (st == PS_ERR_NOMEM)
        fail(a, PS_MSG_NOMEM, 0, 0, NULL, NULL);
    else if (st != PS_OK && a->status == PS_OK)
        a->status = st;
    r->header = NULL; /* borrowed */
    r->header_count = 0;
    reader_done(r);
    free(h);
}

ps_status ps_csv_read_file(const char *path, const ps_table_handler *handler, ps_error *err)
{
    FILE *f;
    long long size;
    ps_status st = ps_input_open(path, &f, &size, err);
    if (st != PS_OK)
        return st;
    const char *name = ps_input_name(path);
    unsigned long long bytes_read = 0;
    reader r;
    reader_init(&r, name, handler, err);
    char *chunk = malloc(CHUNK_BYTES);
    if (!chunk)
        fail(&r, PS_MSG_NOMEM, 0, 0, NULL, NULL);
    second_half *half = NULL;
    bool split_asked = false;
    while (chunk && r.status == PS_OK) {
        size_t want = CHUNK_BYTES; /* with a second thread, up to where it begins */
        if (half && (unsigned long long)half->from - bytes_read < want)
            want = (size_t)((unsigned long long)half->from - bytes_read);
        size_t n = want > 0 ? fread(chunk, 1, want, f) : 0;
        bytes_read += n;
        if (n > 0)
            take(&r, chunk, n, false);
        if (!split_asked && r.status == PS_OK && r.seen_header) {
            split_asked = true;
            half = start_second_half(&r, f, size, bytes_read, chunk);
        }
        if (half && bytes_read == (unsigned long long)half->from) {
            /* the split is between rows when no row is open there (none began in a quoted line break) */
            bool between_rows = r.status == PS_OK && !r.row_open && r.parser.pstate == LIBCSV_ROW_NOT_BEGUN;
            if (between_rows) {
                end_second_half(half, &r, true, &bytes_read);
                half = NULL;
                break;
            }
            end_second_half(half, &r, false, &bytes_read);
            half = NULL;
            continue; /* every row is this thread's: it reads on from here */
        }
        if (n < want) {
            if (ferror(f)) {
                ps_error_set(err, PS_MSG_READ, name, 0, 0, strerror(errno), NULL, NULL);
                r.status = PS_ERR_IO;
            }
            break;
        }
    }
    if (half) /* stopped before the split: an error, or the file is shorter than it was */
        end_second_half(half, &r, false, &bytes_read);
    free(chunk);
    if (r.status == PS_OK && ps_input_check_unchanged(path, f, size, bytes_read, err) != PS_OK)
        r.status = PS_ERR_IO;
    if (r.status == PS_OK)
        finish(&r);
    if (f != stdin)
        fclose(f);
    return reader_done(&r);
}
