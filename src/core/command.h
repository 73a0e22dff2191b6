/* command: the one command language shared by keys (assets/keys.ini),
 * controller buttons (profiles), and tests.
 *
 *   select ID|next|prev      focus a strip
 *   nudge +N|-N              move the focused fader by N (1..100)
 *   set ID VALUE             set a fader (0..100)
 *   zone ZONE-ID             move the focused fader to the middle of a zone
 *   fullscreen               toggle full screen
 *   display next             move the window to the next display
 *   theme next|dark|light|high-contrast
 *   overlay help|questions|presets|intro|misunderstandings|why|none
 *                            show an overlay (again: hide it)
 *   preset recall|store N    slot 1..9
 *   preset next|prev|save    step through presets, open the save dialog
 *   compare                  A/B: flip between the mix and the last preset
 *   glide next|MS            recall glide time: next of 0, 1, 2, 4 s, or MS
 *   arc play|stop|prev|next|first|last   the unit's arc: transport
 *   arc step N               go to step N (1..52)
 *   arc record|insert|delete record the mix into the step (or arm touch
 *                            recording while playing), add or remove a step
 *   arc new|cycle|close      start an arc from the mix, open the next arc,
 *                            close it
 *   learn                    start or stop controller learn mode
 *   rescan                   look for controllers now
 *   controller generic       use an unknown controller with the generic
 *                            map (and remember it for that port)
 *   quit
 */
#ifndef SOUNDBOARD_COMMAND_H
#define SOUNDBOARD_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

#include "board.h"

enum command_kind {
    CMD_NONE,
    CMD_SELECT,     /* element = index, or value = +1/-1 with element -1 */
    CMD_NUDGE,      /* value = delta */
    CMD_SET,        /* element, value */
    CMD_ZONE,       /* value = enum zone */
    CMD_FULLSCREEN,
    CMD_DISPLAY_NEXT,
    CMD_THEME,      /* value = theme index, or -1 for next */
    CMD_OVERLAY,    /* value = enum command_overlay */
    CMD_PRESET_RECALL, /* value = slot 1..9 */
    CMD_PRESET_STORE,  /* value = slot 1..9 */
    CMD_PRESET_NEXT,
    CMD_PRESET_PREV,
    CMD_PRESET_SAVE,
    CMD_COMPARE,
    CMD_GLIDE,      /* value = milliseconds 0..60000, or -1 for next */
    /* The unit's arc (live_arc.h). */
    CMD_ARC_PLAY,   /* play or pause */
    CMD_ARC_STOP,
    CMD_ARC_PREV,
    CMD_ARC_NEXT,
    CMD_ARC_FIRST,
    CMD_ARC_LAST,
    CMD_ARC_STEP,   /* value = step 1..52 */
    CMD_ARC_RECORD,
    CMD_ARC_INSERT,
    CMD_ARC_DELETE,
    CMD_ARC_NEW,
    CMD_ARC_CYCLE,
    CMD_ARC_CLOSE,
    CMD_LEARN,
    CMD_RESCAN,
    CMD_ACCEPT_GENERIC, /* use an unknown controller with the generic map */
    CMD_QUIT,
};

enum command_overlay {
    OVERLAY_NONE, OVERLAY_HELP, OVERLAY_QUESTIONS, OVERLAY_PRESETS,
    OVERLAY_INTRO,             /* What this is */
    OVERLAY_MISUNDERSTANDINGS, /* Three misunderstandings */
    OVERLAY_WHY,               /* the recalled preset's note */
    OVERLAY_COUNT
};

/* Overlay names in enum order ("none", "help", ... "why"); the command
 * `overlay NAME` and --show take them. -1 if unknown. */
const char *command_overlay_name(int overlay);
int command_overlay_index(const char *name);

enum { COMMAND_SLOTS = 9, COMMAND_ARC_STEPS = 52 };

/* Theme names in index order: dark (default), light, high-contrast. */
enum { THEME_COUNT = 3 };
const char *command_theme_name(int index);
int command_theme_index(const char *name); /* -1 if unknown */

struct command {
    enum command_kind kind;
    int element; /* element index, -1 when not used */
    int value;   /* meaning depends on kind, see above */
};

/* What a command takes after its words. */
enum command_arg {
    COMMAND_ARG_NONE,
    COMMAND_ARG_ELEMENT_OR_STEP, /* an element id, next or prev */
    COMMAND_ARG_DELTA,           /* +N or -N, 1..100 */
    COMMAND_ARG_ELEMENT_VALUE,   /* an element id and 0..100 */
    COMMAND_ARG_ZONE,            /* a zone id */
    COMMAND_ARG_THEME,           /* a theme name or next */
    COMMAND_ARG_OVERLAY,         /* help, questions, presets or none */
    COMMAND_ARG_SLOT,            /* 1..9 */
    COMMAND_ARG_MS,              /* next or 0..60000 */
    COMMAND_ARG_STEP,            /* an arc step, 1..52 */
};

/* One row of the command table. */
struct command_def {
    const char *verb;            /* "preset" */
    const char *sub;             /* a fixed second word ("recall"), or NULL */
    enum command_arg arg;
    enum command_kind kind;
    const char *usage;           /* "preset recall N", for messages */
};

/* The command table, in the order of the list above; *count rows. */
const struct command_def *command_defs(int *count);

/* Parses one command. On error returns false and writes a one-line reason
 * ("unknown command 'foo'") into err. */
bool command_parse(const char *text, struct command *out, char *err,
                   size_t errlen);

/* Applies the commands that only touch the board (select, nudge, set,
 * zone); returns true if the board changed. Other kinds are the app's and
 * return false. Values set this way show their exact zone. */
bool command_apply_to_board(const struct command *cmd, struct board *b);

#endif
