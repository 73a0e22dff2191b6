/* midi_file: a MIDI backend over files, for --midi-in and --midi-out.
 *
 * --midi-in FILE reads raw MIDI bytes (what `amidi --receive` writes) from
 * a regular file, a FIFO or a raw MIDI device node (/dev/snd/midiC0D0),
 * and hands them to the host's on_bytes exactly like PortMidi input.
 * Reads never block. A regular file is done at its end (MIDI_EVENT_ENDED);
 * a FIFO or device is done when it reports end of file after having given
 * at least one byte (its writer closed); a read error closes the port and
 * reports MIDI_EVENT_LOST. After MIDI_EVENT_ENDED the output still takes
 * bytes (feedback for the last input); after MIDI_EVENT_LOST it does not.
 *
 * --midi-out FILE appends every byte sent to the port, unchanged.
 *
 * The backend has one port, id 0, named after the input path (or the
 * output path when there is no input); its profile is whatever the host's
 * match() returns for that name (the app answers with the --controller
 * profile or the generic one; -1 is passed through as is). */
#ifndef SOUNDBOARD_MIDI_FILE_H
#define SOUNDBOARD_MIDI_FILE_H

#include <stddef.h>
#include <sys/types.h>

#include "midi_backend.h"

struct midi_file_config {
    const char *in_path;  /* --midi-in, or NULL */
    const char *out_path; /* --midi-out, or NULL */
    /* Test seam: replaces read(2) on the input; must behave like it
     * (-1 with errno set on error). NULL: read(2). */
    ssize_t (*read_fn)(void *ctx, int fd, void *buf, size_t n);
    void *read_ctx;
};

/* Opens the files and fills *b. The port is reported OPENED on the first
 * poll. `host` is copied. On failure returns false with "PATH: reason" in
 * err and b untouched. At least one path must be given. */
bool midi_file_create(struct midi_backend *b,
                      const struct midi_file_config *cfg,
                      const struct midi_host *host, char *err,
                      size_t errlen);

#endif
