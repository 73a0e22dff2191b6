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
 * takeover. */
#ifndef SOUNDBOARD_SURFACE_H
#define SOUNDBOARD_SURFACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "midi_decoder.h"
#include "profile.h"

enum { SURFACE_COMMANDS_MAX = 16, SURFACE_LCD_CELL = 7 };

/* What one surface_feed call did. */
struct surface_result {
    bool board_changed;          /* a value or a shown zone changed */
    int touched;                 /* last element a control moved, or -1 */
    int command_count;           /* buttons pressed, in order */
    char command[SURFACE_COMMANDS_MAX][PROFILE_COMMAND_MAX];
    unsigned long messages;      /* complete messages decoded */
};

struct surface_element {
    int physical;        /* last known position 0..100, -1 unknown */
    bool caught;         /* takeover: the control drives the value */
    int raw14_msb;       /* 14-bit CC: MSB waiting for its LSB, -1 none */
    bool touching;       /* touch sensor held (motors leave it alone) */
    int sent_value;      /* feedback: value last sent, -1 never */
    int sent_zone;       /* feedback: zone LEDs/LCD last sent, -1 never */
};

struct surface {
    const struct profile *profile;  /* borrowed; must outlive the surface */
    struct midi_decoder decoder;
    struct surface_element el[BOARD_ELEMENTS];
    int nrpn_param[16];             /* NRPN parameter per channel, -1 */
    int nrpn_msb[16];               /* data entry MSB per channel, -1 */
};

void surface_init(struct surface *s, const struct profile *p);

/* Feeds raw bytes from the port (any chunking; real-time bytes, running
 * status and SysEx handled by the decoder). Moves board values of mapped
 * elements (through takeover) with board_set_live and sets b->focus to the
 * element moved; collects button commands (on press only: note-on or CC
 * value > 0). now_ms is a monotonic clock. Fills *r (zeroed first). */
void surface_feed(struct surface *s, const uint8_t *bytes, size_t n,
                  int64_t now_ms, struct board *b, struct surface_result *r);

/* The board moved by other means: non-motorized absolute controls that
 * disagree with the new values lose their catch (takeover); motorized ones
 * will be sent the new value by surface_feedback. Cheap: call it after
 * every such move. */
void surface_board_moved(struct surface *s, const struct board *b);

/* True while element's physical control is known to sit away from the
 * on-screen value, not yet caught; *value gets its position (0..100). */
bool surface_ghost(const struct surface *s, int element, int *value);

/* Feedback bytes for the board as it is, into out[0..cap): with `full`,
 * everything the profile can show (on connect); otherwise only what
 * changed since the last call. labels[e] are the elements' short labels
 * (at most SURFACE_LCD_CELL characters, ASCII) and zone_labels[z] short
 * zone names for the LCD's second row; both may be NULL without an LCD.
 * Returns the number of bytes written (whole messages only; what does not
 * fit is sent by the next call). */
size_t surface_feedback(struct surface *s, const struct board *b,
                        const char *const labels[BOARD_ELEMENTS],
                        const char *const zone_labels[ZONE_COUNT], bool full,
                        uint8_t *out, size_t cap);

#endif
