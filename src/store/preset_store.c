/* preset_store: list, look up, save, rename, duplicate and delete preset
 * files in the user and factory folders. */
#include "preset_store.h"

#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "str.h"

void preset_store_init(struct preset_store *s, const struct paths *p)
{
    memset(s, 0, sizeof *s);
    if (!p->user_data[0]
        || !paths_join(s->user_dir, sizeof s->user_dir, p->user_data,
                       "presets"))
        s->user_dir[0] = '\0';
    if (!paths_join(s->factory_dir, sizeof s->factory_dir, p->data,
                    "assets/presets"))
        s->factory_dir[0] = '\0';
}

void preset_store_free(struct preset_store *s)
{
    free(s->entry);
    s->entry = NULL;
    s->count = 0;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

bool preset_store_read_file(const char *path, struct preset *out,
                            struct diag_list *diag)
{
    char *text;
    size_t len;
    if (!files_read_diag(path, &text, &len, diag))
        return false;
    bool ok = preset_parse(text, len, path, out, diag);
    free(text);
    return ok;
}

static int compare_entries(const void *pa, const void *pb)
{
    const struct preset_entry *a = pa, *b = pb;
    if (a->origin != b->origin)
        return a->origin < b->origin ? -1 : 1;
    int sa = a->preset.slot ? a->preset.slot : PRESET_SLOTS + 1;
    int sb = b->preset.slot ? b->preset.slot : PRESET_SLOTS + 1;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    int c = strcmp(a->preset.name, b->preset.name);
    return c ? c : strcmp(a->path, b->path);
}

static bool grow(struct preset_store *s, int *cap)
{
    if (s->count < *cap)
        return true;
    int ncap = *cap ? *cap * 2 : 16;
    struct preset_entry *e = realloc(s->entry, (size_t)ncap * sizeof *e);
    if (!e)
        return false;
    s->entry = e;
    *cap = ncap;
    return true;
}

/* Reads the *.ini files of one folder, in name order. */
static void load_dir(struct preset_store *s, const char *dir,
                     enum preset_origin origin, int *cap,
                     struct diag_list *diag)
{
    if (!dir[0])
        return;
    struct dirent **names;
    int n = files_list_ini(dir, &names);
    if (n < 0) {
        if (errno != ENOENT)
            diag_add(diag, dir, 0, "cannot read the folder: %s",
                     strerror(errno));
        return;
    }
    if (n > PRESET_STORE_MAX_FILES)
        diag_add(diag, dir, 0, "more than %d presets: %d not listed",
                 PRESET_STORE_MAX_FILES, n - PRESET_STORE_MAX_FILES);
    for (int i = 0; i < n && i < PRESET_STORE_MAX_FILES; i++) {
        char path[PATHS_MAX];
        struct stat st;
        if (paths_join(path, sizeof path, dir, names[i]->d_name)
            && stat(path, &st) == 0 && S_ISREG(st.st_mode)
            && grow(s, cap)) {
            struct preset_entry *e = &s->entry[s->count];
            memset(e, 0, sizeof *e);
            if (preset_store_read_file(path, &e->preset, diag)) {
                e->origin = origin;
                snprintf(e->path, sizeof e->path, "%s", path);
                s->count++;
            }
        }
    }
    files_list_free(names, n);
}

int preset_store_load(struct preset_store *s, struct diag_list *diag)
{
    int cap = 0;
    preset_store_free(s);
    load_dir(s, s->user_dir, PRESET_USER, &cap, diag);
    int users = s->count;
    load_dir(s, s->factory_dir, PRESET_FACTORY, &cap, diag);
    for (int i = users; i < s->count; i++)
        for (int u = 0; u < users; u++)
            if (strcmp(s->entry[i].preset.name, s->entry[u].preset.name)
                == 0)
                s->entry[i].shadowed = true;
    if (s->count > 1)
        qsort(s->entry, (size_t)s->count, sizeof *s->entry, compare_entries);
    return s->count;
}

/* ------------------------------------------------------------------ */
/* Lookups                                                             */
/* ------------------------------------------------------------------ */

static const struct preset_entry *find(const struct preset_store *s,
                                       const char *name, bool users_only)
{
    for (int pass = 0; pass < (users_only ? 1 : 2); pass++)
        for (int i = 0; i < s->count; i++) {
            const struct preset_entry *e = &s->entry[i];
            if ((int)e->origin == pass && !e->shadowed
                && strcmp(e->preset.name, name) == 0)
                return e;
        }
    return NULL;
}

const struct preset_entry *preset_store_find(const struct preset_store *s,
                                             const char *name)
{
    return find(s, name, false);
}

const struct preset_entry *preset_store_find_user(
    const struct preset_store *s, const char *name)
{
    return find(s, name, true);
}

const struct preset_entry *preset_store_slot(const struct preset_store *s,
                                             int slot)
{
    if (slot < 1 || slot > PRESET_SLOTS)
        return NULL;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < s->count; i++) {
            const struct preset_entry *e = &s->entry[i];
            if ((int)e->origin == pass && !e->shadowed
                && e->preset.slot == slot)
                return e;
        }
    return NULL;
}

bool preset_store_exists(const struct preset_store *s, const char *name)
{
    return preset_store_find_user(s, name) != NULL;
}

void preset_store_unique_name(const struct preset_store *s, const char *base,
                              char *out, size_t cap)
{
    snprintf(out, cap, "%s", base);
    for (int n = 2; preset_store_find(s, out) && n < 10000; n++) {
        char suffix[16];
        int sl = snprintf(suffix, sizeof suffix, " %d", n);
        size_t room = cap - 1 < PRESET_NAME_MAX ? cap - 1 : PRESET_NAME_MAX;
        /* The base cut (at a code point) to leave room for the suffix. */
        size_t bl = utf8_cut(base, strlen(base),
                             room > (size_t)sl ? room - (size_t)sl : 0);
        snprintf(out, cap, "%.*s%s", (int)bl, base, suffix);
    }
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

static bool exists_on_disk(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* A file name for a new preset: STEM.ini, or STEM-2.ini... when taken by
 * any file (a damaged one included: it is never overwritten). */
static bool new_path(const struct preset_store *s, const char *name,
                     char *out, size_t cap)
{
    char stem[PRESET_STEM_MAX + 1];
    preset_file_stem(name, stem, sizeof stem);
    for (int n = 1; n < 1000; n++) {
        char file[PRESET_STEM_MAX + 16];
        if (n == 1)
            snprintf(file, sizeof file, "%s.ini", stem);
        else
            snprintf(file, sizeof file, "%s-%d.ini", stem, n);
        if (!paths_join(out, cap, s->user_dir, file))
            return false;
        if (!exists_on_disk(out))
            return true;
    }
    return false;
}

static bool write_preset(const struct preset_store *s, const char *path,
                         const struct preset *p, char *err, size_t errlen)
{
    size_t len;
    char *text = preset_serialize(p, &len);
    if (!text) {
        char why[120];
        if (!preset_validate(p, why, sizeof why))
            snprintf(err, errlen, "%s: cannot save: %s", path, why);
        else
            snprintf(err, errlen, "%s: cannot save: out of memory", path);
        return false;
    }
    bool ok = files_write_atomic_with(path, text, len, s->fault, err,
                                      errlen);
    free(text);
    return ok;
}

static bool ensure_user_dir(const struct preset_store *s, char *err,
                            size_t errlen)
{
    if (!s->user_dir[0]) {
        snprintf(err, errlen, "cannot save: there is no home folder to "
                 "save in (HOME and XDG_DATA_HOME are not set)");
        return false;
    }
    if (paths_mkdirs(s->user_dir))
        return true;
    snprintf(err, errlen, "%s: cannot create the presets folder: %s",
             s->user_dir, files_reason(errno));
    return false;
}

/* Takes `slot` away from every user preset but the one at keep_path. */
static bool clear_slot(struct preset_store *s, int slot,
                       const char *keep_path, char *err, size_t errlen)
{
    bool ok = true;
    for (int i = 0; i < s->count; i++) {
        struct preset_entry *e = &s->entry[i];
        if (e->origin != PRESET_USER || e->preset.slot != slot
            || strcmp(e->path, keep_path) == 0)
            continue;
        struct preset p = e->preset;
        p.slot = 0;
        if (!write_preset(s, e->path, &p, err, errlen))
            ok = false;
    }
    return ok;
}

bool preset_store_save(struct preset_store *s, const struct preset *p,
                       bool overwrite, char *saved_path, char *err,
                       size_t errlen)
{
    char why[120];
    if (!preset_validate(p, why, sizeof why)) {
        snprintf(err, errlen, "cannot save the preset: %s", why);
        return false;
    }
    if (!ensure_user_dir(s, err, errlen))
        return false;
    struct preset out = *p;
    time_t now = time(NULL);
    char path[PATHS_MAX];
    const struct preset_entry *old = preset_store_find_user(s, p->name);
    if (old) {
        if (!overwrite) {
            snprintf(err, errlen, "a preset named '%s' exists already",
                     p->name);
            return false;
        }
        snprintf(path, sizeof path, "%s", old->path);
        if (old->preset.created)
            out.created = old->preset.created;
    } else if (!new_path(s, p->name, path, sizeof path)) {
        snprintf(err, errlen, "%s: no free file name for '%s'", s->user_dir,
                 p->name);
        return false;
    }
    out.changed = (int64_t)now;
    if (!out.created)
        out.created = out.changed;
    if (!write_preset(s, path, &out, err, errlen)) {
        preset_store_load(s, NULL);
        return false;
    }
    if (saved_path)
        snprintf(saved_path, PATHS_MAX, "%s", path);
    bool ok = !out.slot || clear_slot(s, out.slot, path, err, errlen);
    preset_store_load(s, NULL);
    return ok;
}

static const struct preset_entry *user_entry(const struct preset_store *s,
                                             const char *name, char *err,
                                             size_t errlen)
{
    const struct preset_entry *e = preset_store_find_user(s, name);
    if (e)
        return e;
    if (preset_store_find(s, name))
        snprintf(err, errlen, "'%s' is a factory preset: they are "
                              "read-only (duplicate it to change it)", name);
    else
        snprintf(err, errlen, "no preset named '%s'", name);
    return NULL;
}

bool preset_store_rename(struct preset_store *s, const char *name,
                         const char *new_name, bool overwrite, char *err,
                         size_t errlen)
{
    const struct preset_entry *e = user_entry(s, name, err, errlen);
    if (!e)
        return false;
    if (strcmp(name, new_name) == 0)
        return true;
    struct preset p = e->preset;
    char old_path[PATHS_MAX];
    snprintf(old_path, sizeof old_path, "%s", e->path);
    snprintf(p.name, sizeof p.name, "%s", new_name);
    if (strlen(new_name) > PRESET_NAME_MAX) {
        snprintf(err, errlen, "the new name is too long");
        return false;
    }
    char why[120];
    if (!preset_validate(&p, why, sizeof why)) {
        snprintf(err, errlen, "cannot rename: %s", why);
        return false;
    }
    char path[PATHS_MAX];
    const struct preset_entry *other = preset_store_find_user(s, new_name);
    if (other && !overwrite) {
        snprintf(err, errlen, "a preset named '%s' exists already",
                 new_name);
        return false;
    }
    char stem_old[PRESET_STEM_MAX + 1], stem_new[PRESET_STEM_MAX + 1];
    preset_file_stem(name, stem_old, sizeof stem_old);
    preset_file_stem(new_name, stem_new, sizeof stem_new);
    if (other)
        snprintf(path, sizeof path, "%s", other->path);
    else if (strcmp(stem_old, stem_new) == 0)
        snprintf(path, sizeof path, "%s", old_path); /* same file name */
    else if (!new_path(s, new_name, path, sizeof path)) {
        snprintf(err, errlen, "%s: no free file name for '%s'", s->user_dir,
                 new_name);
        return false;
    }
    p.changed = (int64_t)time(NULL);
    bool ok = write_preset(s, path, &p, err, errlen);
    if (ok && strcmp(path, old_path) != 0 && unlink(old_path) != 0) {
        snprintf(err, errlen, "%s: renamed, but the old file could not be "
                              "removed: %s", old_path, files_reason(errno));
        ok = false;
    }
    preset_store_load(s, NULL);
    return ok;
}

bool preset_store_duplicate(struct preset_store *s, const char *name,
                            const char *new_name, char *err, size_t errlen)
{
    const struct preset_entry *e = preset_store_find(s, name);
    if (!e) {
        snprintf(err, errlen, "no preset named '%s'", name);
        return false;
    }
    struct preset p = e->preset;
    if (new_name)
        snprintf(p.name, sizeof p.name, "%s", new_name);
    else
        preset_store_unique_name(s, name, p.name, sizeof p.name);
    p.slot = 0;
    p.created = 0;
    return preset_store_save(s, &p, false, NULL, err, errlen);
}

bool preset_store_delete(struct preset_store *s, const char *name, char *err,
                         size_t errlen)
{
    const struct preset_entry *e = user_entry(s, name, err, errlen);
    if (!e)
        return false;
    bool ok = unlink(e->path) == 0;
    if (!ok)
        snprintf(err, errlen, "%s: cannot delete: %s", e->path,
                 files_reason(errno));
    preset_store_load(s, NULL);
    return ok;
}

/* ------------------------------------------------------------------ */
/* --preset NAME|FILE                                                  */
/* ------------------------------------------------------------------ */

static bool is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The first visible entry, user presets first, that `fits` arg. */
static const struct preset_entry *first_fit(
    const struct preset_store *s, const char *arg,
    bool (*fits)(const struct preset_entry *, const char *))
{
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < s->count; i++) {
            const struct preset_entry *e = &s->entry[i];
            if ((int)e->origin == pass && !e->shadowed && fits(e, arg))
                return e;
        }
    return NULL;
}

static bool stem_fits(const struct preset_entry *e, const char *arg)
{
    return str_names_stem(e->path, arg);
}

static bool name_fits_any_case(const struct preset_entry *e, const char *arg)
{
    return strcasecmp(e->preset.name, arg) == 0;
}

int preset_store_matches(const struct preset_store *s, const char *arg,
                         const struct preset_entry **found, int max)
{
    int n = 0;
    if (!arg[0])
        return 0;
    for (int i = 0; i < s->count; i++) {
        const struct preset_entry *e = &s->entry[i];
        if (e->shadowed || !str_holds_any_case(e->preset.name, arg))
            continue;
        if (n < max)
            found[n] = e;
        n++;
    }
    return n;
}

enum preset_resolve preset_store_resolve(const struct preset_store *s,
                                         const char *arg, struct preset *out,
                                         struct diag_list *diag)
{
    if ((strchr(arg, '/') || str_ends_with(arg, ".ini")) && is_regular(arg))
        return preset_store_read_file(arg, out, diag) ? PRESET_RESOLVED
                                                      : PRESET_BAD_FILE;
    const struct preset_entry *e = preset_store_find(s, arg);
    if (!e)
        e = first_fit(s, arg, stem_fits);
    /* A number is a slot, never a part of a name ("10" is no slot, not
     * "grade 10"). */
    if (!e && arg[0] && strspn(arg, "0123456789") == strlen(arg)) {
        int slot;
        e = str_parse_int(arg, 1, PRESET_SLOTS, &slot)
                ? preset_store_slot(s, slot) : NULL;
        if (!e)
            return PRESET_NOT_FOUND;
    }
    if (!e)
        e = first_fit(s, arg, name_fits_any_case);
    if (!e) {
        const struct preset_entry *one = NULL;
        int n = preset_store_matches(s, arg, &one, 1);
        if (n > 1)
            return PRESET_AMBIGUOUS;
        e = n == 1 ? one : NULL;
    }
    if (!e)
        return PRESET_NOT_FOUND;
    *out = e->preset;
    return PRESET_RESOLVED;
}

enum { SHOWN_CANDIDATES = 6 };

bool preset_store_recall(const struct preset_store *s, const char *arg,
                         struct preset *out, FILE *err)
{
    struct diag_list d;
    diag_init(&d);
    enum preset_resolve r = preset_store_resolve(s, arg, out, &d);
    diag_print(&d, err, "", NULL);
    bool number = arg[0] && strspn(arg, "0123456789") == strlen(arg);
    if (r == PRESET_NOT_FOUND && number)
        fprintf(err, "soundboard: --preset %s: no preset in slot %s (slots "
                     "are 1..9; --list-presets shows them)\n", arg, arg);
    else if (r == PRESET_NOT_FOUND)
        fprintf(err, "soundboard: --preset %s: no preset has that name, "
                     "slot, file name or part of a name (--list-presets "
                     "shows them)\n", arg);
    if (r == PRESET_AMBIGUOUS) {
        const struct preset_entry *found[SHOWN_CANDIDATES];
        int n = preset_store_matches(s, arg, found, SHOWN_CANDIDATES);
        fprintf(err, "soundboard: --preset %s: %d presets match, say which:",
                arg, n);
        for (int i = 0; i < n && i < SHOWN_CANDIDATES; i++)
            fprintf(err, "%s '%s'", i ? "," : "", found[i]->preset.name);
        if (n > SHOWN_CANDIDATES)
            fprintf(err, " and %d more", n - SHOWN_CANDIDATES);
        fputc('\n', err);
    }
    return r == PRESET_RESOLVED;
}
