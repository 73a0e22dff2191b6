/* arc: a unit's arc, the mix changing over the weeks of a unit.
 *
 * "Progressively student-driven": the mix is not set once. An arc is an
 * ordered list of 2 to 52 steps ("Week 1", "Before the test"), each with a
 * label, an optional note (why this mix now) and the seven values. It is
 * played like automation in a sound studio: the faders dwell on a step,
 * glide to the next one, dwell, and so on. Nothing here scores a step or
 * an arc; a step that hands an element back to the teacher is as
 * legitimate as one that hands it to students.
 *
 * Pure: the parser takes text in memory, the serializer returns text; the
 * store reads and writes files (src/store/arc_store.h). The format is
 * documented in docs/arcs.md:
 *
 *   [arc]
 *   version = 1
 *   name = Argument writing, grade 8: ten weeks
 *   dwell = 4                        (optional: seconds on each step, 0..600)
 *   notes = ...                      (optional)
 *   [step]                           (2 to 52 of these, in order)
 *   label = Week 1
 *   note = ...                       (optional)
 *   goals = 10
 *   ... one line per element id (board.h), each 0..100
 *
 * Text values (name, notes, label, note) use the escapes and continuation
 * lines of ini_text.h. */
#ifndef SOUNDBOARD_ARC_H
#define SOUNDBOARD_ARC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "diag.h"

enum {
    ARC_VERSION = 1,
    ARC_STEPS_MIN = 2,
    ARC_STEPS_MAX = 52,        /* a school year of weeks */
    ARC_NAME_MAX = 160,        /* bytes of UTF-8, without the NUL */
    ARC_NOTES_MAX = 2000,
    ARC_LABEL_MAX = 40,
    ARC_NOTE_MAX = 600,
    ARC_DWELL_DEFAULT = 4,     /* seconds on each step while playing */
    ARC_DWELL_MAX = 600,
};

struct arc_step {
    char label[ARC_LABEL_MAX + 1]; /* UTF-8, non-empty, one line */
    char note[ARC_NOTE_MAX + 1];   /* UTF-8, may be empty or hold \n */
    int value[BOARD_ELEMENTS];     /* 0..100, in board order */
};

struct arc {
    char name[ARC_NAME_MAX + 1];   /* UTF-8, non-empty, one line */
    char notes[ARC_NOTES_MAX + 1]; /* about the whole arc; may be empty */
    int dwell;                     /* seconds, 0..ARC_DWELL_MAX */
    int count;                     /* ARC_STEPS_MIN..ARC_STEPS_MAX */
    struct arc_step step[ARC_STEPS_MAX];
};

/* An empty arc: no name, no steps, the default dwell. Not valid until it
 * has a name and at least two steps. */
void arc_init(struct arc *a);

/* A new arc named `name` with `count` steps (clamped to 2..52), each
 * holding `values`; step k is labelled `label_pattern` with its first %s
 * replaced by k (from 1), e.g. "Step %s". */
void arc_make(struct arc *a, const char *name, int count,
              const int values[BOARD_ELEMENTS], const char *label_pattern);

/* Checks an arc built in memory (name, labels and notes UTF-8 without
 * control characters, 2..52 steps, values 0..100, dwell 0..600). On false
 * writes a one-line reason into err. */
bool arc_validate(const struct arc *a, char *err, size_t errlen);

/* ---- Editing. Each returns false (and changes nothing) when the edit
 * would leave the arc outside 2..52 steps or `at` is out of range. ---- */

/* Inserts a step before index `at` (0..count: count appends). */
bool arc_insert(struct arc *a, int at, const char *label,
                const int values[BOARD_ELEMENTS]);
/* Deletes step `at`. */
bool arc_delete(struct arc *a, int at);
/* Records a whole mix into step `at` (its label and note stay). */
bool arc_record(struct arc *a, int at, const int values[BOARD_ELEMENTS]);
/* Records one element's value into step `at` (touch mode: only what was
 * touched changes). Returns true if the lane changed. */
bool arc_touch(struct arc *a, int at, int element, int value);

/* ---- Text ---- */

/* Parses arc text (`len` bytes, need not be NUL-terminated); `file` names
 * the file in messages. Every problem goes to diag as "FILE:LINE: what"
 * (a missing key at its section's line, a missing section at the last
 * line). Returns true only if the text was complete and valid; on false
 * *out is unspecified. */
bool arc_parse(const char *text, size_t len, const char *file,
               struct arc *out, struct diag_list *diag);

/* Serializes a valid arc into a malloc'd NUL-terminated text (caller
 * frees); same arc, same bytes; every line at most INI_LINES_MAX bytes.
 * NULL if the arc is invalid or memory runs out. */
char *arc_serialize(const struct arc *a, size_t *len);

/* ---- Playing ----
 *
 * From the step it starts at, the playhead first glides from where the
 * faders are to that step, then dwells on it for dwell_ms, glides to the
 * next step over glide_ms (eased as a preset recall is: core/morph.h),
 * dwells there, and so on; it stops on arriving at the last step. While
 * it glides toward a step, that step is the current one.
 *
 * Hands on the faders: an element touched while playing is held (the
 * playhead leaves it where the hand put it) until the current step
 * changes. While recording, each touched value is written into the current
 * step's lane: only the touched elements change, the others keep their
 * lanes (the "touch" mode of studio automation). */

struct arc_play {
    bool playing;
    bool recording;            /* touches write into the lanes */
    int from_step;             /* where this run started */
    int64_t start_ms;          /* clock at the start */
    int lead_ms;               /* glide from the faders to from_step */
    int start_value[BOARD_ELEMENTS]; /* the faders at the start */
    int dwell_ms, glide_ms;
    bool held[BOARD_ELEMENTS]; /* taken over by a hand */
    int held_step;             /* the step the holds belong to */
};

/* Where the playhead is. */
struct arc_position {
    int step;                  /* current step, 0-based */
    bool gliding;              /* on the way to `step` */
    bool done;                 /* arrived at the last step: play stopped */
    int value[BOARD_ELEMENTS]; /* the lanes' values at that moment */
    bool drive[BOARD_ELEMENTS];/* false: held by a hand, leave it */
};

/* Not playing, not recording. */
void arc_play_init(struct arc_play *p);
/* Starts playing from step `from` (clamped) at now_ms; `board` is where
 * the faders are. dwell_ms and glide_ms below 0 count as 0. */
void arc_play_start(struct arc_play *p, const struct arc *a, int from,
                    const int board[BOARD_ELEMENTS], int64_t now_ms,
                    int dwell_ms, int glide_ms);
/* Stops where it is (holds are released; recording stays as it was). */
void arc_play_stop(struct arc_play *p);

/* The playhead at now_ms, computed from the start: the same time gives
 * the same answer. A clock before the start counts as the start. Fills
 * pos; pos->done at or after the arrival at the last step. Does not change
 * p (see arc_play_advance). Without playing, pos is step `from_step` at
 * rest. */
void arc_play_at(const struct arc_play *p, const struct arc *a,
                 int64_t now_ms, struct arc_position *pos);
/* How long the playhead rests from now_ms: the time left on the current
 * step's dwell (the loop may sleep that long), 0 while it glides or when
 * the run is done (the next tick matters), -1 when not playing. */
int64_t arc_play_rest_ms(const struct arc_play *p, const struct arc *a,
                         int64_t now_ms);
/* arc_play_at, then the bookkeeping of a tick: holds end when the current
 * step changed, and play stops when done. Returns false when not
 * playing (pos untouched). */
bool arc_play_advance(struct arc_play *p, const struct arc *a,
                      int64_t now_ms, struct arc_position *pos);
/* A hand moved `element` to `value` at now_ms while playing: it is held
 * for the current step and, when recording, written into that step's
 * lane (arc_touch). Returns true if the arc changed. Does nothing when not
 * playing. */
bool arc_play_touch(struct arc_play *p, struct arc *a, int element,
                    int value, int64_t now_ms);

#endif
