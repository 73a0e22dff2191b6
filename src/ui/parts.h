/* parts: the parts of a frame, one file each, called by render.c in frame
 * order. Each draws from ui->v with the primitives of draw.h and knows
 * nothing of the others. */
#ifndef SOUNDBOARD_PARTS_H
#define SOUNDBOARD_PARTS_H

#include "draw.h"

/* The parts of a frame, one file each. */
void draw_strips(struct ui *ui);
void draw_panel(struct ui *ui);
void draw_bridge(struct ui *ui);
void draw_status(struct ui *ui);
void draw_masthead(struct ui *ui);
void draw_learn(struct ui *ui);
/* The unit's arc under the strips (draw_timeline.c), and the pattern
 * that tells a zone without colour (solid, stripes, dots). */
void draw_timeline(struct ui *ui);
void draw_zone_pattern(struct ui *ui, int zone, struct layout_rect r);

/* Overlays: one function per overlay, on top of a dimmed board. Each
 * starts with draw_overlay_frame, which dims the board, draws the panel
 * and its title, and returns the rect left for the body. */
struct layout_rect draw_overlay_frame(struct ui *ui, const char *title);
void draw_overlay_help(struct ui *ui);
void draw_overlay_questions(struct ui *ui);
void draw_overlay_presets(struct ui *ui);
void draw_overlay_intro(struct ui *ui);            /* What this is */
void draw_overlay_misunderstandings(struct ui *ui);
void draw_overlay_why(struct ui *ui);              /* the preset's note */

#endif
