/* zone_pattern: how a zone reads without colour, as geometry.
 *
 * A zone is drawn as its tint, and over the tint as a pattern of marks in
 * the zone's text colour: teacher-generated stays plain, co-created gets
 * horizontal stripes, student-generated a staggered grid of dots. The
 * on-screen timeline (src/ui) and the printed arc (src/print: the handout's
 * picture and PDF) draw these same marks, so a lane reads the same on the
 * projector, in colour print and in black and white.
 *
 * Pure geometry in whole units (pixels on screen, any unit in print): the
 * caller fills the rectangles the iterator hands out. */
#ifndef SOUNDBOARD_ZONE_PATTERN_H
#define SOUNDBOARD_ZONE_PATTERN_H

#include <stdbool.h>

#include "board.h"
#include "layout.h"

/* Walks the marks of one zone's pattern over a rectangle. */
struct zone_pattern {
    enum zone zone;
    struct layout_rect r; /* the area patterned */
    int u;                /* stroke: a stripe's height, a dot's side */
    int x, y;             /* where the next mark is */
    bool in_row;          /* x is on row y (dots) */
};

/* Starts the marks of `zone` over r with stroke `unit` (below 1 counts
 * as 1). Marks are spaced three strokes apart and never leave r. */
void zone_pattern_start(struct zone_pattern *p, enum zone zone,
                        struct layout_rect r, int unit);

/* The next mark in *mark; false when there are no more (at once for
 * teacher-generated, whose tint alone is its pattern). */
bool zone_pattern_next(struct zone_pattern *p, struct layout_rect *mark);

#endif
