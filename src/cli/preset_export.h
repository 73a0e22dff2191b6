/* preset_export: the `--export FILE.md` handout for workshop participants.
 *
 * Markdown: a title (the recalled preset's name, or the export.title
 * string), a short framing line, the preset's notes, a line saying the mix
 * changed since the recall when it did, then for each of the seven elements
 * its name, fader value, zone, what the teacher does, what students do and
 * the habits of mind it calls on. Every word comes from struct content
 * (elements, habits, ui.ini strings export.*, zone.*, app.credit); nothing
 * is a C string. */
#ifndef SOUNDBOARD_PRESET_EXPORT_H
#define SOUNDBOARD_PRESET_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "board.h"
#include "content.h"
#include "preset.h"

/* Builds the handout for the mix `value` (0..100 each). `recalled` is the
 * preset recalled last, or NULL. Returns malloc'd NUL-terminated text (the
 * caller frees; *len gets its length if len is not NULL), or NULL if
 * memory ran out. Missing content shows as its key or id, never crashes. */
char *preset_export_markdown(const struct content *c,
                             const struct preset *recalled,
                             const int value[BOARD_ELEMENTS], size_t *len);

/* Builds the handout and writes it to path with files_write_atomic. On
 * failure returns false with "PATH: why" in err. */
bool preset_export_write(const char *path, const struct content *c,
                         const struct preset *recalled,
                         const int value[BOARD_ELEMENTS], char *err,
                         size_t errlen);

#endif
