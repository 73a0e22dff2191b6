/* seq_pool: the ALSA sequencer client that PortMidi opened in this
 * process, seen from outside PortMidi.
 *
 * PortMidi 217 keeps its sequencer handle private and leaves the client's
 * input pool at the kernel's default of 200 events. When more arrive than
 * that between two reads, the kernel drops the rest, and the next read
 * returns -ENOSPC and empties the queue; PortMidi's read loop stops on
 * that error without reporting it (found by scripts/vm-midi-test's flood).
 * So: the pool is raised, and lost input is read from the kernel's count
 * of failed allocations in /proc/asound/seq/clients. */
#ifndef SOUNDBOARD_SEQ_POOL_H
#define SOUNDBOARD_SEQ_POOL_H

/* Largest input pool the kernel accepts (SNDRV_SEQ_MAX_CLIENT_EVENTS). */
enum { SEQ_POOL_INPUT_MAX = 2000 };

/* The descriptor of this process's open sequencer (/dev/snd/seq) other
 * than not_fd (our own hot-plug watch's), or -1. It is PortMidi's: poll()
 * it for POLLIN to learn that input waits, without a second subscription
 * to the controller (which would change what the controller's sender sees:
 * a full second queue makes the kernel refuse the send, and a sender that
 * retries then delivers the message to PortMidi twice). */
int seq_pool_find_fd(int not_fd);

/* Raises the input pool of the sequencer open on fd to `events` and
 * returns its client number; -1 if fd is -1 or the kernel refuses (the
 * pool then stays as it was). */
int seq_pool_raise(int fd, int events);

/* The "Alloc failures" count of the input pool of `client` in the text of
 * /proc/asound/seq/clients; -1 if the client or the count is not there. */
long seq_pool_input_failures(const char *clients_text, int client);

#endif
