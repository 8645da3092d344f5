/* Windows-1258 to UTF-8: iconv (glibc's converter), then NFC (utf8proc), with the place of a bad byte. */
#include "input/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "base/text.h"

/* The line and column of a byte: in this code page one byte is one character (before composing). */
static void place_of(const char *data, size_t offset, long *line, long *column)
{
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < offset; i++) {
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n'))) {
            (*line)++;
            *column = 1;
        } else if (data[i] != '\r') {
            (*column)++;
        }
    }
}

ps_status ps_cp1258_to_utf8(const char *data, size_t len, const char *name, char **out, size_t *out_len,
                            ps_error *err)
{
    *out = NULL;
    *out_len = 0;
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1258");
    if (cd == (iconv_t)-1) /* glibc always has it; without it nothing could be converted */
        return errno == ENOMEM ? PS_ERR_NOMEM : PS_ERR_IO;
    size_t cap = len * 3 + 16; /* a byte becomes at most 3 bytes (a character of the BMP) */
    char *utf8 = malloc(cap);
    ps_status st = utf8 ? PS_OK : PS_ERR_NOMEM;
    char *in = (char *)data, *to = utf8;
    size_t in_left = len, out_left = cap;
    if (st == PS_OK && (iconv(cd, &in, &in_left, &to, &out_left) == (size_t)-1 ||
                        iconv(cd, NULL, NULL, &to, &out_left) == (size_t)-1)) {
        long line, column;
        char byte[8];
        size_t at = (size_t)(in - data);
        place_of(data, at, &line, &column);
        snprintf(byte, sizeof byte, "0x%02X", at < len ? (unsigned char)data[at] : 0u);
        ps_error_set(err, PS_MSG_NOT_CP1258, name, line, column, byte, NULL, NULL);
        st = PS_ERR_INPUT;
    }
    iconv_close(cd);
    if (st == PS_OK) {
        st = ps_text_nfc_whole(utf8, (size_t)(to - utf8), out, out_len);
        if (st != PS_OK) /* valid UTF-8 from iconv: only memory can fail */
            st = PS_ERR_NOMEM;
    }
    free(utf8);
    return st;
}
