/* midi_portmidi: PortMidi 217 backend with rescan-based hot-plug
 * (midi_portmidi.h). */
#include "midi_portmidi.h"

#include <alsa/asoundlib.h>
#include <portmidi.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fnv1a.h"
#include "pm_bytes.h"
#include "seq_pool.h"
#include "seq_watch.h"

enum {
    IN_BUFFER = 4096,    /* PortMidi input queue, in events: more than
                            the sequencer pool (SEQ_POOL_INPUT_MAX) */
    READ_BATCH = 256,    /* events per Pm_Read */
    MAX_READS = 256,     /* Pm_Read calls per port per poll (a bound) */
    SYSEX_STACK = 512,
    REASON_MAX = 160
};

#define SEQ_CLIENTS "/proc/asound/seq/clients"
#define SEQ_DEVICE "/dev/snd/seq"

struct slot {
    bool used;
    char name[MIDI_NAME_MAX];
    int nth;              /* 0 for the first device of that name */
    int profile;
    PmDeviceID in_dev, out_dev; /* -1 if none */
    PortMidiStream *in, *out;
    struct pm_bytes_in conv;
    bool failed;
    char reason[REASON_MAX];
};

struct pm_priv {
    struct midi_host host;
    bool initialized;
    bool scanned;         /* at least one full scan happened */
    bool any_open;        /* after the last scan */
    struct slot slots[MIDI_PORTS_MAX];
    bool seq_present;     /* SEQ_CLIENTS could be read at last scan */
    bool seq_node;        /* SEQ_DEVICE existed at last check */
    uint64_t signature;   /* hash of subscribable clients and ports */
    int seq_client;       /* PortMidi's sequencer client; -1 if unknown */
    long in_failures;     /* its input pool's failed allocations; -1 */
    double last_check;    /* monotonic seconds */
    struct seq_watch *watch; /* what tells us that ports changed */
    int seq_fd;           /* PortMidi's sequencer descriptor: readable
                             when input waits; -1 unknown (then poll) */
    unsigned generation;  /* midi_wait.generation: bumped when seq_fd or
                             the watch's descriptor may have changed */
    double settle_until;  /* ports changed: scan at this time; 0 none */
    bool more_input;      /* a drain stopped at MAX_READS */
    bool got_input;       /* the last poll read something */
    int logged_mode;      /* the watch mode last logged, -1 none */
    PmEvent events[READ_BATCH];
};

/* alsa-lib's error handler has no user pointer: the host that hears its
 * messages is kept here (see midi_portmidi.h). */
static const struct midi_host *alsa_log_host;

__attribute__((format(printf, 5, 6)))
static void alsa_error(const char *file, int line, const char *function,
                       int err, const char *fmt, ...)
{
    char text[256];
    va_list ap;

    if (!alsa_log_host)
        return;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    midi_backend_log(alsa_log_host, "alsa: %s:%d (%s): %s%s%s", file, line,
                     function, text, err ? ": " : "",
                     err ? snd_strerror(err) : "");
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static PmTimestamp zero_time(void *info)
{
    (void)info; /* timestamps are not used: output latency is 0 */
    return 0;
}

static void describe_error(PmError e, char *out, size_t len)
{
    if (e == pmHostError) {
        char host[128] = "";
        Pm_GetHostErrorText(host, sizeof host);
        snprintf(out, len, "%s", host[0] ? host : "host error");
    } else {
        snprintf(out, len, "%s", Pm_GetErrorText(e));
    }
}

/* ---- hot-plug trigger ------------------------------------------------ */

/* Reads SEQ_CLIENTS whole (it is small: a few lines per client) into a
 * NUL-terminated buffer to free; NULL if it cannot be read. */
static char *read_clients(void)
{
    FILE *f = fopen(SEQ_CLIENTS, "r");
    size_t cap = 8192, len = 0;
    char *text = f ? malloc(cap) : NULL;

    while (text) {
        len += fread(text + len, 1, cap - 1 - len, f);
        if (len < cap - 1 || cap >= (1u << 20))
            break;
        char *more = realloc(text, cap * 2);
        if (!more) {
            free(text);
            text = NULL;
            break;
        }
        text = more;
        cap *= 2;
    }
    if (f)
        fclose(f);
    if (text)
        text[len] = '\0';
    return text;
}

/* Hashes the numbers and names of clients and of ports others can
 * subscribe to (capability R or W in upper case); counters and
 * connections are left out. With `failures`, also reads the input pool's
 * failed allocations of PortMidi's client. False if there is no file. */
static bool read_signature(const struct pm_priv *p, uint64_t *out,
                           long *failures)
{
    char *text = read_clients();
    const char *client = "";
    size_t client_len = 0;
    uint64_t h = FNV1A_INIT;

    if (!text)
        return false;
    for (char *line = text, *next; *line; line = next) {
        next = strchr(line, '\n');
        next = next ? next + 1 : line + strlen(line);
        size_t len = (size_t)(next - line);
        if (strncmp(line, "Client ", 7) == 0) {
            client = line;
            client_len = len;
            continue;
        }
        if (strncmp(line, "  Port ", 7) != 0)
            continue;
        const char *caps = NULL; /* the last '(': names may hold one */
        for (const char *c = line; c < next; c++)
            if (*c == '(')
                caps = c;
        if (!caps || caps + 2 >= next || (caps[1] != 'R' && caps[2] != 'W'))
            continue;
        h = fnv1a(h, client, client_len);
        h = fnv1a(h, line, len);
    }
    if (failures)
        *failures = seq_pool_input_failures(text, p->seq_client);
    free(text);
    *out = h;
    return true;
}

/* ---- scanning -------------------------------------------------------- */

static void emit(struct pm_priv *p, enum midi_event_kind kind, int id,
                 const char *reason, bool again)
{
    struct slot *s = id >= 0 ? &p->slots[id] : NULL;
    struct midi_event ev = {
        .kind = kind, .port_id = id, .name = s ? s->name : "",
        .profile = s ? s->profile : -1,
        .has_output = s && s->out != NULL, .reason = reason,
        .again = again,
    };
    if (p->host.on_event)
        p->host.on_event(p->host.user, &ev);
}

static void close_streams(struct pm_priv *p)
{
    for (int i = 0; i < MIDI_PORTS_MAX; i++) {
        struct slot *s = &p->slots[i];
        if (s->in)
            Pm_Close(s->in);
        if (s->out)
            Pm_Close(s->out);
        s->in = s->out = NULL;
        s->in_dev = s->out_dev = -1;
    }
}

/* Which occurrence of its name device `id` is, among devices of the
 * same direction. */
static int nth_of_name(PmDeviceID id, bool input)
{
    const PmDeviceInfo *me = Pm_GetDeviceInfo(id);
    int nth = 0;

    for (PmDeviceID i = 0; i < id; i++) {
        const PmDeviceInfo *d = Pm_GetDeviceInfo(i);
        if (d && (input ? d->input : d->output) &&
            strcmp(d->name, me->name) == 0)
            nth++;
    }
    return nth;
}

static PmDeviceID find_output(const char *name, int nth)
{
    int count = Pm_CountDevices();

    for (PmDeviceID i = 0; i < count; i++) {
        const PmDeviceInfo *d = Pm_GetDeviceInfo(i);
        if (d && d->output && strcmp(d->name, name) == 0 &&
            nth_of_name(i, false) == nth)
            return i;
    }
    return -1;
}

static int find_slot(struct pm_priv *p, const char *name, int nth)
{
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        if (p->slots[i].used && p->slots[i].nth == nth &&
            strcmp(p->slots[i].name, name) == 0)
            return i;
    return -1;
}

static int free_slot(struct pm_priv *p)
{
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        if (!p->slots[i].used)
            return i;
    return -1;
}

/* Opens device `dev` (an input) and its output into slot s. The output
 * is opened first: in 217, opening a stream can drop sequencer input that
 * is already waiting, so the input is opened last. */
static bool open_slot(struct pm_priv *p, struct slot *s, PmDeviceID dev)
{
    char why[REASON_MAX];
    PmDeviceID out = find_output(s->name, s->nth);
    PmError e;

    s->out = NULL;
    if (out >= 0) {
        e = Pm_OpenOutput(&s->out, out, NULL, 0, zero_time, NULL, 0);
        if (e != pmNoError) {
            describe_error(e, why, sizeof why);
            midi_backend_log(&p->host, "midi: cannot open output %s: %s",
                             s->name, why);
            s->out = NULL;
        } else {
            s->out_dev = out;
        }
    }
    e = Pm_OpenInput(&s->in, dev, NULL, IN_BUFFER, zero_time, NULL);
    if (e != pmNoError) {
        describe_error(e, why, sizeof why);
        midi_backend_log(&p->host, "midi: cannot open input %s: %s",
                         s->name, why);
        s->in = NULL;
        return false;
    }
    Pm_SetFilter(s->in, PM_FILT_ACTIVE | PM_FILT_CLOCK);
    s->in_dev = dev;
    pm_bytes_in_init(&s->conv);
    midi_backend_log(&p->host, "midi: opened %s (%s), profile %d", s->name,
                     s->out ? "in+out" : "in only", s->profile);
    return true;
}

static void init_portmidi(struct pm_priv *p)
{
    alsa_log_host = &p->host;
    snd_lib_error_set_handler(alsa_error);
    if (p->initialized)
        Pm_Terminate();
    Pm_Initialize();
    p->initialized = true;
}

/* Opens the best hot-plug watch there is (again, if the last one was not
 * the announce port: the sequencer may have appeared) and says which. */
static void update_watch(struct pm_priv *p)
{
    if (!p->watch || seq_watch_mode(p->watch) != SEQ_WATCH_ANNOUNCE) {
        seq_watch_close(p->watch);
        p->watch = seq_watch_open();
    }
    enum seq_watch_mode now = seq_watch_mode(p->watch);
    if ((int)now != p->logged_mode) {
        p->logged_mode = (int)now;
        midi_backend_log(&p->host, "midi: hot-plug: watching %s%s",
                         seq_watch_mode_name(now),
                         now == SEQ_WATCH_NONE ? ", checked every second"
                                               : "");
    }
}

/* PortMidi's own sequencer descriptor is readable when input waits, so
 * the app may sleep until a controller speaks; without it, the app polls
 * while a port is open. Its input pool is raised here too (seq_pool.h). */
static void find_portmidi_fd(struct pm_priv *p)
{
    p->seq_fd = seq_pool_find_fd(seq_watch_fd(p->watch));
    p->seq_client = seq_pool_raise(p->seq_fd, SEQ_POOL_INPUT_MAX);
    if (p->seq_client >= 0)
        midi_backend_log(&p->host, "midi: sequencer client %d, input pool "
                         "%d events", p->seq_client, SEQ_POOL_INPUT_MAX);
    if (p->any_open)
        midi_backend_log(&p->host, "midi: %s", p->seq_fd >= 0
                         ? "input wakes the program (no polling)"
                         : "input is polled every few ms");
}

/* Close all, re-initialize, reopen by name; report the differences. */
static void full_scan(struct pm_priv *p)
{
    bool seen[MIDI_PORTS_MAX] = { false };
    bool was_open = p->any_open;
    int count;

    close_streams(p);
    init_portmidi(p);
    update_watch(p);
    p->generation++; /* descriptors closed and reopened */
    p->settle_until = 0;

    count = Pm_CountDevices();
    for (PmDeviceID i = 0; i < count; i++) {
        const PmDeviceInfo *d = Pm_GetDeviceInfo(i);
        if (!d || !d->input)
            continue;
        int profile = p->host.match(p->host.user, d->name);
        if (profile < 0)
            continue;
        int nth = nth_of_name(i, true);
        int id = find_slot(p, d->name, nth);
        bool again = id >= 0;
        if (id < 0)
            id = free_slot(p);
        if (id < 0) {
            midi_backend_log(&p->host, "midi: too many ports, %s left "
                             "closed", d->name);
            continue;
        }
        struct slot *s = &p->slots[id];
        if (!again) {
            memset(s, 0, sizeof *s);
            snprintf(s->name, sizeof s->name, "%s", d->name);
            s->nth = nth;
        }
        s->profile = profile;
        if (!open_slot(p, s, i))
            continue;
        s->used = true;
        seen[id] = true;
        emit(p, MIDI_EVENT_OPENED, id, NULL, again);
    }

    p->any_open = false;
    for (int id = 0; id < MIDI_PORTS_MAX; id++) {
        struct slot *s = &p->slots[id];
        if (s->used && !seen[id]) {
            emit(p, MIDI_EVENT_LOST, id, "unplugged", false);
            midi_backend_log(&p->host, "midi: %s is gone", s->name);
            s->used = false;
        }
        p->any_open |= s->used;
    }
    if (!p->any_open && (was_open || !p->scanned))
        emit(p, MIDI_EVENT_NONE_CONNECTED, -1, NULL, false);
    p->scanned = true;
    /* A fresh PortMidi means a fresh sequencer client: find it, raise its
     * pool and count its losses from here on. */
    find_portmidi_fd(p);
    p->seq_present = read_signature(p, &p->signature, &p->in_failures);
    p->seq_node = access(SEQ_DEVICE, F_OK) == 0;
    p->last_check = now_seconds();
    /* Our own re-initialization was announced too: not news. */
    seq_watch_drain(p->watch);
}

/* ---- polling --------------------------------------------------------- */

static void fail_slot(struct pm_priv *p, int id, const char *what,
                      PmError e)
{
    struct slot *s = &p->slots[id];
    char why[REASON_MAX - 32];

    describe_error(e, why, sizeof why);
    snprintf(s->reason, sizeof s->reason, "%s failed: %s", what, why);
    s->failed = true;
}

static void drain_slot(struct pm_priv *p, int id)
{
    struct slot *s = &p->slots[id];

    for (int reads = 0; reads < MAX_READS; reads++) {
        int got = Pm_Read(s->in, p->events, READ_BATCH);
        if (got == pmBufferOverflow) {
            pm_bytes_in_init(&s->conv);
            midi_backend_log(&p->host, "midi: %s: input overflow, "
                             "messages lost", s->name);
            emit(p, MIDI_EVENT_OVERFLOW, id, "input overflow", false);
            continue;
        }
        if (got < 0) {
            fail_slot(p, id, "read", (PmError)got);
            return;
        }
        if (got == 0)
            return;

        uint8_t bytes[READ_BATCH * 4];
        size_t n = 0;
        for (int i = 0; i < got; i++)
            n += pm_bytes_from_word(&s->conv,
                                    (uint32_t)p->events[i].message,
                                    bytes + n);
        p->got_input = true;
        if (n > 0)
            p->host.on_bytes(p->host.user, id, bytes, n);
        if (got < READ_BATCH)
            return;
    }
    p->more_input = true;
}

/* Reports failed slots as lost and frees them. Returns true if any. */
static bool drop_failed(struct pm_priv *p)
{
    bool any = false;

    for (int id = 0; id < MIDI_PORTS_MAX; id++) {
        struct slot *s = &p->slots[id];
        if (!s->used || !s->failed)
            continue;
        midi_backend_log(&p->host, "midi: %s: %s", s->name, s->reason);
        emit(p, MIDI_EVENT_LOST, id, s->reason, false);
        s->used = false;
        any = true;
    }
    return any;
}

/* The kernel dropped input for PortMidi's client since the last check
 * (PortMidi itself does not say so): every open port may have lost
 * messages, and a half-read SysEx is no longer whole. */
static void check_losses(struct pm_priv *p, long failures)
{
    if (failures < 0 || p->in_failures < 0 || failures <= p->in_failures) {
        p->in_failures = failures;
        return;
    }
    midi_backend_log(&p->host, "midi: the sequencer dropped %ld input "
                     "messages (read too slowly)", failures - p->in_failures);
    p->in_failures = failures;
    for (int id = 0; id < MIDI_PORTS_MAX; id++)
        if (p->slots[id].used)
            pm_bytes_in_init(&p->slots[id].conv);
    emit(p, MIDI_EVENT_OVERFLOW, -1, "input overflow", false);
}

/* Whether to look for plugged or pulled devices now: MIDI_SETTLE_SECONDS
 * after the watch first said so (a device, or two plugged together,
 * announce a client and several ports in a burst: one scan takes them all,
 * and open controllers are not re-sent their state once per port); on a
 * timer only where there is no watch, or while the sequencer's node exists
 * but nothing could be opened yet (opening it loads the module); while
 * input flows, about once a second for the kernel's drop counter. */
static bool plug_changed(struct pm_priv *p, int bits)
{
    double now = now_seconds();
    bool due = now - p->last_check >= MIDI_PORTMIDI_CHECK_SECONDS;
    enum seq_watch_mode mode = seq_watch_mode(p->watch);
    uint64_t sig;
    bool node;

    if ((bits & SEQ_WATCH_PORTS) && p->settle_until == 0)
        p->settle_until = now + MIDI_SETTLE_SECONDS;
    bool settled = p->settle_until > 0 && now >= p->settle_until;
    if (!settled
        && !(due && (mode == SEQ_WATCH_NONE
                     || (mode == SEQ_WATCH_INOTIFY && p->seq_node
                         && !p->any_open)
                     || p->got_input
                     || (p->any_open && p->seq_fd < 0))))
        return false;
    if (settled)
        p->settle_until = 0;
    p->last_check = now;
    long failures = -1;
    if (read_signature(p, &sig, &failures)) {
        check_losses(p, failures);
        return !p->seq_present || sig != p->signature;
    }
    /* No sequencer. Once its device node exists, opening it loads the
     * module: re-initialize (quietly) while nothing is open. Without the
     * node, wait for it to appear: 217 leaks a little at every init. */
    node = access(SEQ_DEVICE, F_OK) == 0;
    if (node != p->seq_node) {
        p->seq_node = node;
        return true;
    }
    return node && !p->any_open;
}

static void pm_poll(struct midi_backend *b)
{
    struct pm_priv *p = b->priv;

    if (!p->scanned) {
        full_scan(p);
        return;
    }
    int watch_fd = seq_watch_fd(p->watch);
    int bits = seq_watch_drain(p->watch);
    if (seq_watch_fd(p->watch) != watch_fd)
        p->generation++; /* inotify gave way to the announce port */
    p->more_input = false;
    p->got_input = false;
    for (int id = 0; id < MIDI_PORTS_MAX; id++)
        if (p->slots[id].used && p->slots[id].in && !p->slots[id].failed)
            drain_slot(p, id);
    if (drop_failed(p) || plug_changed(p, bits))
        full_scan(p);
}

static void pm_wait(const struct midi_backend *b, struct midi_wait *w)
{
    const struct pm_priv *p = b->priv;
    enum seq_watch_mode mode = seq_watch_mode(p->watch);
    int fd = seq_watch_fd(p->watch);

    w->count = 0;
    w->generation = p->generation;
    if (fd >= 0)
        w->fd[w->count++] = (struct pollfd){.fd = fd, .events = POLLIN};
    if (p->any_open && p->seq_fd >= 0)
        w->fd[w->count++] = (struct pollfd){.fd = p->seq_fd,
                                            .events = POLLIN};
    if (!p->scanned || p->more_input)
        w->timeout_ms = 0;
    else if (p->settle_until > 0) {
        double left = (p->settle_until - now_seconds()) * 1000.0;
        w->timeout_ms = left > 0 ? (int)left + 1 : 0;
    } else if (p->any_open && p->seq_fd < 0)
        w->timeout_ms = MIDI_WAIT_POLL_MS; /* input we cannot hear */
    else if (mode == SEQ_WATCH_NONE
             || (mode == SEQ_WATCH_INOTIFY && p->seq_node && !p->any_open))
        w->timeout_ms = (int)(MIDI_PORTMIDI_CHECK_SECONDS * 1000);
    else
        w->timeout_ms = -1; /* asleep until the watch speaks */
}

static bool pm_send(struct midi_backend *b, int port_id,
                    const uint8_t *bytes, size_t n)
{
    struct pm_priv *p = b->priv;
    struct pm_bytes_out cur;
    struct pm_bytes_msg m;

    if (port_id < 0 || port_id >= MIDI_PORTS_MAX)
        return false;
    struct slot *s = &p->slots[port_id];
    if (!s->used || !s->out || s->failed)
        return false;

    pm_bytes_out_init(&cur, bytes, n);
    while (pm_bytes_next(&cur, &m)) {
        PmError e;
        if (!m.sysex) {
            e = Pm_WriteShort(s->out, 0, (int32_t)m.word);
        } else {
            unsigned char stack[SYSEX_STACK];
            unsigned char *copy = m.len <= sizeof stack ? stack
                                                        : malloc(m.len);
            if (!copy)
                return false;
            memcpy(copy, m.bytes, m.len);
            e = Pm_WriteSysEx(s->out, 0, copy);
            if (copy != stack)
                free(copy);
        }
        if (e < 0) {
            fail_slot(p, port_id, "write", e);
            return false;
        }
    }
    return true;
}

static int pm_list(struct midi_backend *b, struct midi_port_info *out,
                   int max)
{
    struct pm_priv *p = b->priv;
    int count, listed = 0;

    if (!p->initialized)
        init_portmidi(p);
    count = Pm_CountDevices();
    for (PmDeviceID i = 0; i < count; i++) {
        const PmDeviceInfo *d = Pm_GetDeviceInfo(i);
        if (!d || (!d->input && !d->output))
            continue;
        if (listed < max) {
            struct midi_port_info *o = &out[listed];
            snprintf(o->name, sizeof o->name, "%s", d->name);
            o->dir = d->input ? MIDI_DIR_IN : MIDI_DIR_OUT;
            o->port_id = -1;
            for (int id = 0; id < MIDI_PORTS_MAX; id++) {
                struct slot *s = &p->slots[id];
                if (s->used && (s->in_dev == i || s->out_dev == i))
                    o->port_id = id;
            }
        }
        listed++;
    }
    return listed;
}

static void pm_rescan(struct midi_backend *b)
{
    full_scan(b->priv);
}

static void pm_destroy(struct midi_backend *b)
{
    struct pm_priv *p = b->priv;

    if (!p)
        return;
    close_streams(p);
    seq_watch_close(p->watch);
    p->watch = NULL;
    if (p->initialized)
        Pm_Terminate();
    if (alsa_log_host == &p->host) {
        snd_lib_error_set_handler(NULL);
        alsa_log_host = NULL;
    }
    free(p);
    b->priv = NULL;
}

bool midi_portmidi_create(struct midi_backend *b,
                          const struct midi_host *host, char *err,
                          size_t errlen)
{
    struct pm_priv *p = calloc(1, sizeof *p);

    if (!p) {
        snprintf(err, errlen, "midi: out of memory");
        return false;
    }
    p->host = *host;
    p->seq_client = -1;
    p->in_failures = -1;
    p->logged_mode = -1;
    p->seq_fd = -1;
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        p->slots[i].in_dev = p->slots[i].out_dev = -1;
    *b = (struct midi_backend){
        .kind = "portmidi", .priv = p, .list = pm_list, .poll = pm_poll,
        .send = pm_send, .rescan = pm_rescan, .destroy = pm_destroy,
        .wait = pm_wait,
    };
    return true;
}
