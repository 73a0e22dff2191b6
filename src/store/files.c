/* files: whole-file reads with a size limit and readable errors; atomic
 * writes (temporary file, fsync, rename, folder fsync) with a
 * fault-injection seam for tests. */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

bool files_read_why(const char *path, char **out, size_t *len, char *why,
                    size_t whylen)
{
    *out = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, whylen, "cannot open: %s", strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "not a regular file");
        fclose(f);
        return false;
    }
    if (st.st_size > FILES_MAX_SIZE) {
        snprintf(why, whylen, "too large (%lld bytes; the limit is %d)",
                 (long long)st.st_size, FILES_MAX_SIZE);
        fclose(f);
        return false;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf) {
        snprintf(why, whylen, "out of memory");
        fclose(f);
        return false;
    }
    size_t n = fread(buf, 1, (size_t)st.st_size, f);
    bool ok = !ferror(f);
    int saved = errno;
    fclose(f);
    if (!ok) {
        snprintf(why, whylen, "read failed: %s", strerror(saved));
        free(buf);
        return false;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return true;
}

bool files_read(const char *path, char **out, size_t *len, char *err,
                size_t errlen)
{
    char why[160];
    if (files_read_why(path, out, len, why, sizeof why))
        return true;
    snprintf(err, errlen, "%s: %s", path, why);
    return false;
}

bool files_read_diag(const char *path, char **out, size_t *len,
                     struct diag_list *d)
{
    char why[160];
    if (files_read_why(path, out, len, why, sizeof why))
        return true;
    diag_add(d, path, 0, "%s", why);
    return false;
}

static int is_ini_name(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".ini") == 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

int files_list_ini(const char *dir, struct dirent ***names)
{
    return scandir(dir, names, is_ini_name, by_name);
}

void files_list_free(struct dirent **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* ------------------------------------------------------------------ */
/* Atomic writes                                                       */
/* ------------------------------------------------------------------ */

const char *files_step_name(enum files_step step)
{
    static const char *const names[FILES_STEPS] = {
        "open", "write", "fsync", "close", "rename", "folder fsync",
    };
    return (int)step >= 0 && step < FILES_STEPS ? names[step] : "?";
}

const char *files_reason(int e)
{
    switch (e) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return "disk full";
    case EACCES:
    case EPERM:
        return "the folder is read-only (no permission to write there)";
    case EROFS:
        return "the folder is read-only (read-only file system)";
    case ENOENT:
        return "the folder does not exist";
    case ENOTDIR:
        return "part of the path is a file, not a folder";
    case EISDIR:
        return "the target is a folder";
    case ENAMETOOLONG:
        return "the name is too long";
    case EIO:
        return "input/output error (the disk may be failing)";
    default:
        return strerror(e);
    }
}

/* Runs the fault hook; returns an errno to fail with, or 0. */
static int injected(const struct files_fault *f, enum files_step step)
{
    return f && f->before ? f->before(f->user, step) : 0;
}

static bool write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* Splits path into its folder ("." when there is none) and base name. */
static bool split_path(const char *path, char *dir, size_t dirlen,
                       const char **base)
{
    const char *slash = strrchr(path, '/');
    *base = slash ? slash + 1 : path;
    int n = slash ? snprintf(dir, dirlen, "%.*s",
                             (int)(slash == path ? 1 : slash - path), path)
                  : snprintf(dir, dirlen, ".");
    return n > 0 && (size_t)n < dirlen && **base;
}

static int open_temp(const char *dir, const char *base, char *tmp,
                     size_t tmplen)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    for (int attempt = 0; attempt < 100; attempt++) {
        int n = snprintf(tmp, tmplen, "%s/.%s.tmp-%ld-%ld-%d", dir, base,
                         (long)getpid(), (long)ts.tv_nsec, attempt);
        if (n <= 0 || (size_t)n >= tmplen) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

bool files_write_atomic_with(const char *path, const void *data, size_t len,
                             const struct files_fault *fault, char *err,
                             size_t errlen)
{
    char dir[4096], tmp[4352];
    const char *base;
    if (!split_path(path, dir, sizeof dir, &base)) {
        snprintf(err, errlen, "%s: cannot save: not a file name", path);
        return false;
    }
    enum files_step step = FILES_STEP_OPEN;
    int e = injected(fault, step);
    int fd = -1;
    if (!e) {
        fd = open_temp(dir, base, tmp, sizeof tmp);
        if (fd < 0)
            e = errno;
    }
    if (e)
        goto fail_no_temp;

    step = FILES_STEP_WRITE;
    e = injected(fault, step);
    if (e) {
        (void)write_all(fd, data, len / 2); /* a write cut short */
        goto fail;
    }
    if (!write_all(fd, data, len)) {
        e = errno;
        goto fail;
    }
    step = FILES_STEP_FSYNC;
    e = injected(fault, step);
    if (e || fsync(fd) != 0) {
        e = e ? e : errno;
        goto fail;
    }
    step = FILES_STEP_CLOSE;
    e = injected(fault, step);
    int rc = close(fd);
    fd = -1;
    if (e || rc != 0) {
        e = e ? e : errno;
        goto fail;
    }
    step = FILES_STEP_RENAME;
    e = injected(fault, step);
    if (e || rename(tmp, path) != 0) {
        e = e ? e : errno;
        goto fail;
    }
    step = FILES_STEP_DIR_FSYNC;
    e = injected(fault, step);
    if (!e) {
        int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd < 0 || fsync(dfd) != 0)
            e = errno;
        if (dfd >= 0)
            close(dfd);
    }
    if (e) {
        snprintf(err, errlen,
                 "%s: saved, but the folder could not be flushed to disk "
                 "(%s): the save may not survive a power cut",
                 path, files_reason(e));
        return false;
    }
    return true;

fail:
    if (fd >= 0)
        close(fd);
    unlink(tmp);
fail_no_temp:
    snprintf(err, errlen, "%s: cannot save: %s (at %s)", path,
             files_reason(e), files_step_name(step));
    return false;
}

bool files_write_atomic(const char *path, const void *data, size_t len,
                        char *err, size_t errlen)
{
    return files_write_atomic_with(path, data, len, NULL, err, errlen);
}
