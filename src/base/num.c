/* Fixed-point numbers: parsing with a decimal point or comma, exact rounding and formatting. */
#include <stdlib.h>
#include <string.h>

#include "base/num_plain.h"
#include "parscore/model.h"

static bool is_space_at(const char *s, size_t len, size_t i, size_t *width)
{
    if (s[i] == ' ' || s[i] == '\t') {
        *width = 1;
        return true;
    }
    /* U+00A0, the no-break space spreadsheets put before a % sign */
    if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
        *width = 2;
        return true;
    }
    return false;
}

static void trim(const char *s, size_t *start, size_t *end)
{
    size_t w;
    while (*start < *end && is_space_at(s, *end, *start, &w))
        *start += w;
    while (*end > *start) {
        if (s[*end - 1] == ' ' || s[*end - 1] == '\t') {
            (*end)--;
        } else if (*end - *start >= 2 && (unsigned char)s[*end - 2] == 0xC2 &&
                   (unsigned char)s[*end - 1] == 0xA0) {
            *end -= 2;
        } else {
            break;
        }
    }
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Makes an inexact truncated value end in a digit other than 0 or 5, so rounding it again later to
 * fewer decimals gives the same answer as rounding the exact value ("round to odd", in decimal). */
static int64_t sticky(int64_t truncated_magnitude, bool inexact)
{
    if (inexact && truncated_magnitude % 5 == 0)
        return truncated_magnitude + 1;
    return truncated_magnitude;
}

static ps_parse_result parse_general(const char *text, size_t len, ps_num *out, bool *percent,
                                     bool *negative);

ps_parse_result ps_num_parse(const char *text, size_t len, ps_num *out, bool *percent, bool *negative)
{
    if (ps_num_parse_plain(text, len, out)) {
        if (percent)
            *percent = false;
        if (negative)
            *negative = false;
        return PS_PARSE_OK;
    }
    return parse_general(text, len, out, percent, negative);
}

/* Spaces, a sign, a percent sign, more decimals than kept, a huge number: apart from the common case, so
 * that it stays small (inlined where a million numbers are read) and this one keeps its registers. */
__attribute__((noinline)) static ps_parse_result parse_general(const char *text, size_t len, ps_num *out,
                                                               bool *percent, bool *negative)
{
    size_t i = 0, end = len;
    bool has_percent = false, minus = false;
    trim(text, &i, &end);
    if (i == end)
        return PS_PARSE_EMPTY;
    if (text[end - 1] == '%') {
        has_percent = true;
        end--;
        trim(text, &i, &end);
        if (i == end)
            return PS_PARSE_INVALID;
    }
    if (text[i] == '+' || text[i] == '-') {
        minus = text[i] == '-';
        i++;
    }
    int64_t whole = 0, frac = 0;
    int int_digits = 0, frac_digits = 0;
    bool inexact = false, too_large = false;
    for (; i < end && is_digit(text[i]); i++, int_digits++) {
        whole = whole * 10 + (text[i] - '0');
        if (whole > PS_NUM_MAX_WHOLE) {
            too_large = true;
            whole = PS_NUM_MAX_WHOLE;
        }
    }
    if (i < end && (text[i] == '.' || text[i] == ',')) {
        i++;
        for (; i < end && is_digit(text[i]); i++, frac_digits++) {
            if (frac_digits < 6)
                frac = frac * 10 + (text[i] - '0');
            else if (text[i] != '0')
                inexact = true;
        }
        if (frac_digits == 0)
            return PS_PARSE_INVALID;
    }
    if (i != end || int_digits + frac_digits == 0)
        return PS_PARSE_INVALID;
    if (too_large)
        return PS_PARSE_TOO_LARGE;
    for (int d = frac_digits < 6 ? frac_digits : 6; d < 6; d++)
        frac *= 10;
    int64_t magnitude = sticky(whole * PS_NUM_SCALE + frac, inexact);
    *out = minus ? -magnitude : magnitude;
    if (percent)
        *percent = has_percent;
    if (negative)
        *negative = minus;
    return PS_PARSE_OK;
}

ps_num ps_num_div(int64_t numerator, int64_t denominator)
{
    bool minus = (numerator < 0) != (denominator < 0);
    uint64_t n = numerator < 0 ? (uint64_t)0 - (uint64_t)numerator : (uint64_t)numerator;
    uint64_t d = denominator < 0 ? (uint64_t)0 - (uint64_t)denominator : (uint64_t)denominator;
    int64_t q = sticky((int64_t)(n / d), n % d != 0);
    return minus ? -q : q;
}

ps_num ps_num_round2(ps_num value)
{
    const int64_t unit = PS_NUM_SCALE / 100;
    int64_t magnitude = value < 0 ? -value : value;
    int64_t rest = magnitude % unit;
    magnitude -= rest;
    if (rest >= unit / 2)
        magnitude += unit;
    return value < 0 ? -magnitude : magnitude;
}

size_t ps_num_format(ps_num value, int decimals, char decimal_mark, bool plus, char *buf, size_t size)
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    int64_t unit = 1;
    for (int d = decimals; d < 6; d++)
        unit *= 10;
    int64_t magnitude = value < 0 ? -value : value;
    int64_t rest = magnitude % unit;
    magnitude -= rest;
    if (rest * 2 >= unit)
        magnitude += unit;
    char digits[32];
    char *p = digits + sizeof digits;
    *--p = '\0';
    int64_t scaled = magnitude / unit;
    for (int d = 0; d < decimals; d++) {
        *--p = (char)('0' + scaled % 10);
        scaled /= 10;
    }
    if (decimals > 0)
        *--p = decimal_mark;
    do {
        *--p = (char)('0' + scaled % 10);
        scaled /= 10;
    } while (scaled > 0);
    /* with plus, a value that rounds to zero keeps its side: +0,00 is above, -0,00 below */
    if (value < 0 && (magnitude > 0 || plus))
        *--p = '-';
    else if (value > 0 && plus)
        *--p = '+';
    size_t n = (size_t)(digits + sizeof digits - 1 - p); /* written backwards, up to the '\0' */
    if (size > 0) {
        size_t copy = n < size - 1 ? n : size - 1;
        memcpy(buf, p, copy);
        buf[copy] = '\0';
    }
    return n;
}

size_t ps_num_format_short(ps_num value, char decimal_mark, char *buf, size_t size)
{
    char full[40];
    size_t n = ps_num_format(value, 6, decimal_mark, false, full, sizeof full);
    while (n > 0 && full[n - 1] == '0')
        n--;
    if (n > 0 && full[n - 1] == decimal_mark)
        n--;
    full[n] = '\0';
    if (size > 0) {
        size_t copy = n < size - 1 ? n : size - 1;
        memcpy(buf, full, copy);
        buf[copy] = '\0';
    }
    return n;
}

/* |exponents| beyond this make any non-zero mantissa far too large or far below a millionth */
#define EXPONENT_LIMIT 100

ps_parse_result ps_num_parse_exponent(const char *text, size_t len, ps_num *out, bool *negative)
{
    const char *e = memchr(text, 'e', len);
    if (!e)
        e = memchr(text, 'E', len);
    if (!e)
        return ps_num_parse(text, len, out, NULL, negative);
    size_t mlen = (size_t)(e - text);
    const char *p = e + 1, *end = text + len;
    bool exp_minus = p < end && *p == '-';
    if (p < end && (*p == '+' || *p == '-'))
        p++;
    long exponent = 0;
    if (p == end)
        return PS_PARSE_INVALID;
    for (; p < end; p++) {
        if (!is_digit(*p))
            return PS_PARSE_INVALID;
        if (exponent < 100000)
            exponent = exponent * 10 + (*p - '0');
    }
    if (exp_minus)
        exponent = -exponent;
    /* the mantissa's digits and where its point stands */
    char *digits = malloc(mlen + 2 * EXPONENT_LIMIT + 8);
    if (!digits)
        return PS_PARSE_INVALID;
    size_t n = 0, i = 0;
    long point = -1;
    bool minus = i < mlen && (text[i] == '-' || text[i] == '+') && text[i] == '-';
    if (i < mlen && (text[i] == '-' || text[i] == '+'))
        i++;
    bool nonzero = false;
    for (; i < mlen; i++) {
        if (text[i] == '.' && point < 0) {
            point = (long)n;
        } else if (is_digit(text[i])) {
            nonzero = nonzero || text[i] != '0';
            digits[n++] = text[i];
        } else {
            free(digits);
            return PS_PARSE_INVALID;
        }
    }
    if (n == 0) {
        free(digits);
        return PS_PARSE_INVALID;
    }
    if (point < 0)
        point = (long)n;
    ps_parse_result result = PS_PARSE_OK;
    if (nonzero && exponent > EXPONENT_LIMIT) {
        result = PS_PARSE_TOO_LARGE;
    } else if (nonzero && exponent < -EXPONENT_LIMIT) {
        *out = minus ? -1 : 1; /* below a millionth but not zero: kept on its side (see sticky) */
    } else if (!nonzero) {
        *out = 0;
    } else {
        /* the same digits with the point moved: a plain decimal read the ordinary way */
        char *plain = malloc(n + 2 * EXPONENT_LIMIT + 8);
        long q = point + exponent;
        size_t k = 0;
        if (plain) {
            if (q <= 0) {
                plain[k++] = '0';
                plain[k++] = '.';
                for (long z = 0; z < -q; z++)
                    plain[k++] = '0';
                memcpy(plain + k, digits, n);
                k += n;
            } else if ((size_t)q >= n) {
                memcpy(plain + k, digits, n);
                k += n;
                for (long z = 0; z < q - (long)n; z++)
                    plain[k++] = '0';
            } else {
                memcpy(plain + k, digits, (size_t)q);
                k += (size_t)q;
                plain[k++] = '.';
                memcpy(plain + k, digits + q, n - (size_t)q);
                k += n - (size_t)q;
            }
            result = ps_num_parse(plain, k, out, NULL, NULL);
            if (result == PS_PARSE_OK && minus)
                *out = -*out;
            free(plain);
        } else {
            result = PS_PARSE_INVALID;
        }
    }
    free(digits);
    if (negative)
        *negative = minus;
    return result;
}
