/* app_presets: presets inside the running program: slots, next/prev,
 * recall with a glide (morph), A/B compare, store, and what the status
 * line and --dump-state say about them. Files go through preset_store. */
#ifndef SOUNDBOARD_APP_PRESETS_H
#define SOUNDBOARD_APP_PRESETS_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "morph.h"
#include "preset.h"
#include "preset_store.h"

enum { APP_GLIDE_STEPS = 4 };

struct app_presets {
    struct preset_store store;
    struct preset recalled;     /* the last preset recalled (or saved) */
    bool have_recalled;
    struct morph morph;         /* faders gliding to a recalled mix */
    struct preset_compare compare;
    int glide_ms;               /* recall glide time; 0 = instant */
    int browse;                 /* entry index for next/prev, -1 none */
};

/* Creates the presets part of the app and loads the folders (damaged
 * files are reported on stderr). Applies --preset if given: returns false
 * if that preset cannot be used (the caller exits 2). */
bool app_presets_init(struct app *a);
void app_presets_free(struct app *a);

/* Handles the preset commands (recall, store, next, prev, compare, glide);
 * true if cmd was one of them. */
bool app_presets_command(struct app *a, const struct command *cmd);

/* Recalls p (a copy is kept) with the set glide, as a slot key does. */
void app_presets_recall(struct app *a, const struct preset *p);

/* Advances a running glide; true if the board changed. */
bool app_presets_tick(struct app *a, int64_t now_ms);
bool app_presets_gliding(const struct app *a);
/* Stops a glide where it is (a fader was grabbed by hand or hardware). */
void app_presets_stop_glide(struct app *a);

/* The recalled preset, or NULL. */
const struct preset *app_presets_recalled(const struct app *a);
/* Name of the recalled preset or NULL, and whether the mix differs. */
const char *app_presets_name(const struct app *a);
bool app_presets_modified(const struct app *a);

#endif
