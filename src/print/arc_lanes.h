/* arc_lanes: the picture of an arc's lanes (geometry: core/arc_plot.h),
 * drawn with cairo and Pango: the same drawing makes the Markdown
 * handout's PNG and, as vectors, the PDF's plot. Cells are the zone's
 * tint and pattern (core/zone_pattern.h) in the light theme's colours,
 * as the timeline draws them on screen, so the picture reads in colour
 * and in black-and-white print; the current step (if any) is framed. */
#ifndef SOUNDBOARD_ARC_LANES_H
#define SOUNDBOARD_ARC_LANES_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>

#include "arc_handout.h"
#include "arc_plot.h"

/* The key (three swatches with their zone names) at p->key, in the
 * units of p on cr's current transform. */
void arc_lanes_draw_key(cairo_t *cr, const struct arc_plot *p,
                        const struct arc_handout *h);

/* Band b (its lane names, cells, step labels and the current step's
 * frame) where p puts it. */
void arc_lanes_draw_band(cairo_t *cr, const struct arc_plot *p,
                         const struct arc_handout *h, int b);

/* The whole picture, `width` pixels wide (its height from arc_plot), on
 * white, as PNG bytes: *out malloc'd (the caller frees and writes it),
 * *len its size, *w and *hgt (may be NULL) its size in pixels. False with
 * a reason in err. */
bool arc_lanes_png(const struct arc_handout *h, int width, char **out,
                   size_t *len, int *w, int *hgt, char *err, size_t errlen);

#endif
