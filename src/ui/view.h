/* view: everything one frame of the console shows, as plain data.
 *
 * The app fills a view from its state; the renderer (render.h) draws it and
 * knows nothing else about the app. Pointers are borrowed for the duration
 * of one ui_draw call. */
#ifndef SOUNDBOARD_VIEW_H
#define SOUNDBOARD_VIEW_H

#include <stdbool.h>

#include "arc.h"
#include "board.h"
#include "command.h"
#include "content.h"

/* One preset in the browser list (src/app/preset_ui.c fills it). */
struct view_preset_row {
    const char *name;
    const char *notes;             /* first line only; may be "" */
    const char *full_notes;        /* the whole note (why this mix) */
    bool factory;                  /* origin: factory (read-only) or user */
    int slot;                      /* 1..9, 0 none */
    int value[BOARD_ELEMENTS];     /* the mix, for the mini profile */
};

/* Field focus in the save dialog. */
enum view_dialog_field { VIEW_FIELD_NAME, VIEW_FIELD_NOTES };

/* The preset browser and the save dialog. */
struct view_presets {
    const struct view_preset_row *rows;
    int count;
    int selected;                  /* index in rows, -1 none */
    int first;                     /* first row shown (scrolling) */
    const char *rename_text;       /* the rename field, NULL when closed */
    bool dialog;                   /* the save dialog is open */
    const char *dialog_name;
    const char *dialog_notes;
    const char *dialog_composing;  /* IME text being composed, or NULL */
    enum view_dialog_field dialog_field;
    int dialog_slot;               /* 0 none, 1..9 */
    const char *prompt;            /* a yes/no question, NULL when none */
    const char *message;           /* an error or a result, NULL when none */
};

struct view {
    const struct board *board;
    const struct content *content;
    int theme;                     /* 0 dark, 1 light, 2 high-contrast */
    enum command_overlay overlay;  /* help, questions, presets or none */

    /* Status line. */
    bool controller_connected;
    const char *controller_name;   /* display name, NULL when none */
    const char *preset_name;       /* NULL: no preset recalled */
    const char *preset_notes;      /* its whole note (why this mix), or NULL */
    bool preset_modified;          /* mix changed since the recall */
    const char *notice;            /* transient message, NULL when none */

    /* Soft takeover: where a non-motorized hardware fader physically is
     * while it has not yet caught the on-screen value. */
    bool ghost_visible[BOARD_ELEMENTS];
    int ghost_value[BOARD_ELEMENTS];

    /* Learn mode: the element being taught and what was heard so far. */
    bool learning;
    int learn_element;             /* 0..6 */
    const char *learn_heard;       /* "CC 7 on channel 1", or NULL */

    /* Help overlay: one row per key binding with help text (assets/keys.ini
     * order); rows with an empty text are skipped. */
    const char *const *help_keys;  /* "Page Up", "Ctrl+S" */
    const char *const *help_texts; /* what the key does */
    int help_count;

    /* Preset browser (overlay OVERLAY_PRESETS) and save dialog. */
    struct view_presets presets;

    /* The unit's arc: the timeline under the strips. NULL: none open. */
    const struct arc *arc;
    int arc_step;                  /* current step, 0-based */
    bool arc_playing;
    bool arc_recording;            /* touch recording armed */
};

#endif
