/* transport_leds: a controller's Play and Record LEDs (the profile's
 * play-led and record-led keys) showing the arc's transport.
 *
 * What they mean (docs/arcs.md, "Recording"):
 * - Play is lit while the arc plays; dark when paused, stopped, at the end
 *   of the arc or with no arc open.
 * - Record is lit while touch recording is on: the arc plays with Record
 *   armed, so a fader a hand moves writes into the current step. Armed
 *   but paused, a touch writes nothing, so it is dark (and lit again when
 *   Play resumes). A Record press while not playing stores the whole mix
 *   into the step at once; that lights nothing (no flash: the loop keeps
 *   no timer for it), the notice on screen says it.
 *
 * A lit LED is sent the profile's led-on, a dark one led-off: note-on
 * (9n) for a note, control change (Bn) for a cc, on the LED's channel, or
 * the profile's feedback channel, or channel 1. Bytes go out only for an
 * LED whose state differs from what it was last sent; after
 * transport_leds_forget (a controller that (re)connected) every LED the
 * profile has is sent once. A profile without these keys sends nothing.
 *
 * Pure: bytes in a buffer; the app writes them to the port. */
#ifndef SOUNDBOARD_TRANSPORT_LEDS_H
#define SOUNDBOARD_TRANSPORT_LEDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "profile.h"

/* The arc's transport as the app has it. */
struct transport_state {
    bool playing; /* the arc plays */
    bool armed;   /* Record is armed (touches write while playing) */
};

struct transport_leds {
    int sent[PROFILE_TRANSPORT_LEDS]; /* 1 lit, 0 dark, -1 not sent since
                                         the controller connected */
};

enum { TRANSPORT_LEDS_BYTES_MAX = 3 * PROFILE_TRANSPORT_LEDS };

/* Nothing is known to be shown: the next transport_leds_feedback sends
 * every LED the profile has. */
void transport_leds_forget(struct transport_leds *l);

/* Whether `led` is lit for transport state t (the rule above). */
bool transport_led_lit(const struct transport_state *t,
                       enum profile_transport_led led);

/* Bytes for the LEDs of profile p whose state for t differs from what l
 * last sent, into out[0..cap) (whole 3-byte messages; an LED that does not
 * fit is sent by the next call). Returns the number of bytes written. */
size_t transport_leds_feedback(struct transport_leds *l,
                               const struct profile *p,
                               const struct transport_state *t, uint8_t *out,
                               size_t cap);

#endif
