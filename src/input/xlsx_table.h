/* A worksheet of an Excel workbook (.xlsx) read as a table: libzip for the archive, expat for its XML. */
#ifndef PARSCORE_XLSX_TABLE_H
#define PARSCORE_XLSX_TABLE_H

#include "input/table.h"

/* The most an archive's part may inflate to: the worksheet is streamed, the shared strings are held in
 * memory, every other part (relationships, workbook, styles) is a few kilobytes in a real workbook. A part
 * that says it is larger is refused before a byte of it is inflated. */
#define PS_LIMIT_XLSX_SHEET_BYTES (1024LL * 1024 * 1024)
#define PS_LIMIT_XLSX_STRINGS_BYTES (256LL * 1024 * 1024)
#define PS_LIMIT_XLSX_PART_BYTES (16LL * 1024 * 1024)

/* Whether data starts as a zip archive does (an .xlsx is one). */
bool ps_xlsx_looks_like(const char *data, size_t len);

/* Whether data starts as an Excel 97-2003 workbook (an OLE compound file) does. */
bool ps_xls_looks_like(const char *data, size_t len);

/* Reads the worksheet named sheet (NULL: the workbook's first visible worksheet) of the workbook in data
 * (borrowed for the call). The first row that is not empty is the header, unless its first cell starts
 * with '#': such rows before the header are "# key: value" facts, as a CSV's comment lines. Rows are
 * numbered as the sheet numbers them and columns from 1 = A; errors of the sheet (and the warnings the
 * handler adds to handler->warnings meanwhile) carry its name, so they read bao-cao.xlsx:Sheet1!C5. */
ps_status ps_xlsx_read_buffer(const char *data, size_t len, const char *name, const char *sheet,
                              const ps_table_handler *handler, ps_error *err);

#endif
