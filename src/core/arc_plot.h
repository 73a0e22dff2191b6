/* arc_plot: where the printed picture of an arc's lanes puts everything,
 * as a pure function of its width and the number of steps (no fonts, no
 * cairo). The handout's PNG and its PDF pages (src/print) both draw from
 * it, so they show the same picture at two scales.
 *
 * As on the timeline under the faders (src/ui/draw_timeline.c): one lane
 * per element, one column per step, each cell the zone's tint and pattern
 * (zone_pattern.h), the current step framed. For paper the element's full
 * name heads its lane, the step labels sit under the lanes, and a key of
 * the three zones comes first. An arc longer than ARC_PLOT_BAND_STEPS
 * steps is cut into bands of equal columns stacked one under the other,
 * each with its own lane names and labels, so a long arc stays legible
 * (and a PDF can put each band on the page where it fits).
 *
 *   key:   [tint] Teacher-generated   [stripes] Co-created   [dots] ...
 *   band:  Goals            |   |   |   |
 *          ...seven lanes   |   |   |   |
 *                          Week Week ...
 *
 * Every length is in the units of `width` (pixels in the PNG, tenths of
 * a point in the PDF). */
#ifndef SOUNDBOARD_ARC_PLOT_H
#define SOUNDBOARD_ARC_PLOT_H

#include "arc.h"
#include "board.h"
#include "layout.h"

enum {
    ARC_PLOT_BAND_STEPS = 13, /* at most this many columns a band */
    ARC_PLOT_BANDS_MAX =
        (ARC_STEPS_MAX + ARC_PLOT_BAND_STEPS - 1) / ARC_PLOT_BAND_STEPS,
    ARC_PLOT_LABEL_LINES = 2, /* a lane name or step label wraps to these */
};

struct arc_plot_band {
    int first, count;          /* its steps: first .. first + count - 1 */
    struct layout_rect area;   /* the whole band */
    struct layout_rect lanes;  /* the seven lanes, count columns */
    struct layout_rect labels; /* the step labels under them */
};

struct arc_plot {
    int w, h; /* the whole picture */
    int font; /* text size (lane names, labels, key) */
    int unit; /* pattern stroke, frame thickness / 2 */
    int margin, pad;
    int lane_h;   /* height of one lane */
    int col_w;    /* columns in every band: lanes.w / per */
    int per_band; /* steps in every band but maybe the last */
    int steps;
    struct layout_rect key; /* the key row */
    struct layout_rect key_swatch[ZONE_COUNT], key_text[ZONE_COUNT];
    int bands;
    struct arc_plot_band band[ARC_PLOT_BANDS_MAX];
};

/* Lays out an arc of `steps` steps (clamped to 1..ARC_STEPS_MAX) in a
 * picture `width` wide (at least 200 units; less counts as 200); the font
 * size and every other length follow from the width, and p->h from the
 * number of bands. */
void arc_plot_compute(struct arc_plot *p, int width, int steps);

/* The band holding step k (0-based), or -1 if k is out of range. */
int arc_plot_band_of(const struct arc_plot *p, int k);
/* Step k's column: its lanes and its label, top to bottom (what the
 * current step's frame goes around). Zero rect if k is out of range. */
struct layout_rect arc_plot_column(const struct arc_plot *p, int k);
/* The cell of element e at step k, inset from its neighbours. */
struct layout_rect arc_plot_cell(const struct arc_plot *p, int k, int e);
/* The box for step k's label, under its column. */
struct layout_rect arc_plot_label(const struct arc_plot *p, int k);
/* The box for element e's name at the left of band b's lane. */
struct layout_rect arc_plot_lane_name(const struct arc_plot *p, int b, int e);

#endif
