/* settings_store: settings.ini on disk ($XDG_CONFIG_HOME/soundboard/
 * settings.ini, by default ~/.config/soundboard/settings.ini).
 *
 * Reading never fails: a missing file gives the defaults silently; an
 * unreadable or broken one gives "soundboard: FILE:LINE: what" lines on
 * the log and the defaults for what was wrong. The file is written only
 * by settings_store_save, atomically (files_write_atomic), and only when
 * the settings differ from what the file holds: a broken file stays as it
 * is until the user changes a setting. Without a home folder nothing is
 * written and saving says why. */
#ifndef SOUNDBOARD_SETTINGS_STORE_H
#define SOUNDBOARD_SETTINGS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "files.h"
#include "paths.h"
#include "settings.h"

struct settings_file {
    char path[PATHS_MAX];    /* "" when there is no home folder */
    char dir[PATHS_MAX];     /* its folder, created on the first save */
    struct settings held;    /* what the file holds (as read or written) */
    bool broken;             /* it had problems when read */
    const struct files_fault *fault; /* test seam for writes; NULL */
};

/* Names the file from p and reads it into *out (and f->held). */
void settings_store_load(struct settings_file *f, const struct paths *p,
                         struct settings *out, FILE *log);

/* Writes s if it differs from what the file holds (creating the folder).
 * True if the file holds s afterwards; false with a one-line reason in
 * err (no home folder, a full disk...). Either way f->held becomes s, so
 * a failure is reported once per change, not on every call. */
bool settings_store_save(struct settings_file *f, const struct settings *s,
                         char *err, size_t errlen);

#endif
