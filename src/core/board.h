/* board: the seven channels of the Personalizing Sound Board and their zones.
 *
 * A value is the share of control students hold, 0..100: 0 is fully
 * teacher-generated (bottom of the fader), 100 fully student-generated (top).
 * Nothing here scores a mix: every position is a legitimate choice. */
#ifndef SOUNDBOARD_BOARD_H
#define SOUNDBOARD_BOARD_H

#include <stdbool.h>

enum { BOARD_ELEMENTS = 7, BOARD_MIN = 0, BOARD_MAX = 100 };

enum zone {
    ZONE_TEACHER,   /* "teacher-generated": value < 100/3 */
    ZONE_COCREATED, /* "co-created": 100/3 <= value <= 200/3 */
    ZONE_STUDENT,   /* "student-generated": value > 200/3 */
    ZONE_COUNT
};

/* How far (in value units) live input must go past a zone boundary before
 * the shown zone changes: keeps a jittery hardware fader from flickering. */
enum { ZONE_HYSTERESIS = 2 };

struct board {
    int value[BOARD_ELEMENTS];      /* 0..100 */
    enum zone zone[BOARD_ELEMENTS]; /* zone shown for each element */
    int focus;                      /* index of the strip last touched */
};

/* Element ids, in board order: goals inquiry task evaluation feedback plan
 * demonstration. Returns NULL for an index out of range. */
const char *board_element_id(int index);
/* Index of an element id, or -1 if there is no such element. */
int board_element_index(const char *id);

/* Zone ids: teacher-generated, co-created, student-generated. */
const char *zone_id(enum zone z);
/* Zone of an id, or -1 if unknown. */
int zone_from_id(const char *id);
/* The exact zone of a value (values outside 0..100 are clamped first). */
enum zone zone_for_value(int value);
/* The zone to show for live input: like zone_for_value, but stays in
 * `current` while value is within ZONE_HYSTERESIS of a boundary. */
enum zone zone_with_hysteresis(enum zone current, int value);
/* A representative value inside a zone (its middle): where "jump to zone"
 * puts a fader. */
int zone_centre(enum zone z);

/* All faders teacher-generated (0), zones exact, focus on goals. */
void board_init(struct board *b);
/* Set a value exactly (options, presets, mouse): clamps to 0..100 and shows
 * the exact zone. Returns true if the value changed. */
bool board_set(struct board *b, int element, int value);
/* Set a value from live hardware input: clamps, applies zone hysteresis.
 * Returns true if the value or shown zone changed. */
bool board_set_live(struct board *b, int element, int value);
/* Clamp helper shared by callers that compute values. */
int board_clamp(int value);

#endif
