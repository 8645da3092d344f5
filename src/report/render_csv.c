/* The CSV layout: the doc's data table, one line per row, every cell through the one quoting routine. */
#include "report/render.h"

ps_status ps_render_csv(const ps_doc *doc, const ps_csv_layout *layout, ps_buf *out)
{
    const ps_doc_table *t = doc->data;
    if (doc->failed || !t)
        return PS_ERR_NOMEM;
    /* ';' in Vietnamese, where ',' is the decimal mark; ',' in English */
    char sep = doc->lang == PS_LANG_EN ? ',' : ';';
    const char *line_end = layout->crlf ? "\r\n" : "\n";
    if (layout->bom)
        ps_buf_puts(out, "\xef\xbb\xbf");
    for (size_t k = 0; k < t->ncols; k++) {
        if (k > 0)
            ps_buf_append(out, &sep, 1);
        ps_csv_put(out, &t->columns[k].head, sep, doc->lang);
    }
    ps_buf_puts(out, line_end);
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t k = 0; k < t->ncols; k++) {
            if (k > 0)
                ps_buf_append(out, &sep, 1);
            ps_csv_put(out, &t->rows[r].cells[k], sep, doc->lang);
        }
        ps_buf_puts(out, line_end); /* LF unless asked: as `parscore rank --format csv` writes */
    }
    return out->failed ? PS_ERR_NOMEM : PS_OK;
}
