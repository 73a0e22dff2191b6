/* app: the running program's state, and the one place it changes.
 *
 * Keys, the mouse, touch, controller bytes and timers all end up here as
 * commands or as a struct changes that a part handed back (controllers.h,
 * live_presets.h, preset_ui.h); app.c applies them to the board, the
 * presets and the controllers, and marks what must be redrawn. The parts
 * never call app.c. The loop (loop.c) waits for events, lets app.c apply
 * them, draws only when something changed and sends controller feedback.
 * Above this layer only main and the command line (src/cli). */
#ifndef SOUNDBOARD_APP_H
#define SOUNDBOARD_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <SDL.h>

#include "board.h"
#include "command.h"
#include "content.h"
#include "controllers.h"
#include "input_sdl.h"
#include "keymap.h"
#include "layout.h"
#include "live_arc.h"
#include "live_presets.h"
#include "paths.h"
#include "preset.h"
#include "preset_ui.h"
#include "settings.h"
#include "settings_store.h"
#include "view.h"

enum { APP_SETS_MAX = 64, APP_NOTICE_MS = 4000 };
/* A glide's next step: one frame of a 60 Hz display. Stepping faster
 * draws frames no screen shows and only spends the battery. */
enum { APP_GLIDE_STEP_MS = 16 };
/* app_wait_ms: nothing is due; sleep until an event arrives. */
#define APP_WAIT_FOREVER UINT32_MAX

struct ui;
struct waker;

/* --renderer (and the settings file's `renderer` key). auto: software
 * unless an accelerated renderer is backed by real hardware and the
 * software one is too slow at the window's size (renderer_pick.h). */
enum app_renderer {
    APP_RENDERER_AUTO,
    APP_RENDERER_SOFTWARE,
    APP_RENDERER_ACCELERATED
};

/* What the program starts with (src/cli fills it from the command line). */
struct app_config {
    int width, height;          /* window size, default 1280x720 */
    bool fullscreen;
    int theme;                  /* index per command_theme_name */
    struct { int element, value; } set[APP_SETS_MAX];
    int set_count;              /* --set, applied in order over the preset */
    int focus;                  /* element index, or -1 */
    enum command_overlay overlay; /* --show: open with this overlay */
    const char *preset;         /* --preset NAME|FILE, or NULL */
    const char *controller;     /* --controller NAME|FILE, or NULL */
    const char *midi_in;        /* --midi-in FILE, or NULL */
    const char *midi_out;       /* --midi-out FILE, or NULL */
    enum app_renderer renderer; /* --renderer; AUTO also when not given */
    bool renderer_given;        /* --renderer was given */
    /* What the command line says wins over settings.ini for the run. */
    bool theme_given;           /* --theme was given */
    int display;                /* --display N (1 = primary), 0 = not given */
    bool remember;              /* save setting changes to settings.ini
                                   (the console; one-shot runs never do) */
    const char *arc;            /* --arc NAME|FILE, or NULL */
    int arc_step;               /* --arc-step N (from 1), 0 if not given */
};

struct app {
    struct app_config cfg;
    struct paths paths;
    struct content content;
    struct keymap keys;
    struct board board;
    int theme;
    bool fullscreen;
    enum command_overlay overlay;

    SDL_Window *window;        /* NULL in one-shot runs (--screenshot) */
    SDL_Renderer *renderer;
    struct ui *ui;
    int out_w, out_h;          /* renderer output size in pixels */
    float scale_x, scale_y;    /* pixels per window point (high DPI) */
    struct layout layout;      /* on screen, for hit tests */
    struct input input;        /* drags in progress */

    bool dirty;                /* something on screen changed */
    bool quit;
    char notice[256];
    int64_t notice_until;      /* app clock, ms; 0 = no notice */
    int64_t (*clock)(void);    /* monotonic ms; tests may replace it */
    unsigned long frames;      /* frames drawn (tests: idle draws none) */
    unsigned long partial_frames; /* ... of them, only what changed */
    bool partial_present;      /* the renderer keeps the window's pixels
                                  (software): present changed rectangles */
    unsigned long wakeups;     /* loop steps that returned from the wait */
    unsigned long timed_wakeups; /* ... because a timeout it asked for ran
                                    out (idle: none) */
    uint32_t wait_cap_ms;      /* test seam: never sleep longer (0: none) */
    struct waker *waker;       /* wakes the loop when MIDI is readable */
    uint32_t wake_event;       /* the SDL event type it pushes */
    char renderer_name[256];   /* what draws, and why (--version --verbose,
                                  the log) */
    struct latency *latency;   /* SOUNDBOARD_LATENCY_LOG, or NULL */

    const char **help_keys;    /* keymap entries that have help text */
    const char **help_texts;
    int help_count;

    struct live_presets presets;
    struct live_arc arc;       /* the unit's arc and its timeline */
    struct controllers midi;
    bool midi_started;         /* app_start_midi succeeded */
    struct preset_ui *preset_ui;

    struct settings settings;  /* what settings.ini should hold: changed
                                  in the program only, never by options */
    struct settings_file settings_file;
    char seen_preset[PRESET_NAME_MAX + 1]; /* recalled name last noticed */
};

/* Loads data and settings.ini, then applies the config over them
 * (--preset, --set, --focus, --theme win over the file). Without --preset
 * and --set the board reopens with the last recalled preset's mix.
 * Problems are printed to stderr; returns false only when the program
 * cannot start (no data folder, a --preset that cannot be used). */
bool app_init(struct app *a, const struct app_config *cfg);
void app_free(struct app *a);

/* Starts the controllers: the --midi-in/--midi-out files if given, else
 * PortMidi when use_portmidi. False if --controller or a file is bad. */
bool app_start_midi(struct app *a, bool use_portmidi);
/* Reads a --midi-in file to its end through the whole path, then sends
 * the feedback for the final state (one-shot runs). */
void app_drain_midi(struct app *a);

/* Runs a command string (a key, a controller button, a test); false if it
 * does not parse (a notice says why). */
bool app_command_text(struct app *a, const char *text);
void app_command(struct app *a, const struct command *cmd);

/* One SDL event: the preset browser and dialog first, then the board
 * (input_sdl). True if the browser or the dialog took it. */
bool app_handle_event(struct app *a, const SDL_Event *ev);

/* Work due now: MIDI input (read, then applied), glides, the notice's
 * end. Never blocks. */
void app_tick(struct app *a);
/* Sends the controllers what changed (the loop calls it after a tick). */
void app_send_feedback(struct app *a);
/* Milliseconds the loop may sleep before app_tick is due again. */
uint32_t app_wait_ms(const struct app *a);

/* Fills a view of the current state for the renderer. */
void app_view(const struct app *a, struct view *v);
/* The preset recalled last, or NULL (the handout, --save-preset). */
const struct preset *app_recalled(const struct app *a);

/* --version --verbose: opens a hidden window of the configured size,
 * picks the renderer as the board would, and prints it with SDL's video
 * driver and the MIDI hot-plug watch, one "name: value" line each.
 * Returns the exit status. */
int app_print_diagnostics(struct app *a, FILE *out);

/* Opens the window and runs until quit. Returns the exit status. */
int app_run(struct app *a);

/* The loop in its parts, for tests that run the real loop: open the window
 * (false with the reason on stderr), one iteration (sleep until an event
 * or app_wait_ms, apply, tick, send, draw if something changed), close. */
bool app_open_window(struct app *a);
void app_loop_step(struct app *a);
void app_close_window(struct app *a);

/* The displays (loop.c). Which display the window opens on, before it is
 * created: --display, else the remembered one, else with two or more the
 * first that is not the primary (the projector), full screen, remembered;
 * may set a->fullscreen and a->settings. Returns the 0-based index. */
int app_place_window(struct app *a);
/* Moves the window to the next display (full screen stays full screen).
 * Returns the new 0-based index with its name in name[cap], or -1 if
 * there is no window or only one display. */
int app_window_next_display(struct app *a, char *name, size_t cap);

#endif
