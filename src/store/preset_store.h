/* preset_store: the preset files on disk, user and factory.
 *
 * User presets live in <paths.user_data>/presets/ ($XDG_DATA_HOME/
 * soundboard/presets, by default ~/.local/share/soundboard/presets), one
 * NAME.ini each, where NAME is preset_file_stem() of the display name
 * (with -2, -3... when that file is taken). Factory presets are read-only
 * in <paths.data>/assets/presets/. A name is looked up in the user presets
 * first, then the factory ones; the same for slots 1..9.
 *
 * A damaged file is reported (diag, "FILE:LINE: what"), left out of the
 * list and never written, renamed or deleted: every operation here works
 * only on presets that parsed. All writes go through files_write_atomic.
 * After every change the store re-reads its folders, so `entry` always
 * shows what is on disk. */
#ifndef SOUNDBOARD_PRESET_STORE_H
#define SOUNDBOARD_PRESET_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "files.h"
#include "paths.h"
#include "preset.h"

enum preset_origin { PRESET_USER, PRESET_FACTORY };

/* Most files read from one folder; more are reported and skipped. */
enum { PRESET_STORE_MAX_FILES = 512 };

struct preset_entry {
    struct preset preset;      /* name, notes, values, slot, times */
    enum preset_origin origin;
    bool shadowed;             /* factory preset hidden by a user preset of
                                  the same name (lookups never return it) */
    char path[PATHS_MAX];      /* the file it came from */
};

struct preset_store {
    char user_dir[PATHS_MAX];     /* <user_data>/presets */
    char factory_dir[PATHS_MAX];  /* <data>/assets/presets */
    struct preset_entry *entry;   /* user presets, then factory ones; each
                                     group by slot (1..9, then none), then
                                     by name (bytewise) */
    int count;
    const struct files_fault *fault; /* test seam for writes; NULL */
};

/* Names the two folders from p; reads nothing (call preset_store_load). */
void preset_store_init(struct preset_store *s, const struct paths *p);
/* (Re)reads both folders. A missing folder is no error. Damaged files go
 * to diag (may be NULL) and are left out. Returns the number listed. */
int preset_store_load(struct preset_store *s, struct diag_list *diag);
void preset_store_free(struct preset_store *s);

/* A preset by exact display name, user first then factory; NULL if none.
 * The pointer is valid until the next change or load. */
const struct preset_entry *preset_store_find(const struct preset_store *s,
                                             const char *name);
/* Only among user presets. */
const struct preset_entry *preset_store_find_user(
    const struct preset_store *s, const char *name);
/* The preset in slot 1..9, user first then factory; NULL if none. */
const struct preset_entry *preset_store_slot(const struct preset_store *s,
                                             int slot);

/* Reads and parses one preset file (--preset FILE). Problems go to diag as
 * "PATH:LINE: what"; returns false if the file cannot be used. */
bool preset_store_read_file(const char *path, struct preset *out,
                            struct diag_list *diag);

/* --preset NAME|FILE|SLOT|PART, tried in this order:
 *   1. an argument that names an existing regular file and holds a '/' or
 *      ends in ".ini" is read as a file (problems go to diag);
 *   2. the exact display name, user presets first;
 *   3. a file stem ("6-novels-book-groups", ".ini" optional);
 *   4. a number: slot 1..9 ("--preset 6"), else nothing;
 *   5. the display name in any case;
 *   6. a part of one display name, in any case ("novels"): it must fit
 *      exactly one preset, else PRESET_AMBIGUOUS (preset_store_matches
 *      lists them). */
enum preset_resolve { PRESET_RESOLVED, PRESET_BAD_FILE, PRESET_NOT_FOUND,
                      PRESET_AMBIGUOUS };
enum preset_resolve preset_store_resolve(const struct preset_store *s,
                                         const char *arg, struct preset *out,
                                         struct diag_list *diag);
/* The presets whose display name holds arg in any case (shadowed ones left
 * out), in the store's order: up to max into found; returns how many
 * there are in all. */
int preset_store_matches(const struct preset_store *s, const char *arg,
                         const struct preset_entry **found, int max);

/* The same for the command line: the file's problems, "no preset named
 * ...", or the candidates of an ambiguous part, one line on err; true if
 * *out was filled. */
bool preset_store_recall(const struct preset_store *s, const char *arg,
                         struct preset *out, FILE *err);

/* True if saving under `name` would replace a user preset: ask first. */
bool preset_store_exists(const struct preset_store *s, const char *name);

/* Saves p as a user preset (creating the folder). If a user preset of that
 * name exists it is replaced only when `overwrite` (keeping its created
 * time); otherwise a new file is made. `changed` is set to now, `created`
 * too when p has none. If p has a slot, other user presets lose it. If
 * `saved_path` is not NULL it gets the file written (PATHS_MAX bytes).
 * On failure returns false with a one-line reason in err; the old file,
 * if any, is untouched. */
bool preset_store_save(struct preset_store *s, const struct preset *p,
                       bool overwrite, char *saved_path, char *err,
                       size_t errlen);
/* Renames a user preset (display name and file). If another user preset
 * has new_name it is replaced only when `overwrite`. Factory presets are
 * read-only. False with a reason in err on failure. */
bool preset_store_rename(struct preset_store *s, const char *name,
                         const char *new_name, bool overwrite, char *err,
                         size_t errlen);
/* Copies a preset (user or factory) to a new user preset named new_name,
 * without its slot; new_name NULL picks "NAME 2", "NAME 3"... */
bool preset_store_duplicate(struct preset_store *s, const char *name,
                            const char *new_name, char *err, size_t errlen);
/* Deletes a user preset's file (the caller asks first). Factory presets
 * are read-only. */
bool preset_store_delete(struct preset_store *s, const char *name, char *err,
                         size_t errlen);

/* The first of "BASE", "BASE 2", "BASE 3"... that no preset (user or
 * factory) has, cut to fit a preset name. */
void preset_store_unique_name(const struct preset_store *s, const char *base,
                              char *out, size_t cap);

#endif
