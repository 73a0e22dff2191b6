/* damage: the rectangles of a frame that differ from the last one, when
 * only faders moved (damage.c says which and why). Used by render.c. */
#ifndef SOUNDBOARD_DAMAGE_H
#define SOUNDBOARD_DAMAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "draw.h"

/* A hash of everything v shows except the faders' values and zones. */
uint64_t frame_key(const struct view *v);
/* Fills ui->damage[] for drawing v over the last frame (key: frame_key of
 * v). False: the whole frame must be drawn (ui->damage_count is then 0).
 * True with damage_count 0: nothing changed. */
bool damage_plan(struct ui *ui, const struct view *v, uint64_t key);
/* Remembers v as what the target now shows. */
void damage_remember(struct ui *ui, const struct view *v, uint64_t key);

#endif
