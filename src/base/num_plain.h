/* The common form of a number, read at full speed: shared by the parser and the readers' hot paths. */
#ifndef PARSCORE_BASE_NUM_PLAIN_H
#define PARSCORE_BASE_NUM_PLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "parscore/base.h"

/* Values beyond this (in whole units) are refused: far above any score, and safe from overflow. */
#define PS_NUM_MAX_WHOLE INT64_C(1000000000)

/* Digits, and a point or comma with 1 to 6 decimals ("67.23", "100", "48,5") into *out; false for anything
 * else (spaces, signs, %, more decimals, a huge number), which ps_num_parse reads the general way. */
static inline bool ps_num_parse_plain(const char *text, size_t len, ps_num *out)
{
    static const int64_t scale_of[7] = {1000000, 100000, 10000, 1000, 100, 10, 1}; /* by decimals */
    const unsigned char *t = (const unsigned char *)text;
    size_t i = 0, whole_end = len < 10 ? len : 10;
    int64_t whole = 0, frac = 0;
    unsigned digit;
    while (i < whole_end && (digit = t[i] - (unsigned)'0') <= 9) {
        whole = whole * 10 + digit;
        i++;
    }
    if (i == 0 || whole > PS_NUM_MAX_WHOLE)
        return false;
    size_t decimals = 0;
    if (i < len) {
        decimals = len - i - 1;
        if ((t[i] != '.' && t[i] != ',') || decimals == 0 || decimals > 6)
            return false;
        for (i++; i < len; i++) {
            if ((digit = t[i] - (unsigned)'0') > 9)
                return false;
            frac = frac * 10 + digit;
        }
    }
    *out = whole * PS_NUM_SCALE + frac * scale_of[decimals];
    return true;
}

#endif
