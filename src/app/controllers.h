/* controllers: the MIDI controllers of the running program. Loads the
 * profiles (profile_store), runs a MIDI backend (PortMidi, or files for
 * --midi-in/--midi-out), feeds each port's bytes through the core's
 * surface into the board, runs learn, and sends feedback (motors, LEDs,
 * scribble strips).
 *
 * One direction: controllers_poll only reads. The backend's callbacks copy
 * bytes and events into a queue and return; nothing runs inside the
 * backend's poll. controllers_apply then feeds the queue to the surfaces,
 * moving the board it is given, and hands back in a struct changes what
 * the app must do: stop a glide, show a notice, run the buttons' commands
 * (which may rescan the backend: safe, since its poll has returned). */
#ifndef SOUNDBOARD_CONTROLLERS_H
#define SOUNDBOARD_CONTROLLERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "board.h"
#include "changes.h"
#include "command.h"
#include "content.h"
#include "learn.h"
#include "midi_backend.h"
#include "paths.h"
#include "profile_store.h"
#include "surface.h"
#include "transport_leds.h"
#include "view.h"

struct latency;

struct controllers_port {
    bool open;
    bool has_output;
    bool needs_full;             /* just opened: send everything once */
    bool told_unknown;           /* the room was asked about this guess */
    int profile;                 /* index into profiles */
    char name[MIDI_NAME_MAX];
    struct surface surface;
    struct midi_decoder learn_decoder;
};

/* Bytes and events the backend delivered during one poll, in order. */
struct controllers_queue {
    struct controllers_queued *item;
    int count, cap;
    uint8_t *bytes;              /* port bytes, and event strings */
    size_t used, bytes_cap;
};

struct controllers {
    const struct paths *paths;   /* borrowed: where learned profiles go */
    struct profile_store profiles;
    int forced;                  /* --controller: index, or -1 */
    int preferred;               /* config.prefer: index, or -1 */
    struct midi_backend backend;
    bool have_backend;
    bool input_done;             /* --midi-in reached its end */
    bool accept_guesses;         /* --midi-in/out: the generic map is the
                                    user's explicit choice */
    struct controllers_port port[MIDI_PORTS_MAX];
    struct controllers_queue queue;
    bool learning;
    int learn_port;              /* port being taught, -1 until it speaks */
    struct learn learn;
    char status[MIDI_NAME_MAX + 16]; /* the status line's controller name */
    struct latency *latency;     /* stamps each chunk read, or NULL */
};

struct controllers_config {
    const char *force;           /* --controller NAME|FILE, or NULL */
    const char *midi_in;         /* --midi-in FILE, or NULL */
    const char *midi_out;        /* --midi-out FILE, or NULL */
    bool portmidi;               /* no files: PortMidi (false: no MIDI) */
    const char *prefer;          /* profile id for a port no profile knows
                                    by name (instead of generic), or NULL */
};

/* Loads the profiles and starts the backend the config asks for. Bad
 * profiles are reported on log and skipped. Returns false (reason on log)
 * only if --controller names no usable profile or a file cannot be
 * opened. */
bool controllers_start(struct controllers *c, const struct paths *p,
                       const struct controllers_config *cfg, FILE *log);
/* Test seam: runs on a backend the caller made with controllers_host
 * (after controllers_start with portmidi false and no files). */
struct midi_host controllers_host(struct controllers *c);
void controllers_use_backend(struct controllers *c,
                             const struct midi_backend *b);
/* Turns the open ports' transport LEDs dark (the program is leaving),
 * then closes the backend and frees everything. */
void controllers_free(struct controllers *c);

/* Reads every open port (and notices hot-plug) into the queue. */
void controllers_poll(struct controllers *c);
/* Applies the queue: connects, disconnects, fader moves (through soft
 * takeover) onto b, learn; fills ch. now_ms: a monotonic clock. */
void controllers_apply(struct controllers *c, struct board *b, int64_t now_ms,
                       struct changes *ch);
/* The board moved by other means (keys, mouse, a preset, a glide). */
void controllers_board_moved(struct controllers *c, const struct board *b);
/* Sends each port what changed since the last call (everything to a port
 * that just connected): the board b, and t on the transport LEDs. Labels
 * come from ct. */
void controllers_send(struct controllers *c, const struct board *b,
                      const struct transport_state *t,
                      const struct content *ct);

/* learn, rescan, and while learning the arrows (teach an element again)
 * and Escape (stop): true if cmd was handled here. */
bool controllers_command(struct controllers *c, const struct command *cmd,
                         const struct board *b, struct changes *ch);

bool controllers_active(const struct controllers *c);   /* a port is open */
/* The id of the profile driving the first open port, or NULL when none is
 * open or it is the generic profile. */
const char *controllers_profile_id(const struct controllers *c);
/* What the loop may sleep on before controllers_poll has work: the
 * backend's descriptors and longest sleep (midi_backend_wait); with no
 * backend, nothing and no timer. */
void controllers_wait(const struct controllers *c, struct midi_wait *w);
bool controllers_learning(const struct controllers *c);
/* True once --midi-in has given everything (or without --midi-in). */
bool controllers_input_done(const struct controllers *c);
/* Fills the view's controller fields (name, ghosts, learn). */
void controllers_view(const struct controllers *c, struct view *v);

/* --list-midi: loads the profiles and prints the ports on out (see
 * midi_backend_print_ports). Returns the exit status. */
int controllers_list(const struct paths *p, FILE *out);

#endif
