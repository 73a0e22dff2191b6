/* learn: teach soundboard an unknown controller, element by element.
 *
 * The app puts the board into learn mode and feeds every decoded message
 * from the port. For the element being taught ("move the control for
 * Goals") it takes the first control that really moves: a control that
 * sends one value once is jitter or a button, not a fader; a few distinct
 * values (or, for relative encoders, repeated steps) make it real. It
 * recognises 7-bit CC, 14-bit CC pairs (n and n+32), pitch bend, the three
 * relative encoder styles and NRPN, skips controls already taken, and
 * moves on. Any element can be redone. At the end it builds a profile for
 * the port, which profile_write saves in the user's controllers folder. */
#ifndef SOUNDBOARD_LEARN_H
#define SOUNDBOARD_LEARN_H

#include <stdbool.h>
#include <stdint.h>

#include "midi_decoder.h"
#include "profile.h"

enum { LEARN_CANDIDATES = 16 };

struct learn_candidate {
    struct profile_ctl ctl;  /* what it looks like so far */
    int values[8];           /* distinct values seen (up to 8) */
    int distinct;
    int messages;
    int last_msb;            /* CC and 14-bit pairs: last MSB value */
    int64_t first_ms, last_ms;
};

struct learn {
    int element;                         /* being taught; 7 = finished */
    struct profile_ctl taken[BOARD_ELEMENTS]; /* NONE: not yet */
    struct learn_candidate cand[LEARN_CANDIDATES];
    int cand_count;
    int nrpn_param[16];                  /* NRPN parameter per channel */
    char heard[64];                      /* describes the last taken or
                                            the leading candidate */
};

void learn_start(struct learn *l);

/* Feeds one message. Returns true when it completed the current element
 * (learn->taken[element] set, element advanced to the next untaught one).
 * Non-channel messages are ignored. */
bool learn_feed(struct learn *l, const struct midi_msg *m, int64_t now_ms);

/* Forget element e's control and teach it next. */
void learn_redo(struct learn *l, int element);

/* True when all seven elements have a control. */
bool learn_done(const struct learn *l);

/* A short description of what was heard ("cc 7 ch 1"), or "" if nothing. */
const char *learn_heard(const struct learn *l);

/* Builds a profile from what was taught: display name and match pattern
 * from the port name, id from the caller (a file stem), absolute controls
 * non-motorized. Elements not taught stay unmapped. */
void learn_make_profile(const struct learn *l, const char *port_name,
                        const char *id, struct profile *out);

#endif
