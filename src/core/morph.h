/* morph: all seven faders glide from where they are to a target mix over
 * a time the facilitator sets (a preset recall, an A/B flip). Pure maths
 * on a clock in milliseconds the caller passes in. */
#ifndef SOUNDBOARD_MORPH_H
#define SOUNDBOARD_MORPH_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"

struct morph {
    bool active;                  /* false: nothing moving */
    int from[BOARD_ELEMENTS];     /* values at the start */
    int to[BOARD_ELEMENTS];       /* target values */
    int64_t start_ms;             /* clock at the start, milliseconds */
    int64_t duration_ms;          /* >= 0; 0 jumps at once */
};

/* Starts a glide from `current` (where the faders are now, which is the
 * right start also when a morph is already running: pass the board's
 * values) to `target` over duration_ms (<= 0: the target at once, done at
 * once). Times are any monotonic clock in milliseconds. Each frame the app
 * sets the board to morph_values_at() and calls morph_stop() once
 * morph_done(). */
void morph_start(struct morph *m, const int current[BOARD_ELEMENTS],
                 const int target[BOARD_ELEMENTS], int64_t now_ms,
                 int64_t duration_ms);
/* The values at now_ms (eased: slow start and end), whole numbers; equal
 * to `from` at the start and exactly `to` from the end on. A clock before
 * start counts as the start. Does nothing if the morph is not active. */
void morph_values_at(const struct morph *m, int64_t now_ms,
                     int out[BOARD_ELEMENTS]);
/* True once now_ms has reached the end (or if not active). */
bool morph_done(const struct morph *m, int64_t now_ms);
/* Stops the morph where it is (a fader was grabbed). */
void morph_stop(struct morph *m);

#endif
