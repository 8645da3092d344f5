/* UTF-8 text helpers of the library: copies, validation, normalisation for matching, ids. Not public. */
#ifndef PARSCORE_BASE_TEXT_H
#define PARSCORE_BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parscore/base.h"

/* Fresh NUL-terminated copies (the caller frees them); NULL only when out of memory. */
char *ps_strndup(const char *text, size_t len);
char *ps_strdup(const char *text);

/* Length of the valid UTF-8 prefix of text: equal to len when all of it is valid. */
size_t ps_utf8_valid_prefix(const char *text, size_t len);

/* Whether a character must never reach a terminal: a C0 control but tab, CR and LF; DEL; a C1 control
 * (U+0080–U+009F); a character that reorders text (U+202A–U+202E, U+2066–U+2069). */
bool ps_char_unsafe(int32_t cp);

/* The byte offset of the first such character in valid UTF-8 text, len when there is none; *cp is it. */
size_t ps_text_find_unsafe(const char *text, size_t len, int32_t *cp);

/* True when text is surely valid UTF-8 without NUL or an unsafe character: printable ASCII and the two- and
 * three-byte characters (Vietnamese among them) decoded in one pass. False says only "look closer": with
 * ps_utf8_valid_prefix and ps_text_find_unsafe, which find what is wrong and where. */
bool ps_text_surely_safe(const char *text, size_t len);

/* Appends text as a terminal may show it: a line break (CR LF, LF or CR) or a tab becomes one space, any
 * other unsafe character or invalid byte U+FFFD. A text layout measures widths after this. */
void ps_text_display(ps_buf *out, const char *text, size_t len);

/* The same, returning the display width of what it appended (one pass where two would measure again). */
size_t ps_text_display_and_measure(ps_buf *out, const char *text, size_t len);

/* The display width of what ps_text_display would write. */
size_t ps_text_display_width(const char *text, size_t len);

/* Number of characters (code points) in valid UTF-8 text. */
long ps_utf8_chars(const char *text, size_t len);

/* An NFC-normalised copy with surrounding white space removed (the caller frees it). PS_ERR_INPUT when
 * text is not valid UTF-8, PS_ERR_NOMEM when out of memory. */
ps_status ps_text_nfc(const char *text, size_t len, char **out);

/* The same for a whole text, white space and all (NUL bytes too); *out_len is the copy's length. */
ps_status ps_text_nfc_whole(const char *text, size_t len, char **out, size_t *out_len);

/* A copy for comparing words: NFKC, case-folded, trimmed; statuses as ps_text_nfc. */
ps_status ps_text_fold(const char *text, size_t len, char **out);

/* A lower-case copy of an id, trimmed (the caller frees it). PS_ERR_INPUT when it is empty, longer than
 * 64 bytes or holds anything but letters, digits, '.', '-' and '_'; PS_ERR_NOMEM when out of memory. */
ps_status ps_id_canonical(const char *text, size_t len, char **out);

#endif
