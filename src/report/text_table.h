/* Plain-text tables and paragraphs measured in display columns, for the text reporters. */
#ifndef PARSCORE_TEXT_TABLE_H
#define PARSCORE_TEXT_TABLE_H

#include "parscore/report.h"

#define PS_TEXT_MAX_COLUMNS 9
#define PS_TEXT_DASH "\xe2\x80\x94" /* — : a value that is not known */

typedef struct {
    const char *label;
    bool right;
    size_t wrap; /* 0: never wrapped */
} ps_text_column;

typedef struct {
    char *cells[PS_TEXT_MAX_COLUMNS];
    signed char tone[PS_TEXT_MAX_COLUMNS]; /* 1: good (green), -1: bad (red), 0: plain */
    char *note;                            /* indented lines under the row */
} ps_text_row;

/* Byte length of the longest prefix of text within width display columns, cut at a space when possible;
 * *skip is 1 when a space follows the cut. */
size_t ps_text_wrap_at(const char *text, size_t width, size_t *skip);

/* Header and rows, columns padded to their widest cell; wrapped columns continue on the next lines,
 * each row's note below it. */
void ps_text_table_render(ps_buf *out, const ps_text_column *cols, size_t ncols, ps_text_row *rows,
                          size_t nrows, bool color);

/* The tone of a result cell: met is good, missed is bad, the rest plain. */
signed char ps_text_tone(ps_met met);
void ps_text_table_free_rows(ps_text_row *rows, size_t nrows);

/* Cells, freshly allocated (NULL when out of memory): a copy; a number with 2 decimals or a dash for
 * one not known; a target such as "> 50,00" or "≥ 60,00", or a dash. */
char *ps_text_dup(const char *text);
char *ps_text_number_cell(bool has, ps_num value, char decimal_mark, bool plus);
char *ps_text_target_cell(const ps_indicator *ind, char decimal_mark);

/* What one criterion alone needs: "+0,24", "không đủ (+23,13)" beyond its headroom, or a dash. */
char *ps_text_lever_cell(char decimal_mark, ps_lang lang, bool has, ps_num need, bool alone);

/* A paragraph wrapped at width display columns. */
void ps_text_paragraph(ps_buf *out, const char *text, size_t width);

/* The report's sections after the tables: projected ranks (with peers) and what the total still needs. */
ps_status ps_text_sections(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                           ps_buf *out);

/* The report regrouped by responsible office: each office's indicators, met or missed, and its gaps. */
ps_status ps_text_by_owner(const ps_plan *plan, const ps_result *result, const ps_report_options *options,
                           ps_buf *out);

/* One line: the total if every criterion lands on its target, against the total target. */
void ps_text_coherence(const ps_plan *plan, const ps_result *result, ps_lang lang, ps_buf *out);

#endif
