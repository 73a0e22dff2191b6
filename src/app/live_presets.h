/* live_presets: presets in the running program: slots 1..9, next/prev,
 * recall with a glide (morph), A/B compare, store into a slot, and what
 * the status line says about them. Files go through the preset store.
 * It moves the board it is given and reports the rest in a struct changes
 * (notices, "the board moved"); it never calls up into the app. */
#ifndef SOUNDBOARD_LIVE_PRESETS_H
#define SOUNDBOARD_LIVE_PRESETS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "board.h"
#include "changes.h"
#include "command.h"
#include "content.h"
#include "morph.h"
#include "preset.h"
#include "preset_store.h"

enum { LIVE_GLIDE_STEPS = 4 };

struct live_presets {
    struct preset_store store;
    struct preset recalled;     /* the last preset recalled (or saved) */
    bool have_recalled;
    struct morph morph;         /* faders gliding to a recalled mix */
    struct preset_compare compare;
    int glide_ms;               /* recall glide time; 0 = instant */
    int browse;                 /* entry index for next/prev, -1 none */
};

/* Names the store's folders from p and reads them (damaged files are
 * reported on log). `initial` (the --preset, or NULL) becomes the
 * recalled preset and is put on the board at once. */
void live_presets_init(struct live_presets *P, const struct paths *p,
                       const struct preset *initial, struct board *b,
                       FILE *log);
void live_presets_free(struct live_presets *P);

/* Handles the preset commands (recall, store, next, prev, compare, glide):
 * true if cmd was one of them. `c` gives the words for new slot names. */
bool live_presets_command(struct live_presets *P, const struct command *cmd,
                          struct board *b, const struct content *c,
                          int64_t now_ms, struct changes *ch);

/* Recalls p (a copy is kept) with the set glide, as a slot key does. */
void live_presets_recall(struct live_presets *P, const struct preset *p,
                         struct board *b, int64_t now_ms,
                         struct changes *ch);
/* p was just saved: it is the recalled preset now (compare flips to it). */
void live_presets_adopt(struct live_presets *P, const struct preset *p);
/* A user preset was renamed: the recalled one follows if it was it. */
void live_presets_renamed(struct live_presets *P, const char *from,
                          const char *to);

/* Advances a running glide; true if the board changed (ch->board_moved). */
bool live_presets_tick(struct live_presets *P, struct board *b,
                       int64_t now_ms, struct changes *ch);
bool live_presets_gliding(const struct live_presets *P);
/* Stops a glide where it is (a fader was grabbed by hand or hardware). */
void live_presets_stop_glide(struct live_presets *P);

/* The recalled preset, or NULL; its name or NULL; whether the board now
 * differs from it (never during a glide). */
const struct preset *live_presets_recalled(const struct live_presets *P);
const char *live_presets_name(const struct live_presets *P);
bool live_presets_modified(const struct live_presets *P,
                           const struct board *b);

#endif
