/* keymap: keyboard bindings read from assets/keys.ini.
 *
 * A key is named as the app spells it: optional "Ctrl+", "Shift+", "Alt+"
 * prefixes (in that order) and SDL's key name ("Up", "F11", "S", "1").
 * Each binding runs a command (command.h) and has a help text for the help
 * overlay, so keys, their meaning and their on-screen help are all data. */
#ifndef SOUNDBOARD_KEYMAP_H
#define SOUNDBOARD_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct keymap_entry {
    char *key;     /* "Ctrl+S" */
    char *command; /* "preset save", checked with command_parse */
    char *help;    /* "Save the mix as a preset" */
};

struct keymap {
    struct keymap_entry *entry; /* in file order: the help overlay's order */
    int count;
};

/* Parses keys.ini text. Bad entries (unknown command, duplicate key,
 * missing command) are reported in diag with their line and left out; the
 * rest load. Returns true if there was no error. Free with keymap_free even
 * on false. */
bool keymap_parse(struct keymap *km, const char *text, size_t len,
                  const char *file, struct diag_list *diag);

/* The command bound to a key name, or NULL. Key names compare
 * case-insensitively ("ctrl+s" finds "Ctrl+S"). */
const char *keymap_lookup(const struct keymap *km, const char *key);

void keymap_free(struct keymap *km);

#endif
