/* arc_store: the arc files on disk, user and factory (docs/arcs.md).
 *
 * User arcs live in <paths.user_data>/arcs/ ($XDG_DATA_HOME/soundboard/
 * arcs), one NAME.ini each (NAME from preset_file_stem() of the display
 * name, -2, -3... when taken); factory arcs are read-only in
 * <paths.data>/assets/arcs/. A name is looked up in the user arcs first.
 * A damaged file is reported ("FILE:LINE: what"), left out and never
 * written. Writes go through files_write_atomic; after every save the
 * store re-reads its folders. */
#ifndef SOUNDBOARD_ARC_STORE_H
#define SOUNDBOARD_ARC_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arc.h"
#include "diag.h"
#include "files.h"
#include "paths.h"

enum arc_origin { ARC_USER, ARC_FACTORY };

enum { ARC_STORE_MAX_FILES = 512 };

struct arc_entry {
    struct arc arc;
    enum arc_origin origin;
    bool shadowed;             /* a factory arc hidden by a user arc of
                                  the same name */
    char path[PATHS_MAX];
};

struct arc_store {
    char user_dir[PATHS_MAX];     /* <user_data>/arcs, "" without a home */
    char factory_dir[PATHS_MAX];  /* <data>/assets/arcs */
    struct arc_entry *entry;      /* user arcs, then factory ones, each
                                     group by name (bytewise), then file */
    int count;
    const struct files_fault *fault; /* test seam for writes; NULL */
};

void arc_store_init(struct arc_store *s, const struct paths *p);
/* (Re)reads both folders; damaged files go to diag (may be NULL). Returns
 * the number listed. */
int arc_store_load(struct arc_store *s, struct diag_list *diag);
void arc_store_free(struct arc_store *s);

/* By exact name, user first; NULL if none. Valid until the next load. */
const struct arc_entry *arc_store_find(const struct arc_store *s,
                                       const char *name);
/* Index of the entry after `name` in list order, skipping shadowed ones
 * (name NULL: the first); -1 past the last. */
int arc_store_next(const struct arc_store *s, const char *name);

/* Reads and parses one arc file; problems go to diag. */
bool arc_store_read_file(const char *path, struct arc *out,
                         struct diag_list *diag);

/* --arc NAME|FILE|PART, as --preset takes it, tried in this order:
 *   1. an argument naming an existing regular file that holds a '/' or
 *      ends in ".ini" is read as a file (problems go to err);
 *   2. the exact name, user arcs first;
 *   3. a file stem ("1-argument-grade8-ten-weeks", ".ini" optional);
 *   4. the name in any case;
 *   5. a part of one name, in any case ("weather"): it must fit exactly
 *      one arc, else the candidates are listed.
 * What went wrong is one line on err; true if *out was filled. */
bool arc_store_open(const struct arc_store *s, const char *arg,
                    struct arc *out, FILE *err);
/* The arcs whose name holds arg in any case (shadowed ones left out), in
 * list order: up to max into found; returns how many there are in all. */
int arc_store_matches(const struct arc_store *s, const char *arg,
                      const struct arc_entry **found, int max);

/* Saves a as a user arc: replaces the user arc of the same name, or makes
 * a new file. `saved_path` (PATHS_MAX bytes) may be NULL. On failure false
 * with a one-line reason in err; the old file is untouched. */
bool arc_store_save(struct arc_store *s, const struct arc *a,
                    char *saved_path, char *err, size_t errlen);

/* The first of "BASE", "BASE 2"... that no arc has, cut to fit a name. */
void arc_store_unique_name(const struct arc_store *s, const char *base,
                           char *out, size_t cap);

/* --check FILE for an arc: "ok" and 0, or FILE:LINE lines and 2. */
int arc_store_check(const char *path, FILE *out);
/* True if the file's first section header is [arc]. */
bool arc_store_is_arc_file(const char *path);

#endif
