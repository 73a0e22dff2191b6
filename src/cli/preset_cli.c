/* preset_cli: --save-preset, --list-presets, --export and
 * --check for presets. */
#include "preset_cli.h"

#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "command.h"
#include "files.h"
#include "preset_export.h"
#include "preset_store.h"

int preset_cli_list(const struct paths *p, FILE *out, FILE *err)
{
    struct preset_store s;
    struct diag_list d;
    diag_init(&d);
    preset_store_init(&s, p);
    preset_store_load(&s, &d);
    diag_print(&d, err, "", NULL);
    for (int i = 0; i < s.count; i++) {
        const struct preset_entry *e = &s.entry[i];
        char slot[4] = "-";
        if (e->preset.slot)
            snprintf(slot, sizeof slot, "%d", e->preset.slot);
        fprintf(out, "%s\t%s\t%s\t%s\n", e->preset.name,
                e->origin == PRESET_USER ? "user" : "factory", slot,
                e->path);
    }
    preset_store_free(&s);
    return 0;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

int preset_cli_save(const struct paths *p, const char *name,
                    const int value[BOARD_ELEMENTS], const struct preset *base,
                    FILE *out, FILE *err)
{
    struct preset_store s;
    struct diag_list d;
    diag_init(&d);
    preset_store_init(&s, p);
    preset_store_load(&s, &d);
    struct preset np;
    const struct preset_entry *old = preset_store_find_user(&s, name);
    if (old) {
        np = old->preset;
    } else {
        preset_init(&np);
        if (base)
            memcpy(np.notes, base->notes, sizeof np.notes);
        if (strlen(name) > PRESET_NAME_MAX) {
            fprintf(err, "soundboard: --save-preset: the name is longer "
                         "than %d bytes\n", PRESET_NAME_MAX);
            preset_store_free(&s);
            return 1;
        }
        snprintf(np.name, sizeof np.name, "%s", name);
    }
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        np.value[i] = board_clamp(value[i]);
    char msg[PATHS_MAX + 200], path[PATHS_MAX];
    bool ok = preset_store_save(&s, &np, true, path, msg, sizeof msg);
    if (ok)
        fprintf(out, "%s\n", path);
    else
        fprintf(err, "soundboard: %s\n", msg);
    preset_store_free(&s);
    return ok ? 0 : 1;
}

int preset_cli_export(const char *path, const struct content *c,
                      const struct preset *recalled,
                      const int value[BOARD_ELEMENTS], const struct view *v,
                      enum handout_paper paper, FILE *err)
{
    char msg[PATHS_MAX + 200];
    struct handout h;
    handout_build(c, recalled, value, &h);
    /* Paper is white: the board is pictured in the light theme. */
    struct view printed = *v;
    printed.theme = command_theme_index("light");
    if (preset_export_write(path, &h, &printed, paper, msg, sizeof msg))
        return 0;
    fprintf(err, "soundboard: %s\n", msg);
    return 1;
}

/* The first [section] of the file, or "" (reads at most 4 KB). */
static void first_section(const char *path, char *out, size_t cap)
{
    out[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char line[256];
    for (int n = 0; n < 64 && fgets(line, sizeof line, f); n++) {
        if (line[0] == '[') {
            char *close = strchr(line, ']');
            if (close)
                snprintf(out, cap, "%.*s", (int)(close - line - 1), line + 1);
            break;
        }
    }
    fclose(f);
}

bool preset_cli_is_preset_file(const char *path)
{
    char sec[32];
    first_section(path, sec, sizeof sec);
    if (strcmp(sec, "preset") == 0)
        return true;
    return ends_with(path, ".ini")
           && (strstr(path, "/presets/") || strncmp(path, "presets/", 8) == 0);
}

int preset_cli_check(const char *path, FILE *out)
{
    struct diag_list d;
    diag_init(&d);
    struct preset p;
    bool ok = preset_store_read_file(path, &p, &d);
    if (ok && d.count == 0) {
        fprintf(out, "ok\n");
        return 0;
    }
    diag_print(&d, out, "", NULL);
    return 2;
}
