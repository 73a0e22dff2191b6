/* files: reading whole text files for the parsers, and (presets) writing
 * them atomically. All I/O of user and bundled files goes through here. */
#ifndef SOUNDBOARD_FILES_H
#define SOUNDBOARD_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* Largest file soundboard reads: profiles, presets and content are small;
 * anything bigger is refused rather than parsed. */
enum { FILES_MAX_SIZE = 1 << 20 };

/* Reads a whole file into a malloc'd, NUL-terminated buffer (*len excludes
 * the NUL). On failure returns false and writes "PATH: reason" into err. */
bool files_read(const char *path, char **out, size_t *len, char *err,
                size_t errlen);

#endif
