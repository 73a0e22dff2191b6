/* vm_probe: soundboard's real PortMidi backend (v0: raw bytes only). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "midi_portmidi.h"

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

struct probe {
    struct midi_backend b;
    int open_count;
};

static void on_bytes(void *user, int id, const uint8_t *bytes, size_t n)
{
    (void)user;
    printf("PROBE bytes id=%d n=%zu first=%02X %02X t=%ld\n", id, n, bytes[0],
           bytes[1], now_ms());
}

static void on_event(void *user, const struct midi_event *ev)
{
    struct probe *p = user;
    switch (ev->kind) {
    case MIDI_EVENT_OPENED: {
        printf("PROBE opened id=%d name=\"%s\" again=%d out=%d t=%ld\n",
               ev->port_id, ev->name, ev->again, ev->has_output, now_ms());
        const uint8_t st[] = {0xE0, 0x7F, 0x7F, 0xE1, 0x00, 0x00};
        midi_backend_send(&p->b, ev->port_id, st, sizeof st);
        break;
    }
    case MIDI_EVENT_LOST:
        printf("PROBE lost id=%d name=\"%s\" reason=%s t=%ld\n", ev->port_id,
               ev->name, ev->reason, now_ms());
        break;
    case MIDI_EVENT_NONE_CONNECTED:
        printf("PROBE none t=%ld\n", now_ms());
        break;
    default:
        printf("PROBE event %d t=%ld\n", ev->kind, now_ms());
    }
    fflush(stdout);
}

static int match(void *user, const char *name)
{
    (void)user;
    return midi_backend_is_system_port(name) ? -1 : 0;
}

static void on_log(void *user, const char *line)
{
    (void)user;
    printf("PROBE log %s\n", line);
}

int main(int argc, char **argv)
{
    static struct probe p;
    struct midi_host h = {.user = &p, .on_bytes = on_bytes,
                          .on_event = on_event, .match = match,
                          .log = on_log};
    char err[128];
    double seconds = argc > 1 ? atof(argv[1]) : 10;
    if (!midi_portmidi_create(&p.b, &h, err, sizeof err))
        return 1;
    printf("PROBE start t=%ld\n", now_ms());
    long end = now_ms() + (long)(seconds * 1000);
    struct timespec nap = {0, 10 * 1000 * 1000};
    while (now_ms() < end) {
        midi_backend_poll(&p.b);
        fflush(stdout);
        nanosleep(&nap, NULL);
    }
    midi_backend_destroy(&p.b);
    printf("PROBE exit t=%ld\n", now_ms());
    return 0;
}
