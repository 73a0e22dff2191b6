/* paths: where soundboard finds its bundled data and the user's files.
 *
 * Bundled data (assets/, controllers/) is found relative to the executable,
 * never the current directory, so a .deb install and the build tree both
 * work: first $SOUNDBOARD_DATA_DIR if set, then <exe dir>/../share/soundboard
 * (installed), then <exe dir> (the build tree, where CMake links assets/ and
 * controllers/ beside the binary). */
#ifndef SOUNDBOARD_PATHS_H
#define SOUNDBOARD_PATHS_H

#include <stdbool.h>
#include <stddef.h>

enum { PATHS_MAX = 4096 };

struct paths {
    char data[PATHS_MAX];        /* holds assets/ and controllers/ */
    char user_config[PATHS_MAX]; /* $XDG_CONFIG_HOME/soundboard; "" when
                                    neither it nor HOME is set */
    char user_data[PATHS_MAX];   /* $XDG_DATA_HOME/soundboard; "" likewise */
};

/* Fills *p. Returns false (and a one-line reason in err) if no data folder
 * with an assets/ subfolder can be found. The user folders are computed but
 * not created. */
bool paths_init(struct paths *p, char *err, size_t errlen);

/* The folder of the running executable (/proc/self/exe, links resolved)
 * into out; false (errno set) if it cannot be read or does not fit. The
 * print module is found from it too (src/cli/print_load.h). */
bool paths_exe_dir(char *out, size_t outlen);

/* Joins a folder and a relative path into out; false if it does not fit. */
bool paths_join(char *out, size_t outlen, const char *dir, const char *rel);

/* Creates a folder and its parents (mode 0755); true if it exists after. */
bool paths_mkdirs(const char *dir);

#endif
