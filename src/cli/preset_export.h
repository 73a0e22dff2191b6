/* preset_export: --export FILE.md | FILE.pdf, the handout of the mix a
 * facilitator prints (content in core/handout.h).
 *
 *   FILE.md   Markdown, plus FILE.png beside it (the board at 1920x1080)
 *             that the Markdown shows.
 *   FILE.pdf  a print-ready page (A4, or Letter) with the board picture and
 *             the same content (src/print, cairo: the print module,
 *             loaded only for this, print_load.h).
 *
 * Every file is written atomically: on failure the old one is untouched
 * and no temporary file is left. */
#ifndef SOUNDBOARD_PRESET_EXPORT_H
#define SOUNDBOARD_PRESET_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "handout.h"
#include "view.h"

enum { EXPORT_PICTURE_W = 1920, EXPORT_PICTURE_H = 1080 };

/* What --export writes, by the path's ending; the arc's handout
 * (arc_export.h) takes the same. */
enum export_kind { EXPORT_MARKDOWN, EXPORT_PDF, EXPORT_REFUSED };
/* ".md" or ".pdf"; anything else is refused with "PATH: the handout is
 * FILE.md or FILE.pdf" in err. */
enum export_kind preset_export_kind(const char *path, char *err,
                                    size_t errlen);
/* FILE.png beside FILE.md into png[cap]; *base (may be NULL) points at
 * its file name in png, as the Markdown names it. */
void preset_export_picture_path(const char *md_path, char *png, size_t cap,
                                const char **base);

/* Writes the handout h to path (".md" or ".pdf"; anything else is refused),
 * with the board as the view v shows it. On failure returns false with
 * "PATH: why" in err. */
bool preset_export_write(const char *path, const struct handout *h,
                         const struct view *v, enum handout_paper paper,
                         char *err, size_t errlen);

#endif
