/* midi_backend: where raw MIDI bytes come from and go to.
 *
 * A backend is a struct of operations plus private state. Two exist:
 * PortMidi (midi_portmidi.c: real ports, hot-plug by rescanning) and files
 * (midi_file.c: --midi-in / --midi-out). Both hand input over as raw bytes
 * through the same callback, so decoding and mapping (the core's surface)
 * never know where the bytes came from.
 *
 * A "port" here is one controller: an input and, where the device has one
 * of the same name, its output. port_id names it in on_bytes, send and the
 * events; an id is valid from its MIDI_EVENT_OPENED to its
 * MIDI_EVENT_ENDED or MIDI_EVENT_LOST, and may be reused afterwards.
 *
 * Usage, once per frame: midi_backend_poll(b). It drains every open input
 * (callbacks run inside it) and checks for plugged or pulled devices when
 * its watch says so; it never blocks and never sleeps. Between frames,
 * midi_backend_wait(b) says what to sleep on. */
#ifndef SOUNDBOARD_MIDI_BACKEND_H
#define SOUNDBOARD_MIDI_BACKEND_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum { MIDI_NAME_MAX = 128, MIDI_PORTS_MAX = 32 };

/* What a sleeping program must watch to learn that poll has work: poll
 * again when one of fd[0..count) is readable, or after timeout_ms (-1:
 * only when a descriptor is readable; 0: now). */
enum { MIDI_WAIT_FDS = 4, MIDI_WAIT_POLL_MS = 5 };
struct midi_wait {
    struct pollfd fd[MIDI_WAIT_FDS];
    int count;
    int timeout_ms;
    /* Changes whenever a descriptor was closed and reopened: the new one
     * may have the old one's number, and a thread still asleep on the old
     * one must be woken to poll the new one. */
    unsigned generation;
};

enum midi_dir { MIDI_DIR_IN = 1, MIDI_DIR_OUT = 2 };

enum midi_event_kind {
    MIDI_EVENT_OPENED,   /* a matching controller was opened */
    MIDI_EVENT_ENDED,    /* input finished normally (end of a file) */
    MIDI_EVENT_LOST,     /* unplugged or failed: the port is closed */
    MIDI_EVENT_OVERFLOW, /* input came faster than it was read: some
                            messages were lost; the port stays open */
    MIDI_EVENT_NONE_CONNECTED /* after a scan, no controller is open */
};

struct midi_event {
    enum midi_event_kind kind;
    int port_id;        /* -1 for MIDI_EVENT_NONE_CONNECTED */
    const char *name;   /* port name; valid during the callback only */
    int profile;        /* what match() returned for the name */
    bool has_output;    /* send() reaches the device (OPENED) */
    bool again;         /* OPENED: it was already open before this rescan
                           (same id); its state may still be re-sent */
    const char *reason; /* LOST / OVERFLOW: short English, for the log */
};

/* The app's side: callbacks the backend calls, all with `user`. */
struct midi_host {
    void *user;
    /* Raw bytes as they arrived on port_id's input, in order. May be
     * called many times per poll; bytes are valid during the call only. */
    void (*on_bytes)(void *user, int port_id, const uint8_t *bytes,
                     size_t n);
    /* Connects, disconnects, overflow. May be NULL. */
    void (*on_event)(void *user, const struct midi_event *ev);
    /* Which profile drives an input port with this name: an index >= 0
     * (the backend opens the port and passes the index back in events), or
     * -1 to leave the port closed. Required. */
    int (*match)(void *user, const char *port_name);
    /* Name of profile index i for --list-midi (e.g. "korg-nanokontrol2").
     * May be NULL: indexes are then printed as numbers. */
    const char *(*profile_name)(void *user, int profile);
    /* One line for the program's log (no newline): ALSA's own messages
     * and the backend's notes. May be NULL: they are dropped. */
    void (*log)(void *user, const char *line);
};

/* A port as listed (open or not). */
struct midi_port_info {
    char name[MIDI_NAME_MAX];
    int dir;     /* MIDI_DIR_IN or MIDI_DIR_OUT */
    int port_id; /* the open controller it belongs to, or -1 */
};

struct midi_backend {
    const char *kind; /* "portmidi" or "file" */
    void *priv;
    /* Lists ports into out[0..max), returns how many there are (may
     * exceed max; only max are written). Does not open anything. */
    int (*list)(struct midi_backend *b, struct midi_port_info *out, int max);
    /* See midi_backend_poll. */
    void (*poll)(struct midi_backend *b);
    /* Sends raw bytes (whole messages; running status allowed) to port_id's
     * output. Returns false if the port has no output or the write failed
     * (a failed port is reported LOST on the next poll). */
    bool (*send)(struct midi_backend *b, int port_id, const uint8_t *bytes,
                 size_t n);
    /* Closes every port and looks for devices again now; controllers
     * found are reported OPENED again (the app re-sends its state). */
    void (*rescan)(struct midi_backend *b);
    /* Closes everything and frees priv. The struct can then be dropped. */
    void (*destroy)(struct midi_backend *b);
    /* See midi_backend_wait. May be NULL: poll every MIDI_WAIT_POLL_MS. */
    void (*wait)(const struct midi_backend *b, struct midi_wait *w);
};

/* Drains all pending input of every open port through host->on_bytes and
 * reports connects and disconnects through host->on_event. Cheap: a
 * non-blocking read per open port and of the hot-plug watch. Call it every
 * frame, and while the app sleeps whenever midi_backend_wait says. */
void midi_backend_poll(struct midi_backend *b);
/* When poll has work next: the descriptors to sleep on and the longest
 * sleep. An idle backend with a hot-plug descriptor asks for no timer. */
void midi_backend_wait(const struct midi_backend *b, struct midi_wait *w);
bool midi_backend_send(struct midi_backend *b, int port_id,
                       const uint8_t *bytes, size_t n);
void midi_backend_rescan(struct midi_backend *b);
int midi_backend_list(struct midi_backend *b, struct midi_port_info *out,
                      int max);
/* Destroys b (NULL-safe). */
void midi_backend_destroy(struct midi_backend *b);

/* --list-midi: prints every port, one per line, as
 *     DIR<TAB>PORT NAME<TAB>PROFILE
 * DIR is "in" or "out"; PROFILE is host->profile_name(match(name)) or "-"
 * when no profile matches. With no ports at all it prints the single line
 *     no MIDI ports found
 * Returns the number of ports printed. */
int midi_backend_print_ports(struct midi_backend *b,
                             const struct midi_host *host, FILE *out);

/* True for ALSA's own ports that are never a controller ("Midi Through").
 * A helper for the app's match callback. */
bool midi_backend_is_system_port(const char *port_name);

/* Formats a message and passes it to host->log (no-op if NULL). */
void midi_backend_log(const struct midi_host *host, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
