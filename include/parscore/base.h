/* parscore base: fixed-point numbers, statuses, languages, errors and warnings, and output buffers. */
#ifndef PARSCORE_BASE_H
#define PARSCORE_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A number in millionths: exact for every value people type, so 2-decimal output has no float artefacts. */
typedef int64_t ps_num;
#define PS_NUM_SCALE INT64_C(1000000)

typedef enum {
    PS_OK = 0,
    PS_ERR_INPUT, /* the input is wrong: the error says where and why */
    PS_ERR_IO,    /* reading or writing failed */
    PS_ERR_NOMEM
} ps_status;

typedef enum { PS_LANG_VI = 0, PS_LANG_EN = 1 } ps_lang;

/* Every message the core can give; the text of each, in both languages, is in ps_error_format. */
typedef enum {
    PS_MSG_NONE = 0,
    PS_MSG_NOMEM,
    PS_MSG_OPEN, /* {0}: system reason */
    PS_MSG_READ, /* {0}: system reason */
    PS_MSG_IS_DIRECTORY,
    PS_MSG_EMPTY,
    PS_MSG_HEADER_ONLY,
    PS_MSG_NO_SCORES,
    PS_MSG_UTF16,
    PS_MSG_INVALID_UTF8, /* {0}: column name */
    PS_MSG_NUL_BYTE,     /* {0}: column name */
    PS_MSG_UNCLOSED_QUOTE,
    PS_MSG_BAD_QUOTE,
    PS_MSG_FIELD_TOO_LONG,   /* {0}: limit in bytes */
    PS_MSG_TOO_MANY_COLUMNS, /* {0}: limit */
    PS_MSG_TOO_MANY_ROWS,    /* {0}: limit */
    PS_MSG_LINE_TOO_LONG,    /* {0}: limit in bytes */
    PS_MSG_RAGGED_ROW,       /* {0}: fields in row, {1}: fields in header */
    PS_MSG_MISSING_COLUMN,   /* {0}: column name(s) */
    PS_MSG_DUPLICATE_COLUMN, /* {0}: column name */
    PS_MSG_EMPTY_COLUMN_NAME,
    PS_MSG_UNKNOWN_COLUMN,   /* warning; {0}: column name */
    PS_MSG_MISSING_VALUE,    /* {0}: column name */
    PS_MSG_NOT_A_NUMBER,     /* {0}: column name, {1}: value */
    PS_MSG_NUMBER_TOO_LARGE, /* {0}: column name, {1}: value */
    PS_MSG_PERCENT_RANGE,    /* {0}: column name, {1}: value */
    PS_MSG_NEGATIVE,         /* {0}: column name, {1}: value */
    PS_MSG_POINTS_OVER_MAX,  /* {0}: value, {n}: max points, {2}: id */
    PS_MSG_POINTS_PERCENT,   /* {0}: value */
    PS_MSG_POINTS_NO_MAX,    /* {0}: id */
    PS_MSG_SCORE_AND_POINTS, /* {0}: id */
    PS_MSG_UNKNOWN_ID,       /* {0}: id */
    PS_MSG_DUPLICATE_ID,     /* {0}: id, {1}: line of the first one */
    PS_MSG_TOTAL_IS_COMPUTED,
    PS_MSG_BAD_ID,            /* {0}: id */
    PS_MSG_BAD_KIND,          /* {0}: value */
    PS_MSG_BAD_TARGET,        /* {0}: column name, {1}: value */
    PS_MSG_BAD_RANK,          /* {0}: column name, {1}: value */
    PS_MSG_MAX_POINTS_RANGE,  /* {0}: value */
    PS_MSG_MAX_POINTS_NEEDED, /* {0}: id */
    PS_MSG_MAX_POINTS_SUM,    /* {0}: limit */
    PS_MSG_PLAN_TOTAL_ROWS,   /* {0}: how many total rows */
    PS_MSG_PLAN_NO_CRITERIA,
    PS_MSG_BAD_META,        /* {0}: key, {1}: value */
    PS_MSG_INPUT_TOO_LARGE, /* {0}: limit in bytes */
    PS_MSG_BAD_BYTE,        /* {0}: what: "NUL" or "UTF-8" */
    PS_MSG_JSON_SYNTAX,
    PS_MSG_JSON_TRUNCATED,
    PS_MSG_JSON_TRAILING,
    PS_MSG_JSON_DEPTH,         /* {0}: limit */
    PS_MSG_JSON_DUPLICATE_KEY, /* {0}: key, {1}: line of the first one */
    PS_MSG_JSON_TYPE,          /* {0}: where, {1}: expected, {2}: found */
    PS_MSG_JSON_MISSING_KEY,   /* {0}: key */
    PS_MSG_CHECK_UNKNOWN_ID,   /* {0}: id */
    PS_MSG_CHECK_NO_TARGET,    /* {0}: id */
    PS_MSG_NO_UNIT,            /* the plan names no unit */
    PS_MSG_PEER_DUPLICATE,     /* {0}: unit, {1}: line of the first one */
    PS_MSG_PEER_NO_SUBJECT,    /* {0}: unit */
    PS_MSG_PEER_TOO_FEW,
    PS_MSG_CHECK_NO_PEERS,    /* {0}: id */
    PS_MSG_TOO_MANY_CRITERIA, /* {0}: limit */
    PS_MSG_JSON_CONTROL,
    PS_MSG_JSON_NUL_ESCAPE,
    PS_MSG_JSON_EMPTY,
    PS_MSG_NO_ROWS,          /* {0}: JSON path of the empty array */
    PS_MSG_FILE_CHANGED,     /* {0}: bytes at opening, {1}: bytes read */
    PS_MSG_TOO_MANY_PERIODS, /* {0}: limit */
    PS_MSG_PEER_COUNT,       /* warning; {0}: units in the file, {1}: units the plan ranks among */
    PS_MSG_JSON_SURROGATE,
    PS_MSG_PARENT_MISSING,        /* {0}: id */
    PS_MSG_PARENT_NOT_SUB,        /* {0}: id */
    PS_MSG_PARENT_UNKNOWN,        /* {0}: the parent named */
    PS_MSG_PARENT_KIND,           /* {0}: the parent, {1}: its kind */
    PS_MSG_PARENT_CYCLE,          /* {0}: the parent, {1}: the cycle */
    PS_MSG_SUB_TOO_DEEP,          /* {0}: id, {1}: the limit */
    PS_MSG_SUB_MAX_NEEDED,        /* {0}: id */
    PS_MSG_MAX_POINTS_CHILDREN,   /* {0}: id, {3}: its max points, {4}: its children's */
    PS_MSG_APPRAISED_NO_MAX,      /* {0}: id */
    PS_MSG_SCORED_TWICE,          /* {0}: this id, {1}: the other, {2}: the other's line */
    PS_MSG_CONTROL_CHAR,          /* {0}: column name, {1}: the character, U+XXXX */
    PS_MSG_PRELUDE_TOO_LONG,      /* {0}: limit in bytes */
    PS_MSG_CHECK_RANK_NOT_JUDGED, /* {0}: id, {1}: units in the peers, {2}: units the plan ranks among */
    PS_MSG_PERIOD_OTHER_YEAR,     /* {0}: period, {1}: its year, {2}: the plan's */
    PS_MSG_PERIOD_REPEATED,       /* {0}: period, {1}: the other's period, {2}: the other's file */
    PS_MSG_CSV_CODE_PAGE,         /* {0}: column name */
    PS_MSG_NOT_CP1258,            /* {0}: the byte, 0xXX */
    PS_MSG_XLS_OLD,
    PS_MSG_XLSX_NOT_ZIP,
    PS_MSG_XLSX_CORRUPT,        /* {0}: the part of the archive, or "" */
    PS_MSG_XLSX_PART_MISSING,   /* {0}: the part */
    PS_MSG_XLSX_PART_TOO_LARGE, /* {0}: the part, {1}: its size, {2}: the limit */
    PS_MSG_XLSX_XML,            /* {0}: the part, {1}: line, {2}: column in it */
    PS_MSG_XLSX_DTD,            /* {0}: the part */
    PS_MSG_XLSX_BAD_PATH,       /* {0}: the path named */
    PS_MSG_XLSX_NO_SHEET,       /* {0}: the sheet asked for, {1}: the workbook's worksheets */
    PS_MSG_XLSX_NO_WORKSHEET,
    PS_MSG_XLSX_NO_VALUE,      /* {0}: column name */
    PS_MSG_XLSX_OUTSIDE_TABLE, /* {0}: the header's first column, {1}: its last (letters) */
    PS_MSG_JSON_TOO_LARGE,     /* {0}: limit in bytes */
    PS_MSG_JSON_COPY,          /* {0}: system reason */
    PS_MSG_LIBRARY,            /* {0}: the library (soname), {1}: the loader's reason */
    PS_MSG_COUNT
} ps_msg;

/* Where and why an input was rejected; file points at the caller's string and must outlive the error. */
typedef struct {
    ps_msg code;
    bool warning;
    const char *file;
    long line;   /* 1-based; 0 when no line applies */
    long column; /* 1-based, in characters; 0 when no column applies */
    /* a workbook's worksheet: line is then its row and column its column, shown as Sheet1!C5 */
    char sheet[128];
    char arg[3][96];
    unsigned
        numbers; /* how many of number[] the message takes: {3} and {4}, in the language's decimal mark */
    ps_num number[2];
} ps_error;

/* Warnings gathered while loading (unknown columns and the like); the caller decides how to show them. */
typedef struct {
    ps_error *items;
    size_t count;
} ps_warnings;

/* Releases the warnings (a loader gathered them) and leaves the list empty. */
void ps_warnings_free(ps_warnings *warnings);

/* Outcome of reading a number or a target from text. */
typedef enum {
    PS_PARSE_OK = 0,
    PS_PARSE_EMPTY,
    PS_PARSE_INVALID,
    PS_PARSE_TOO_LARGE,
    PS_PARSE_NOMEM /* out of memory: nothing can be said of the text */
} ps_parse_result;

/* Reads "53,48", "53.48", "+7", "90 %" (with percent set when a % sign was there, negative when a minus
 * sign was, so "-0" can be refused). No exponents, no thousands separators, no NaN or Inf. */
ps_parse_result ps_num_parse(const char *text, size_t len, ps_num *out, bool *percent, bool *negative);

/* Reads a JSON number exactly: an exponent moves the decimal point ("4.85e1" is 48.5); no % sign. */
ps_parse_result ps_num_parse_exponent(const char *text, size_t len, ps_num *out, bool *negative);

/* Writes value rounded half away from zero to `decimals` places, with `decimal_mark` as separator. With
 * `plus`, the sign is always shown for a value that is not exactly 0, so "+0.00" (above by less than
 * 0.005) differs from "-0.00" and "0.00". Without it there is never a "-0.00". Returns the length. */
size_t ps_num_format(ps_num value, int decimals, char decimal_mark, bool plus, char *buf, size_t size);

/* The shortest exact form: 7,5 rather than 7,50; 8 rather than 8,00. */
size_t ps_num_format_short(ps_num value, char decimal_mark, char *buf, size_t size);

/* value rounded half away from zero to 2 decimals, in millionths: what people see. */
ps_num ps_num_round2(ps_num value);

/* numerator / denominator rounded so that a later rounding to fewer decimals is exact (see num.c). */
ps_num ps_num_div(int64_t numerator, int64_t denominator);

/* "FILE:LINE:COLUMN: message" (or shorter when no line or column applies), in the given language. */
size_t ps_error_format(const ps_error *err, ps_lang lang, char *buf, size_t size);

/* A growing byte buffer; a failed allocation sets failed and later appends do nothing. data is owned by
 * the buffer (NULL until the first append) and released by ps_buf_free. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} ps_buf;

void ps_buf_init(ps_buf *buf);
void ps_buf_free(ps_buf *buf);
void ps_buf_append(ps_buf *buf, const char *text, size_t len);
void ps_buf_puts(ps_buf *buf, const char *text);
void ps_buf_printf(ps_buf *buf, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Room for up to n more bytes at the end of buf, to write in place and then keep with ps_buf_wrote (for
 * rows written a million at a time); NULL when out of memory, as an append would fail. The pointer lives
 * until the next call on buf. */
char *ps_buf_room(ps_buf *buf, size_t n);
/* Keeps the n bytes written at ps_buf_room's pointer. */
void ps_buf_wrote(ps_buf *buf, size_t n);

/* Display width of UTF-8 text in terminal columns (Vietnamese diacritics take none of their own). */
size_t ps_text_width(const char *text, size_t len);

#ifdef __cplusplus
}
#endif

#endif
