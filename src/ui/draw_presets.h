/* draw_presets: where the preset browser and the save dialog put things.
 * Pure geometry from the layout, shared by the drawing (draw_presets.c)
 * and the mouse hit tests (src/app/preset_ui.c), so both always agree. */
#ifndef SOUNDBOARD_DRAW_PRESETS_H
#define SOUNDBOARD_DRAW_PRESETS_H

#include "layout.h"

enum {
    PRESETS_SLOT_BOXES = 10,   /* none, 1..9 */
    PRESETS_TEXT_SHOWN = 4400, /* bytes of field text drawn */
};

struct presets_browser_geom {
    struct layout_rect list;     /* the rows */
    struct layout_rect detail;   /* the selected preset's whole note */
    int row_h;                   /* pixels per row */
    int visible;                 /* rows that fit (at least 1) */
    struct layout_rect message;  /* prompt or result line */
    struct layout_rect hint;     /* keys line */
};

struct presets_dialog_geom {
    struct layout_rect name_label, name, notes_label, notes;
    struct layout_rect slot_label;
    struct layout_rect slot[PRESETS_SLOT_BOXES]; /* [0] none, [n] slot n */
    struct layout_rect save;     /* the Save button */
    struct layout_rect message;
    struct layout_rect hint;
};

void presets_browser_geom(const struct layout *l,
                          struct presets_browser_geom *g);
/* Rect of the row shown at position i (0 = first visible). */
struct layout_rect presets_row_rect(const struct presets_browser_geom *g,
                                    int i);
/* First row to show so that `selected` is visible; keeps `first` when it
 * already is. */
int presets_first_row(int count, int selected, int first, int visible);

void presets_dialog_geom(const struct layout *l,
                         struct presets_dialog_geom *g);

/* True if (x, y) in pixels lies inside r. */
int presets_inside(struct layout_rect r, int x, int y);

#endif
