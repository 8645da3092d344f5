/* Output for the parscore command: all or nothing, and write errors (full disk, closed pipe) reported. */
#include "cli_output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(const char *path, int err, ps_lang lang)
{
    if (lang == PS_LANG_EN)
        fprintf(stderr, "parscore: cannot write %s: %s\n", path ? path : "the output", strerror(err));
    else
        fprintf(stderr, "parscore: không ghi được %s: %s\n", path ? path : "kết quả", strerror(err));
    return 2;
}

static int write_stdout(const ps_buf *buf, ps_lang lang)
{
    errno = 0;
    if (buf->len > 0 && fwrite(buf->data, 1, buf->len, stdout) != buf->len)
        return fail(NULL, errno ? errno : EIO, lang);
    if (fflush(stdout) != 0 || ferror(stdout))
        return fail(NULL, errno ? errno : EIO, lang);
    return 0;
}

/* The old file stays as it was unless the new one was written whole. */
static int write_file(const ps_buf *buf, const char *path, ps_lang lang)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return fail(path, ENOMEM, lang);
    snprintf(tmp, n + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return fail(path, e, lang);
    }
    mode_t mask = umask(0);
    umask(mask);
    int e = fchmod(fd, 0666 & ~mask) == 0 ? 0 : errno;
    size_t done = 0;
    while (e == 0 && done < buf->len) {
        ssize_t w = write(fd, buf->data + done, buf->len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            e = w < 0 ? errno : EIO;
        else
            done += (size_t)w;
    }
    if (e == 0 && fsync(fd) != 0 && errno != EINVAL)
        e = errno;
    if (close(fd) != 0 && e == 0)
        e = errno;
    if (e == 0 && rename(tmp, path) != 0)
        e = errno;
    if (e != 0)
        unlink(tmp);
    free(tmp);
    return e == 0 ? 0 : fail(path, e, lang);
}

int cli_write_output(const ps_buf *buf, const char *path, ps_lang lang)
{
    return path ? write_file(buf, path, lang) : write_stdout(buf, lang);
}
