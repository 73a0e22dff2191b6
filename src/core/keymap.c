/* keymap: parse keys.ini into (key, command, help) bindings. */
#include "keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "command.h"
#include "ini_lines.h"
#include "str.h"

struct parse {
    struct keymap *km;
    const char *file;
    struct diag_list *diag;
    char last_section[64]; /* section of the previous value */
};

static struct keymap_entry *find(struct keymap *km, const char *key)
{
    for (int i = 0; i < km->count; i++)
        if (strcasecmp(km->entry[i].key, key) == 0)
            return &km->entry[i];
    return NULL;
}

/* The entry for `section`, created on its first value. inih does not
 * announce sections, so a section name that differs from the previous
 * value's starts a new [section]; meeting an existing key then means the
 * file binds it twice. */
static struct keymap_entry *entry_for(struct parse *p, const char *section,
                                      int line)
{
    bool new_section = strcmp(section, p->last_section) != 0;
    snprintf(p->last_section, sizeof p->last_section, "%s", section);
    struct keymap_entry *e = find(p->km, section);
    if (e && new_section) {
        diag_add(p->diag, p->file, line, "key [%s] is bound twice", section);
        return NULL;
    }
    if (e)
        return e;
    struct keymap_entry *grown =
        realloc(p->km->entry, sizeof *grown * (size_t)(p->km->count + 1));
    if (!grown)
        abort();
    p->km->entry = grown;
    e = &grown[p->km->count++];
    *e = (struct keymap_entry){.key = str_dup(section)};
    return e;
}

static bool on_value(void *user, const char *section, const char *key,
                     const char *value, int line, bool continuation)
{
    struct parse *p = user;
    if (!*section) {
        diag_add(p->diag, p->file, line, "'%s' must be inside a [key]", key);
        return false;
    }
    struct keymap_entry *e = entry_for(p, section, line);
    if (!e)
        return false;
    char **field = strcmp(key, "command") == 0 ? &e->command
                   : strcmp(key, "help") == 0  ? &e->help
                                               : NULL;
    if (!field) {
        diag_add(p->diag, p->file, line,
                 "unknown setting '%s' (expected command or help)", key);
        return false;
    }
    if (continuation && *field) {
        *field = str_append_word(*field, value);
        return true;
    }
    if (*field) {
        diag_add(p->diag, p->file, line, "'%s' is given twice for [%s]", key,
                 section);
        return false;
    }
    if (field == &e->command) {
        struct command cmd;
        char err[128];
        if (!command_parse(value, &cmd, err, sizeof err)) {
            diag_add(p->diag, p->file, line, "[%s]: %s", section, err);
            return false;
        }
    }
    *field = str_dup(value);
    return true;
}

static void entry_free(struct keymap_entry *e)
{
    free(e->key);
    free(e->command);
    free(e->help);
}

bool keymap_parse(struct keymap *km, const char *text, size_t len,
                  const char *file, struct diag_list *diag)
{
    memset(km, 0, sizeof *km);
    struct parse p = {.km = km, .file = file, .diag = diag};
    int errors = ini_lines_parse(text, len, file, on_value, &p, diag);
    /* Drop bindings without a command: they cannot do anything. */
    int kept = 0;
    for (int i = 0; i < km->count; i++) {
        if (!km->entry[i].command) {
            diag_add(diag, file, 0, "[%s] has no valid command",
                     km->entry[i].key);
            entry_free(&km->entry[i]);
            errors++;
            continue;
        }
        if (!km->entry[i].help)
            km->entry[i].help = str_dup("");
        km->entry[kept++] = km->entry[i];
    }
    km->count = kept;
    return errors == 0;
}

const char *keymap_lookup(const struct keymap *km, const char *key)
{
    for (int i = 0; key && i < km->count; i++)
        if (strcasecmp(km->entry[i].key, key) == 0)
            return km->entry[i].command;
    return NULL;
}

void keymap_free(struct keymap *km)
{
    for (int i = 0; i < km->count; i++)
        entry_free(&km->entry[i]);
    free(km->entry);
    memset(km, 0, sizeof *km);
}
