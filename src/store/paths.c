/* paths: locate bundled data beside the executable and the XDG folders. */
#include "paths.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool paths_join(char *out, size_t outlen, const char *dir, const char *rel)
{
    int n = snprintf(out, outlen, "%s/%s", dir, rel);
    return n > 0 && (size_t)n < outlen;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_assets(const char *dir)
{
    char probe[PATHS_MAX];
    return paths_join(probe, sizeof probe, dir, "assets") && is_dir(probe);
}

bool paths_exe_dir(char *out, size_t outlen)
{
    char buf[PATHS_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    int w = snprintf(out, outlen, "%s", dirname(buf));
    if (w <= 0 || (size_t)w >= outlen) {
        errno = ENAMETOOLONG;
        return false;
    }
    return true;
}

/* $VAR if it is an absolute path (the XDG spec ignores relative ones),
 * else $HOME/fallback. */
static void xdg_dir(char *out, size_t outlen, const char *var,
                    const char *fallback)
{
    const char *v = getenv(var);
    if (v && v[0] == '/') {
        snprintf(out, outlen, "%s/soundboard", v);
        return;
    }
    const char *home = getenv("HOME");
    if (!home || home[0] != '/') {
        out[0] = '\0'; /* nowhere of the user's: saving says so */
        return;
    }
    snprintf(out, outlen, "%s/%s/soundboard", home, fallback);
}

bool paths_init(struct paths *p, char *err, size_t errlen)
{
    memset(p, 0, sizeof *p);
    xdg_dir(p->user_config, sizeof p->user_config, "XDG_CONFIG_HOME",
            ".config");
    xdg_dir(p->user_data, sizeof p->user_data, "XDG_DATA_HOME",
            ".local/share");

    const char *env = getenv("SOUNDBOARD_DATA_DIR");
    if (env && *env) {
        if (has_assets(env)) {
            snprintf(p->data, sizeof p->data, "%s", env);
            return true;
        }
        snprintf(err, errlen, "SOUNDBOARD_DATA_DIR=%s has no assets/ folder",
                 env);
        return false;
    }
    char dir[PATHS_MAX];
    if (!paths_exe_dir(dir, sizeof dir)) {
        snprintf(err, errlen, "cannot find the program's own folder: %s",
                 strerror(errno));
        return false;
    }
    char installed[PATHS_MAX];
    if (paths_join(installed, sizeof installed, dir, "../share/soundboard")
        && has_assets(installed)) {
        snprintf(p->data, sizeof p->data, "%s", installed);
        return true;
    }
    if (has_assets(dir)) {
        snprintf(p->data, sizeof p->data, "%s", dir);
        return true;
    }
    snprintf(err, errlen,
             "no assets/ folder in %s/../share/soundboard or %s "
             "(set SOUNDBOARD_DATA_DIR to the folder that holds assets/)",
             dir, dir);
    return false;
}

bool paths_mkdirs(const char *dir)
{
    char buf[PATHS_MAX];
    int n = snprintf(buf, sizeof buf, "%s", dir);
    if (n <= 0 || (size_t)n >= sizeof buf)
        return false;
    for (char *s = buf + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST)
            return false;
        *s = '/';
    }
    return (mkdir(buf, 0755) == 0 || errno == EEXIST) && is_dir(buf);
}
