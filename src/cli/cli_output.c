/* Output for the parscore command: all or nothing, and write errors (full disk, closed pipe) reported. */
#include "cli/cli_output.h"

#include "base/wording.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(const char *path, int err, ps_lang lang)
{
    char message[1024];
    const char *args[] = {path ? path : ps_label_text(PS_L_CLI_THE_OUTPUT, lang), strerror(err)};
    ps_wording_fill_chars(message, sizeof message, ps_label_text(PS_L_CLI_CANNOT_WRITE, lang), args, 2);
    fprintf(stderr, "parscore: %s\n", message);
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

static bool write_all(int fd, const char *data, size_t len, int *error)
{
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            *error = w < 0 ? errno : EIO;
            return false;
        }
        done += (size_t)w;
    }
    return true;
}

bool cli_stream_open(cli_stream *s, const char *path, ps_lang lang)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->fd = STDOUT_FILENO;
    if (!path)
        return true;
    size_t n = strlen(path);
    s->tmp = malloc(n + 16);
    if (!s->tmp) {
        fail(path, ENOMEM, lang);
        return false;
    }
    snprintf(s->tmp, n + 16, "%s.tmp-XXXXXX", path);
    s->fd = mkstemp(s->tmp);
    if (s->fd < 0) {
        fail(path, errno, lang);
        free(s->tmp);
        s->tmp = NULL;
        return false;
    }
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(s->fd, 0666 & ~mask) != 0)
        s->error = errno;
    return true;
}

bool cli_stream_write(void *stream, const char *data, size_t len)
{
    cli_stream *s = stream;
    return s->error == 0 && write_all(s->fd, data, len, &s->error);
}

int cli_stream_close(cli_stream *s, bool ok, ps_lang lang)
{
    if (!s->path) {
        if (s->error != 0)
            return fail(NULL, s->error, lang);
        return ok ? 0 : 2;
    }
    if (s->error == 0 && ok && fsync(s->fd) != 0 && errno != EINVAL)
        s->error = errno;
    if (close(s->fd) != 0 && s->error == 0)
        s->error = errno;
    if (s->error == 0 && ok && rename(s->tmp, s->path) != 0)
        s->error = errno;
    bool renamed = s->error == 0 && ok;
    if (!renamed)
        unlink(s->tmp);
    free(s->tmp);
    s->tmp = NULL;
    if (s->error != 0)
        return fail(s->path, s->error, lang);
    return ok ? 0 : 2;
}

/* The old file stays as it was unless the new one was written whole. */
static int write_file(const ps_buf *buf, const char *path, ps_lang lang)
{
    cli_stream s;
    if (!cli_stream_open(&s, path, lang))
        return 2;
    cli_stream_write(&s, buf->data, buf->len);
    return cli_stream_close(&s, true, lang);
}

int cli_write_output(const ps_buf *buf, const char *path, ps_lang lang)
{
    return path ? write_file(buf, path, lang) : write_stdout(buf, lang);
}
