/* Text in a Windows code page turned into the UTF-8 every reader expects. */
#ifndef PARSCORE_INPUT_ENCODING_H
#define PARSCORE_INPUT_ENCODING_H

#include "parscore/base.h"

/* data in Windows-1258 (what a Vietnamese Excel's "CSV (Comma delimited)" writes) as NFC UTF-8 in *out
 * (NUL-terminated, the caller frees it). Tone marks that the code page writes as separate combining
 * characters are composed, so names match those typed elsewhere. A byte the code page lacks is an error
 * at its line and column (name must outlive err). */
ps_status ps_cp1258_to_utf8(const char *data, size_t len, const char *name, char **out, size_t *out_len,
                            ps_error *err);

#endif
