/* latency: MIDI-to-screen timing, on only when SOUNDBOARD_LATENCY_LOG
 * names a file (otherwise the app holds NULL and pays one branch).
 *
 * The controllers stamp each chunk of bytes as the backend hands it over
 * (inside the backend's read loop); the loop stamps the moment
 * SDL_RenderPresent returns for the frame that shows it. One line per
 * chunk: READ_NS PRESENT_NS BYTES (CLOCK_MONOTONIC), for scripts/bench. */
#ifndef SOUNDBOARD_LATENCY_H
#define SOUNDBOARD_LATENCY_H

#include <stddef.h>

struct latency;

struct latency *latency_open(const char *path);
void latency_read(struct latency *l, size_t bytes);
void latency_presented(struct latency *l);
void latency_close(struct latency *l);

#endif
