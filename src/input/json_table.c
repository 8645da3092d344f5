/* JSON input: syntax by cJSON, positions by a second pass over the text, rows handed out like CSV rows. */
#include "input/json_table.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/text.h"
#include "parscore/load.h"

typedef struct {
    const cJSON *node;
    long line, column;
    long key_line, key_column; /* of its key, for an object member */
    size_t start, end;         /* the value's bytes */
} node_pos;

typedef struct {
    const char *text;
    size_t len;
    size_t i;
    long line, column;
    bool after_cr;
    node_pos *pos;
    size_t count, cap, cursor;
    const char *name;
    ps_error *err;
    ps_status status;
} scanner;

static void step(scanner *s)
{
    unsigned char c = (unsigned char)s->text[s->i++];
    if (c == '\n') {
        if (!s->after_cr)
            s->line++;
        s->column = 1;
    } else if (c == '\r') {
        s->line++;
        s->column = 1;
    } else if ((c & 0xC0) != 0x80) {
        s->column++;
    }
    s->after_cr = c == '\r';
}

static void skip_ws(scanner *s)
{
    while (s->i < s->len && strchr(" \t\r\n", s->text[s->i]) && s->text[s->i] != '\0')
        step(s);
}

static void skip_string(scanner *s)
{
    step(s); /* the opening quote */
    while (s->i < s->len && s->text[s->i] != '"') {
        if (s->text[s->i] == '\\' && s->i + 1 < s->len)
            step(s);
        step(s);
    }
    if (s->i < s->len)
        step(s);
}

/* Position of a byte offset, for errors found before the scan. */
static void position_at(const char *text, size_t offset, long *line, long *column)
{
    scanner s = {.text = text, .len = offset, .line = 1, .column = 1};
    while (s.i < offset)
        step(&s);
    *line = s.line;
    *column = s.column;
}

static ps_status fail_at_offset(scanner *s, size_t offset, ps_msg code, const char *a0, const char *a1)
{
    long line, column;
    position_at(s->text, offset, &line, &column);
    ps_error_set(s->err, code, s->name, line, column, a0, a1, NULL);
    return s->status = PS_ERR_INPUT;
}

static ps_status fail_at(scanner *s, const node_pos *p, ps_msg code, const char *a0, const char *a1,
                         const char *a2)
{
    ps_error_set(s->err, code, s->name, p ? p->line : 0, p ? p->column : 0, a0, a1, a2);
    return s->status = PS_ERR_INPUT;
}

/* A string whose escapes decode to a control character (\u001b…) or one that reorders text is refused, as
 * the CSV reader refuses the raw ones: it must never reach a terminal. */
static ps_status refuse_unsafe(scanner *s, const node_pos *p, const char *key, const char *text)
{
    int32_t cp;
    size_t len = strlen(text);
    if (ps_text_find_unsafe(text, len, &cp) == len)
        return PS_OK;
    char code[16];
    snprintf(code, sizeof code, "U+%04X", (unsigned)cp);
    return fail_at(s, p, PS_MSG_CONTROL_CHAR, key, code, NULL);
}

static size_t add_pos(scanner *s, const cJSON *node, long key_line, long key_column)
{
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        node_pos *p = realloc(s->pos, cap * sizeof *p);
        if (!p) {
            s->status = PS_ERR_NOMEM;
            return 0;
        }
        s->pos = p;
        s->cap = cap;
    }
    s->pos[s->count] = (node_pos){node, s->line, s->column, key_line, key_column, s->i, s->i};
    return s->count++;
}

/* Walks the text in step with the parsed tree, noting where each value starts and ends. */
static void scan_value(scanner *s, const cJSON *node, long key_line, long key_column)
{
    skip_ws(s);
    size_t at = add_pos(s, node, key_line, key_column);
    if (s->status != PS_OK || s->i >= s->len)
        return;
    char c = s->text[s->i];
    if (c == '{' || c == '[') {
        step(s);
        size_t members = 0;
        for (const cJSON *child = node->child; child && s->status == PS_OK; child = child->next) {
            skip_ws(s);
            long child_key_line = s->line, child_key_column = s->column;
            if (c == '{' && ++members > PS_LIMIT_COLUMNS) {
                /* checked before the duplicate-key search, which compares each key with those before it */
                char limit[16];
                snprintf(limit, sizeof limit, "%d", PS_LIMIT_COLUMNS);
                node_pos here = {child, s->line, s->column, s->line, s->column, s->i, s->i};
                fail_at(s, &here, PS_MSG_TOO_MANY_COLUMNS, limit, NULL, NULL);
                return;
            }
            if (c == '{') {
                for (const cJSON *prev = node->child; prev != child; prev = prev->next) {
                    if (strcmp(prev->string, child->string) == 0) {
                        const node_pos *first = NULL;
                        for (size_t k = s->count; k-- > at;)
                            if (s->pos[k].node == prev)
                                first = &s->pos[k];
                        char l[32];
                        snprintf(l, sizeof l, "%ld", first ? first->key_line : child_key_line);
                        node_pos here = {child, s->line, s->column, s->line, s->column, s->i, s->i};
                        fail_at(s, &here, PS_MSG_JSON_DUPLICATE_KEY, child->string, l, NULL);
                        return;
                    }
                }
                skip_string(s);
                skip_ws(s);
                step(s); /* ':' */
            }
            scan_value(s, child, child_key_line, child_key_column);
            skip_ws(s);
            if (s->i < s->len && s->text[s->i] == ',')
                step(s);
        }
        skip_ws(s);
        if (s->i < s->len)
            step(s); /* the closing bracket */
    } else if (c == '"') {
        skip_string(s);
    } else {
        while (s->i < s->len && !strchr(",]} \t\r\n", s->text[s->i]))
            step(s);
    }
    s->pos[at].end = s->i;
}

/* The recorded position of a node; lookups mostly go forward, so search on from the last one. */
static const node_pos *find_pos(scanner *s, const cJSON *node)
{
    for (size_t n = 0; n < s->count; n++) {
        size_t k = (s->cursor + n) % s->count;
        if (s->pos[k].node == node) {
            s->cursor = k;
            return &s->pos[k];
        }
    }
    return NULL;
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

/* A strict RFC 8259 check before cJSON (which accepts raw control characters in strings and leading
 * zeros), so that every syntax error is reported at its own character, and nesting is bounded first. */
typedef struct {
    const char *text;
    size_t len, i;
    int depth;
    ps_msg code; /* PS_MSG_NONE while valid */
    size_t at;
} validator;

static bool v_fail(validator *v, ps_msg code, size_t at)
{
    if (v->code == PS_MSG_NONE) {
        v->code = code;
        v->at = at;
    }
    return false;
}

static void v_ws(validator *v)
{
    while (v->i < v->len &&
           (v->text[v->i] == ' ' || v->text[v->i] == '\t' || v->text[v->i] == '\n' || v->text[v->i] == '\r'))
        v->i++;
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
    while (v->i < v->len) {
        unsigned char c = (unsigned char)v->text[v->i];
        if (c == '"') {
            v->i++;
            return true;
        }
        if (c < 0x20)
            return v_fail(v, PS_MSG_JSON_CONTROL, v->i);
        if (c != '\\') {
            v->i++;
            continue;
        }
        size_t esc = v->i++;
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
    while (v->i < v->len && v->text[v->i] >= '0' && v->text[v->i] <= '9')
        v->i++;
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

static bool v_value(validator *v);

static bool v_member(validator *v, char close)
{
    v_ws(v);
    if (close == '}') {
        if (v->i < v->len && v->text[v->i] != '"')
            return v_fail(v, PS_MSG_JSON_SYNTAX, v->i);
        if (v->i >= v->len)
            return v_fail(v, PS_MSG_JSON_TRUNCATED, v->len);
        if (!v_string(v))
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
    v->i++;
    v_ws(v);
    if (v->i < v->len && v->text[v->i] == close) {
        v->i++;
        v->depth--;
        return true;
    }
    for (;;) {
        if (!v_member(v, close))
            return false;
        v_ws(v);
        if (v->i < v->len && v->text[v->i] == ',') {
            v->i++;
            continue;
        }
        if (!v_expect(v, close))
            return false;
        v->depth--;
        return true;
    }
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

/* Checks bytes (NUL, UTF-8) and then the syntax, reporting the first fault where it is. */
static ps_status precheck(scanner *s)
{
    const char *nul = memchr(s->text, '\0', s->len);
    if (nul)
        return fail_at_offset(s, (size_t)(nul - s->text), PS_MSG_BAD_BYTE, "NUL", NULL);
    size_t valid = ps_utf8_valid_prefix(s->text, s->len);
    if (valid < s->len)
        return fail_at_offset(s, valid, PS_MSG_BAD_BYTE, "UTF-8", NULL);
    validator v = {s->text, s->len, 0, 0, PS_MSG_NONE, 0};
    v_ws(&v);
    if (v.i == v.len) {
        ps_error_set(s->err, PS_MSG_JSON_EMPTY, s->name, 0, 0, NULL, NULL, NULL);
        return s->status = PS_ERR_INPUT;
    }
    if (v_value(&v)) {
        v_ws(&v);
        if (v.i < v.len)
            v_fail(&v, PS_MSG_JSON_TRAILING, v.i);
    }
    if (v.code == PS_MSG_NONE)
        return PS_OK;
    char limit[16];
    snprintf(limit, sizeof limit, "%d", PS_LIMIT_JSON_DEPTH);
    return fail_at_offset(s, v.at, v.code, v.code == PS_MSG_JSON_DEPTH ? limit : NULL, NULL);
}

static cJSON *parse(scanner *s)
{
    /* the length includes the terminating NUL, as cJSON wants for require_null_terminated */
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(s->text, s->len + 1, &end, 1);
    if (!root) /* what the check above let through and cJSON still refuses: say where */
        fail_at_offset(s, end && end >= s->text ? (size_t)(end - s->text) : 0, PS_MSG_JSON_SYNTAX, NULL,
                       NULL);
    return root;
}

/* The text a loader sees for a value: strings as they are, numbers as written, null as empty. */
static char *field_text(scanner *s, const cJSON *value, const char *where, bool list)
{
    const node_pos *p = find_pos(s, value);
    if (cJSON_IsNull(value))
        return ps_strdup("");
    if (cJSON_IsString(value))
        return ps_strdup(value->valuestring);
    if (cJSON_IsNumber(value) && p)
        return ps_strndup(s->text + p->start, p->end - p->start); /* as written, read exactly later */
    if (cJSON_IsArray(value) && list) {
        /* a list of names, as owners are: joined the way a CSV cell writes them */
        size_t total = 1;
        const cJSON *item;
        cJSON_ArrayForEach(item, value)
        {
            if (!cJSON_IsString(item)) {
                fail_at(s, find_pos(s, item), PS_MSG_JSON_TYPE, where, "string", type_name(item));
                return NULL;
            }
            total += strlen(item->valuestring) + 2;
        }
        char *joined = calloc(total, 1);
        if (!joined)
            return NULL;
        cJSON_ArrayForEach(item, value)
        {
            if (joined[0])
                strcat(joined, "; ");
            strcat(joined, item->valuestring);
        }
        return joined;
    }
    fail_at(s, p, PS_MSG_JSON_TYPE, where, "number | string", type_name(value));
    return NULL;
}

typedef struct {
    const char **names;
    ps_table_field *fields;
    size_t count;
} columns;

static ps_status collect_columns(scanner *s, const cJSON *rows, columns *cols)
{
    const cJSON *row;
    cJSON_ArrayForEach(row, rows)
    {
        if (!cJSON_IsObject(row))
            continue; /* refused with its position when the rows are read */
        const cJSON *child;
        cJSON_ArrayForEach(child, row)
        {
            size_t k = 0;
            while (k < cols->count && strcmp(cols->names[k], child->string) != 0)
                k++;
            if (k < cols->count)
                continue;
            if (cols->count >= PS_LIMIT_COLUMNS) {
                char limit[16];
                snprintf(limit, sizeof limit, "%d", PS_LIMIT_COLUMNS);
                return fail_at(s, find_pos(s, child), PS_MSG_TOO_MANY_COLUMNS, limit, NULL, NULL);
            }
            const char **names = realloc(cols->names, (cols->count + 1) * sizeof *names);
            if (names)
                cols->names = names;
            ps_table_field *fields = realloc(cols->fields, (cols->count + 1) * sizeof *fields);
            if (fields)
                cols->fields = fields;
            if (!names || !fields)
                return s->status = PS_ERR_NOMEM;
            const node_pos *p = find_pos(s, child);
            cols->names[cols->count] = child->string;
            cols->fields[cols->count] = (ps_table_field){child->string, strlen(child->string),
                                                         p ? p->key_line : 0, p ? p->key_column : 0, false};
            cols->count++;
        }
    }
    return PS_OK;
}

static ps_status emit_row(scanner *s, const cJSON *obj, size_t index, const char *rows_key,
                          const columns *cols, const ps_table_handler *h)
{
    const node_pos *op = find_pos(s, obj);
    char where[128];
    snprintf(where, sizeof where, "$.%s[%zu]", rows_key, index);
    if (!cJSON_IsObject(obj))
        return fail_at(s, op, PS_MSG_JSON_TYPE, where, "object", type_name(obj));
    ps_table_field *fields = calloc(cols->count ? cols->count : 1, sizeof *fields);
    if (!fields)
        return s->status = PS_ERR_NOMEM;
    size_t k;
    for (k = 0; k < cols->count && s->status == PS_OK; k++) {
        const cJSON *value = cJSON_GetObjectItemCaseSensitive(obj, cols->names[k]);
        const node_pos *p = value ? find_pos(s, value) : op;
        snprintf(where, sizeof where, "$.%s[%zu].%s", rows_key, index, cols->names[k]);
        bool list = h->list_column && strcmp(cols->names[k], h->list_column) == 0;
        char *text = value ? field_text(s, value, where, list) : ps_strdup("");
        if (!text) {
            if (s->status == PS_OK)
                s->status = PS_ERR_NOMEM;
            break;
        }
        if (strlen(text) > PS_LIMIT_FIELD_BYTES) {
            char limit[32];
            snprintf(limit, sizeof limit, "%d", PS_LIMIT_FIELD_BYTES);
            free(text);
            fail_at(s, p, PS_MSG_FIELD_TOO_LONG, limit, NULL, NULL);
            break;
        }
        if (refuse_unsafe(s, p, cols->names[k], text) != PS_OK) {
            free(text);
            break;
        }
        fields[k] = (ps_table_field){text, strlen(text), p ? p->line : 0, p ? p->column : 0,
                                     value && cJSON_IsNumber(value)};
    }
    if (s->status == PS_OK) {
        ps_table_row row = {fields, cols->count, op ? op->line : 0};
        s->status = h->row(h->ctx, &row, s->err);
    }
    for (size_t f = 0; f < k && f < cols->count; f++)
        free((char *)fields[f].text);
    free(fields);
    return s->status;
}

static ps_status walk(scanner *s, const cJSON *root, const char *rows_key, const ps_table_handler *h)
{
    const node_pos *rp = find_pos(s, root);
    if (!cJSON_IsObject(root))
        return fail_at(s, rp, PS_MSG_JSON_TYPE, "$", "object", type_name(root));
    const cJSON *rows = NULL, *child;
    cJSON_ArrayForEach(child, root)
    {
        if (strcmp(child->string, rows_key) == 0) {
            rows = child;
        } else if ((cJSON_IsString(child) || cJSON_IsNumber(child)) && h->meta) {
            char *value = field_text(s, child, child->string, false);
            if (!value)
                return s->status == PS_OK ? (s->status = PS_ERR_NOMEM) : s->status;
            const node_pos *p = find_pos(s, child);
            if (strlen(value) > PS_LIMIT_FIELD_BYTES) { /* a "period" is held to the field limit too */
                char limit[32];
                snprintf(limit, sizeof limit, "%d", PS_LIMIT_FIELD_BYTES);
                free(value);
                return fail_at(s, p, PS_MSG_FIELD_TOO_LONG, limit, NULL, NULL);
            }
            if (refuse_unsafe(s, p, child->string, value) != PS_OK) {
                free(value);
                return s->status;
            }
            s->status = h->meta(h->ctx, child->string, value, p ? p->line : 0, s->err);
            free(value);
            if (s->status != PS_OK)
                return s->status;
        }
    }
    if (!rows)
        return fail_at(s, rp, PS_MSG_JSON_MISSING_KEY, rows_key, NULL, NULL);
    if (!cJSON_IsArray(rows)) {
        char where[96];
        snprintf(where, sizeof where, "$.%s", rows_key);
        return fail_at(s, find_pos(s, rows), PS_MSG_JSON_TYPE, where, "array", type_name(rows));
    }
    if (cJSON_GetArraySize(rows) == 0) {
        char where[96];
        snprintf(where, sizeof where, "$.%s", rows_key);
        return fail_at(s, find_pos(s, rows), PS_MSG_NO_ROWS, where, NULL, NULL);
    }
    columns cols = {NULL, NULL, 0};
    if (collect_columns(s, rows, &cols) == PS_OK) {
        const node_pos *arr = find_pos(s, rows);
        ps_table_row header = {cols.fields, cols.count, arr ? arr->line : 0};
        s->status = h->header(h->ctx, &header, s->err);
    }
    size_t index = 0;
    long last_line = rp ? rp->line : 1;
    const cJSON *obj;
    cJSON_ArrayForEach(obj, rows)
    {
        if (s->status != PS_OK)
            break;
        emit_row(s, obj, index++, rows_key, &cols, h);
        const node_pos *p = find_pos(s, obj);
        last_line = p ? p->line : last_line;
    }
    free(cols.names);
    free(cols.fields);
    if (s->status == PS_OK && h->end)
        s->status = h->end(h->ctx, last_line, s->err);
    return s->status;
}

ps_status ps_json_read_buffer(const char *data, size_t len, const char *name, const char *rows_key,
                              const ps_table_handler *handler, ps_error *err)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    char *text = ps_strndup(data, len); /* cJSON reads up to a terminating NUL */
    if (!text) {
        ps_error_set(err, PS_MSG_NOMEM, name, 0, 0, NULL, NULL, NULL);
        return PS_ERR_NOMEM;
    }
    scanner s = {.text = text, .len = len, .line = 1, .column = 1, .name = name, .err = err};
    cJSON *root = NULL;
    if (precheck(&s) == PS_OK)
        root = parse(&s);
    if (root) {
        scan_value(&s, root, 0, 0);
        if (s.status == PS_OK)
            walk(&s, root, rows_key, handler);
    }
    if (s.status == PS_ERR_NOMEM)
        ps_error_set(err, PS_MSG_NOMEM, name, 0, 0, NULL, NULL, NULL);
    cJSON_Delete(root);
    free(s.pos);
    free(text);
    return s.status;
}
