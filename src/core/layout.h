/* layout: where everything on the console goes, computed from the window
 * size in pixels by a pure function (no SDL, no fonts).
 *
 * Seven channel strips side by side, a large readout panel for the focused
 * strip (right of the strips on wide windows, below them on 4:3 ones), a
 * meter bridge of the sixteen habits across the top, a status line at the
 * bottom and a rect for overlays. Font sizes are in pixels and derive from
 * the height: no text is smaller than h/40 on a landscape window. The
 * renderer draws into these rects; the app hit-tests clicks with them. */
#ifndef SOUNDBOARD_LAYOUT_H
#define SOUNDBOARD_LAYOUT_H

#include <stdbool.h>

#include "board.h"
#include "content.h"

/* Below this size the layout still computes, but text may not fit. */
enum { LAYOUT_MIN_W = 640, LAYOUT_MIN_H = 480 };

/* Width of a bridge cell's seven segments when beside the name, at most,
 * in quarters of font_small (at least 2 em; the name keeps 8 em). */
enum { LAYOUT_LEDS_EM4 = 13 };

struct layout_rect {
    int x, y, w, h; /* pixels, origin top left */
};

struct layout_strip {
    struct layout_rect strip;    /* the whole channel strip */
    struct layout_rect label;    /* scribble-strip label: 7-char label */
    struct layout_rect name;     /* full name, under the label */
    struct layout_rect scale;    /* zone scale: tinted bands beside the
                                    track, ticks at the boundaries */
    struct layout_rect zone_band[ZONE_COUNT]; /* scale band per zone: click
                                    to jump this fader there */
    struct layout_rect track;    /* the fader slot (drawn) */
    struct layout_rect travel;   /* where the cap can go; hit area */
    struct layout_rect zone_word; /* the current zone as a word */
    struct layout_rect readout;  /* short teacher / students readout;
                                    empty on narrow (4:3) windows, where
                                    the panel shows it in full */
    struct layout_rect brief[2]; /* its halves: 0 teacher, 1 students */
};

struct layout {
    int w, h;                    /* window size this was computed for */
    bool wide;                   /* readout panel right of the strips */
    int margin;                  /* outer margin and gap, pixels */
    int cap_w, cap_h;            /* fader cap size */
    int line;                    /* outline width for focus and caps */

    /* Font sizes in pixels; every one is at least h/40 (landscape). */
    int font_small;              /* scale labels, bridge names, status */
    int font_body;               /* readout panel text */
    int font_label;              /* scribble-strip 7-char label */
    int font_heading;            /* panel name, overlay titles */
    int font_zone;               /* zone word under each fader */

    struct layout_strip strip[BOARD_ELEMENTS];
    struct layout_rect strips;   /* the area holding legend and strips */
    /* The scale's legend, left of the strips (like the printed scale of a
     * mixing desk): the three zone names beside the band heights, shared
     * by all strips. A click on a legend label jumps the focused fader. */
    struct layout_rect legend;
    struct layout_rect legend_label[ZONE_COUNT];
    int legend_lines;            /* lines a legend label may wrap to */
    struct layout_rect legend_brief[2]; /* row names of the readout halves
                                    ("The teacher", "Students") */
    struct layout_rect panel;    /* large readout of the focused element */
    int panel_columns;           /* 1 (wide) or 2 (panel below strips) */
    struct layout_rect bridge;   /* meter bridge area */
    struct layout_rect bridge_cell[CONTENT_HABITS];
    int bridge_rows, bridge_cols;
    bool bridge_inline;          /* segments beside the name, not below */
    int bridge_pad;              /* inset of a cell's contents */
    struct layout_rect status;   /* status line */
    /* The masthead across the top: the board's title and the balance
     * message on the first line, the credit on the second (wide); on a
     * narrow window one line (mast_line[1] empty). Always there, so a
     * projector in full screen still says whose idea this is. */
    struct layout_rect masthead;
    struct layout_rect mast_line[2];
    struct layout_rect overlay;  /* panel of the help/questions overlays */
    struct layout_rect banner;   /* learn-mode prompt, over the bridge */

    /* The arc's timeline (layout_compute_arc), under the strips; all
     * zero when no arc is open. On a wide window the per-strip readout
     * gives way to it (the panel shows the focused element in full); on
     * a narrow one it takes the panel's place (panel.h is then 0). */
    int timeline_steps;          /* steps shown; 0: no timeline */
    struct layout_rect timeline; /* the whole strip */
    struct layout_rect timeline_state; /* play / pause / record word */
    struct layout_rect timeline_labels; /* row of step labels */
    struct layout_rect timeline_lanes;  /* the seven lanes, step columns */
    struct layout_rect timeline_lane_label[BOARD_ELEMENTS];
    struct layout_rect timeline_note;   /* the current step's note */
    int timeline_lane_h;         /* height of one lane */
};

enum layout_hit_kind {
    LAYOUT_HIT_NONE,
    LAYOUT_HIT_CAP,     /* on the cap of element */
    LAYOUT_HIT_TRACK,   /* in the fader travel of element, off the cap */
    LAYOUT_HIT_ZONE,    /* on the scale band of zone in element, or on
                           the legend label of zone (element -1: the
                           focused strip) */
    LAYOUT_HIT_STRIP,   /* elsewhere on strip element (select it) */
    LAYOUT_HIT_BRIDGE,  /* on the meter-bridge cell of habit */
    LAYOUT_HIT_STEP,    /* on step `step` of the arc's timeline */
};

struct layout_hit {
    enum layout_hit_kind kind;
    int element;        /* 0..6, -1 if none */
    int zone;           /* enum zone for LAYOUT_HIT_ZONE, else -1 */
    int habit;          /* 0..15 for LAYOUT_HIT_BRIDGE, else -1 */
    int step;           /* 0-based for LAYOUT_HIT_STEP, else -1 */
};

/* Computes the layout for a w x h window (pixels of the renderer's output,
 * so high-DPI is handled by the caller passing the drawable size). Returns
 * false if the window is smaller than LAYOUT_MIN_W x LAYOUT_MIN_H (the
 * layout is still filled in and usable, only cramped). */
bool layout_compute(struct layout *l, int w, int h);

/* The same with the timeline of an open arc of `steps` steps (0: none,
 * exactly layout_compute; more than 52 count as 52). */
bool layout_compute_arc(struct layout *l, int w, int h, int steps);

/* The column of step k (0-based) on the timeline: its label cell and its
 * lanes, top to bottom. A zero rect when k is out of range. */
struct layout_rect layout_timeline_step(const struct layout *l, int k);

/* Rect of the cap of `element` at `value` (clamped to 0..100): its centre
 * is at the value's height in the travel, 0 at the bottom. An element out of
 * range gives a zero rect. */
struct layout_rect layout_cap_rect(const struct layout *l, int element,
                                   int value);

/* The value (0..100, clamped) whose cap centre is at window y: for
 * dragging. Element out of range gives 0. */
int layout_value_at(const struct layout *l, int element, int y);

/* What is under window point (x, y) when the fader of each element is at
 * values[element] (needed to tell the cap from the track; values may be
 * NULL: no cap hits). Fills *hit and returns hit->kind. */
enum layout_hit_kind layout_hit(const struct layout *l, const int *values,
                                int x, int y, struct layout_hit *hit);

/* Height of one line of text at font size px, in the same units. */
int layout_line_height(int px);

/* True if (x, y) is inside r. */
bool layout_rect_contains(struct layout_rect r, int x, int y);
/* True if a and b share at least one pixel. */
bool layout_rect_overlaps(struct layout_rect a, struct layout_rect b);

#endif
