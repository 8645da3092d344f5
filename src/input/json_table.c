/* JSON input streamed in blocks: a strict check of the whole document, then each row object walked. */
#include "input/json_table.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "base/error.h"
#include "base/text.h"
#include "input/file.h"
#include "parscore/load.h"

/* How the reader works, and why in two passes. The old reader checked the whole document (bytes, then
 * syntax, then duplicate keys), then handed out the top-level strings, then the header (the keys of all
 * rows), then the rows; an error found late in the file wins over one found early in a later stage. So
 * pass 1 streams the document and checks it all, keeping only what the header and the top-level strings
 * need; pass 2 reads the rows array again (from memory, or the file from its start) and hands each row
 * to the loader, its members found where they lie (cJSON decodes escaped strings and lists). The scanner
 * itself only finds bounds: each top-level key and value and each element of the rows array is a piece,
 * held whole in memory (at most PS_LIMIT_JSON_VALUE_BYTES) and checked by the strict validator below;
 * only the top-level object and the rows array are walked byte by byte here. A large regular file's
 * passes are each shared by two threads: pass 1's second reads the rows ahead from a place in the second
 * half that looks like a row's start, taken if one starts there; pass 2's second hands out the rows from
 * the first that begins in the second half, which pass 1 notes; each checks its half's bytes. */

/* A regular file at least this large has its rows handed out by two threads in pass 2, when the loader asks
 * (handler->split): the second from the first row that begins in the file's second half. */
#ifndef PS_JSON_SPLIT_BYTES
#define PS_JSON_SPLIT_BYTES (4 << 20)
#endif

#ifndef PS_JSON_BLOCK_BYTES
#define PS_JSON_BLOCK_BYTES 65536 /* as the CSV reader reads; tests make it tiny */
#endif
_Static_assert(PS_JSON_BLOCK_BYTES >= 4, "a block holds a BOM and a byte after it");

/* A place in the document: its offset (after a BOM), line and column as the CSV reader counts them. */
typedef struct {
    unsigned long long off;
    long line, column;
    bool after_cr;
} place;

/* A long span with line feeds only (no CR, as most files have): the lines counted by memchr, the
 * characters only after the last one. */
static bool advance_by_lines(place *p, const char *text, size_t n)
{
    if (n < 256 || p->after_cr || memchr(text, '\r', n))
        return false;
    const char *end = text + n, *tail = text;
    long lines = 0;
    for (const char *q = text; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++) {
        lines++;
        tail = q + 1;
    }
    if (lines > 0) {
        p->line += lines;
        p->column = 1;
    }
    p->column += ps_utf8_chars(tail, (size_t)(end - tail));
    p->off += n;
    return true;
}

static void advance(place *p, const char *text, size_t n)
{
    if (advance_by_lines(p, text, n))
        return;
    long line = p->line, column = p->column;
    bool cr = p->after_cr;
    size_t k = 0;
    for (;;) {
        /* eight bytes at a time while none is a control byte up to CR: columns less continuation bytes */
        for (; k + 8 <= n; k += 8) {
            uint64_t w;
            memcpy(&w, text + k, 8);
            if (((w - UINT64_C(0x0E0E0E0E0E0E0E0E)) & ~w & UINT64_C(0x8080808080808080)) != 0)
                break;
            /* continuation bytes (10xxxxxx) counted by summing their top bits in the top byte: without
             * -mpopcnt, __builtin_popcountll is a call to libgcc */
            uint64_t continuation = (w & ~(w << 1) & UINT64_C(0x8080808080808080)) >> 7;
            column += 8 - (long)((continuation * UINT64_C(0x0101010101010101)) >> 56);
            cr = false;
        }
        if (k >= n)
            break;
        size_t stop = k + 8 < n ? k + 8 : n;
        for (; k < stop; k++) {
            unsigned char c = (unsigned char)text[k];
            if (c == '\n') {
                if (!cr)
                    line++;
                column = 1;
            } else if (c == '\r') {
                line++;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {
                column++;
            }
            cr = c == '\r';
        }
    }
    p->off += n;
    p->line = line;
    p->column = column;
    p->after_cr = cr;
}

typedef struct {
    uint64_t h[4];         /* four lanes */
    uint64_t words;        /* words hashed so far */
    unsigned char tail[8]; /* bytes not hashed yet */
    unsigned n;
} hasher;

/* The input: a memory buffer, or a regular file read a block at a time into a window that keeps only
 * the piece being read. */
typedef struct {
    FILE *f;         /* NULL for a buffer */
    FILE *copy;      /* pass 1 of an input that cannot be read twice writes each block here */
    const char *pre; /* bytes read from f before, to be read first */
    size_t pre_len, pre_at;
    long long origin; /* where reading f began */
    const char *path;
    long long size;
    char *own;
    size_t cap;
    const char *data; /* the window: bytes [base, base + len) of the document */
    size_t len;
    unsigned long long base;
    size_t at; /* the next byte to look at */
    bool eof;  /* nothing after the window */
    unsigned long long bytes_read;
    /* of every byte read, to see that the second pass reads what the first did: those before hash_split
     * (a file offset), and those from it on, so that two threads can each check their half */
    hasher hash, hash_after;
    unsigned long long hash_split;
    bool bom; /* the input began with one (dropped) */
    bool first_block;
    place wstart, cur; /* the place of data[0]; a place within the window, where lookups go on from */
    /* pass 1: the first NUL and the first byte that is not UTF-8, anywhere */
    bool check_bytes, nul_found, utf8_found;
    unsigned long long utf8_checked;
    place nul_at, utf8_at;
    ps_status status;
    ps_error *err;
    const char *name;
} stream;

/* Where a byte of the window is; lookups mostly go forward, so they go on from the last one. */
static place pos_of(stream *s, unsigned long long off)
{
    if (s->cur.off > off)
        s->cur = s->wstart;
    advance(&s->cur, s->data + (s->cur.off - s->base), (size_t)(off - s->cur.off));
    return s->cur;
}

/* The same for a one-off lookup out of order (a fault found ahead), leaving the forward one alone. */
static place pos_once(const stream *s, unsigned long long off)
{
    place p = s->cur.off <= off ? s->cur : s->wstart;
    advance(&p, s->data + (p.off - s->base), (size_t)(off - p.off));
    return p;
}

static void check_bytes(stream *s, size_t from)
{
    if (!s->nul_found) {
        const char *nul = memchr(s->data + from, '\0', s->len - from);
        if (nul) {
            s->nul_found = true;
            s->nul_at = pos_once(s, s->base + (size_t)(nul - s->data));
        }
    }
    if (s->utf8_found)
        return;
    size_t at = (size_t)(s->utf8_checked - s->base), left = s->len - at;
    size_t valid = ps_utf8_valid_prefix(s->data + at, left);
    if (valid < left && (s->eof || left - valid >= 4)) {
        s->utf8_found = true;
        s->utf8_at = pos_once(s, s->utf8_checked + valid);
    }
    s->utf8_checked += valid; /* a sequence cut by the block's end is checked again with the next block */
}

/* One word into its lane: each lane a chain of its own, so that four multiplications are under way at
 * once where one chain waited on each. */
static void hash_word(hasher *hs, uint64_t w)
{
    uint64_t *h = &hs->h[hs->words++ % 4];
    *h = (*h ^ w) * UINT64_C(0x9E3779B97F4A7C15);
    *h ^= *h >> 29;
}

/* Not for strength: to see that both passes read the same bytes; eight at a time, word k into lane k % 4,
 * the same however the bytes come in blocks. */
static void hash_bytes(hasher *hs, const char *p, size_t n)
{
    size_t k = 0;
    while (hs->n > 0 && hs->n < 8 && k < n)
        hs->tail[hs->n++] = (unsigned char)p[k++];
    if (hs->n == 8) {
        uint64_t w;
        memcpy(&w, hs->tail, 8);
        hash_word(hs, w);
        hs->n = 0;
    }
    for (; k + 8 <= n && hs->words % 4 != 0; k += 8) {
        uint64_t w;
        memcpy(&w, p + k, 8);
        hash_word(hs, w);
    }
    uint64_t h0 = hs->h[0], h1 = hs->h[1], h2 = hs->h[2], h3 = hs->h[3];
    const uint64_t m = UINT64_C(0x9E3779B97F4A7C15);
    size_t groups = 0;
    for (; k + 32 <= n; k += 32, groups++) {
        uint64_t w[4];
        memcpy(w, p + k, 32);
        h0 = (h0 ^ w[0]) * m;
        h1 = (h1 ^ w[1]) * m;
        h2 = (h2 ^ w[2]) * m;
        h3 = (h3 ^ w[3]) * m;
        h0 ^= h0 >> 29;
        h1 ^= h1 >> 29;
        h2 ^= h2 >> 29;
        h3 ^= h3 >> 29;
    }
    hs->h[0] = h0, hs->h[1] = h1, hs->h[2] = h2, hs->h[3] = h3;
    hs->words += 4 * groups;
    for (; k + 8 <= n; k += 8) {
        uint64_t w;
        memcpy(&w, p + k, 8);
        hash_word(hs, w);
    }
    while (k < n)
        hs->tail[hs->n++] = (unsigned char)p[k++];
}

static bool same_hash(const hasher *a, const hasher *b)
{
    return memcmp(a->h, b->h, sizeof a->h) == 0 && a->words == b->words && a->n == b->n &&
           memcmp(a->tail, b->tail, a->n) == 0;
}

/* Up to max bytes into dst: first what was read before, then from the input; each copied aside (for a
 * pipe), counted and hashed. 0 at the end or on an error (s->status). */
static size_t read_chunk(stream *s, char *dst, size_t max)
{
    size_t got;
    if (s->pre_at < s->pre_len) {
        got = s->pre_len - s->pre_at < max ? s->pre_len - s->pre_at : max;
        memcpy(dst, s->pre + s->pre_at, got);
        s->pre_at += got;
    } else {
        got = fread(dst, 1, max, s->f);
    }
    if (got > 0 && s->copy && fwrite(dst, 1, got, s->copy) != got) {
        ps_error_set(s->err, PS_MSG_JSON_COPY, s->name, 0, 0, strerror(errno), NULL, NULL);
        s->status = PS_ERR_IO;
        return 0;
    }
    size_t before = s->bytes_read >= s->hash_split ? 0
                    : s->hash_split - s->bytes_read >= (unsigned long long)got
                        ? got
                        : (size_t)(s->hash_split - s->bytes_read);
    hash_bytes(&s->hash, dst, before);
    hash_bytes(&s->hash_after, dst + before, got - before);
    s->bytes_read += got;
    return got;
}

/* Reads the next block, keeping the window's bytes from index keep on; false at the end of the input. */
static bool more(stream *s, size_t keep)
{
    if (s->eof || s->status != PS_OK)
        return false;
    if (!s->f) {
        s->eof = true;
        return false;
    }
    if (s->check_bytes && !s->utf8_found && s->utf8_checked - s->base < keep)
        keep = (size_t)(s->utf8_checked - s->base);
    if (keep > 0) {
        if (s->cur.off <= s->base + keep)
            s->wstart = pos_of(s, s->base + keep);
        else
            advance(&s->wstart, s->data, keep);
        memmove(s->own, s->own + keep, s->len - keep);
        s->len -= keep;
        s->base += keep;
        s->at -= keep;
        if (s->cur.off < s->base)
            s->cur = s->wstart;
    }
    if (s->len + PS_JSON_BLOCK_BYTES > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : PS_JSON_BLOCK_BYTES;
        while (cap < s->len + PS_JSON_BLOCK_BYTES)
            cap *= 2;
        char *grown = realloc(s->own, cap);
        if (!grown) {
            s->status = PS_ERR_NOMEM;
            return false;
        }
        s->own = grown;
        s->cap = cap;
    }
    s->data = s->own;
    size_t got = read_chunk(s, s->own + s->len, PS_JSON_BLOCK_BYTES);
    if (s->first_block) { /* a BOM is looked for in the first three bytes, however they come */
        while (got > 0 && got < 3) {
            size_t more_got = read_chunk(s, s->own + s->len + got, PS_JSON_BLOCK_BYTES - got);
            if (more_got == 0)
                break;
            got += more_got;
        }
        s->first_block = false;
        if (got >= 3 && memcmp(s->own, "\xEF\xBB\xBF", 3) == 0) {
            s->bom = true;
            memmove(s->own, s->own + 3, got - 3);
            got -= 3;
            if (got == 0)
                got = read_chunk(s, s->own + s->len, PS_JSON_BLOCK_BYTES);
        }
    }
    if (s->status != PS_OK)
        return false;
    if (got == 0) {
        if (s->f && ferror(s->f)) {
            ps_error_set(s->err, PS_MSG_READ, s->name, 0, 0, strerror(errno), NULL, NULL);
            s->status = PS_ERR_IO;
        }
        s->eof = true;
        if (s->check_bytes)
            check_bytes(s, s->len);
        return false;
    }
    size_t from = s->len;
    s->len += got;
    if (s->check_bytes)
        check_bytes(s, from);
    return true;
}

/* What a byte is to the scans, looked up once rather than compared four or five times: white space, the
 * end of a number or literal, the end of a string's plain run (a quote, a backslash, a control byte). */
enum { JSON_WS = 1, JSON_ENDS_SCALAR = 2, JSON_STOPS_STRING = 4 };
/* clang-format off */
#define CTL JSON_STOPS_STRING                                /* a control byte */
#define BRK (JSON_WS | JSON_ENDS_SCALAR | JSON_STOPS_STRING) /* tab, line feed, carriage return */
static const unsigned char json_class[256] = {
    CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, BRK, BRK, CTL, CTL, BRK, CTL, CTL,
    CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL, CTL,
    [' '] = JSON_WS | JSON_ENDS_SCALAR,
    [','] = JSON_ENDS_SCALAR,
    [']'] = JSON_ENDS_SCALAR,
    ['}'] = JSON_ENDS_SCALAR,
    ['"'] = JSON_STOPS_STRING,
    ['\\'] = JSON_STOPS_STRING};
/* clang-format on */
#undef CTL
#undef BRK

static bool is_ws(int c)
{
    return json_class[(unsigned char)c] & JSON_WS;
}

/* Past the white space from t[i]. */
static size_t skip_blank(const char *t, size_t i, size_t n)
{
    while (i < n && is_ws(t[i]))
        i++;
    return i;
}

/* Past the digits from t[i]; i itself when there is none. */
static size_t skip_digits(const char *t, size_t i, size_t n)
{
    while (i < n && (unsigned char)(t[i] - '0') <= 9)
        i++;
    return i;
}

/* The next byte, -1 at the end of the input. */
static int peek(stream *s)
{
    if (s->at == s->len && !more(s, s->at))
        return -1;
    return (unsigned char)s->data[s->at];
}

static void skip_ws(stream *s)
{
    for (;;) {
        while (s->at < s->len && is_ws(s->data[s->at]))
            s->at++;
        if (s->at < s->len || !more(s, s->at))
            return;
    }
}

/* Reads on until the window holds at least `want` bytes from index `from` (never more than a piece can
 * need), or the input ends. */
static void read_ahead(stream *s, unsigned long long from, size_t want)
{
    if (want > (size_t)PS_LIMIT_JSON_VALUE_BYTES + 1)
        want = (size_t)PS_LIMIT_JSON_VALUE_BYTES + 1;
    while (s->len - (size_t)(from - s->base) < want && more(s, (size_t)(from - s->base)))
        ;
}

static const char *type_name_of(char first)
{
    switch (first) {
    case '{':
        return "object";
    case '[':
        return "array";
    case '"':
        return "string";
    case 't':
        return "true";
    case 'f':
        return "false";
    case 'n':
        return "null";
    default:
        return "number";
    }
}

static const char *type_name(const cJSON *node)
{
    if (cJSON_IsObject(node))
        return "object";
    if (cJSON_IsArray(node))
        return "array";
    if (cJSON_IsString(node))
        return "string";
    if (cJSON_IsNumber(node))
        return "number";
    if (cJSON_IsBool(node))
        return cJSON_IsTrue(node) ? "true" : "false";
    return "null";
}

/* A JSON string as cJSON decodes it (escapes and all); NULL when out of memory. */
static char *decode_string(const char *raw, size_t len, pthread_mutex_t *cjson_lock)
{
    if (cjson_lock) /* cJSON's parser sets a global on every call: two threads take it in turn */
        pthread_mutex_lock(cjson_lock);
    cJSON *node = cJSON_ParseWithLengthOpts(raw, len, NULL, 0);
    if (cjson_lock)
        pthread_mutex_unlock(cjson_lock);
    char *text = cJSON_IsString(node) ? ps_strdup(node->valuestring) : NULL;
    cJSON_Delete(node);
    return text;
}

/* A key of an object being checked, as offsets into the piece; decoded only when it holds an escape. */
typedef struct {
    size_t at, len; /* with its quotes */
    bool escaped;
    char *decoded;
} vkey;

/* A strict RFC 8259 check (cJSON accepts raw control characters in strings and leading zeros), so that
 * every syntax error is reported at its own character, and nesting is bounded first. It also finds what
 * the old second pass found: an object's member past the column limit and a key given twice. */
typedef struct {
    const char *text;
    size_t len, i;
    int depth, base_depth;
    ps_msg code; /* PS_MSG_NONE while valid */
    size_t at;
    bool nomem;
    bool escaped; /* the last string had an escape */
    /* the keys of the objects open, innermost last; off once a key fault is found or when not wanted */
    bool track;
    vkey *keys;
    size_t nkeys, cap;
    size_t row_keys; /* keys of the outermost object, kept at keys[0..row_keys) once it is closed */
    ps_msg key_code; /* PS_MSG_TOO_MANY_COLUMNS or PS_MSG_JSON_DUPLICATE_KEY, the first one */
    size_t key_at, key_first;
    char *key_text;
    pthread_mutex_t *cjson_lock; /* the reader's: an escaped key is decoded by cJSON */
} validator;

static bool v_fail(validator *v, ps_msg code, size_t at)
{
    if (v->code == PS_MSG_NONE) {
        v->code = code;
        v->at = at;
    }
    return false;
}

/* The scans below work on locals, stored back once: the validator is in memory, and a store to it for
 * every byte cost more than the check. */
static void v_ws(validator *v)
{
    v->i = skip_blank(v->text, v->i, v->len);
}

/* The next character must be c: at the end of input that is a truncation, elsewhere a syntax error. */
static bool v_expect(validator *v, char c)
{
    if (v->i >= v->len)
        return v_fail(v, PS_MSG_JSON_TRUNCATED, v->len);
    if (v->text[v->i] != c)
        return v_fail(v, PS_MSG_JSON_SYNTAX, v->i);
    v->i++;
    return true;
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool v_escape(validator *v, size_t esc)
{
    char e = v->text[v->i];
    if (e != 'u') {
        if (!strchr("\"\\/bfnrt", e) || e == '\0')
            return v_fail(v, PS_MSG_JSON_SYNTAX, esc);
        v->i++;
        return true;
    }
    for (size_t k = 1; k <= 4; k++) {
        if (v->i + k >= v->len)
            return v_fail(v, PS_MSG_JSON_TRUNCATED, v->len);
        if (!is_hex(v->text[v->i + k]))
            return v_fail(v, PS_MSG_JSON_SYNTAX, esc);
    }
    if (memcmp(v->text + v->i + 1, "0000", 4) == 0)
        return v_fail(v, PS_MSG_JSON_NUL_ESCAPE, esc);
    unsigned code = (unsigned)strtoul(
        (char[]){v->text[v->i + 1], v->text[v->i + 2], v->text[v->i + 3], v->text[v->i + 4], '\0'}, NULL, 16);
    v->i += 5;
    if (code >= 0xDC00 && code <= 0xDFFF)
        return v_fail(v, PS_MSG_JSON_SURROGATE, esc); /* a low half with no high half before it */
    if (code >= 0xD800 && code <= 0xDBFF) {
        /* a high half must be followed by its low half: \uD83D\uDE00 */
        const char *t = v->text + v->i;
        size_t left = v->len - v->i;
        if (left < 6 || t[0] != '\\' || t[1] != 'u' || !is_hex(t[2]) || !is_hex(t[3]) || !is_hex(t[4]) ||
            !is_hex(t[5]))
            return v_fail(
                v, left < 6 && memchr(t, '"', left) == NULL ? PS_MSG_JSON_TRUNCATED : PS_MSG_JSON_SURROGATE,
                left < 6 && memchr(t, '"', left) == NULL ? v->len : esc);
        unsigned low = (unsigned)strtoul((char[]){t[2], t[3], t[4], t[5], '\0'}, NULL, 16);
        if (low < 0xDC00 || low > 0xDFFF)
            return v_fail(v, PS_MSG_JSON_SURROGATE, esc);
        v->i += 6;
    }
    return true;
}

static bool v_string(validator *v)
{
    v->i++; /* the opening quote */
    v->escaped = false;
    while (v->i < v->len) {
        const unsigned char *t = (const unsigned char *)v->text;
        size_t i = v->i, n = v->len;
        while (i < n && !(json_class[t[i]] & JSON_STOPS_STRING))
            i++;
        v->i = i;
        if (i >= n)
            break;
        unsigned char c = t[i];
        if (c == '"') {
            v->i++;
            return true;
        }
        if (c < 0x20)
            return v_fail(v, PS_MSG_JSON_CONTROL, v->i);
        size_t esc = v->i++;
        v->escaped = true;
        if (v->i >= v->len)
            break;
        if (!v_escape(v, esc))
            return false;
    }
    return v_fail(v, PS_MSG_JSON_TRUNCATED, v->len);
}

static bool v_digits(validator *v)
{
    size_t start = v->i;
    v->i = skip_digits(v->text, start, v->len);
    if (v->i > start)
        return true;
    return v_fail(v, v->i >= v->len ? PS_MSG_JSON_TRUNCATED : PS_MSG_JSON_SYNTAX, v->i);
}

static bool v_number(validator *v)
{
    size_t start = v->i;
    if (v->text[v->i] == '-')
        v->i++;
    if (v->i < v->len && v->text[v->i] == '0') {
        v->i++;
        if (v->i < v->len && v->text[v->i] >= '0' && v->text[v->i] <= '9')
            return v_fail(v, PS_MSG_JSON_SYNTAX, start); /* a leading zero */
    } else if (!v_digits(v)) {
        return false;
    }
    if (v->i < v->len && v->text[v->i] == '.') {
        v->i++;
        if (!v_digits(v))
            return false;
    }
    if (v->i < v->len && (v->text[v->i] == 'e' || v->text[v->i] == 'E')) {
        v->i++;
        if (v->i < v->len && (v->text[v->i] == '+' || v->text[v->i] == '-'))
            v->i++;
        if (!v_digits(v))
            return false;
    }
    return true;
}

/* A key's text as cJSON would give it: the bytes between its quotes unless it holds an escape. */
static const char *v_key_text(validator *v, vkey *k, size_t *len)
{
    if (!k->escaped) {
        *len = k->len - 2;
        return v->text + k->at + 1;
    }
    if (!k->decoded)
        k->decoded = decode_string(v->text + k->at, k->len, v->cjson_lock);
    if (!k->decoded) {
        v->nomem = true;
        return NULL;
    }
    *len = strlen(k->decoded);
    return k->decoded;
}

static void v_key_fault(validator *v, ps_msg code, size_t at, size_t first, vkey *key)
{
    v->key_code = code;
    v->key_at = at;
    v->key_first = first;
    v->track = false;
    if (key) {
        size_t len;
        const char *text = v_key_text(v, key, &len);
        v->key_text = text ? ps_strndup(text, len) : NULL;
        v->nomem = v->nomem || !v->key_text;
    }
}

/* The keys of one object so far, for a quick "not seen": a bit for each of their raw texts' hashes, and
 * whether one was written with an escape (then every key is compared in full, decoded). */
typedef struct {
    uint64_t bits;
    bool escaped;
} key_summary;

/* raw: the key with its quotes (len >= 2): its length and the characters at both ends, a few steps. */
static uint64_t key_bit(const char *raw, size_t len)
{
    uint32_t h = (uint32_t)len * 31 + (unsigned char)raw[1] * 7 + (unsigned char)raw[len - 2];
    return UINT64_C(1) << (h % 64);
}

/* The member count and the duplicate check of the old scan, at the key that breaks them. */
static bool v_note_key(validator *v, size_t level, size_t members, size_t at, key_summary *seen)
{
    if (members > PS_LIMIT_COLUMNS) {
        v_key_fault(v, PS_MSG_TOO_MANY_COLUMNS, at, 0, NULL);
        return true;
    }
    if (v->nkeys == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        vkey *keys = realloc(v->keys, cap * sizeof *keys);
        if (!keys) {
            v->nomem = true;
            return false;
        }
        v->keys = keys;
        v->cap = cap;
    }
    vkey *key = &v->keys[v->nkeys++];
    *key = (vkey){at, v->i - at, v->escaped, NULL};
    uint64_t bit = key_bit(v->text + at, key->len);
    bool quick = !seen->escaped && !key->escaped && !(seen->bits & bit); /* surely not given before */
    seen->bits |= bit;
    seen->escaped = seen->escaped || key->escaped;
    for (size_t k = level; !quick && k + 1 < v->nkeys; k++) {
        vkey *prev = &v->keys[k];
        bool same;
        if (!prev->escaped && !key->escaped) {
            same = prev->len == key->len && v->text[prev->at + 1] == v->text[at + 1] &&
                   memcmp(v->text + prev->at, v->text + at, key->len) == 0;
        } else {
            size_t a, b;
            const char *ta = v_key_text(v, prev, &a), *tb = v_key_text(v, key, &b);
            if (!ta || !tb)
                return false;
            same = a == b && memcmp(ta, tb, a) == 0;
        }
        if (same) {
            v_key_fault(v, PS_MSG_JSON_DUPLICATE_KEY, at, prev->at, key);
            return !v->nomem;
        }
    }
    return true;
}

static void v_drop_keys(validator *v, size_t from)
{
    for (size_t k = from; k < v->nkeys; k++) {
        free(v->keys[k].decoded);
        v->keys[k].decoded = NULL;
    }
    v->nkeys = from;
}

static bool v_value(validator *v);

static bool v_member(validator *v, char close, size_t level, size_t members, key_summary *seen)
{
    v_ws(v);
    if (close == '}') {
        if (v->i < v->len && v->text[v->i] != '"')
            return v_fail(v, PS_MSG_JSON_SYNTAX, v->i);
        if (v->i >= v->len)
            return v_fail(v, PS_MSG_JSON_TRUNCATED, v->len);
        size_t at = v->i;
        if (!v_string(v))
            return false;
        if (v->track && !v_note_key(v, level, members, at, seen))
            return false;
        v_ws(v);
        if (!v_expect(v, ':'))
            return false;
    }
    return v_value(v);
}

/* An object or an array: members separated by commas, no trailing comma. */
static bool v_container(validator *v, char close)
{
    if (++v->depth > PS_LIMIT_JSON_DEPTH)
        return v_fail(v, PS_MSG_JSON_DEPTH, v->i);
    size_t level = v->nkeys, members = 0;
    key_summary seen = {0, false};
    bool outermost = v->depth == v->base_depth + 1;
    v->i++;
    v_ws(v);
    if (v->i < v->len && v->text[v->i] == close) {
        v->i++;
        v->depth--;
        return true;
    }
    for (;;) {
        if (!v_member(v, close, level, ++members, &seen))
            return false;
        v_ws(v);
        if (v->i < v->len && v->text[v->i] == ',') {
            v->i++;
            continue;
        }
        if (!v_expect(v, close))
            return false;
        v->depth--;
        if (outermost && close == '}')
            v->row_keys = v->nkeys; /* kept: the row's keys, for the columns */
        else
            v_drop_keys(v, level);
        return true;
    }
}

/* Past the string at t[i] (its opening quote) when it has no escape and no control byte; 0 otherwise. */
static size_t flat_string(const char *t, size_t i, size_t n)
{
    for (i++; i < n && !(json_class[(unsigned char)t[i]] & JSON_STOPS_STRING);)
        i++;
    return i < n && t[i] == '"' ? i + 1 : 0;
}

/* Past the scalar at t[i] when it is a number, a string without escapes or a literal, checked as
 * v_value would; 0 for anything else (a nested value, an escape, a fault, the end of the text). */
static size_t flat_scalar(const char *t, size_t i, size_t n)
{
    char c = t[i];
    if (c == '"')
        return flat_string(t, i, n);
    if (c == '-' || (c >= '0' && c <= '9')) {
        i += c == '-';
        if (i < n && t[i] == '0') {
            i++;
            if (i < n && t[i] >= '0' && t[i] <= '9')
                return 0; /* a leading zero */
        } else {
            size_t d = i;
            if ((i = skip_digits(t, i, n)) == d)
                return 0;
        }
        if (i < n && t[i] == '.') {
            size_t d = ++i;
            if ((i = skip_digits(t, i, n)) == d)
                return 0;
        }
        if (i < n && (t[i] == 'e' || t[i] == 'E')) {
            i++;
            i += i < n && (t[i] == '+' || t[i] == '-');
            size_t d = i;
            if ((i = skip_digits(t, i, n)) == d)
                return 0;
        }
        return i < n ? i : 0; /* a number cut by the window's end may go on */
    }
    const char *word = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : NULL;
    size_t len = word ? strlen(word) : 0;
    return word && n - i >= len && memcmp(t + i, word, len) == 0 ? i + len : 0;
}

/* The row object as most are, checked in one loop: members whose keys have no escape and whose values
 * are scalars (flat_scalar). Its keys are noted as v_container notes them. 1: checked, v past it; 0: not
 * such an object, or a fault in it, v as it was, for v_container to check and place; -1: out of memory. */
static int v_flat_row(validator *v)
{
    const char *t = v->text;
    size_t n = v->len, start = v->i, level = v->nkeys, members = 0;
    key_summary seen = {0, false};
    size_t i = skip_blank(t, start + 1, n);
    for (;;) {
        size_t at = i;
        if (i >= n || t[i] != '"' || (i = flat_string(t, i, n)) == 0)
            break;
        v->i = i;
        v->escaped = false;
        uint64_t bit = key_bit(t + at, i - at);
        if (++members <= PS_LIMIT_COLUMNS && v->nkeys < v->cap && !(seen.bits & bit)) {
            v->keys[v->nkeys++] = (vkey){at, i - at, false, NULL}; /* surely not given before */
            seen.bits |= bit;
        } else if (!v_note_key(v, level, members, at, &seen) || v->nomem) {
            return -1;
        }
        if (!v->track) /* a key fault: v_container finds it again, and goes on after it */
            break;
        i = skip_blank(t, i, n);
        if (i >= n || t[i] != ':')
            break;
        i = skip_blank(t, i + 1, n);
        if (i >= n || (i = flat_scalar(t, i, n)) == 0)
            break;
        i = skip_blank(t, i, n);
        if (i < n && t[i] == ',') {
            i = skip_blank(t, i + 1, n);
            continue;
        }
        if (i >= n || t[i] != '}')
            break;
        v->i = i + 1;
        v->row_keys = v->nkeys;
        return 1;
    }
    v_drop_keys(v, level);
    if (!v->track) {
        free(v->key_text);
        v->key_text = NULL;
        v->key_code = PS_MSG_NONE;
        v->key_at = v->key_first = 0;
        v->track = true;
    }
    v->i = start;
    return 0;
}

static bool v_literal(validator *v, const char *word)
{
    size_t n = strlen(word);
    for (size_t k = 0; k < n; k++) {
        if (v->i + k >= v->len)
            return v_fail(v, PS_MSG_JSON_TRUNCATED, v->len);
        if (v->text[v->i + k] != word[k])
            return v_fail(v, PS_MSG_JSON_SYNTAX, v->i);
    }
    v->i += n;
    return true;
}

static bool v_value(validator *v)
{
    v_ws(v);
    if (v->i >= v->len)
        return v_fail(v, PS_MSG_JSON_TRUNCATED, v->len);
    char c = v->text[v->i];
    if (c == '{' && v->track && v->depth == v->base_depth && v->depth < PS_LIMIT_JSON_DEPTH) {
        int flat = v_flat_row(v); /* a row as most are, in one loop */
        if (flat != 0)
            return flat > 0;
    }
    if (c == '{')
        return v_container(v, '}');
    if (c == '[')
        return v_container(v, ']');
    if (c == '"')
        return v_string(v);
    if (c == '-' || (c >= '0' && c <= '9'))
        return v_number(v);
    if (c == 't')
        return v_literal(v, "true");
    if (c == 'f')
        return v_literal(v, "false");
    if (c == 'n')
        return v_literal(v, "null");
    return v_fail(v, PS_MSG_JSON_SYNTAX, v->i);
}

typedef struct {
    char *name;
    size_t len;
    place key; /* its first key */
} col_info;

typedef struct {
    char *key;
    char *value; /* NULL when longer than the field limit */
    place at;
} meta_item;

typedef struct {
    stream s;
    const char *rows_key;
    const ps_table_handler *h;
    ps_status status; /* of the reader: out of memory, or an error already set */
    vkey *keys;       /* the validator's, kept from piece to piece */
    size_t keys_cap;
    /* what pass 1 found, each the first of its kind; reported in the order the old reader had */
    ps_msg syntax;
    place syntax_at;
    ps_msg key_code;
    place key_at;
    char *key_text;
    long key_first_line;
    bool empty, root_object, rows_found, rows_array;
    char root_first, rows_first;
    place root_at, rows_at;
    size_t rows;
    col_info *cols;
    size_t ncols;
    bool cols_over;
    place cols_over_at;
    meta_item *metas;
    size_t nmetas;
    char **top_keys; /* the top-level object's keys, for its duplicate check */
    long *top_lines;
    size_t ntop, top_members;
    /* pass 2 checks what pass 1 read */
    bool second_pass;
    unsigned long long bytes_read;
    hasher hash, hash_after;
    /* a large file's pass 2 in two threads: the first row that begins at or after the split (its index,
     * offset and place); cJSON's parser is taken in turn (it sets a global on every call) */
    bool mid_found;
    size_t mid_index;
    unsigned long long mid_off;
    place mid_at;
    pthread_mutex_t *cjson_lock;
    /* a large file's pass 1: a second thread reading the rows ahead from one in the second half (the
     * first's); told to stop when its rows are not needed (the second's) */
    struct rows_ahead *ahead;
    atomic_bool *abandon;
} reader;

static bool is_named(const col_info *c, const char *name, size_t len)
{
    if (c->len != len)
        return false;
    size_t i = 0;
    while (i < len && c->name[i] == name[i])
        i++;
    return i == len;
}

/* The column named name (len bytes), looked for first at hint (rows mostly list their keys in one order);
 * r->ncols when there is none. Names are short: compared inline, not by a call a byte string. */
static inline size_t column_index(const reader *r, const char *name, size_t len, size_t hint)
{
    if (hint < r->ncols && is_named(&r->cols[hint], name, len))
        return hint;
    size_t k = 0;
    while (k < r->ncols && !is_named(&r->cols[k], name, len))
        k++;
    return k;
}

/* Pass 1 of a large file's rows array by two threads: the second reads, from its own opening of the file,
 * the rows from a place in the second half that looks like a row's start (a '{' after a comma) to the
 * closing bracket, with its own columns and findings; its stream checks and hashes the bytes from the
 * file's middle to its end. The first thread, reaching that place, takes all of it if a row does start
 * there, and reads on alone otherwise: either way what pass 1 finds is what one thread finds. */
typedef struct rows_ahead {
    reader r; /* the first's at the start, with a stream, columns and findings of its own */
    ps_error err;
    unsigned long long candidate; /* the row it reads from */
    bool placed;                  /* the second thread's stream reached it */
    bool ended;                   /* its rows ended with the bracket */
    atomic_bool abandon;
    pthread_mutex_t lock; /* cJSON's parser, taken in turn */
    pthread_t thread;
} rows_ahead;

static bool nomem(reader *r)
{
    r->status = PS_ERR_NOMEM;
    return false;
}

static void syntax_fault(reader *r, ps_msg code, place at)
{
    if (r->syntax == PS_MSG_NONE) {
        r->syntax = code;
        r->syntax_at = at;
    }
}

/* The fault at the end of the input, when a value or a bracket is still missing there. */
static void truncated(reader *r)
{
    stream *s = &r->s;
    syntax_fault(r, PS_MSG_JSON_TRUNCATED, pos_of(s, s->base + s->len));
}

/* Checks the value at s->at as a piece nested in base_depth levels, validated where it lies in the window;
 * a value cut by the window's end is checked again with more of the input. *len is what the check read.
 * False on a fault (noted) or when out of memory. */
static bool check_piece(reader *r, int base_depth, size_t *len, validator *v)
{
    stream *s = &r->s;
    unsigned long long start = s->base + s->at;
    size_t avail;
    for (;;) {
        avail = s->len - (size_t)(start - s->base);
        *v = (validator){.text = s->data + (start - s->base),
                         .len = avail,
                         .depth = base_depth,
                         .base_depth = base_depth,
                         .code = PS_MSG_NONE,
                         .track = r->key_code == PS_MSG_NONE,
                         .cjson_lock = r->cjson_lock,
                         .keys = r->keys,
                         .cap = r->keys_cap,
                         .key_code = PS_MSG_NONE};
        v_value(v);
        r->keys = v->keys;
        r->keys_cap = v->cap;
        bool cut = v->code == PS_MSG_JSON_TRUNCATED || (v->code == PS_MSG_NONE && v->i == avail);
        if (!cut || v->nomem || s->eof || avail > PS_LIMIT_JSON_VALUE_BYTES)
            break;
        v_drop_keys(v, 0);
        free(v->key_text);
        read_ahead(s, start, 2 * avail + PS_JSON_BLOCK_BYTES);
        if (s->status != PS_OK)
            return false;
    }
    s->at = (size_t)(start - s->base);
    if (v->nomem) {
        v_drop_keys(v, 0);
        free(v->key_text);
        return nomem(r);
    }
    if ((v->code != PS_MSG_NONE ? v->at : v->i) > PS_LIMIT_JSON_VALUE_BYTES) {
        /* the same for a buffer as for a file: where the check stopped, not how much was at hand */
        v_drop_keys(v, 0);
        free(v->key_text);
        syntax_fault(r, PS_MSG_JSON_TOO_LARGE, pos_of(s, start));
        return false;
    }
    if (v->code != PS_MSG_NONE) {
        syntax_fault(r, v->code, pos_of(s, start + v->at));
        v_drop_keys(v, 0);
        free(v->key_text);
        return false;
    }
    if (v->key_code != PS_MSG_NONE) {
        r->key_code = v->key_code;
        r->key_text = v->key_text;
        r->key_at = pos_of(s, start + v->key_at);
        if (v->key_code == PS_MSG_JSON_DUPLICATE_KEY)
            r->key_first_line = pos_once(s, start + v->key_first).line;
        v->key_text = NULL;
    }
    *len = v->i;
    return true;
}

/* The keys of one row object, added to the columns in order of first appearance. */
static bool collect_columns(reader *r, validator *v, unsigned long long start)
{
    for (size_t j = 0; j < v->row_keys && !r->cols_over; j++) {
        size_t len;
        const char *text = v_key_text(v, &v->keys[j], &len);
        if (!text)
            return nomem(r);
        if (column_index(r, text, len, j) < r->ncols)
            continue;
        place at = pos_of(&r->s, start + v->keys[j].at);
        if (r->ncols >= PS_LIMIT_COLUMNS) {
            r->cols_over = true;
            r->cols_over_at = at;
            break;
        }
        col_info *cols = realloc(r->cols, (r->ncols + 1) * sizeof *cols);
        if (!cols)
            return nomem(r);
        r->cols = cols;
        char *name = ps_strndup(text, len);
        if (!name)
            return nomem(r);
        r->cols[r->ncols++] = (col_info){name, len, at};
    }
    return true;
}

/* A piece that must be followed by a comma or the closing bracket; false to stop. */
static bool after_value(reader *r, char close, bool *again)
{
    stream *s = &r->s;
    skip_ws(s);
    int c = peek(s);
    if (s->status != PS_OK)
        return false;
    if (c == ',') {
        s->at++;
        *again = true;
        return true;
    }
    *again = false;
    if (c < 0) {
        truncated(r);
        return false;
    }
    if (c != close) {
        syntax_fault(r, PS_MSG_JSON_SYNTAX, pos_of(s, s->base + s->at));
        return false;
    }
    s->at++;
    return true;
}

/* The value of a member or element must start here: at the end of input that is a truncation. */
static bool value_follows(reader *r)
{
    stream *s = &r->s;
    skip_ws(s);
    if (peek(s) >= 0)
        return true;
    if (s->status == PS_OK)
        truncated(r);
    return false;
}

static void start_rows_ahead(reader *r);
static bool join_rows_ahead(reader *r, unsigned long long start, bool *ended);
static void drop_rows_ahead(reader *r);

/* The rows array's elements from the one at the window's place to the closing bracket. A second thread
 * may be reading ahead from a row in the file's second half: reaching that row, this one takes what the
 * second found and reads on from the bracket (or, that place not being a row's start, reads on alone). */
static bool rows_from(reader *r)
{
    stream *s = &r->s;
    for (bool again = true; again;) {
        if (!value_follows(r))
            return false;
        if (r->abandon && atomic_load(r->abandon))
            return false; /* the second thread, no longer wanted */
        unsigned long long start = s->base + s->at;
        char first = s->data[s->at];
        if (!r->mid_found && s->hash_split != ULLONG_MAX && start >= s->hash_split && r->rows > 0) {
            r->mid_found = true;
            r->mid_index = r->rows;
            r->mid_off = start;
            r->mid_at = pos_of(s, start);
        }
        bool ended;
        if (r->ahead && start >= r->ahead->candidate && join_rows_ahead(r, start, &ended))
            return ended;
        size_t len;
        validator v;
        if (!check_piece(r, 2, &len, &v))
            return false;
        r->rows++;
        bool ok = true;
        if (first == '{' && r->key_code == PS_MSG_NONE)
            ok = collect_columns(r, &v, start);
        v_drop_keys(&v, 0);
        if (!ok)
            return false;
        s->at = (size_t)(start + len - s->base);
        if (!after_value(r, ']', &again))
            return false;
    }
    return true;
}

static bool rows_array(reader *r)
{
    stream *s = &r->s;
    s->at++;
    skip_ws(s);
    int c = peek(s);
    if (c == ']') {
        s->at++;
        return true;
    }
    start_rows_ahead(r);
    bool ended = rows_from(r);
    drop_rows_ahead(r); /* when this thread stopped before the second thread's row */
    return ended;
}

/* A top-level string or number, kept for the loader's meta callback. */
static bool keep_meta(reader *r, char *key, const char *raw, size_t len, char first, place at)
{
    char *value = first == '"' ? decode_string(raw, len, r->cjson_lock) : ps_strndup(raw, len);
    if (!value)
        return nomem(r);
    if (strlen(value) > PS_LIMIT_FIELD_BYTES) { /* refused in its turn; its text is not needed */
        free(value);
        value = NULL;
    }
    meta_item *metas = realloc(r->metas, (r->nmetas + 1) * sizeof *metas);
    if (!metas) {
        free(value);
        return nomem(r);
    }
    r->metas = metas;
    char *k = ps_strdup(key);
    if (!k) {
        free(value);
        return nomem(r);
    }
    r->metas[r->nmetas++] = (meta_item){k, value, at};
    return true;
}

/* The duplicate and member checks of the top-level object, whose keys are not in one piece. */
static bool note_top_key(reader *r, const char *key, place at)
{
    if (r->key_code != PS_MSG_NONE)
        return true;
    if (++r->top_members > PS_LIMIT_COLUMNS) {
        r->key_code = PS_MSG_TOO_MANY_COLUMNS;
        r->key_at = at;
        return true;
    }
    for (size_t k = 0; k < r->ntop; k++) {
        if (strcmp(r->top_keys[k], key) == 0) {
            r->key_code = PS_MSG_JSON_DUPLICATE_KEY;
            r->key_at = at;
            r->key_first_line = r->top_lines[k];
            r->key_text = ps_strdup(key);
            return r->key_text ? true : nomem(r);
        }
    }
    char **keys = realloc(r->top_keys, (r->ntop + 1) * sizeof *keys);
    if (keys)
        r->top_keys = keys;
    long *lines = realloc(r->top_lines, (r->ntop + 1) * sizeof *lines);
    if (lines)
        r->top_lines = lines;
    char *copy = keys && lines ? ps_strdup(key) : NULL;
    if (!copy)
        return nomem(r);
    r->top_keys[r->ntop] = copy;
    r->top_lines[r->ntop++] = at.line;
    return true;
}

static bool top_member(reader *r)
{
    stream *s = &r->s;
    skip_ws(s);
    int c = peek(s);
    if (s->status != PS_OK)
        return false;
    if (c < 0) {
        truncated(r);
        return false;
    }
    if (c != '"') {
        syntax_fault(r, PS_MSG_JSON_SYNTAX, pos_of(s, s->base + s->at));
        return false;
    }
    unsigned long long start = s->base + s->at;
    size_t len;
    validator v;
    if (!check_piece(r, 1, &len, &v))
        return false;
    place key_at = pos_of(s, start);
    char *key = memchr(s->data + s->at, '\\', len) ? decode_string(s->data + s->at, len, r->cjson_lock)
                                                   : ps_strndup(s->data + s->at + 1, len - 2);
    if (!key)
        return nomem(r);
    s->at += len;
    bool ok = note_top_key(r, key, key_at);
    bool rows = strcmp(key, r->rows_key) == 0;
    if (ok) {
        skip_ws(s);
        c = peek(s);
        ok = s->status == PS_OK;
        if (ok && c < 0) {
            truncated(r);
            ok = false;
        } else if (ok && c != ':') {
            syntax_fault(r, PS_MSG_JSON_SYNTAX, pos_of(s, s->base + s->at));
            ok = false;
        }
    }
    if (ok) {
        s->at++;
        ok = value_follows(r);
    }
    if (ok) {
        char first = s->data[s->at];
        place at = pos_of(s, s->base + s->at);
        if (rows) {
            r->rows_found = true;
            r->rows_first = first;
            r->rows_at = at;
        }
        if (rows && first == '[') {
            r->rows_array = true;
            ok = rows_array(r);
        } else {
            start = s->base + s->at;
            ok = check_piece(r, 1, &len, &v);
            if (ok) {
                v_drop_keys(&v, 0);
                bool scalar = first == '"' || first == '-' || (first >= '0' && first <= '9');
                if (!rows && scalar && r->h->meta && r->key_code == PS_MSG_NONE)
                    ok = keep_meta(r, key, s->data + s->at, len, first, at);
                s->at = (size_t)(start + len - s->base);
            }
        }
    }
    free(key);
    return ok;
}

static void root_object(reader *r)
{
    stream *s = &r->s;
    s->at++;
    skip_ws(s);
    if (peek(s) == '}') {
        s->at++;
        return;
    }
    for (bool again = true; again;) {
        if (!top_member(r) || !after_value(r, '}', &again))
            return;
    }
}

/* Pass 1: the whole input, checked; what the header and the meta callbacks need, kept. */
static void check_document(reader *r)
{
    stream *s = &r->s;
    skip_ws(s);
    int c = peek(s);
    if (c < 0) {
        r->empty = true;
    } else {
        r->root_first = (char)c;
        r->root_at = pos_of(s, s->base + s->at);
        bool done = true;
        if (c == '{') {
            r->root_object = true;
            root_object(r);
            done = r->syntax == PS_MSG_NONE && r->status == PS_OK && s->status == PS_OK;
        } else {
            size_t len;
            validator v;
            unsigned long long start = s->base + s->at;
            done = check_piece(r, 0, &len, &v);
            if (done) {
                v_drop_keys(&v, 0);
                s->at = (size_t)(start + len - s->base);
            }
        }
        if (done) {
            skip_ws(s);
            if (peek(s) >= 0)
                syntax_fault(r, PS_MSG_JSON_TRAILING, pos_of(s, s->base + s->at));
        }
    }
    /* the rest is read for its bytes: a NUL or bad UTF-8 anywhere is said before any syntax error */
    while (r->status == PS_OK && s->status == PS_OK) {
        s->at = s->len;
        if (!more(s, s->len))
            break;
    }
}

static ps_status fail_at(reader *r, place at, ps_msg code, const char *a0, const char *a1, const char *a2)
{
    ps_error_set(r->s.err, code, r->s.name, at.line, at.column, a0, a1, a2);
    return r->status = PS_ERR_INPUT;
}

/* A string whose escapes decode to a control character (\u001b…) or one that reorders text is refused, as
 * the CSV reader refuses the raw ones: it must never reach a terminal. */
static ps_status refuse_unsafe(reader *r, place at, const char *key, const char *text)
{
    int32_t cp;
    size_t len = strlen(text);
    if (ps_text_surely_safe(text, len) || ps_text_find_unsafe(text, len, &cp) == len)
        return PS_OK;
    char code[16];
    snprintf(code, sizeof code, "U+%04X", (unsigned)cp);
    return fail_at(r, at, PS_MSG_CONTROL_CHAR, key, code, NULL);
}

/* What pass 1 found, in the old reader's order: bytes, emptiness, syntax, keys, then the walk's faults up
 * to the header. */
static ps_status report_checks(reader *r)
{
    char limit[32];
    if (r->s.nul_found)
        return fail_at(r, r->s.nul_at, PS_MSG_BAD_BYTE, "NUL", NULL, NULL);
    if (r->s.utf8_found)
        return fail_at(r, r->s.utf8_at, PS_MSG_BAD_BYTE, "UTF-8", NULL, NULL);
    if (r->empty) {
        ps_error_set(r->s.err, PS_MSG_JSON_EMPTY, r->s.name, 0, 0, NULL, NULL, NULL);
        return r->status = PS_ERR_INPUT;
    }
    if (r->syntax != PS_MSG_NONE) {
        snprintf(limit, sizeof limit, "%d",
                 r->syntax == PS_MSG_JSON_TOO_LARGE ? PS_LIMIT_JSON_VALUE_BYTES : PS_LIMIT_JSON_DEPTH);
        bool arg = r->syntax == PS_MSG_JSON_DEPTH || r->syntax == PS_MSG_JSON_TOO_LARGE;
        return fail_at(r, r->syntax_at, r->syntax, arg ? limit : NULL, NULL, NULL);
    }
    if (r->key_code == PS_MSG_TOO_MANY_COLUMNS) {
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_COLUMNS);
        return fail_at(r, r->key_at, PS_MSG_TOO_MANY_COLUMNS, limit, NULL, NULL);
    }
    if (r->key_code == PS_MSG_JSON_DUPLICATE_KEY) {
        snprintf(limit, sizeof limit, "%ld", r->key_first_line);
        return fail_at(r, r->key_at, PS_MSG_JSON_DUPLICATE_KEY, r->key_text, limit, NULL);
    }
    if (!r->root_object)
        return fail_at(r, r->root_at, PS_MSG_JSON_TYPE, "$", "object", type_name_of(r->root_first));
    for (size_t k = 0; k < r->nmetas; k++) {
        meta_item *m = &r->metas[k];
        if (!m->value) { /* a "period" is held to the field limit too */
            snprintf(limit, sizeof limit, "%d", PS_LIMIT_FIELD_BYTES);
            return fail_at(r, m->at, PS_MSG_FIELD_TOO_LONG, limit, NULL, NULL);
        }
        if (refuse_unsafe(r, m->at, m->key, m->value) != PS_OK)
            return r->status;
        r->status = r->h->meta(r->h->ctx, m->key, m->value, m->at.line, r->s.err);
        if (r->status != PS_OK)
            return r->status;
    }
    char where[96];
    snprintf(where, sizeof where, "$.%s", r->rows_key);
    if (!r->rows_found)
        return fail_at(r, r->root_at, PS_MSG_JSON_MISSING_KEY, r->rows_key, NULL, NULL);
    if (!r->rows_array)
        return fail_at(r, r->rows_at, PS_MSG_JSON_TYPE, where, "array", type_name_of(r->rows_first));
    if (r->rows == 0)
        return fail_at(r, r->rows_at, PS_MSG_NO_ROWS, where, NULL, NULL);
    if (r->cols_over) {
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_COLUMNS);
        return fail_at(r, r->cols_over_at, PS_MSG_TOO_MANY_COLUMNS, limit, NULL, NULL);
    }
    ps_table_field *fields = calloc(r->ncols ? r->ncols : 1, sizeof *fields);
    if (!fields)
        return r->status = PS_ERR_NOMEM;
    for (size_t k = 0; k < r->ncols; k++)
        fields[k] = (ps_table_field){r->cols[k].name, r->cols[k].len, r->cols[k].key.line,
                                     r->cols[k].key.column, false};
    ps_table_row header = {fields, r->ncols, r->rows_at.line};
    r->status = r->h->header(r->h->ctx, &header, r->s.err);
    free(fields);
    return r->status;
}

/* A row's member: where its key and value are in the row's text, and the value's place. */
typedef struct {
    size_t key, key_end; /* with the quotes */
    size_t start, end;
    bool key_escaped, value_escaped; /* hold a backslash */
    place at;
} member;

/* The end of the string at t[i], after its closing quote; n when it is not closed before n. */
static size_t skip_string(const char *t, size_t i, size_t n, bool *escaped)
{
    for (i++; i < n; i++) {
        if (t[i] == '"')
            return i + 1;
        if (t[i] == '\\') {
            *escaped = true;
            i++;
        }
    }
    return n;
}

/* The end of the number or literal at t[i]: where a comma, a bracket, a brace or white space is. */
static inline size_t skip_scalar(const char *t, size_t i, size_t n)
{
    while (i < n && !(json_class[(unsigned char)t[i]] & JSON_ENDS_SCALAR))
        i++;
    return i;
}

/* The end of the value at t[i] (checked in pass 1); n when it is not closed before n. */
static size_t skip_value(const char *t, size_t i, size_t n)
{
    bool escaped;
    if (t[i] == '"')
        return skip_string(t, i, n, &escaped);
    if (t[i] != '{' && t[i] != '[')
        return skip_scalar(t, i, n);
    int depth = 0;
    while (i < n) {
        char c = t[i];
        if (c == '"') {
            i = skip_string(t, i, n, &escaped);
            continue;
        }
        i++;
        if (c == '{' || c == '[')
            depth++;
        else if ((c == '}' || c == ']') && --depth == 0)
            return i;
    }
    return n;
}

typedef enum { ROW_DONE, ROW_CUT, ROW_CHANGED } row_scan;

/* Finds the members of the row object t[0..n) and its end. Cut: the window ends inside it. */
static row_scan scan_members(const char *t, size_t n, member *m, size_t *count, size_t *end)
{
    size_t i = skip_blank(t, 1, n), j = 0;
    if (i < n && t[i] == '}') {
        *count = 0;
        *end = i + 1;
        return ROW_DONE;
    }
    for (;;) {
        if (i >= n)
            return ROW_CUT;
        if (t[i] != '"' || j == PS_LIMIT_COLUMNS)
            return ROW_CHANGED;
        bool key_escaped = false, value_escaped = false;
        size_t key = i, key_end = skip_string(t, i, n, &key_escaped);
        i = skip_blank(t, key_end, n);
        if (i >= n)
            return ROW_CUT;
        if (t[i] != ':')
            return ROW_CHANGED;
        i = skip_blank(t, i + 1, n);
        if (i >= n)
            return ROW_CUT;
        size_t value_end = t[i] == '"'                  ? skip_string(t, i, n, &value_escaped)
                           : t[i] == '{' || t[i] == '[' ? skip_value(t, i, n)
                                                        : skip_scalar(t, i, n);
        if (value_end >= n)
            return ROW_CUT;
        member *mj = &m[j++]; /* its place is match_columns' to set */
        mj->key = key;
        mj->key_end = key_end;
        mj->start = i;
        mj->end = value_end;
        mj->key_escaped = key_escaped;
        mj->value_escaped = value_escaped;
        i = skip_blank(t, value_end, n);
        if (i >= n)
            return ROW_CUT;
        if (t[i] == '}') {
            *count = j;
            *end = i + 1;
            return ROW_DONE;
        }
        if (t[i] != ',')
            return ROW_CHANGED;
        i = skip_blank(t, i + 1, n);
    }
}

typedef struct {
    reader *r;
    const char *text; /* the row's piece */
    size_t len;
    unsigned long long start;
    size_t index;
    member *members;
    size_t count;
    size_t *col_member; /* by column: member index + 1, 0 when the row lacks it */
    char *scratch; /* a copy of the row, in which numbers and plain strings are NUL-terminated in place */
    size_t scratch_cap;
    ps_table_field *fields;
    char **owned; /* decoded strings and joined lists, freed after the row */
    size_t nowned;
} row_state;

static bool changed(reader *r)
{
    char was[32], read[32];
    snprintf(was, sizeof was, "%lld", r->s.size);
    snprintf(read, sizeof read, "%llu", r->s.bytes_read);
    ps_error_set(r->s.err, PS_MSG_FILE_CHANGED, r->s.name, 0, 0, was, read, NULL);
    r->status = PS_ERR_IO;
    return false;
}

/* cJSON's reading of a piece pass 1 found valid (a string with escapes, a list): NULL when out of
 * memory, or when the file is no longer what pass 1 read. */
static cJSON *parse_piece(reader *r, const char *text, size_t len)
{
    if (r->cjson_lock)
        pthread_mutex_lock(r->cjson_lock);
    cJSON *node = cJSON_ParseWithLengthOpts(text, len, NULL, 0);
    if (r->cjson_lock)
        pthread_mutex_unlock(r->cjson_lock);
    if (node)
        return node;
    validator v = {.text = text, .len = len, .code = PS_MSG_NONE};
    if (!v_value(&v) || v.i != len)
        changed(r);
    else
        nomem(r);
    return NULL;
}

/* The decoded text of the string t[i..end), owned by the row; the bytes between its quotes when it has
 * no escape, in the row's copy (a NUL on its closing quote). */
static const char *string_text(row_state *rs, size_t i, size_t end, bool escaped, size_t *len)
{
    const char *t = rs->text;
    if (!escaped) {
        *len = end - i - 2;
        rs->scratch[end - 1] = '\0';
        return rs->scratch + i + 1;
    }
    cJSON *node = parse_piece(rs->r, t + i, end - i);
    char *text = node ? ps_strdup(node->valuestring) : NULL;
    cJSON_Delete(node);
    if (node && !text)
        nomem(rs->r);
    if (text) {
        rs->owned[rs->nowned++] = text;
        *len = strlen(text);
    }
    return text;
}

/* The column after text[0..n), known to hold no line break, from column; ascii: nor a byte above ASCII
 * (a column a byte). */
static long column_on_line(long column, const char *text, size_t n, bool ascii)
{
    return column + (ascii ? (long)n : ps_utf8_chars(text, n));
}

/* Past the last byte above ASCII in t[0..n) (0: none), looked for from the end eight bytes at a time. */
static size_t wide_end_of(const char *t, size_t n)
{
    size_t k = n;
    for (; k >= 8; k -= 8) {
        uint64_t w;
        memcpy(&w, t + k - 8, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
    }
    while (k > 0 && !((unsigned char)t[k - 1] & 0x80))
        k--;
    return k;
}

/* Which column each member is, and the place of each value, walking the row's text once. */
static bool match_columns(row_state *rs, place op)
{
    reader *r = rs->r;
    place p = op;
    size_t done = 0;
    /* a row on one line, as most are: each place is a column count away from the row's */
    bool one_line = !memchr(rs->text, '\n', rs->len) && !memchr(rs->text, '\r', rs->len);
    /* and its characters above ASCII mostly in its first values (the name): past them, a byte a column */
    size_t wide_end = one_line ? wide_end_of(rs->text, rs->len) : rs->len;
    long column = op.column; /* on one line, kept apart: a place rebuilt from it stays in registers */
    memset(rs->col_member, 0, r->ncols * sizeof *rs->col_member);
    for (size_t j = 0; j < rs->count; j++) {
        member *m = &rs->members[j];
        if (one_line) { /* past the row's '{': never just after a CR */
            column = column_on_line(column, rs->text + done, m->start - done, done >= wide_end);
            m->at = (place){op.off + m->start, op.line, column, false};
        } else {
            advance(&p, rs->text + done, m->start - done);
            m->at = p;
        }
        done = m->start;
        const char *key = rs->text + m->key + 1;
        size_t len = m->key_end - m->key - 2;
        if (m->key_escaped && !(key = string_text(rs, m->key, m->key_end, true, &len)))
            return false;
        size_t k = column_index(r, key, len, j);
        if (k == r->ncols || rs->col_member[k])
            return changed(r); /* not what pass 1 read */
        rs->col_member[k] = j + 1;
    }
    if (one_line)
        p = (place){op.off + rs->len, op.line,
                    column_on_line(column, rs->text + done, rs->len - done, done >= wide_end), false};
    else
        advance(&p, rs->text + done, rs->len - done);
    r->s.cur = p; /* lookups go on from the row's end */
    return true;
}

/* The place of item `index` of the array whose text is t[i..]: only for a message, so found again. */
static place item_place(row_state *rs, size_t i, int index)
{
    const char *t = rs->text;
    size_t n = rs->len;
    i = skip_blank(t, i + 1, n);
    for (int k = 0; k < index; k++)
        i = skip_blank(t, skip_blank(t, skip_value(t, i, n), n) + 1, n);
    return pos_once(&rs->r->s, rs->start + i);
}

/* The path a message names, made only for a message. */
static const char *where_of(char *buf, size_t size, const row_state *rs, const char *name)
{
    if (name)
        snprintf(buf, size, "$.%s[%zu].%s", rs->r->rows_key, rs->index, name);
    else
        snprintf(buf, size, "$.%s[%zu]", rs->r->rows_key, rs->index);
    return buf;
}

/* A list of names, as owners are: joined the way a CSV cell writes them. */
static const char *list_text(row_state *rs, const member *m, const char *name)
{
    reader *r = rs->r;
    cJSON *list = parse_piece(r, rs->text + m->start, m->end - m->start);
    if (!list)
        return NULL;
    size_t total = 1;
    const cJSON *item;
    int index = 0;
    cJSON_ArrayForEach(item, list)
    {
        if (!cJSON_IsString(item)) {
            char where[128];
            fail_at(r, item_place(rs, m->start, index), PS_MSG_JSON_TYPE,
                    where_of(where, sizeof where, rs, name), "string", type_name(item));
            cJSON_Delete(list);
            return NULL;
        }
        total += strlen(item->valuestring) + 2;
        index++;
    }
    char *joined = calloc(total, 1);
    if (joined) {
        rs->owned[rs->nowned++] = joined;
        cJSON_ArrayForEach(item, list)
        {
            if (joined[0])
                strcat(joined, "; ");
            strcat(joined, item->valuestring);
        }
    } else {
        nomem(r);
    }
    cJSON_Delete(list);
    return joined;
}

/* The text a loader sees for a value: strings as they are, numbers as written, null as empty. NULL
 * after a fault or when out of memory (r->status says which). */
static const char *field_text(row_state *rs, const member *m, const char *name, size_t *len)
{
    char first = rs->text[m->start];
    *len = 0;
    if (first == 'n')
        return "";
    if (first == '"')
        return string_text(rs, m->start, m->end, m->value_escaped, len);
    if (first == '-' || (first >= '0' && first <= '9')) { /* as written, read exactly later */
        *len = m->end - m->start;
        rs->scratch[m->end] = '\0'; /* on what follows it in the row: a comma, a brace or a space */
        return rs->scratch + m->start;
    }
    const ps_table_handler *h = rs->r->h;
    if (first == '[' && h->list_column && strcmp(name, h->list_column) == 0) {
        const char *joined = list_text(rs, m, name);
        *len = joined ? strlen(joined) : 0;
        return joined;
    }
    char where[128];
    fail_at(rs->r, m->at, PS_MSG_JSON_TYPE, where_of(where, sizeof where, rs, name), "number | string",
            type_name_of(first));
    return NULL;
}

static ps_status emit_row(row_state *rs, place op)
{
    reader *r = rs->r;
    if (!match_columns(rs, op))
        return r->status;
    size_t k;
    for (k = 0; k < r->ncols; k++) {
        size_t m = rs->col_member[k];
        const member *mem = m ? &rs->members[m - 1] : NULL;
        place at = mem ? mem->at : op;
        const char *name = r->cols[k].name;
        size_t len = 0;
        const char *text = mem ? field_text(rs, mem, name, &len) : "";
        if (!text)
            break;
        if (len > PS_LIMIT_FIELD_BYTES) {
            char limit[32];
            snprintf(limit, sizeof limit, "%d", PS_LIMIT_FIELD_BYTES);
            fail_at(r, at, PS_MSG_FIELD_TOO_LONG, limit, NULL, NULL);
            break;
        }
        bool number =
            mem && rs->text[mem->start] != '"' && rs->text[mem->start] != 'n' && rs->text[mem->start] != '[';
        if (!number && refuse_unsafe(r, at, name, text) != PS_OK)
            break;
        rs->fields[k] = (ps_table_field){text, len, at.line, at.column, number};
    }
    if (r->status == PS_OK) {
        ps_table_row row = {rs->fields, r->ncols, op.line};
        r->status = r->h->row(r->h->ctx, &row, r->s.err);
    }
    return r->status;
}

/* The row at s->at, walked where it lies in the window, reading on while the window's end cuts it. */
static bool find_row(reader *r, row_state *rs, size_t *len)
{
    stream *s = &r->s;
    unsigned long long start = s->base + s->at;
    for (;;) {
        const char *text = s->data + (start - s->base);
        size_t avail = s->len - (size_t)(start - s->base);
        row_scan scan = ROW_CHANGED;
        if (text[0] == '{') {
            scan = scan_members(text, avail, rs->members, &rs->count, len);
        } else {
            *len = skip_value(text, 0, avail);
            scan = *len < avail || s->eof ? ROW_DONE : ROW_CUT;
        }
        if (scan == ROW_CUT && !s->eof && avail <= PS_LIMIT_JSON_VALUE_BYTES) {
            read_ahead(s, start, 2 * avail + PS_JSON_BLOCK_BYTES);
            if (s->status != PS_OK)
                return false;
            continue;
        }
        s->at = (size_t)(start - s->base);
        if (scan != ROW_DONE)
            return changed(r);
        return true;
    }
}

/* Pass 2: the rows array again, rows [from, to) each found and handed to the loader (from 0 the window is
 * at the '[', else at row from); *last_line is the line of the last one. */
static void emit_rows(reader *r, size_t from, size_t to, long *last_line)
{
    stream *s = &r->s;
    size_t cols = r->ncols ? r->ncols : 1;
    row_state rs = {.r = r};
    rs.members = malloc(PS_LIMIT_COLUMNS * sizeof *rs.members);
    rs.col_member = calloc(cols, sizeof *rs.col_member);
    rs.fields = calloc(cols, sizeof *rs.fields);
    rs.owned = calloc(2 * PS_LIMIT_COLUMNS, sizeof *rs.owned);
    if (!rs.members || !rs.col_member || !rs.fields || !rs.owned)
        nomem(r);
    if (from == 0)
        s->at++; /* the '[' */
    for (size_t index = from; r->status == PS_OK && index < to; index++) {
        skip_ws(s);
        if (peek(s) < 0) {
            if (s->status == PS_OK)
                changed(r);
            break;
        }
        size_t len = 0; /* set by find_row when it finds a row */
        if (!find_row(r, &rs, &len))
            break;
        rs.text = s->data + s->at;
        rs.len = len;
        rs.start = s->base + s->at;
        rs.index = index;
        place op = pos_of(s, rs.start);
        *last_line = op.line;
        if (rs.text[0] != '{') {
            char where[128];
            fail_at(r, op, PS_MSG_JSON_TYPE, where_of(where, sizeof where, &rs, NULL), "object",
                    type_name_of(rs.text[0]));
            break;
        }
        if (rs.scratch_cap < len + 1) {
            size_t cap = rs.scratch_cap ? rs.scratch_cap : 1024;
            while (cap < len + 1)
                cap *= 2;
            char *scratch = realloc(rs.scratch, cap);
            if (!scratch) {
                nomem(r);
                break;
            }
            rs.scratch = scratch;
            rs.scratch_cap = cap;
        }
        memcpy(rs.scratch, rs.text, len);
        rs.scratch[len] = '\0';
        rs.nowned = 0;
        emit_row(&rs, op);
        for (size_t k = 0; k < rs.nowned; k++)
            free(rs.owned[k]);
        s->at += len;
        if (r->status != PS_OK)
            break;
        skip_ws(s);
        int c = peek(s);
        if (c == ',' || c == ']')
            s->at++;
        if (c != (index + 1 < r->rows ? ',' : ']'))
            changed(r);
    }
    free(rs.members);
    free(rs.col_member);
    free(rs.fields);
    free(rs.owned);
    free(rs.scratch);
}

static void stream_init(stream *s, const char *name, ps_error *err)
{
    s->name = name;
    s->err = err;
    s->status = PS_OK;
    s->hash_split = ULLONG_MAX;
    s->wstart = s->cur = (place){0, 1, 1, false};
}

/* Reads on until the window holds offset `to`, then drops the bytes before it, which is at place `at`; false
 * at the end of the input or on an error (s->status). */
static bool stream_skip_to(stream *s, unsigned long long to, place at)
{
    while (s->base + s->len <= to) {
        s->at = s->len;
        if (!more(s, s->len))
            return false;
    }
    size_t keep = (size_t)(to - s->base);
    memmove(s->own, s->own + keep, s->len - keep);
    s->len -= keep;
    s->base = to;
    s->at = 0;
    s->wstart = s->cur = at;
    return true;
}

/* Opens the second pass at the rows array: a buffer is there already; a file is read again from its
 * start, every byte counted and hashed, so that a file changed between the passes is caught. */
static bool seek_rows(reader *r)
{
    stream *s = &r->s;
    unsigned long long target = r->rows_at.off;
    if (!s->f) {
        s->at = (size_t)target;
        s->cur = r->rows_at;
        return true;
    }
    r->bytes_read = s->bytes_read;
    r->hash = s->hash;
    r->hash_after = s->hash_after;
    r->second_pass = true;
    if (s->copy) { /* the second pass reads the copy */
        if (fflush(s->copy) != 0 || fseeko(s->copy, 0, SEEK_SET) != 0) {
            ps_error_set(s->err, PS_MSG_JSON_COPY, s->name, 0, 0, strerror(errno), NULL, NULL);
            r->status = PS_ERR_IO;
            return false;
        }
        s->f = s->copy;
        s->copy = NULL;
        s->pre_len = s->pre_at = 0;
    } else if (fseeko(s->f, (off_t)s->origin, SEEK_SET) != 0) {
        ps_error_set(s->err, PS_MSG_READ, s->name, 0, 0, strerror(errno), NULL, NULL);
        r->status = PS_ERR_IO;
        return false;
    }
    s->len = s->at = 0;
    s->base = 0;
    s->eof = false;
    s->bytes_read = 0;
    s->hash = s->hash_after = (hasher){0};
    s->first_block = true;
    s->check_bytes = false;
    s->wstart = s->cur = (place){0, 1, 1, false};
    /* the bytes before are dropped; the place of the '[' is known from pass 1 */
    if (!stream_skip_to(s, target, r->rows_at)) {
        if (s->status == PS_OK)
            changed(r);
        return false;
    }
    return true;
}

/* After pass 2, the rest of the file: it must be what pass 1 read, byte for byte. */
static void check_same(reader *r)
{
    stream *s = &r->s;
    if (!s->f || !r->second_pass || s->status != PS_OK || (r->status != PS_OK && r->status != PS_ERR_INPUT))
        return;
    s->at = s->len;
    while (more(s, s->len))
        s->at = s->len;
    if (s->status != PS_OK)
        return;
    if (s->bytes_read != r->bytes_read || !same_hash(&s->hash, &r->hash) ||
        !same_hash(&s->hash_after, &r->hash_after))
        changed(r);
    else if (ps_input_check_unchanged(s->path, s->f, s->size, s->bytes_read, s->err) != PS_OK)
        r->status = PS_ERR_IO;
}

/* ---- a large file read by two threads ---- */

/* The file the stream reads, opened again (the same device and inode) at the split; NULL otherwise. */
static FILE *open_again(const stream *s)
{
    FILE *f = fopen(s->path, "rb");
    struct stat mine, again;
    if (f &&
        (fstat(fileno(s->f), &mine) != 0 || fstat(fileno(f), &again) != 0 || mine.st_dev != again.st_dev ||
         mine.st_ino != again.st_ino || fseeko(f, (off_t)s->hash_split, SEEK_SET) != 0)) {
        fclose(f);
        f = NULL;
    }
    return f;
}

/* A stream of the second thread's over f, reading from s's split on: its bytes are hashed as the ones
 * after the split. Places are not known until it reaches its first row. */
static void stream_from_split(stream *t, const stream *s, FILE *f, ps_error *err)
{
    *t = (stream){0};
    stream_init(t, s->name, err);
    t->f = f;
    t->path = s->path;
    t->size = s->size;
    t->base = t->bytes_read = t->hash_split = s->hash_split;
    t->wstart = t->cur = (place){t->base, 1, 1, false};
}

/* ---- pass 2 of a large file by two threads ---- */

/* The rows from the first that begins in the file's second half, handed by a second thread, from its own
 * opening of the file, to the loader's second context; then the rest of the file, checked against what
 * pass 1 read from the split on. The first thread hands out the rows before and checks the bytes before.
 * Either way the rows, errors and warnings are those of one thread. */
typedef struct {
    reader r;
    ps_table_handler handler; /* the loader's, with its second context */
    ps_error err;
    long last_line;
    pthread_mutex_t lock; /* cJSON's parser, taken in turn */
    pthread_t thread;
} second_half;

static void *emit_second_half(void *arg)
{
    second_half *h = arg;
    reader *r = &h->r;
    stream *s = &r->s;
    if (!stream_skip_to(s, r->mid_off, r->mid_at)) { /* from the split to the row it holds */
        if (s->status == PS_OK)
            changed(r);
        return NULL;
    }
    emit_rows(r, r->mid_index, r->rows, &h->last_line);
    if (s->status != PS_OK || (r->status != PS_OK && r->status != PS_ERR_INPUT))
        return NULL;
    s->at = s->len;
    while (more(s, s->len))
        s->at = s->len;
    if (s->status == PS_OK && (s->bytes_read != r->bytes_read || !same_hash(&s->hash_after, &r->hash_after)))
        changed(r);
    return NULL;
}

/* Starts the second thread when pass 1 found a row in the second half of a regular file read from its
 * start, and the loader asks for a second context; NULL (one thread) otherwise, or without memory, the
 * same file opened again, or a thread. */
static second_half *start_second_half(reader *r)
{
    stream *s = &r->s;
    const ps_table_handler *handler = r->h;
    if (!r->mid_found || !handler->split || !handler->join || !s->f || s->bom || s->origin != 0 || !s->path)
        return NULL;
    FILE *f = open_again(s);
    second_half *h = f ? calloc(1, sizeof *h) : NULL;
    if (!h) {
        if (f)
            fclose(f);
        return NULL;
    }
    h->handler = *handler;
    h->handler.ctx = handler->split(handler->ctx);
    h->handler.split = NULL;
    if (!h->handler.ctx || pthread_mutex_init(&h->lock, NULL) != 0) {
        if (h->handler.ctx)
            handler->join(handler->ctx, false, s->err);
        fclose(f);
        free(h);
        return NULL;
    }
    h->r = *r; /* what pass 1 found, shared and only read; a stream of its own */
    h->r.h = &h->handler;
    h->r.status = PS_OK;
    h->r.keys = NULL;
    h->r.keys_cap = 0;
    h->r.cjson_lock = &h->lock;
    stream_from_split(&h->r.s, s, f, &h->err);
    h->last_line = r->mid_at.line;
    r->cjson_lock = &h->lock;
    if (pthread_create(&h->thread, NULL, emit_second_half, h) != 0) {
        r->cjson_lock = NULL;
        pthread_mutex_destroy(&h->lock);
        handler->join(handler->ctx, false, s->err);
        fclose(f);
        free(h);
        return NULL;
    }
    return h;
}

/* The first thread's bytes, up to the split, must be what pass 1 read there. */
static void check_first_half(reader *r)
{
    stream *s = &r->s;
    if (s->status != PS_OK || (r->status != PS_OK && r->status != PS_ERR_INPUT))
        return;
    while (s->bytes_read < s->hash_split) {
        s->at = s->len;
        if (!more(s, s->len))
            break;
    }
    if (s->status == PS_OK && (s->bytes_read < s->hash_split || !same_hash(&s->hash, &r->hash)))
        changed(r);
}

/* Waits for the second thread: its error follows the first's rows when they had none (a file changed
 * under it wins over a row's error, as when one thread reads on to the end); its rows are joined when
 * neither failed. */
static void end_second_half(second_half *h, reader *r, long *last_line)
{
    pthread_join(h->thread, NULL);
    r->cjson_lock = NULL;
    pthread_mutex_destroy(&h->lock);
    check_first_half(r);
    stream *s = &r->s, *t = &h->r.s;
    ps_status second = h->r.status != PS_OK ? h->r.status : t->status;
    bool first_ok = r->status == PS_OK && s->status == PS_OK;
    if (second != PS_OK && (first_ok || (r->status == PS_ERR_INPUT && h->r.status == PS_ERR_IO))) {
        r->status = second;
        *s->err = h->err;
    }
    if (first_ok && second == PS_OK)
        *last_line = h->last_line;
    ps_status st = r->h->join(r->h->ctx, r->status == PS_OK, s->err);
    if (st != PS_OK && r->status == PS_OK)
        r->status = st;
    if (r->status == PS_OK &&
        ps_input_check_unchanged(s->path, s->f, s->size, t->bytes_read, s->err) != PS_OK)
        r->status = PS_ERR_IO;
    fclose(t->f);
    free(t->own);
    free(h);
}

/* ---- pass 1 of a large file's rows by two threads ---- */

/* Where a row seems to begin in the file's second half: the first '{' from the split on that follows a
 * comma, white space between (looked for from a little before the split, within a block); 0 for none. A
 * guess: inside a string it is no row's start, and the first thread then reads on alone. */
static unsigned long long guess_row_start(FILE *f, unsigned long long split, char *block)
{
    unsigned long long from = split > 64 ? split - 64 : 0;
    ssize_t got = pread(fileno(f), block, PS_JSON_BLOCK_BYTES, (off_t)from);
    bool after_comma = false;
    for (ssize_t i = 0; i < got; i++) {
        char c = block[i];
        if (c == '{' && after_comma && from + (unsigned long long)i >= split)
            return from + (unsigned long long)i;
        after_comma = c == ',' || (after_comma && is_ws(c));
    }
    return 0;
}

/* A place the second thread found, counted from its candidate as line 1, column 1, made the file's: the
 * candidate is at base. Counting the lines before the candidate first held the second thread back. */
static long rebase_line(long line, place base)
{
    return base.line + line - 1;
}

static place rebase(place p, place base)
{
    if (p.line == 1)
        p.column = base.column + p.column - 1;
    p.line = rebase_line(p.line, base);
    return p;
}

/* The second thread's findings and stream, their places made the file's. */
static void rebase_rows_ahead(rows_ahead *a, place base)
{
    reader *q = &a->r;
    stream *t = &q->s;
    q->syntax_at = rebase(q->syntax_at, base);
    q->key_at = rebase(q->key_at, base);
    q->key_first_line = rebase_line(q->key_first_line, base);
    for (size_t k = 0; k < q->ncols; k++)
        q->cols[k].key = rebase(q->cols[k].key, base);
    t->wstart = rebase(t->wstart, base);
    t->cur = rebase(t->cur, base);
    t->nul_at = rebase(t->nul_at, base);
    t->utf8_at = rebase(t->utf8_at, base);
}

/* The second thread: its stream from the split to the candidate, its bytes checked from there, and the
 * rows from there to the closing bracket, their places counted from the candidate (rebased when taken). */
static void *read_rows_ahead(void *arg)
{
    rows_ahead *a = arg;
    reader *r = &a->r;
    stream *s = &r->s;
    if (!stream_skip_to(s, a->candidate, (place){a->candidate, 1, 1, false}))
        return NULL;
    a->placed = true;
    s->check_bytes = true;
    s->utf8_checked = a->candidate;
    check_bytes(s, 0);
    a->ended = rows_from(r);
    return NULL;
}

static void free_rows_ahead(rows_ahead *a)
{
    reader *q = &a->r;
    for (size_t k = 0; k < q->ncols; k++)
        free(q->cols[k].name);
    free(q->cols);
    free(q->keys);
    free(q->key_text);
    if (q->s.f) /* NULL once the first thread took the stream */
        fclose(q->s.f);
    free(q->s.own);
    pthread_mutex_destroy(&a->lock);
    free(a);
}

/* Starts the second thread when the rows array begins in the first half of a regular file read from its
 * start (the same files whose pass 2 may be split) and a row seems to begin in the second. */
static void start_rows_ahead(reader *r)
{
    stream *s = &r->s;
    if (s->hash_split == ULLONG_MAX || !s->f || s->bom || s->origin != 0 || !s->path || s->copy ||
        s->base + s->at >= s->hash_split)
        return;
    FILE *f = open_again(s);
    char *block = f ? malloc(PS_JSON_BLOCK_BYTES) : NULL;
    unsigned long long candidate = block ? guess_row_start(f, s->hash_split, block) : 0;
    free(block);
    rows_ahead *a = candidate ? calloc(1, sizeof *a) : NULL;
    if (!a || pthread_mutex_init(&a->lock, NULL) != 0) {
        free(a);
        if (f)
            fclose(f);
        return;
    }
    a->candidate = candidate;
    atomic_init(&a->abandon, false);
    reader *q = &a->r;
    *q = *r; /* the top level's findings and lists, shared and not touched; rows and columns its own */
    q->status = PS_OK;
    q->keys = NULL;
    q->keys_cap = 0;
    q->syntax = PS_MSG_NONE;
    q->key_text = NULL;
    q->rows = 0;
    q->cols = NULL;
    q->ncols = 0;
    q->cols_over = false;
    q->mid_found = true; /* the first thread notes the row at which pass 2 splits */
    q->ahead = NULL;
    q->abandon = &a->abandon;
    q->cjson_lock = r->cjson_lock = &a->lock;
    stream_from_split(&q->s, s, f, &a->err);
    if (pthread_create(&a->thread, NULL, read_rows_ahead, a) != 0) {
        r->cjson_lock = NULL;
        free_rows_ahead(a);
        return;
    }
    r->ahead = a;
}

/* The second thread's columns after the first's, in order of first appearance, up to the limit. */
static bool merge_columns(reader *r, reader *q)
{
    for (size_t k = 0; k < q->ncols; k++) {
        col_info *c = &q->cols[k];
        if (column_index(r, c->name, c->len, k) < r->ncols || r->cols_over)
            continue;
        if (r->ncols >= PS_LIMIT_COLUMNS) {
            r->cols_over = true;
            r->cols_over_at = c->key;
            continue;
        }
        col_info *cols = realloc(r->cols, (r->ncols + 1) * sizeof *cols);
        if (!cols)
            return nomem(r);
        r->cols = cols;
        r->cols[r->ncols++] = *c;
        c->name = NULL; /* now the first's */
    }
    return true;
}

/* This thread reads on with the second's stream, past the rows, which has hashed and checked the bytes
 * from the split: the first NUL and the first byte that is not UTF-8 are the earlier of the two
 * streams', the hash before the split this one's. The second's opening of the file is closed, the first
 * one read on from where the second stopped. */
static void adopt_stream(reader *r, rows_ahead *a)
{
    stream *s = &r->s, *t = &a->r.s, was = *s;
    if (fseeko(was.f, (off_t)t->bytes_read, SEEK_SET) != 0) {
        ps_error_set(was.err, PS_MSG_READ, was.name, 0, 0, strerror(errno), NULL, NULL);
        s->status = PS_ERR_IO;
        return;
    }
    fclose(t->f);
    free(was.own);
    *s = *t;
    t->f = NULL;
    t->own = NULL;
    s->f = was.f;
    s->pre = was.pre;
    s->pre_len = was.pre_len;
    s->pre_at = was.pre_at;
    s->hash = was.hash;
    s->err = was.err;
    if (was.nul_found && (!s->nul_found || was.nul_at.off <= s->nul_at.off)) {
        s->nul_found = true;
        s->nul_at = was.nul_at;
    }
    if (was.utf8_found && (!s->utf8_found || was.utf8_at.off <= s->utf8_at.off)) {
        s->utf8_found = true;
        s->utf8_at = was.utf8_at;
    }
}

/* At the row that begins at start, at or past the second thread's candidate: when it is the candidate and
 * the second thread read its rows without failing otherwise than on the document (a syntax fault), takes
 * its rows, columns, findings and stream; *ended: its rows ended with the bracket. False when this thread
 * reads on alone. */
static bool join_rows_ahead(reader *r, unsigned long long start, bool *ended)
{
    rows_ahead *a = r->ahead;
    reader *q = &a->r;
    r->ahead = NULL;
    if (start != a->candidate)
        atomic_store(&a->abandon, true);
    pthread_join(a->thread, NULL);
    r->cjson_lock = NULL;
    /* its own columns past the limit were not all kept: this thread finds which one comes first */
    bool usable =
        start == a->candidate && a->placed && q->s.status == PS_OK && q->status == PS_OK && !q->cols_over;
    if (usable) {
        rebase_rows_ahead(a, pos_of(&r->s, a->candidate));
        r->rows += q->rows;
        if (q->syntax != PS_MSG_NONE)
            syntax_fault(r, q->syntax, q->syntax_at);
        if (r->key_code == PS_MSG_NONE && merge_columns(r, q) && q->key_code != PS_MSG_NONE) {
            r->key_code = q->key_code;
            r->key_at = q->key_at;
            r->key_first_line = q->key_first_line;
            r->key_text = q->key_text;
            q->key_text = NULL;
        }
        adopt_stream(r, a);
        *ended = a->ended;
    }
    free_rows_ahead(a);
    return usable;
}

/* The second thread, when this one stopped before reaching its candidate: told to stop, and dropped. */
static void drop_rows_ahead(reader *r)
{
    rows_ahead *a = r->ahead;
    if (!a)
        return;
    r->ahead = NULL;
    atomic_store(&a->abandon, true);
    pthread_join(a->thread, NULL);
    r->cjson_lock = NULL;
    free_rows_ahead(a);
}

/* Pass 2: the rows, by one thread or two, then the loader's end. */
static void pass_rows(reader *r)
{
    stream *s = &r->s;
    long last_line = r->root_at.line;
    second_half *h = start_second_half(r);
    emit_rows(r, 0, h ? r->mid_index : r->rows, &last_line);
    if (h) {
        end_second_half(h, r, &last_line);
    } else {
        if (s->status != PS_OK && r->status == PS_OK)
            r->status = s->status;
        check_same(r);
    }
    if (r->status == PS_OK && s->status == PS_OK && r->h->end)
        r->status = r->h->end(r->h->ctx, last_line, s->err);
}

static ps_status read_json(reader *r)
{
    stream *s = &r->s;
    r->syntax = PS_MSG_NONE;
    r->key_code = PS_MSG_NONE;
    s->check_bytes = true;
    if (s->f) {
        s->first_block = true;
    } else {
        s->eof = true;
        check_bytes(s, 0);
    }
    check_document(r);
    if (s->status != PS_OK)
        r->status = s->status;
    if (r->status == PS_OK && s->f)
        r->status = ps_input_check_unchanged(s->path, s->f, s->size, s->bytes_read, s->err);
    if (r->status == PS_OK && report_checks(r) == PS_OK && seek_rows(r)) {
        pass_rows(r);
    } else {
        if (s->status != PS_OK && r->status == PS_OK)
            r->status = s->status;
        check_same(r);
    }
    if (r->status == PS_ERR_NOMEM || s->status == PS_ERR_NOMEM) {
        ps_error_set(s->err, PS_MSG_NOMEM, s->name, 0, 0, NULL, NULL, NULL);
        r->status = PS_ERR_NOMEM;
    }
    if (r->status == PS_OK)
        r->status = s->status;
    for (size_t k = 0; k < r->ncols; k++)
        free(r->cols[k].name);
    for (size_t k = 0; k < r->nmetas; k++) {
        free(r->metas[k].key);
        free(r->metas[k].value);
    }
    for (size_t k = 0; k < r->ntop; k++)
        free(r->top_keys[k]);
    free(r->cols);
    free(r->metas);
    free(r->top_keys);
    free(r->top_lines);
    free(r->key_text);
    free(r->keys);
    free(s->own);
    return r->status;
}

ps_status ps_json_read_buffer(const char *data, size_t len, const char *name, const char *rows_key,
                              const ps_table_handler *handler, ps_error *err)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    reader r = {.rows_key = rows_key, .h = handler};
    stream_init(&r.s, name, err);
    r.s.data = data;
    r.s.len = len;
    return read_json(&r);
}

/* An unlinked temporary file in $TMPDIR (else /tmp) for the copy of an input that cannot be read twice;
 * NULL when none can be made. */
static FILE *make_copy(void)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/parscore-json-XXXXXX", dir && *dir ? dir : "/tmp");
    if (n < 0 || (size_t)n >= sizeof path)
        return NULL;
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    unlink(path);
    FILE *f = fdopen(fd, "w+b");
    if (!f)
        close(fd);
    return f;
}

/* Streams the JSON input f (opened by ps_input_open; pre holds the bytes already read from it, for a
 * pipe), closing it unless it is stdin. A pipe is copied aside as pass 1 reads it; when no copy can be
 * made it is read whole, as before. */
static ps_status read_stream(const char *path, FILE *f, long long size, long long origin, char *pre,
                             size_t pre_len, const char *rows_key, const ps_table_handler *handler,
                             ps_error *err)
{
    const char *name = ps_input_name(path);
    FILE *copy = origin < 0 ? make_copy() : NULL;
    ps_status st;
    if (origin < 0 && !copy) {
        char *data = pre;
        size_t len = pre_len;
        st = ps_input_read_open(path, f, size, &data, &len, err);
        if (st != PS_OK)
            return st;
        st = ps_json_read_buffer(data, len, name, rows_key, handler, err);
        free(data);
        return st;
    }
    reader r = {.rows_key = rows_key, .h = handler};
    stream_init(&r.s, name, err);
    r.s.f = f;
    r.s.copy = copy;
    r.s.pre = pre;
    r.s.pre_len = pre_len;
    r.s.origin = origin;
    r.s.path = path;
    r.s.size = size;
    if (origin == 0 && !copy && size >= PS_JSON_SPLIT_BYTES && handler->split && handler->join)
        r.s.hash_split = (unsigned long long)size / 2; /* pass 2 may be two threads, from about there */
    st = read_json(&r);
    if (copy)
        fclose(copy);
    if (f != stdin)
        fclose(f);
    free(pre);
    return st;
}

/* Where reading a regular file begins (stdin may stand past its start), -1 for what cannot seek. */
static long long origin_of(FILE *f, long long size)
{
    off_t at = size >= 0 ? ftello(f) : -1;
    return at >= 0 ? (long long)at : -1;
}

ps_status ps_json_read_file(const char *path, const char *rows_key, const ps_table_handler *handler,
                            ps_error *err)
{
    FILE *f;
    long long size;
    ps_status st = ps_input_open(path, &f, &size, err);
    if (st != PS_OK)
        return st;
    return read_stream(path, f, size, origin_of(f, size), NULL, 0, rows_key, handler, err);
}

/* Whether the opening bytes read so far decide if the input opens like JSON: a BOM may be coming, or only
 * blanks have come. */
static bool undecided(const char *pre, size_t n)
{
    if (n < 3 && memcmp(pre, "\xEF\xBB\xBF", n) == 0)
        return true;
    size_t i = n >= 3 && memcmp(pre, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && is_ws(pre[i]))
        i++;
    return i == n;
}

ps_status ps_json_read_if_json(const char *path, const char *rows_key, const ps_table_handler *handler,
                               char **data, size_t *len, ps_error *err)
{
    FILE *f;
    long long size;
    *data = NULL;
    *len = 0;
    ps_status st = ps_input_open(path, &f, &size, err);
    if (st != PS_OK)
        return st;
    long long origin = origin_of(f, size);
    char *pre = NULL;
    size_t n = 0, cap = 0;
    int c = 0;
    while ((n == 0 || undecided(pre, n)) && (c = getc(f)) != EOF) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            char *grown = realloc(pre, cap);
            if (!grown) {
                free(pre);
                if (f != stdin)
                    fclose(f);
                ps_error_set(err, PS_MSG_NOMEM, ps_input_name(path), 0, 0, NULL, NULL, NULL);
                return PS_ERR_NOMEM;
            }
            pre = grown;
        }
        pre[n++] = (char)c;
    }
    bool json = ps_input_looks_json(pre ? pre : "", n);
    if (origin >= 0) { /* a file is read again from where it began */
        free(pre);
        pre = NULL;
        n = 0;
        if (fseeko(f, (off_t)origin, SEEK_SET) != 0) {
            ps_error_set(err, PS_MSG_READ, ps_input_name(path), 0, 0, strerror(errno), NULL, NULL);
            if (f != stdin)
                fclose(f);
            return PS_ERR_IO;
        }
    }
    if (json)
        return read_stream(path, f, size, origin, pre, n, rows_key, handler, err);
    *data = pre;
    *len = n;
    return ps_input_read_open(path, f, size, data, len, err);
}
