/* The renderers: each lays a doc out in one format, and nothing else. Not public. */
#ifndef PARSCORE_REPORT_RENDER_H
#define PARSCORE_REPORT_RENDER_H

#include "report/doc.h"

typedef struct {
    size_t wrap; /* display columns of a column that wraps (indicator names) */
    bool color;  /* met in green, missed in red (ANSI), for a terminal */
} ps_text_layout;

/* Plain text for a terminal: tables aligned in display columns, prose wrapped at 100 columns. */
ps_status ps_render_text(const ps_doc *doc, const ps_text_layout *layout, ps_buf *out);

/* GitHub-flavoured Markdown: headings, paragraphs and pipe tables; text from the inputs made inert. */
ps_status ps_render_markdown(const ps_doc *doc, ps_buf *out);

typedef struct {
    bool bom;  /* start with a UTF-8 byte order mark, for spreadsheets that want one */
    bool crlf; /* end lines with CR LF, as a spreadsheet saves them */
} ps_csv_layout;

/* CSV of the doc's data table: ';' and decimal commas in Vietnamese, ',' and points in English. */
ps_status ps_render_csv(const ps_doc *doc, const ps_csv_layout *layout, ps_buf *out);

/* Byte length of the longest prefix of text within width display columns, cut at a space when possible;
 * *skip is 1 when a space follows the cut. Never cuts inside a UTF-8 character. */
size_t ps_text_wrap_at(const char *text, size_t width, size_t *skip);

#endif
