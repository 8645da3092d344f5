/* parscore loaders: the plan and the quarterly scores, from files, memory or the built-in plan. */
#ifndef PARSCORE_LOAD_H
#define PARSCORE_LOAD_H

#include "parscore/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits on what a loader accepts; anything beyond them is an error, never a truncation. */
#define PS_LIMIT_FIELD_BYTES 65536
#define PS_LIMIT_COLUMNS 256
#define PS_LIMIT_PLAN_ROWS 256
#define PS_LIMIT_LINE_BYTES (1024 * 1024)
#define PS_LIMIT_INPUT_BYTES (256 * 1024 * 1024) /* for input read whole: JSON, standard input */

/* What a CSV file's bytes are in. */
typedef enum {
    PS_ENCODING_UTF8 = 0, /* UTF-8, with or without a BOM */
    PS_ENCODING_CP1258    /* Windows-1258, as a Vietnamese Excel saves "CSV (Comma delimited)"; a file
                             that is valid UTF-8 all the same is read as UTF-8 */
} ps_encoding;

/* How the _file loaders read their file; NULL is all defaults. The pointers are borrowed for the call. */
typedef struct {
    const char *sheet;    /* a workbook's worksheet by name (NFC, any case); NULL: the first visible one */
    ps_encoding encoding; /* of a CSV file; with PS_ENCODING_CP1258 it is read whole (input limit) */
} ps_read_options;

/* The plan compiled into the binary from data/sin-ho-2023.csv. */
ps_status ps_plan_load_builtin(ps_plan *plan, ps_error *err);

/* A plan, CSV, JSON or a workbook (.xlsx); path "-" reads standard input. On error plan is left empty and
 * err says why. */
ps_status ps_plan_load_file(const char *path, const ps_read_options *options, ps_plan *plan, ps_error *err);
ps_status ps_plan_load_buffer(const char *data, size_t len, const char *name, ps_plan *plan, ps_error *err);

/* Quarterly scores, CSV, JSON ({"period": …, "scores": [{"id": …, "score": …}]}) or a workbook's
 * worksheet, checked against the plan as it is read, so the first bad line is the one reported. The format
 * comes from the extension (.csv, .tsv, .json, .xlsx), else from the first bytes (a zip archive is a
 * workbook, '{' or '[' JSON); path "-" reads standard input. The _buffer loaders read a workbook's first
 * visible worksheet and UTF-8. Unknown columns become warnings in scores->warnings. A workbook is read with
 * libzip, loaded by name when the first one is read: PS_ERR_IO (PS_MSG_LIBRARY) when it cannot be. */
ps_status ps_scores_load_file(const char *path, const ps_read_options *options, const ps_plan *plan,
                              ps_scores *scores, ps_error *err);
ps_status ps_scores_load_buffer(const char *data, size_t len, const char *name, const ps_plan *plan,
                                ps_scores *scores, ps_error *err);

/* Peers: one row per unit with unit and total (percent), optionally a column per criterion id and sipas;
 * JSON: {"peers": [{"unit": …, "total": …}]}. The plan's unit must be among them (matched after NFC
 * normalisation, trimming and case folding); units may not repeat. */
ps_status ps_peers_load_file(const char *path, const ps_read_options *options, const ps_plan *plan,
                             ps_peers *peers, ps_error *err);
ps_status ps_peers_load_buffer(const char *data, size_t len, const char *name, const ps_plan *plan,
                               ps_peers *peers, ps_error *err);

/* Units (communes, districts) to rank: CSV streamed row by row, or JSON {"units": […]}; a unit column and
 * one percent column per criterion id. Each row goes to on_unit as soon as it is read, so the caller keeps
 * only what it needs of it. On success *source is the input's display name (the caller frees it) and
 * warnings holds the unknown columns (the caller frees them with the units or on its own). */
ps_status ps_units_read_file(const char *path, const ps_read_options *options, const ps_plan *plan,
                             ps_unit_row_fn on_unit, void *ctx, char **source, ps_warnings *warnings,
                             ps_error *err);
ps_status ps_units_read_buffer(const char *data, size_t len, const char *name, const ps_plan *plan,
                               ps_unit_row_fn on_unit, void *ctx, char **source, ps_warnings *warnings,
                               ps_error *err);

/* Joins the units a second thread read into later (see ps_units_read_file_split) to ctx's: used true, they
 * follow ctx's; false, they are dropped. Either way later is left empty. PS_ERR_NOMEM when out of memory. */
typedef ps_status (*ps_unit_join_fn)(void *ctx, void *later, bool used, ps_error *err);

/* ps_units_read_file, with a large regular CSV file (4 MiB or more) read by two threads: the rows after a
 * line break near its middle go to on_unit with later as its context, while this thread gives the rows
 * before to on_unit with ctx; then join(ctx, later, used) once, whatever the outcome. When the break turns
 * out to lie inside a quoted field, every row goes to ctx (used false). Rows, errors and warnings are the
 * ones ps_units_read_file gives; each context gets its rows in file order. ctx and later must not share
 * anything that on_unit changes. */
ps_status ps_units_read_file_split(const char *path, const ps_read_options *options, const ps_plan *plan,
                                   ps_unit_row_fn on_unit, void *ctx, void *later, ps_unit_join_fn join,
                                   char **source, ps_warnings *warnings, ps_error *err);

#ifdef __cplusplus
}
#endif

#endif
