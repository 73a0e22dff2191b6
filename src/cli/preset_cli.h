/* preset_cli: the preset options of the command line, as functions main
 * calls once options are parsed (docs/presets.md describes each):
 *
 *   --preset NAME|FILE   preset_store_resolve (src/store), in app_init
 *   --save-preset NAME   preset_cli_save
 *   --list-presets       preset_cli_list
 *   --export FILE.md|pdf preset_cli_export
 *   --check FILE         preset_cli_is_preset_file + preset_cli_check
 *   --dump-state         "preset": state_extra.preset = recalled name or
 *                        NULL, "modified": preset_modified() (preset.h)
 *
 * Each returns the process exit status (0 fine, 1 failed, 2 bad input) or
 * a bool, and prints only to the streams it is given. */
#ifndef SOUNDBOARD_PRESET_CLI_H
#define SOUNDBOARD_PRESET_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "board.h"
#include "content.h"
#include "paths.h"
#include "preset.h"
#include "preset_export.h"

/* --list-presets: one line per preset on out, tab-separated:
 *   NAME <TAB> ORIGIN <TAB> SLOT <TAB> FILE
 * ORIGIN is "user" or "factory", SLOT 1..9 or "-"; user presets first,
 * each group by slot then name; a factory preset hidden by a user preset
 * of the same name is listed too (lookups use the user one). Damaged files
 * are reported on err as FILE:LINE lines and left out. Returns 0. */
int preset_cli_list(const struct paths *p, FILE *out, FILE *err);

/* --save-preset NAME: saves `value` as a user preset. If a user preset of
 * that name exists it is updated (values and changed time; its notes, slot
 * and created time stay). Otherwise a new one is made, with the notes of
 * `base` (the preset recalled with --preset, or NULL) and no slot. Prints
 * "PATH" of the file written on out. Returns 0, or 1 with a reason on
 * err. */
int preset_cli_save(const struct paths *p, const char *name,
                    const int value[BOARD_ELEMENTS], const struct preset *base,
                    FILE *out, FILE *err);

/* --export FILE.md|FILE.pdf: the handout (preset_export.h) of `value`,
 * with the recalled preset's name and notes (recalled may be NULL) and the
 * board as v shows it, on `paper` for a PDF. Returns 0, or 1 with a reason
 * on err. */
int preset_cli_export(const char *path, const struct content *c,
                      const struct preset *recalled,
                      const int value[BOARD_ELEMENTS], const struct view *v,
                      enum handout_paper paper, FILE *err);

/* True if --check should treat path as a preset: its first section header
 * is [preset], or it ends in ".ini" inside a folder named "presets". */
bool preset_cli_is_preset_file(const char *path);

/* --check FILE for a preset: prints "ok" on out and returns 0, or prints
 * one "FILE:LINE: what" line per problem on out and returns 2. */
int preset_cli_check(const char *path, FILE *out);

#endif
