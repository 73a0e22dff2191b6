/* test_support: file helpers for tests. */
/* nftw (X/Open) for the clean-up at exit. */
#define _XOPEN_SOURCE 700
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

char *test_read_source_file(const char *rel, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", SOUNDBOARD_SOURCE_DIR, rel);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "test: cannot open %s\n", path);
        abort();
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
        abort();
    buf[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return buf;
}

/* Every folder made here is removed, with what is in it, when the test
 * program exits: a test run leaves nothing behind in /tmp. */
enum { TEMP_DIRS_MAX = 64 };
static char made[TEMP_DIRS_MAX][256];
static int made_count;

/* Tests make folders read-only on purpose: give write back first. */
static int writable(const char *path, const struct stat *st, int flag,
                    struct FTW *ftw)
{
    (void)ftw;
    if (flag == FTW_D || flag == FTW_DNR)
        chmod(path, (st->st_mode & 07777) | 0700);
    return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static void remove_temp_dirs(void)
{
    for (int i = 0; i < made_count; i++) {
        chmod(made[i], 0700);
        nftw(made[i], writable, 16, FTW_PHYS);
        nftw(made[i], remove_one, 16, FTW_DEPTH | FTW_PHYS);
    }
    made_count = 0;
}

const char *test_make_temp_dir(void)
{
    static char path[256];
    const char *base = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/soundboard-test-XXXXXX",
             base && *base ? base : "/tmp");
    if (!mkdtemp(path))
        abort();
    if (made_count == 0)
        atexit(remove_temp_dirs);
    if (made_count < TEMP_DIRS_MAX)
        snprintf(made[made_count++], sizeof made[0], "%s", path);
    return path;
}
