/* seq_watch: learn that MIDI ports changed from a file descriptor instead
 * of a timer.
 *
 * With an ALSA sequencer, the watch is a client of its own
 * ("soundboard watch") subscribed to the system announce port
 * (SND_SEQ_CLIENT_SYSTEM:SND_SEQ_PORT_SYSTEM_ANNOUNCE): the kernel tells it
 * when a client or port starts, ends or changes. (That a controller spoke
 * is learnt from PortMidi's own descriptor, seq_pool.h: a second
 * subscription to the controller would change what its sender sees.)
 *
 * Without a sequencer it watches /dev/snd (or /dev, until /dev/snd exists)
 * with inotify: the sequencer's device node appearing is the news. Where
 * neither works, the caller falls back to polling on a timer; `mode` says
 * which one is in use, for the log.
 *
 * The descriptor is only polled by others (any thread may poll() it); it
 * is read, and everything else is called, from one thread. */
#ifndef SOUNDBOARD_SEQ_WATCH_H
#define SOUNDBOARD_SEQ_WATCH_H

#include <stdbool.h>

enum seq_watch_mode {
    SEQ_WATCH_NONE,     /* nothing to watch: poll on a timer */
    SEQ_WATCH_ANNOUNCE, /* the sequencer's announce port */
    SEQ_WATCH_INOTIFY   /* no sequencer yet: /dev/snd (or /dev) */
};

enum {
    SEQ_WATCH_PORTS = 1 /* a client or port started, ended or changed, or
                           a device node came or went */
};

struct seq_watch;

/* Opens the best watch there is (never NULL unless memory runs out). */
struct seq_watch *seq_watch_open(void);
void seq_watch_close(struct seq_watch *w);
enum seq_watch_mode seq_watch_mode(const struct seq_watch *w);
const char *seq_watch_mode_name(enum seq_watch_mode m);
/* The descriptor to poll for POLLIN, or -1 (SEQ_WATCH_NONE). */
int seq_watch_fd(const struct seq_watch *w);
/* Reads everything pending without blocking: SEQ_WATCH_* bits. An
 * inotify watch that sees the sequencer's node appear reopens itself on
 * the announce port (the mode changes). */
int seq_watch_drain(struct seq_watch *w);

#endif
