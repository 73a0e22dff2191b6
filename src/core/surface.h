/* surface: one connected controller driving the board.
 *
 * Bytes in (as they came from the port) -> the decoder -> the profile's
 * mapping -> soft takeover -> board_set_live; buttons -> commands. Bytes
 * out: feedback the profile asks for (motor faders, LED rings, zone LEDs,
 * Mackie scribble strips), only what changed unless a full refresh is
 * asked (a controller that just connected).
 *
 * Soft takeover (non-motorized controls with absolute positions): after
 * the on-screen value moves by other means (mouse, keys, a preset, learn),
 * the physical fader no longer matches it. Its messages then do not move
 * the value until the fader reaches or crosses the on-screen value; until
 * then surface_ghost tells where it physically is, so the screen can show
 * which way to move it. Relative encoders and motorized faders never need
 * takeover.
 *
 * Motor faders: while a fader's touch sensor is held, the device's own
 * positions are still echoed (a Mackie fader returns to the last position
 * it received), exactly as they came; values from elsewhere (preset,
 * mouse) wait for the release.
 *
 * Strips ([strips] in the profile): fewer faders than elements. Slot k of
 * the surface is then strip k, showing element (focus / N) * N + k of the
 * board's focus; when the focus moves, a strip that now shows another
 * element loses its catch (takeover) or, motorized, is sent the new value.
 *
 * A guessed profile (`guess = yes`, the generic one): nothing moves the
 * board until surface_accept_guess; what the controller sends is reported
 * in surface_result (unknown_spoke, heard) so the app can ask the room.
 *
 * Transport LEDs (play-led, record-led): surface_transport tells the
 * surface the arc's transport; surface_feedback sends an LED only when
 * what it shows changed, and all of them on a full refresh
 * (transport_leds.h says what lights when).
 *
 * Mackie LCD: the SysEx device ID starts as the profile's (0x14, or 0x15
 * for an extender) and becomes the one the device puts in its own SysEx
 * (F0 00 00 66 ID ...), as Ardour does; the strips are then written
 * again. */
#ifndef SOUNDBOARD_SURFACE_H
#define SOUNDBOARD_SURFACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "midi_decoder.h"
#include "profile.h"
#include "transport_leds.h"

enum { SURFACE_COMMANDS_MAX = 16, SURFACE_LCD_CELL = 7 };

/* What one surface_feed call did. */
struct surface_result {
    bool board_changed;          /* a value or a shown zone changed */
    int touched;                 /* last element a control moved, or -1 */
    int command_count;           /* buttons pressed, in order */
    char command[SURFACE_COMMANDS_MAX][PROFILE_COMMAND_MAX];
    unsigned long messages;      /* complete messages decoded */
    bool focus_changed;          /* a strips next/prev/select control
                                    moved the board's focus */
    bool unknown_spoke;          /* a guessed profile, not accepted yet,
                                    heard a CC or pitch bend (the board did
                                    not move) */
    char heard[24];              /* the last such message: "cc 1 ch 1" */
};

/* One slot: element e's control, or strip k's ([strips]). */
struct surface_element {
    int physical;        /* last known position 0..100, -1 unknown */
    bool caught;         /* takeover: the control drives the value */
    int raw14_msb;       /* 14-bit CC: MSB waiting for its LSB, -1 none */
    bool touching;       /* touch sensor held (motors leave it alone) */
    int sent_value;      /* feedback: value last sent, -1 never */
    int sent_zone;       /* feedback: zone LEDs/LCD last sent, -1 never */
    int sent_label;      /* feedback: element whose LCD label is shown,
                            -1 never, -2 blank */
    bool echo_pending;   /* the control moved: echo own_raw */
    int own_value;       /* board value that move set */
    int own_raw;         /* its position as received (7 or 14 bits) */
};

struct surface {
    const struct profile *profile;  /* borrowed; must outlive the surface */
    struct midi_decoder decoder;
    struct surface_element el[BOARD_ELEMENTS];
    int nrpn_param[16];             /* NRPN parameter per channel, -1 */
    int nrpn_msb[16];               /* data entry MSB per channel, -1 */
    int focus;                      /* board focus the strips show, -1
                                       before the first look at a board */
    bool held;                      /* a guess not yet accepted */
    int lcd_id;                     /* Mackie SysEx device ID in use */
    bool connect_pending;           /* profile connect bytes to send */
    struct transport_state transport; /* what the transport LEDs show */
    struct transport_leds leds;       /* ... and what they were last sent */
};

void surface_init(struct surface *s, const struct profile *p);

/* Feeds raw bytes from the port (any chunking; real-time bytes, running
 * status and SysEx handled by the decoder). Moves board values of mapped
 * elements (through takeover) with board_set_live and sets b->focus to the
 * element moved; collects button commands (on press only: note-on or CC
 * value > 0). now_ms is a monotonic clock. Fills *r (zeroed first). */
void surface_feed(struct surface *s, const uint8_t *bytes, size_t n,
                  int64_t now_ms, struct board *b, struct surface_result *r);

/* The room accepted the guessed profile for this port ("use as
 * generic"): from now on its controls move the board. */
void surface_accept_guess(struct surface *s);

/* The board moved by other means: non-motorized absolute controls that
 * disagree with the new values lose their catch (takeover); motorized ones
 * will be sent the new value by surface_feedback. Cheap: call it after
 * every such move. */
void surface_board_moved(struct surface *s, const struct board *b);

/* The element slot k (an element index, or a strip) shows now, or -1. */
int surface_slot_element(const struct surface *s, int slot);

/* True while element's physical control is known to sit away from the
 * on-screen value, not yet caught; *value gets its position (0..100). */
bool surface_ghost(const struct surface *s, int element, int *value);

/* The arc's transport is now t: the Play and Record LEDs follow it in the
 * next surface_feedback (nothing is sent for a state already shown).
 * Cheap: call it before every feedback. */
void surface_transport(struct surface *s, const struct transport_state *t);

/* The program is leaving: bytes that turn the transport LEDs dark (each
 * not known to be dark already) into out[0..cap); 0 for a profile without
 * them. Returns the number of bytes written. */
size_t surface_lights_off(struct surface *s, uint8_t *out, size_t cap);

/* Feedback bytes for the board as it is, into out[0..cap): with `full`,
 * everything the profile can show (on connect), after the profile's
 * `connect` messages; otherwise only what changed since the last call
 * (including the board's focus, for strips, and the transport LEDs,
 * which go right after the connect bytes). labels[e] are the elements'
 * short labels (at most SURFACE_LCD_CELL characters, ASCII) and
 * zone_labels[z] short zone names for the LCD's second row; both may be
 * NULL without an LCD.
 * Returns the number of bytes written (whole messages only; what does not
 * fit is sent by the next call). */
size_t surface_feedback(struct surface *s, const struct board *b,
                        const char *const labels[BOARD_ELEMENTS],
                        const char *const zone_labels[ZONE_COUNT], bool full,
                        uint8_t *out, size_t cap);

#endif
