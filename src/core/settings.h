/* settings: what soundboard remembers between runs, and its file format.
 *
 * Pure: parses text in memory and serializes to text; the file itself
 * ($XDG_CONFIG_HOME/soundboard/settings.ini) is read and written by
 * src/store/settings_store. The format (documented in README.md):
 *
 *   [settings]
 *   theme = dark              dark | light | high-contrast
 *   renderer = auto           auto | software | accelerated
 *   glide-ms = 1000           preset recall glide (morph) time, 0..60000
 *   fullscreen = false        true | false
 *   display = auto            auto, or 1..16 (1 = the primary display)
 *   display-name = HDMI-1     that display's name, found again first
 *   controller = korg-nanokontrol2   profile id of the last controller
 *   preset = Weather report   the last recalled preset, reopened at start
 *
 * Every key is optional (a missing one keeps its default). A bad value, an
 * unknown key, a key given twice or outside [settings] is reported as
 * "FILE:LINE: what" and that entry keeps its default; the rest loads.
 * Text values use the preset format's escapes (\\ \s \; \#). */
#ifndef SOUNDBOARD_SETTINGS_H
#define SOUNDBOARD_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum settings_renderer {
    SETTINGS_RENDERER_AUTO,
    SETTINGS_RENDERER_SOFTWARE,
    SETTINGS_RENDERER_ACCELERATED,
};

enum {
    SETTINGS_DISPLAY_AUTO = 0, /* display: not chosen yet */
    SETTINGS_DISPLAYS_MAX = 16,
    SETTINGS_DISPLAY_NAME_MAX = 96,
    SETTINGS_ID_MAX = 64,      /* a controller profile id */
    SETTINGS_NAME_MAX = 160,   /* a preset name (PRESET_NAME_MAX) */
    SETTINGS_GLIDE_MAX = 60000,
    SETTINGS_GLIDE_DEFAULT = 1000,
};

struct settings {
    int theme;                      /* index per command_theme_name */
    enum settings_renderer renderer;
    int glide_ms;                   /* 0..SETTINGS_GLIDE_MAX */
    bool fullscreen;
    int display;                    /* 1..SETTINGS_DISPLAYS_MAX, or AUTO */
    char display_name[SETTINGS_DISPLAY_NAME_MAX + 1]; /* "" = unknown */
    char controller[SETTINGS_ID_MAX + 1];            /* "" = none */
    char preset[SETTINGS_NAME_MAX + 1];              /* "" = none */
};

/* The defaults: dark, auto renderer, 1 s glide, windowed, display auto,
 * no controller, no preset. */
void settings_defaults(struct settings *s);

/* Parses `len` bytes of text into *s, starting from the defaults. Every
 * problem goes to diag as "FILE:LINE: what". Returns the number of
 * problems (0: the file was clean). */
int settings_parse(const char *text, size_t len, const char *file,
                   struct settings *s, struct diag_list *diag);

/* The file's text for *s (malloc'd, NUL-terminated; *len may be NULL),
 * with a comment before each key; parsing it gives *s back. NULL only if
 * memory runs out. */
char *settings_serialize(const struct settings *s, size_t *len);

/* True if a and b hold the same settings. */
bool settings_equal(const struct settings *a, const struct settings *b);

/* ---- Which display the window opens on ----------------------------------
 * The displays as the video system lists them (SDL2 lists the primary
 * first), in order:
 *   1. `asked` (--display N, 1-based) if that display exists; if it does
 *      not, a warning and the primary;
 *   2. the remembered display: by display-name if exactly one display
 *      has that name, else by number; when it is not connected, the primary, windowed unless
 *      --fullscreen (the remembered full screen belongs to it);
 *   3. display = auto and two or more displays: the first one that is not
 *      the primary (the projector), full screen, and remember = true;
 *   4. the primary.
 * Full screen otherwise: --fullscreen, else the remembered fullscreen. */
struct settings_display_choice {
    int index;            /* 0-based display to open on */
    bool fullscreen;
    bool remember;        /* chosen by rule 3: save display and fullscreen */
    char warning[160];    /* "" or why --display was not used */
};

void settings_pick_display(const struct settings *s, int asked,
                           bool asked_fullscreen, int count,
                           const char *const *names,
                           struct settings_display_choice *out);

/* "auto", "software", "accelerated"; -1 / NULL if unknown. */
int settings_renderer_index(const char *name);
const char *settings_renderer_name(enum settings_renderer r);

#endif
