/* draw: the primitives below every part of a frame: the ui struct, shapes
 * and text (draw.c). Not a public API (see render.h); the parts that use
 * them are declared in parts.h. */
#ifndef SOUNDBOARD_DRAW_H
#define SOUNDBOARD_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "layout.h"
#include "text.h"
#include "theme.h"
#include "view.h"

enum { UI_DAMAGE_MAX = 32 }; /* render.h's UI_DAMAGE_RECTS */

/* What the last frame showed, for a redraw of only what changed since
 * (render.c). */
struct ui_frame {
    bool valid;             /* the target still holds this frame */
    uint64_t key;           /* everything shown but the faders (render.c) */
    int w, h, steps;        /* the layout it was drawn at */
    int value[BOARD_ELEMENTS];
    enum zone zone[BOARD_ELEMENTS];
};

struct ui {
    SDL_Renderer *renderer;
    struct text *text;
    struct layout layout;
    bool have_layout;
    const struct view *v;   /* the view being drawn, during ui_draw */
    int theme;              /* v->theme, clamped */
    unsigned long clipped;  /* text draws that did not fit their box */
    char last_clipped[160]; /* the last of them, for test messages */
    unsigned long shortened; /* one-line texts cut to "text…" to fit */
    /* Partial redraw: while damage_count > 0, every primitive draws only
     * inside damage[], and the rest of the target keeps the last frame.
     * Only on a target that keeps its pixels (ui_keep_frames). */
    bool retained;
    SDL_Rect damage[UI_DAMAGE_MAX];
    int damage_count;       /* 0: the whole frame (during ui_draw) */
    bool drew_all;          /* the last ui_draw drew everything */
    SDL_Rect last_damage[UI_DAMAGE_MAX]; /* what it drew, if not */
    int last_damage_count;
    struct ui_frame last;
};

enum draw_valign { DRAW_TOP, DRAW_MIDDLE, DRAW_BOTTOM };

/* Shapes in a theme role's colour (alpha blended when the role has it). */
void draw_fill(struct ui *ui, enum theme_role role, struct layout_rect r);
void draw_outline(struct ui *ui, enum theme_role role, struct layout_rect r,
                  int thickness);
void draw_hline(struct ui *ui, enum theme_role role, int x, int y, int w,
                int thickness);

/* Text in the foreground of `pair` (drawn on its background: the pair's
 * contrast is tested), wrapped to box.w, aligned in box. Returns the
 * height drawn. Text taller than the box is clipped to it. */
int draw_text(struct ui *ui, const char *s, int size, enum text_style style,
              enum theme_pair pair, struct layout_rect box,
              enum text_align align, enum draw_valign valign);

/* One line, never wrapped: shortened with an ellipsis if wider than box.
 * Returns the width drawn. */
int draw_text_line(struct ui *ui, const char *s, int size,
                   enum text_style style, enum theme_pair pair,
                   struct layout_rect box, enum text_align align);

/* Like draw_text, at the largest size from max_size down to min_size at
 * which s fits box (wrapped, no word wider than the box). Returns the
 * size used. */
int draw_text_fit(struct ui *ui, const char *s, int max_size, int min_size,
                  enum text_style style, enum theme_pair pair,
                  struct layout_rect box, enum text_align align,
                  enum draw_valign valign);

/* At one size, the first way s fits box: bold (on one line or wrapped),
 * else regular (clipped if even that does not fit). `bold` false skips
 * the bold try. */
void draw_text_best(struct ui *ui, const char *s, int size, bool bold,
                    enum theme_pair pair, struct layout_rect box,
                    enum text_align align, enum draw_valign valign);

/* True if s fits box at size (wrapped, no word wider than the box). */
bool draw_text_fits(struct ui *ui, const char *s, int size,
                    enum text_style style, struct layout_rect box);

/* Width of s on one line at size. */
int draw_text_width(struct ui *ui, const char *s, int size,
                    enum text_style style);

/* A zone's tint, the text pair drawn on it, and its name (ui.ini
 * zone.<id>). */
enum theme_role draw_zone_role(int zone);
enum theme_pair draw_zone_pair(int zone);
const char *draw_zone_name(struct ui *ui, int zone);

/* Shrinks r by d on every side. */
struct layout_rect draw_inset(struct layout_rect r, int d);

/* Clears the whole output to the theme's background. */
void draw_clear(struct ui *ui);

#endif
