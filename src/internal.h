/* Helpers shared by the library's source files; not part of the public API. */
#ifndef PARSCORE_INTERNAL_H
#define PARSCORE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "parscore/model.h"

char *ps_strndup(const char *text, size_t len);
char *ps_strdup(const char *text);

/* Length of the valid UTF-8 prefix of text: equal to len when all of it is valid. */
size_t ps_utf8_valid_prefix(const char *text, size_t len);

/* Number of characters (code points) in valid UTF-8 text. */
long ps_utf8_chars(const char *text, size_t len);

/* NFC-normalised copy with surrounding white space removed; NULL when out of memory. */
char *ps_text_nfc(const char *text, size_t len);

/* Copy for comparing words: NFKC, case-folded, trimmed; NULL when out of memory. */
char *ps_text_fold(const char *text, size_t len);

/* Fills err; each argument is copied for display (control bytes escaped, long values shortened). */
void ps_error_set(ps_error *err, ps_msg code, const char *file, long line, long column, const char *arg0,
                  const char *arg1, const char *arg2);

/* Appends a warning; false when out of memory. */
bool ps_warnings_add(ps_warnings *warnings, const ps_error *warning);
void ps_warnings_free(ps_warnings *warnings);

/* Lower-case copy of an id, or NULL when it holds anything but letters, digits, '-' and '_'. */
char *ps_id_canonical(const char *text, size_t len);

#endif
