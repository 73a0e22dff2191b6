/* profile_store: shipped and user controller profiles, read and saved. */
#include "profile_store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"

enum { PROFILE_FILE_MAX = 16384 };

static bool stem_of(const char *file, char *out, size_t outlen)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(base);
    if (n <= 4 || strcmp(base + n - 4, ".ini") != 0 || n - 4 >= outlen)
        return false;
    memcpy(out, base, n - 4);
    out[n - 4] = '\0';
    return true;
}

bool profile_store_read_file(const char *path, struct profile *p,
                             struct diag_list *d)
{
    char id[PROFILE_ID_MAX];
    if (!stem_of(path, id, sizeof id))
        snprintf(id, sizeof id, "%s", "profile");
    char *text;
    size_t len;
    if (!files_read_diag(path, &text, &len, d))
        return false;
    bool ok = profile_parse(text, len, path, id, p, d);
    free(text);
    return ok;
}

int profile_store_find(const struct profile_store *s, const char *id)
{
    for (int i = 0; i < s->count; i++)
        if (strcmp(s->profile[i].id, id) == 0)
            return i;
    return -1;
}

int profile_store_add(struct profile_store *s, const struct profile *p)
{
    int i = profile_store_find(s, p->id);
    if (i < 0) {
        if (s->count == PROFILE_STORE_MAX)
            return -1;
        i = s->count++;
    }
    s->profile[i] = *p;
    return i;
}

static void load_folder(struct profile_store *s, const char *dir, FILE *log)
{
    struct dirent **names;
    int n = files_list_ini(dir, &names);
    if (n < 0)
        return; /* no user folder yet: nothing to load */
    struct profile *p = malloc(sizeof *p);
    if (!p)
        abort();
    for (int i = 0; i < n; i++) {
        char path[PATHS_MAX];
        if (!paths_join(path, sizeof path, dir, names[i]->d_name))
            continue;
        struct diag_list d;
        diag_init(&d);
        /* A damaged profile is reported and skipped; the others load. */
        if (profile_store_read_file(path, p, &d) || d.count == 0)
            profile_store_add(s, p);
        diag_print(&d, log, "soundboard: ", NULL);
    }
    free(p);
    files_list_free(names, n);
}

void profile_store_load(struct profile_store *s, const struct paths *p,
                        FILE *log)
{
    memset(s, 0, sizeof *s);
    s->profile = calloc(PROFILE_STORE_MAX, sizeof *s->profile);
    if (!s->profile)
        abort();
    char dir[PATHS_MAX];
    if (paths_join(dir, sizeof dir, p->data, "controllers"))
        load_folder(s, dir, log);
    if (p->user_config[0]
        && paths_join(dir, sizeof dir, p->user_config, "controllers"))
        load_folder(s, dir, log);
    s->generic = profile_store_find(s, "generic");
}

void profile_store_free(struct profile_store *s)
{
    free(s->profile);
    memset(s, 0, sizeof *s);
}

int profile_store_match(const struct profile_store *s, const char *port_name)
{
    return profile_pick(s->profile, s->count, s->generic, port_name);
}

int profile_store_force(struct profile_store *s, const char *arg, FILE *log)
{
    size_t n = strlen(arg);
    if (!strchr(arg, '/') && !(n > 4 && strcmp(arg + n - 4, ".ini") == 0)) {
        int i = profile_store_find(s, arg);
        if (i < 0)
            fprintf(log, "soundboard: --controller %s: no such profile (the "
                    "files in controllers/ and your own)\n", arg);
        return i;
    }
    struct profile *p = malloc(sizeof *p);
    if (!p)
        abort();
    struct diag_list d;
    diag_init(&d);
    bool ok = profile_store_read_file(arg, p, &d);
    diag_print(&d, log, "soundboard: ", NULL);
    int i = ok ? profile_store_add(s, p) : -1;
    free(p);
    if (!ok)
        fprintf(log, "soundboard: --controller %s: the profile has "
                "errors (see above)\n", arg);
    return i;
}

int profile_store_save(struct profile_store *s, const struct paths *p,
                       const struct profile *prof, char *saved_path,
                       char *err, size_t errlen)
{
    char dir[PATHS_MAX], file[PROFILE_ID_MAX + 8];
    char *text = malloc(PROFILE_FILE_MAX);
    if (!text)
        abort();
    size_t len = profile_write(prof, text, PROFILE_FILE_MAX);
    snprintf(file, sizeof file, "%s.ini", prof->id);
    bool ok = false;
    if (len == 0)
        snprintf(err, errlen, "the profile is too large");
    else if (!p->user_config[0])
        snprintf(err, errlen, "cannot save: there is no home folder to "
                 "save in (HOME and XDG_CONFIG_HOME are not set)");
    else if (!paths_join(dir, sizeof dir, p->user_config, "controllers")
             || !paths_join(saved_path, PATHS_MAX, dir, file))
        snprintf(err, errlen, "the path is too long");
    else if (!paths_mkdirs(dir))
        snprintf(err, errlen, "%s: cannot create the folder: %s", dir,
                 files_reason(errno));
    else
        ok = files_write_atomic(saved_path, text, len, err, errlen);
    free(text);
    return ok ? profile_store_add(s, prof) : -1;
}

int profile_store_check(const char *path, FILE *out)
{
    struct profile *p = malloc(sizeof *p);
    if (!p)
        abort();
    struct diag_list d;
    diag_init(&d);
    bool ok = profile_store_read_file(path, p, &d);
    free(p);
    if (ok && d.count == 0) {
        fputs("ok\n", out);
        return 0;
    }
    diag_print(&d, out, "", path);
    if (d.count == 0) /* parsed but maps nothing */
        fprintf(out, "%s: maps no element: add an [elements] section\n",
                path);
    return 2;
}
