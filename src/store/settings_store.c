/* settings_store: read and write settings.ini (see settings_store.h). */
#include "settings_store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"

void settings_store_load(struct settings_file *f, const struct paths *p,
                         struct settings *out, FILE *log)
{
    memset(f, 0, sizeof *f);
    settings_defaults(out);
    f->held = *out;
    if (!p->user_config[0])
        return; /* no home folder: the defaults, and saving says so */
    snprintf(f->dir, sizeof f->dir, "%s", p->user_config);
    if (!paths_join(f->path, sizeof f->path, p->user_config,
                    "settings.ini")) {
        f->path[0] = '\0';
        return;
    }
    struct stat st;
    if (stat(f->path, &st) != 0 && errno == ENOENT)
        return; /* first run: the defaults */
    char *text;
    size_t len;
    char why[256];
    if (!files_read_why(f->path, &text, &len, why, sizeof why)) {
        fprintf(log, "soundboard: %s: %s: using the default settings\n",
                f->path, why);
        f->broken = true;
        return;
    }
    struct diag_list d;
    diag_init(&d);
    int errors = settings_parse(text, len, f->path, out, &d);
    free(text);
    f->held = *out;
    if (errors == 0)
        return;
    f->broken = true;
    diag_print(&d, log, "soundboard: ", f->path);
    fprintf(log, "soundboard: %s: using the defaults for %s; the file is "
            "left as it is until you change a setting\n", f->path,
            errors == 1 ? "that line" : "those lines");
}

bool settings_store_save(struct settings_file *f, const struct settings *s,
                         char *err, size_t errlen)
{
    if (settings_equal(s, &f->held))
        return true;
    f->held = *s;
    if (!f->path[0]) {
        snprintf(err, errlen, "there is no home folder to keep them in (HOME "
                 "and XDG_CONFIG_HOME are not set)");
        return false;
    }
    if (!paths_mkdirs(f->dir)) {
        snprintf(err, errlen, "%s: cannot create the settings folder: %s",
                 f->dir, files_reason(errno));
        return false;
    }
    size_t len;
    char *text = settings_serialize(s, &len);
    if (!text) {
        snprintf(err, errlen, "%s: cannot save: out of memory", f->path);
        return false;
    }
    bool ok = files_write_atomic_with(f->path, text, len, f->fault, err,
                                      errlen);
    free(text);
    if (ok)
        f->broken = false;
    return ok;
}
