/* data_load: bundled content and key bindings, read and parsed. */
#include "data_load.h"

#include <stdlib.h>

#include "files.h"

bool data_load_content(const struct paths *p, struct content *c, FILE *log)
{
    static const char *const names[] = {"habits.ini", "elements.ini",
                                        "questions.ini", "ui.ini"};
    enum { N = sizeof names / sizeof names[0] };
    struct content_file files[N];
    char *texts[N] = {0};
    char path[PATHS_MAX], rel[64], err[PATHS_MAX + 128];
    bool ok = true;
    int n = 0;
    for (int i = 0; i < N; i++) {
        size_t len;
        snprintf(rel, sizeof rel, "assets/content/%s", names[i]);
        if (!paths_join(path, sizeof path, p->data, rel)
            || !files_read(path, &texts[i], &len, err, sizeof err)) {
            fprintf(log, "soundboard: %s\n", err);
            ok = false;
            continue;
        }
        files[n++] = (struct content_file){names[i], texts[i], len};
    }
    struct diag_list d;
    diag_init(&d);
    ok &= content_parse(c, files, n, &d);
    ok &= content_check_complete(c, "assets/content", &d);
    diag_print(&d, log, "soundboard: ", NULL);
    for (int i = 0; i < N; i++)
        free(texts[i]);
    return ok;
}

bool data_load_keys(const struct paths *p, struct keymap *km, FILE *log)
{
    char path[PATHS_MAX], err[PATHS_MAX + 128];
    char *text;
    size_t len;
    if (!paths_join(path, sizeof path, p->data, "assets/keys.ini")
        || !files_read(path, &text, &len, err, sizeof err)) {
        fprintf(log, "soundboard: %s\n", err);
        *km = (struct keymap){0};
        return false;
    }
    struct diag_list d;
    diag_init(&d);
    bool ok = keymap_parse(km, text, len, path, &d);
    diag_print(&d, log, "soundboard: ", NULL);
    free(text);
    return ok;
}
