/* A report as content: sections of headings, lines, paragraphs and tables of typed cells, built once
 * from a result and laid out by each renderer (text, Markdown, CSV, the workbook). Not public. */
#ifndef PARSCORE_REPORT_DOC_H
#define PARSCORE_REPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/wording.h"
#include "parscore/model.h"
#include "parscore/score.h"

typedef enum {
    PS_CELL_NONE,    /* nothing to show: an empty cell (an item no office is named for) */
    PS_CELL_UNKNOWN, /* a value that is not known: "—" for people, an empty CSV cell; never 0 */
    PS_CELL_TEXT,    /* text from the inputs (ids, names, offices, file names): escaped where a format must */
    PS_CELL_WORDS,   /* the tool's own words and symbols: never escaped */
    PS_CELL_NUMBER,  /* a fixed-point number */
    PS_CELL_INTEGER, /* a count */
    PS_CELL_TARGET,  /* a target: "> 50,00", "≥ 60,00" */
    PS_CELL_RANK,    /* a rank: "5", "5/8", or a rank target "≤ 7" */
    PS_CELL_VERDICT, /* met or missed in words; "—" when it cannot be told */
    PS_CELL_BOOL,    /* true or false, for data tables */
    PS_CELL_PHRASE   /* words and values in a row: a sentence, or a cell such as "không đủ (+23,13)" */
} ps_cell_kind;

/* Cell flags. */
#define PS_CELL_PLUS 1u    /* NUMBER: the sign shown for any value but 0 */
#define PS_CELL_SHORT 2u   /* NUMBER: the shortest exact form (7,5; 8) instead of 2 decimals */
#define PS_CELL_AT_MOST 4u /* RANK: a rank target, "≤ 7" */

typedef struct ps_cell ps_cell;
struct ps_cell {
    ps_cell_kind kind;
    unsigned flags;
    ps_met met;       /* any kind: met or missed colours the cell; VERDICT: what it says */
    const char *text; /* TEXT, WORDS: borrowed from the plan, the result, the wording or the doc */
    size_t len;
    long long integer;   /* INTEGER, RANK (the rank), BOOL (0 or 1) */
    int of;              /* RANK: out of how many; 0 when not said */
    ps_num value;        /* NUMBER, TARGET */
    ps_op op;            /* TARGET */
    const ps_cell *runs; /* PHRASE: its parts, in the doc */
    size_t count;
};

/* Column flags. */
#define PS_COL_RIGHT 1u  /* numbers: aligned right */
#define PS_COL_WRAP 2u   /* long text: the text layout wraps it at its width */
#define PS_COL_NOTE 4u   /* the text layout shows it under the row, "head: value", instead of a column */
#define PS_COL_SERIES 8u /* one of a series (quarters): a narrow layout keeps the latest ones */

typedef struct {
    ps_cell head;
    unsigned flags;
} ps_doc_column;

/* Row flags. */
#define PS_ROW_STRONG                                                                                        \
    1u /* the total: bold where the format can say so (the workbook); text keeps it plain                    \
        */

typedef struct {
    ps_cell *cells; /* one per column */
    ps_cell note;   /* NONE, or a note on the row (text: under it; Markdown: after the table) */
    int indent;     /* the row's level under the one it belongs to: its first cell is indented so much */
    unsigned flags;
} ps_doc_row;

typedef struct {
    ps_doc_column *columns;
    size_t ncols;
    ps_doc_row *rows;
    size_t nrows, cap;
} ps_doc_table;

typedef enum {
    PS_BLOCK_LINE,      /* a short line (a title, a source, a count): never wrapped */
    PS_BLOCK_PARAGRAPH, /* prose: the text layout wraps it */
    PS_BLOCK_TABLE
} ps_block_kind;

typedef struct {
    ps_block_kind kind;
    ps_cell text;        /* LINE, PARAGRAPH */
    ps_doc_table *table; /* TABLE */
} ps_doc_block;

/* Where a section goes in a workbook, which lays a report out on several sheets: each section names its
 * sheet (the sheet's name, a label), set by ps_doc_sheet before it begins. The title (level 1) heads every
 * sheet and a section marked every_sheet closes every sheet; the other layouts ignore all of this. */
typedef struct {
    int level;       /* 1: the document's title; 2: a section */
    ps_cell heading; /* NONE: the section has none */
    ps_doc_block *blocks;
    size_t count, cap;
    ps_label sheet;   /* the workbook's sheet for it; 0: the sheet of the section before */
    bool every_sheet; /* the workbook repeats it at the end of every sheet (the illustrative note) */
} ps_doc_section;

typedef struct ps_doc_chunk ps_doc_chunk;

/* Everything a doc holds is in its own memory (released at once by ps_doc_free) or borrowed from what it
 * was built from: keep the plan, the result and the options alive as long as the doc. */
typedef struct {
    ps_lang lang;
    ps_doc_section *sections;
    size_t count, cap;
    ps_doc_table *data; /* the report as one flat table with stable column keys (CSV); NULL: none */
    ps_doc_chunk *chunks;
    ps_label sheet; /* the sheet that the sections begun from now on go on (ps_doc_sheet) */
    bool failed;    /* out of memory: the doc is incomplete and must not be shown */
} ps_doc;

void ps_doc_init(ps_doc *doc, ps_lang lang);
void ps_doc_free(ps_doc *doc);

/* Building. Each returns NULL (and sets doc->failed) when out of memory; later calls then do nothing. */
ps_doc_section *ps_doc_begin(ps_doc *doc, int level, ps_cell heading);
void ps_doc_sheet(ps_doc *doc, ps_label sheet); /* the workbook's sheet of the sections begun from now on */
void ps_doc_line(ps_doc *doc, ps_cell text);
void ps_doc_paragraph(ps_doc *doc, ps_cell text);
ps_doc_table *ps_doc_table_new(ps_doc *doc, const ps_doc_column *columns, size_t ncols);
void ps_doc_table_add(ps_doc *doc, ps_doc_table *table);      /* to the current section */
ps_doc_row *ps_doc_add_row(ps_doc *doc, ps_doc_table *table); /* its cells start as NONE */
char *ps_doc_strdup(ps_doc *doc, const char *text, size_t len);
ps_cell *ps_doc_cells(ps_doc *doc, size_t count); /* room for count cells, all NONE */

/* Cells. Text is borrowed: it must outlive the doc. */
ps_cell ps_cell_none(void);
ps_cell ps_cell_text(const char *text);
ps_cell ps_cell_words(const char *text);
ps_cell ps_cell_label(const ps_doc *doc, ps_label label);
ps_cell ps_cell_number(bool has, ps_num value, unsigned flags);
ps_cell ps_cell_integer(long long value);
ps_cell ps_cell_target(const ps_indicator *ind);
ps_cell ps_cell_rank(int rank, int of, unsigned flags);
ps_cell ps_cell_verdict(ps_met met);
ps_cell ps_cell_bool(bool has, bool value);
ps_cell ps_cell_toned(ps_cell cell, ps_met met);

/* A label with its placeholders filled by cells, as one PHRASE cell in the doc. */
ps_cell ps_doc_phrase(ps_doc *doc, ps_label label, const ps_cell *args, size_t count);
/* Cells one after the other, with sep (words) between them, as one PHRASE cell. */
ps_cell ps_doc_join(ps_doc *doc, const ps_cell *cells, size_t count, const char *sep);

/* Laying cells out as text people read. escape writes TEXT runs (NULL: as they are); the rest is the
 * tool's own and goes out unchanged. Numbers take the language's decimal mark. */
typedef void (*ps_text_escape)(ps_buf *out, const char *text, size_t len);
void ps_cell_put(ps_buf *out, const ps_cell *cell, ps_lang lang, ps_text_escape escape);
/* The same as a fresh NUL-terminated string (the caller frees it); NULL when out of memory. */
char *ps_cell_string(const ps_cell *cell, ps_lang lang, ps_text_escape escape);

/* The one CSV quoting routine: quoted as RFC 4180 says when it must be; with guard, a text that a
 * spreadsheet would read as a formula (= + - @ tab CR first) gets an apostrophe inside the quotes. */
void ps_csv_quote(ps_buf *out, const char *text, size_t len, char sep, bool guard);

/* The one JSON string writer outside cJSON, for rows written a million at a time: quoted and escaped
 * byte for byte as cJSON prints (\" \\ \b \f \n \r \t, other controls \u00xx), UTF-8 as it is. */
void ps_json_quote(ps_buf *out, const char *text, size_t len);

/* A cell as CSV data: numbers plain (2 decimals, no sign unless asked), verdicts and booleans true or
 * false, unknown and none empty, text from the inputs guarded. */
void ps_csv_put(ps_buf *out, const ps_cell *cell, char sep, ps_lang lang);

#endif
