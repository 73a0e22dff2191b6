/* profile: one controller's map, read from a human-editable INI file in
 * controllers/ (format: controllers/README.md).
 *
 *   [controller]
 *   name = Korg nanoKONTROL2
 *   match = nanoKONTROL2            case-insensitive substrings of the port
 *   motorized = no                  faders move by themselves (motors)
 *   verified = documentation only   or: hardware
 *   source = where the facts came from (continued on indented lines)
 *
 *   [elements]                      one control per element id
 *   goals = cc 0                    7-bit CC on any channel
 *   inquiry = cc 1 ch 1             ... or on channel 1 only
 *   task = cc14 2                   14-bit CC: MSB 2, LSB 34
 *   evaluation = pitchbend ch 4     14-bit pitch bend (Mackie Control)
 *   feedback = relative-twos cc 16  relative encoders: two's complement,
 *   plan = relative-offset cc 17      binary offset (64 = no move),
 *   demonstration = relative-signed cc 18   sign-magnitude (Mackie V-pot)
 *   (also: nrpn N: NRPN parameter N, value by data entry CC 6/38)
 *
 *   [buttons]                       a control -> a command (command.h)
 *   cc 58 = preset prev
 *   note 25 ch 1 = learn
 *
 *   [feedback]                      what the controller can show
 *   faders = echo                   send each value back on its own control
 *                                   (motor faders, LED rings); or: none
 *   channel = 2                     send feedback on this channel instead
 *   touch = 104, 105, 106, 107, 108, 109, 110   touch-sensor notes (motors
 *                                   do not fight a touched fader); or
 *   touch = cc 101, cc 102, ...     touch sensors that send CCs
 *   lcd = mackie                    scribble strips: 7-char label + zone
 *   zone-leds.goals = note 16, note 8, note 0   one LED per zone (teacher,
 *                                   co-created, student), lit for the zone
 *   led-on = 127                    velocity/value for a lit LED (led-off 0)
 *   play-led = note 94              lit while the arc plays (Mackie Play)
 *   record-led = note 95            lit while touch recording is on
 *   lcd = mackie-xt                 ... an extender (SysEx device ID 0x15)
 *   lcd-chars = 7                   characters per 7-wide cell (6: a gap)
 *   connect = C0 00                 bytes sent when the port opens
 *
 *   [strips]                        fewer faders than elements: N strips
 *   1 = pitchbend ch 1              drive the N elements around the focus
 *   next = note 47                  (one strip: the focused element)
 *   prev = note 46                  move the focus by N
 *   select = relative-signed cc 60  an encoder moving the focus by one
 *
 *   [controller] also: exclude = X  ports containing X are not opened
 *                guess = yes        a guess: moves nothing until accepted
 *
 * Pure: parses text it is handed; reading files is the app's job. */
#ifndef SOUNDBOARD_PROFILE_H
#define SOUNDBOARD_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "diag.h"

enum {
    PROFILE_ID_MAX = 64,      /* file stem: "korg-nanokontrol2" */
    PROFILE_NAME_MAX = 96,    /* display name */
    PROFILE_MATCH_MAX = 8,    /* port-name patterns */
    PROFILE_PATTERN_MAX = 64,
    PROFILE_BUTTONS_MAX = 48,
    PROFILE_COMMAND_MAX = 64,
    PROFILE_TEXT_MAX = 1024,  /* source, verified */
    PROFILE_CONNECT_MAX = 128, /* bytes sent on connect */
    PROFILE_ANY_CHANNEL = -1,
    PROFILE_LCD_ID = 0x14,    /* Mackie Control SysEx device ID */
    PROFILE_LCD_ID_XT = 0x15, /* Mackie Control extender */
    PROFILE_PICK_SKIP = -1,   /* profile_pick: do not open this port */
};

enum profile_ctl_kind {
    PROFILE_CTL_NONE,        /* not mapped */
    PROFILE_CTL_CC,          /* 7-bit CC number */
    PROFILE_CTL_CC14,        /* 14-bit CC: MSB number, LSB number + 32 */
    PROFILE_CTL_PITCH_BEND,  /* 14-bit pitch bend (number unused) */
    PROFILE_CTL_REL_TWOS,    /* relative CC: 1..63 up, 127..65 down */
    PROFILE_CTL_REL_OFFSET,  /* relative CC: 65.. up, ..63 down, 64 none */
    PROFILE_CTL_REL_SIGNED,  /* relative CC: 1..63 up, 65..127 down */
    PROFILE_CTL_NRPN,        /* NRPN parameter number (0..16383) */
    PROFILE_CTL_NOTE,        /* a note (buttons, LEDs) */
    PROFILE_CTL_POLY,        /* poly pressure on a note number (buttons:
                                the original PreSonus FaderPort) */
};

/* The transport LEDs a profile may light (play-led, record-led). */
enum profile_transport_led {
    PROFILE_LED_PLAY,
    PROFILE_LED_RECORD,
    PROFILE_TRANSPORT_LEDS
};

struct profile_ctl {
    enum profile_ctl_kind kind;
    int channel; /* 0..15, or PROFILE_ANY_CHANNEL */
    int number;  /* CC, note or NRPN number */
    int line;    /* where the file defines it (0: built in memory) */
};

struct profile_button {
    struct profile_ctl ctl;               /* CC or note */
    char command[PROFILE_COMMAND_MAX];    /* valid per command_parse */
};

struct profile {
    char id[PROFILE_ID_MAX];              /* the file's stem */
    char name[PROFILE_NAME_MAX];
    char match[PROFILE_MATCH_MAX][PROFILE_PATTERN_MAX];
    int match_count;
    char exclude[PROFILE_MATCH_MAX][PROFILE_PATTERN_MAX]; /* not opened */
    int exclude_count;
    bool motorized;
    bool guess;                           /* a guessed map (generic): the
                                             surface moves nothing until
                                             surface_accept_guess */
    char verified[PROFILE_TEXT_MAX];
    char source[PROFILE_TEXT_MAX];
    /* strip_count == 0: element[e] drives element e. strip_count N > 0
     * ([strips]): element[k], k < N, is strip k+1, which drives element
     * (focus / N) * N + k: one strip follows the focused element, several
     * bank over the seven. touch_note[k] is then strip k's sensor. */
    struct profile_ctl element[BOARD_ELEMENTS];
    int strip_count;
    struct profile_ctl strip_next, strip_prev; /* focus +- N (NONE: none) */
    struct profile_ctl strip_select;      /* relative encoder: focus +- 1 */
    struct profile_button button[PROFILE_BUTTONS_MAX];
    int button_count;
    /* Feedback */
    bool feedback_faders;                 /* echo values to the controls */
    int feedback_channel;                 /* 0..15, or -1: the control's */
    int feedback_max;                     /* 14-bit controls: the highest
                                             value sent (fader-max; 0: the
                                             full 16383) */
    int touch_note[BOARD_ELEMENTS];       /* -1: no touch sensor */
    bool touch_cc;                        /* touch sensors are CCs (value
                                             >= 64 touched), not notes */
    bool mackie_lcd;
    int lcd_id;                           /* SysEx device ID (0x14; an
                                             extender 0x15); the device's
                                             own reply overrides it */
    int lcd_chars;                        /* characters per 7-wide cell:
                                             6 (a gap, continuous LCDs) or
                                             7 (separate scribble strips) */
    uint8_t connect[PROFILE_CONNECT_MAX]; /* whole MIDI messages */
    size_t connect_len;
    struct profile_ctl zone_led[BOARD_ELEMENTS][ZONE_COUNT]; /* NONE: no LED */
    int led_on, led_off;                  /* 0..127 */
    struct profile_ctl transport_led[PROFILE_TRANSPORT_LEDS]; /* a note or
                                             cc; NONE: the profile has no
                                             such LED */
};

/* An empty profile: nothing mapped, no feedback, led-on 127, led-off 0,
 * LCD device ID 0x14 with 6 characters per cell. */
void profile_init(struct profile *p);

/* Parses profile text. `file` names it in messages, `id` (the file stem)
 * goes to p->id. Every problem is a diag "FILE:LINE: what" and parsing
 * goes on; a number that does not parse is an error, never 0. Returns true
 * if there was no problem and the profile maps at least one element. */
bool profile_parse(const char *text, size_t len, const char *file,
                   const char *id, struct profile *out,
                   struct diag_list *diag);

/* True if port_name contains one of the match patterns (ignoring case). */
bool profile_matches_port(const struct profile *p, const char *port_name);

/* Precedence between profiles that all match a port: the length of the
 * longest pattern of p found in port_name (ignoring case), 0 if none. The
 * profile with the highest score wins ("X-TOUCH MINI" beats "X-Touch"). */
size_t profile_match_score(const struct profile *p, const char *port_name);

/* The profile a port gets, among list[0..count): the highest
 * profile_match_score wins (a tie goes to the smaller id, so the answer
 * does not depend on the order the files were read). `generic` (an index,
 * or -1) is skipped in the contest and returned when nothing matches.
 * Returns PROFILE_PICK_SKIP when the winner excludes the port (an
 * `exclude` pattern is in its name): the port must not be opened. */
int profile_pick(const struct profile *list, int count, int generic,
                 const char *port_name);

/* Writes p as profile text that profile_parse reads back to the same
 * profile (learn saves profiles this way). Returns the length, or 0 if it
 * does not fit in cap. */
size_t profile_write(const struct profile *p, char *out, size_t cap);

/* "cc 7 ch 1", "pitchbend ch 2", "relative-twos cc 16", ...: the same
 * words profile files use, for the screen and for profile_write. */
void profile_ctl_describe(const struct profile_ctl *c, char *out,
                          size_t outlen);

#endif
