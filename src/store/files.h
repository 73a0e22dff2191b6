/* files: reading whole text files for the parsers, and (presets) writing
 * them atomically. All I/O of user and bundled files goes through here. */
#ifndef SOUNDBOARD_FILES_H
#define SOUNDBOARD_FILES_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Largest file soundboard reads: profiles, presets and content are small;
 * anything bigger is refused rather than parsed. */
enum { FILES_MAX_SIZE = 1 << 20 };

/* Reads a whole file into a malloc'd, NUL-terminated buffer (*len excludes
 * the NUL). On failure returns false and writes "PATH: reason" into err. */
bool files_read(const char *path, char **out, size_t *len, char *err,
                size_t errlen);
/* The same, with only the reason in `why` ("cannot open: No such file or
 * directory", "too large (...)"), for callers that name the file
 * themselves. */
bool files_read_why(const char *path, char **out, size_t *len, char *why,
                    size_t whylen);
/* The same, adding "PATH: reason" to d on failure. */
bool files_read_diag(const char *path, char **out, size_t *len,
                     struct diag_list *d);

/* The *.ini files of a folder (hidden ones left out), in bytewise name
 * order (scandir). Returns how many, or -1 with errno set when the folder
 * cannot be read; free the list with files_list_free. */
int files_list_ini(const char *dir, struct dirent ***names);
void files_list_free(struct dirent **names, int n);

/* ---- Atomic writes (presets, exports) ----
 *
 * files_write_atomic never leaves a half-written target: it writes a
 * temporary file ".NAME.tmp-..." in the target's folder (created with
 * O_EXCL, mode 0644 less the umask), writes all the data, fsyncs and closes
 * it, renames it over the target, then fsyncs the folder. On a failure
 * before the rename the temporary file is removed and the old target is
 * untouched; so a crash or a full disk at any moment leaves the old file or
 * the new one, whole. */

/* The steps, in order; a fault can be injected before each one. */
enum files_step {
    FILES_STEP_OPEN,      /* create the temporary file */
    FILES_STEP_WRITE,     /* write the data (a fault here writes half) */
    FILES_STEP_FSYNC,     /* flush the temporary file to disk */
    FILES_STEP_CLOSE,     /* close it */
    FILES_STEP_RENAME,    /* rename it over the target */
    FILES_STEP_DIR_FSYNC, /* flush the folder, so the rename is durable */
    FILES_STEPS
};

/* Test seam (fault injection), used by tests only: `before` is called
 * before each step and returns 0 to go on, or an errno value (ENOSPC, EIO,
 * EACCES...) that the step then fails with, exactly as if the system call
 * had returned it. Passing NULL means no faults. */
struct files_fault {
    int (*before)(void *user, enum files_step step);
    void *user;
};

/* Writes len bytes of data to path atomically (see above). On failure
 * returns false and writes "PATH: cannot save: why" into err, with why in
 * plain words ("disk full", "the folder is read-only"...). A failure of
 * the last step (folder fsync) also returns false: the new file is then in
 * place but may not survive a power cut, and err says so. */
bool files_write_atomic(const char *path, const void *data, size_t len,
                        char *err, size_t errlen);
/* The same with a fault-injection seam (may be NULL). */
bool files_write_atomic_with(const char *path, const void *data, size_t len,
                             const struct files_fault *fault, char *err,
                             size_t errlen);

/* "open", "write", "fsync", "close", "rename", "folder fsync". */
const char *files_step_name(enum files_step step);
/* Plain words for an errno value from a write: "disk full", ... */
const char *files_reason(int err);

#endif
