/* midi_portmidi: the MIDI backend over PortMidi 217 (ALSA sequencer).
 *
 * Opens the input of every port whose name the host's match() accepts,
 * with the output of the same name for feedback (latency 0: sent at once).
 * Input is drained completely on every poll and turned back into raw bytes
 * (pm_bytes.h); active sensing and clock are filtered out.
 *
 * Hot-plug: PortMidi 217 lists devices only when it initializes, so the
 * backend rescans: close every stream, Pm_Terminate, Pm_Initialize, reopen
 * by name. What triggers a rescan is a descriptor, not a timer
 * (seq_watch.h): the sequencer's announce port says that a client or port
 * came or went, and the backend then compares the client and port names of
 * /proc/asound/seq/clients (only ports others can subscribe to, so
 * PortMidi's own ports do not count) and rescans when they changed. The
 * same watch follows every open input, so midi_backend_wait asks for no
 * timer at all: the program sleeps until a hand moves or a cable is
 * plugged. Without a sequencer, inotify on /dev/snd (or /dev) sees the
 * sequencer's node appear; while the node exists but the sequencer does
 * not answer yet, it re-initializes about once a second (opening the node
 * loads the module), never while a stream is open. Only where neither
 * watch exists does it check once a second (and logs so). A stream that
 * fails mid-read is reported
 * MIDI_EVENT_LOST and everything is rescanned (217 can crash when one
 * input is closed while others are polled, so nothing is closed alone).
 *
 * ALSA's own error messages go to host->log, never the terminal: this
 * installs alsa-lib's process-wide error handler (the one global state
 * here, because that handler carries no user pointer). */
#ifndef SOUNDBOARD_MIDI_PORTMIDI_H
#define SOUNDBOARD_MIDI_PORTMIDI_H

#include <stddef.h>

#include "midi_backend.h"

/* Seconds between hot-plug checks where no watch exists. */
#define MIDI_PORTMIDI_CHECK_SECONDS 1.0
/* How long after the first news of a port change the ports are scanned:
 * what arrives meanwhile is taken in the same scan. */
#define MIDI_SETTLE_SECONDS 0.25

/* Fills *b. Nothing is opened until the first poll (or list). `host` is
 * copied. Returns false with a reason in err only if memory runs out. */
bool midi_portmidi_create(struct midi_backend *b,
                          const struct midi_host *host, char *err,
                          size_t errlen);

#endif
