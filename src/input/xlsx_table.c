/* Workbooks read as tables: the archive through libzip, its parts through expat (no DTD, no entities),
 * shared and inline strings, numbers as the decimal a person typed, dates and booleans as their text. */
#include "input/xlsx_table.h"

#include <expat.h>
#include <math.h> /* isfinite, a macro: no libm */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/array.h"
#include "base/dl.h"
#include "base/error.h"
#include "base/text.h"
#include "parscore/load.h"

#define CHUNK_BYTES 65536
#define EXCEL_MAX_ROW 1048576L
#define EXCEL_MAX_COL 16384L

/* The functions of libzip that the reader calls, bound when a workbook is read rather than linked:
 * libzip brings libcrypto, whose relocation would triple the start of every other run. */
/* clang-format off */
#define ZIP_FUNCTIONS(X)                                                                      \
    X(zip_discard) X(zip_error_code_zip) X(zip_error_fini) X(zip_error_init) X(zip_fclose)    \
    X(zip_file_get_error) X(zip_fopen_index) X(zip_fread) X(zip_get_error) X(zip_name_locate) \
    X(zip_open_from_source) X(zip_source_buffer_create) X(zip_source_free) X(zip_stat_index)  \
    X(zip_stat_init)
/* clang-format on */
typedef struct {
    ZIP_FUNCTIONS(PS_DL_SLOT)
} zip_functions;

#define ZIP_FUNCTION(name) {#name, offsetof(zip_functions, name)},
static const ps_dl_function zip_function_list[] = {ZIP_FUNCTIONS(ZIP_FUNCTION)};

/* And expat's, bound with libzip: linked, it was mapped and relocated at every start, for workbooks only. */
/* clang-format off */
#define EXPAT_FUNCTIONS(X)                                                                          \
    X(XML_GetCurrentColumnNumber) X(XML_GetCurrentLineNumber) X(XML_GetErrorCode) X(XML_Parse)      \
    X(XML_ParserCreate_MM) X(XML_ParserFree) X(XML_SetCharacterDataHandler) X(XML_SetElementHandler) \
    X(XML_SetEntityDeclHandler) X(XML_SetParamEntityParsing) X(XML_SetStartDoctypeDeclHandler)      \
    X(XML_SetUserData) X(XML_StopParser)
/* clang-format on */
typedef struct {
    EXPAT_FUNCTIONS(PS_DL_SLOT)
} expat_functions;

#define EXPAT_FUNCTION(name) {#name, offsetof(expat_functions, name)},
static const ps_dl_function expat_function_list[] = {EXPAT_FUNCTIONS(EXPAT_FUNCTION)};

typedef enum { PART_RELS, PART_WORKBOOK, PART_STRINGS, PART_STYLES, PART_SHEET } part_kind;

typedef struct {
    char *id;
    char *type; /* the last segment of the relationship's type: worksheet, sharedStrings, ... */
    char *target;
    bool external;
} relation;

typedef struct {
    char *name;
    char *rel_id;
    bool hidden;
} sheet_entry;

/* How a cell format shows a number: as it is, as a date, or times 100 with a percent sign. */
typedef enum { SHOWN_PLAIN, SHOWN_DATE, SHOWN_PERCENT } shown;

typedef struct {
    long id;
    shown as;
} custom_format;

typedef struct {
    long col;
    size_t offset; /* into cells */
    size_t len;
} cell_slot;

typedef struct {
    const char *name;
    const ps_table_handler *handler;
    ps_error *err;
    ps_status status;
    zip_functions zf;   /* libzip, bound */
    expat_functions xf; /* expat, bound */
    zip_t *zip;
    XML_Parser xml;
    const char *part; /* the part being read, for messages */
    part_kind kind;
    bool in_doctype;
    /* relationships of the part just read */
    relation *rels;
    size_t rel_count;
    /* the workbook */
    sheet_entry *sheets;
    size_t sheet_count;
    bool date1904;
    /* shared strings: each one's text in strings, NUL-terminated */
    ps_buf strings;
    size_t *string_at;
    size_t string_count, string_cap;
    bool in_si;
    int phonetic; /* inside <rPh>: text there is a reading aid, not the cell's */
    bool in_t;
    /* styles: which cell formats show a date or a percent */
    bool in_num_fmts, in_cell_xfs;
    custom_format *formats; /* the custom number formats that show either */
    size_t format_count;
    shown *xf_shown;
    size_t xf_count;
    /* the worksheet */
    const char *sheet; /* its name, for messages */
    bool in_sheet_data;
    long row, last_row;
    long col;           /* of the cell being read */
    char cell_type[16]; /* its t attribute */
    long cell_style;
    bool in_cell, in_v, in_is, has_v, has_f;
    ps_buf text; /* the text of the cell being read */
    cell_slot *slots;
    size_t slot_count, slot_cap;
    ps_buf cells; /* the texts of the row's cells */
    bool seen_header;
    long first_col, last_col; /* the header's */
    char **header;
    size_t header_count;
    long last_line;
} reader;

/* expat allocates through parscore's allocator, watched: expat 2.5 may report a failed allocation as
 * another error (a namespace binding it could not allocate is an "unbound prefix"), and out of memory must
 * be said as such, never as a broken file. Per thread: readers on two threads do not share it. */
static _Thread_local bool xml_alloc_failed;

static void *xml_malloc(size_t size)
{
    void *p = malloc(size);
    xml_alloc_failed = xml_alloc_failed || !p;
    return p;
}

static void *xml_realloc(void *old, size_t size)
{
    void *p = realloc(old, size);
    xml_alloc_failed = xml_alloc_failed || (!p && size > 0);
    return p;
}

static const XML_Memory_Handling_Suite memory = {xml_malloc, xml_realloc, free};

static ps_status fail(reader *r, ps_msg code, long line, long column, const char *a0, const char *a1,
                      const char *a2)
{
    if (r->status != PS_OK)
        return r->status;
    r->status = code == PS_MSG_NOMEM ? PS_ERR_NOMEM : PS_ERR_INPUT;
    if (code != PS_MSG_NOMEM)
        ps_error_set(r->err, code, r->name, line, column, a0, a1, a2);
    if (r->xml)
        r->xf.XML_StopParser(r->xml, XML_FALSE);
    return r->status;
}

static ps_status fail_nomem(reader *r)
{
    return fail(r, PS_MSG_NOMEM, 0, 0, NULL, NULL, NULL);
}

/* A part that breaks the format; in the worksheet, at the cell where it does. */
static ps_status fail_corrupt(reader *r)
{
    bool cell = r->kind == PART_SHEET && r->row > 0;
    return fail(r, PS_MSG_XLSX_CORRUPT, cell ? r->row : 0, cell ? r->col : 0, r->part, NULL, NULL);
}

/* The local part of a name: expat gives "namespace-uri name", so a prefix never matters. */
static const char *local(const XML_Char *name)
{
    const char *space = strrchr(name, ' ');
    return space ? space + 1 : name;
}

static const char *attr(const XML_Char **atts, const char *want)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(local(atts[i]), want) == 0)
            return atts[i + 1];
    return NULL;
}

/* A decimal attribute; false when absent or not a plain non-negative number below max. */
static bool attr_long(const XML_Char **atts, const char *want, long max, long *out)
{
    const char *v = attr(atts, want);
    if (!v || !*v)
        return false;
    long n = 0;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9' || n > max)
            return false;
        n = n * 10 + (*p - '0');
    }
    *out = n;
    return n <= max;
}

/* ---- relationships (_rels/.rels, xl/_rels/workbook.xml.rels) ---- */

static void free_rels(reader *r)
{
    for (size_t i = 0; i < r->rel_count; i++) {
        free(r->rels[i].id);
        free(r->rels[i].type);
        free(r->rels[i].target);
    }
    free(r->rels);
    r->rels = NULL;
    r->rel_count = 0;
}

static void rels_start(reader *r, const char *name, const XML_Char **atts)
{
    if (strcmp(name, "Relationship") != 0)
        return;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
    const char *mode = attr(atts, "TargetMode");
    if (!id || !type || !target)
        return;
    const char *slash = strrchr(type, '/');
    relation *grown = realloc(r->rels, (r->rel_count + 1) * sizeof *grown);
    if (!grown) {
        fail_nomem(r);
        return;
    }
    r->rels = grown;
    relation *rel = &r->rels[r->rel_count];
    rel->id = ps_strdup(id);
    rel->type = ps_strdup(slash ? slash + 1 : type);
    rel->target = ps_strdup(target);
    rel->external = mode && strcmp(mode, "External") == 0;
    r->rel_count++;
    if (!rel->id || !rel->type || !rel->target)
        fail_nomem(r);
}

static const relation *find_rel(const reader *r, const char *type, const char *id)
{
    for (size_t i = 0; i < r->rel_count; i++)
        if ((!type || strcmp(r->rels[i].type, type) == 0) && (!id || strcmp(r->rels[i].id, id) == 0))
            return &r->rels[i];
    return NULL;
}

/* ---- the workbook: its sheets in order, and its date system ---- */

static void workbook_start(reader *r, const char *name, const XML_Char **atts)
{
    if (strcmp(name, "workbookPr") == 0) {
        const char *v = attr(atts, "date1904");
        r->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
        return;
    }
    if (strcmp(name, "sheet") != 0)
        return;
    const char *sheet = attr(atts, "name"), *rid = attr(atts, "id"), *state = attr(atts, "state");
    if (!sheet || !rid)
        return;
    sheet_entry *grown = realloc(r->sheets, (r->sheet_count + 1) * sizeof *grown);
    if (!grown) {
        fail_nomem(r);
        return;
    }
    r->sheets = grown;
    sheet_entry *e = &r->sheets[r->sheet_count++];
    e->name = ps_strdup(sheet);
    e->rel_id = ps_strdup(rid);
    e->hidden = state && strcmp(state, "visible") != 0;
    if (!e->name || !e->rel_id)
        fail_nomem(r);
}

/* ---- text as OOXML writes it: _x001B_ stands for a character XML cannot hold ---- */

static int hex_digit(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* Decodes the _xHHHH_ escapes of text in place (each is 7 bytes, its character at most 3); returns the
 * new length. _x005F_ is a literal underscore, so _x005F_x0041_ stays _x0041_. */
static size_t unescape(char *text, size_t len)
{
    size_t out = 0, i = 0;
    while (i < len) {
        unsigned cp = 0;
        bool escape = i + 7 <= len && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_';
        for (size_t k = 2; escape && k < 6; k++) {
            int d = hex_digit(text[i + k]);
            escape = d >= 0;
            cp = cp * 16 + (unsigned)(d >= 0 ? d : 0);
        }
        if (!escape || (cp >= 0xD800 && cp <= 0xDFFF)) {
            text[out++] = text[i++];
            continue;
        }
        if (cp < 0x80) {
            text[out++] = (char)cp;
        } else if (cp < 0x800) {
            text[out++] = (char)(0xC0 | (cp >> 6));
            text[out++] = (char)(0x80 | (cp & 0x3F));
        } else {
            text[out++] = (char)(0xE0 | (cp >> 12));
            text[out++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            text[out++] = (char)(0x80 | (cp & 0x3F));
        }
        i += 7;
    }
    return out;
}

/* ---- shared strings: <si> holds <t>, or runs <r><t>; <rPh> is a phonetic reading, not the text ---- */

static void strings_start(reader *r, const char *name)
{
    if (strcmp(name, "si") == 0) {
        r->in_si = true;
        if (!ps_array_grow((void **)&r->string_at, &r->string_cap, r->string_count + 1,
                           sizeof *r->string_at)) {
            fail_nomem(r);
            return;
        }
        r->string_at[r->string_count] = r->strings.len;
        r->text.len = 0;
    } else if (r->in_si && strcmp(name, "rPh") == 0) {
        r->phonetic++;
    } else if (r->in_si && strcmp(name, "t") == 0) {
        r->in_t = true;
    }
}

static void strings_end(reader *r, const char *name)
{
    if (strcmp(name, "t") == 0) {
        r->in_t = false;
    } else if (strcmp(name, "rPh") == 0 && r->phonetic > 0) {
        r->phonetic--;
    } else if (strcmp(name, "si") == 0 && r->in_si) {
        r->in_si = false;
        size_t len = r->text.data ? unescape(r->text.data, r->text.len) : 0;
        ps_buf_append(&r->strings, r->text.data ? r->text.data : "", len);
        ps_buf_append(&r->strings, "", 1); /* each string NUL-terminated */
        if (r->strings.failed || r->text.failed) {
            fail_nomem(r);
            return;
        }
        r->string_count++;
    }
}

/* ---- styles: a number shows as a date, or as a percent, when its cell format's number format does ---- */

/* Excel's built-in formats: 9 and 10 are percents; 14-22, 45-47 and those of the East Asian versions dates
 * and times. */
static shown builtin_shown(long id)
{
    if (id == 9 || id == 10)
        return SHOWN_PERCENT;
    bool date =
        (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
    return date ? SHOWN_DATE : SHOWN_PLAIN;
}

/* How a format code shows a number: a date or a time when d, m, y, h or s stands outside quotes, brackets
 * and escapes; a percent when % does. */
static shown code_shown(const char *code)
{
    bool percent = false;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            const char *end = strchr(p + 1, '"');
            if (!end)
                return SHOWN_PLAIN;
            p = end;
        } else if (*p == '[') {
            const char *end = strchr(p + 1, ']');
            if (!end)
                return SHOWN_PLAIN;
            p = end;
        } else if ((*p == '\\' || *p == '_' || *p == '*') && p[1]) {
            p++;
        } else if (strchr("dDmMyYhHsS", *p)) {
            return SHOWN_DATE;
        } else if (*p == '%') {
            percent = true;
        }
    }
    return percent ? SHOWN_PERCENT : SHOWN_PLAIN;
}

static void styles_start(reader *r, const char *name, const XML_Char **atts)
{
    if (strcmp(name, "numFmts") == 0) {
        r->in_num_fmts = true;
    } else if (strcmp(name, "cellXfs") == 0) {
        r->in_cell_xfs = true;
    } else if (r->in_num_fmts && strcmp(name, "numFmt") == 0) {
        long id;
        const char *code = attr(atts, "formatCode");
        shown as = code ? code_shown(code) : SHOWN_PLAIN;
        if (!attr_long(atts, "numFmtId", 1000000, &id) || as == SHOWN_PLAIN)
            return;
        custom_format *grown = realloc(r->formats, (r->format_count + 1) * sizeof *grown);
        if (!grown) {
            fail_nomem(r);
            return;
        }
        r->formats = grown;
        r->formats[r->format_count++] = (custom_format){id, as};
    } else if (r->in_cell_xfs && strcmp(name, "xf") == 0) {
        long id = -1;
        attr_long(atts, "numFmtId", 1000000, &id);
        shown as = builtin_shown(id);
        for (size_t k = 0; k < r->format_count; k++)
            if (r->formats[k].id == id)
                as = r->formats[k].as;
        shown *grown = realloc(r->xf_shown, (r->xf_count + 1) * sizeof *grown);
        if (!grown) {
            fail_nomem(r);
            return;
        }
        r->xf_shown = grown;
        r->xf_shown[r->xf_count++] = as;
    }
}

static void styles_end(reader *r, const char *name)
{
    if (strcmp(name, "numFmts") == 0)
        r->in_num_fmts = false;
    else if (strcmp(name, "cellXfs") == 0)
        r->in_cell_xfs = false;
}

/* ---- cell values as text ---- */

/* days since 1970-01-01 as a date (H. Hinnant's civil_from_days) */
static void civil(long days, long *y, unsigned *m, unsigned *d)
{
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    unsigned long doe = (unsigned long)(days - era * 146097);
    unsigned long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned long mp = (5 * doy + 2) / 153;
    *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
    *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* A date cell as the text of its date (2023-09-30, with the time when it has one); false when the serial
 * is no date Excel shows. */
static bool date_text(double serial, bool date1904, char *buf, size_t size)
{
    if (!(serial >= 1 && serial < 2958466))
        return false;
    long days = (long)serial; /* positive: truncation is floor */
    double seconds = (serial - (double)days) * 86400.0;
    long secs = (long)seconds; /* rounded half up below, as lround does for a positive number */
    secs += seconds - (double)secs >= 0.5; /* exact: seconds < 2^52 */
    if (secs >= 86400) {
        days++;
        secs = 0;
    }
    long y;
    unsigned m, d;
    if (date1904) {
        civil(days - 24107, &y, &m, &d); /* serial 0 is 1904-01-01 */
    } else if (days == 60) {
        y = 1900, m = 2, d = 29; /* the day Lotus 1-2-3 invented, kept by Excel */
    } else {
        civil(days - (days > 60 ? 25569 : 25568), &y, &m, &d); /* serial 1 is 1900-01-01 */
    }
    int n = snprintf(buf, size, "%04ld-%02u-%02u", y, m, d);
    if (secs > 0 && n > 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, " %02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
    return true;
}

/* A number as the decimal a person typed: Excel keeps 15 significant digits of what was typed, so the
 * 17-digit double 61.200000000000003 is 61.2; never an exponent (1E-7 is 0.0000001). */
static void number_text(double v, char *buf, size_t size)
{
    if (v == 0)
        v = 0; /* no "-0" */
    snprintf(buf, size, "%.15g", v);
    const char *e = strchr(buf, 'e');
    if (!e)
        return;
    int exponent = atoi(e + 1);
    if (exponent >= 0) {
        snprintf(buf, size, "%.0f", v);
        return;
    }
    snprintf(buf, size, "%.*f", 14 - exponent, v);
    size_t n = strlen(buf);
    while (n > 1 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 1 && buf[n - 1] == '.')
        buf[--n] = '\0';
}

/* Whether a number's text is a plain decimal of at most 15 digits (48.5, -3, 0.25): Excel shows it as it is,
 * so it needs no trip through a double. */
static bool short_decimal(const char *v, size_t n)
{
    size_t i = v[0] == '-' ? 1 : 0, digits = 0;
    bool point = false;
    for (; i < n; i++) {
        if (v[i] >= '0' && v[i] <= '9')
            digits++;
        else if (v[i] == '.' && !point && digits > 0)
            point = true;
        else
            return false;
    }
    return digits > 0 && digits <= 15 && v[n - 1] != '.';
}

/* ---- the worksheet: rows of cells, the header, the facts above it ---- */

static const char *column_name(const reader *r, long col, char *buf, size_t size)
{
    if (r->seen_header && col >= r->first_col && col <= r->last_col &&
        r->header[col - r->first_col][0] != '\0')
        return r->header[col - r->first_col];
    ps_column_letters(col, buf, size);
    return buf;
}

/* Places an error of the sheet's rows in the sheet (bao-cao.xlsx:Sheet1!C5). */
static void in_sheet(reader *r)
{
    if (r->status == PS_ERR_INPUT)
        ps_error_set_sheet(r->err, r->sheet);
}

static void take_status(reader *r, ps_status st)
{
    if (st == PS_ERR_NOMEM)
        fail_nomem(r);
    else if (st != PS_OK && r->status == PS_OK)
        r->status = st;
    if (st != PS_OK && r->xml)
        r->xf.XML_StopParser(r->xml, XML_FALSE);
}

/* The row's cells from first to last column as fields; a column with no cell is an empty field. */
static ps_status deliver(reader *r, long first, long last, bool header)
{
    size_t count = (size_t)(last - first + 1);
    ps_table_field *fields = calloc(count, sizeof *fields);
    if (!fields)
        return PS_ERR_NOMEM;
    for (size_t i = 0; i < count; i++) {
        fields[i].text = "";
        fields[i].line = r->row;
        fields[i].column = first + (long)i;
    }
    for (size_t k = 0; k < r->slot_count; k++) {
        ps_table_field *f = &fields[r->slots[k].col - first];
        f->text = r->cells.data + r->slots[k].offset;
        f->len = r->slots[k].len;
    }
    ps_table_row row = {fields, count, r->row};
    ps_status st = PS_OK;
    if (header) {
        r->header = calloc(count, sizeof *r->header);
        st = r->header ? PS_OK : PS_ERR_NOMEM;
        r->header_count = r->header ? count : 0;
        for (size_t i = 0; i < count && st == PS_OK; i++)
            if (ps_text_nfc(fields[i].text, fields[i].len, &r->header[i]) != PS_OK)
                st = PS_ERR_NOMEM;
        if (st == PS_OK)
            st = r->handler->header(r->handler->ctx, &row, r->err);
    } else {
        st = r->handler->row(r->handler->ctx, &row, r->err);
    }
    free(fields);
    return st;
}

static void row_end(reader *r)
{
    if (r->slot_count == 0 || r->status != PS_OK)
        return;
    const cell_slot *first = &r->slots[0], *last = &r->slots[r->slot_count - 1];
    ps_status st = PS_OK;
    if (!r->seen_header && r->cells.data[first->offset] == '#') {
        /* a fact above the table, as a CSV's comment line: its first cell alone */
        st = ps_table_meta_line(r->handler, r->cells.data + first->offset, first->len, r->row, r->err);
    } else if (!r->seen_header) {
        r->first_col = first->col;
        r->last_col = last->col;
        r->seen_header = true;
        st = deliver(r, first->col, last->col, true);
    } else {
        bool blank = true;
        for (size_t k = 0; k < r->slot_count && r->status == PS_OK; k++) {
            const cell_slot *s = &r->slots[k];
            for (size_t i = 0; i < s->len && blank; i++)
                blank = r->cells.data[s->offset + i] == ' ' || r->cells.data[s->offset + i] == '\t';
            if (s->col < r->first_col || s->col > r->last_col) {
                char from[16], to[16];
                ps_column_letters(r->first_col, from, sizeof from);
                ps_column_letters(r->last_col, to, sizeof to);
                fail(r, PS_MSG_XLSX_OUTSIDE_TABLE, r->row, s->col, from, to, NULL);
            }
        }
        if (r->status != PS_OK)
            return;
        if (blank) /* rows of spaces, as below a table, carry nothing */
            return;
        r->last_line = r->row;
        st = deliver(r, r->first_col, r->last_col, false);
    }
    take_status(r, st);
}

/* The cell just read as text: the shared string it names, its inline string, its number (or its date),
 * TRUE or FALSE, or the error it shows (#DIV/0!). false (with the error set) when it cannot be read. */
static bool cell_value(reader *r, const char **text, size_t *len, char *buf, size_t size)
{
    const char *t = r->cell_type;
    char *v = r->text.data ? r->text.data : (char *)"";
    size_t n = r->text.len;
    *text = v;
    *len = n;
    char namebuf[16];
    bool number = t[0] == '\0' || strcmp(t, "n") == 0;
    if (r->has_f && (!r->has_v || (number && n == 0))) {
        fail(r, PS_MSG_XLSX_NO_VALUE, r->row, r->col, column_name(r, r->col, namebuf, sizeof namebuf), NULL,
             NULL);
        return false;
    }
    if (strcmp(t, "s") == 0) {
        long index = 0;
        bool ok = n > 0 && n < 12;
        for (size_t i = 0; i < n && ok; i++) {
            ok = v[i] >= '0' && v[i] <= '9';
            index = index * 10 + (v[i] - '0');
        }
        if (!ok || (size_t)index >= r->string_count) {
            fail_corrupt(r);
            return false;
        }
        size_t at = r->string_at[index];
        *text = r->strings.data + at;
        *len = strlen(*text);
    } else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
        *len = unescape(v, n);
    } else if (strcmp(t, "b") == 0) {
        if (n != 1 || (v[0] != '0' && v[0] != '1')) {
            fail_corrupt(r);
            return false;
        }
        *text = v[0] == '1' ? "TRUE" : "FALSE";
        *len = strlen(*text);
    } else if (number && n > 0) {
        shown as = r->cell_style >= 0 && (size_t)r->cell_style < r->xf_count ? r->xf_shown[r->cell_style]
                                                                             : SHOWN_PLAIN;
        if (as == SHOWN_PLAIN && short_decimal(v, n))
            return true; /* the text is the decimal typed (most writers write the shortest form) */
        char *end;
        double d = strtod(v, &end);
        while (*end == ' ')
            end++;
        if (*end != '\0' || !isfinite(d)) {
            fail_corrupt(r);
            return false;
        }
        if (as == SHOWN_PERCENT) { /* 53,48% typed is 0.5348 kept: the cell shows, and means, 53.48% */
            number_text(d * 100, buf, size - 1);
            strcat(buf, "%");
        } else if (as != SHOWN_DATE || !date_text(d, r->date1904, buf, size)) {
            number_text(d, buf, size);
        }
        *text = buf;
        *len = strlen(buf);
    }
    /* "e" (an error such as #DIV/0!) and "d" (an ISO 8601 date) are the text they hold */
    return true;
}

static void cell_end(reader *r)
{
    char buf[400];
    const char *text;
    size_t len;
    if (r->text.failed) {
        fail_nomem(r);
        return;
    }
    if (!cell_value(r, &text, &len, buf, sizeof buf) || len == 0)
        return;
    char namebuf[16];
    if (len > PS_LIMIT_FIELD_BYTES) {
        char limit[32];
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_FIELD_BYTES);
        fail(r, PS_MSG_FIELD_TOO_LONG, r->row, r->col, limit, NULL, NULL);
        return;
    }
    if (r->col > PS_LIMIT_COLUMNS) {
        char limit[32];
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_COLUMNS);
        fail(r, PS_MSG_TOO_MANY_COLUMNS, r->row, r->col, limit, NULL, NULL);
        return;
    }
    int32_t cp;
    size_t unsafe = ps_text_find_unsafe(text, len, &cp);
    if (unsafe < len) { /* it could drive a terminal, or reorder what a report shows */
        char code[16];
        snprintf(code, sizeof code, "U+%04X", (unsigned)cp);
        fail(r, PS_MSG_CONTROL_CHAR, r->row, r->col, column_name(r, r->col, namebuf, sizeof namebuf), code,
             NULL);
        return;
    }
    if (!ps_array_grow((void **)&r->slots, &r->slot_cap, r->slot_count + 1, sizeof *r->slots)) {
        fail_nomem(r);
        return;
    }
    r->slots[r->slot_count++] = (cell_slot){r->col, r->cells.len, len};
    ps_buf_append(&r->cells, text, len);
    ps_buf_append(&r->cells, "", 1);
    if (r->cells.failed)
        fail_nomem(r);
}

/* "C5": the column of a cell reference, 0 when it is not one. */
static long ref_column(const char *ref)
{
    long col = 0;
    size_t i = 0;
    for (; ref[i] >= 'A' && ref[i] <= 'Z' && i < 4; i++)
        col = col * 26 + (ref[i] - 'A' + 1);
    bool digits = ref[i] >= '1' && ref[i] <= '9';
    while (ref[i] >= '0' && ref[i] <= '9')
        i++;
    return i > 0 && digits && ref[i] == '\0' && col <= EXCEL_MAX_COL ? col : 0;
}

static void sheet_start(reader *r, const char *name, const XML_Char **atts)
{
    if (strcmp(name, "sheetData") == 0) {
        r->in_sheet_data = true;
        return;
    }
    if (!r->in_sheet_data)
        return;
    if (strcmp(name, "row") == 0) {
        long at;
        if (attr(atts, "r") && !attr_long(atts, "r", EXCEL_MAX_ROW, &at)) {
            fail_corrupt(r);
            return;
        }
        if (!attr(atts, "r"))
            at = r->row + 1;
        if (at <= r->row || at < 1) { /* rows go down the sheet, each once */
            fail_corrupt(r);
            return;
        }
        r->row = at;
        r->col = 0;
        r->slot_count = 0;
        r->cells.len = 0;
    } else if (strcmp(name, "c") == 0) {
        const char *ref = attr(atts, "r"), *type = attr(atts, "t");
        long col = ref ? ref_column(ref) : r->col + 1;
        if (col <= r->col || col > EXCEL_MAX_COL || r->row == 0 ||
            (type && strlen(type) >= sizeof r->cell_type)) {
            fail_corrupt(r);
            return;
        }
        r->col = col;
        snprintf(r->cell_type, sizeof r->cell_type, "%s", type ? type : "");
        if (!attr_long(atts, "s", 1000000, &r->cell_style))
            r->cell_style = -1;
        r->in_cell = true;
        r->has_v = r->has_f = r->in_v = r->in_is = r->in_t = false;
        r->phonetic = 0;
        r->text.len = 0;
    } else if (r->in_cell && strcmp(name, "v") == 0) {
        r->in_v = r->has_v = true;
    } else if (r->in_cell && strcmp(name, "f") == 0) {
        r->has_f = true;
    } else if (r->in_cell && strcmp(name, "is") == 0) {
        r->in_is = r->has_v = true;
    } else if (r->in_is && strcmp(name, "rPh") == 0) {
        r->phonetic++;
    } else if (r->in_is && strcmp(name, "t") == 0) {
        r->in_t = true;
    }
}

static void sheet_end(reader *r, const char *name)
{
    if (strcmp(name, "sheetData") == 0) {
        r->in_sheet_data = false;
    } else if (!r->in_sheet_data) {
        return;
    } else if (strcmp(name, "row") == 0) {
        row_end(r);
        r->slot_count = 0;
        r->cells.len = 0;
    } else if (strcmp(name, "c") == 0 && r->in_cell) {
        r->in_cell = false;
        cell_end(r);
    } else if (strcmp(name, "v") == 0) {
        r->in_v = false;
    } else if (strcmp(name, "is") == 0) {
        r->in_is = false;
    } else if (strcmp(name, "rPh") == 0 && r->phonetic > 0) {
        r->phonetic--;
    } else if (strcmp(name, "t") == 0) {
        r->in_t = false;
    }
}

/* ---- expat's callbacks ---- */

static void XMLCALL on_start(void *ctx, const XML_Char *qname, const XML_Char **atts)
{
    reader *r = ctx;
    if (r->status != PS_OK)
        return;
    const char *name = local(qname);
    switch (r->kind) {
    case PART_RELS:
        rels_start(r, name, atts);
        break;
    case PART_WORKBOOK:
        workbook_start(r, name, atts);
        break;
    case PART_STRINGS:
        strings_start(r, name);
        break;
    case PART_STYLES:
        styles_start(r, name, atts);
        break;
    case PART_SHEET:
        sheet_start(r, name, atts);
        break;
    }
}

static void XMLCALL on_end(void *ctx, const XML_Char *qname)
{
    reader *r = ctx;
    if (r->status != PS_OK)
        return;
    const char *name = local(qname);
    if (r->kind == PART_STRINGS)
        strings_end(r, name);
    else if (r->kind == PART_STYLES)
        styles_end(r, name);
    else if (r->kind == PART_SHEET)
        sheet_end(r, name);
}

static void XMLCALL on_text(void *ctx, const XML_Char *s, int len)
{
    reader *r = ctx;
    if (r->status != PS_OK)
        return;
    bool keep = r->kind == PART_STRINGS ? r->in_si && r->in_t && !r->phonetic
                : r->kind == PART_SHEET ? r->in_cell && (r->in_v || (r->in_is && r->in_t && !r->phonetic))
                                        : false;
    if (!keep)
        return;
    /* one cell's text is bounded here, before a hostile cell could grow it without end */
    if (r->kind == PART_SHEET && r->text.len + (size_t)len > (size_t)PS_LIMIT_FIELD_BYTES * 7 + 16) {
        char limit[32];
        snprintf(limit, sizeof limit, "%d", PS_LIMIT_FIELD_BYTES);
        fail(r, PS_MSG_FIELD_TOO_LONG, r->row, r->col, limit, NULL, NULL);
        return;
    }
    ps_buf_append(&r->text, s, (size_t)len);
    if (r->text.failed)
        fail_nomem(r);
}

/* Any DTD: workbooks never have one, and it is how entity expansion (billion laughs) and external
 * entities get in. Reading stops at its first line. */
static void XMLCALL on_doctype(void *ctx, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                               int internal)
{
    (void)name, (void)sysid, (void)pubid, (void)internal;
    reader *r = ctx;
    r->in_doctype = true;
    fail(r, PS_MSG_XLSX_DTD, 0, 0, r->part, NULL, NULL);
}

static void XMLCALL on_entity(void *ctx, const XML_Char *name, int parameter, const XML_Char *value,
                              int value_len, const XML_Char *base, const XML_Char *sysid,
                              const XML_Char *pubid, const XML_Char *notation)
{
    (void)name, (void)parameter, (void)value, (void)value_len, (void)base, (void)sysid, (void)pubid,
        (void)notation;
    reader *r = ctx;
    fail(r, PS_MSG_XLSX_DTD, 0, 0, r->part, NULL, NULL);
}

/* ---- the archive ---- */

static ps_status zip_failure(reader *r, int code)
{
    if (code == ZIP_ER_MEMORY)
        return fail_nomem(r);
    return fail_corrupt(r);
}

/* Reads a part of the archive through expat; a part that is absent is an error when required. */
static ps_status read_part(reader *r, const char *part, part_kind kind, long long limit, bool required,
                           bool *found)
{
    r->part = part;
    r->kind = kind;
    if (found)
        *found = false;
    zip_int64_t index = r->zf.zip_name_locate(r->zip, part, ZIP_FL_NOCASE);
    if (index < 0) {
        if (required)
            return fail(r, PS_MSG_XLSX_PART_MISSING, 0, 0, part, NULL, NULL);
        return PS_OK;
    }
    if (found)
        *found = true;
    zip_stat_t st;
    r->zf.zip_stat_init(&st);
    if (r->zf.zip_stat_index(r->zip, (zip_uint64_t)index, 0, &st) != 0)
        return zip_failure(r, r->zf.zip_error_code_zip(r->zf.zip_get_error(r->zip)));
    char size[32], max[32];
    snprintf(max, sizeof max, "%lld", limit);
    if ((st.valid & ZIP_STAT_SIZE) && st.size > (zip_uint64_t)limit) { /* before a byte is inflated */
        snprintf(size, sizeof size, "%llu", (unsigned long long)st.size);
        return fail(r, PS_MSG_XLSX_PART_TOO_LARGE, 0, 0, part, size, max);
    }
    /* Excel writes stored and deflated parts only; anything else is not a workbook's */
    if (!(st.valid & ZIP_STAT_COMP_METHOD) ||
        (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE) ||
        ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE))
        return fail_corrupt(r);
    zip_file_t *file = r->zf.zip_fopen_index(r->zip, (zip_uint64_t)index, 0);
    if (!file)
        return zip_failure(r, r->zf.zip_error_code_zip(r->zf.zip_get_error(r->zip)));
    xml_alloc_failed = false;
    r->xml = r->xf.XML_ParserCreate_MM(NULL, &memory, " ");
    char *chunk = malloc(CHUNK_BYTES);
    if (!r->xml || !chunk) {
        fail_nomem(r);
    } else {
        r->xf.XML_SetUserData(r->xml, r);
        r->xf.XML_SetElementHandler(r->xml, on_start, on_end);
        r->xf.XML_SetCharacterDataHandler(r->xml, on_text);
        r->xf.XML_SetStartDoctypeDeclHandler(r->xml, on_doctype);
        r->xf.XML_SetEntityDeclHandler(r->xml, on_entity);
        r->xf.XML_SetParamEntityParsing(r->xml, XML_PARAM_ENTITY_PARSING_NEVER);
    }
    long long total = 0;
    while (r->status == PS_OK) {
        zip_int64_t n = r->zf.zip_fread(file, chunk, CHUNK_BYTES);
        if (n < 0) { /* a damaged stream, or a CRC that does not match */
            zip_failure(r, r->zf.zip_error_code_zip(r->zf.zip_file_get_error(file)));
            break;
        }
        total += n;
        if (total > limit) { /* the size it declared was a lie */
            snprintf(size, sizeof size, "%lld", total);
            fail(r, PS_MSG_XLSX_PART_TOO_LARGE, 0, 0, part, size, max);
            break;
        }
        if (r->xf.XML_Parse(r->xml, chunk, (int)n, n == 0) != XML_STATUS_OK && r->status == PS_OK) {
            enum XML_Error code = r->xf.XML_GetErrorCode(r->xml);
            if (code == XML_ERROR_NO_MEMORY || xml_alloc_failed) {
                fail_nomem(r);
            } else {
                char line[32], col[32];
                snprintf(line, sizeof line, "%lu", (unsigned long)r->xf.XML_GetCurrentLineNumber(r->xml));
                snprintf(col, sizeof col, "%lu", (unsigned long)r->xf.XML_GetCurrentColumnNumber(r->xml) + 1);
                fail(r, PS_MSG_XLSX_XML, 0, 0, part, line, col);
            }
        }
        if (n == 0)
            break;
    }
    free(chunk);
    if (r->xml)
        r->xf.XML_ParserFree(r->xml);
    r->xml = NULL;
    r->zf.zip_fclose(file);
    return r->status;
}

/* A relationship's target as a part name: from the folder of the part that names it (xl/ for
 * xl/workbook.xml), or from the root when it starts with '/'. Nothing may lead outside the archive. */
static ps_status resolve(reader *r, const char *from, const relation *rel, char **out)
{
    *out = NULL;
    const char *slash = strrchr(from, '/');
    size_t base = rel->target[0] == '/' ? 0 : slash ? (size_t)(slash - from) + 1 : 0;
    size_t cap = base + strlen(rel->target) + 1;
    char *path = malloc(cap);
    if (!path)
        return fail_nomem(r);
    memcpy(path, from, base);
    size_t n = base;
    const char *t = rel->target;
    bool bad = rel->external;
    while (*t && !bad) {
        while (*t == '/')
            t++;
        size_t seg = strcspn(t, "/\\");
        if (t[seg] == '\\')
            bad = true;
        else if (seg == 2 && t[0] == '.' && t[1] == '.') {
            if (n == 0)
                bad = true; /* above the archive's root */
            else {
                n--; /* the folder's slash */
                while (n > 0 && path[n - 1] != '/')
                    n--;
            }
        } else if (seg > 0 && !(seg == 1 && t[0] == '.')) {
            memcpy(path + n, t, seg);
            n += seg;
            if (t[seg] == '/')
                path[n++] = '/';
        }
        t += seg;
    }
    path[n] = '\0';
    if (bad || n == 0 || strchr(path, ':')) {
        free(path);
        return fail(r, PS_MSG_XLSX_BAD_PATH, 0, 0, rel->target, NULL, NULL);
    }
    *out = path;
    return PS_OK;
}

/* The worksheet to read: the one named (NFC, case folded, as Excel compares names), else the first visible.
 */
static ps_status choose_sheet(reader *r, const char *wanted, const sheet_entry **chosen)
{
    *chosen = NULL;
    char *want = NULL;
    if (wanted && ps_text_fold(wanted, strlen(wanted), &want) == PS_ERR_NOMEM)
        return fail_nomem(r);
    ps_buf names;
    ps_buf_init(&names);
    const sheet_entry *first_hidden = NULL;
    for (size_t i = 0; i < r->sheet_count && !*chosen && r->status == PS_OK; i++) {
        const sheet_entry *s = &r->sheets[i];
        const relation *rel = find_rel(r, NULL, s->rel_id);
        if (!rel || strcmp(rel->type, "worksheet") != 0)
            continue; /* a chart sheet, or a dangling entry */
        ps_buf_printf(&names, "%s%s", names.len ? ", " : "", s->name);
        if (!wanted) {
            if (!s->hidden)
                *chosen = s;
            else if (!first_hidden)
                first_hidden = s;
            continue;
        }
        char *name;
        ps_status st = ps_text_fold(s->name, strlen(s->name), &name);
        if (st == PS_ERR_NOMEM) {
            fail_nomem(r);
            break;
        }
        if (st == PS_OK && want && strcmp(name, want) == 0)
            *chosen = s;
        free(name);
    }
    if (!*chosen && !wanted)
        *chosen = first_hidden;
    if (names.failed)
        fail_nomem(r);
    if (r->status == PS_OK && !*chosen) {
        if (wanted)
            fail(r, PS_MSG_XLSX_NO_SHEET, 0, 0, wanted, names.data ? names.data : "", NULL);
        else
            fail(r, PS_MSG_XLSX_NO_WORKSHEET, 0, 0, NULL, NULL, NULL);
    }
    free(want);
    ps_buf_free(&names);
    return r->status;
}

static ps_status read_workbook(reader *r, const char *wanted)
{
    /* the package's relationships say where the workbook is */
    if (read_part(r, "_rels/.rels", PART_RELS, PS_LIMIT_XLSX_PART_BYTES, true, NULL) != PS_OK)
        return r->status;
    const relation *doc = find_rel(r, "officeDocument", NULL);
    if (!doc)
        return fail(r, PS_MSG_XLSX_PART_MISSING, 0, 0, "xl/workbook.xml", NULL, NULL);
    char *book = NULL, *rels = NULL, *sheet = NULL, *strings = NULL, *styles = NULL;
    if (resolve(r, "", doc, &book) != PS_OK)
        return r->status;
    free_rels(r);
    const char *slash = strrchr(book, '/');
    size_t dir = slash ? (size_t)(slash - book) + 1 : 0;
    size_t size = strlen(book) + sizeof "_rels/.rels";
    rels = malloc(size);
    if (!rels) {
        free(book);
        return fail_nomem(r);
    }
    snprintf(rels, size, "%.*s_rels/%s.rels", (int)dir, book, book + dir);
    const sheet_entry *chosen = NULL;
    bool found;
    if (read_part(r, book, PART_WORKBOOK, PS_LIMIT_XLSX_PART_BYTES, true, NULL) == PS_OK &&
        read_part(r, rels, PART_RELS, PS_LIMIT_XLSX_PART_BYTES, true, NULL) == PS_OK &&
        choose_sheet(r, wanted, &chosen) == PS_OK) {
        const relation *rs = find_rel(r, "sharedStrings", NULL), *st = find_rel(r, "styles", NULL);
        const relation *ws = find_rel(r, NULL, chosen->rel_id);
        if (resolve(r, book, ws, &sheet) == PS_OK && (!rs || resolve(r, book, rs, &strings) == PS_OK) &&
            (!st || resolve(r, book, st, &styles) == PS_OK)) {
            r->sheet = chosen->name;
            if (strings)
                read_part(r, strings, PART_STRINGS, PS_LIMIT_XLSX_STRINGS_BYTES, false, &found);
            if (styles && r->status == PS_OK)
                read_part(r, styles, PART_STYLES, PS_LIMIT_XLSX_PART_BYTES, false, &found);
            if (r->status == PS_OK) {
                read_part(r, sheet, PART_SHEET, PS_LIMIT_XLSX_SHEET_BYTES, true, NULL);
                if (r->status == PS_OK && !r->seen_header)
                    fail(r, PS_MSG_EMPTY, 0, 0, NULL, NULL, NULL);
                else if (r->status == PS_OK && r->handler->end)
                    take_status(r, r->handler->end(r->handler->ctx, r->last_line, r->err));
                in_sheet(r);
            }
        }
    }
    free(book);
    free(rels);
    free(sheet);
    free(strings);
    free(styles);
    return r->status;
}

bool ps_xlsx_looks_like(const char *data, size_t len)
{
    return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

bool ps_xls_looks_like(const char *data, size_t len)
{
    return len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

ps_status ps_xlsx_read_buffer(const char *data, size_t len, const char *name, const char *sheet,
                              const ps_table_handler *handler, ps_error *err)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.name = name;
    r.handler = handler;
    r.err = err;
    ps_buf_init(&r.strings);
    ps_buf_init(&r.text);
    ps_buf_init(&r.cells);
    size_t warnings_before = handler->warnings ? handler->warnings->count : 0;
    char reason[256];
    if (ps_dl_bind(PARSCORE_LIBZIP_SONAME, zip_function_list,
                   sizeof zip_function_list / sizeof *zip_function_list, &r.zf, reason,
                   sizeof reason) != PS_OK) {
        ps_error_set(err, PS_MSG_LIBRARY, name, 0, 0, PARSCORE_LIBZIP_SONAME, reason, NULL);
        return PS_ERR_IO;
    }
    if (ps_dl_bind(PARSCORE_EXPAT_SONAME, expat_function_list,
                   sizeof expat_function_list / sizeof *expat_function_list, &r.xf, reason,
                   sizeof reason) != PS_OK) {
        ps_error_set(err, PS_MSG_LIBRARY, name, 0, 0, PARSCORE_EXPAT_SONAME, reason, NULL);
        return PS_ERR_IO;
    }
    zip_error_t zerr;
    r.zf.zip_error_init(&zerr);
    zip_source_t *source = r.zf.zip_source_buffer_create(data, len, 0, &zerr);
    if (source) {
        r.zip = r.zf.zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
        if (!r.zip) {
            r.zf.zip_source_free(source);
            if (r.zf.zip_error_code_zip(&zerr) == ZIP_ER_MEMORY)
                fail_nomem(&r);
            else
                fail(&r, PS_MSG_XLSX_NOT_ZIP, 0, 0, NULL, NULL, NULL);
        }
    } else {
        fail_nomem(&r);
    }
    r.zf.zip_error_fini(&zerr);
    if (r.zip) {
        read_workbook(&r, sheet);
        r.zf.zip_discard(r.zip);
    }
    /* the warnings the loader gave about this sheet name it too */
    for (size_t i = warnings_before; r.sheet && handler->warnings && i < handler->warnings->count; i++)
        ps_error_set_sheet(&handler->warnings->items[i], r.sheet);
    free_rels(&r);
    for (size_t i = 0; i < r.sheet_count; i++) {
        free(r.sheets[i].name);
        free(r.sheets[i].rel_id);
    }
    free(r.sheets);
    ps_buf_free(&r.strings);
    free(r.string_at);
    free(r.formats);
    free(r.xf_shown);
    ps_buf_free(&r.text);
    ps_buf_free(&r.cells);
    free(r.slots);
    for (size_t i = 0; i < r.header_count; i++)
        free(r.header[i]);
    free(r.header);
    return r.status;
}
