/* vm_probe: soundboard's real MIDI path in the vm-midi-test guest.
 *
 * usage: vm_probe CONTROLLERS-DIR SECONDS
 *        vm_probe --list CONTROLLERS-DIR    (what --list-midi prints)
 *
 * Runs the real PortMidi backend (src/midi/midi_portmidi.c) with the
 * core's profiles and surface exactly as the app does: every shipped
 * profile in CONTROLLERS-DIR is loaded, ports are matched to profiles by
 * name, input bytes go through the surface into a board, and the
 * surface's feedback bytes go back out through PortMidi. Between polls
 * it sleeps as the app does: in poll() on the descriptors
 * midi_backend_wait names, for no longer than the timeout it asks for
 * (none when idle), until SECONDS pass or SIGTERM arrives. Lines, each with
 * the guest's CLOCK_MONOTONIC in ms (read by tests/vm/check.sh):
 *     PROBE start t=MS
 *     PROBE profiles N t=MS
 *     PROBE none t=MS                     no controller connected
 *     PROBE opened id=N profile=NAME again=0|1 out=0|1 name="PORT" t=MS
 *     PROBE sent id=N XX XX ... t=MS       feedback written to port N
 *     PROBE board V0 V1 V2 V3 V4 V5 V6 t=MS  (when a value changed)
 *     PROBE lost id=N in=BYTES hash=H reason=TEXT t=MS
 *                           (bytes received from it, FNV-1a hash of them)
 *     PROBE overflow id=N t=MS
 *     PROBE log TEXT                       the backend's log
 *     PROBE error TEXT
 *     PROBE wakes total=N timed=M          (at exit: sleeps that ended, and
 *                           those ended by a timeout the backend asked for)
 *     PROBE exit t=MS */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board.h"
#include "midi_portmidi.h"
#include "vm_glue.h"

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
    (void)sig;
    stop = 1;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

struct probe {
    struct midi_backend b;
    struct glue *glue;
    struct board board;
    bool board_changed;
    size_t in_bytes[MIDI_PORTS_MAX];
    unsigned long in_hash[MIDI_PORTS_MAX];
};

static void print_hex(const char *head, const uint8_t *bytes, size_t n)
{
    printf("%s", head);
    for (size_t i = 0; i < n; i++)
        printf(" %02X", bytes[i]);
    printf(" t=%ld\n", now_ms());
}

static void send_bytes(struct probe *p, int id, const uint8_t *bytes,
                       size_t n)
{
    char head[64];
    if (n == 0)
        return;
    if (!midi_backend_send(&p->b, id, bytes, n)) {
        printf("PROBE error send to id=%d failed t=%ld\n", id, now_ms());
        return;
    }
    snprintf(head, sizeof head, "PROBE sent id=%d", id);
    print_hex(head, bytes, n);
}

static void on_bytes(void *user, int id, const uint8_t *bytes, size_t n)
{
    struct probe *p = user;
    if (id >= 0 && id < MIDI_PORTS_MAX) {
        p->in_bytes[id] += n;
        for (size_t i = 0; i < n; i++)
            p->in_hash[id] = ((p->in_hash[id] ^ bytes[i]) * 16777619UL) &
                             0xFFFFFFFFUL;
    }
    if (glue_feed(p->glue, id, &p->board, bytes, n))
        p->board_changed = true;
}

static void on_event(void *user, const struct midi_event *ev)
{
    struct probe *p = user;
    static uint8_t out[8192];
    size_t n;

    switch (ev->kind) {
    case MIDI_EVENT_OPENED:
        if (!ev->again) {
            p->in_bytes[ev->port_id] = 0;
            p->in_hash[ev->port_id] = 2166136261UL;
        }
        printf("PROBE opened id=%d profile=%s again=%d out=%d name=\"%s\" "
               "t=%ld\n", ev->port_id,
               glue_profile_name(p->glue, ev->profile), ev->again,
               ev->has_output, ev->name, now_ms());
        /* Connected (again): the whole board state, at once. */
        n = glue_connect(p->glue, ev->port_id, ev->profile, &p->board, out,
                         sizeof out);
        send_bytes(p, ev->port_id, out, n);
        break;
    case MIDI_EVENT_LOST:
        printf("PROBE lost id=%d in=%zu hash=%08lX reason=%s t=%ld\n",
               ev->port_id, p->in_bytes[ev->port_id],
               p->in_hash[ev->port_id], ev->reason, now_ms());
        glue_disconnect(p->glue, ev->port_id);
        break;
    case MIDI_EVENT_NONE_CONNECTED:
        printf("PROBE none t=%ld\n", now_ms());
        break;
    case MIDI_EVENT_OVERFLOW:
        printf("PROBE overflow id=%d t=%ld\n", ev->port_id, now_ms());
        break;
    case MIDI_EVENT_ENDED:
        printf("PROBE ended id=%d t=%ld\n", ev->port_id, now_ms());
        break;
    }
}

static int match(void *user, const char *name)
{
    struct probe *p = user;
    if (midi_backend_is_system_port(name))
        return -1;
    return glue_match(p->glue, name);
}

static const char *profile_name(void *user, int profile)
{
    return glue_profile_name(((struct probe *)user)->glue, profile);
}

static void on_log(void *user, const char *line)
{
    (void)user;
    printf("PROBE log %s\n", line);
}

static void print_board(const struct probe *p)
{
    printf("PROBE board");
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        printf(" %d", p->board.value[i]);
    printf(" t=%ld\n", now_ms());
}

int main(int argc, char **argv)
{
    static struct probe p;
    static uint8_t out[8192];
    struct midi_host h = {.user = &p, .on_bytes = on_bytes,
                          .on_event = on_event, .match = match,
                          .profile_name = profile_name, .log = on_log};
    char err[256];

    if (argc != 3) {
        fprintf(stderr, "usage: vm_probe CONTROLLERS-DIR SECONDS\n"
                        "       vm_probe --list CONTROLLERS-DIR\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (strcmp(argv[1], "--list") == 0) {
        p.glue = glue_new();
        if (glue_load(p.glue, argv[2], err, sizeof err) <= 0 ||
            !midi_portmidi_create(&p.b, &h, err, sizeof err))
            return 1;
        midi_backend_print_ports(&p.b, &h, stdout);
        midi_backend_destroy(&p.b);
        glue_free(p.glue);
        return 0;
    }
    signal(SIGTERM, on_term);
    board_init(&p.board);
    p.glue = glue_new();
    printf("PROBE start t=%ld\n", now_ms());
    int loaded = glue_load(p.glue, argv[1], err, sizeof err);
    if (loaded <= 0) {
        printf("PROBE error %s\n", err);
        return 1;
    }
    printf("PROBE profiles %d t=%ld\n", loaded, now_ms());
    if (!midi_portmidi_create(&p.b, &h, err, sizeof err)) {
        printf("PROBE error %s\n", err);
        return 1;
    }
    long end = now_ms() + (long)(atof(argv[2]) * 1000);
    unsigned long wakes = 0, timed = 0;
    while (!stop && now_ms() < end) {
        midi_backend_poll(&p.b);
        if (p.board_changed) {
            p.board_changed = false;
            print_board(&p);
        }
        /* Feedback the surfaces want after this frame's changes. */
        for (int id = 0; id < MIDI_PORTS_MAX; id++) {
            size_t n = glue_feedback(p.glue, id, &p.board, out, sizeof out);
            send_bytes(&p, id, out, n);
        }
        /* Asleep as the app is: on the backend's descriptors, with its
         * timeout only when it asks for one (capped by the end). */
        struct midi_wait w;
        midi_backend_wait(&p.b, &w);
        long left = end - now_ms();
        int timeout = w.timeout_ms;
        bool asked = timeout > 0;
        if (timeout < 0 || timeout > left) {
            timeout = left > 0 ? (int)left : 0;
            asked = false;
        }
        int r = poll(w.fd, (nfds_t)w.count, timeout);
        if (r < 0)
            continue; /* SIGTERM */
        if (timeout > 0)
            wakes++;
        if (r == 0 && asked)
            timed++;
    }
    midi_backend_destroy(&p.b);
    glue_free(p.glue);
    printf("PROBE wakes total=%lu timed=%lu t=%ld\n", wakes, timed,
           now_ms());
    printf("PROBE exit t=%ld\n", now_ms());
    return 0;
}
