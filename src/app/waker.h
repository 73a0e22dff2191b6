/* waker: wakes the SDL loop when a MIDI descriptor becomes readable.
 *
 * SDL waits on the display connection only. A small thread poll()s the
 * descriptors the MIDI backend names (midi_backend_wait: the hot-plug
 * watch, a --midi-in FIFO, PortMidi's own sequencer client) and,
 * when one is readable, pushes one SDL event of the given type and stops
 * watching until the loop arms it again (the loop reads the descriptors:
 * without the hand-over the thread would spin on data not yet read). So the
 * loop sleeps in SDL_WaitEvent with no timer and still hears a controller
 * or a hot-plug at once. */
#ifndef SOUNDBOARD_WAKER_H
#define SOUNDBOARD_WAKER_H

#include <stdint.h>

#include "midi_backend.h"

struct waker;

/* Starts the thread; NULL if it cannot (the loop then polls). */
struct waker *waker_start(uint32_t sdl_event_type);
/* Watch w's descriptors (a copy) until one is readable, then push one
 * event. Cheap when nothing changed since the last call. */
void waker_arm(struct waker *k, const struct midi_wait *w);
/* Events pushed so far (tests, the bench). */
unsigned long waker_fired(const struct waker *k);
void waker_stop(struct waker *k);

#endif
