/* Opening and reading inputs: files or standard input, whole with a size limit, checked for changes. */
#include "input/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/error.h"
#include "parscore/load.h"

const char *ps_input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

ps_status ps_input_open(const char *path, FILE **f, long long *size, ps_error *err)
{
    bool use_stdin = strcmp(path, "-") == 0;
    *size = -1;
    *f = use_stdin ? stdin : fopen(path, "rb");
    if (!*f) {
        ps_error_set(err, PS_MSG_OPEN, ps_input_name(path), 0, 0, strerror(errno), NULL, NULL);
        return PS_ERR_IO;
    }
    struct stat st;
    if (fstat(fileno(*f), &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!use_stdin)
            fclose(*f);
        ps_error_set(err, PS_MSG_IS_DIRECTORY, ps_input_name(path), 0, 0, NULL, NULL, NULL);
        return PS_ERR_IO;
    }
    if (fstat(fileno(*f), &st) == 0 && S_ISREG(st.st_mode))
        *size = (long long)st.st_size;
    return PS_OK;
}

ps_status ps_input_check_unchanged(const char *path, FILE *f, long long size, unsigned long long bytes_read,
                                   ps_error *err)
{
    if (size < 0)
        return PS_OK;
    struct stat st;
    long long now = fstat(fileno(f), &st) == 0 ? (long long)st.st_size : -1;
    if (now == size && bytes_read == (unsigned long long)size)
        return PS_OK;
    char was[32], read[32];
    snprintf(was, sizeof was, "%lld", size);
    snprintf(read, sizeof read, "%llu", bytes_read);
    ps_error_set(err, PS_MSG_FILE_CHANGED, ps_input_name(path), 0, 0, was, read, NULL);
    return PS_ERR_IO;
}

ps_status ps_input_read(const char *path, char **data, size_t *len, ps_error *err)
{
    FILE *f;
    long long size;
    ps_status st = ps_input_open(path, &f, &size, err);
    if (st != PS_OK)
        return st;
    *data = NULL;
    *len = 0;
    return ps_input_read_open(path, f, size, data, len, err);
}

ps_status ps_input_read_open(const char *path, FILE *f, long long size, char **data, size_t *len,
                             ps_error *err)
{
    ps_status st = PS_OK;
    size_t cap = 65536, n = *len;
    while (cap < n)
        cap *= 2;
    char *buf = realloc(*data, cap + 1);
    if (!buf)
        free(*data);
    while (buf) {
        if (n == cap) {
            if (cap >= PS_LIMIT_INPUT_BYTES) {
                char limit[32];
                snprintf(limit, sizeof limit, "%d", PS_LIMIT_INPUT_BYTES);
                ps_error_set(err, PS_MSG_INPUT_TOO_LARGE, ps_input_name(path), 0, 0, limit, NULL, NULL);
                st = PS_ERR_INPUT;
                break;
            }
            cap *= 2;
            char *grown = realloc(buf, cap + 1);
            if (!grown)
                break;
            buf = grown;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                ps_error_set(err, PS_MSG_READ, ps_input_name(path), 0, 0, strerror(errno), NULL, NULL);
                st = PS_ERR_IO;
            }
            break;
        }
    }
    if (st == PS_OK && buf)
        st = ps_input_check_unchanged(path, f, size, n, err);
    if (f != stdin)
        fclose(f);
    if (st == PS_OK && !buf) {
        ps_error_set(err, PS_MSG_NOMEM, ps_input_name(path), 0, 0, NULL, NULL, NULL);
        st = PS_ERR_NOMEM;
    }
    if (st != PS_OK) {
        free(buf);
        *data = NULL;
        return st;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return PS_OK;
}

bool ps_input_looks_json(const char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && strchr(" \t\r\n", data[i]) && data[i] != '\0')
        i++;
    return i < len && (data[i] == '{' || data[i] == '[');
}
