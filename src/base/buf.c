/* ps_buf, the growing buffer every reporter writes into before anything reaches stdout, and growing arrays.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/array.h"
#include "parscore/report.h"

void ps_buf_init(ps_buf *buf)
{
    memset(buf, 0, sizeof *buf);
}

void ps_buf_free(ps_buf *buf)
{
    free(buf->data);
    ps_buf_init(buf);
}

static bool reserve(ps_buf *buf, size_t extra)
{
    if (buf->failed)
        return false;
    if (buf->len + extra + 1 <= buf->cap)
        return true;
    size_t cap = buf->cap ? buf->cap : 1024;
    while (cap < buf->len + extra + 1)
        cap *= 2;
    char *data = realloc(buf->data, cap);
    if (!data) {
        buf->failed = true;
        return false;
    }
    buf->data = data;
    buf->cap = cap;
    return true;
}

void ps_buf_append(ps_buf *buf, const char *text, size_t len)
{
    if (!reserve(buf, len))
        return;
    memcpy(buf->data + buf->len, text, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
}

char *ps_buf_room(ps_buf *buf, size_t n)
{
    return reserve(buf, n) ? buf->data + buf->len : NULL;
}

void ps_buf_wrote(ps_buf *buf, size_t n)
{
    buf->len += n;
    buf->data[buf->len] = '\0';
}

void ps_buf_puts(ps_buf *buf, const char *text)
{
    ps_buf_append(buf, text, strlen(text));
}

void ps_buf_printf(ps_buf *buf, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    if (n < 0 || !reserve(buf, (size_t)n)) {
        buf->failed = true;
        return;
    }
    va_start(args, format);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, format, args);
    va_end(args);
    buf->len += (size_t)n;
}

bool ps_array_grow_room(void **data, size_t *cap, size_t need, size_t item)
{
    if (need <= *cap)
        return true;
    size_t next = *cap ? *cap : 16;
    while (next < need) {
        if (next > SIZE_MAX / 2)
            return false;
        next *= 2;
    }
    if (item > 0 && next > SIZE_MAX / item)
        return false;
    void *p = realloc(*data, next * item);
    if (!p)
        return false;
    *data = p;
    *cap = next;
    return true;
}
