/* midi_backend: the calls shared by every backend, and --list-midi. */
#include "midi_backend.h"

#include <stdarg.h>
#include <string.h>
#include <strings.h>

void midi_backend_poll(struct midi_backend *b)
{
    b->poll(b);
}

void midi_backend_wait(const struct midi_backend *b, struct midi_wait *w)
{
    memset(w, 0, sizeof *w);
    w->timeout_ms = MIDI_WAIT_POLL_MS;
    if (b->wait)
        b->wait(b, w);
}

bool midi_backend_send(struct midi_backend *b, int port_id,
                       const uint8_t *bytes, size_t n)
{
    return b->send(b, port_id, bytes, n);
}

void midi_backend_rescan(struct midi_backend *b)
{
    b->rescan(b);
}

int midi_backend_list(struct midi_backend *b, struct midi_port_info *out,
                      int max)
{
    return b->list(b, out, max);
}

void midi_backend_destroy(struct midi_backend *b)
{
    if (b && b->destroy)
        b->destroy(b);
}

int midi_backend_print_ports(struct midi_backend *b,
                             const struct midi_host *host, FILE *out)
{
    struct midi_port_info ports[MIDI_PORTS_MAX * 2];
    int count = b->list(b, ports, MIDI_PORTS_MAX * 2);

    if (count > MIDI_PORTS_MAX * 2)
        count = MIDI_PORTS_MAX * 2;
    if (count <= 0) {
        fputs("no MIDI ports found\n", out);
        return 0;
    }
    for (int i = 0; i < count; i++) {
        int profile = host->match(host->user, ports[i].name);
        const char *dir = ports[i].dir == MIDI_DIR_IN ? "in" : "out";
        if (profile < 0)
            fprintf(out, "%s\t%s\t-\n", dir, ports[i].name);
        else if (host->profile_name)
            fprintf(out, "%s\t%s\t%s\n", dir, ports[i].name,
                    host->profile_name(host->user, profile));
        else
            fprintf(out, "%s\t%s\t%d\n", dir, ports[i].name, profile);
    }
    return count;
}

bool midi_backend_is_system_port(const char *port_name)
{
    return strncasecmp(port_name, "Midi Through", 12) == 0;
}

void midi_backend_log(const struct midi_host *host, const char *fmt, ...)
{
    char line[512];
    va_list ap;

    if (!host || !host->log)
        return;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    host->log(host->user, line);
}
