/* arc_export: --export FILE.md | FILE.pdf while an arc is open (--arc):
 * the handout of the whole arc (content in core/arc_handout.h) instead of
 * the one of the mix on the board.
 *
 *   FILE.md   Markdown, plus FILE.png beside it that it shows: the lanes
 *             of the arc, ARC_EXPORT_PICTURE_W pixels wide, its height
 *             from the number of steps (core/arc_plot.h).
 *   FILE.pdf  print-ready pages (A4, or Letter): the lanes drawn as
 *             vectors, then every step (src/print/arc_handout_pdf.h).
 *
 * Every file is written atomically (files_write_atomic): on failure the
 * old one is untouched and no temporary file is left. */
#ifndef SOUNDBOARD_ARC_EXPORT_H
#define SOUNDBOARD_ARC_EXPORT_H

#include <stdio.h>

#include "arc.h"
#include "content.h"
#include "handout.h"

enum { ARC_EXPORT_PICTURE_W = 1920 };

/* Writes the handout of arc a to path, marking step `current` (0-based)
 * as the one the board is at, or none if -1. Returns 0, or 1 with
 * "soundboard: PATH: why" on err (as preset_cli_export does). */
int arc_export(const char *path, const struct content *c, const struct arc *a,
               int current, enum handout_paper paper, FILE *err);

#endif
