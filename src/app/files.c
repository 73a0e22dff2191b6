/* files: whole-file reads with a size limit and readable errors. */
#include "files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool files_read(const char *path, char **out, size_t *len, char *err,
                size_t errlen)
{
    *out = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        fclose(f);
        return false;
    }
    if (st.st_size > FILES_MAX_SIZE) {
        snprintf(err, errlen, "%s: too large (%lld bytes; the limit is %d)",
                 path, (long long)st.st_size, FILES_MAX_SIZE);
        fclose(f);
        return false;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf) {
        snprintf(err, errlen, "%s: out of memory", path);
        fclose(f);
        return false;
    }
    size_t n = fread(buf, 1, (size_t)st.st_size, f);
    bool ok = !ferror(f);
    int saved = errno;
    fclose(f);
    if (!ok) {
        snprintf(err, errlen, "%s: read failed: %s", path, strerror(saved));
        free(buf);
        return false;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return true;
}
