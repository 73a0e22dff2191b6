/* arc_store: list, look up and save arc files (see arc_store.h). */
#include "arc_store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "preset.h"
#include "str.h"

void arc_store_init(struct arc_store *s, const struct paths *p)
{
    memset(s, 0, sizeof *s);
    if (!p->user_data[0]
        || !paths_join(s->user_dir, sizeof s->user_dir, p->user_data, "arcs"))
        s->user_dir[0] = '\0';
    if (!paths_join(s->factory_dir, sizeof s->factory_dir, p->data,
                    "assets/arcs"))
        s->factory_dir[0] = '\0';
}

void arc_store_free(struct arc_store *s)
{
    free(s->entry);
    s->entry = NULL;
    s->count = 0;
}

bool arc_store_read_file(const char *path, struct arc *out,
                         struct diag_list *diag)
{
    char *text;
    size_t len;
    if (!files_read_diag(path, &text, &len, diag))
        return false;
    bool ok = arc_parse(text, len, path, out, diag);
    free(text);
    return ok;
}

static int compare_entries(const void *pa, const void *pb)
{
    const struct arc_entry *a = pa, *b = pb;
    if (a->origin != b->origin)
        return a->origin < b->origin ? -1 : 1;
    int c = strcmp(a->arc.name, b->arc.name);
    return c ? c : strcmp(a->path, b->path);
}

static void load_dir(struct arc_store *s, const char *dir,
                     enum arc_origin origin, int *cap, struct diag_list *diag)
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
    if (n > ARC_STORE_MAX_FILES)
        diag_add(diag, dir, 0, "more than %d arcs: %d not listed",
                 ARC_STORE_MAX_FILES, n - ARC_STORE_MAX_FILES);
    for (int i = 0; i < n && i < ARC_STORE_MAX_FILES; i++) {
        char path[PATHS_MAX];
        struct stat st;
        if (!paths_join(path, sizeof path, dir, names[i]->d_name)
            || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (s->count == *cap) {
            int ncap = *cap ? *cap * 2 : 8;
            struct arc_entry *e = realloc(s->entry,
                                          (size_t)ncap * sizeof *e);
            if (!e)
                break;
            s->entry = e;
            *cap = ncap;
        }
        struct arc_entry *e = &s->entry[s->count];
        memset(e, 0, sizeof *e);
        if (arc_store_read_file(path, &e->arc, diag)) {
            e->origin = origin;
            str_copy(e->path, sizeof e->path, path);
            s->count++;
        }
    }
    files_list_free(names, n);
}

int arc_store_load(struct arc_store *s, struct diag_list *diag)
{
    int cap = 0;
    arc_store_free(s);
    load_dir(s, s->user_dir, ARC_USER, &cap, diag);
    int users = s->count;
    load_dir(s, s->factory_dir, ARC_FACTORY, &cap, diag);
    for (int i = users; i < s->count; i++)
        for (int u = 0; u < users; u++)
            if (strcmp(s->entry[i].arc.name, s->entry[u].arc.name) == 0)
                s->entry[i].shadowed = true;
    if (s->count > 1)
        qsort(s->entry, (size_t)s->count, sizeof *s->entry, compare_entries);
    return s->count;
}

const struct arc_entry *arc_store_find(const struct arc_store *s,
                                       const char *name)
{
    for (int i = 0; i < s->count; i++)
        if (!s->entry[i].shadowed && strcmp(s->entry[i].arc.name, name) == 0)
            return &s->entry[i];
    return NULL;
}

int arc_store_next(const struct arc_store *s, const char *name)
{
    int i = 0;
    if (name) {
        while (i < s->count && (s->entry[i].shadowed
                                || strcmp(s->entry[i].arc.name, name) != 0))
            i++;
        i++; /* the one after it (or the first if it is gone) */
        if (i > s->count)
            i = 0;
    }
    while (i < s->count && s->entry[i].shadowed)
        i++;
    return i < s->count ? i : -1;
}

/* The first visible entry, user arcs first (the list's order), that
 * `fits` arg. */
static const struct arc_entry *first_fit(
    const struct arc_store *s, const char *arg,
    bool (*fits)(const struct arc_entry *, const char *))
{
    for (int i = 0; i < s->count; i++)
        if (!s->entry[i].shadowed && fits(&s->entry[i], arg))
            return &s->entry[i];
    return NULL;
}

static bool stem_fits(const struct arc_entry *e, const char *arg)
{
    return str_names_stem(e->path, arg);
}

static bool name_fits_any_case(const struct arc_entry *e, const char *arg)
{
    return strcasecmp(e->arc.name, arg) == 0;
}

int arc_store_matches(const struct arc_store *s, const char *arg,
                      const struct arc_entry **found, int max)
{
    int n = 0;
    if (!arg[0])
        return 0;
    for (int i = 0; i < s->count; i++) {
        const struct arc_entry *e = &s->entry[i];
        if (e->shadowed || !str_holds_any_case(e->arc.name, arg))
            continue;
        if (n < max)
            found[n] = e;
        n++;
    }
    return n;
}

enum { SHOWN_CANDIDATES = 6 };

bool arc_store_open(const struct arc_store *s, const char *arg,
                    struct arc *out, FILE *err)
{
    struct stat st;
    if ((strchr(arg, '/') || str_ends_with(arg, ".ini"))
        && stat(arg, &st) == 0 && S_ISREG(st.st_mode)) {
        struct diag_list d;
        diag_init(&d);
        bool ok = arc_store_read_file(arg, out, &d);
        diag_print(&d, err, "", NULL);
        return ok;
    }
    const struct arc_entry *e = arc_store_find(s, arg);
    if (!e)
        e = first_fit(s, arg, stem_fits);
    if (!e)
        e = first_fit(s, arg, name_fits_any_case);
    const struct arc_entry *found[SHOWN_CANDIDATES];
    int n = e ? 1 : arc_store_matches(s, arg, found, SHOWN_CANDIDATES);
    if (!e && n == 1)
        e = found[0];
    if (e) {
        *out = e->arc;
        return true;
    }
    if (n == 0) {
        fprintf(err, "soundboard: --arc %s: no arc has that name, file name "
                     "or part of a name (--list-arcs shows them)\n", arg);
        return false;
    }
    fprintf(err, "soundboard: --arc %s: %d arcs match, say which:", arg, n);
    for (int k = 0; k < n && k < SHOWN_CANDIDATES; k++)
        fprintf(err, "%s '%s'", k ? "," : "", found[k]->arc.name);
    fprintf(err, "%s\n", n > SHOWN_CANDIDATES ? ", ..." : "");
    return false;
}

void arc_store_unique_name(const struct arc_store *s, const char *base,
                           char *out, size_t cap)
{
    str_copy(out, cap, base);
    for (int n = 2; arc_store_find(s, out) && n < 10000; n++) {
        char suffix[16];
        int sl = snprintf(suffix, sizeof suffix, " %d", n);
        size_t room = cap - 1 < ARC_NAME_MAX ? cap - 1 : ARC_NAME_MAX;
        size_t bl = strlen(base);
        if (bl + (size_t)sl > room) {
            bl = room > (size_t)sl ? room - (size_t)sl : 0;
            while (bl > 0 && ((unsigned char)base[bl] & 0xC0) == 0x80)
                bl--; /* do not cut a UTF-8 character */
        }
        snprintf(out, cap, "%.*s%s", (int)bl, base, suffix);
    }
}

/* STEM.ini, or STEM-2.ini... when any file (a damaged one too) has it. */
static bool new_path(const struct arc_store *s, const char *name, char *out,
                     size_t cap)
{
    char stem[PRESET_STEM_MAX + 1];
    preset_file_stem(name, stem, sizeof stem);
    for (int n = 1; n < 1000; n++) {
        char file[PRESET_STEM_MAX + 16];
        if (n == 1)
            snprintf(file, sizeof file, "%s.ini", stem);
        else
            snprintf(file, sizeof file, "%s-%d.ini", stem, n);
        struct stat st;
        if (!paths_join(out, cap, s->user_dir, file))
            return false;
        if (lstat(out, &st) != 0)
            return true;
    }
    return false;
}

bool arc_store_save(struct arc_store *s, const struct arc *a,
                    char *saved_path, char *err, size_t errlen)
{
    char why[120];
    if (!arc_validate(a, why, sizeof why)) {
        snprintf(err, errlen, "cannot save the arc: %s", why);
        return false;
    }
    if (!s->user_dir[0]) {
        snprintf(err, errlen, "cannot save: there is no home folder to "
                 "save in (HOME and XDG_DATA_HOME are not set)");
        return false;
    }
    if (!paths_mkdirs(s->user_dir)) {
        snprintf(err, errlen, "%s: cannot create the arcs folder: %s",
                 s->user_dir, files_reason(errno));
        return false;
    }
    char path[PATHS_MAX];
    const struct arc_entry *old = NULL;
    for (int i = 0; i < s->count && !old; i++)
        if (s->entry[i].origin == ARC_USER
            && strcmp(s->entry[i].arc.name, a->name) == 0)
            old = &s->entry[i];
    if (old) {
        str_copy(path, sizeof path, old->path);
    } else if (!new_path(s, a->name, path, sizeof path)) {
        snprintf(err, errlen, "%s: no free file name for '%s'", s->user_dir,
                 a->name);
        return false;
    }
    size_t len;
    char *text = arc_serialize(a, &len);
    if (!text) {
        snprintf(err, errlen, "%s: cannot save: out of memory", path);
        return false;
    }
    bool ok = files_write_atomic_with(path, text, len, s->fault, err,
                                      errlen);
    free(text);
    if (ok && saved_path)
        snprintf(saved_path, PATHS_MAX, "%s", path);
    arc_store_load(s, NULL);
    return ok;
}

int arc_store_check(const char *path, FILE *out)
{
    struct diag_list d;
    diag_init(&d);
    static struct arc a;
    bool ok = arc_store_read_file(path, &a, &d);
    if (ok && d.count == 0) {
        fprintf(out, "ok\n");
        return 0;
    }
    diag_print(&d, out, "", NULL);
    return 2;
}

bool arc_store_is_arc_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    /* The first line that starts with '[' decides. */
    for (char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (*p == '[')
            return strncmp(p, "[arc]", 5) == 0;
    return false;
}
