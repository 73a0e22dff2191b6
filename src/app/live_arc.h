/* live_arc: the unit's arc in the running program: open an arc, step
 * through it (the faders glide), play and pause, record the mix into a
 * step (or touch-record while playing), insert and delete steps, and what
 * the timeline shows. Files go through the arc store; every edit is saved
 * at once as a user arc. Like live_presets it moves the board it is given
 * and reports the rest in a struct changes; it never calls up into the
 * app. The glide time is the presets' (the G key), passed in. */
#ifndef SOUNDBOARD_LIVE_ARC_H
#define SOUNDBOARD_LIVE_ARC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arc.h"
#include "arc_store.h"
#include "board.h"
#include "changes.h"
#include "command.h"
#include "content.h"
#include "morph.h"
#include "paths.h"
#include "transport_leds.h"

struct view;

struct live_arc {
    struct arc_store store;
    struct arc arc;            /* the open arc (a copy; saved on edits) */
    bool open;
    int current;               /* current step, 0-based */
    struct arc_play play;      /* playing, recording, holds */
    struct morph morph;        /* gliding to a step chosen by hand */
};

/* Names the store's folders and reads them (damaged files on log). */
void live_arc_init(struct live_arc *A, const struct paths *p, FILE *log);
void live_arc_free(struct live_arc *A);

/* Opens `arc` at step `step` (0-based, clamped) and puts that step's mix
 * on the board at once. */
void live_arc_open(struct live_arc *A, const struct arc *arc, int step,
                   struct board *b);

/* Handles the arc commands: true if cmd was one of them. `glide_ms` is the
 * recall glide time; `c` gives the words for notices and new labels. */
bool live_arc_command(struct live_arc *A, const struct command *cmd,
                      struct board *b, const struct content *c,
                      int glide_ms, int64_t now_ms, struct changes *ch);

/* A hand (key, mouse, controller) moved `element` to `value`: a glide to a
 * step stops, and while playing the element is held for the step (and
 * written into its lane when recording). */
void live_arc_touched(struct live_arc *A, int element, int value,
                      const struct content *c, int64_t now_ms,
                      struct changes *ch);
/* Something else took the board (a preset recall): stop playing and
 * gliding where the faders are. */
void live_arc_stop(struct live_arc *A);

/* Advances play or a glide; true if the board changed. */
bool live_arc_tick(struct live_arc *A, struct board *b, int64_t now_ms,
                   struct changes *ch);
/* When the loop must tick again: -1 never (nothing moves), 0 as soon as
 * it can (a glide), or the ms left of a dwell, through which it sleeps. */
int64_t live_arc_wait_ms(const struct live_arc *A, int64_t now_ms);
/* Steps the timeline shows (0 when no arc is open). */
int live_arc_steps(const struct live_arc *A);

/* The transport the controllers' Play and Record LEDs show: playing, and
 * Record armed (transport_leds.h decides what lights). Nothing when no
 * arc is open. */
struct transport_state live_arc_transport(const struct live_arc *A);

/* Fills the timeline part of a view. */
void live_arc_view(const struct live_arc *A, struct view *v);

#endif
