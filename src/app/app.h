/* app: the running program's state and the loop that ties the core to the
 * adapters (SDL window and renderer, MIDI, preset files).
 *
 * Every change to the board goes through app_command or the MIDI path and
 * marks the frame dirty; the loop draws only dirty frames and otherwise
 * sleeps in SDL_WaitEventTimeout, so an idle board costs next to nothing. */
#ifndef SOUNDBOARD_APP_H
#define SOUNDBOARD_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"
#include "command.h"
#include "content.h"
#include "keymap.h"
#include "options.h"
#include "paths.h"
#include "view.h"

struct SDL_Window;
struct SDL_Renderer;
struct ui;
struct app_midi;
struct app_presets;
struct preset_ui;

enum { APP_POINTERS = 11, APP_NOTICE_MS = 4000 };

/* A mouse button or finger holding a fader cap. */
struct app_drag {
    bool active;
    int64_t finger;  /* SDL finger id; -1 for the mouse */
    int element;
    int grab_offset; /* pixels between the pointer and the cap's centre */
};

struct app {
    struct options opt;
    struct paths paths;
    struct content content;
    struct keymap keys;
    struct board board;
    int theme;
    bool fullscreen;
    enum command_overlay overlay;

    struct SDL_Window *window;
    struct SDL_Renderer *renderer;
    struct ui *ui;
    int out_w, out_h;          /* renderer output size in pixels */
    float scale_x, scale_y;    /* pixels per window point (high DPI) */
    struct app_drag drag[APP_POINTERS];

    bool dirty;                /* something on screen changed */
    bool quit;
    char notice[256];
    uint32_t notice_until;     /* SDL ticks; 0 = no notice */

    const char **help_keys;    /* keymap entries that have help text */
    const char **help_texts;
    int help_count;

    struct app_midi *midi;     /* NULL: no MIDI (e.g. --screenshot) */
    struct app_presets *presets;
    struct preset_ui *preset_ui; /* browser and save dialog; NULL until
                                    first opened (preset_ui.h) */
};

/* Loads data and applies the options (--preset, --set, --focus, --theme,
 * --midi-in). Problems are printed to stderr; returns false only when the
 * program cannot start at all (no data folder). */
bool app_init(struct app *a, const struct options *opt);
void app_free(struct app *a);

/* Runs a command string (from a key, a controller button or a test);
 * false if it does not parse (a notice says why). */
bool app_command_text(struct app *a, const char *text);
void app_command(struct app *a, const struct command *cmd);

/* Shows a transient message in the status line (and logs it). */
void app_notice(struct app *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Shows a ui.ini string as a notice, its first %s replaced by arg (content
 * strings are data, never printf formats). */
void app_notice_text(struct app *a, const char *key, const char *arg);
/* Copies ui.ini string `key` into out with its first %s replaced by arg. */
void app_format(const struct app *a, char *out, size_t outlen,
                const char *key, const char *arg);

/* The board was moved by something other than a controller's own fader
 * (mouse, keys, a preset, a glide): redraw, and let controllers know (motor
 * faders follow, the others go into soft takeover). */
void app_board_moved(struct app *a);

/* Fills a view of the current state for the renderer. */
void app_view(const struct app *a, struct view *v);

/* Work due between events: MIDI input and hot-plug, preset morphs. Marks
 * the frame dirty when the board changed. Never blocks. */
void app_tick(struct app *a);
/* True while something needs ticks more often than the idle rate (an open
 * controller, a running morph). */
bool app_wants_fast_ticks(const struct app *a);

/* Opens the window and runs until quit. Returns the exit status. */
int app_run(struct app *a);

#endif
