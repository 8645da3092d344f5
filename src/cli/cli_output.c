/* Output for the parscore command: all or nothing into files, written through symlinks and into devices as
 * they are, and write errors (a full disk) reported; a reader that leaves a pipe early is not an error. */
#include "cli/cli_output.h"

#include "base/text.h"
#include "base/wording.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40 /* symlinks followed to the file they name, as the kernel does */

static int fail(const char *path, int err, ps_lang lang)
{
    if (err == ENOMEM) { /* out of memory is said as such wherever it happens */
        fprintf(stderr, "parscore: %s\n", ps_wording(PS_MSG_NOMEM, lang));
        return 2;
    }
    char message[1024];
    const char *args[] = {path ? path : ps_label_text(PS_L_CLI_THE_OUTPUT, lang), strerror(err)};
    ps_wording_fill_chars(message, sizeof message, ps_label_text(PS_L_CLI_CANNOT_WRITE, lang), args, 2);
    fprintf(stderr, "parscore: %s\n", message);
    return 2;
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

/* The path a chain of symlinks ends at (the link itself when it is not one); a fresh copy, NULL when out of
 * memory or the chain is too long (errno says which). */
static char *follow_links(const char *path)
{
    char *at = ps_strdup(path); /* ours, not libc's: under the same allocator as the rest */
    if (!at)
        errno = ENOMEM;
    for (int n = 0; at && n < MAX_LINKS; n++) {
        struct stat st;
        if (lstat(at, &st) != 0 || !S_ISLNK(st.st_mode))
            return at;
        char target[PATH_MAX];
        ssize_t len = readlink(at, target, sizeof target - 1);
        if (len < 0 || (size_t)len >= sizeof target - 1) {
            free(at);
            errno = len < 0 ? errno : ENAMETOOLONG;
            return NULL;
        }
        target[len] = '\0';
        const char *slash = strrchr(at, '/');
        size_t dir =
            target[0] != '/' && slash ? (size_t)(slash - at) + 1 : 0; /* relative to the link's folder */
        char *next = malloc(dir + (size_t)len + 1);
        if (next) {
            memcpy(next, at, dir);
            memcpy(next + dir, target, (size_t)len + 1);
        }
        free(at);
        at = next;
        if (!at)
            errno = ENOMEM;
    }
    if (at) {
        free(at);
        errno = ELOOP;
    }
    return NULL;
}

/* The output could not be opened: says why and releases what was made for it. */
static bool open_failed(cli_stream *s, int error, ps_lang lang)
{
    fail(s->path, error, lang);
    free(s->tmp);
    free(s->target);
    s->tmp = s->target = NULL;
    return false;
}

/* Opens the output. A regular file (or a new one) gets a temporary file beside it, renamed over it only when
 * everything was written, with the old file's mode; anything else (a FIFO, a device) is written into as it
 * is, since renaming over it would destroy it. */
bool cli_stream_open(cli_stream *s, const char *path, ps_lang lang)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->fd = STDOUT_FILENO;
    if (!path)
        return true;
    s->target = follow_links(path);
    if (!s->target)
        return open_failed(s, errno, lang);
    struct stat st;
    bool exists = stat(s->target, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        s->fd = open(s->target, O_WRONLY | O_NOCTTY);
        if (s->fd < 0)
            return open_failed(s, errno, lang);
        s->direct = true;
        return true;
    }
    size_t n = strlen(s->target);
    s->tmp = malloc(n + 16);
    if (!s->tmp)
        return open_failed(s, ENOMEM, lang);
    snprintf(s->tmp, n + 16, "%s.tmp-XXXXXX", s->target);
    s->fd = mkstemp(s->tmp);
    if (s->fd < 0)
        return open_failed(s, errno, lang);
    mode_t mask = umask(0);
    umask(mask);
    mode_t mode = exists ? st.st_mode & 07777 : 0666 & ~mask;
    if (exists && fchown(s->fd, st.st_uid, st.st_gid) != 0 && errno != EPERM)
        s->error = errno; /* another owner's file keeps its owner where the system lets us */
    if (fchmod(s->fd, mode) != 0 && s->error == 0)
        s->error = errno;
    return true;
}

bool cli_stream_write(void *stream, const char *data, size_t len)
{
    cli_stream *s = stream;
    return s->error == 0 && write_all(s->fd, data, len, &s->error);
}

/* A reader of standard output that went away (head -1) took what it wanted: not an error. */
static bool reader_left(const cli_stream *s)
{
    return !s->path && s->error == EPIPE;
}

int cli_stream_close(cli_stream *s, bool ok, ps_lang lang)
{
    int status;
    if (!s->path || s->direct) {
        if (s->direct && close(s->fd) != 0 && s->error == 0)
            s->error = errno;
        status = reader_left(s) ? 0 : s->error != 0 ? fail(s->path, s->error, lang) : ok ? 0 : 2;
    } else {
        if (s->error == 0 && ok && fsync(s->fd) != 0 && errno != EINVAL)
            s->error = errno;
        if (close(s->fd) != 0 && s->error == 0)
            s->error = errno;
        if (s->error == 0 && ok && rename(s->tmp, s->target) != 0)
            s->error = errno;
        if (s->error != 0 || !ok)
            unlink(s->tmp); /* the old file stays as it was */
        status = s->error != 0 ? fail(s->path, s->error, lang) : ok ? 0 : 2;
    }
    free(s->tmp);
    free(s->target);
    s->tmp = s->target = NULL;
    return status;
}

int cli_write_output(const ps_buf *buf, const char *path, ps_lang lang)
{
    cli_stream s;
    if (!cli_stream_open(&s, path, lang))
        return 2;
    cli_stream_write(&s, buf->data ? buf->data : "", buf->len);
    return cli_stream_close(&s, true, lang);
}
