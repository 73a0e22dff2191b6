/* state_json: the board as JSON for `--dump-state`, a contract other tools
 * read:
 *   {"elements":[{"id":"goals","name":"Goals","value":80,
 *                 "zone":"student-generated"}, ...seven, in board order],
 *    "focus":"goals","theme":"dark","preset":null,"modified":false,
 *    "controller":null,
 *    "habits":{"persisting":1,"managing-impulsivity":0, ...sixteen}}
 * "habits" holds each habit id (habits.ini order) with how many elements
 * call on it at their current zones (content_habit_counts); it is {} when
 * there is no content. Keys may be added, never renamed or removed. */
#ifndef SOUNDBOARD_STATE_JSON_H
#define SOUNDBOARD_STATE_JSON_H

#include <stdbool.h>

#include "board.h"
#include "content.h"

struct state_extra {
    int theme;               /* index, see command_theme_name */
    const char *preset;      /* name of the recalled preset, or NULL */
    bool modified;           /* mix differs from that preset */
    const char *controller;  /* connected controller's name, or NULL */
};

/* Returns a malloc'd, NUL-terminated JSON text (free with free()), or NULL
 * if memory ran out. Element names and habits come from content (the id if
 * a name is missing; content may be NULL). */
char *state_json(const struct board *b, const struct content *c,
                 const struct state_extra *extra);

#endif
