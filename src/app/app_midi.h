/* app_midi: controllers inside the running program. Loads the controller
 * profiles (shipped, then the user's, which win by name), runs a MIDI
 * backend (PortMidi, or files for --midi-in/--midi-out), feeds every byte
 * through the core's surface into the board, sends feedback, runs learn,
 * and says in the status line which controller is connected. */
#ifndef SOUNDBOARD_APP_MIDI_H
#define SOUNDBOARD_APP_MIDI_H

#include <stdbool.h>
#include <stdio.h>

#include "app.h"

/* Starts MIDI for the app: with --midi-in/--midi-out the file backend,
 * otherwise PortMidi (which finds zero devices on a machine without a
 * sequencer, and keeps looking). Bad profiles are reported on stderr and
 * skipped. Returns false only if --controller names no usable profile. */
bool app_midi_init(struct app *a, bool use_portmidi);
void app_midi_free(struct app *a);

/* Reads a --midi-in file to its end through the whole path (for
 * --dump-state, --screenshot, --save-preset). */
void app_midi_drain(struct app *a);

void app_midi_tick(struct app *a);
bool app_midi_active(const struct app *a);
void app_midi_board_moved(struct app *a);
/* learn, rescan, and while learning the arrows (redo an element) and
 * Escape (stop); true if cmd was handled here. */
bool app_midi_command(struct app *a, const struct command *cmd);
void app_midi_view(const struct app *a, struct view *v);
/* True while learn mode runs. */
bool app_midi_learning(const struct app *a);
/* Ends learn mode: saves what was taught as a profile for the port in the
 * user's controllers folder and uses it from now on. */
void app_midi_learn_finish(struct app *a);

/* --list-midi: prints the ports (see midi_backend_print_ports). */
int app_midi_list(struct app *a, FILE *out);
/* --check FILE for a controller profile: "ok" or FILE:LINE lines on out;
 * returns 0 or 2. */
int app_midi_check_profile(const char *path, FILE *out);

#endif
