/* Targets as people write them: ">50", ">=60", "Trên 50%", "tối thiểu 60%", "60% trở lên", "100%". */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/text.h"
#include "parscore/model.h"

static bool take_prefix(const char **s, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*s, word, n) != 0)
        return false;
    *s += n;
    while (**s == ' ')
        (*s)++;
    return true;
}

static bool take_suffix(const char *s, size_t *len, const char *word)
{
    size_t n = strlen(word);
    if (*len < n || memcmp(s + *len - n, word, n) != 0)
        return false;
    *len -= n;
    while (*len > 0 && s[*len - 1] == ' ')
        (*len)--;
    return true;
}

/* Reads the comparison words of folded (lower-case, NFKC) text; returns the op, 0 for none given. */
static int take_op(const char **s, size_t *len)
{
    const char *start = *s;
    take_prefix(s, "đạt"); /* "đạt trên 80%" is "trên 80%"; a bare "đạt 100%" is at least 100 */
    int op = 0;
    if (take_prefix(s, ">=") || take_prefix(s, "≥") || take_prefix(s, "=>") || take_prefix(s, "tối thiểu") ||
        take_prefix(s, "ít nhất") || take_prefix(s, "at least") || take_prefix(s, "min"))
        op = PS_OP_GE;
    else if (take_prefix(s, ">") || take_prefix(s, "trên") || take_prefix(s, "hơn") ||
             take_prefix(s, "above") || take_prefix(s, "over") || take_prefix(s, "more than"))
        op = PS_OP_GT;
    *len -= (size_t)(*s - start);
    if (take_suffix(*s, len, "trở lên") || take_suffix(*s, len, "or more") ||
        take_suffix(*s, len, "or above")) {
        if (op == PS_OP_GT)
            return -1; /* "trên 50% trở lên" says two different things */
        op = PS_OP_GE;
    }
    return op;
}

ps_parse_result ps_target_parse(const char *text, size_t len, ps_target *out)
{
    char *folded;
    ps_status st = ps_text_fold(text, len, &folded);
    if (st != PS_OK)
        return st == PS_ERR_NOMEM ? PS_PARSE_NOMEM : PS_PARSE_INVALID;
    const char *s = folded;
    size_t rest = strlen(folded);
    ps_parse_result result = PS_PARSE_EMPTY;
    if (rest == 0)
        goto done;
    int op = take_op(&s, &rest);
    result = PS_PARSE_INVALID;
    if (op < 0)
        goto done;
    ps_num value;
    bool negative = false;
    result = ps_num_parse(s, rest, &value, NULL, &negative);
    if (result == PS_PARSE_EMPTY)
        result = PS_PARSE_INVALID;
    if (result != PS_PARSE_OK)
        goto done;
    if (negative) {
        result = PS_PARSE_INVALID;
        goto done;
    }
    out->op = op == 0 ? PS_OP_GE : (ps_op)op;
    out->value = value;
done:
    free(folded);
    return result;
}

bool ps_target_met(const ps_target *target, ps_num value)
{
    return target->op == PS_OP_GT ? value > target->value : value >= target->value;
}

ps_num ps_target_least_gain(const ps_target *target, ps_num value)
{
    const ps_num cent = PS_NUM_SCALE / 100;
    if (ps_target_met(target, value))
        return 0;
    ps_num diff = target->value - value; /* >= 0 here */
    ps_num below = diff - diff % cent;   /* whole hundredths not above it */
    return target->op == PS_OP_GT || below < diff ? below + cent : below;
}
