/* profile_store: the controller profiles on disk. Shipped profiles are in
 * <paths.data>/controllers/, the user's (learned or written by hand) in
 * <paths.user_config>/controllers/; a user profile replaces a shipped one
 * of the same id (the file's stem). A damaged file is reported and left
 * out; the others load. */
#ifndef SOUNDBOARD_PROFILE_STORE_H
#define SOUNDBOARD_PROFILE_STORE_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "paths.h"
#include "profile.h"

enum { PROFILE_STORE_MAX = 128 };

struct profile_store {
    struct profile *profile;  /* PROFILE_STORE_MAX slots, count in use */
    int count;
    int generic;              /* index of "generic", or -1 */
};

/* Allocates the table (aborts when memory runs out) and loads both
 * folders; problems go to log as "soundboard: FILE:LINE: what". */
void profile_store_load(struct profile_store *s, const struct paths *p,
                        FILE *log);
void profile_store_free(struct profile_store *s);

/* Index of the profile with this id, or -1. */
int profile_store_find(const struct profile_store *s, const char *id);
/* Adds p, replacing the profile with the same id; its index, or -1 when
 * the table is full. */
int profile_store_add(struct profile_store *s, const struct profile *p);

/* The profile that drives a port of this name (profile_pick: the longest
 * matching pattern wins, else generic); PROFILE_PICK_SKIP (-1) when the
 * port must not be opened (an excluded port, or no generic). */
int profile_store_match(const struct profile_store *s, const char *port_name);

/* Reads and parses one profile file (id = the file's stem). Problems go to
 * d; false if the file cannot be used. */
bool profile_store_read_file(const char *path, struct profile *p,
                             struct diag_list *d);

/* --controller NAME|FILE: a path (holds '/' or ends in .ini) is read and
 * added; anything else is an id. The profile's index, or -1 with the
 * reason printed on log. */
int profile_store_force(struct profile_store *s, const char *arg, FILE *log);

/* Saves a learned profile as <user_config>/controllers/<id>.ini
 * (atomically, creating the folder) and adds it. Returns its index, or -1
 * with a one-line reason in err; *saved_path (PATHS_MAX bytes) gets the
 * file written. */
int profile_store_save(struct profile_store *s, const struct paths *p,
                       const struct profile *prof, char *saved_path,
                       char *err, size_t errlen);

/* --check FILE for a controller profile: "ok", or FILE:LINE lines, on
 * out; returns 0 or 2. */
int profile_store_check(const char *path, FILE *out);

#endif
