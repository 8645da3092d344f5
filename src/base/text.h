/* UTF-8 text helpers of the library: copies, validation, normalisation for matching, ids. Not public. */
#ifndef PARSCORE_BASE_TEXT_H
#define PARSCORE_BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "parscore/base.h"

/* Fresh NUL-terminated copies (the caller frees them); NULL only when out of memory. */
char *ps_strndup(const char *text, size_t len);
char *ps_strdup(const char *text);

/* Length of the valid UTF-8 prefix of text: equal to len when all of it is valid. */
size_t ps_utf8_valid_prefix(const char *text, size_t len);

/* Number of characters (code points) in valid UTF-8 text. */
long ps_utf8_chars(const char *text, size_t len);

/* An NFC-normalised copy with surrounding white space removed (the caller frees it). PS_ERR_INPUT when
 * text is not valid UTF-8, PS_ERR_NOMEM when out of memory. */
ps_status ps_text_nfc(const char *text, size_t len, char **out);

/* A copy for comparing words: NFKC, case-folded, trimmed; statuses as ps_text_nfc. */
ps_status ps_text_fold(const char *text, size_t len, char **out);

/* A lower-case copy of an id, trimmed (the caller frees it). PS_ERR_INPUT when it is empty, longer than
 * 64 bytes or holds anything but letters, digits, '.', '-' and '_'; PS_ERR_NOMEM when out of memory. */
ps_status ps_id_canonical(const char *text, size_t len, char **out);

#endif
