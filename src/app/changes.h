/* changes: what a part of the app did, handed back to the dispatcher
 * (app.c) instead of calling up into it. The MIDI side, the presets and
 * the preset browser fill one of these; app.c then applies it: notice,
 * glide, controllers told, commands run, redraw. Nothing below app.c ever
 * calls app.c. */
#ifndef SOUNDBOARD_CHANGES_H
#define SOUNDBOARD_CHANGES_H

#include <stdbool.h>

#include "preset.h"
#include "profile.h"

enum { CHANGES_COMMANDS_MAX = 64, CHANGES_TEXT = 600 };

/* What happened to the recalled preset (the one the status line names). */
enum changes_preset {
    CHANGES_PRESET_NONE,
    CHANGES_PRESET_RECALL,   /* recall `preset` with the glide */
    CHANGES_PRESET_ADOPT,    /* `preset` was saved: it is now the recalled
                                one, without moving the board */
    CHANGES_PRESET_RENAMED,  /* the recalled one may be renamed_from:
                                it is now called preset.name */
};

struct changes {
    bool redraw;              /* something on screen changed */
    bool board_moved;         /* moved by keys, mouse, a preset or a glide:
                                 tell the controllers (motors, takeover) */
    bool hands_on;            /* a controller's own fader moved the board:
                                 a running glide stops */
    bool close_overlay;       /* the browser closed itself (Escape) */

    /* The last notice asked for: a ui.ini key whose first %s is `arg`,
     * or, with key NULL, `arg` itself. has_notice false: none. */
    bool has_notice;
    const char *notice_key;
    char notice_arg[CHANGES_TEXT];

    enum changes_preset preset_change;
    struct preset preset;
    char renamed_from[PRESET_NAME_MAX + 1];

    /* Controller buttons pressed, run after the MIDI poll returned. */
    int command_count;
    char command[CHANGES_COMMANDS_MAX][PROFILE_COMMAND_MAX];
    int commands_dropped;     /* more buttons than fit in one tick */
};

/* Asks for a notice: ui.ini key (or NULL) and its argument. */
void changes_notice(struct changes *c, const char *key, const char *arg);
/* Queues a command text; false (and counted) when the queue is full. */
bool changes_command(struct changes *c, const char *text);

#endif
