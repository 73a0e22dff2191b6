/* render: draws one frame of the console from a view (view.h) with an SDL
 * renderer, and writes headless screenshots.
 *
 * The caller owns the window, the event loop and SDL_RenderPresent; ui_draw
 * draws a whole frame in the renderer's output pixels (pass the drawable
 * size, not the window size, so high-DPI screens stay sharp). The layout is
 * recomputed only when the size changes and text comes from a cache, so
 * redrawing an unchanged view rasterizes nothing. */
#ifndef SOUNDBOARD_RENDER_H
#define SOUNDBOARD_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "layout.h"
#include "view.h"

struct ui;

/* Makes a renderer-bound UI: finds and opens the fonts (a missing font
 * gives NULL and a message naming it in err). The renderer is borrowed
 * and must outlive the ui. */
struct ui *ui_create(SDL_Renderer *r, char *err, size_t errlen);

/* Draws a frame of v at w x h output pixels. Does not present. On a
 * target that keeps its pixels (ui_keep_frames), when only faders moved
 * since the last frame, draws only the rectangles that changed
 * (ui_damage says which); otherwise the whole frame. */
void ui_draw(struct ui *ui, const struct view *v, int w, int h);

/* Whether the target keeps the last frame's pixels until the next draw
 * (SDL's software renderer on a window surface or a surface does; an
 * accelerated renderer's back buffer does not). Off by default. */
void ui_keep_frames(struct ui *ui, bool retained);
/* The target's pixels were lost (the window was exposed or resized): the
 * next ui_draw draws everything. */
void ui_forget_frame(struct ui *ui);
/* What the last ui_draw drew: -1 the whole frame; else the number of
 * rectangles (0: nothing) copied into out[0..max). */
enum { UI_DAMAGE_RECTS = 32 }; /* 7 x (2 caps + word + readout), bridge, panel */ /* out[] large enough for any frame */
int ui_damage(const struct ui *ui, SDL_Rect *out, int max);

/* The layout of the last ui_draw (for hit tests), computed for w x h if
 * the size differs. Borrowed; valid until the next call. */
const struct layout *ui_layout(struct ui *ui, int w, int h);

void ui_destroy(struct ui *ui);

/* Blocks rasterized since ui_create (tests: an idle frame adds none). */
unsigned long ui_rasterized(const struct ui *ui);
/* Text measurements computed since ui_create (an idle frame adds none). */
unsigned long ui_measured(const struct ui *ui);

/* Text draws since ui_create that did not fit the box the layout gave
 * them and were clipped (tests: must stay 0). */
unsigned long ui_clipped(const struct ui *ui);
/* What was clipped last ("" if nothing), for test messages. */
const char *ui_last_clipped(const struct ui *ui);
/* One-line texts shortened to "text…" to fit their place, since creation
 * (the status line does this; tests count it). */
unsigned long ui_shortened(const struct ui *ui);

/* Renders one frame with SDL's software renderer on a surface (no window,
 * no display needed) and writes it as a PNG (libpng). Returns false
 * with a one-line reason in err. */
bool ui_render_png(const struct view *v, int w, int h, const char *png_path,
                   char *err, size_t errlen);

/* The same frame into a new ARGB8888 surface the caller frees (tests read
 * its pixels). NULL with a reason in err on failure. */
SDL_Surface *ui_render_surface(const struct view *v, int w, int h, char *err,
                               size_t errlen);

#endif
