/* controllers: profiles, a backend, surfaces and learn (see controllers.h). */
#include "controllers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "latency.h"
#include "midi_file.h"
#include "midi_portmidi.h"
#include "str.h"

enum { FEEDBACK_CHUNK = 1024, FEEDBACK_ROUNDS = 16 };

/* ---- The queue the backend's callbacks fill ----------------------------- */

enum queued_kind { QUEUED_BYTES, QUEUED_EVENT };

struct controllers_queued {
    enum queued_kind kind;
    int port_id;
    size_t off, len;             /* bytes, in queue.bytes */
    struct midi_event ev;        /* QUEUED_EVENT; its strings in queue.bytes */
    long name_off, reason_off;   /* -1: NULL */
};

static size_t put_bytes(struct controllers_queue *q, const void *data,
                        size_t n)
{
    if (q->used + n > q->bytes_cap) {
        size_t cap = q->bytes_cap ? q->bytes_cap : 4096;
        while (cap < q->used + n)
            cap *= 2;
        uint8_t *grown = realloc(q->bytes, cap);
        if (!grown)
            abort();
        q->bytes = grown;
        q->bytes_cap = cap;
    }
    size_t off = q->used;
    memcpy(q->bytes + off, data, n);
    q->used += n;
    return off;
}

static long put_string(struct controllers_queue *q, const char *s)
{
    return s ? (long)put_bytes(q, s, strlen(s) + 1) : -1;
}

static struct controllers_queued *new_item(struct controllers_queue *q)
{
    if (q->count == q->cap) {
        int cap = q->cap ? q->cap * 2 : 64;
        struct controllers_queued *grown =
            realloc(q->item, (size_t)cap * sizeof *grown);
        if (!grown)
            abort();
        q->item = grown;
        q->cap = cap;
    }
    struct controllers_queued *it = &q->item[q->count++];
    memset(it, 0, sizeof *it);
    return it;
}

static void on_bytes(void *user, int port_id, const uint8_t *bytes, size_t n)
{
    struct controllers *c = user;
    struct controllers_queue *q = &c->queue;
    if (c->latency)
        latency_read(c->latency, n);
    struct controllers_queued *last = q->count ? &q->item[q->count - 1] : NULL;
    size_t off = put_bytes(q, bytes, n);
    /* Runs of one port's bytes are one item: a flood stays a few items. */
    if (last && last->kind == QUEUED_BYTES && last->port_id == port_id
        && last->off + last->len == off) {
        last->len += n;
        return;
    }
    struct controllers_queued *it = new_item(q);
    it->kind = QUEUED_BYTES;
    it->port_id = port_id;
    it->off = off;
    it->len = n;
}

static void on_event(void *user, const struct midi_event *ev)
{
    struct controllers_queue *q = &((struct controllers *)user)->queue;
    long name = put_string(q, ev->name), reason = put_string(q, ev->reason);
    struct controllers_queued *it = new_item(q);
    it->kind = QUEUED_EVENT;
    it->port_id = ev->port_id;
    it->ev = *ev;
    it->name_off = name;
    it->reason_off = reason;
}

/* ---- Profiles for the backend ------------------------------------------- */

static int match(void *user, const char *port_name)
{
    const struct controllers *c = user;
    if (midi_backend_is_system_port(port_name))
        return -1;
    if (c->forced >= 0)
        return c->forced;
    int m = profile_store_match(&c->profiles, port_name);
    return m == c->profiles.generic && c->preferred >= 0 ? c->preferred : m;
}

static const char *profile_name(void *user, int index)
{
    const struct controllers *c = user;
    return index >= 0 && index < c->profiles.count
               ? c->profiles.profile[index].id : NULL;
}

static void log_line(void *user, const char *line)
{
    (void)user;
    if (getenv("SOUNDBOARD_MIDI_LOG"))
        fprintf(stderr, "soundboard: midi: %s\n", line);
}

struct midi_host controllers_host(struct controllers *c)
{
    return (struct midi_host){.user = c, .on_bytes = on_bytes,
                              .on_event = on_event, .match = match,
                              .profile_name = profile_name, .log = log_line};
}

/* ---- Lifecycle ---------------------------------------------------------- */

bool controllers_start(struct controllers *c, const struct paths *p,
                       const struct controllers_config *cfg, FILE *log)
{
    memset(c, 0, sizeof *c);
    c->paths = p;
    c->forced = -1;
    c->preferred = -1;
    c->learn_port = -1;
    profile_store_load(&c->profiles, p, log);
    if (cfg->prefer && cfg->prefer[0])
        c->preferred = profile_store_find(&c->profiles, cfg->prefer);
    if (cfg->force) {
        c->forced = profile_store_force(&c->profiles, cfg->force, log);
        if (c->forced < 0)
            return false;
    }
    struct midi_host host = controllers_host(c);
    char err[512];
    if (cfg->midi_in || cfg->midi_out) {
        struct midi_file_config fc = {.in_path = cfg->midi_in,
                                      .out_path = cfg->midi_out};
        if (!midi_file_create(&c->backend, &fc, &host, err, sizeof err)) {
            fprintf(log, "soundboard: %s\n", err);
            return false;
        }
        c->have_backend = true;
        c->accept_guesses = true;
    } else if (cfg->portmidi) {
        if (!midi_portmidi_create(&c->backend, &host, err, sizeof err)) {
            fprintf(log, "soundboard: %s\n", err);
            return false;
        }
        c->have_backend = true;
    }
    c->input_done = !cfg->midi_in;
    return true;
}

void controllers_use_backend(struct controllers *c,
                             const struct midi_backend *b)
{
    if (c->have_backend)
        midi_backend_destroy(&c->backend);
    c->backend = *b;
    c->have_backend = true;
}

/* The program is leaving: no Play or Record LED stays lit. */
static void lights_off(struct controllers *c)
{
    for (int i = 0; i < MIDI_PORTS_MAX; i++) {
        struct controllers_port *p = &c->port[i];
        if (!p->open || !p->has_output)
            continue;
        uint8_t buf[TRANSPORT_LEDS_BYTES_MAX];
        size_t n = surface_lights_off(&p->surface, buf, sizeof buf);
        if (n)
            midi_backend_send(&c->backend, i, buf, n);
    }
}

void controllers_free(struct controllers *c)
{
    if (c->have_backend) {
        lights_off(c);
        midi_backend_destroy(&c->backend);
    }
    c->have_backend = false;
    profile_store_free(&c->profiles);
    free(c->queue.item);
    free(c->queue.bytes);
    memset(&c->queue, 0, sizeof c->queue);
}

void controllers_poll(struct controllers *c)
{
    if (c->have_backend)
        midi_backend_poll(&c->backend);
}

/* ---- Applying the queue ------------------------------------------------- */

static void update_status(struct controllers *c)
{
    int first = -1, open = 0;
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        if (c->port[i].open && open++ == 0)
            first = i;
    c->status[0] = '\0';
    if (first < 0)
        return;
    const struct controllers_port *p = &c->port[first];
    /* The generic profile says nothing about the device: show the port's
     * own name. */
    const char *name = p->profile == c->profiles.generic
                           ? p->name : c->profiles.profile[p->profile].name;
    if (open > 1)
        snprintf(c->status, sizeof c->status, "%s +%d", name, open - 1);
    else
        str_copy(c->status, sizeof c->status, name);
}

/* A profile id from a port name: lower case, runs of other characters as
 * one '-': "nanoKONTROL2 MIDI 1" -> "nanokontrol2-midi-1". */
static void slug(const char *name, char *out, size_t outlen)
{
    size_t n = 0;
    bool dash = false;
    for (const char *s = name; *s && n + 2 < outlen; s++) {
        unsigned char ch = (unsigned char)*s;
        if (isalnum(ch)) {
            if (dash && n > 0)
                out[n++] = '-';
            out[n++] = (char)tolower(ch);
            dash = false;
        } else {
            dash = true;
        }
    }
    if (n == 0)
        n = str_copy(out, outlen, "learned");
    out[n] = '\0';
}

/* Ends learn mode: saves what was taught as a profile for the port in the
 * user's controllers folder and uses it from now on. */
static void learn_finish(struct controllers *c, const struct board *b,
                         struct changes *ch)
{
    c->learning = false;
    ch->redraw = true;
    if (c->learn_port < 0)
        return;
    struct controllers_port *p = &c->port[c->learn_port];
    struct profile *prof = malloc(sizeof *prof);
    if (!prof)
        abort();
    char id[PROFILE_ID_MAX], path[PATHS_MAX], err[PATHS_MAX + 128] = "";
    slug(p->name, id, sizeof id);
    learn_make_profile(&c->learn, p->name, id, prof);
    int index = profile_store_save(&c->profiles, c->paths, prof, path, err,
                                   sizeof err);
    free(prof);
    if (index < 0) {
        fprintf(stderr, "soundboard: learn: %s\n", err);
        changes_notice(ch, "notice.learn-failed", err);
        return;
    }
    /* Use it from now on: for this port now, and at every start. */
    p->profile = index;
    surface_init(&p->surface, &c->profiles.profile[index]);
    surface_board_moved(&p->surface, b);
    update_status(c);
    changes_notice(ch, "notice.learn-saved", path);
}

static void learn_bytes(struct controllers *c, int port_id,
                        const uint8_t *bytes, size_t n, const struct board *b,
                        int64_t now, struct changes *ch)
{
    struct controllers_port *p = &c->port[port_id];
    if (c->learn_port >= 0 && c->learn_port != port_id)
        return; /* one controller at a time */
    for (size_t i = 0; i < n && c->learning; i++) {
        struct midi_msg m;
        if (!midi_decoder_feed(&p->learn_decoder, bytes[i], &m))
            continue;
        if (m.kind > MIDI_PITCH_BEND)
            continue;
        c->learn_port = port_id;
        learn_feed(&c->learn, &m, now);
        ch->redraw = true;
        if (learn_done(&c->learn))
            learn_finish(c, b, ch);
    }
}

static void port_bytes(struct controllers *c, int port_id,
                       const uint8_t *bytes, size_t n, struct board *b,
                       int64_t now, struct changes *ch)
{
    if (port_id < 0 || port_id >= MIDI_PORTS_MAX || !c->port[port_id].open)
        return;
    if (c->learning) {
        learn_bytes(c, port_id, bytes, n, b, now, ch);
        return;
    }
    struct surface_result r;
    surface_feed(&c->port[port_id].surface, bytes, n, now, b, &r);
    if (r.board_changed) {
        ch->hands_on = ch->redraw = true;
        /* Other controllers follow (motors, LEDs, takeover). */
        for (int i = 0; i < MIDI_PORTS_MAX; i++)
            if (i != port_id && c->port[i].open)
                surface_board_moved(&c->port[i].surface, b);
    }
    if (r.touched >= 0 || r.focus_changed)
        ch->redraw = true; /* a ghost may have moved, or the focus */
    if (r.focus_changed) /* faders that follow the focus change meaning */
        for (int i = 0; i < MIDI_PORTS_MAX; i++)
            if (c->port[i].open)
                surface_board_moved(&c->port[i].surface, b);
    struct controllers_port *p = &c->port[port_id];
    if (r.unknown_spoke && !p->told_unknown) {
        /* An unknown device spoke (a keyboard's mod wheel, say): ask the
         * room once instead of moving a fader by surprise. */
        char arg[MIDI_NAME_MAX + 40];
        snprintf(arg, sizeof arg, "%s (%s)", p->name, r.heard);
        changes_notice(ch, "notice.unknown-controller", arg);
        p->told_unknown = true;
    }
    for (int i = 0; i < r.command_count; i++)
        changes_command(ch, r.command[i]);
}

static void port_event(struct controllers *c, const struct midi_event *ev,
                       struct changes *ch)
{
    struct controllers_port *p = ev->port_id >= 0
                                         && ev->port_id < MIDI_PORTS_MAX
                                     ? &c->port[ev->port_id] : NULL;
    switch (ev->kind) {
    case MIDI_EVENT_OPENED:
        if (!p || ev->profile < 0 || ev->profile >= c->profiles.count)
            break;
        memset(p, 0, sizeof *p);
        p->open = true;
        p->has_output = ev->has_output;
        p->needs_full = true; /* motors and LEDs are sent the board */
        p->profile = ev->profile;
        str_copy(p->name, sizeof p->name, ev->name ? ev->name : "");
        /* A fresh controller takes the value on its first move (the
         * surface starts caught). */
        surface_init(&p->surface, &c->profiles.profile[p->profile]);
        /* The generic map is a guess: it moves nothing until the user
         * says so (--controller, --midi-in, or `controller generic`). */
        if (c->forced >= 0 || c->accept_guesses)
            surface_accept_guess(&p->surface);
        midi_decoder_init(&p->learn_decoder);
        fprintf(stderr, "soundboard: controller connected: %s (%s)\n",
                p->name, c->profiles.profile[p->profile].id);
        break;
    case MIDI_EVENT_ENDED:
        c->input_done = true;
        break;
    case MIDI_EVENT_LOST:
        c->input_done = true; /* a --midi-in FIFO or device that failed */
        if (p && p->open) {
            fprintf(stderr, "soundboard: controller disconnected: %s%s%s\n",
                    p->name, ev->reason ? ": " : "",
                    ev->reason ? ev->reason : "");
            p->open = false;
            if (c->learn_port == ev->port_id)
                c->learn_port = -1;
        }
        break;
    case MIDI_EVENT_OVERFLOW:
        log_line(c, "input overflow: some messages were lost");
        /* The board may now differ from where the faders stand. */
        changes_notice(ch, "notice.midi-overflow", NULL);
        break;
    case MIDI_EVENT_NONE_CONNECTED:
        for (int i = 0; i < MIDI_PORTS_MAX; i++)
            c->port[i].open = false;
        break;
    }
    update_status(c);
    ch->redraw = true;
}

void controllers_apply(struct controllers *c, struct board *b, int64_t now,
                       struct changes *ch)
{
    struct controllers_queue *q = &c->queue;
    for (int i = 0; i < q->count; i++) {
        struct controllers_queued *it = &q->item[i];
        if (it->kind == QUEUED_BYTES) {
            port_bytes(c, it->port_id, q->bytes + it->off, it->len, b, now,
                       ch);
            continue;
        }
        struct midi_event ev = it->ev;
        ev.name = it->name_off >= 0 ? (const char *)q->bytes + it->name_off
                                    : NULL;
        ev.reason = it->reason_off >= 0
                        ? (const char *)q->bytes + it->reason_off : NULL;
        port_event(c, &ev, ch);
    }
    q->count = 0;
    q->used = 0;
}

void controllers_board_moved(struct controllers *c, const struct board *b)
{
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        if (c->port[i].open)
            surface_board_moved(&c->port[i].surface, b);
}

static void send_port(struct controllers *c, int port_id,
                      const struct board *b, const struct transport_state *t,
                      const char *const *labels, const char *const *zones)
{
    struct controllers_port *p = &c->port[port_id];
    if (!p->open || !p->has_output)
        return;
    surface_transport(&p->surface, t);
    bool full = p->needs_full;
    p->needs_full = false;
    uint8_t buf[FEEDBACK_CHUNK];
    /* A full refresh may not fit one buffer: the surface continues where
     * it stopped on the next call. */
    for (int rounds = 0; rounds < FEEDBACK_ROUNDS; rounds++) {
        size_t n = surface_feedback(&p->surface, b, labels, zones,
                                    full && rounds == 0, buf, sizeof buf);
        if (n == 0 || !midi_backend_send(&c->backend, port_id, buf, n))
            break;
    }
}

void controllers_send(struct controllers *c, const struct board *b,
                      const struct transport_state *t,
                      const struct content *ct)
{
    if (!c->have_backend)
        return;
    static const char *const zone_keys[ZONE_COUNT] = {
        "lcd.teacher-generated", "lcd.co-created", "lcd.student-generated"};
    const char *labels[BOARD_ELEMENTS], *zones[ZONE_COUNT];
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        labels[e] = ct->element[e].label ? ct->element[e].label
                                         : board_element_id(e);
    for (int z = 0; z < ZONE_COUNT; z++)
        zones[z] = content_string(ct, zone_keys[z]);
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        send_port(c, i, b, t, labels, zones);
}

/* ---- Commands ----------------------------------------------------------- */

static void learn_toggle(struct controllers *c, struct changes *ch)
{
    if (c->learning) {
        c->learning = false;
        changes_notice(ch, "notice.learn-stopped", NULL);
        return;
    }
    if (!controllers_active(c)) {
        changes_notice(ch, "notice.learn-no-controller", NULL);
        return;
    }
    learn_start(&c->learn);
    c->learning = true;
    c->learn_port = -1;
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        midi_decoder_init(&c->port[i].learn_decoder);
    ch->redraw = true;
}

/* `controller generic`: every port held on the generic guess gets a
 * profile of its own, the generic map under the port's name, saved in
 * the user's controllers folder: used now and at every start. */
static void accept_generic(struct controllers *c, const struct board *b,
                           struct changes *ch)
{
    bool any = false;
    for (int i = 0; i < MIDI_PORTS_MAX; i++) {
        struct controllers_port *p = &c->port[i];
        if (!p->open || !p->surface.held)
            continue;
        any = true;
        struct profile *prof = malloc(sizeof *prof);
        if (!prof)
            abort();
        *prof = c->profiles.profile[p->profile];
        slug(p->name, prof->id, sizeof prof->id);
        str_copy(prof->name, sizeof prof->name, p->name);
        str_copy(prof->match[0], sizeof prof->match[0], p->name);
        prof->match_count = 1;
        prof->exclude_count = 0;
        prof->guess = false;
        char path[PATHS_MAX], err[PATHS_MAX + 128] = "";
        int index = profile_store_save(&c->profiles, c->paths, prof, path,
                                       err, sizeof err);
        free(prof);
        surface_accept_guess(&p->surface); /* for this run, saved or not */
        if (index < 0) {
            fprintf(stderr, "soundboard: %s\n", err);
            changes_notice(ch, "notice.generic-failed", err);
            continue;
        }
        p->profile = index;
        surface_init(&p->surface, &c->profiles.profile[index]);
        surface_board_moved(&p->surface, b);
        changes_notice(ch, "notice.generic-saved", path);
    }
    if (!any)
        changes_notice(ch, "notice.generic-none", NULL);
    update_status(c);
}

bool controllers_command(struct controllers *c, const struct command *cmd,
                         const struct board *b, struct changes *ch)
{
    switch (cmd->kind) {
    case CMD_ACCEPT_GENERIC:
        accept_generic(c, b, ch);
        return true;
    case CMD_LEARN:
        learn_toggle(c, ch);
        return true;
    case CMD_RESCAN:
        if (c->have_backend)
            midi_backend_rescan(&c->backend);
        return true;
    case CMD_SELECT:
        /* While learning, the arrows pick an element to teach again. */
        if (!c->learning)
            return false;
        learn_redo(&c->learn, cmd->element >= 0
                                  ? cmd->element
                                  : (c->learn.element + cmd->value
                                     + BOARD_ELEMENTS) % BOARD_ELEMENTS);
        ch->redraw = true;
        return true;
    case CMD_OVERLAY:
        if (c->learning && cmd->value == OVERLAY_NONE) {
            c->learning = false; /* Escape stops learning */
            ch->redraw = true;
            return true;
        }
        return false;
    default:
        return false;
    }
}

/* ---- What the screen shows ---------------------------------------------- */

bool controllers_active(const struct controllers *c)
{
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        if (c->port[i].open)
            return true;
    return false;
}

const char *controllers_profile_id(const struct controllers *c)
{
    for (int i = 0; i < MIDI_PORTS_MAX; i++) {
        const struct controllers_port *p = &c->port[i];
        if (!p->open)
            continue;
        if (p->profile < 0 || p->profile >= c->profiles.count
            || p->profile == c->profiles.generic)
            return NULL;
        return c->profiles.profile[p->profile].id;
    }
    return NULL;
}

void controllers_wait(const struct controllers *c, struct midi_wait *w)
{
    memset(w, 0, sizeof *w);
    w->timeout_ms = -1;
    if (c->have_backend)
        midi_backend_wait(&c->backend, w);
}

bool controllers_learning(const struct controllers *c)
{
    return c->learning;
}

bool controllers_input_done(const struct controllers *c)
{
    return c->input_done;
}

void controllers_view(const struct controllers *c, struct view *v)
{
    for (int i = 0; i < MIDI_PORTS_MAX; i++) {
        const struct controllers_port *p = &c->port[i];
        if (!p->open)
            continue;
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            int g;
            if (!v->ghost_visible[e] && surface_ghost(&p->surface, e, &g)) {
                v->ghost_visible[e] = true;
                v->ghost_value[e] = g;
            }
        }
    }
    v->controller_connected = controllers_active(c);
    v->controller_name = c->status[0] ? c->status : NULL;
    v->learning = c->learning;
    v->learn_element = c->learn.element < BOARD_ELEMENTS ? c->learn.element
                                                         : BOARD_ELEMENTS - 1;
    v->learn_heard = c->learning ? learn_heard(&c->learn) : NULL;
}

/* ---- --list-midi -------------------------------------------------------- */

int controllers_list(const struct paths *p, FILE *out)
{
    struct controllers *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    struct controllers_config cfg = {0};
    controllers_start(c, p, &cfg, stderr);
    struct midi_host host = controllers_host(c);
    host.on_bytes = NULL;
    host.on_event = NULL;
    struct midi_backend b;
    char err[256];
    int status = 0;
    if (!midi_portmidi_create(&b, &host, err, sizeof err)) {
        fprintf(stderr, "soundboard: %s\n", err);
        status = 1;
    } else {
        midi_backend_print_ports(&b, &host, out);
        midi_backend_destroy(&b);
    }
    controllers_free(c);
    free(c);
    return status;
}
