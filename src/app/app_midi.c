/* app_midi: controllers in the running program (see app_midi.h). */
#include "app_midi.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "midi_backend.h"
#include "midi_file.h"
#include "midi_portmidi.h"

struct app_midi {
    struct midi_backend backend;
    bool have_backend;
    bool file_done;         /* --midi-in reached its end */
    int open_ports;
    char name[MIDI_NAME_MAX]; /* the connected controller's display name */
};

static void on_bytes(void *user, int port, const uint8_t *bytes, size_t n)
{
    (void)user, (void)port, (void)bytes, (void)n;
}

static void on_event(void *user, const struct midi_event *ev)
{
    struct app *a = user;
    struct app_midi *M = a->midi;
    switch (ev->kind) {
    case MIDI_EVENT_OPENED:
        M->open_ports++;
        snprintf(M->name, sizeof M->name, "%s", ev->name);
        break;
    case MIDI_EVENT_ENDED:
        M->file_done = true;
        break;
    case MIDI_EVENT_LOST:
        if (M->open_ports > 0)
            M->open_ports--;
        break;
    case MIDI_EVENT_NONE_CONNECTED:
        M->open_ports = 0;
        break;
    default:
        break;
    }
    a->dirty = true;
}

static int match(void *user, const char *port_name)
{
    (void)user;
    return midi_backend_is_system_port(port_name) ? -1 : 0;
}

static void log_line(void *user, const char *line)
{
    (void)user;
    if (getenv("SOUNDBOARD_MIDI_LOG"))
        fprintf(stderr, "soundboard: midi: %s\n", line);
}

bool app_midi_init(struct app *a, bool use_portmidi)
{
    struct app_midi *M = calloc(1, sizeof *M);
    if (!M)
        abort();
    a->midi = M;
    struct midi_host host = {.user = a, .on_bytes = on_bytes,
                             .on_event = on_event, .match = match,
                             .log = log_line};
    char err[512];
    if (a->opt.midi_in || a->opt.midi_out) {
        struct midi_file_config cfg = {.in_path = a->opt.midi_in,
                                       .out_path = a->opt.midi_out};
        if (!midi_file_create(&M->backend, &cfg, &host, err, sizeof err)) {
            fprintf(stderr, "soundboard: %s\n", err);
            return false;
        }
        M->have_backend = true;
    } else if (use_portmidi) {
        if (!midi_portmidi_create(&M->backend, &host, err, sizeof err)) {
            fprintf(stderr, "soundboard: %s\n", err);
            return false;
        }
        M->have_backend = true;
    }
    return true;
}

void app_midi_free(struct app *a)
{
    if (!a->midi)
        return;
    if (a->midi->have_backend)
        midi_backend_destroy(&a->midi->backend);
    free(a->midi);
    a->midi = NULL;
}

void app_midi_drain(struct app *a)
{
    struct app_midi *M = a->midi;
    if (!M || !M->have_backend || !a->opt.midi_in)
        return;
    /* Regular files end; a FIFO ends when its writer closes. */
    while (!M->file_done && M->have_backend) {
        midi_backend_poll(&M->backend);
        if (!M->file_done)
            SDL_Delay(1);
    }
}

void app_midi_tick(struct app *a)
{
    if (a->midi && a->midi->have_backend)
        midi_backend_poll(&a->midi->backend);
}

bool app_midi_active(const struct app *a)
{
    return a->midi && a->midi->open_ports > 0;
}

void app_midi_board_moved(struct app *a)
{
    (void)a;
}

bool app_midi_command(struct app *a, const struct command *cmd)
{
    if (cmd->kind == CMD_RESCAN && a->midi && a->midi->have_backend) {
        midi_backend_rescan(&a->midi->backend);
        return true;
    }
    return false;
}

void app_midi_view(const struct app *a, struct view *v)
{
    const struct app_midi *M = a->midi;
    v->controller_connected = M && M->open_ports > 0;
    v->controller_name = v->controller_connected ? M->name : NULL;
}

int app_midi_list(struct app *a, FILE *out)
{
    struct midi_host host = {.user = a, .match = match};
    struct midi_backend b;
    char err[256];
    if (!midi_portmidi_create(&b, &host, err, sizeof err)) {
        fprintf(stderr, "soundboard: %s\n", err);
        return 1;
    }
    midi_backend_print_ports(&b, &host, out);
    midi_backend_destroy(&b);
    return 0;
}

int app_midi_check_profile(const char *path, FILE *out)
{
    fprintf(out, "%s: controller profiles cannot be checked yet\n", path);
    return 2;
}
